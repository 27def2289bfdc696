// Snapshot export tasks (StartExportTask, DescribeExportTasks, CancelExportTask): validation as RDS does it, then
// STARTING (AWS restores and scales the snapshot) → IN_PROGRESS (files appear; PercentProgress rises with both the
// work done and the configured duration) → COMPLETE after `timing('export', 3)` seconds, with the metadata files
// written last. Faults are read when the task reaches the point they act on: `export-stuck-starting`,
// `export-failed`, `export-canceled`.
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { errors } from './rds-errors.js'
import type { QueryParams, XmlValue } from './rds-protocol.js'
import {
  checkIdentifier,
  isIamRoleArn,
  kmsKeyMatcher,
  parseExportOnly,
  parseRdsArn
} from './rds-validation.js'
import { beginCapture, type SnapshotManifest } from './snapshot-capture.js'
import { planExport, writeExport } from './export-writer.js'
import { exportBase, exportInfo, tablesInfoFiles, warningMessage } from './export-layout.js'
import { sleepUntil, type RdsContext } from './rds-context.js'
import type { ClusterSnapshot, SnapshotRegistry } from './cluster-snapshots.js'
import {
  TERMINAL,
  describeTasks,
  gigabytes,
  percentOf,
  type ExportTask
} from './export-task-model.js'

/** Seconds an export takes unless SANDBOX_TIMINGS says otherwise. */
export const DEFAULT_EXPORT_SECONDS = 3
/** Share of the duration spent in STARTING. */
const STARTING_SHARE = 0.3

/**
 * "You can have up to five concurrent DB snapshot export tasks in progress per AWS account" (Aurora user guide,
 * "Creating snapshot export tasks"; the same for cluster exports and RDS DB snapshots).
 */
export const MAX_CONCURRENT_EXPORTS = 5

/** A real FailureCause text (Aurora User Guide, "Failure messages for Amazon S3 export tasks"). */
export function defaultFailureCause(bucket: string): string {
  return `The S3 bucket ${bucket} isn't located in the current AWS Region. Please, review your S3 bucket name and retry the export.`
}

/** The FailureCause of an export whose role RDS cannot assume (Aurora user guide, "Failure messages"). */
export function untrustedRoleCause(roleArn: string): string {
  return `RDS Export failed to write the export task's metadata because it can't assume the IAM role ${roleArn}.`
}

/** The export tasks of one stand-in. */
export class ExportTasks {
  private readonly tasks = new Map<string, ExportTask>()

  constructor(
    private readonly ctx: RdsContext,
    private readonly snapshots: SnapshotRegistry
  ) {}

  /** StartExportTask: validates in the order RDS reports problems, then starts the task. */
  start(params: QueryParams): ExportTask {
    const need = (name: string): string => {
      const v = params.get(name)
      if (v === undefined || v === '') throw errors.missingParameter(name)
      return v
    }
    // Identifiers are stored lowercase, as RDS does with its identifiers.
    const id = checkIdentifier('ExportTaskIdentifier', need('ExportTaskIdentifier'), 60)
    const sourceArn = need('SourceArn')
    const bucket = need('S3BucketName')
    const iamRoleArn = need('IamRoleArn')
    const kmsKeyId = need('KmsKeyId')
    // An identifier can never be used again, not even after its task finished (AWS, Aurora User Guide,
    // "Considerations for DB cluster snapshot exports": ExportTaskAlreadyExistsFault).
    if (this.tasks.has(id)) throw errors.exportTaskAlreadyExists(id)
    const { sourceType, snapshot } = this.source(sourceArn)
    const busy = [...this.tasks.values()].find(
      (t) => t.sourceArn === sourceArn && !TERMINAL.includes(t.status)
    )
    if (busy)
      throw errors.invalidExportSourceState(
        `You can't run multiple export tasks for the same source simultaneously: export task ${busy.id} is ${busy.status}.`
      )
    const exportOnly = params.list('ExportOnly')
    const entries = parseExportOnly(exportOnly)
    const prefix = params.get('S3Prefix') ?? ''
    if (prefix.includes(':'))
      throw errors.invalidParameterValue(
        `The S3Prefix ${prefix} isn't valid. Prefixes can't contain a colon (:).`
      )
    if (!this.ctx.s3.hasBucket(bucket)) throw errors.invalidS3Bucket(bucket)
    if (!isIamRoleArn(iamRoleArn))
      throw errors.invalidParameterValue(
        `The parameter IamRoleArn is not a valid ARN: ${iamRoleArn}`
      )
    if (!this.ctx.roles.includes(iamRoleArn)) throw errors.iamRoleNotFound(iamRoleArn)
    if (
      !kmsKeyMatcher(this.ctx.kmsKeys, this.ctx.region, this.ctx.accountId)(kmsKeyId) ||
      this.ctx.fault('kms-key-disabled') !== undefined
    )
      throw errors.kmsKeyNotAccessible(kmsKeyId)
    // Tasks still running (a CANCELING task has not stopped yet) count against the account's limit.
    const running = [...this.tasks.values()].filter((t) => !TERMINAL.includes(t.status))
    if (running.length >= MAX_CONCURRENT_EXPORTS)
      throw errors.exportTaskLimitReached(MAX_CONCURRENT_EXPORTS)

    const task: ExportTask = {
      id,
      sourceArn,
      sourceType,
      exportOnly,
      entries,
      bucket,
      prefix,
      iamRoleArn,
      kmsKeyId,
      snapshot,
      startedAt: Date.now(),
      durationMs: this.ctx.timing('export', DEFAULT_EXPORT_SECONDS) * 1000,
      status: 'STARTING',
      snapshotTime: snapshot?.createdAt,
      taskStartTime: undefined,
      taskEndTime: undefined,
      inProgressAt: undefined,
      work: 0,
      bytes: 0,
      frozenPercent: undefined,
      failureCause: undefined,
      warningMessage: undefined,
      cancelRequested: false
    }
    this.tasks.set(id, task)
    if (snapshot) snapshot.readers++ // a deleted snapshot keeps its files until this export is done
    this.ctx.background.track(
      this.run(task).finally(() => (snapshot ? this.snapshots.release(snapshot) : undefined))
    )
    return task
  }

