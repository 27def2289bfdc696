// Phase `export`: exports the cluster snapshot to S3 as Parquet (StartExportTask) and waits for it to finish.
//
// Re-runs: the task id is derived from the run key, and AWS never lets an id be used twice (AWS, Aurora User Guide,
// "Considerations for DB cluster snapshot exports"). So a re-run attempt's StartExportTask fails with
// ExportTaskAlreadyExists, and the phase re-attaches to the task its first attempt started: running → keeps polling,
// COMPLETE → done, FAILED/CANCELED → a new task under the next derived id (`<id>-r2`, names.ts), recorded in the
// run state and the export-task-id output like the first. `export-task-identifier` attaches to a
// named task without starting one.
//
// Polling: exports take from ~15 minutes to hours, so checks start every 2 s (the sandbox's exports take seconds)
// and back off to one a minute — about 70 DescribeExportTasks calls for an hour (the bench's polling goal is at most
// 90).
//
// At AWS's limit of 5 concurrent exports per account, StartExportTask is tried again until a slot is free, within
// `export-timeout-minutes` (export-slot.ts).
//
// Never cancelled by us: on a timeout or a cancelled run the task keeps running on AWS (it is billed either way, and
// a re-run re-attaches to it), and the log says so.
//
// ExportOnly: `exportOnlyFor` (aws/export-naming.ts), from the tables precheck selected. It works from the
// selected tables themselves (what state.tables holds), keeps an exact db.table list where AWS can name the tables,
// falls back per database (not to the whole cluster) when a table name has characters AWS refuses, and keeps the
// list under AWS's 200 KB limit. `translateFilter` (table-filter/translate.ts) needs the full catalog to
// tell a whole database from part of one and falls back to the whole cluster instead.
import { isAwsError } from '../aws/aws-call.js'
import { exportRoot } from '../aws/export-files.js'
import {
  exportProgress,
  isTerminalExportStatus,
  warningLines,
  type ExportTaskView
} from '../aws/export-task.js'
import type { AwsInputs, S3Location } from '../inputs/types.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import { exportOnlyFor } from '../aws/export-naming.js'
import { s3Link } from '../aws/s3.js'
import { PhaseError } from '../util/errors.js'
import { formatDuration } from '../util/format.js'
import {
  awsKit,
  awsPhaseError,
  orFail,
  pollInPhase,
  type AwsPhaseDeps,
  type AwsPhaseKit
} from './aws-deps.js'
import type { MigrationState, SnapshotFacts } from './migration-state.js'
import { startWhenSlotFree } from './export-slot.js'
import { MAX_EXPORT_TASKS, exportS3Prefix, exportTaskIdFor } from './names.js'
import type { PhaseBody } from './phase-body.js'

const PHASE = 'export'

/** How an export task is polled (the bench's polling goal: at most 90 calls for a 60-minute export). */
export const EXPORT_POLL = { intervalMs: 2000, maxIntervalMs: 60_000, factor: 1.5, jitter: 0.1 }

const NEW_RUN_KEY =
  'Export task identifiers can never be reused, so exporting again needs a new run key: start a new workflow run (or set input run-key to a new value).'

interface ExportTarget {
  readonly s3: S3Location
  readonly roleArn: string
  readonly kmsKeyId: string
}

function target(aws: AwsInputs): ExportTarget {
  const missing = [
    aws.s3 ? undefined : 's3-uri',
    aws.exportRoleArn ? undefined : 'export-role-arn',
    aws.kmsKeyId ? undefined : 'kms-key-id'
  ].filter((m) => m !== undefined)
  if (!aws.s3 || !aws.exportRoleArn || !aws.kmsKeyId)
    throw new PhaseError(PHASE, `The export needs input ${missing.join(', ')}.`)
  return { s3: aws.s3, roleArn: aws.exportRoleArn, kmsKeyId: aws.kmsKeyId }
}

async function describe(kit: AwsPhaseKit, id: string): Promise<ExportTaskView | undefined> {
  return orFail(PHASE, `Reading export task ${id}`, kit.rds.describeExportTask(id))
}

const summary = (t: ExportTaskView, now: number): string => exportProgress(t, new Date(now)).text

/** A task started or re-attached to, and how long the phase waited for an export slot first. */
interface Started {
  readonly task: ExportTaskView
  readonly waitedMs: number
}

