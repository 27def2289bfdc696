// The DM lifecycle operations: `status`, `pause`, `resume`, `stop` of the task named by `dm-task-name` on the
// DM-master at `dm-master-addr`. Each runs its dmctl command and then checks the effect with query-status (Paused,
// Running, gone), because dmctl's answer only says DM accepted the request. Stage, lag, positions and errors are
// published as outputs and in the summary.
//
// `status` fails when the task is missing or DM paused it with an error (a scheduled status job goes red when
// replication broke). With `wait-for-lag-seconds` it is a cut-over gate: it waits up to `wait-timeout-minutes` for the
// lag to drop to the limit, sets `ready-for-cutover`, and fails when the gate is not reached in time, so a scheduled
// job fails when the lag grows. With `export-task-identifier` it also reports that export task (read-only).
import { exportRoot } from '../aws/export-files.js'
import { exportProgress, warningLines } from '../aws/export-task.js'
import type { Operation } from '../inputs/types.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import type { DmTaskStatus } from '../tidb/dm/status.js'
import {
  createDmctl,
  requireAnswered,
  requireOk,
  type Dmctl,
  type DmctlOptions
} from '../tidb/dm/dmctl.js'
import type { Clock } from '../util/clock.js'
import { PhaseError } from '../util/errors.js'
import { formatDuration } from '../util/format.js'
import { describeTaskStatus, formatProcessError } from '../tidb/dm/status-text.js'
import { debugLog, publishTaskStatus } from './dm-report.js'
import { isBroken, lagWithin, waitForTask, type TaskWaitResult } from '../tidb/dm/wait.js'
import { awsKit, orFail, type AwsPhaseDeps } from './aws-deps.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** A DM lifecycle operation. */
export type DmOperation = Exclude<Operation, 'migrate' | 'plan' | 'verify'>

/** What the phase talks to; tests replace them. */
export interface DmOperationDeps {
  readonly dmctl?: (opts: DmctlOptions) => Dmctl
  /** AWS access for `export-task-identifier` (tests inject fake clients). */
  readonly aws?: AwsPhaseDeps
  readonly clock?: Clock
  /** First interval between query-status checks, ms. */
  readonly pollIntervalMs?: number
  /** How long pause/resume/stop wait for query-status to show the effect, ms (default 2 minutes). */
  readonly verifyDeadlineMs?: number
}

const TITLES: Record<DmOperation, string> = {
  status: 'Status (DM task, export task)',
  pause: 'Pause the DM task',
  resume: 'Resume the DM task',
  stop: 'Stop the DM task'
}

/** A resumed task may show its old error for a moment before DM clears it. */
const RESUME_SETTLE_MS = 10_000

/** The DM lifecycle operation phase (`status`, `pause`, `resume`, `stop`). */
export function dmOperationPhase(
  state: MigrationState,
  operation: DmOperation,
  deps: DmOperationDeps = {}
): PhaseBody {
  const phase = `dm-${operation}`
  return {
    id: phase,
    title: TITLES[operation],
    async run(ctx) {
      let exportFailure: PhaseError | undefined
      if (operation === 'status' && ctx.inputs.aws.exportTaskIdentifier !== undefined) {
        try {
          await reportExport(ctx, phase, ctx.inputs.aws.exportTaskIdentifier, deps)
        } catch (e) {
          if (!(e instanceof PhaseError)) throw e
          exportFailure = e // the DM task is still reported; the failure is thrown after
        }
      }
      const { masterAddr, taskName } = ctx.inputs.dm
      if (masterAddr !== undefined) {
        if (taskName === undefined) {
          throw new PhaseError(
            phase,
            `Input 'dm-task-name' is required: the DM task to ${operation}.`
          )
        }
        if (state.tiup === undefined)
          throw new PhaseError(phase, 'dmctl is not installed (the tiup phase did not run).')
        const dm = (deps.dmctl ?? createDmctl)({
          tiup: state.tiup,
          version: ctx.inputs.tools.tidbVersion,
          masterAddr,
          signal: ctx.signal,
          log: (l) => ctx.log.info(l),
          ...debugLog(ctx),
          phase
        })
        const run = operation === 'status' ? status : lifecycle(operation)
        await run({ ctx, dm, task: taskName, phase, deps })
      }
      if (exportFailure !== undefined) throw exportFailure
    }
  }
}

