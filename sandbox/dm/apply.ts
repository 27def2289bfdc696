// How the worker applies one source transaction to the target: each statement carries the DM error it raises if
// the target refuses it (sync-errors.ts), the table definitions come from a tracker that reads the target the first
// time a table's rows arrive, and the checkpoint is saved in the same transaction.
import type mysql from 'mysql2/promise'
import type { BinlogEvent } from './binlog-parse.js'
import { mysqlErrorText } from './checker.js'
import { dmRowQuery, rowStatements, type TableInfo } from './sql-build.js'
import {
  ddlExecuteError,
  dmlExecuteError,
  fetchDownstreamError,
  type Location
} from './sync-errors.js'
import { loadTableInfo } from './target.js'
import { delegate, ERR, TerrorException, type Terror } from './terror.js'

type RowsEvent = Extract<BinlogEvent, { kind: 'rows' }>

/** One statement of a transaction and the DM error it raises when the target refuses it. */
export interface Step {
  readonly sql: string
  readonly error: (rawCause: string) => Terror
}

/**
 * DM's schema tracker as far as the worker needs it: a table's definition is read from the target the first time
 * its rows arrive (dm/syncer/syncer.go trackTableInfoFromDownstream, `SHOW CREATE TABLE`) and kept until a DDL, so
 * a table dropped on the target later fails at the statement, not here.
 */
export class TableTracker {
  private readonly tables = new Map<string, TableInfo>()

  /** Forgets every definition (after a DDL). */
  clear(): void {
    this.tables.clear()
  }

  /** The definition of `db`.`table`, or DM's error for a table the target does not have. */
  async get(
    conn: mysql.Connection,
    db: string,
    table: string,
    start: Location,
    end: Location
  ): Promise<TableInfo> {
    const key = JSON.stringify([db, table])
    const known = this.tables.get(key)
    if (known) return known
    let info: TableInfo | undefined
    let cause = `Error 1146 (42S02): Table '${db}.${table}' doesn't exist`
    try {
      info = await loadTableInfo(conn, db, table)
    } catch (err) {
      cause = mysqlErrorText(err)
    }
    // filter.Table.String(): the names between backticks, unescaped.
    if (!info)
      throw new TerrorException(fetchDownstreamError(cause, `\`${db}\`.\`${table}\``, start, end))
    this.tables.set(key, info)
    return info
  }
}

/** Each row's statements, with the error DM raises for that row when the target refuses one of them. */
export function rowSteps(
  ev: RowsEvent,
  info: TableInfo,
  safe: boolean,
  start: Location,
  end: Location
): Step[] {
  return ev.rows.flatMap((row) =>
    rowStatements(ev.op, [row], info, safe).map((sql, i) => ({
      sql,
      error: (cause: string): Terror =>
        dmlExecuteError(cause, dmRowQuery(ev.op, row, info, safe, i > 0), start, end)
    }))
  )
}

/** A DDL event's statements (the original one, after a `USE` of its default database). */
export function ddlSteps(
  statements: readonly string[],
  origin: string,
  start: Location,
  end: Location
): Step[] {
  const error = (cause: string): Terror => ddlExecuteError(cause, origin, start, end)
  return statements.map((sql) => ({ sql, error }))
}

const commitError = (cause: string): Terror => delegate(ERR.DBExecuteFailed, cause, 'commit')

async function execute(conn: mysql.Connection, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    try {
      await conn.query(step.sql)
    } catch (err) {
      throw new TerrorException(step.error(mysqlErrorText(err)))
    }
  }
}

/**
 * Runs the steps and the checkpoint save atomically; a DDL commits implicitly in MySQL, so its checkpoint follows
 * right after it, as DM flushes after every DDL. Throws a TerrorException with DM's error for a refused statement.
 */
export async function applyTransaction(
  conn: mysql.Connection,
  steps: readonly Step[],
  saveCheckpoint: string,
  ddl: boolean
): Promise<void> {
  const all = [...steps, { sql: saveCheckpoint, error: commitError }]
  if (ddl) return execute(conn, all)
  await conn.beginTransaction()
  try {
    await execute(conn, all)
    await conn.commit()
  } catch (err) {
    await conn.rollback().catch(() => undefined)
    throw err
  }
}