/** Starts the `id` task, or describes it when an earlier attempt already started it (AWS refuses the id again). */
async function startOrDescribe(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  id: string,
  snapshot: SnapshotFacts,
  to: ExportTarget,
  exportOnly: readonly string[] | undefined
): Promise<(Started & { readonly fresh: boolean }) | undefined> {
  const prefix = exportS3Prefix(to.s3)
  try {
    const { task, waitedMs } = await startWhenSlotFree(
      ctx,
      PHASE,
      kit,
      id,
      ctx.inputs.timeouts.exportMs,
      () =>
        kit.rds.startExportTask({
          taskId: id,
          sourceArn: snapshot.arn,
          bucket: to.s3.bucket,
          prefix,
          roleArn: to.roleArn,
          kmsKeyId: to.kmsKeyId,
          exportOnly
        })
    )
    const only = exportOnly ? `ExportOnly ${exportOnly.length} entries` : 'the whole snapshot'
    ctx.log.info(
      `Started export task ${task.id || id} of snapshot ${snapshot.identifier} to s3://${to.s3.bucket}/${prefix}/ (${only}).`
    )
    return { task, waitedMs, fresh: true }
  } catch (e) {
    if (!isAwsError(e, 'ExportTaskAlreadyExists'))
      throw awsPhaseError(PHASE, `Starting export task ${id} of snapshot ${snapshot.identifier}`, e)
  }
  const task = await describe(kit, id)
  return task === undefined ? undefined : { task, waitedMs: 0, fresh: false }
}

async function startOrReattach(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  state: MigrationState,
  snapshot: SnapshotFacts,
  to: ExportTarget
): Promise<Started> {
  if (!state.tables)
    throw new PhaseError(PHASE, 'The selected tables are unknown: the precheck phase records them.')
  const plan = exportOnlyFor(state.tables)
  for (const w of plan.warnings) ctx.log.warning(w)
  // A task of an earlier attempt that ended FAILED or CANCELED cannot be restarted and its id cannot be reused:
  // the next derived id is started instead, so re-running the failed run recovers (it used to be a dead end).
  for (let n = 1; n <= MAX_EXPORT_TASKS; n++) {
    const id = exportTaskIdFor(state.runKey, n)
    const got = await startOrDescribe(ctx, kit, id, snapshot, to, plan.exportOnly)
    if (got === undefined)
      throw new PhaseError(
        PHASE,
        `RDS says export task ${id} already exists but does not describe it. ${NEW_RUN_KEY}`
      )
    const { task } = got
    if (got.fresh) return got
    if (task.status === 'FAILED' || task.status === 'CANCELED' || task.status === 'CANCELING') {
      ctx.log.warning(
        `Export task ${task.id} of an earlier attempt ended ${task.rawStatus ?? task.status}${task.failureCause ? ` (${task.failureCause})` : ''}. Export task ids cannot be reused, so this run starts export task ${exportTaskIdFor(state.runKey, n + 1)} instead.`
      )
      continue
    }
    ctx.log.info(
      `Export task ${task.id} already exists (started ${task.taskStartTime?.toISOString() ?? 'earlier'} by an earlier attempt of this run; now ${summary(task, kit.clock.now())}). Re-attaching to it instead of starting another.`
    )
    if (task.sourceArn !== undefined && task.sourceArn !== snapshot.arn)
      ctx.log.warning(
        `Export task ${task.id} exports ${task.sourceArn}, not this run's snapshot ${snapshot.arn}.`
      )
    return got
  }
  throw new PhaseError(
    PHASE,
    `This run already started ${MAX_EXPORT_TASKS} export tasks (${exportTaskIdFor(state.runKey)} to ${exportTaskIdFor(state.runKey, MAX_EXPORT_TASKS)}) and none completed. ${NEW_RUN_KEY}`
  )
}

async function attachGiven(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  id: string
): Promise<ExportTaskView> {
  const task = await describe(kit, id)
  if (!task)
    throw new PhaseError(
      PHASE,
      `Export task ${id} (input export-task-identifier) does not exist: name an existing export task, or leave the input empty to start one.`
    )
  ctx.log.info(
    `Attaching to export task ${task.id} (${summary(task, kit.clock.now())}), source ${task.sourceArn ?? 'unknown'}.`
  )
  return task
}