interface OpContext {
  readonly ctx: PhaseContext
  readonly dm: Dmctl
  readonly task: string
  readonly phase: string
  readonly deps: DmOperationDeps
}

function query(op: OpContext): () => Promise<DmTaskStatus> {
  return async () => {
    return requireAnswered(op.phase, await op.dm.queryStatus(op.task))
  }
}

function wait(
  op: OpContext,
  reached: (s: DmTaskStatus) => boolean,
  failed: (s: DmTaskStatus) => boolean,
  deadlineMs: number,
  intervalMs: number
): Promise<TaskWaitResult> {
  return waitForTask(`DM task ${op.task}`, query(op), reached, failed, {
    deadlineMs,
    intervalMs: op.deps.pollIntervalMs ?? intervalMs,
    maxIntervalMs: Math.max(op.deps.pollIntervalMs ?? intervalMs, intervalMs * 6),
    ...(op.deps.clock === undefined ? {} : { clock: op.deps.clock }),
    signal: op.ctx.signal,
    onStatus: (s) => op.ctx.progress(describeTaskStatus(s))
  })
}

/** A PhaseError for a task that is gone or broken, with DM's own words; `what` prefixes the message. */
function brokenError(op: OpContext, s: DmTaskStatus, what?: string): PhaseError {
  const prefix = what === undefined ? '' : `${what}: `
  const error = s.errors[0]
  if (error !== undefined) {
    const text = formatProcessError(error)
    return new PhaseError(
      op.phase,
      `${prefix}DM task ${op.task} is paused with an error: ${text}`,
      {
        toolLine: text
      }
    )
  }
  return new PhaseError(op.phase, `${prefix}DM ${describeTaskStatus(s)}.`, {
    toolLine: s.message || undefined
  })
}

/** `status`: the task's state now, or (with `wait-for-lag-seconds`) once its lag is within the gate. */
async function status(op: OpContext): Promise<void> {
  const { ctx } = op
  const gate = ctx.inputs.waitForLagSeconds
  if (gate === undefined) {
    const s = await query(op)()
    publishTaskStatus(ctx, s)
    if (isBroken(s)) throw brokenError(op, s)
    if (s.stage !== 'Running')
      ctx.log.warning(`DM task ${op.task} is ${s.stage}: it does not replicate now.`)
    ctx.record.note = describeTaskStatus(s)
    return
  }
  ctx.log.info(
    `Waiting up to ${formatDuration(ctx.inputs.waitTimeoutMs)} for the lag of DM task ${op.task} to be at most ${gate} s.`
  )
  const r = await wait(op, lagWithin(gate), isBroken, ctx.inputs.waitTimeoutMs, 5000)
  publishTaskStatus(ctx, r.status)
  const ready = r.outcome === 'reached'
  ctx.setOutput('ready-for-cutover', String(ready))
  ctx.record.numbers.push({ label: 'ready for cut-over', value: ready ? 'yes' : 'no' })
  ctx.record.note = describeTaskStatus(r.status)
  if (ready) return
  if (r.outcome === 'failed') throw brokenError(op, r.status, 'Not ready for cut-over')
  const lag = r.status.lagSeconds === undefined ? 'unknown' : `${r.status.lagSeconds} s`
  throw new PhaseError(
    op.phase,
    `Not ready for cut-over: DM task ${op.task} was ${r.status.stage} with lag ${lag}, not within ` +
      `wait-for-lag-seconds (${gate} s), after ${formatDuration(ctx.inputs.waitTimeoutMs)} (wait-timeout-minutes).`
  )
}

