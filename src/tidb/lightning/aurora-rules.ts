// `[[mydumper.files]]` rules that route an Aurora snapshot export to the right `schema`/`table`.
//
// Export layout (AWS, Amazon Aurora User Guide, "Exporting DB cluster snapshot data to Amazon S3", File naming
// convention: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-export-snapshot.Considerations.html):
// `<prefix>/<export-id>/<db>/<db>.<table>/<batch_index>/part-00000-<uuid>-c000.gz.parquet`; the older convention
// puts `part-…` directly in the table folder; batch folders are alphanumeric (`1`, `2`, `a`). AWS adds: "The file
// naming convention is subject to change. Therefore, when reading target tables, we recommend that you read
// everything inside the base prefix for the table." So the data rules accept any number of folders (none, one, or
// more) between the table folder and a `.parquet` file. Next to the data: `export_info_<id>.json`,
// `export_tables_info_<id>_from_*_to_*.json` and `_SUCCESS` markers. The export writes `\`, backtick, `"` and space
// as `_` in folder names (same page, Limitations).
//
// The pattern of PingCAP's documented procedure only routes `[a-z0-9_]` names. These rules, tried in this order
// (first match wins):
//  1. ignore the export's metadata files (`type = "ignore"`, router.go `TypeIgnore`);
//  2. one exact rule per table whose name the export rewrote, mapping the folder back to the real name (or an
//     ignore rule when two tables share a folder: their data cannot be told apart);
//  3. one rule per database, anchored on the literal `<db>/<db>.` pair, so dots in table names (and databases)
//     are unambiguous;
//  4. a general rule for databases not known in advance: a dot-free db folder followed by `<x>.<table>`.
// RE2 has no backreferences, which is why the pair is anchored with literals rather than `\1`.

import { exportedName, sampleExportKey } from '../../aws/export-naming.js'
import type { TableName } from '../../table-filter/table-name.js'
import { FileRouter, quoteMeta, quoteTemplate, type FileRule } from './file-router.js'

/** The pattern of PingCAP's documented procedure (pingcap/docs migrate-aurora-to-tidb.md). */
export const DOCUMENTED_PATTERN = String.raw`(?i)^(?:[^/]*/)*([a-z0-9_]+)\.([a-z0-9_]+)/(?:[^/]*/)*(?:[a-z0-9\-_.]+\.(parquet))$`

/** Any depth of batch folders (none included) and the data file, shared by every data rule. */
const TAIL = String.raw`/(?:[^/]+/)*[^/]+\.parquet$`

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

function databaseRule(db: string): FileRule {
  const folder = quoteMeta(exportedName(db))
  return {
    pattern: `^(?:[^/]*/)*(${folder})/${folder}\\.([^/]+)${TAIL}`,
    schema: '$1',
    table: '$2',
    type: 'parquet'
  }
}

function tableFolderPattern(t: TableName): string {
  const db = quoteMeta(exportedName(t.database))
  return `^(?:[^/]*/)*${db}/${db}\\.${quoteMeta(exportedName(t.table))}${TAIL}`
}

/** The rules and what they cannot do. */
export interface AuroraRules {
  readonly rules: FileRule[]
  /** Tables whose data the rules cannot route (shared folders), explained for the summary. */
  readonly warnings: string[]
}

const routesTo = (router: FileRouter, t: TableName): boolean => {
  const r = router.route(sampleExportKey(t))
  return r !== undefined && r.type === 'parquet' && r.schema === t.database && r.table === t.table
}

/**
 * Builds the rules for an export of `tables` (the tables the filter selected). With no tables, only the ignore
 * rule and the general rule. Every table is checked by routing a sample key through the generated rules.
 */
export function auroraFileRules(tables: readonly TableName[] = []): AuroraRules {
  const warnings: string[] = []
  const byFolder = new Map<string, TableName[]>()
  for (const t of tables) {
    const folder = `${exportedName(t.database)}/${exportedName(t.table)}`
    const list = byFolder.get(folder)
    if (list) list.push(t)
    else byFolder.set(folder, [t])
  }
  // A database the export renamed gets exact rules for each of its tables instead.
  const dbs = [...new Set(tables.map((t) => t.database))]
    .filter((db) => exportedName(db) === db)
    .sort()
  const generic = [...dbs.map(databaseRule), GENERAL_AURORA_RULE]
  const exact: FileRule[] = []
  for (const group of byFolder.values()) {
    const first = group[0]
    if (first === undefined) continue
    if (group.length > 1) {
      const names = group.map((t) => `\`${t.database}\`.\`${t.table}\``).join(', ')
      warnings.push(
        `${names} are exported into the same S3 folder (the export writes \\, \`, " and space as _); ` +
          'Lightning cannot tell their data apart, so none of them is imported from the export'
      )
      exact.push({ pattern: tableFolderPattern(first), type: 'ignore' })
      continue
    }
    // Route through the generic rules of this table's database only: fast for thousands of tables.
    const own = new FileRouter([databaseRule(first.database)])
    if (!routesTo(own, first)) {
      exact.push({
        pattern: tableFolderPattern(first),
        schema: quoteTemplate(first.database),
        table: quoteTemplate(first.table),
        type: 'parquet'
      })
    }
  }
  return { rules: [IGNORE_EXPORT_METADATA, ...exact, ...generic], warnings }
}

/** The tables the documented procedure's pattern would not route to their own name (for the precheck warning). */
export function documentedPatternMisses(tables: readonly TableName[]): TableName[] {
  const documented = new FileRouter([
    { pattern: DOCUMENTED_PATTERN, schema: '$1', table: '$2', type: '$3' }
  ])
  return tables.filter((t) => !routesTo(documented, t))
}
