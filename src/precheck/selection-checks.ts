// Verdicts on the tables the filter selects: anything selected at all, and each trap between the Aurora export,
// TiDB Lightning and DM (AWS, Aurora User Guide, "Considerations for DB cluster snapshot exports"; BIT: pingcap/tidb
// issue #37774): names the export skips or rewrites, BIT columns Lightning cannot read from Aurora's Parquet, zero
// dates, tables DM's safe mode cannot replay idempotently, names TiDB would fold together. Pure.
import type { SourceCatalog, SourceTable } from '../mysql/catalog.js'
import type { CheckRow } from '../report/types.js'
import { exportSkipReason } from '../aws/export-naming.js'
import { auroraFileRules, documentedPatternMisses } from '../tidb/lightning/aurora-rules.js'
import { formatBytes, plural } from '../util/format.js'
import { filterRules, goToLower } from '../table-filter/parse.js'
import { tableKey } from '../table-filter/table-name.js'
import { dmEnabled } from '../inputs/types.js'
import type { CheckContext, PrecheckFacts } from './facts.js'
import { listSome, row, tableName } from './facts.js'

/**
 * Characters in a column name that make the Aurora export skip the table (AWS, Aurora User Guide, "Considerations for
 * DB cluster snapshot exports").
 */
const EXPORT_BAD_COLUMN = /[,;{}()\n\t= ]/

/** Why the Aurora export will skip the table (its name or a column name), or undefined. */
export function exportSkip(t: SourceTable): string | undefined {
  const byName = exportSkipReason(t)
  if (byName) return byName
  const bad = t.columns.find((c) => EXPORT_BAD_COLUMN.test(c.name))
  return bad ? `${tableName(t)}: column ${JSON.stringify(bad.name)}` : undefined
}

/** Columns of a table whose type TiDB Lightning cannot read from Aurora's Parquet (BIT, pingcap/tidb#37774). */
export const bitColumns = (t: SourceTable): string[] =>
  t.columns.filter((c) => c.dataType === 'bit').map((c) => c.name)

/** Date/time columns whose default is a zero date. */
export const zeroDateColumns = (t: SourceTable): string[] =>
  t.columns
    .filter((c) => ['date', 'datetime', 'timestamp'].includes(c.dataType))
    .filter((c) => c.defaultValue !== null && /^0000-00-00/.test(c.defaultValue.replace(/^'/, '')))
    .map((c) => c.name)

function selectedRow(catalog: SourceCatalog, ctx: CheckContext): CheckRow {
  const id = 'selection.tables'
  const title = 'The filter selects at least one table'
  const t = catalog.tables
  if (t.length === 0) {
    const dbs =
      catalog.databases.length > 0
        ? listSome(
            catalog.databases.map((d) => `\`${d}\``),
            10
          )
        : 'none'
    const views =
      catalog.views.length > 0
        ? ` (it matches ${plural(catalog.views.length, 'view')}, which hold no data)`
        : ''
    return row(
      id,
      title,
      'fail',
      `Input 'filter' (${filterRules(ctx.inputs.filter).join(' ')}) selects no table on the source${views}. Databases there: ${dbs}.`
    )
  }
  const dbs = new Set(t.map((x) => x.database)).size
  const rows = t.reduce((n, x) => n + x.estimatedRows, 0)
  const bytes = t.reduce((n, x) => n + x.bytes, 0)
  return row(
    id,
    title,
    'pass',
    `${plural(t.length, 'table')} in ${plural(dbs, 'database')}, about ${plural(rows, 'row')}, ${formatBytes(bytes)}` +
      (catalog.views.length > 0
        ? `; ${plural(catalog.views.length, 'view')} (dumped by Dumpling and created on the target after the tables; verify checks each)`
        : '')
  )
}

/**
 * Databases the filter's inclusion rules name literally (`crm.*`, `` `crm`.t ``) that the source user cannot see:
 * they do not exist, or the user has no privilege on them — information_schema hides both alike.
 */
function namedDatabasesRow(catalog: SourceCatalog, ctx: CheckContext): CheckRow | undefined {
  const named = ctx.inputs.filter.rules.flatMap((r) =>
    r.include && r.schema.kind === 'literal' ? [r.schema.name] : []
  )
  if (named.length === 0) return undefined
  const visible = new Set(catalog.databases.map(goToLower))
  const missing = [...new Set(named)].filter((d) => !visible.has(goToLower(d)))
  const id = 'selection.named-databases'
  const title = 'The databases the filter names exist and are visible'
  if (missing.length === 0)
    return row(
      id,
      title,
      'pass',
      `${listSome(named.map((d) => `\`${d}\``))} visible to the source user`
    )
  const list = listSome(missing.map((d) => `\`${d}\``))
  return row(
    id,
    title,
    'fail',
    `Input 'filter' names ${list}, which the source user cannot see: the database does not exist, or the user has ` +
      `no privilege on it (GRANT SELECT ON \`${missing[0] ?? ''}\`.* TO the source user). Fix the rule or the grant.`
  )
}

