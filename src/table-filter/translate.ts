/**
 * Translations of a table filter into the two other selection languages the migration needs: Aurora's
 * `StartExportTask` `ExportOnly` list (`db` or `db.table`, exact names) and DM's `block-allow-list`. A rule set made
 * only of exact names (`db.*`, `db.table`, with or without `!`) translates exactly where the target language can
 * say it; anything else falls back to whole databases (a superset) and says so in `notes`.
 */
import { goToLower, type NameMatcher, type TableFilter } from './parse.js'
import { tableKey, type TableName } from './table-name.js'

/**
 * One `{db-name, tbl-name}` entry of a DM block-allow-list: DM's patterns (a name as it is, `*` and `?` wildcards,
 * or `~regexp`; see dmName), not a table name.
 */
export interface DmTableRef {
  readonly dbName: string
  readonly tblName: string
}

/**
 * One rule of a DM task's `block-allow-list`; tidb/dm/config.ts writes it with the task file's keys (`do-dbs`,
 * `do-tables`, `ignore-tables`, `ignore-dbs`), leaving out the empty lists.
 */
export interface DmBlockAllowList {
  readonly doDbs: readonly string[]
  readonly doTables: readonly DmTableRef[]
  readonly ignoreTables: readonly DmTableRef[]
  readonly ignoreDbs?: readonly string[]
}

/** What {@link translateFilter} found. */
export interface FilterTranslation {
  /** Every rule names exact schemas and tables (`db.*` or `db.table`). */
  readonly simple: boolean
  /** The filter certainly selects no table (only exclusions, or exact rules that cancel out). */
  readonly selectsNothing: boolean
  /**
   * `ExportOnly` entries, or undefined to export everything (no `ExportOnly`). Never pass an empty list: it is empty
   * only when `selectsNothing`.
   */
  readonly exportOnly: readonly string[] | undefined
  /** `exportOnly` selects exactly the filter's tables (otherwise it is a superset). */
  readonly exportOnlyExact: boolean
  /** DM block-allow-list entry, or undefined when it cannot narrow the selection at all. */
  readonly blockAllowList: DmBlockAllowList | undefined
  /** `blockAllowList` selects exactly the filter's tables (otherwise it is a superset). */
  readonly blockAllowListExact: boolean
  /** Why a translation is not exact, one sentence each. */
  readonly notes: readonly string[]
}

/** Aurora exports only names made of these characters partially ("partial export is not supported" otherwise). */
const EXPORTABLE_NAME = /^[A-Za-z0-9$_]+$/

/** The filter's exact-name selection: whole databases minus excluded tables, plus single tables. */
interface ExactSelection {
  readonly dbs: Map<string, { name: string; excluded: Map<string, string> }>
  readonly tables: Map<string, TableName>
}

const isExactRule = (schema: NameMatcher, table: NameMatcher): boolean =>
  schema.kind === 'literal' && (table.kind === 'literal' || table.kind === 'all')

function exactSelection(filter: TableFilter): ExactSelection {
  const key = (name: string): string => (filter.caseSensitive ? name : goToLower(name))
  const dbs: ExactSelection['dbs'] = new Map()
  const tables: ExactSelection['tables'] = new Map()
  const dropTablesOf = (dbKey: string): void => {
    for (const k of [...tables.keys()]) if (k.startsWith(`${dbKey}\0`)) tables.delete(k)
  }
  // Applying the rules in order, each overriding what came before, is "the last matching rule wins".
  for (const rule of filter.rules) {
    if (rule.schema.kind !== 'literal') continue
    const db = rule.schema.name
    const dbKey = key(db)
    if (rule.table.kind === 'all') {
      dropTablesOf(dbKey)
      if (rule.include) dbs.set(dbKey, { name: db, excluded: new Map() })
      else dbs.delete(dbKey)
    } else if (rule.table.kind === 'literal') {
      const table = rule.table.name
      const whole = dbs.get(dbKey)
      if (whole && rule.include) whole.excluded.delete(key(table))
      else if (whole) whole.excluded.set(key(table), table)
      else if (rule.include) tables.set(`${dbKey}\0${key(table)}`, { database: db, table })
      else tables.delete(`${dbKey}\0${key(table)}`)
    }
  }
  return { dbs, tables }
}

/** DM reads `*`, `?`, `[…]` as wildcards and a leading `~` as a regexp: such names go in as an anchored regexp. */
export function dmName(name: string): string {
  if (!/[*?[\]]/.test(name) && !name.startsWith('~')) return name
  return `~^${name.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')}$`
}

