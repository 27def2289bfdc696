// Phase `precheck`: before any side effect, read the source, the target, AWS and the runner (reads only: SELECT,
// SHOW, Aurora's read-only rds_show_configuration, RDS Describe*, S3 GetBucketLocation/ListObjectsV2, IAM GetRole,
// KMS DescribeKey), judge everything, put every verdict in the report's checks, and fail after all of them ran when
// any failed — so the user fixes everything in one go. It hands the selected tables and the source's flavour to the
// next phases (MigrationState.tables, .source, .precheck). For `operation: plan` a failure is handed to the plan
// phase instead (state.precheckFailure), which fails the run after writing the plan that explains it.
import { failureMessage, judgePrecheck } from '../precheck/checks.js'
import type { PrecheckFacts } from '../precheck/facts.js'
import type { Inputs } from '../inputs/types.js'
import type { CheckRow } from '../report/types.js'
import { PhaseError } from '../util/errors.js'
import type { MigrationState, SelectedTable } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** What the phase reads with, replaceable in unit tests. */
export interface PrecheckDeps {
  readonly gather: (inputs: Inputs, signal: AbortSignal) => Promise<PrecheckFacts>
  readonly now: () => number
}

const DEFAULT_DEPS: PrecheckDeps = {
  // Loaded when the phase runs: gathering pulls in mysql2 and the AWS SDK, which a run that fails its inputs, or a
  // DM operation, never needs (the bundle's cold start).
  gather: async (i, s) => (await import('../precheck/gather.js')).gatherFacts(i, s),
  now: Date.now
}

const ICON: Record<CheckRow['status'], string> = { pass: '✅', warn: '⚠️', fail: '❌' }

const names = (tables: readonly SelectedTable[]): string =>
  tables
    .map((t) => `${t.database}.${t.table}`)
    .sort()
    .join('\n')

/**
 * Hands what the checks learned to the next phases. A resumed run keeps the selection its earlier attempt recorded:
 * the export was made from it.
 */
function remember(
  state: MigrationState,
  facts: PrecheckFacts,
  warn: (message: string) => void
): SelectedTable[] {
  state.precheck = facts
  if (!facts.source.ok) return []
  const src = facts.source.value
  state.source = {
    version: src.version.text,
    flavor: src.version.flavor,
    gtidEnabled: src.settings.gtidEnabled
  }
  const selected = src.catalog.tables.map((t) => ({
    database: t.database,
    table: t.table,
    estimatedRows: t.estimatedRows,
    bytes: t.bytes,
    hasUniqueKey: t.hasUniqueKey
  }))
  const earlier = state.resumed === undefined ? undefined : state.tables
  if (earlier !== undefined && names(earlier) !== names(selected)) {
    warn(
      `The filter now selects ${selected.length} table(s) on the source; the earlier attempt of this run selected ${earlier.length}. The resumed run keeps the earlier selection, which its snapshot export holds; start a new run (another run-key) to migrate the new selection.`
    )
  }
  state.tables = earlier ?? selected
  return state.tables
}

/**
 * The precheck phase.
 * @param state receives the selected tables, the source's flavour and the facts for the plan
 * @param deps replaceable reads (tests)
 */
export function precheckPhase(state: MigrationState, deps: PrecheckDeps = DEFAULT_DEPS): PhaseBody {
  return {
    id: 'precheck',
    title: 'Precheck: source, target, AWS and selection',
    async run(ctx) {
      ctx.progress('reading the source, the target and AWS')
      const facts = await deps.gather(ctx.inputs, ctx.signal)
      const judged = judgePrecheck(facts, {
        inputs: ctx.inputs,
        now: deps.now(),
        resumed: state.resumed?.phasesDone
      })
      const rows = judged.rows
      ctx.report.checks.push(...rows)
      for (const r of rows) ctx.log.info(`${ICON[r.status]} ${r.title}: ${r.reason}`)
      if (judged.unsupported !== undefined) {
        ctx.report.unsupported = [...judged.unsupported.objects]
        state.leftOut = [...judged.unsupported.leftOut]
        for (const t of state.leftOut)
          ctx.log.warning(
            `Left out of every phase, TiDB cannot create it: \`${t.database}\`.\`${t.table}\` (${t.reason})`
          )
      }
      // The next phases and the plan see the facts without the left-out tables.
      const tables = remember(state, judged.facts, (m) => ctx.log.warning(m))
      const count = (s: CheckRow['status']): number => rows.filter((r) => r.status === s).length
      ctx.record.numbers.push(
        { label: 'tables', value: tables.length },
        { label: 'estimated rows', value: tables.reduce((n, t) => n + (t.estimatedRows ?? 0), 0) },
        { label: 'size', value: tables.reduce((n, t) => n + (t.bytes ?? 0), 0), unit: 'bytes' }
      )
      ctx.record.note = `${count('pass')} passed · ${count('warn')} warnings · ${count('fail')} failed`
      const failure = failureMessage(rows)
      if (failure === undefined) return
      if (ctx.inputs.operation === 'plan') {
        state.precheckFailure = failure
        ctx.record.note += ' (the plan is written all the same; the plan phase fails the run)'
        return
      }
      throw new PhaseError('precheck', failure)
    }
  }
}
