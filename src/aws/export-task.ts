// An RDS export task as the action reports it, from the SDK's `ExportTask` (Dates, numbers) or from CLI/docs JSON
// (strings) alike (RDS API Reference, "ExportTask" data type): status normalised to upper case (moto answers lower
// case, moto/rds/models.py), the 2019
// `ExportTime` read as `SnapshotTime`, and `WarningMessage` — a JSON document inside a string — parsed.

import { arr, date, field, num, str, strOrEmpty, tryJson, type Json } from './json-fields.js'

/** The statuses RDS API Reference "ExportTask" lists for `Status` (spelled `CANCELED`, one L). */
export type ExportStatus =
  'STARTING' | 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | 'CANCELING' | 'CANCELED'

const STATUSES: readonly string[] = [
  'STARTING',
  'IN_PROGRESS',
  'COMPLETE',
  'FAILED',
  'CANCELING',
  'CANCELED'
]

/** Upper-cases a status; undefined for anything that is not one of the six. */
export function normaliseExportStatus(status: unknown): ExportStatus | undefined {
  if (typeof status !== 'string') return undefined
  const s = status.trim().toUpperCase().replace(/[- ]/g, '_')
  return STATUSES.includes(s) ? (s as ExportStatus) : undefined
}

/** COMPLETE, FAILED and CANCELED end a task. */
export function isTerminalExportStatus(status: ExportStatus | undefined): boolean {
  return status === 'COMPLETE' || status === 'FAILED' || status === 'CANCELED'
}

/** A table the export skipped, as far as the warning says. */
export interface SkippedTable {
  /** `db.table` (or whatever the warning named). */
  readonly target: string
  readonly reason: string | undefined
}

/** The parsed `WarningMessage` of a task (`{"skippedTables":[],"skippedObjectives":[],"general":[…]}`). */
export interface ExportWarnings {
  readonly skippedTables: readonly SkippedTable[]
  /** Reasons or descriptions of skipped objectives, as text. */
  readonly skippedObjectives: readonly string[]
  /** Database-level reasons, e.g. `FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE`. */
  readonly general: readonly string[]
  /** The message itself when it was not JSON (plain text is reported as is). */
  readonly text: string | undefined
}

const REASON_KEYS = ['reason', 'reasons', 'message', 'warningMessage', 'description']
const TARGET_KEYS = ['target', 'table', 'tableName', 'name', 'objective', 'database']

function firstText(item: unknown, keys: readonly string[]): string | undefined {
  if (typeof item === 'string') return item
  for (const k of keys) {
    const v = field(item, k)
    if (typeof v === 'string' && v !== '') return v
    if (Array.isArray(v) && v.length > 0) return v.map(String).join(', ')
  }
  return undefined
}

function describeItem(item: unknown): string {
  return firstText(item, [...REASON_KEYS, ...TARGET_KEYS]) ?? JSON.stringify(item)
}

/**
 * Parses a `WarningMessage`: JSON is parsed (twice when the string itself holds a JSON string), plain text is kept
 * as `text`. Undefined for an absent or empty message, or a JSON document with nothing in it.
 */
export function parseWarningMessage(message: unknown): ExportWarnings | undefined {
  if (typeof message !== 'string' || message.trim() === '') return undefined
  let doc: Json = tryJson(message)
  if (typeof doc === 'string') doc = tryJson(doc) ?? doc
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { skippedTables: [], skippedObjectives: [], general: [], text: message.trim() }
  }
  const skippedTables = arr(doc, 'skippedTables').map((t) => ({
    target: firstText(t, TARGET_KEYS) ?? JSON.stringify(t),
    reason: typeof t === 'string' ? undefined : firstText(t, REASON_KEYS)
  }))
  const skippedObjectives = arr(doc, 'skippedObjectives').map(describeItem)
  const general = arr(doc, 'general').map(describeItem)
  if (skippedTables.length + skippedObjectives.length + general.length === 0) return undefined
  return { skippedTables, skippedObjectives, general, text: undefined }
}

/** One line per warning, for logs and the summary. */
export function warningLines(w: ExportWarnings | undefined): string[] {
  if (w === undefined) return []
  if (w.text !== undefined) return [w.text]
  return [
    ...w.skippedTables.map((t) => `skipped table ${t.target}${t.reason ? `: ${t.reason}` : ''}`),
    ...w.skippedObjectives.map((o) => `skipped: ${o}`),
    ...w.general.map((g) => `export warning: ${g}`)
  ]
}

