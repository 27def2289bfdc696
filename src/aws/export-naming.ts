// How an Aurora snapshot export names what it writes, and which tables a partial export can name. Facts from AWS,
// Aurora User Guide, "Considerations for DB cluster snapshot exports" (sections "Limitations" and "File naming
// convention"), and the keys of real exports:
//
// Layout: `<prefix>/<export-id>/<db>/<db>.<table>/<batch>/part-00000-<uuid>-c000.gz.parquet`; the export writes `\`,
// backtick, `"` and space as `_` in folder names and skips tables whose name contains `/`. A partial export
// (`ExportOnly`) names databases and tables with A–Z, 0–9, `$` and `_` only, in a list of at most 200 KB.

import type { TableName } from '../table-filter/table-name.js'

/** The folder name the export writes for a database or table name. */
export function exportedName(name: string): string {
  return name.replace(/[\\`" ]/g, '_')
}

/** The folder (relative to the export root) the export writes a table's data to: `<db>/<db>.<table>`. */
export function tableFolder(t: TableName): string {
  const db = exportedName(t.database)
  return `${db}/${db}.${exportedName(t.table)}`
}

/** A representative S3 key (relative to the export root) of a table's data. */
export function sampleExportKey(t: TableName, batch = '1'): string {
  return `${tableFolder(t)}/${batch}/part-00000-c5a881bb-58ff-4ee6-1111-b41ecff340a3-c000.gz.parquet`
}

/** Why the export will skip a table whatever the rules (AWS's "Limitations", above), or undefined. */
export function exportSkipReason(t: TableName): string | undefined {
  return t.table.includes('/')
    ? `the Aurora export skips tables whose name contains "/" (\`${t.database}\`.\`${t.table}\`)`
    : undefined
}

/** The `ExportOnly` list for StartExportTask, or undefined to export everything. */
export interface ExportOnlyPlan {
  readonly exportOnly: string[] | undefined
  readonly warnings: string[]
}

/** Names a partial export can list (A–Z, 0–9, `$`, `_`, above; matched case-insensitively). */
const PARTIAL_EXPORT_NAME = /^[A-Za-z0-9$_]+$/

/** AWS's limit on the serialized `ExportOnly` list (200 KB, above). */
const EXPORT_ONLY_MAX_BYTES = 200_000

const listBytes = (entries: readonly string[]): number =>
  entries.reduce((n, e) => n + Buffer.byteLength(e) + 3, 2)

/**
 * `ExportOnly` entries for the selected tables: `db` when every table of the database is selected (pass
 * `allTables` to know that) or when a table name has characters a partial export refuses (then the whole
 * database is exported and Lightning's filter drops the rest), `db.table` otherwise. A database whose own name has
 * such characters cannot be listed at all, so the whole cluster is exported. Each fallback comes with a warning.
 */
export function exportOnlyFor(
  selected: readonly TableName[],
  allTables?: readonly TableName[]
): ExportOnlyPlan {
  const warnings: string[] = []
  if (selected.length === 0) {
    return {
      exportOnly: undefined,
      warnings: ['no table is selected; nothing to limit the export to']
    }
  }
  const byDb = new Map<string, Set<string>>()
  for (const t of selected) {
    const set = byDb.get(t.database) ?? new Set<string>()
    set.add(t.table)
    byDb.set(t.database, set)
  }
  const badDbs = [...byDb.keys()].filter((db) => !PARTIAL_EXPORT_NAME.test(db))
  if (badDbs.length > 0) {
    const names = badDbs.map((d) => `\`${d}\``).join(', ')
    warnings.push(
      `database ${names} has characters other than A-Z, 0-9, $ and _, which a partial Aurora export cannot name; ` +
        'the whole cluster is exported (you are charged for all of it) and only the selected tables are imported'
    )
    return { exportOnly: undefined, warnings }
  }
  const entries: string[] = []
  const dbEntries: string[] = []
  for (const [db, tables] of [...byDb].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    dbEntries.push(db)
    const all = allTables?.filter((t) => t.database === db)
    const everything = all !== undefined && all.length > 0 && all.every((t) => tables.has(t.table))
    const bad = [...tables].filter((t) => !PARTIAL_EXPORT_NAME.test(t))
    if (everything) {
      entries.push(db)
    } else if (bad.length > 0) {
      entries.push(db)
      const names = bad.map((t) => `\`${db}\`.\`${t}\``).join(', ')
      warnings.push(
        `${names} cannot be named in a partial Aurora export (characters other than A-Z, 0-9, $ and _); ` +
          `the whole database \`${db}\` is exported and only the selected tables are imported`
      )
    } else {
      for (const t of [...tables].sort()) entries.push(`${db}.${t}`)
    }
  }
  if (listBytes(entries) <= EXPORT_ONLY_MAX_BYTES) return { exportOnly: entries, warnings }
  if (listBytes(dbEntries) <= EXPORT_ONLY_MAX_BYTES) {
    warnings.push(
      'the ExportOnly list of tables exceeds 200 KB; whole databases are exported instead'
    )
    return { exportOnly: dbEntries, warnings }
  }
  warnings.push(
    'the ExportOnly list exceeds 200 KB even with whole databases; the whole cluster is exported'
  )
  return { exportOnly: undefined, warnings }
}