function translateExact(
  sel: ExactSelection,
  notes: string[]
): Omit<FilterTranslation, 'simple' | 'selectsNothing'> {
  const wholeDbs = [...sel.dbs.values()]
  const singles = [...sel.tables.values()]
  const excluded = wholeDbs.flatMap((d) =>
    [...d.excluded.values()].map((t) => ({ database: d.name, table: t }))
  )
  const names = [...wholeDbs.map((d) => d.name), ...singles.flatMap((t) => [t.database, t.table])]
  let exportOnly: string[] | undefined = [...wholeDbs.map((d) => d.name), ...singles.map(tableKey)]
  let exportOnlyExact = excluded.length === 0
  if (!names.every((n) => EXPORTABLE_NAME.test(n))) {
    exportOnly = undefined
    exportOnlyExact = false
    notes.push(
      'a selected name has characters other than letters, digits, $ and _, so Aurora cannot export part of the cluster: the whole cluster is exported'
    )
  } else if (!exportOnlyExact) {
    notes.push(
      `ExportOnly cannot exclude single tables, so ${excluded.map(tableKey).join(', ')} ${excluded.length === 1 ? 'is' : 'are'} exported too`
    )
  }
  const ref = (t: TableName): DmTableRef => ({
    dbName: dmName(t.database),
    tblName: dmName(t.table)
  })
  const doDbs = [
    ...new Set([...wholeDbs.map((d) => dmName(d.name)), ...singles.map((t) => dmName(t.database))])
  ]
  let blockAllowList: DmBlockAllowList
  let blockAllowListExact = true
  if (singles.length === 0) {
    blockAllowList = { doDbs, doTables: [], ignoreTables: excluded.map(ref) }
  } else {
    const doTables = [
      ...wholeDbs.map((d) => ({ dbName: dmName(d.name), tblName: '*' })),
      ...singles.map(ref)
    ]
    blockAllowList = { doDbs, doTables, ignoreTables: [] }
    if (excluded.length > 0) {
      // DM accepts a table matching do-tables before it looks at ignore-tables, so `db.*` there cannot exclude.
      blockAllowListExact = false
      notes.push(
        'a DM block-allow-list with do-tables cannot exclude single tables of a whole database, so DM replicates them too'
      )
    }
  }
  return { exportOnly, exportOnlyExact, blockAllowList, blockAllowListExact, notes }
}

/**
 * Translates a filter into an Aurora `ExportOnly` list and a DM block-allow-list (see {@link FilterTranslation}).
 * Names are compared as the filter compares them (case-insensitively by default); the migration builds its `ExportOnly`
 * list from the source catalog instead (aws/export-naming.ts), spelled like the source's real names.
 */
export function translateFilter(filter: TableFilter): FilterTranslation {
  const notes: string[] = []
  const hasInclude = filter.rules.some((r) => r.include)
  const simple = filter.rules.every((r) => isExactRule(r.schema, r.table))
  if (simple) {
    const sel = exactSelection(filter)
    const selectsNothing = sel.dbs.size === 0 && sel.tables.size === 0
    if (selectsNothing) {
      return {
        simple,
        selectsNothing,
        exportOnly: [],
        exportOnlyExact: true,
        blockAllowList: undefined,
        blockAllowListExact: false,
        notes: ['the rules select no table']
      }
    }
    return { simple, selectsNothing, ...translateExact(sel, notes) }
  }
  const patterns = filter.rules
    .filter((r) => !isExactRule(r.schema, r.table))
    .map((r) => `'${r.text}'`)
  notes.push(
    `${patterns.join(', ')} ${patterns.length === 1 ? 'is a pattern' : 'are patterns'}, not exact names, so the translations select whole databases (or everything)`
  )
  const includedSchemas = filter.rules.filter((r) => r.include).map((r) => r.schema)
  const literalSchemas = includedSchemas.every((s) => s.kind === 'literal')
    ? [...new Set(includedSchemas.map((s) => (s.kind === 'literal' ? s.name : '')))]
    : undefined
  const exportOnly = literalSchemas?.every((n) => EXPORTABLE_NAME.test(n))
    ? literalSchemas
    : undefined
  const blockAllowList: DmBlockAllowList | undefined = literalSchemas
    ? { doDbs: literalSchemas.map(dmName), doTables: [], ignoreTables: [] }
    : undefined
  return {
    simple,
    selectsNothing: !hasInclude,
    exportOnly: hasInclude ? exportOnly : [],
    exportOnlyExact: false,
    blockAllowList: hasInclude ? blockAllowList : undefined,
    blockAllowListExact: false,
    notes: hasInclude ? notes : ['the filter has only exclusion rules, so it selects no table']
  }
}
