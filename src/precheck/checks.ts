// All precheck verdicts in the order the summary lists them, and the one message a failed precheck ends with.
import type { CheckRow } from '../report/types.js'
import { awsChecks } from './aws-checks.js'
import type { CheckContext, PrecheckFacts } from './facts.js'
import { selectionChecks } from './selection-checks.js'
import { sourceChecks } from './source-checks.js'
import { targetChecks } from './target-checks.js'

/** Every check, judged from the facts. Pure. */
export function evaluatePrecheck(facts: PrecheckFacts, ctx: CheckContext): CheckRow[] {
  return [
    ...sourceChecks(facts, ctx),
    ...selectionChecks(facts, ctx),
    ...targetChecks(facts, ctx),
    ...awsChecks(facts, ctx)
  ]
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