function keyRow(tables: readonly SourceTable[], ctx: CheckContext): CheckRow {
  const id = 'selection.unique-keys'
  const title = 'Tables have a primary or NOT NULL unique key'
  const without = tables.filter((t) => !t.hasUniqueKey).map(tableName)
  if (without.length === 0) return row(id, title, 'pass', 'every selected table has one')
  const names = listSome(without)
  return dmEnabled(ctx.inputs)
    ? row(
        id,
        title,
        'warn',
        `No key on ${names}: DM's safe mode replays the writes made between the binlog capture and the snapshot, ` +
          'and without a key a replayed INSERT duplicates the row. Add a primary key, or keep writes to them paused until the snapshot is taken.'
      )
    : row(
        id,
        title,
        'pass',
        `No key on ${names}; that matters only when DM replicates ('dm-master-addr' is empty).`
      )
}

/** What becomes of the tables the export skips, by input skipped-tables. */
const SKIPPED_FATE: Readonly<Record<CheckContext['inputs']['skippedTables'], string>> = {
  copy: 'They are copied another way (skipped-tables: copy): a Dumpling dump of just those tables, imported by Lightning after the export, and verified like the rest.',
  fail: "With skipped-tables: fail the run stops after the export, before any data is imported: rename the columns, leave the tables out of 'filter', or set skipped-tables to copy.",
  exclude:
    'With skipped-tables: exclude they are left out of the import, DM and verification, and stay empty on TiDB.'
}

function exportRows(tables: readonly SourceTable[], ctx: CheckContext): CheckRow[] {
  const skipped = tables.map(exportSkip).filter((s): s is string => s !== undefined)
  const rules = auroraFileRules(tables)
  const misses = documentedPatternMisses(tables).map(tableName)
  const rows: CheckRow[] = [
    skipped.length === 0
      ? row(
          'selection.export-skips',
          'The Aurora export keeps every selected table',
          'pass',
          'no name or column the export skips'
        )
      : row(
          'selection.export-skips',
          'The Aurora export keeps every selected table',
          'warn',
          `The export skips tables with "/" in the name or a column name with a space or any of , ; { } ( ) = tab newline: ` +
            `${listSome(skipped)}. ${SKIPPED_FATE[ctx.inputs.skippedTables]}`
        )
  ]
  rows.push(
    rules.warnings.length > 0
      ? row(
          'selection.file-routing',
          'Every exported table routes to its own TiDB table',
          'warn',
          rules.warnings.join('; ')
        )
      : row(
          'selection.file-routing',
          'Every exported table routes to its own TiDB table',
          'pass',
          misses.length > 0
            ? `Routed by generated rules (the [a-z0-9_] pattern of PingCAP's documented procedure would miss them): ${listSome(misses)}`
            : 'all names match the pattern of PingCAP’s documented procedure'
        )
  )
  return rows
}

function typeRows(tables: readonly SourceTable[]): CheckRow[] {
  const bits = tables.filter((t) => bitColumns(t).length > 0)
  const zero = tables.filter((t) => zeroDateColumns(t).length > 0)
  return [
    bits.length === 0
      ? row('selection.bit-columns', 'No BIT columns', 'pass', 'no selected table has a BIT column')
      : row(
          'selection.bit-columns',
          'No BIT columns',
          'fail',
          `TiDB Lightning cannot read BIT columns from Aurora's Parquet (pingcap/tidb#37774, still open), so the import ` +
            `would fail after the export: ${listSome(bits.map((t) => `${tableName(t)} (${bitColumns(t).join(', ')})`))}. ` +
            "Leave these tables out of 'filter', or change the columns to TINYINT/BINARY first."
        ),
    zero.length === 0
      ? row(
          'selection.zero-dates',
          'No zero-date defaults',
          'pass',
          'no date column defaults to 0000-00-00 (data itself is not scanned)'
        )
      : row(
          'selection.zero-dates',
          'No zero-date defaults',
          'warn',
          `Columns defaulting to a zero date: ${listSome(zero.map((t) => `${tableName(t)} (${zeroDateColumns(t).join(', ')})`))}. ` +
            'Zero dates make Aurora export single-threaded, and their Parquet value is not documented (it may arrive as NULL).'
        )
  ]
}

function caseRow(tables: readonly SourceTable[]): CheckRow {
  const seen = new Map<string, SourceTable>()
  const clashes: string[] = []
  for (const t of tables) {
    // The pair, not the names joined: `rtk` + `x.y` and `rtk.x` + `y` are two tables.
    const k = tableKey({ database: t.database.toLowerCase(), table: t.table.toLowerCase() })
    const other = seen.get(k)
    // Sorted, so the message does not depend on the order a case-insensitive collation listed them in.
    if (other) clashes.push([tableName(other), tableName(t)].sort().join(' and '))
    else seen.set(k, t)
  }
  return clashes.length === 0
    ? row(
        'selection.case-collisions',
        'No names that differ only in case',
        'pass',
        'TiDB compares table names case-insensitively; no selected names collide'
      )
    : row(
        'selection.case-collisions',
        'No names that differ only in case',
        'fail',
        `TiDB compares database and table names case-insensitively, so these would be the same table: ${listSome(clashes)}. ` +
          "Rename one of each pair, or leave one out of 'filter'."
      )
}

/** Every verdict on the selection; none when the source could not be read. */
export function selectionChecks(facts: PrecheckFacts, ctx: CheckContext): CheckRow[] {
  if (!facts.source.ok) return []
  const catalog = facts.source.value.catalog
  const named = namedDatabasesRow(catalog, ctx)
  const first = [selectedRow(catalog, ctx), ...(named ? [named] : [])]
  if (catalog.tables.length === 0) return first
  const t = catalog.tables
  return [...first, keyRow(t, ctx), ...exportRows(t, ctx), ...typeRows(t), caseRow(t)]
}
