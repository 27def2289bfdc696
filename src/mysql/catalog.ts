// The tables the `filter` selects on the source, from information_schema: size estimates, engine, keys and columns
// — what the checks and the plan need to know before anything is exported. Five queries whatever the number of
// tables (TABLES and SCHEMATA, then COLUMNS, STATISTICS and REFERENTIAL_CONSTRAINTS of the selected databases);
// the assembly is pure (buildCatalog) so it is tested without a server. information_schema shows only what the
// user has some privilege on, so a database without privileges looks absent.
import type mysql from 'mysql2/promise'
import type { TableFilter } from '../table-filter/parse.js'
import { matchesTable } from '../table-filter/match.js'
import { cellText } from './source.js'
import type { TableName } from '../table-filter/table-name.js'

/** Schemas never migrated: the server's own (Dumpling's default filter leaves them out too). */
export const SYSTEM_SCHEMAS = ['mysql', 'sys', 'information_schema', 'performance_schema'] as const

/** A column of a selected table. */
export interface SourceColumn {
  readonly name: string
  /** `DATA_TYPE`, lower-case: `int`, `varchar`, `bit`, `decimal`… */
  readonly dataType: string
  /** `COLUMN_TYPE`: `int(10) unsigned`, `decimal(40,2)`… */
  readonly columnType: string
  readonly nullable: boolean
  readonly defaultValue: string | null
  readonly numericPrecision: number | null
  /** `CHARACTER_SET_NAME`, lower-case; null for columns without one (numbers, dates, binary strings). */
  readonly charset: string | null
  /** `COLLATION_NAME`, lower-case; null for columns without one. */
  readonly collation: string | null
}

/** An index of a selected table, with `INDEX_TYPE` (`BTREE`, `FULLTEXT`, `SPATIAL`…), upper-case. */
export interface SourceIndex {
  readonly name: string
  readonly type: string
}

/** A selected base table. */
export interface SourceTable extends TableName {
  readonly engine: string | null
  /** information_schema.TABLES.TABLE_ROWS: an estimate for InnoDB. */
  readonly estimatedRows: number
  /** DATA_LENGTH + INDEX_LENGTH. */
  readonly bytes: number
  readonly dataBytes: number
  readonly collation: string | null
  readonly columns: readonly SourceColumn[]
  readonly hasPrimaryKey: boolean
  /** A primary key, or a unique key over NOT NULL columns: what makes DM's safe mode idempotent. */
  readonly hasUniqueKey: boolean
  /** Foreign keys declared on the table. */
  readonly foreignKeys: number
  /** Its indexes, one entry each (STATISTICS has a row per column). */
  readonly indexes: readonly SourceIndex[]
}

/** What the filter selects. */
export interface SourceCatalog {
  readonly tables: readonly SourceTable[]
  /** Views the filter matches (Dumpling dumps their DDL; the export has no data for them). */
  readonly views: readonly TableName[]
  /**
   * Every non-system database the user can see, selected or not (to help fix a filter that selects nothing). A
   * database the user has no privilege on is invisible, like its tables.
   */
  readonly databases: readonly string[]
  /** DATA_LENGTH + INDEX_LENGTH of every non-system table: about what a snapshot export is billed for. */
  readonly totalBytes: number
}

/** The raw rows the catalog is built from (each query aliases its columns to these names). */
export interface CatalogRows {
  /** db, tbl, type, engine, row_count, data_bytes, index_bytes, collation */
  readonly tables: readonly Record<string, unknown>[]
  /** db, tbl, col, data_type, column_type, nullable ('YES'/'NO'), dflt, num_precision, charset, coll (ordered) */
  readonly columns: readonly Record<string, unknown>[]
  /** db, tbl, idx, non_unique, col, idx_type */
  readonly indexes: readonly Record<string, unknown>[]
  /** db, tbl, n */
  readonly foreignKeys: readonly Record<string, unknown>[]
  /** db: information_schema.SCHEMATA (else the databases are those that have tables) */
  readonly schemata?: readonly Record<string, unknown>[]
}

const str = cellText
const num = (v: unknown): number => {
  const n = Number(v)
  return Number.isFinite(n) ? n : 0
}
const key = (db: string, table: string): string => `${db}\u0000${table}`
const lowerOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : str(v).toLowerCase()

/** One entry per index, in the order STATISTICS lists them. */
function indexList(rows: readonly Record<string, unknown>[]): SourceIndex[] {
  const seen = new Map<string, SourceIndex>()
  for (const r of rows) {
    const name = str(r['idx'])
    if (!seen.has(name)) seen.set(name, { name, type: str(r['idx_type'] ?? 'BTREE').toUpperCase() })
  }
  return [...seen.values()]
}

