// A cluster snapshot that carries real data: one root connection opens `START TRANSACTION WITH CONSISTENT SNAPSHOT`
// and reads `SHOW STATUS LIKE 'binlog_snapshot_%'` — MariaDB reports the binlog file/position that belongs to exactly
// that view — then streams every table of every non-system database inside that transaction to disk.
//
// On-disk form (`<dir>/manifest.json` + `<dir>/tables/<n>.ndjson`): one JSON array per row, every value as the
// server's text (binary values base64), NULL as null. Text keeps every value exact (DECIMAL(38,10), BIGINT UNSIGNED,
// DATETIME(6)); the export converts it to Parquet's types later. Rows are streamed with back-pressure in both
// directions, so tables of millions of rows never sit in memory.
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import readline from 'node:readline'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import mysql from 'mysql2'
import type { Connection, RowDataPacket } from 'mysql2/promise'
import { SYSTEM_DATABASES, captureSchema, type SnapshotSchema } from './snapshot-schema.js'

/** Root access to the source server. */
export interface SourceAccess {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly password: string
}

/** A binlog coordinate, with the GTID position it corresponds to (MariaDB's `BINLOG_GTID_POS`) when known. */
export interface BinlogPosition {
  readonly file: string
  readonly position: number
  readonly gtid?: string
}

/** One column as information_schema describes it. */
export interface SnapshotColumn {
  readonly name: string
  /** information_schema DATA_TYPE (lowercase), or `json` for MariaDB's JSON alias (LONGTEXT + json_valid check). */
  readonly dataType: string
  /** Full COLUMN_TYPE, e.g. `decimal(38,10)`, `bigint(20) unsigned`. */
  readonly columnType: string
  readonly unsigned: boolean
  readonly nullable: boolean
  readonly precision: number | null
  readonly scale: number | null
  readonly charMaxLength: number | null
  readonly datetimePrecision: number | null
  /** Values are stored base64 (binary strings, BIT, spatial types). */
  readonly binary: boolean
  /** A generated (virtual or stored) column: its value is computed, never inserted. */
  readonly generated?: boolean
}

/** One captured table. */
export interface SnapshotTable {
  readonly db: string
  readonly name: string
  /** Row file, relative to the snapshot directory. */
  readonly file: string
  readonly rows: number
  /** Bytes of the row file (a stand-in for the table's data size). */
  readonly bytes: number
  readonly columns: readonly SnapshotColumn[]
}

/** What a finished capture holds. */
export interface SnapshotManifest {
  /** ISO time of the consistent view. */
  readonly takenAt: string
  /** Binlog position of the view; null when the source runs without a binary log. */
  readonly binlog: BinlogPosition | null
  readonly tables: readonly SnapshotTable[]
  /** DDL, accounts and settings, for a cluster restored from the snapshot (absent in captures made before). */
  readonly schema?: SnapshotSchema
}

/** A capture whose consistent view is fixed and whose data is being written. */
export interface Capture {
  readonly takenAt: Date
  readonly binlog: BinlogPosition | null
  /** Resolves with the manifest once every table is on disk. */
  readonly done: Promise<SnapshotManifest>
}

const BINARY_TYPES = new Set([
  'bit',
  'binary',
  'varbinary',
  'tinyblob',
  'blob',
  'mediumblob',
  'longblob',
  'geometry',
  'point',
  'linestring',
  'polygon',
  'multipoint',
  'multilinestring',
  'multipolygon',
  'geometrycollection'
])

const quoteId = (s: string): string => `\`${s.replace(/`/g, '``')}\``
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

type Row = RowDataPacket

