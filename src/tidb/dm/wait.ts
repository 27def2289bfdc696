// Waiting on a DM task through query-status: until a new task runs from the recorded position (replicate), until a
// pause/resume/stop shows (lifecycle operations), or until the lag is small enough to cut over (status). Time comes
// from an injected Clock, so the schedules are tested without waiting.
import type { DmTaskStatus, RecordedPosition } from './status.js'
import type { Clock } from '../../util/clock.js'
import { DeadlineError } from '../../util/errors.js'
import { poll } from '../../util/poll.js'
import { describeTaskStatus } from './status-text.js'

/** How to wait. */
export interface TaskWaitOptions {
  readonly deadlineMs: number
  /** First interval between checks, ms (default 2 s), growing to `maxIntervalMs` (default 15 s). */
  readonly intervalMs?: number
  readonly maxIntervalMs?: number
  readonly clock?: Clock
  readonly signal?: AbortSignal
  /** Called with every status read, for the heartbeat. */
  readonly onStatus?: (status: DmTaskStatus) => void
}

/** How a wait ended. */
export interface TaskWaitResult {
  /** `reached`: the goal; `failed`: a state the goal cannot come from (error, gone); `timeout`: the deadline. */
  readonly outcome: 'reached' | 'failed' | 'timeout'
  /** The last status read. */
  readonly status: DmTaskStatus
}

/**
 * Polls `query` until `reached` or `failed` says so, or the deadline passes (then the outcome is `timeout`, not an
 * exception, so the caller can publish what it saw last).
 * @throws the query's own errors (a dmctl that cannot reach the master), and the abort reason when cancelled
 */
export async function waitForTask(
  label: string,
  query: () => Promise<DmTaskStatus>,
  reached: (s: DmTaskStatus) => boolean,
  failed: (s: DmTaskStatus) => boolean,
  opts: TaskWaitOptions
): Promise<TaskWaitResult> {
  let last: DmTaskStatus | undefined
  try {
    const status = await poll({
      label,
      check: async () => {
        last = await query()
        opts.onStatus?.(last)
        return last
      },
      isDone: (s) => reached(s) || failed(s),
      intervalMs: opts.intervalMs ?? 2000,
      maxIntervalMs: opts.maxIntervalMs ?? 15_000,
      deadlineMs: opts.deadlineMs,
      describe: describeTaskStatus,
      ...(opts.clock === undefined ? {} : { clock: opts.clock }),
      ...(opts.signal === undefined ? {} : { signal: opts.signal })
    })
    return { outcome: reached(status) ? 'reached' : 'failed', status }
  } catch (e) {
    if (e instanceof DeadlineError && last !== undefined)
      return { outcome: 'timeout', status: last }
    throw e
  }
}

/** A task DM paused with errors, or one that is gone, cannot come back by waiting. */
export function isBroken(s: DmTaskStatus): boolean {
  return s.stage === 'Error' || s.stage === 'NotFound'
}

/** The replicate goal: Running, and every source's syncer at or past the position recorded before the snapshot. */
export function runsFromRecorded(recorded: RecordedPosition): (s: DmTaskStatus) => boolean {
  return (s) => s.stage === 'Running' && s.passed(recorded)
}

/** The cut-over gate: Running with a known lag of at most `maxLagSeconds`. */
export function lagWithin(maxLagSeconds: number): (s: DmTaskStatus) => boolean {
  return (s) => s.stage === 'Running' && s.lagSeconds !== undefined && s.lagSeconds <= maxLagSeconds
}
