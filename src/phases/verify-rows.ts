// The verification's judgement, per table, from the evidence the verify phase gathered: the export's own account
// (export_tables_info status, the task's skipped tables), the rows in its Parquet files (footers' num_rows), the rows
// in the target (COUNT(*)), and what Lightning said (rows imported, checksum). Pure.
import type { ExportedTable } from '../aws/export-metadata.js'
import type { RowCount } from '../mysql/row-counts.js'
import type { TableRow } from '../report/types.js'
import type { ChecksumResult } from '../tidb/lightning/report.js'
import type { SkippedTableFacts } from './migration-state.js'
import { formatCount } from '../util/format.js'
import { tableKey, type TableName } from '../table-filter/table-name.js'

/** Statuses of a verified table. */
export const VERIFY_STATUS = {
  verified: 'verified',
  mismatch: 'mismatch',
  skipped: 'skipped by export',
  excluded: 'excluded'
} as const

/** Everything known about one selected table. */
export interface TableEvidence {
  readonly database: string
  readonly table: string
  /** Its export_tables_info entry or skipped-table warning; undefined when the export does not mention it. */
  readonly exported: ExportedTable | undefined
  /** Whether the export wrote export_tables_info at all (older or foreign exports may not). */
  readonly metadataPresent: boolean
  /** Sum of num_rows over the Parquet files of its folder; undefined when the folder has none. */
  readonly exportRows: number | undefined
  /** Other selected tables the export wrote into the same folder (names differing only in `\`, backtick, `"`, space). */
  readonly sharedFolderWith: readonly string[]
  readonly target: RowCount | undefined
  /** Rows Lightning reported for it, when the import recorded them. */
  readonly lightningRows: number | undefined
  readonly checksum: ChecksumResult | undefined
  /** How the run filled it when the export skipped it (phase skipped-tables); undefined for exported tables. */
  readonly filled?: SkippedTableFacts | undefined
}

/**
 * The verdict on a table the export skipped and the run filled another way. Excluded: not expected on the target,
 * named. Copied: the target's rows must lie between the source's COUNT(*) just before and just after the table's
 * dump (equal when the source did not change meanwhile), and equal what the copy counted after Lightning.
 */
function judgeFilled(e: TableEvidence, f: SkippedTableFacts): TableRow {
  const name = { database: e.database, table: e.table }
  const skipped = `⚠ skipped by the export (${f.reason})`
  if (f.filled === 'excluded')
    return {
      ...name,
      status: VERIFY_STATUS.excluded,
      note: `${skipped}; left out of the import, DM and verify (skipped-tables: exclude)`
    }
  const targetRows = e.target && 'rows' in e.target ? e.target.rows : undefined
  const problems: string[] = []
  const lo = Math.min(f.sourceRows?.before ?? 0, f.sourceRows?.after ?? 0)
  const hi = Math.max(f.sourceRows?.before ?? 0, f.sourceRows?.after ?? 0)
  const source = lo === hi ? formatCount(lo) : `${formatCount(lo)}–${formatCount(hi)}`
  if (!e.target || 'missing' in e.target) problems.push('missing in the target')
  else if ('error' in e.target) problems.push(`cannot count the target's rows: ${e.target.error}`)
  else if (f.sourceRows === undefined) problems.push('the copy recorded no source row count')
  else if (e.target.rows < lo || e.target.rows > hi)
    problems.push(
      `the target has ${formatCount(e.target.rows)} rows, the source had ${source} at the dump`
    )
  if (targetRows !== undefined && f.copiedRows !== undefined && f.copiedRows !== targetRows)
    problems.push(`the copy counted ${formatCount(f.copiedRows)} rows after Lightning`)
  if (e.checksum && !e.checksum.ok)
    problems.push(`Lightning checksum mismatch: ${e.checksum.detail}`)
  const how = `${skipped}; filled by a Dumpling dump imported by Lightning`
  return {
    ...name,
    ...(f.sourceRows === undefined ? {} : { rowsExported: hi }),
    ...(targetRows === undefined ? {} : { rowsImported: targetRows }),
    status: problems.length > 0 ? VERIFY_STATUS.mismatch : VERIFY_STATUS.verified,
    note:
      problems.length > 0
        ? `${how}: ${problems.join('; ')}`
        : `${how}: ${formatCount(targetRows ?? 0)} rows, as on the source at the dump (${source})`
  }
}