async function describeTables(
  conn: Connection
): Promise<Omit<SnapshotTable, 'rows' | 'bytes' | 'file'>[]> {
  const excluded = SYSTEM_DATABASES.map((d) => conn.escape(d)).join(',')
  const [tables] = await conn.query<Row[]>(
    `SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES
     WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN (${excluded})
     ORDER BY TABLE_SCHEMA, TABLE_NAME`
  )
  const [cols] = await conn.query<Row[]>(
    `SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, NUMERIC_PRECISION,
            NUMERIC_SCALE, CHARACTER_MAXIMUM_LENGTH, DATETIME_PRECISION, IS_GENERATED
     FROM information_schema.COLUMNS WHERE TABLE_SCHEMA NOT IN (${excluded})
     ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`
  )
  // MariaDB's JSON is LONGTEXT with a `json_valid(col)` column check; Aurora would report `json`.
  const [checks] = await conn.query<Row[]>(
    'SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS'
  )
  const jsonCols = new Set<string>()
  for (const c of checks) {
    const m = /^json_valid\(`((?:[^`]|``)+)`\)$/.exec(String(c['CHECK_CLAUSE']))
    if (m)
      jsonCols.add(
        `${c['CONSTRAINT_SCHEMA']}\0${c['TABLE_NAME']}\0${(m[1] as string).replace(/``/g, '`')}`
      )
  }
  const byTable = new Map<string, SnapshotColumn[]>()
  for (const c of cols) {
    const key = `${c['TABLE_SCHEMA']}\0${c['TABLE_NAME']}`
    const name = String(c['COLUMN_NAME'])
    const dataType = String(c['DATA_TYPE']).toLowerCase()
    const columnType = String(c['COLUMN_TYPE']).toLowerCase()
    const list = byTable.get(key) ?? []
    list.push({
      name,
      dataType: jsonCols.has(`${key}\0${name}`) ? 'json' : dataType,
      columnType,
      unsigned: /\bunsigned\b/.test(columnType),
      nullable: c['IS_NULLABLE'] === 'YES',
      precision: num(c['NUMERIC_PRECISION']),
      scale: num(c['NUMERIC_SCALE']),
      charMaxLength: num(c['CHARACTER_MAXIMUM_LENGTH']),
      datetimePrecision: num(c['DATETIME_PRECISION']),
      binary: BINARY_TYPES.has(dataType),
      ...(c['IS_GENERATED'] === 'ALWAYS' ? { generated: true } : {})
    })
    byTable.set(key, list)
  }
  return tables.map((t) => ({
    db: String(t['TABLE_SCHEMA']),
    name: String(t['TABLE_NAME']),
    columns: byTable.get(`${t['TABLE_SCHEMA']}\0${t['TABLE_NAME']}`) ?? []
  }))
}

async function dumpTable(
  conn: mysql.Connection,
  table: Omit<SnapshotTable, 'rows' | 'bytes' | 'file'>,
  file: string
): Promise<{ rows: number; bytes: number }> {
  const binary = new Set(table.columns.filter((c) => c.binary).map((c) => c.name))
  const query = conn.query({
    sql: `SELECT * FROM ${quoteId(table.db)}.${quoteId(table.name)}`,
    rowsAsArray: true,
    // Every value as the server's text, binary ones as raw bytes: nothing is rounded or re-zoned on the way.
    typeCast: (field, _next) => (binary.has(field.name) ? field.buffer() : field.string())
  })
  let rows = 0
  let bytes = 0
  const toLine = new Transform({
    writableObjectMode: true,
    transform(row: (string | Buffer | null)[], _enc, cb) {
      const line = `${JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)))}\n`
      rows++
      bytes += Buffer.byteLength(line)
      cb(null, line)
    }
  })
  await pipeline(query.stream({ highWaterMark: 1000 }), toLine, createWriteStream(file))
  return { rows, bytes }
}

/**
 * Fixes a consistent view of the source now (the transaction and its binlog position) and streams every table into
 * `dir` in the background. Resolves as soon as the view is fixed, so rows written after this call are never part of it.
 */
export async function beginCapture(
  source: SourceAccess,
  dir: string,
  signal?: AbortSignal
): Promise<Capture> {
  // The callback connection streams rows; its promise wrapper runs the other statements.
  const core = mysql.createConnection({
    host: source.host,
    port: source.port,
    user: source.user,
    password: source.password
  })
  const conn = core.promise()
  // Shutdown while a big table streams: drop the connection, which fails `done`.
  const abort = (): void => core.destroy()
  signal?.addEventListener('abort', abort, { once: true })
  try {
    // TIMESTAMP values come out in UTC, the zone Aurora's export writes (see parquet-mapping.ts).
    await conn.query("SET SESSION time_zone = '+00:00'")
    await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    await conn.query('START TRANSACTION WITH CONSISTENT SNAPSHOT')
    const [status] = await conn.query<Row[]>("SHOW STATUS LIKE 'binlog_snapshot_%'")
    const takenAt = new Date()
    const value = (name: string): string =>
      String(status.find((r) => String(r['Variable_name']).toLowerCase() === name)?.['Value'] ?? '')
    const file = value('binlog_snapshot_file')
    const position = Number(value('binlog_snapshot_position'))
    let binlog: BinlogPosition | null = null
    if (file) {
      const [gtid] = await conn.query<Row[]>('SELECT BINLOG_GTID_POS(?, ?) AS g', [file, position])
      const g: unknown = gtid[0]?.['g']
      binlog = { file, position, ...(typeof g === 'string' && g ? { gtid: g } : {}) }
    }
    const done = (async (): Promise<SnapshotManifest> => {
      try {
        await mkdir(path.join(dir, 'tables'), { recursive: true })
        const schema = await captureSchema(conn)
        const tables: SnapshotTable[] = []
        for (const [i, t] of (await describeTables(conn)).entries()) {
          const rel = path.join('tables', `${String(i + 1).padStart(6, '0')}.ndjson`)
          const size = await dumpTable(core, t, path.join(dir, rel))
          tables.push({ ...t, file: rel, ...size })
        }
        const manifest: SnapshotManifest = {
          takenAt: takenAt.toISOString(),
          binlog,
          tables,
          schema
        }
        await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1))
        return manifest
      } finally {
        signal?.removeEventListener('abort', abort)
        await conn.end().catch(() => undefined)
      }
    })()
    return { takenAt, binlog, done }
  } catch (err) {
    signal?.removeEventListener('abort', abort)
    await conn.end().catch(() => undefined)
    throw err
  }
}

/** Reads the manifest of a finished capture. */
export async function readManifest(dir: string): Promise<SnapshotManifest> {
  return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as SnapshotManifest
}

/** Streams the rows of one captured table, values as stored (text, base64 for binary columns, null). */
export async function* readRows(
  dir: string,
  table: SnapshotTable
): AsyncGenerator<(string | null)[]> {
  const lines = readline.createInterface({
    input: createReadStream(path.join(dir, table.file)),
    crlfDelay: Infinity
  })
  for await (const line of lines) if (line) yield JSON.parse(line) as (string | null)[]
}
