// Waiting for an export slot. AWS runs at most five snapshot export tasks at a time per account ("You can have up to
// five concurrent DB snapshot export tasks in progress per AWS account", Amazon Aurora User Guide, "Exporting DB
// cluster snapshot data to Amazon S3"), and a sixth StartExportTask is refused. The code is outside the RDS API
// model: AWS answers `ExportTaskLimitReachedFault` "You have reached the limit of 5 concurrent export tasks", which
// the SDK throws as an RDSServiceException of that name. A fleet of migrations (a `matrix:` of jobs) reaches the
// limit in the normal course of things, so the export phase waits for a slot — logged, with a heartbeat, within
// `export-timeout-minutes` — instead of failing.
import { awsErrorLine, isAwsError } from '../aws/aws-call.js'
import type { ExportTaskView } from '../aws/export-task.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import { PhaseError } from '../util/errors.js'
import { formatDuration } from '../util/format.js'
import { pollInPhase, type AwsPhaseKit } from './aws-deps.js'

/** AWS's code for "the account already runs its five concurrent export tasks". */
export const EXPORT_LIMIT_CODE = 'ExportTaskLimitReachedFault'

/** How StartExportTask is tried again while the account is at its limit: exports take minutes to hours. */
export const SLOT_POLL = { intervalMs: 10_000, maxIntervalMs: 60_000, factor: 1.5, jitter: 0.2 }

type Attempt =
  | { readonly kind: 'started'; readonly task: ExportTaskView }
  | { readonly kind: 'busy'; readonly line: string }
  | { readonly kind: 'failed'; readonly error: unknown }

/** The task started, and how long the phase waited for a slot first (it counts against export-timeout-minutes). */
export interface SlotStart {
  readonly task: ExportTaskView
  readonly waitedMs: number
}

/**
 * Calls `start` until AWS accepts it. Any answer other than the limit (including ExportTaskAlreadyExists) is thrown
 * to the caller unchanged; at the deadline the phase fails saying nothing was started.
 * @param start one StartExportTask call
 * @param id the task id, for messages
 * @param deadlineMs how long to wait for a slot
 */
export async function startWhenSlotFree(
  ctx: PhaseContext,
  phase: string,
  kit: Pick<AwsPhaseKit, 'clock' | 'random'>,
  id: string,
  deadlineMs: number,
  start: () => Promise<ExportTaskView>
): Promise<SlotStart> {
  const began = kit.clock.now()
  let announced = false
  const result = await pollInPhase<Attempt>(
    ctx,
    phase,
    kit,
    {
      label: `a free export slot for ${id}`,
      check: async () => {
        try {
          return { kind: 'started', task: await start() }
        } catch (e) {
          if (isAwsError(e, EXPORT_LIMIT_CODE)) return { kind: 'busy', line: awsErrorLine(e) }
          return { kind: 'failed', error: e }
        }
      },
      isDone: (a) => a.kind !== 'busy',
      ...SLOT_POLL,
      deadlineMs,
      describe: (a) => (a.kind === 'busy' ? a.line : a.kind),
      onProgress: (a, p) => {
        if (a.kind !== 'busy') return
        const waited = formatDuration(p.elapsedMs)
        ctx.progress(`waiting for an export slot (${waited}): the account runs 5 export tasks`)
        if (announced) return
        announced = true
        ctx.log.info(
          `AWS refused to start export task ${id}: ${a.line}. AWS runs at most 5 export tasks at a time per account; waiting for one of them to end (within export-timeout-minutes, ${formatDuration(deadlineMs)}).`
        )
      }
    },
    (e) =>
      new PhaseError(
        phase,
        `No export slot became free within ${formatDuration(deadlineMs)} (export-timeout-minutes): the account kept running 5 export tasks, AWS's limit per account. Export task ${id} was NOT started; re-run later, or raise export-timeout-minutes.`,
        { toolLine: e.lastSeen, cause: e }
      )
  )
  // poll() returns only a done attempt: started or failed.
  if (result.kind !== 'started') throw result.kind === 'failed' ? result.error : new Error(id)
  const waitedMs = kit.clock.now() - began
  if (announced)
    ctx.log.info(
      `An export slot became free after ${formatDuration(waitedMs)}: export task ${id} started.`
    )
  return { task: result.task, waitedMs }
}
