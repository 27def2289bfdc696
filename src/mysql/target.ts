// The target (TiDB) as the precheck reads it: its version from the status port, and for each selected table whether
// it is absent, present and empty, or present with rows. Lightning's physical import needs empty target tables and
// the action never overwrites data, so a table with rows stops the run. Reads only.
import type mysql from 'mysql2/promise'
import { formatHostPort } from '../inputs/parsers.js'
import { errorMessage } from '../util/errors.js'
import type { TableName } from '../table-filter/table-name.js'

/** What TiDB's status port says about itself. */
export interface TidbStatus {
  /** The MySQL-compatible version string, e.g. `8.0.11-TiDB-v8.5.2`. */
  readonly version: string
  /** The TiDB release in it, e.g. `v8.5.2`; undefined when the string has none. */
  readonly release: string | undefined
  readonly gitHash: string | undefined
}

/** The TiDB release in a version string: `8.0.11-TiDB-v8.5.2` → `v8.5.2`, `5.7.25-TiDB-v7.5.1-serverless` → `v7.5.1`. */
export function tidbReleaseOf(version: string): string | undefined {
  const m = /-TiDB-(v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(version)
  return m?.[1]
}

/** Reads `GET http://<host>:<port>/status`. Throws with the address and the reason when it cannot. */
export async function readTidbStatus(
  host: string,
  port: number,
  signal?: AbortSignal,
  timeoutMs = 10_000
): Promise<TidbStatus> {
  const url = `http://${formatHostPort(host, port)}/status`
  const deadline = AbortSignal.timeout(timeoutMs)
  let body: unknown
  try {
    const res = await fetch(url, {
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline
    })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    body = await res.json()
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause
    throw new Error(`GET ${url} failed: ${errorMessage(cause ?? e)}`, { cause: e })
  }
  const version = (body as { version?: unknown } | null)?.version
  if (typeof version !== 'string') throw new Error(`GET ${url} returned no "version"`)
  const gitHash = (body as { git_hash?: unknown }).git_hash
  return {
    version,
    release: tidbReleaseOf(version),
    gitHash: typeof gitHash === 'string' ? gitHash : undefined
  }
}

/** A column of a table that exists on the target. */
export interface TargetColumn {
  readonly name: string
  /** `DATA_TYPE` and `COLUMN_TYPE`, lower-case: `varchar`, `varchar(20)`. */
  readonly dataType: string
  readonly columnType: string
}

/** One selected table on the target. */
export interface TargetTableState extends TableName {
  readonly state: 'absent' | 'empty' | 'has-rows'
  /** Its columns, in order, when it exists. */
  readonly columns?: readonly TargetColumn[]
}

const quoteId = (name: string): string => `\`${name.replace(/`/g, '``')}\``

/**
 * Whether each table exists on the target and has rows (`SELECT 1 … LIMIT 1`, never a full count). Names compare
 * case-insensitively when the target does (TiDB's lower_case_table_names is 2).
 */
export async function readTargetTables(
  conn: mysql.Connection,
  tables: readonly TableName[]
): Promise<TargetTableState[]> {
  if (tables.length === 0) return []
  const dbs = [...new Set(tables.map((t) => t.database))]
  const [lctn] = await conn.query('SELECT @@lower_case_table_names AS l')
  const fold = Number((lctn as Record<string, unknown>[])[0]?.['l'] ?? 0) !== 0
  const norm = (s: string): string => (fold ? s.toLowerCase() : s)
  const [existing] = await conn.query(
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl FROM information_schema.TABLES
      WHERE TABLE_SCHEMA IN (${dbs.map(() => '?').join(', ')})`,
    dbs
  )
  const present = new Map<string, TableName>()
  for (const r of existing as Record<string, unknown>[]) {
    const ref = { database: String(r['db']), table: String(r['tbl']) }
    present.set(`${norm(ref.database)}\u0000${norm(ref.table)}`, ref)
  }
  const [columnRows] = await conn.query(
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, COLUMN_NAME AS name, DATA_TYPE AS dt, COLUMN_TYPE AS ct
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (${dbs.map(() => '?').join(', ')})
      ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`,
    dbs
  )
  const columns = new Map<string, TargetColumn[]>()
  for (const r of columnRows as Record<string, unknown>[]) {
    const k = `${norm(String(r['db']))}\u0000${norm(String(r['tbl']))}`
    const list = columns.get(k) ?? []
    list.push({
      name: String(r['name']),
      dataType: String(r['dt']).toLowerCase(),
      columnType: String(r['ct']).toLowerCase()
    })
    columns.set(k, list)
  }
  const out: TargetTableState[] = []
  for (const t of tables) {
    const k = `${norm(t.database)}\u0000${norm(t.table)}`
    const found = present.get(k)
    if (!found) {
      out.push({ ...t, state: 'absent' })
      continue
    }
    const [rowsFound] = await conn.query(
      `SELECT 1 FROM ${quoteId(found.database)}.${quoteId(found.table)} LIMIT 1`
    )
    out.push({
      ...t,
      state: (rowsFound as unknown[]).length > 0 ? 'has-rows' : 'empty',
      columns: columns.get(k) ?? []
    })
  }
  return out
}
