// Reads Parquet files (the Aurora snapshot export: gzip pages, AWS's type mapping) into Datums the way Lightning
// v8.5 does (pkg/lightning/mydump/parquet_parser.go before the arrow-go reader, tidb PR #63979, which the stand-in's
// versions v7.5–v8.5.2 predate): DECIMAL as exact decimal text, BYTE_ARRAY as the bytes, and every time as a
// string (setDatumByInt / formatTime): a TIMESTAMP is its UTC wall clock, `2006-01-02 15:04:05.999999` plus `Z`
// when isAdjustedToUTC (legacy TIMESTAMP_MILLIS/MICROS count as adjusted), INT96 the same with `Z`, DATE the date of
// `time.Unix(days*86400, 0)` in Lightning's own time zone. Turning a `…Z` string into the column's value is the
// target's work (time-zone.ts): it lands in the session's time zone, so a DATETIME shifts unless that zone is UTC.
// hyparquet's own conversions lose precision (µs, decimals), so they are switched off: the logical annotations are
// removed from the schema handed to hyparquet and applied here from the original schema.
import { gunzipSync } from 'node:zlib'
import { parquetMetadata, parquetRead } from 'hyparquet'
import type { FileMetaData, SchemaElement } from 'hyparquet'
import { SqlNumber, type Datum } from './datum.js'

type Convert = (raw: unknown) => Datum

function toBigInt(raw: unknown): bigint {
  return typeof raw === 'bigint' ? raw : BigInt(Math.trunc(Number(raw)))
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  if (bytes.length && (bytes[0] ?? 0) & 0x80) v -= 1n << BigInt(bytes.length * 8)
  return v
}

/** An unscaled integer and a scale as decimal text (`-1234`, 2 → `-12.34`). */
export function decimalText(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0')
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits
  return neg ? `-${text}` : text
}

const p2 = (n: number | bigint): string => String(n).padStart(2, '0')

/** Go's `.999999` fraction: up to six digits, trailing zeros and a bare dot dropped. */
function goFraction(micros: bigint): string {
  const digits = String(micros).padStart(6, '0').replace(/0+$/, '')
  return digits ? `.${digits}` : ''
}

/** `formatTime`: µs since the epoch as the UTC wall clock `2006-01-02 15:04:05.999999`, plus `Z` when `utc`. */
export function goUtcTime(micros: bigint, utc: boolean): string {
  const sub = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n
  const d = new Date(Number((micros - sub) / 1000n))
  const y = String(d.getUTCFullYear()).padStart(4, '0')
  const text = `${y}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}${goFraction(sub)}`
  return utc ? `${text}Z` : text
}

/** `time.Unix(days*86400, 0).Format(time.DateOnly)`: the date in this process's local time zone, as Go's is. */
export function goLocalDate(days: bigint): string {
  const d = new Date(Number(days) * 86_400_000)
  return `${String(d.getFullYear()).padStart(4, '0')}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`
}

/** The converter of one column, from its original schema element. */
export function columnConverter(el: SchemaElement): Convert {
  const ctype = el.converted_type
  const ltype = el.logical_type
  const nullable =
    (f: Convert): Convert =>
    (raw) =>
      raw === null || raw === undefined ? null : f(raw)
  if (ctype === 'DECIMAL' || ltype?.type === 'DECIMAL') {
    const scale = ltype?.type === 'DECIMAL' ? ltype.scale : (el.scale ?? 0)
    return nullable(
      (raw) =>
        new SqlNumber(
          decimalText(raw instanceof Uint8Array ? bytesToBigInt(raw) : toBigInt(raw), scale)
        )
    )
  }
  if (ltype?.type === 'TIMESTAMP' || ctype === 'TIMESTAMP_MICROS' || ctype === 'TIMESTAMP_MILLIS') {
    const unit =
      ltype?.type === 'TIMESTAMP' ? ltype.unit : ctype === 'TIMESTAMP_MILLIS' ? 'MILLIS' : 'MICROS'
    const adjusted = ltype?.type === 'TIMESTAMP' ? ltype.isAdjustedToUTC : true
    const toMicros = (v: bigint): bigint =>
      unit === 'MILLIS' ? v * 1000n : unit === 'NANOS' ? v / 1000n : v
    return nullable((raw) => goUtcTime(toMicros(toBigInt(raw)), adjusted))
  }
  if (ltype?.type === 'DATE' || ctype === 'DATE') {
    return nullable((raw) => goLocalDate(toBigInt(raw)))
  }
  if (el.type === 'INT96') {
    // hyparquet hands INT96 over as nanoseconds since the epoch (parsers.timestampFromNanoseconds below).
    return nullable((raw) => {
      const nanos = toBigInt(raw)
      return goUtcTime((nanos - (((nanos % 1000n) + 1000n) % 1000n)) / 1000n, true)
    })
  }
  if (el.type === 'BOOLEAN') return nullable((raw) => new SqlNumber(raw ? '1' : '0'))
  if (el.type === 'INT32' || el.type === 'INT64') {
    const unsigned =
      ctype === 'UINT_64' || ctype === 'UINT_32' || (ltype?.type === 'INTEGER' && !ltype.isSigned)
    const bits = el.type === 'INT64' ? 64 : 32
    return nullable((raw) => (unsigned ? BigInt.asUintN(bits, toBigInt(raw)) : toBigInt(raw)))
  }
  if (el.type === 'FLOAT' || el.type === 'DOUBLE') return nullable((raw) => Number(raw))
  return nullable((raw) =>
    raw instanceof Uint8Array ? raw : typeof raw === 'string' ? raw : String(raw)
  )
}

const COMPRESSORS = {
  GZIP: (input: Uint8Array): Uint8Array => new Uint8Array(gunzipSync(input))
}

/** A Parquet file opened for reading. */
export interface ParquetSource {
  readonly columns: readonly string[]
  readonly totalRows: number
  /** Rows of each row group, converted, in file order. */
  rowGroups(): AsyncGenerator<Datum[][]>
}

/** Opens Parquet file bytes. */
export function openParquet(data: Buffer): ParquetSource {
  const arrayBuffer = new Uint8Array(data).buffer // a copy: an ArrayBuffer of exactly the file
  const original: FileMetaData = parquetMetadata(arrayBuffer)
  const leaves = original.schema.slice(1)
  const converters = leaves.map(columnConverter)
  const raw: FileMetaData = {
    ...original,
    schema: original.schema.map(({ converted_type: _c, logical_type: _l, ...rest }) => rest)
  }
  const file = {
    byteLength: arrayBuffer.byteLength,
    slice: (s: number, e?: number): ArrayBuffer => arrayBuffer.slice(s, e)
  }
  return {
    columns: leaves.map((l) => l.name),
    totalRows: Number(original.num_rows),
    async *rowGroups() {
      let start = 0
      for (const rg of original.row_groups) {
        const end = start + Number(rg.num_rows)
        let rows: unknown[][] = []
        await parquetRead({
          file,
          metadata: raw,
          rowStart: start,
          rowEnd: end,
          utf8: false,
          compressors: COMPRESSORS,
          parsers: { timestampFromNanoseconds: (n: bigint) => n },
          onComplete: (r: unknown[][]) => {
            rows = r
          }
        })
        start = end
        yield rows.map((row) =>
          row.map((v, i) => (converters[i] ?? ((x: unknown) => x as Datum))(v))
        )
      }
    }
  }
}