/** pause / resume / stop: the dmctl command, then query-status until the effect shows. */
function lifecycle(operation: 'pause' | 'resume' | 'stop'): (op: OpContext) => Promise<void> {
  return async (op) => {
    const { ctx, dm, task } = op
    // Read before stopping: afterwards the task and its position are gone.
    const before = operation === 'stop' ? await query(op)() : undefined
    ctx.progress(`${operation}-task ${task}`)
    requireOk(op.phase, await dm.operateTask(operation, task), `${operation}-task ${task}`)
    const deadlineMs = op.deps.verifyDeadlineMs ?? 120_000
    const clock = op.deps.clock
    const startedAt = clock?.now() ?? Date.now()
    const goal: Record<
      typeof operation,
      [(s: DmTaskStatus) => boolean, (s: DmTaskStatus) => boolean]
    > = {
      pause: [(s) => s.stage === 'Paused' || s.stage === 'Error', (s) => s.stage === 'NotFound'],
      resume: [
        (s) => s.stage === 'Running',
        (s) =>
          s.stage === 'NotFound' ||
          (s.stage === 'Error' && (clock?.now() ?? Date.now()) - startedAt >= RESUME_SETTLE_MS)
      ],
      stop: [(s) => s.stage === 'NotFound', () => false]
    }
    const [reached, failed] = goal[operation]
    const r = await wait(op, reached, failed, deadlineMs, 1000)
    if (operation === 'stop' && r.outcome === 'reached' && before !== undefined) {
      publishTaskStatus(ctx, before, 'Stopped')
      ctx.record.note = `task ${task} stopped and removed from DM`
      return
    }
    publishTaskStatus(ctx, r.status)
    ctx.record.note = describeTaskStatus(r.status)
    if (r.outcome === 'reached') {
      const error = r.status.errors[0]
      if (error !== undefined) {
        ctx.log.warning(
          `DM task ${task} is paused and still has an error: ${formatProcessError(error)}`
        )
      }
      return
    }
    if (r.outcome === 'failed' || r.status.errors.length > 0)
      throw brokenError(op, r.status, `${operation}-task ${task}`)
    throw new PhaseError(
      op.phase,
      `DM accepted ${operation}-task ${task}, but query-status still shows ${describeTaskStatus(r.status)} after ${formatDuration(deadlineMs)}.`
    )
  }
}

/** Reports the export task named by `export-task-identifier`; fails when it is missing, FAILED or CANCELED. */
async function reportExport(
  ctx: PhaseContext,
  phase: string,
  id: string,
  deps: DmOperationDeps
): Promise<void> {
  // The SDK is loaded only here (awsKit imports it on first use): a DM-only status run never pays for it.
  const kit = await awsKit(ctx, deps.aws)
  ctx.progress(`reading export task ${id}`)
  const view = await orFail(phase, `Reading export task '${id}'`, kit.rds.describeExportTask(id))
  if (view === undefined) {
    throw new PhaseError(
      phase,
      `Export task '${id}' (input export-task-identifier) was not found in ${ctx.inputs.aws.region}.`
    )
  }
  const progress = exportProgress(view, new Date())
  ctx.setOutput('export-task-id', view.id || id)
  if (view.s3Bucket !== undefined) {
    ctx.setOutput(
      'export-uri',
      `s3://${view.s3Bucket}/${exportRoot({ ...view, id: view.id || id })}/`
    )
  }
  ctx.record.numbers.push({ label: 'export', value: view.status ?? view.rawStatus ?? 'UNKNOWN' })
  ctx.record.numbers.push({ label: 'exported', value: progress.percent, unit: 'percent' })
  ctx.log.info(`Export task ${id}: ${progress.text}`)
  warningLines(view.warnings).forEach((w) => ctx.log.warning(w))
  if (view.status === 'FAILED' || view.status === 'CANCELED') {
    const cause = view.failureCause ?? `the task ended ${view.status}`
    throw new PhaseError(phase, `Export task '${id}' ended ${view.status}: ${cause}`, {
      toolLine: view.failureCause
    })
  }
}
