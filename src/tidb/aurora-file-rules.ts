// `[[mydumper.files]]` rules that route an Aurora snapshot export to the right `schema`/`table`.
//
// Export layout (aws.md §4.1, real-outputs/aurora/s3-keys-*): `<prefix>/<export-id>/<db>/<db>.<table>/<batch>/
// part-00000-<uuid>-c000.gz.parquet`; older exports put `part-…` directly in the table folder; batch folders are
// alphanumeric (`1`, `2`, `a`). Next to the data: `export_info_<id>.json`, `export_tables_info_<id>_from_*_to_*.json`
// and `_SUCCESS` markers. The export writes `\`, backtick, `"` and space as `_` in folder names (aws.md §1.4).
//
// The seed's pattern only routes `[a-z0-9_]` names. These rules, tried in this order (first match wins):
//  1. ignore the export's metadata files (`type = "ignore"`, router.go `TypeIgnore`);
//  2. one exact rule per table whose name the export rewrote, mapping the folder back to the real name (or an
//     ignore rule when two tables share a folder: their data cannot be told apart);
//  3. one rule per database, anchored on the literal `<db>/<db>.` pair, so dots in table names (and databases)
//     are unambiguous;
//  4. a general rule for databases not known in advance: a dot-free db folder followed by `<x>.<table>`.
// RE2 has no backreferences, which is why the pair is anchored with literals rather than `\1`.

import { FileRouter, quoteMeta, quoteTemplate, type FileRule } from './file-router.js'

/** A source table. */
export interface TableRef {
  readonly db: string
  readonly table: string
}

/** The pattern of the seed procedure (pingcap/docs migrate-aurora-to-tidb.md). */
export const SEED_PATTERN = String.raw`(?i)^(?:[^/]*/)*([a-z0-9_]+)\.([a-z0-9_]+)/(?:[^/]*/)*(?:[a-z0-9\-_.]+\.(parquet))$`

/** Batch folder (optional) and data file, shared by every data rule. */
const TAIL = String.raw`/(?:[a-zA-Z0-9]+/)?[^/]+\.parquet$`

/** Skips the export's metadata: `export_info_*.json`, `export_tables_info_*.json`, `_SUCCESS`. */
export const IGNORE_EXPORT_METADATA: FileRule = {
  pattern: String.raw`(?:^|/)(?:export_info_[^/]*\.json|export_tables_info_[^/]*\.json|_SUCCESS)$`,
  type: 'ignore'
}

/** Routes `<db>/<db>.<table>/…` for any dot-free database folder; the table may contain dots. */
export const GENERAL_AURORA_RULE: FileRule = {
  pattern: String.raw`^(?:[^/]*/)*([^/.]+)/[^/.]+\.([^/]+)` + TAIL,
  schema: '$1',
  table: '$2',
  type: 'parquet'
}

/** The folder name the export writes for a database or table name. */
export function exportedName(name: string): string {
  return name.replace(/[\\`" ]/g, '_')
}

/** A representative S3 key (relative to the export root) of a table's data. */
export function sampleExportKey(t: TableRef, batch = '1'): string {
  const db = exportedName(t.db)
  const dir = `${db}/${db}.${exportedName(t.table)}`
  return `${dir}/${batch}/part-00000-c5a881bb-58ff-4ee6-1111-b41ecff340a3-c000.gz.parquet`
}

function databaseRule(db: string): FileRule {
  const folder = quoteMeta(exportedName(db))
  return {
    pattern: `^(?:[^/]*/)*(${folder})/${folder}\\.([^/]+)${TAIL}`,
    schema: '$1',
    table: '$2',
    type: 'parquet'
  }
}

function tableFolderPattern(t: TableRef): string {
  const db = quoteMeta(exportedName(t.db))
  return `^(?:[^/]*/)*${db}/${db}\\.${quoteMeta(exportedName(t.table))}${TAIL}`
}

/** The rules and what they cannot do. */
export interface AuroraRules {
  readonly rules: FileRule[]
  /** Tables whose data the rules cannot route (shared folders), explained for the summary. */
  readonly warnings: string[]
}

const routesTo = (router: FileRouter, t: TableRef): boolean => {
  const r = router.route(sampleExportKey(t))
  return r !== undefined && r.type === 'parquet' && r.schema === t.db && r.table === t.table
}

/**
 * Builds the rules for an export of `tables` (the tables the filter selected). With no tables, only the ignore
 * rule and the general rule. Every table is checked by routing a sample key through the generated rules.
 */
export function auroraFileRules(tables: readonly TableRef[] = []): AuroraRules {
  const warnings: string[] = []
  const byFolder = new Map<string, TableRef[]>()
  for (const t of tables) {
    const folder = `${exportedName(t.db)}/${exportedName(t.table)}`
    const list = byFolder.get(folder)
    if (list) list.push(t)
    else byFolder.set(folder, [t])
  }
  // A database the export renamed gets exact rules for each of its tables instead.
  const dbs = [...new Set(tables.map((t) => t.db))].filter((db) => exportedName(db) === db).sort()
  const generic = [...dbs.map(databaseRule), GENERAL_AURORA_RULE]
  const exact: FileRule[] = []
  for (const group of byFolder.values()) {
    const first = group[0]
    if (first === undefined) continue
    if (group.length > 1) {
      const names = group.map((t) => `\`${t.db}\`.\`${t.table}\``).join(', ')
      warnings.push(
        `${names} are exported into the same S3 folder (the export writes \\, \`, " and space as _); ` +
          'Lightning cannot tell their data apart, so none of them is imported from the export'
      )
      exact.push({ pattern: tableFolderPattern(first), type: 'ignore' })
      continue
    }
    // Route through the generic rules of this table's database only: fast for thousands of tables.
    const own = new FileRouter([databaseRule(first.db)])
    if (!routesTo(own, first)) {
      exact.push({
        pattern: tableFolderPattern(first),
        schema: quoteTemplate(first.db),
        table: quoteTemplate(first.table),
        type: 'parquet'
      })
    }
  }
  return { rules: [IGNORE_EXPORT_METADATA, ...exact, ...generic], warnings }
}

/** The tables the seed's pattern would not route to their own name (for the precheck warning). */
export function seedPatternMisses(tables: readonly TableRef[]): TableRef[] {
  const seed = new FileRouter([{ pattern: SEED_PATTERN, schema: '$1', table: '$2', type: '$3' }])
  return tables.filter((t) => !routesTo(seed, t))
}

/** Why the export will skip a table whatever the rules (aws.md §1.4), or undefined. */
export function exportSkipReason(t: TableRef): string | undefined {
  return t.table.includes('/')
    ? `the Aurora export skips tables whose name contains "/" (\`${t.db}\`.\`${t.table}\`)`
    : undefined
}

/** The `ExportOnly` list for StartExportTask, or undefined to export everything. */
export interface ExportOnlyPlan {
  readonly exportOnly: string[] | undefined
  readonly warnings: string[]
}

/** Names a partial export can list (aws.md §1.1: A–Z, 0–9, `$`, `_`; matched case-insensitively). */
const PARTIAL_EXPORT_NAME = /^[A-Za-z0-9$_]+$/

/** AWS's limit on the serialized `ExportOnly` list (aws.md §1.1: 200 KB). */
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
  selected: readonly TableRef[],
  allTables?: readonly TableRef[]
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
    const set = byDb.get(t.db) ?? new Set<string>()
    set.add(t.table)
    byDb.set(t.db, set)
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
    const all = allTables?.filter((t) => t.db === db)
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