/** The verdict on one table, as a row of the report. */
export function judgeTable(e: TableEvidence): TableRow {
  const name = { database: e.database, table: e.table }
  if (e.filled !== undefined) return judgeFilled(e, e.filled)
  const targetRows = e.target && 'rows' in e.target ? e.target.rows : undefined
  if (e.exported?.skipped) {
    return {
      ...name,
      ...(targetRows === undefined ? {} : { rowsImported: targetRows }),
      status: VERIFY_STATUS.skipped,
      note: e.exported.reason ?? 'skipped by the export'
    }
  }
  const problems: string[] = []
  if (e.metadataPresent && !e.exported)
    problems.push('not in the export (export_tables_info does not list it)')
  if (e.sharedFolderWith.length > 0)
    problems.push(
      `exported into the same S3 folder as ${e.sharedFolderWith.join(', ')}, so its rows cannot be told apart`
    )
  const rowsExported = e.exportRows ?? 0
  if (!e.target || 'missing' in e.target) problems.push('missing in the target')
  else if ('error' in e.target) problems.push(`cannot count the target's rows: ${e.target.error}`)
  else if (e.target.rows !== rowsExported)
    problems.push(
      `the target has ${formatCount(e.target.rows)} rows, the export ${formatCount(rowsExported)}`
    )
  if (e.lightningRows !== undefined && e.lightningRows !== rowsExported)
    problems.push(`Lightning reported ${formatCount(e.lightningRows)} rows imported`)
  if (e.checksum && !e.checksum.ok)
    problems.push(`Lightning checksum mismatch: ${e.checksum.detail}`)
  const note =
    problems.length > 0 ? problems.join('; ') : e.checksum?.ok ? 'checksum matched' : undefined
  return {
    ...name,
    rowsExported,
    ...(targetRows === undefined ? {} : { rowsImported: targetRows }),
    status: problems.length > 0 ? VERIFY_STATUS.mismatch : VERIFY_STATUS.verified,
    ...(note === undefined ? {} : { note })
  }
}

/** `db.table` of a Lightning table name: `` `db`.`table` `` (backquotes doubled inside) or plain `db.table`. */
export function lightningTableKey(name: string): string {
  const m = /^`((?:[^`]|``)*)`\.`((?:[^`]|``)*)`$/.exec(name.trim())
  return m ? `${(m[1] ?? '').replace(/``/g, '`')}.${(m[2] ?? '').replace(/``/g, '`')}` : name.trim()
}

/** How a set of verdicts adds up. */
export interface VerifyTotals {
  readonly verified: number
  readonly mismatched: readonly TableRow[]
  readonly skipped: number
  readonly excluded: number
}

/** Counts the verdicts. */
export function verifyTotals(rows: readonly TableRow[]): VerifyTotals {
  return {
    verified: rows.filter((r) => r.status === VERIFY_STATUS.verified).length,
    mismatched: rows.filter((r) => r.status === VERIFY_STATUS.mismatch),
    skipped: rows.filter((r) => r.status === VERIFY_STATUS.skipped).length,
    excluded: rows.filter((r) => r.status === VERIFY_STATUS.excluded).length
  }
}

/** Puts `rows` into the report's table list, replacing the rows of the same tables (the import's, say). */
export function upsertTableRows(into: TableRow[], rows: readonly TableRow[]): void {
  const index = new Map(into.map((r, i) => [`${r.database}.${r.table}`, i]))
  for (const r of rows) {
    const i = index.get(`${r.database}.${r.table}`)
    if (i === undefined) into.push(r)
    else into[i] = r
  }
}

/** Statuses of a selected view. */
export const VIEW_STATUS = {
  present: 'view present',
  missing: 'view missing'
} as const

/**
 * Whether each selected view is on the target. A missing view is a failure unless the schema import said why (the
 * target refused a view: that one and any after it in Lightning's order are missing); then it is named with the
 * reason, marked ⚠, and counted as reported rather than as a mismatch. Names compare case-insensitively, as TiDB's.
 * @param selected the views the filter selects on the source
 * @param present the views on the target
 * @param refused the view the target refused, with its error, when the schema import recorded one
 */
export function judgeViews(
  selected: readonly TableName[],
  present: readonly TableName[],
  refused: readonly (TableName & { readonly cause: string })[] | undefined
): { rows: TableRow[]; unexplained: TableRow[] } {
  const key = (t: TableName): string => tableKey(t).toLowerCase()
  const there = new Set(present.map(key))
  const first = refused?.[0]
  const rows = selected.map((v): TableRow => {
    const name = { database: v.database, table: v.table }
    if (there.has(key(v))) return { ...name, status: VIEW_STATUS.present }
    if (first === undefined)
      return { ...name, status: VIEW_STATUS.missing, note: 'not on the target' }
    const why =
      key(first) === key(v)
        ? `⚠ not created: the target refused it (${first.cause})`
        : `⚠ not created: Lightning stopped creating views at \`${first.database}\`.\`${first.table}\` (${first.cause})`
    return { ...name, status: VIEW_STATUS.missing, note: why }
  })
  return {
    rows,
    unexplained: first === undefined ? rows.filter((r) => r.status === VIEW_STATUS.missing) : []
  }
}
