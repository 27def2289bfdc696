// The metadata files an Aurora export writes next to its data (not documented by AWS; the keys are
// those public parsers read, e.g. seapy/athena-ddl-rds-snapshot internal/model/table.go, and real exports show):
//   <prefix>/<id>/export_info_<id>.json                          task summary (lower camelCase keys)
//   <prefix>/<id>/export_tables_info_<id>_from_<a>_to_<b>.json   {"perTableStatus":[…]}, possibly several files
// Keys are read case-insensitively (third-party copies write `TableStatistics`). Entries that carry a
// `warningMessage` are database-level warnings and sit in the same array.
//
// Row counts: neither the real export_tables_info sample (an RDS export of 2023, recorded for the tests) nor the
// documented shape has a row count — `tableStatistics` holds extraction times and `partitioningInfo` only. Rows
// are read when some key carries them (`rows`, `rowCount`, `numberOfRows`, `totalRows`, `exportedRows`) and are
// undefined otherwise; a verification needs another source (the Parquet footers' num_rows, or the source).

import { arr, date, field, num, str, strOrEmpty, tryJson, type Json } from './json-fields.js'
import { normaliseExportStatus, type ExportStatus, type ExportWarnings } from './export-task.js'
import type { TableName } from '../table-filter/table-name.js'

/** `export_info_<id>.json`. */
export interface ExportInfo {
  readonly exportTaskIdentifier: string | undefined
  readonly sourceArn: string | undefined
  readonly status: ExportStatus | undefined
  readonly percentProgress: number | undefined
  /** A float here, unlike the API's integer `TotalExtractedDataInGB`. */
  readonly totalExportedDataInGB: number | undefined
  readonly taskStartTime: Date | undefined
  readonly taskEndTime: Date | undefined
  readonly exportOnly: readonly string[]
  readonly s3Bucket: string | undefined
  /** `''` for an export at the bucket root; undefined when absent. */
  readonly s3Prefix: string | undefined
}

/** One `perTableStatus` entry. */
export interface TableStatus {
  /** `db.table` as written (`target`). */
  readonly target: string | undefined
  readonly status: ExportStatus | undefined
  readonly rawStatus: string | undefined
  readonly sizeGB: number | undefined
  readonly rows: number | undefined
  readonly warningMessage: string | undefined
  /** Locale strings without time zone (`Jul 19, 2023, 11:21:00 PM`), kept as written. */
  readonly extractionStartTime: string | undefined
  readonly extractionEndTime: string | undefined
  readonly partitions:
    { readonly total: number; readonly completed: number | undefined } | undefined
}

/** Both kinds of files of one export. */
export interface ExportMetadata {
  readonly info: ExportInfo | undefined
  readonly tables: readonly TableStatus[]
  /** `warningMessage`s of entries that name no table (database-level warnings). */
  readonly warnings: readonly string[]
}

/** An error reading a metadata file: which file and why. */
export class ExportMetadataError extends Error {
  constructor(
    readonly file: string,
    reason: string
  ) {
    super(`export metadata ${file}: ${reason}`)
    this.name = 'ExportMetadataError'
  }
}

function parseDoc(file: string, text: string): Json {
  const doc = tryJson(text)
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ExportMetadataError(file, 'not a JSON object')
  }
  return doc
}

/** Parses `export_info_<id>.json`. Throws ExportMetadataError when it is not a JSON object. */
export function parseExportInfo(text: string, file = 'export_info'): ExportInfo {
  const doc = parseDoc(file, text)
  return {
    exportTaskIdentifier: str(doc, 'exportTaskIdentifier'),
    sourceArn: str(doc, 'sourceArn'),
    status: normaliseExportStatus(field(doc, 'status')),
    percentProgress: num(doc, 'percentProgress'),
    totalExportedDataInGB: num(doc, 'totalExportedDataInGB'),
    taskStartTime: date(doc, 'taskStartTime'),
    taskEndTime: date(doc, 'taskEndTime'),
    exportOnly: arr(doc, 'exportOnly').filter((e): e is string => typeof e === 'string'),
    s3Bucket: str(doc, 's3Bucket'),
    s3Prefix: strOrEmpty(doc, 's3Prefix')
  }
}

const ROW_KEYS = ['rows', 'rowCount', 'numberOfRows', 'totalRows', 'exportedRows']

function rowsOf(entry: Json): number | undefined {
  const stats = field(entry, 'tableStatistics')
  for (const holder of [entry, stats]) {
    for (const k of ROW_KEYS) {
      const n = num(holder, k)
      if (n !== undefined) return n
    }
  }
  return undefined
}