/** What the action knows about an export task. */
export interface ExportTaskView {
  readonly id: string
  /** Normalised; undefined when the API answered something unknown. */
  readonly status: ExportStatus | undefined
  /** The status as received. */
  readonly rawStatus: string | undefined
  readonly percent: number
  readonly totalExtractedGB: number | undefined
  readonly sourceArn: string | undefined
  readonly sourceType: string | undefined
  readonly s3Bucket: string | undefined
  /** `''` when the task writes at the bucket root (the API and CLI print `"S3Prefix": ""`); undefined when absent. */
  readonly s3Prefix: string | undefined
  readonly iamRoleArn: string | undefined
  readonly kmsKeyId: string | undefined
  readonly exportOnly: readonly string[]
  /** `SnapshotTime` (2019 docs: `ExportTime`). */
  readonly snapshotTime: Date | undefined
  readonly taskStartTime: Date | undefined
  readonly taskEndTime: Date | undefined
  readonly failureCause: string | undefined
  readonly warnings: ExportWarnings | undefined
}

/** Reads an SDK `ExportTask` or a CLI/docs JSON task. Never throws; missing fields stay undefined. */
export function toExportTaskView(task: Json): ExportTaskView {
  const rawStatus = str(task, 'Status')
  return {
    id: str(task, 'ExportTaskIdentifier') ?? '',
    status: normaliseExportStatus(rawStatus),
    rawStatus,
    percent: num(task, 'PercentProgress') ?? 0,
    totalExtractedGB: num(task, 'TotalExtractedDataInGB'),
    sourceArn: str(task, 'SourceArn'),
    sourceType: str(task, 'SourceType'),
    s3Bucket: str(task, 'S3Bucket'),
    s3Prefix: strOrEmpty(task, 'S3Prefix'),
    iamRoleArn: str(task, 'IamRoleArn'),
    kmsKeyId: str(task, 'KmsKeyId'),
    exportOnly: arr(task, 'ExportOnly').filter((e): e is string => typeof e === 'string'),
    snapshotTime: date(task, 'SnapshotTime') ?? date(task, 'ExportTime'),
    taskStartTime: date(task, 'TaskStartTime'),
    taskEndTime: date(task, 'TaskEndTime'),
    failureCause: str(task, 'FailureCause'),
    warnings: parseWarningMessage(field(task, 'WarningMessage'))
  }
}

/** Progress for the heartbeat. */
export interface ExportProgress {
  readonly percent: number
  readonly gb: number | undefined
  /** Since TaskStartTime (until TaskEndTime once the task ended). */
  readonly elapsedMs: number | undefined
  /** Linear estimate from the percent and the elapsed time; undefined at 0 % and once the task ended. */
  readonly etaMs: number | undefined
  /** `IN_PROGRESS 42% · 12 GB · 10m05s elapsed · about 13m55s left`. */
  readonly text: string
}

/** Formats milliseconds as `1h02m03s` / `4m05s` / `7s`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number): string => String(n).padStart(2, '0')
  if (h > 0) return `${h}h${pad(m)}m${pad(s)}s`
  if (m > 0) return `${m}m${pad(s)}s`
  return `${s}s`
}

/** Percent, size, elapsed time and ETA of a task at `now`. */
export function exportProgress(task: ExportTaskView, now: Date): ExportProgress {
  const percent = Math.min(100, Math.max(0, task.percent))
  const start = task.taskStartTime?.getTime()
  const end = task.taskEndTime?.getTime() ?? now.getTime()
  const elapsedMs = start === undefined ? undefined : Math.max(0, end - start)
  const running = !isTerminalExportStatus(task.status)
  const etaMs =
    running && elapsedMs !== undefined && percent > 0 && percent < 100
      ? (elapsedMs * (100 - percent)) / percent
      : undefined
  const parts = [`${task.status ?? task.rawStatus ?? 'UNKNOWN'} ${percent}%`]
  if (task.totalExtractedGB !== undefined) parts.push(`${task.totalExtractedGB} GB`)
  if (elapsedMs !== undefined) parts.push(`${formatDuration(elapsedMs)} elapsed`)
  if (etaMs !== undefined) parts.push(`about ${formatDuration(etaMs)} left`)
  return { percent, gb: task.totalExtractedGB, elapsedMs, etaMs, text: parts.join(' · ') }
}