  /** Resolves SourceArn: a cluster snapshot (available) or this cluster, of this account and region. */
  private source(arn: string): {
    sourceType: 'SNAPSHOT' | 'CLUSTER'
    snapshot: ClusterSnapshot | undefined
  } {
    const a = parseRdsArn(arn)
    if (!a) throw errors.invalidParameterValue(`The parameter SourceArn is not a valid ARN: ${arn}`)
    if (a.region !== this.ctx.region || a.account !== this.ctx.accountId)
      throw errors.invalidParameterValue(
        `The source ${arn} must be in the current AWS Region (${this.ctx.region}) and account.`
      )
    if (a.resourceType === 'snapshot') throw errors.dbSnapshotNotFound(a.name)
    if (a.resourceType === 'cluster') {
      if (a.name.toLowerCase() !== this.ctx.cluster.identifier.toLowerCase())
        throw errors.clusterNotFound(a.name)
      return { sourceType: 'CLUSTER', snapshot: undefined }
    }
    if (a.resourceType !== 'cluster-snapshot')
      throw errors.invalidParameterValue(
        `The parameter SourceArn must be the ARN of a DB snapshot, DB cluster snapshot or DB cluster: ${arn}`
      )
    const snapshot = this.snapshots.find(a.name)
    if (!snapshot) throw errors.snapshotNotFound(a.name)
    if (snapshot.status !== 'available')
      throw errors.invalidExportSourceState(
        `Export source should be 'available' but current status is ${snapshot.status}.`
      )
    return { sourceType: 'SNAPSHOT', snapshot }
  }

  /** Waits until a time in small steps, so a cancel (`interrupt`) or a shutdown is noticed quickly. */
  private async waitUntil(
    when: number,
    interrupt: () => boolean
  ): Promise<'done' | 'cancel' | 'closed'> {
    for (;;) {
      if (this.ctx.signal.aborted) return 'closed'
      if (interrupt()) return 'cancel'
      if (Date.now() >= when) return 'done'
      await sleepUntil(Math.min(when, Date.now() + 100), this.ctx.signal)
    }
  }