function tableStatus(entry: Json): TableStatus {
  const stats = field(entry, 'tableStatistics')
  const parts = field(stats, 'partitioningInfo')
  const total = num(parts, 'numberOfPartitions')
  const rawStatus = str(entry, 'status')
  return {
    target: str(entry, 'target'),
    status: normaliseExportStatus(rawStatus),
    rawStatus,
    sizeGB: num(entry, 'sizeGB'),
    rows: rowsOf(entry),
    warningMessage: str(entry, 'warningMessage'),
    extractionStartTime: str(stats, 'extractionStartTime'),
    extractionEndTime: str(stats, 'extractionEndTime'),
    partitions:
      total === undefined
        ? undefined
        : { total, completed: num(parts, 'numberOfCompletedPartitions') }
  }
}

/** Parses one `export_tables_info_*.json`. Throws ExportMetadataError when it is not a JSON object. */
export function parseExportTablesInfo(text: string, file = 'export_tables_info'): TableStatus[] {
  return arr(parseDoc(file, text), 'perTableStatus').map(tableStatus)
}

/** Orders `export_tables_info_<id>_from_<a>_to_<b>.json` names by `a` (numeric), then by name. */
export function compareTablesInfoFiles(a: string, b: string): number {
  const from = (n: string): number => Number(/_from_(\d+)_to_\d+\.json$/.exec(n)?.[1] ?? Infinity)
  return from(a) - from(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/**
 * Parses every metadata file of one export (`name` is the object key or its base name; other files are
 * ignored) and concatenates the `perTableStatus` arrays in file order.
 */
export function parseExportMetadata(
  files: readonly { readonly name: string; readonly text: string }[]
): ExportMetadata {
  const base = (n: string): string => n.slice(n.lastIndexOf('/') + 1)
  const infoFile = files.find((f) => /^export_info_.*\.json$/.test(base(f.name)))
  const tableFiles = files
    .filter((f) => /^export_tables_info_.*\.json$/.test(base(f.name)))
    .sort((a, b) => compareTablesInfoFiles(base(a.name), base(b.name)))
  const entries = tableFiles.flatMap((f) => parseExportTablesInfo(f.text, f.name))
  return {
    info: infoFile ? parseExportInfo(infoFile.text, infoFile.name) : undefined,
    tables: entries.filter((e) => e.target !== undefined),
    warnings: entries
      .filter((e) => e.target === undefined && e.warningMessage !== undefined)
      .map((e) => e.warningMessage ?? '')
  }
}

/** A table of the export, for verification and the summary. */
export interface ExportedTable extends TableName {
  readonly status: ExportStatus | undefined
  /** Undefined: the export's files carry no row counts (see the top of this file). */
  readonly rows: number | undefined
  readonly sizeGB: number | undefined
  /** The export did not write this table's data (not COMPLETE, or named in the task's WarningMessage). */
  readonly skipped: boolean
  readonly reason: string | undefined
}

/** Splits `db.table`, preferring a known table whose two parts join to the target (dots in names). */
function splitTarget(target: string, known: readonly TableName[]): TableName {
  // AWS joins the two names with a dot, unescaped.
  const hit = known.find((t) => `${t.database}.${t.table}` === target)
  if (hit) return { database: hit.database, table: hit.table }
  const dot = target.indexOf('.')
  return dot < 0
    ? { database: target, table: '' }
    : { database: target.slice(0, dot), table: target.slice(dot + 1) }
}

/**
 * The tables of an export with their status. `warnings` (the task's parsed WarningMessage) marks skipped tables;
 * `known` (the source's table list) resolves dotted names.
 */
export function exportedTables(
  meta: ExportMetadata,
  warnings?: ExportWarnings,
  known: readonly TableName[] = []
): ExportedTable[] {
  const skipped = new Map((warnings?.skippedTables ?? []).map((s) => [s.target, s.reason]))
  const out: ExportedTable[] = meta.tables.map((t) => {
    const target = t.target ?? ''
    const name = splitTarget(target, known)
    const warned = skipped.has(target)
    const warnedReason = skipped.get(target)
    const incomplete = t.status !== 'COMPLETE'
    skipped.delete(target)
    return {
      ...name,
      status: t.status,
      rows: t.rows,
      sizeGB: t.sizeGB,
      skipped: warned || incomplete,
      reason: warned
        ? (warnedReason ?? t.warningMessage ?? 'named in the export warning')
        : incomplete
          ? (t.warningMessage ?? `export status ${t.rawStatus ?? 'missing'}`)
          : undefined
    }
  })
  for (const [target, reason] of skipped) {
    out.push({
      ...splitTarget(target, known),
      status: undefined,
      rows: undefined,
      sizeGB: undefined,
      skipped: true,
      reason: reason ?? 'named in the export warning'
    })
  }
  return out
}
