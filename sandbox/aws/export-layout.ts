// Where and under which names a snapshot export writes into S3, and the two metadata documents it leaves
// (AWS, Aurora User Guide, "Considerations for DB cluster snapshot exports"). Pure functions.
//
//   <S3Prefix>/<ExportTaskIdentifier>/<db>/<db>.<table>/<batch>/part-<nnnnn>-<uuid>-c000.gz.parquet
//   <S3Prefix>/<ExportTaskIdentifier>/<db>/<db>.<table>/<batch>/_SUCCESS
//   <S3Prefix>/<ExportTaskIdentifier>/export_info_<id>.json
//   <S3Prefix>/<ExportTaskIdentifier>/export_tables_info_<id>_from_<a>_to_<b>.json
//
// `_SUCCESS`: AWS does not document it, but community listings of real exports show Spark's empty `_SUCCESS`
// marker, in current ones inside the batch folder (seen in real exports; AWS does not
// document it). We write it there, so consumers must cope with
// non-Parquet objects under a table prefix, as they must on AWS.

/**
 * Characters AWS turns into `_` in S3 paths (AWS, Aurora User Guide, "Considerations for DB cluster snapshot
 * exports").
 */
export function s3Name(name: string): string {
  return name.replace(/[\\`" ]/g, '_')
}

/** `<prefix>/<id>` (a trailing slash of the prefix is not doubled), or just `<id>` without a prefix. */
export function exportBase(prefix: string, id: string): string {
  const p = prefix.replace(/\/+$/, '')
  return p ? `${p}/${id}` : id
}

/** The folder of one table: `<base>/<db>/<db>.<table>/`. */
export function tableFolder(base: string, db: string, table: string): string {
  return `${base}/${s3Name(db)}/${s3Name(db)}.${s3Name(table)}/`
}

/** A data file name of the current convention: `part-00000-<uuid>-c000.gz.parquet`. */
export function partFileName(partition: number, uuid: string): string {
  return `part-${String(partition).padStart(5, '0')}-${uuid}-c000.gz.parquet`
}

/** Where data file number `i` (0-based) of a table goes: batch folders `1`, `2`, … of `filesPerBatch` parts each. */
export function filePlace(i: number, filesPerBatch: number): { batch: string; partition: number } {
  return { batch: String(Math.floor(i / filesPerBatch) + 1), partition: i % filesPerBatch }
}

/**
 * Characters that make AWS skip a table when a column name holds them (AWS, Aurora User Guide, "Considerations for DB
 * cluster snapshot exports").
 */
const BAD_COLUMN_CHARS = /[,;{}()\n\t= ]/

/** Why the export skips a table, or undefined when it exports it. */
export function skipReason(table: string, columns: readonly string[]): string | undefined {
  if (table.includes('/')) return 'UNSUPPORTED_CHARACTERS_IN_TABLE_NAME'
  if (columns.some((c) => BAD_COLUMN_CHARS.test(c))) return 'UNSUPPORTED_CHARACTERS_IN_COLUMN_NAME'
  return undefined
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The Java medium date format the real metadata files use, in UTC: `Jul 19, 2023, 11:21:00 PM`. */
export function javaDateTime(d: Date): string {
  const h = d.getUTCHours()
  const pad = (n: number): string => String(n).padStart(2, '0')
  return (
    `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ` +
    `${h % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
  )
}

/** A skipped table or ExportOnly objective, as listed in WarningMessage. */
export interface Skipped {
  readonly target: string
  readonly reason: string
}

/**
 * The WarningMessage of a task: a JSON document inside a string (Aurora User Guide, "Monitoring snapshot
 * exports" example), or undefined when there is nothing to
 * warn about. The shape of the list entries is not documented; `{target, reason}` mirrors the `general` entries.
 */
export function warningMessage(
  skippedTables: readonly Skipped[],
  skippedObjectives: readonly Skipped[]
): string | undefined {
  if (skippedTables.length === 0 && skippedObjectives.length === 0) return undefined
  return JSON.stringify({ skippedTables, skippedObjectives, general: [] })
}

/** Per-column entry of `schemaMetadata.originalTypeMappings`. */
export interface TypeMapping {
  readonly columnName: string
  readonly originalType: string
  readonly expectedExportedType: string
  readonly originalCharMaxLength: number
  readonly originalNumPrecision: number
  readonly originalDateTimePrecision: number
}

/** What the writer knows about one exported table. */
export interface TableResult {
  readonly target: string
  readonly sizeBytes: number
  readonly files: number
  readonly started: Date
  readonly ended: Date
  readonly typeMappings: readonly TypeMapping[]
}

/** One `perTableStatus` entry (lowerCamel keys as in the real file; not documented by AWS). */
export function perTableStatus(t: TableResult): Record<string, unknown> {
  return {
    tableStatistics: {
      extractionStartTime: javaDateTime(t.started),
      extractionEndTime: javaDateTime(t.ended),
      partitioningInfo: { numberOfPartitions: t.files, numberOfCompletedPartitions: t.files }
    },
    schemaMetadata: { originalTypeMappings: t.typeMappings },
    status: 'COMPLETE',
    sizeGB: t.sizeBytes / 2 ** 30,
    target: t.target
  }
}

/** How many tables one `export_tables_info_*` file lists (real exports split the list; the real size is unknown). */
export const TABLES_PER_INFO_FILE = 100

/** The `export_tables_info_<id>_from_<a>_to_<b>.json` documents: file name → content. */
export function tablesInfoFiles(id: string, tables: readonly TableResult[]): Map<string, string> {
  const out = new Map<string, string>()
  for (let i = 0; i < tables.length; i += TABLES_PER_INFO_FILE) {
    const chunk = tables.slice(i, i + TABLES_PER_INFO_FILE)
    const name = `export_tables_info_${id}_from_${i + 1}_to_${i + chunk.length}.json`
    out.set(name, JSON.stringify({ perTableStatus: chunk.map(perTableStatus) }))
  }
  return out
}

/** The task fields export_info repeats. */
export interface ExportInfoInput {
  readonly id: string
  readonly sourceArn: string
  readonly sourceType: string
  readonly exportOnly: readonly string[]
  readonly snapshotTime: Date | undefined
  readonly taskStartTime: Date | undefined
  readonly taskEndTime: Date
  readonly bucket: string
  readonly prefix: string
  readonly iamRoleArn: string
  readonly kmsKeyId: string
  readonly totalExtractedDataInGB: number
  readonly warningMessage: string | undefined
}

/** `export_info_<id>.json`: the task summary, written last (fields as community parsers read them, e.g.
 * seapy/athena-ddl-rds-snapshot internal/model/table.go). */
export function exportInfo(t: ExportInfoInput): string {
  const time = (d: Date | undefined): string | undefined => (d ? javaDateTime(d) : undefined)
  return JSON.stringify({
    exportTaskIdentifier: t.id,
    sourceArn: t.sourceArn,
    sourceType: t.sourceType,
    exportOnly: t.exportOnly,
    snapshotTime: time(t.snapshotTime),
    taskStartTime: time(t.taskStartTime),
    taskEndTime: time(t.taskEndTime),
    s3Bucket: t.bucket,
    s3Prefix: t.prefix,
    exportedFilesPath: exportBase(t.prefix, t.id),
    iamRoleArn: t.iamRoleArn,
    kmsKeyId: t.kmsKeyId,
    status: 'COMPLETE',
    percentProgress: 100,
    totalExportedDataInGB: t.totalExtractedDataInGB,
    ...(t.warningMessage ? { warningMessage: t.warningMessage } : {})
  })
}
