// Fills a fresh private MariaDB server with a snapshot: the databases and tables from their captured DDL, every
// captured row, then views, routines, triggers and events, the accounts with their grants and Aurora's
// `mysql.rds_*` procedures with the snapshot's `binlog retention hours` — the database exactly as it was at the
// snapshot's point, nothing written after it. Nothing of it goes to the binary log (sql_log_bin = 0): on Aurora the
// restored data is the cluster volume itself, not history the new cluster's binlog would carry.
import type { Connection } from 'mysql2/promise'
import { auroraProcedureStatements } from '../servers/source.js'
import { readRows, type SnapshotManifest, type SnapshotTable } from './snapshot-capture.js'
import type { SchemaObject, SnapshotSchema } from './snapshot-schema.js'

const q = (s: string): string => `\`${s.replace(/`/g, '``')}\``

/** Rows per INSERT statement, and the byte budget that ends a batch earlier (well under max_allowed_packet). */
const BATCH_ROWS = 500
const BATCH_BYTES = 4 * 2 ** 20

/** Runs one object's DDL in its database, under its own sql_mode when it has one. */
async function create(conn: Connection, o: SchemaObject, defaultMode: string): Promise<void> {
  await conn.query(`USE ${q(o.db)}`)
  if (o.sqlMode !== undefined) await conn.query('SET SESSION sql_mode = ?', [o.sqlMode])
  try {
    await conn.query(o.createSql)
  } finally {
    if (o.sqlMode !== undefined) await conn.query('SET SESSION sql_mode = ?', [defaultMode])
  }
}

/** Inserts one table's captured rows: text values as text, binary ones from their base64, generated columns left out. */
async function loadRows(
  conn: Connection,
  dir: string,
  table: SnapshotTable,
  signal: AbortSignal
): Promise<void> {
  const keep = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.generated)
  const head = `INSERT INTO ${q(table.db)}.${q(table.name)} (${keep.map(({ c }) => q(c.name)).join(', ')}) VALUES `
  let batch: unknown[][] = []
  let bytes = 0
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return
    await conn.query(
      `${head}${batch.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ')}`,
      batch.flat()
    )
    batch = []
    bytes = 0
  }
  for await (const row of readRows(dir, table)) {
    if (signal.aborted) throw new Error('the restore was stopped')
    batch.push(
      keep.map(({ c, i }) => {
        const v = row[i] ?? null
        return v !== null && c.binary ? Buffer.from(v, 'base64') : v
      })
    )
    bytes += row.reduce((n, v) => n + (v?.length ?? 4), 0)
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush()
  }
  await flush()
}

/** Creates views in an order that satisfies their dependencies (a view on a view waits for the other one). */
async function createViews(
  conn: Connection,
  views: readonly SchemaObject[],
  mode: string
): Promise<void> {
  let left = [...views]
  while (left.length > 0) {
    const failed: SchemaObject[] = []
    let lastError: unknown
    for (const v of left) {
      try {
        await create(conn, v, mode)
      } catch (e) {
        failed.push(v)
        lastError = e
      }
    }
    if (failed.length === left.length) throw lastError
    left = failed
  }
}

/** Creates the accounts of the snapshot with their password hashes and grants. */
async function createAccounts(conn: Connection, schema: SnapshotSchema): Promise<void> {
  for (const a of schema.accounts) {
    await conn.query(a.create)
    for (const g of a.grants) await conn.query(g)
  }
}

/**
 * Loads a snapshot into a fresh server through a root connection.
 * @param dir the snapshot's directory (row files)
 * @param signal aborts between batches (sandbox shutdown, cluster deleted while restoring)
 */
export async function loadSnapshot(
  conn: Connection,
  dir: string,
  manifest: SnapshotManifest,
  signal: AbortSignal
): Promise<void> {
  const schema = manifest.schema
  if (!schema)
    throw new Error('the snapshot was captured without its schema and cannot be restored')
  const mode = 'NO_AUTO_VALUE_ON_ZERO'
  await conn.query(
    `SET SESSION sql_log_bin = 0, foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00', sql_mode = '${mode}'`
  )
  const retention = schema.rdsConfiguration.find((r) => r.name === 'binlog retention hours')
  const hours =
    retention?.value === null || retention === undefined ? null : Number(retention.value)
  await conn.query('USE mysql')
  for (const sql of auroraProcedureStatements(hours)) await conn.query(sql)
  for (const d of schema.databases) await conn.query(d.createSql)
  for (const t of schema.tables) await create(conn, t, mode)
  for (const t of manifest.tables) await loadRows(conn, dir, t, signal)
  await createViews(conn, schema.views, mode)
  for (const o of [...schema.routines, ...schema.triggers, ...schema.events])
    await create(conn, o, mode)
  await createAccounts(conn, schema)
  await conn.query('FLUSH PRIVILEGES')
}
