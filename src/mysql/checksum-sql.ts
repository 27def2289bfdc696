// Content checksums the way PingCAP's sync-diff-inspector computes them, so that MySQL (the Aurora copy) and TiDB
// answer the same number for the same rows: pingcap/tiflow sync_diff_inspector/utils/utils.go, GetCountAndChecksum
// (GetCountAndMD5Checksum in pingcap/tidb-tools): per chunk
//
//   SELECT COUNT(*), BIT_XOR(CAST(CONV(SUBSTRING(MD5(CONCAT_WS(',', c1, c2, …, CONCAT(ISNULL(c1), ISNULL(c2), …))),
//          1, 16), 16, 10) AS UNSIGNED) ^ CAST(CONV(SUBSTRING(MD5(…same…), 17, 16), 16, 10) AS UNSIGNED))
//   FROM t WHERE <range>
//
// — an order-independent sum (XOR) of each row's 128-bit MD5 folded to 64 bits; CONCAT_WS skips NULLs, so the
// ISNULL markers tell NULL from an empty string. FLOAT and DOUBLE are rounded to 6 and 15 significant digits first
// (`round(c, 5-floor(log10(abs(c))))`, `round(c, 14-floor(log10(abs(c))))`), as the same function does, because the
// two servers print them differently. Chunks are ranges of the primary key, as sync-diff-inspector's
// splitter/bucket chunks are, with its default of 50,000 rows a chunk (CalculateChunkSize); a table without a
// primary key is one chunk. Pure: these build the SQL and compare answers; checksum.ts runs them.
import { quoteIdent } from './row-counts.js'
import type { TableName } from '../table-filter/table-name.js'

/** sync-diff-inspector's chunk size (utils.go CalculateChunkSize). */
export const CHUNK_ROWS = 50_000

/** A column compared: its name and information_schema DATA_TYPE. */
export interface ChecksumColumn {
  readonly name: string
  readonly dataType: string
}

/** SQL with its `?` parameters. */
export interface Sql {
  readonly sql: string
  readonly params: readonly unknown[]
}

const table = (t: TableName): string => `${quoteIdent(t.database)}.${quoteIdent(t.table)}`

/** The column as it enters the hash: floating-point numbers rounded as sync-diff-inspector rounds them. */
export function columnExpr(c: ChecksumColumn): string {
  const q = quoteIdent(c.name)
  const type = c.dataType.toLowerCase()
  if (type === 'float') return `round(${q}, 5-floor(log10(abs(${q}))))`
  if (type === 'double') return `round(${q}, 14-floor(log10(abs(${q}))))`
  return q
}

/** One row's MD5 (32 hex digits) over its columns and their NULL markers. */
export function rowHashExpr(cols: readonly ChecksumColumn[]): string {
  const exprs = cols.map(columnExpr)
  return `MD5(CONCAT_WS(',', ${exprs.join(', ')}, CONCAT(${exprs.map((e) => `ISNULL(${e})`).join(', ')})))`
}

/** COUNT(*) AS cnt and the XOR of the rows' folded hashes AS checksum, over the rows `where` selects. */
export function checksumSql(t: TableName, cols: readonly ChecksumColumn[], where: Sql): Sql {
  const h = rowHashExpr(cols)
  const half = (from: number): string =>
    `CAST(CONV(SUBSTRING(${h}, ${from}, 16), 16, 10) AS UNSIGNED)`
  return {
    sql: `SELECT COUNT(*) AS cnt, BIT_XOR(${half(1)} ^ ${half(17)}) AS checksum FROM ${table(t)} WHERE ${where.sql}`,
    params: where.params
  }
}

/**
 * Keys after `lower` (exclusive) up to `upper` (inclusive), in the key's order, written out column by column
 * (`a > ? OR (a = ? AND b > ?)`) so both servers can use the primary key for the range. No bound: `TRUE`.
 */
export function rangeWhere(
  keys: readonly string[],
  lower?: readonly unknown[],
  upper?: readonly unknown[]
): Sql {
  const parts: string[] = []
  const params: unknown[] = []
  const side = (values: readonly unknown[], strict: string, last: string): void => {
    const ors: string[] = []
    keys.forEach((_, i) => {
      const ands = keys.slice(0, i).map((k) => `${quoteIdent(k)} = ?`)
      ands.push(`${quoteIdent(keys[i] ?? '')} ${i === keys.length - 1 ? last : strict} ?`)
      params.push(...values.slice(0, i + 1))
      ors.push(ands.length > 1 ? `(${ands.join(' AND ')})` : (ands[0] ?? ''))
    })
    parts.push(`(${ors.join(' OR ')})`)
  }
  if (lower) side(lower, '>', '>')
  if (upper) side(upper, '<', '<=')
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'TRUE', params }
}

/** The key of the `offset`-th row (0-based) after `lower`: where the next chunk ends. */
export function boundarySql(
  t: TableName,
  keys: readonly string[],
  lower: readonly unknown[] | undefined,
  offset: number
): Sql {
  const where = rangeWhere(keys, lower)
  const k = keys.map(quoteIdent).join(', ')
  return {
    sql: `SELECT ${k} FROM ${table(t)} WHERE ${where.sql} ORDER BY ${k} LIMIT 1 OFFSET ${Math.max(0, Math.floor(offset))}`,
    params: where.params
  }
}

/** Each row's key and hash in a range, in key order, at most `limit` rows: to name the rows that differ. */
export function rowHashesSql(
  t: TableName,
  keys: readonly string[],
  cols: readonly ChecksumColumn[],
  where: Sql,
  limit: number
): Sql {
  const k = keys.map(quoteIdent).join(', ')
  return {
    sql: `SELECT ${k}, ${rowHashExpr(cols)} AS row_hash FROM ${table(t)} WHERE ${where.sql} ORDER BY ${k} LIMIT ${Math.floor(limit)}`,
    params: where.params
  }
}

/** A row's key, as shown: `id=42` or `(a=1, b='x')`. */
export function showKey(keys: readonly string[], values: readonly unknown[]): string {
  const shown = keys.map((k, i) => {
    const v = values[i]
    return `${k}=${typeof v === 'string' && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}'` : String(v)}`
  })
  return shown.length === 1 ? (shown[0] ?? '') : `(${shown.join(', ')})`
}

/** How the rows of one range differ between the copy (source side) and the target. */
export interface RowDiff {
  /** In the source, not in the target. */
  readonly missing: string[]
  /** In the target, not in the source. */
  readonly extra: string[]
  /** In both, with other contents. */
  readonly changed: string[]
}

/**
 * Compares the rows of one range, each `{ key: shown key, hash }`, as read on both sides.
 * @param source rows of the source side
 * @param target rows of the target
 */
export function diffRows(
  source: readonly { key: string; hash: string }[],
  target: readonly { key: string; hash: string }[]
): RowDiff {
  const there = new Map(target.map((r) => [r.key, r.hash]))
  const here = new Set(source.map((r) => r.key))
  const diff: RowDiff = { missing: [], extra: [], changed: [] }
  for (const r of source) {
    const h = there.get(r.key)
    if (h === undefined) diff.missing.push(r.key)
    else if (h !== r.hash) diff.changed.push(r.key)
  }
  for (const r of target) if (!here.has(r.key)) diff.extra.push(r.key)
  return diff
}
