// Runs the content comparison of checksum-sql.ts for one table over two connections — the source side (a restored
// copy of the snapshot, or the live source) and the target: the columns and primary key are read from the source
// side, chunk ends are found there, each chunk's COUNT/checksum is asked of both, and a chunk that differs is read row
// by row (key and hash, at most one chunk's rows) on both sides to name the rows that differ.
import type mysql from 'mysql2/promise'
import type { TableName } from '../table-filter/table-name.js'
import { errorMessage } from '../util/errors.js'
import {
  boundarySql,
  checksumSql,
  CHUNK_ROWS,
  diffRows,
  rangeWhere,
  rowHashesSql,
  showKey,
  type ChecksumColumn,
  type Sql
} from './checksum-sql.js'

/** What checksums need of a connection. */
export type Queryable = Pick<mysql.Connection, 'query'>

/** How one table compares. */
export interface TableChecksum extends TableName {
  readonly result: 'match' | 'mismatch' | 'error'
  readonly chunks: number
  readonly mismatchedChunks: number
  readonly rows: number
  /** Rows that differ, by key (`id=42`), at most `maxNamedRows`; empty for a table without a primary key. */
  readonly differingRows: readonly string[]
  /** For a mismatch or an error: what differs, in words. */
  readonly note?: string
}

/** Bounds of one comparison. */
export interface ChecksumOptions {
  /** Rows a chunk (default sync-diff-inspector's 50,000). */
  readonly chunkRows?: number
  /** Rows named per table (default 10). */
  readonly maxNamedRows?: number
  /** Mismatching chunks narrowed to rows per table (default 3). */
  readonly maxNarrowedChunks?: number
}

async function rows(conn: Queryable, q: Sql): Promise<Record<string, unknown>[]> {
  const [r] = await conn.query({ sql: q.sql, rowsAsArray: false }, [...q.params])
  return r as Record<string, unknown>[]
}

async function arrays(conn: Queryable, q: Sql): Promise<unknown[][]> {
  const [r] = await conn.query({ sql: q.sql, rowsAsArray: true }, [...q.params])
  return r as unknown[][]
}

/** The table's columns in order and its primary key columns, from information_schema of the source side. */
export async function readShape(
  conn: Queryable,
  t: TableName
): Promise<{ columns: ChecksumColumn[]; key: string[] }> {
  const cols = await arrays(conn, {
    sql: 'SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
    params: [t.database, t.table]
  })
  const key = await arrays(conn, {
    sql: "SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX",
    params: [t.database, t.table]
  })
  return {
    columns: cols.map((r) => ({ name: String(r[0]), dataType: String(r[1]) })),
    key: key.map((r) => String(r[0]))
  }
}

function describeRange(
  key: readonly string[],
  lower: readonly unknown[] | undefined,
  upper: readonly unknown[] | undefined
): string {
  if (key.length === 0 || (lower === undefined && upper === undefined)) return 'the table'
  if (lower === undefined) return `keys up to ${showKey(key, upper ?? [])}`
  if (upper === undefined) return `keys after ${showKey(key, lower)}`
  return `keys after ${showKey(key, lower)} up to ${showKey(key, upper)}`
}

async function chunkSum(conn: Queryable, q: Sql): Promise<{ cnt: number; sum: string }> {
  const r = (await rows(conn, q))[0] ?? {}
  const sum = r['checksum']
  // BIT_XOR of an empty range is 0; bigNumberStrings gives the 64-bit value as text.
  return {
    cnt: Number(r['cnt'] ?? 0),
    sum: typeof sum === 'string' || typeof sum === 'number' ? String(sum) : '0'
  }
}

async function hashes(
  conn: Queryable,
  t: TableName,
  key: readonly string[],
  cols: readonly ChecksumColumn[],
  where: Sql,
  limit: number
): Promise<{ key: string; hash: string }[]> {
  const got = await arrays(conn, rowHashesSql(t, key, cols, where, limit))
  return got.map((r) => ({
    key: showKey(key, r.slice(0, key.length)),
    hash: String(r[key.length])
  }))
}

/**
 * Compares one table's contents on both sides, chunk by chunk.
 * @param source the source side (restored copy or live source)
 * @param target the target
 * @param onChunk called after each chunk (progress)
 */
export async function compareTable(
  source: Queryable,
  target: Queryable,
  t: TableName,
  opts: ChecksumOptions = {},
  onChunk?: (chunks: number) => void
): Promise<TableChecksum> {
  const chunkRows = opts.chunkRows ?? CHUNK_ROWS
  const maxNamed = opts.maxNamedRows ?? 10
  const maxNarrowed = opts.maxNarrowedChunks ?? 3
  let chunks = 0
  let mismatched = 0
  let total = 0
  const differing: string[] = []
  const notes: string[] = []
  try {
    const { columns, key } = await readShape(source, t)
    if (columns.length === 0) throw new Error('no columns found on the source side')
    let lower: unknown[] | undefined
    for (;;) {
      const end =
        key.length === 0 ? [] : await arrays(source, boundarySql(t, key, lower, chunkRows - 1))
      const upper = key.length === 0 ? undefined : end[0]
      const where = key.length === 0 ? rangeWhere([]) : rangeWhere(key, lower, upper)
      const q = checksumSql(t, columns, where)
      const [a, b] = await Promise.all([chunkSum(source, q), chunkSum(target, q)])
      chunks++
      total += a.cnt
      onChunk?.(chunks)
      if (a.cnt !== b.cnt || a.sum !== b.sum) {
        mismatched++
        if (b.cnt === 0) {
          notes.push(
            `the target has none of the ${a.cnt} rows of ${describeRange(key, lower, upper)}`
          )
        } else if (key.length === 0) {
          notes.push(
            `${a.cnt} rows on the source side, ${b.cnt} on the target, checksums differ (no primary key to name the rows)`
          )
        } else if (mismatched <= maxNarrowed) {
          const limit = chunkRows + Math.max(0, b.cnt - a.cnt)
          const [ra, rb] = await Promise.all([
            hashes(source, t, key, columns, where, limit),
            hashes(target, t, key, columns, where, limit)
          ])
          const d = diffRows(ra, rb)
          differing.push(
            ...d.changed.map((k) => `${k} changed`),
            ...d.missing.map((k) => `${k} missing on the target`),
            ...d.extra.map((k) => `${k} only on the target`)
          )
        }
      }
      if (upper === undefined) break
      lower = upper
    }
  } catch (e) {
    return {
      ...t,
      result: 'error',
      chunks,
      mismatchedChunks: mismatched,
      rows: total,
      differingRows: [],
      note: errorMessage(e)
    }
  }
  if (mismatched === 0)
    return { ...t, result: 'match', chunks, mismatchedChunks: 0, rows: total, differingRows: [] }
  const named = differing.slice(0, maxNamed)
  const more = differing.length - named.length
  const parts = [
    ...notes,
    ...(named.length > 0 ? [`${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`] : [])
  ]
  return {
    ...t,
    result: 'mismatch',
    chunks,
    mismatchedChunks: mismatched,
    rows: total,
    differingRows: named,
    note: `${mismatched} of ${chunks} chunks differ: ${parts.join('; ') || 'rows not narrowed'}`
  }
}
