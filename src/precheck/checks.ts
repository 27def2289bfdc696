// All precheck verdicts in the order the summary lists them, and the one message a failed precheck ends with.
import type { CheckRow } from '../report/types.js'
import { awsChecks } from './aws-checks.js'
import type { CheckContext, PrecheckFacts } from './facts.js'
import { selectionChecks } from './selection-checks.js'
import { sourceChecks } from './source-checks.js'
import { targetChecks, tempDirRow } from './target-checks.js'
import { unsupportedRow } from './unsupported-checks.js'
import { tableKey, type TableName } from '../table-filter/table-name.js'
import { findUnsupported, withoutLeftOut, type UnsupportedFindings } from './unsupported.js'

/** What the precheck concluded. */
export interface PrecheckJudgement {
  readonly rows: CheckRow[]
  /** What TiDB cannot hold; undefined when the source could not be read. */
  readonly unsupported: UnsupportedFindings | undefined
  /**
   * The facts the checks judged: those gathered, less the tables TiDB cannot create (left out of every phase, so
   * the plan and the next phases never see them).
   */
  readonly facts: PrecheckFacts
}

const NO_OBJECTS = { triggers: [], routines: [], events: [], accounts: [] } as const

/** Every check, judged from the facts, and what TiDB cannot hold. Pure. */
export function judgePrecheck(facts: PrecheckFacts, ctx: CheckContext): PrecheckJudgement {
  if (!facts.source.ok) {
    return { rows: evaluateRows(facts, ctx, undefined), unsupported: undefined, facts }
  }
  const src = facts.source.value
  const objects = src.objects.ok ? src.objects.value : NO_OBJECTS
  const unsupported = findUnsupported(src.catalog, objects, ctx.inputs.tools.tidbVersion)
  const kept: PrecheckFacts =
    unsupported.leftOut.length === 0 ? facts : leaveOut(facts, unsupported.leftOut)
  const row = unsupportedRow(unsupported, src.objects, ctx, {
    grants: src.grants,
    databases: [...new Set(src.catalog.tables.map((t) => t.database))]
  })
  return { rows: evaluateRows(kept, ctx, row), unsupported, facts: kept }
}

/** The facts without the tables left out: not in the catalog, and not looked for on the target. */
function leaveOut(facts: PrecheckFacts, leftOut: readonly TableName[]): PrecheckFacts {
  if (!facts.source.ok) return facts
  const gone = new Set(leftOut.map(tableKey))
  const targetTables = facts.target.tables
  return {
    ...facts,
    source: {
      ok: true,
      value: { ...facts.source.value, catalog: withoutLeftOut(facts.source.value.catalog, leftOut) }
    },
    target: {
      ...facts.target,
      tables: targetTables.ok
        ? { ok: true, value: targetTables.value.filter((t) => !gone.has(tableKey(t))) }
        : targetTables
    }
  }
}

function evaluateRows(
  facts: PrecheckFacts,
  ctx: CheckContext,
  unsupported: CheckRow | undefined
): CheckRow[] {
  return [
    ...sourceChecks(facts, ctx),
    ...selectionChecks(facts, ctx),
    ...(unsupported ? [unsupported] : []),
    ...targetChecks(facts, ctx),
    tempDirRow(facts),
    ...awsChecks(facts, ctx)
  ]
}

/** Every check, judged from the facts. Pure. */
export function evaluatePrecheck(facts: PrecheckFacts, ctx: CheckContext): CheckRow[] {
  return judgePrecheck(facts, ctx).rows
}

/** The message of a failed precheck: how many failed, then one line per failed check naming what to fix. */
export function failureMessage(rows: readonly CheckRow[]): string | undefined {
  const failed = rows.filter((r) => r.status === 'fail')
  if (failed.length === 0) return undefined
  const head =
    failed.length === 1
      ? 'A precheck failed; nothing was changed. Fix it and run again:'
      : `${failed.length} prechecks failed; nothing was changed. Fix them and run again:`
  return [head, ...failed.map((r) => `- ${r.title}: ${r.reason}`)].join('\n')
}
