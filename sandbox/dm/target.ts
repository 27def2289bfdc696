// The worker's side of the target database: connection with DM's session settings, table metadata for mapping
// `@N` to column names, and the syncer checkpoint table `<meta-schema>`.`<task>_syncer_checkpoint` as DM creates it.
import mysql from 'mysql2/promise'
import type { DbConfig } from './config.js'
import { ident, type ColumnInfo, type TableInfo } from './sql-build.js'

/** Global checkpoint of a task on one source. */
export interface Checkpoint {
  file: string
  pos: number
  gtid: string
}

/** Opens a target connection with the session the worker needs (UTC timestamps, no FK checks, as DM does). */
export async function connectTarget(c: DbConfig): Promise<mysql.Connection> {
  const conn = await mysql.createConnection({
    host: c.host,
    port: c.port,
    user: c.user,
    password: c.password,
    charset: 'utf8mb4_general_ci',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true
  })
  await conn.query(
    "SET SESSION time_zone = '+00:00', foreign_key_checks = 0, sql_mode = 'NO_AUTO_VALUE_ON_ZERO'"
  )
  return conn
}

/** `dm_meta`.`task_syncer_checkpoint`. */
export function checkpointTable(metaSchema: string, task: string): string {
  return `${ident(metaSchema)}.${ident(`${task}_syncer_checkpoint`)}`
}

/** Creates the checkpoint table with DM's definition. */
export async function ensureCheckpointTable(
  conn: mysql.Connection,
  metaSchema: string,
  task: string
): Promise<void> {
  await conn.query(`CREATE SCHEMA IF NOT EXISTS ${ident(metaSchema)}`)
  await conn.query(`CREATE TABLE IF NOT EXISTS ${checkpointTable(metaSchema, task)} (
			id VARCHAR(32) NOT NULL,
			cp_schema VARCHAR(128) NOT NULL,
			cp_table VARCHAR(128) NOT NULL,
			binlog_name VARCHAR(128),
			binlog_pos INT UNSIGNED,
			binlog_gtid TEXT,
			exit_safe_binlog_name VARCHAR(128) DEFAULT '',
			exit_safe_binlog_pos INT UNSIGNED DEFAULT 0,
			exit_safe_binlog_gtid TEXT,
			table_info JSON NOT NULL,
			is_global BOOLEAN,
			create_time timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
			update_time timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
			UNIQUE KEY uk_id_schema_table (id, cp_schema, cp_table)
		)`)
}

/** Reads the global checkpoint of a source, if any. */
export async function loadCheckpoint(
  conn: mysql.Connection,
  metaSchema: string,
  task: string,
  sourceId: string
): Promise<Checkpoint | undefined> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    `SELECT binlog_name, binlog_pos, binlog_gtid FROM ${checkpointTable(metaSchema, task)} WHERE id = ? AND is_global = 1`,
    [sourceId]
  )
  const r = rows[0]
  if (!r || !r['binlog_name']) return undefined
  return {
    file: String(r['binlog_name']),
    pos: Number(r['binlog_pos']),
    gtid: String(r['binlog_gtid'] ?? '')
  }
}

/** The statement that saves the global checkpoint (run inside the transaction it belongs to). */
export function saveCheckpointSql(
  conn: mysql.Connection,
  metaSchema: string,
  task: string,
  sourceId: string,
  cp: Checkpoint
): string {
  return conn.format(
    `INSERT INTO ${checkpointTable(metaSchema, task)} (id, cp_schema, cp_table, binlog_name, binlog_pos, binlog_gtid, exit_safe_binlog_name, exit_safe_binlog_pos, exit_safe_binlog_gtid, table_info, is_global) VALUES (?, '', '', ?, ?, ?, '', 0, '', 'null', 1) ON DUPLICATE KEY UPDATE binlog_name = VALUES(binlog_name), binlog_pos = VALUES(binlog_pos), binlog_gtid = VALUES(binlog_gtid)`,
    [sourceId, cp.file, cp.pos, cp.gtid]
  )
}

/** Drops the task's checkpoint (`start-task --remove-meta`). */
export async function removeCheckpoint(
  c: DbConfig,
  metaSchema: string,
  task: string
): Promise<void> {
  const conn = await connectTarget(c)
  try {
    await conn.query(`DROP TABLE IF EXISTS ${checkpointTable(metaSchema, task)}`)
  } finally {
    await conn.end()
  }
}

/** Reads a target table's columns and the key used to find rows (PK, else a UK of NOT NULL columns, else none). */
export async function loadTableInfo(
  conn: mysql.Connection,
  db: string,
  table: string
): Promise<TableInfo | undefined> {
  const [cols] = await conn.query<mysql.RowDataPacket[]>(
    'SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
    [db, table]
  )
  if (cols.length === 0) return undefined
  const columns: ColumnInfo[] = cols.map((c) => ({
    name: String(c['COLUMN_NAME']),
    unsigned: /unsigned/i.test(String(c['COLUMN_TYPE'])),
    nullable: c['IS_NULLABLE'] === 'YES'
  }))
  const [idx] = await conn.query<mysql.RowDataPacket[]>(
    "SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0 ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX",
    [db, table]
  )
  const byIndex = new Map<string, number[]>()
  for (const r of idx) {
    const i = columns.findIndex((c) => c.name === String(r['COLUMN_NAME']))
    const list = byIndex.get(String(r['INDEX_NAME'])) ?? []
    list.push(i)
    byIndex.set(String(r['INDEX_NAME']), list)
  }
  let keyColumns: number[] = []
  for (const [name, list] of byIndex) {
    if (name === 'PRIMARY' || list.every((i) => columns[i] && !columns[i].nullable)) {
      keyColumns = list
      break
    }
  }
  return { db, table, columns, keyColumns }
}