async function waitDone(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  first: ExportTaskView,
  waitedMs: number
): Promise<ExportTaskView> {
  const id = first.id
  // The wait for an export slot counts against export-timeout-minutes too.
  const deadlineMs = Math.max(0, ctx.inputs.timeouts.exportMs - waitedMs)
  let logged = ''
  try {
    return await pollInPhase(
      ctx,
      PHASE,
      kit,
      {
        label: `export task ${id}`,
        check: async (attempt) => {
          if (attempt === 1) return first
          const now = await kit.rds.describeExportTask(id)
          if (!now) throw new PhaseError(PHASE, `Export task ${id} no longer exists.`)
          return now
        },
        isDone: (t) => isTerminalExportStatus(t.status),
        ...EXPORT_POLL,
        // Check again when the percent says it should be done, not up to a whole backoff step later: on the
        // critical path every second of lateness delays the import (the bench's overlap metric).
        estimateRemainingMs: (t) => exportProgress(t, new Date(kit.clock.now())).etaMs,
        deadlineMs,
        describe: (t) => summary(t, kit.clock.now()),
        onProgress: (t) => {
          const text = summary(t, kit.clock.now())
          ctx.progress(`export ${text}`)
          const key = `${t.rawStatus ?? ''} ${t.percent}`
          if (key === logged) return
          logged = key
          ctx.log.info(`Export task ${id}: ${text}`)
        }
      },
      (e) =>
        new PhaseError(
          PHASE,
          `Export task ${id} was not done after ${formatDuration(ctx.inputs.timeouts.exportMs)} (export-timeout-minutes${waitedMs >= 1000 ? `, ${formatDuration(waitedMs)} of it waiting for an export slot` : ''}); last seen: ${e.lastSeen ?? 'nothing'}. The task was NOT cancelled and keeps running on AWS: re-run this workflow run to re-attach to it, or set export-task-identifier: ${id} in a new run; raise export-timeout-minutes for large clusters.`,
          { toolLine: `Status: ${e.lastSeen ?? 'unknown'}`, cause: e }
        )
    )
  } finally {
    if (ctx.signal.aborted)
      ctx.log.info(
        `Stopped waiting for export task ${id}. The task was not cancelled: it keeps running on AWS and is billed until it ends; re-run this workflow run to re-attach to it (or cancel it in the RDS console).`
      )
  }
}

/** Records the task and its files as soon as they are known, so a failure later still reports them. */
function record(
  ctx: PhaseContext,
  task: ExportTaskView,
  to: ExportTarget
): { bucket: string; prefix: string; uri: string } {
  const bucket = task.s3Bucket ?? to.s3.bucket
  const prefix = exportRoot(task, exportS3Prefix(to.s3))
  const uri = `s3://${bucket}/${prefix}/`
  ctx.setOutput('export-task-id', task.id)
  ctx.setOutput('export-uri', uri)
  return { bucket, prefix, uri }
}

/**
 * The `export` phase.
 * @param state reads `snapshot` and `tables`, sets `export`
 * @param deps fakes and a clock for tests
 */
export function exportPhase(state: MigrationState, deps: AwsPhaseDeps = {}): PhaseBody {
  return {
    id: PHASE,
    title: 'Snapshot export to S3',
    async run(ctx) {
      const snapshot = state.snapshot
      if (!snapshot)
        throw new PhaseError(PHASE, 'No snapshot to export: the snapshot phase records it.')
      const to = target(ctx.inputs.aws)
      const kit = await awsKit(ctx, deps)
      const given = ctx.inputs.aws.exportTaskIdentifier
      const started =
        given !== undefined
          ? { task: await attachGiven(ctx, kit, given), waitedMs: 0 }
          : await startOrReattach(ctx, kit, state, snapshot, to)
      const where = record(ctx, started.task, to)
      const task = await waitDone(ctx, kit, started.task, started.waitedMs)
      const facts = {
        taskId: task.id,
        ...where,
        status: task.status ?? task.rawStatus ?? 'UNKNOWN',
        skipped: (task.warnings?.skippedTables ?? []).map((t) => ({
          table: t.target,
          reason: t.reason ?? 'named in the export warning'
        }))
      }
      state.export = facts
      if (task.status !== 'COMPLETE') {
        const cause = task.failureCause ?? `Status: ${task.rawStatus ?? 'unknown'}`
        throw new PhaseError(
          PHASE,
          `Export task ${task.id} ended ${facts.status}: ${cause}. Re-run this workflow run to start the export again (under the next export task id, as AWS never reuses one).`,
          {
            toolLine: cause
          }
        )
      }
      for (const line of warningLines(task.warnings))
        ctx.log.warning(`Export task ${task.id}: ${line}`)
      ctx.report.links.push({
        label: `Snapshot export ${task.id}`,
        url: s3Link(kit.amazonS3, ctx.inputs.aws.region, where.bucket, where.prefix)
      })
      if (task.totalExtractedGB !== undefined)
        ctx.record.numbers.push({ label: 'exported GB', value: task.totalExtractedGB })
      if (facts.skipped.length > 0)
        ctx.record.numbers.push({
          label: 'tables skipped by the export',
          value: facts.skipped.length
        })
      const took = exportProgress(task, new Date(kit.clock.now())).elapsedMs
      ctx.record.note = `${task.id} complete${took === undefined ? '' : ` in ${formatDuration(took)}`} → ${where.uri}`
      ctx.log.info(`Export task ${task.id} is complete: ${where.uri}`)
    }
  }
}