  private async run(t: ExportTask): Promise<void> {
    const canceled = (): boolean => t.cancelRequested
    let step = await this.waitUntil(t.startedAt + t.durationMs * STARTING_SHARE, canceled)
    while (step === 'done' && this.ctx.fault('export-stuck-starting') !== undefined)
      step = await this.waitUntil(Date.now() + 200, canceled)
    if (step === 'closed') return
    if (step === 'cancel') return this.cancelled(t)
    const failure = this.ctx.fault('export-failed')
    if (failure !== undefined) return this.fail(t, failure || defaultFailureCause(t.bucket))
    // A role RDS cannot assume is not refused by StartExportTask: the task fails once it tries (Aurora
    // User Guide, "Failure messages for Amazon S3 export tasks").
    if (this.ctx.fault('iam-role-untrusted') !== undefined) {
      return this.fail(t, untrustedRoleCause(t.iamRoleArn))
    }
    let clone: string | undefined
    try {
      let manifest: SnapshotManifest
      let dataDir: string
      if (t.snapshot?.manifest) {
        manifest = t.snapshot.manifest
        dataDir = t.snapshot.dir
      } else {
        // A cluster export clones the live cluster once the task runs (Aurora User Guide, "Exporting DB cluster data
        // to Amazon S3") and exports the clone.
        clone = path.join(this.ctx.dir, 'rds', 'exports', t.id)
        const capture = await beginCapture(this.ctx.source, clone, this.ctx.signal).catch(() => {
          throw new Error('Failed to find or access the source DB cluster.') // the real cluster-export cause
        })
        t.snapshotTime = capture.takenAt
        manifest = await capture.done
        dataDir = clone
      }
      if (t.cancelRequested) return await this.cancelled(t)
      await this.export(t, manifest, dataDir)
    } catch (err) {
      if (!this.ctx.signal.aborted) this.fail(t, err instanceof Error ? err.message : String(err))
    } finally {
      if (clone) await rm(clone, { recursive: true, force: true })
    }
  }

  private async export(t: ExportTask, manifest: SnapshotManifest, dataDir: string): Promise<void> {
    t.status = 'IN_PROGRESS'
    t.taskStartTime = new Date()
    t.inProgressAt = Date.now()
    const plan = planExport(manifest, t.entries)
    t.warningMessage = warningMessage(plan.skippedTables, plan.skippedObjectives)
    const base = exportBase(t.prefix, t.id)
    const stop = (): boolean =>
      this.ctx.signal.aborted || t.cancelRequested || this.canceledByFault(t)
    const result = await writeExport({
      store: this.ctx.s3,
      bucket: t.bucket,
      base,
      snapshotDir: dataDir,
      plan,
      rowsPerFile: this.ctx.rowsPerFile,
      filesPerBatch: this.ctx.filesPerBatch,
      onProgress: (rows, bytes) => {
        t.work = plan.totalRows > 0 ? rows / plan.totalRows : 1
        t.bytes = bytes
      },
      shouldStop: stop
    })
    t.work = 1
    const step = result.stopped ? 'cancel' : await this.waitUntil(t.startedAt + t.durationMs, stop)
    if (step === 'closed' || this.ctx.signal.aborted) return
    if (step === 'cancel' || stop()) return this.cancelled(t)
    t.taskEndTime = new Date()
    const info = { ...t, totalExtractedDataInGB: gigabytes(t.bytes), taskEndTime: t.taskEndTime }
    for (const [name, body] of tablesInfoFiles(t.id, result.tables))
      this.ctx.s3.put(t.bucket, `${base}/${name}`, Buffer.from(body), 'application/json')
    this.ctx.s3.put(
      t.bucket,
      `${base}/export_info_${t.id}.json`,
      Buffer.from(exportInfo(info)),
      'application/json'
    )
    t.status = 'COMPLETE'
  }

  /** `export-canceled`: someone else cancels the task while it runs. */
  private canceledByFault(t: ExportTask): boolean {
    if (this.ctx.fault('export-canceled') === undefined) return false
    this.requestCancel(t)
    return true
  }

  private requestCancel(t: ExportTask): void {
    if (t.cancelRequested) return
    t.frozenPercent = percentOf(t)
    t.cancelRequested = true
    t.status = 'CANCELING'
  }

  /** CANCELING stays visible for a moment (AWS takes minutes), then CANCELED. */
  private async cancelled(t: ExportTask): Promise<void> {
    this.requestCancel(t)
    const step = await this.waitUntil(Date.now() + Math.min(1000, t.durationMs * 0.1), () => false)
    if (step === 'closed') return
    t.status = 'CANCELED'
    t.taskEndTime = new Date()
  }

  private fail(t: ExportTask, cause: string): void {
    t.frozenPercent = percentOf(t)
    t.status = 'FAILED'
    t.failureCause = cause
    t.taskEndTime = new Date()
  }

  /** DescribeExportTasks. */
  describe(params: QueryParams): Record<string, XmlValue> {
    return describeTasks([...this.tasks.values()], params)
  }

  /** CancelExportTask: CANCELING now, CANCELED shortly; a finished task cannot be canceled. */
  cancel(params: QueryParams): ExportTask {
    const id = params.get('ExportTaskIdentifier')
    if (id === undefined) throw errors.missingParameter('ExportTaskIdentifier')
    const t = this.tasks.get(id.toLowerCase())
    if (!t) throw errors.exportTaskNotFound(id)
    if (TERMINAL.includes(t.status) || t.status === 'CANCELING')
      throw errors.invalidExportTaskState(t.id, t.status)
    this.requestCancel(t)
    return t
  }
}