function groupBy<T>(items: readonly T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = keyOf(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

/** Whether any index of the table is a primary key or a unique key whose columns are all NOT NULL. */
function keys(
  indexes: readonly Record<string, unknown>[],
  columns: readonly SourceColumn[]
): { primary: boolean; unique: boolean } {
  const nullable = new Set(columns.filter((c) => c.nullable).map((c) => c.name.toLowerCase()))
  const byIndex = groupBy(
    indexes.filter((i) => num(i['non_unique']) === 0),
    (i) => str(i['idx'])
  )
  const primary = byIndex.has('PRIMARY')
  const unique = [...byIndex.values()].some((cols) =>
    cols.every((c) => !nullable.has(str(c['col']).toLowerCase()))
  )
  return { primary, unique: primary || unique }
}

/** The TABLES rows the filter selects, system schemas left out. */
function selectedRows(
  tables: readonly Record<string, unknown>[],
  filter: TableFilter
): Record<string, unknown>[] {
  const system = new Set<string>(SYSTEM_SCHEMAS)
  return tables.filter(
    (t) =>
      !system.has(str(t['db']).toLowerCase()) && matchesTable(filter, str(t['db']), str(t['tbl']))
  )
}

/** Assembles the catalog from the query rows, keeping the tables and views the filter matches. Pure. */
export function buildCatalog(rowsIn: CatalogRows, filter: TableFilter): SourceCatalog {
  const chosen = selectedRows(rowsIn.tables, filter)
  const columnsOf = groupBy(rowsIn.columns, (c) => key(str(c['db']), str(c['tbl'])))
  const indexesOf = groupBy(rowsIn.indexes, (i) => key(str(i['db']), str(i['tbl'])))
  const fks = new Map(
    rowsIn.foreignKeys.map((f) => [key(str(f['db']), str(f['tbl'])), num(f['n'])])
  )
  const tables: SourceTable[] = []
  const views: TableName[] = []
  for (const t of chosen) {
    const db = str(t['db'])
    const table = str(t['tbl'])
    if (/VIEW/i.test(str(t['type']))) {
      views.push({ database: db, table })
      continue
    }
    const columns: SourceColumn[] = (columnsOf.get(key(db, table)) ?? []).map((c) => ({
      name: str(c['col']),
      dataType: str(c['data_type']).toLowerCase(),
      columnType: str(c['column_type']),
      nullable: str(c['nullable']).toUpperCase() === 'YES',
      defaultValue: c['dflt'] === null || c['dflt'] === undefined ? null : str(c['dflt']),
      numericPrecision:
        c['num_precision'] === null || c['num_precision'] === undefined
          ? null
          : num(c['num_precision']),
      charset: lowerOrNull(c['charset']),
      collation: lowerOrNull(c['coll'])
    }))
    const indexRows = indexesOf.get(key(db, table)) ?? []
    const k = keys(indexRows, columns)
    const dataBytes = num(t['data_bytes'])
    tables.push({
      database: db,
      table,
      engine: t['engine'] === null || t['engine'] === undefined ? null : str(t['engine']),
      estimatedRows: num(t['row_count']),
      bytes: dataBytes + num(t['index_bytes']),
      dataBytes,
      collation:
        t['collation'] === null || t['collation'] === undefined ? null : str(t['collation']),
      columns,
      hasPrimaryKey: k.primary,
      hasUniqueKey: k.unique,
      foreignKeys: fks.get(key(db, table)) ?? 0,
      indexes: indexList(indexRows)
    })
  }
  const system = new Set<string>(SYSTEM_SCHEMAS)
  const all = rowsIn.tables.filter((t) => !system.has(str(t['db']).toLowerCase()))
  return {
    tables,
    views,
    databases: [...new Set((rowsIn.schemata ?? all).map((t) => str(t['db'])))].filter(
      (d) => !system.has(d.toLowerCase())
    ),
    totalBytes: all.reduce((n, t) => n + num(t['data_bytes']) + num(t['index_bytes']), 0)
  }
}

/** Runs a parameterised query and returns its rows as plain records (none for a statement without rows). */
export async function queryRows(
  conn: mysql.Connection,
  sql: string,
  values: unknown[]
): Promise<Record<string, unknown>[]> {
  const [result] = await conn.query(sql, values)
  return Array.isArray(result) ? (result as Record<string, unknown>[]) : []
}

/** Reads the catalog of the tables `filter` selects. */
export async function readCatalog(
  conn: mysql.Connection,
  filter: TableFilter
): Promise<SourceCatalog> {
  const tables = await queryRows(
    conn,
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, TABLE_TYPE AS type, ENGINE AS engine,
            TABLE_ROWS AS row_count, DATA_LENGTH AS data_bytes, INDEX_LENGTH AS index_bytes,
            TABLE_COLLATION AS collation
       FROM information_schema.TABLES
      WHERE TABLE_SCHEMA NOT IN (${SYSTEM_SCHEMAS.map(() => '?').join(', ')})
      ORDER BY TABLE_SCHEMA, TABLE_NAME`,
    [...SYSTEM_SCHEMAS]
  )
  const schemata = await queryRows(
    conn,
    'SELECT SCHEMA_NAME AS db FROM information_schema.SCHEMATA',
    []
  )
  const dbs = [...new Set(selectedRows(tables, filter).map((t) => str(t['db'])))]
  if (dbs.length === 0)
    return buildCatalog({ tables, columns: [], indexes: [], foreignKeys: [], schemata }, filter)
  const inList = dbs.map(() => '?').join(', ')
  const [columns, indexes, foreignKeys] = await Promise.all([
    queryRows(
      conn,
      `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, COLUMN_NAME AS col, DATA_TYPE AS data_type,
              COLUMN_TYPE AS column_type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt,
              NUMERIC_PRECISION AS num_precision, CHARACTER_SET_NAME AS charset,
              COLLATION_NAME AS coll
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (${inList})
        ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`,
      dbs
    ),
    queryRows(
      conn,
      `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, INDEX_NAME AS idx, NON_UNIQUE AS non_unique,
              COLUMN_NAME AS col, INDEX_TYPE AS idx_type
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN (${inList})`,
      dbs
    ),
    queryRows(
      conn,
      `SELECT CONSTRAINT_SCHEMA AS db, TABLE_NAME AS tbl, COUNT(*) AS n
         FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN (${inList})
        GROUP BY CONSTRAINT_SCHEMA, TABLE_NAME`,
      dbs
    )
  ])
  return buildCatalog({ tables, columns, indexes, foreignKeys, schemata }, filter)
}
