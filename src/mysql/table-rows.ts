// Rows in tables, asked in batches: whether tables are empty (before an import writes into them) and how many rows
// they hold (after it). One `UNION ALL` query per batch keeps 10 000 tables to a hundred round trips; a batch that
// fails (a table is missing) is asked again table by table so the missing one is named.
import type mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2'
import type { TableName } from '../table-filter/table-name.js'

/** `` `db`.`t` `` with backticks doubled. */
export function quoteTable(t: TableName): string {
  const q = (s: string): string => `\`${s.replace(/`/g, '``')}\``
  return `${q(t.database)}.${q(t.table)}`
}

const BATCH = 100

/** A MySQL error meaning the table (or its database) does not exist. */
function isMissingTable(e: unknown): boolean {
  const code = (e as { code?: unknown }).code
  return code === 'ER_NO_SUCH_TABLE' || code === 'ER_BAD_DB_ERROR'
}

async function perTable(
  conn: mysql.Connection,
  tables: readonly TableName[],
  expr: (t: TableName) => string,
  missing: number | undefined
): Promise<number[]> {
  const run = async (batch: readonly TableName[]): Promise<number[]> => {
    const sql = batch.map((t, i) => `SELECT ${i} AS i, ${expr(t)} AS n`).join(' UNION ALL ')
    const [rows] = await conn.query<RowDataPacket[]>(sql)
    const out = new Array<number>(batch.length).fill(0)
    for (const r of rows) out[Number(r['i'])] = Number(r['n'])
    return out
  }
  const out: number[] = []
  for (let i = 0; i < tables.length; i += BATCH) {
    const batch = tables.slice(i, i + BATCH)
    try {
      out.push(...(await run(batch)))
    } catch (e) {
      if (!isMissingTable(e)) throw e
      for (const t of batch) {
        try {
          out.push(...(await run([t])))
        } catch (inner) {
          if (!isMissingTable(inner) || missing === undefined) throw inner
          out.push(missing)
        }
      }
    }
  }
  return out
}

/**
 * The tables that hold at least one row. A missing table counts as empty.
 * @param conn a connection to the server
 * @param tables the tables to look at
 */
export async function nonEmptyTables<T extends TableName>(
  conn: mysql.Connection,
  tables: readonly T[]
): Promise<T[]> {
  const flags = await perTable(
    conn,
    tables,
    (t) => `EXISTS (SELECT 1 FROM ${quoteTable(t)} LIMIT 1)`,
    0
  )
  return tables.filter((_, i) => flags[i] === 1)
}

/**
 * `COUNT(*)` of every table, in the order given.
 * @throws the server's error when a table does not exist
 */
export async function countRows(
  conn: mysql.Connection,
  tables: readonly TableName[]
): Promise<number[]> {
  return perTable(conn, tables, (t) => `(SELECT COUNT(*) FROM ${quoteTable(t)})`, undefined)
}

/** The base tables on the server outside its system schemas, in catalog order. */
export async function listTables(conn: mysql.Connection): Promise<TableName[]> {
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' " +
      "AND TABLE_SCHEMA NOT IN ('mysql', 'sys', 'information_schema', 'performance_schema', 'metrics_schema', " +
      "'inspection_schema') ORDER BY TABLE_SCHEMA, TABLE_NAME"
  )
  return rows.map((r) => ({ database: String(r['s']), table: String(r['t']) }))
}

/**
 * The views of some databases (information_schema.TABLES lists a view with TABLE_TYPE `VIEW`, in TiDB as in MySQL).
 * @param conn a connection to the target
 * @param databases the databases to look in
 */
export async function listViews(
  conn: mysql.Connection,
  databases: readonly string[]
): Promise<TableName[]> {
  if (databases.length === 0) return []
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_TYPE = 'VIEW' " +
      'AND TABLE_SCHEMA IN (?)',
    [databases]
  )
  return rows.map((r) => ({ database: String(r['s']), table: String(r['t']) }))
}

/**
 * Empties tables (TRUNCATE TABLE), one statement each. Only for rows the run itself wrote (tidb/lightning/import.ts).
 * @param conn a connection to the target
 * @param tables the tables to empty
 */
export async function truncateTables(
  conn: mysql.Connection,
  tables: readonly TableName[]
): Promise<void> {
  for (const t of tables) await conn.query(`TRUNCATE TABLE ${quoteTable(t)}`)
}
