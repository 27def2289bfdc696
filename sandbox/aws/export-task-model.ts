// The export task as the API shows it: its fields, PercentProgress, the ExportTask shape and DescribeExportTasks'
// selection (identifier, SourceArn, SourceType, Filters, pagination). Pure functions over task records.
import { errors } from './rds-errors.js'
import { paginate, type QueryParams, type XmlValue } from './rds-protocol.js'
import type { ExportOnlyEntry } from './rds-validation.js'
import type { ClusterSnapshot } from './cluster-snapshots.js'

/** The six statuses of ExportTask.Status (RDS API Reference, "ExportTask" data type). */
export type ExportStatus =
  'STARTING' | 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | 'CANCELING' | 'CANCELED'

/** Statuses a task never leaves. */
export const TERMINAL: readonly ExportStatus[] = ['COMPLETE', 'FAILED', 'CANCELED']

/** One export task. */
export interface ExportTask {
  readonly id: string
  readonly sourceArn: string
  readonly sourceType: 'SNAPSHOT' | 'CLUSTER'
  readonly exportOnly: readonly string[]
  readonly entries: readonly ExportOnlyEntry[]
  readonly bucket: string
  readonly prefix: string
  readonly iamRoleArn: string
  readonly kmsKeyId: string
  readonly snapshot: ClusterSnapshot | undefined
  readonly startedAt: number
  readonly durationMs: number
  status: ExportStatus
  snapshotTime: Date | undefined
  taskStartTime: Date | undefined
  taskEndTime: Date | undefined
  inProgressAt: number | undefined
  /** Share of the rows written, 0–1. */
  work: number
  bytes: number
  /** PercentProgress frozen when the task stopped moving (canceled, failed). */
  frozenPercent: number | undefined
  failureCause: string | undefined
  warningMessage: string | undefined
  cancelRequested: boolean
}

/** Whole GiB, as TotalExtractedDataInGB reports them. */
export function gigabytes(bytes: number): number {
  return Math.round(bytes / 2 ** 30)
}

/**
 * PercentProgress now: 0 while STARTING, then the lesser of the share of rows written and the share of the configured
 * duration that has passed (so it rises steadily however fast the data is written), 100 only when COMPLETE.
 */
export function percentOf(t: ExportTask, now = Date.now()): number {
  if (t.status === 'COMPLETE') return 100
  if (t.frozenPercent !== undefined) return t.frozenPercent
  if (t.status !== 'IN_PROGRESS' || t.inProgressAt === undefined) return 0
  const span = Math.max(1, t.startedAt + t.durationMs - t.inProgressAt)
  const time = (now - t.inProgressAt) / span
  return Math.min(99, Math.floor(Math.min(t.work, time) * 100))
}

/**
 * The ExportTask shape. TaskStartTime appears once the task leaves STARTING (the AWS CLI example shows a STARTING
 * task without it, and a task canceled before it ran has none).
 */
export function taskToApi(t: ExportTask): Record<string, XmlValue> {
  return {
    ExportTaskIdentifier: t.id,
    SourceArn: t.sourceArn,
    ExportOnly: t.exportOnly.length ? t.exportOnly : undefined,
    SnapshotTime: t.snapshotTime,
    TaskStartTime: t.taskStartTime,
    TaskEndTime: t.taskEndTime,
    S3Bucket: t.bucket,
    S3Prefix: t.prefix,
    IamRoleArn: t.iamRoleArn,
    KmsKeyId: t.kmsKeyId,
    Status: t.status,
    PercentProgress: percentOf(t),
    TotalExtractedDataInGB: gigabytes(t.bytes),
    FailureCause: t.failureCause,
    WarningMessage: t.status === 'COMPLETE' ? t.warningMessage : undefined,
    SourceType: t.sourceType
  }
}

/** The field a DescribeExportTasks filter compares. */
function filterField(name: string): (t: ExportTask) => string {
  switch (name) {
    case 'export-task-identifier':
      return (t) => t.id
    case 'source-arn':
      return (t) => t.sourceArn
    case 's3-bucket':
      return (t) => t.bucket
    case 'status':
      // The filter takes lowercase values only (RDS API Reference, DescribeExportTasks, Filters): `COMPLETE` matches
      // nothing.
      return (t) => t.status.toLowerCase()
    default:
      throw errors.invalidParameterValue(`Unrecognized filter name: ${name}`)
  }
}

/** DescribeExportTasks over the tasks in creation order. */
export function describeTasks(
  tasks: readonly ExportTask[],
  params: QueryParams
): Record<string, XmlValue> {
  let list = [...tasks]
  const id = params.get('ExportTaskIdentifier')
  if (id !== undefined) {
    list = list.filter((t) => t.id === id.toLowerCase())
    if (list.length === 0) throw errors.exportTaskNotFound(id)
  }
  const sourceArn = params.get('SourceArn')
  if (sourceArn !== undefined) list = list.filter((t) => t.sourceArn === sourceArn)
  const sourceType = params.get('SourceType')
  if (sourceType !== undefined) {
    if (sourceType !== 'SNAPSHOT' && sourceType !== 'CLUSTER')
      throw errors.invalidParameterValue(`Invalid value for SourceType: ${sourceType}`)
    list = list.filter((t) => t.sourceType === sourceType)
  }
  for (const f of params.filters()) {
    const field = filterField(f.name)
    list = list.filter((t) => f.values.includes(field(t)))
  }
  const page = paginate(list, params)
  return { ExportTasks: page.items.map(taskToApi), Marker: page.marker }
}
