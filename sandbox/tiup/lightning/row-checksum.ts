// The stand-in's checksums (TiDB's is an order-independent XOR over the table's key-values; here over each row's
// normalized text): the local one, added as rows are encoded for the INSERTs, and the plan of the remote one,
// which lets the target build most of each row's text in SQL.
import { quoteIdent as q } from '../sql-text.js'
import {
  canonicalShortcut,
  canonicalTextSql,
  datumText,
  normalizeForColumn,
  sqlLiteral,
  type Datum,
  type TargetColumn
} from './datum.js'
import type { ChunkSum } from './checkpoint.js'
import { toSessionZone, type TimeZone } from './time-zone.js'

/** A 64-bit hash of a string as two 32-bit halves (two multiplicative hashes over the UTF-16 code units). */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return [h1 >>> 0, h2 >>> 0]
}

/** A running XOR checksum over normalized rows (like TiDB's, order-independent). */
export class RowChecksum {
  private hi = 0
  private lo = 0
  size = 0
  rows = 0
  /** Adds a row given as its normalized values joined by `\x1f`. */
  addText(text: string): void {
    const [a, b] = hash64(text)
    this.hi = (this.hi ^ a) >>> 0
    this.lo = (this.lo ^ b) >>> 0
    this.size += Buffer.byteLength(text)
    this.rows++
  }
  get cksum(): bigint {
    return (BigInt(this.hi) << 32n) | BigInt(this.lo)
  }
  merge(s: ChunkSum): void {
    const v = BigInt(s.cksum)
    this.hi = (this.hi ^ Number(v >> 32n)) >>> 0
    this.lo = (this.lo ^ Number(v & 0xffffffffn)) >>> 0
    this.size += s.size
    this.rows += s.rows
  }
}

/** The checksum as Lightning logs it: `{cksum=…,size=…,kvs=…}`. */
export function checksumText(c: RowChecksum, kvsPerRow: number): string {
  return `{cksum=${c.cksum},size=${c.size},kvs=${c.rows * kvsPerRow}}`
}

const TEMPORAL: ReadonlySet<string> = new Set(['datetime', 'timestamp'])

/**
 * The encoder of a table's rows: a row's `(literal,…)` tuple for the INSERT, its normalized text added to the
 * checksum on the way. One pass over the values, and each column's shortcut (canonicalShortcut) decided once per
 * table: the encoder runs once per imported row. A DATETIME/TIMESTAMP string naming its zone (Parquet's `…Z`)
 * becomes the wall clock of the session zone `tz`, as TiDB parses it (time-zone.ts).
 */
export function rowEncoder(
  cols: readonly TargetColumn[],
  tz?: TimeZone
): (row: readonly Datum[], sum: RowChecksum) => string {
  const shortcuts = cols.map(canonicalShortcut)
  const zoned = cols.map((c) => tz !== undefined && TEMPORAL.has(c.dataType))
  return (row, sum) => {
    let tuple = '('
    let text = ''
    for (let i = 0; i < row.length; i++) {
      const raw = row[i] ?? null
      const v = zoned[i] && typeof raw === 'string' && tz ? toSessionZone(raw, tz) : raw
      const col = cols[i] as TargetColumn
      if (i > 0) {
        tuple += ','
        text += '\x1f'
      }
      const shortcut = shortcuts[i]
      if (typeof v === 'bigint' && shortcut === 'integer') {
        const t = v.toString() // both the literal and the canonical text
        tuple += t
        text += t
      } else if (typeof v === 'string' && shortcut === 'as-is') {
        tuple += sqlLiteral(v, col)
        text += v
      } else {
        tuple += sqlLiteral(v, col)
        text += normalizeForColumn(col, datumText(v, col))
      }
    }
    sum.addText(text)
    return `${tuple})`
  }
}

/**
 * How the remote checksum reads a table: each run of columns whose normalized text the target can build
 * (canonicalTextSql) comes back as one value, joined by `\x1f` on the server; the other columns come back raw and
 * are normalized here. `rowText` rebuilds the row's text in column order, the same text the local checksum hashes.
 */
export function remoteRowPlan(cols: readonly TargetColumn[]): {
  readonly select: string[]
  readonly rowText: (row: readonly (Buffer | null)[]) => string
} {
  const select: string[] = []
  /** Per selected value: the column it normalizes here, or undefined for a server-built run. */
  const here: (TargetColumn | undefined)[] = []
  let run: string[] = []
  const endRun = (): void => {
    if (run.length === 0) return
    select.push(
      run.length === 1 ? (run[0] as string) : `CONCAT_WS(CHAR(31 USING utf8mb4),${run.join(',')})`
    )
    here.push(undefined)
    run = []
  }
  for (const col of cols) {
    const sql = canonicalTextSql(col)
    if (sql !== undefined) {
      run.push(sql)
      continue
    }
    endRun()
    select.push(q(col.name))
    here.push(col)
  }
  endRun()
  if (select.length === 0) select.push("''") // a table without columns to compare still counts its rows
  const rowText = (row: readonly (Buffer | null)[]): string => {
    let text = ''
    for (let i = 0; i < row.length; i++) {
      const v = row[i] ?? null
      const col = here[i]
      if (i > 0) text += '\x1f'
      if (col === undefined) text += v === null ? '' : v.toString('utf8')
      else
        text += normalizeForColumn(
          col,
          v === null ? null : col.binary ? v.toString('hex') : v.toString('utf8')
        )
    }
    return text
  }
  return { select, rowText }
}
