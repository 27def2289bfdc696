// AWS's MySQL → Parquet type mapping for snapshot exports (AWS, Aurora User Guide, "Considerations for DB cluster
// snapshot exports", "Data conversion and storage format", from the Aurora user guide "MySQL data type mapping to
// Parquet"), as pure functions from a captured column to a Parquet schema element and a converter from the captured
// text value to what hyparquet-writer takes.
//
// The export is Spark-based (part-00000-<uuid>-c000 file names), so where the table is silent we do what Spark does:
// DECIMAL physical type by precision (≤ 9 INT32, ≤ 18 INT64, else FIXED_LEN_BYTE_ARRAY of the fewest bytes that hold
// the precision — which gives AWS's FIXED_LEN_BYTE_ARRAY(9) for DECIMAL(20,0)); NOT NULL columns REQUIRED, others
// OPTIONAL; timestamps as TIMESTAMP(isAdjustedToUTC=true, MICROS) with DATETIME's wall clock read as UTC (Aurora
// exports run in UTC; TiDB maintainers speak of "aurora snapshot cases where the zone is UTC", pingcap/tidb PR
// #67908).
import type { SchemaElement } from 'hyparquet'
import type { SnapshotColumn } from './snapshot-capture.js'

/** A value hyparquet-writer accepts for one of our schema elements. */
export type ParquetValue = string | number | bigint | Uint8Array | null

/** How one column is written. */
export interface ColumnMapping {
  readonly element: SchemaElement
  /** Converts the captured value (text, base64 for binary columns, null) to the Parquet value. */
  readonly convert: (value: string | null) => ParquetValue
  /** The `expectedExportedType` of export_tables_info (`int32`, `int64`, `double`, `binary (UTF8)` seen for real). */
  readonly exportedType: string
}

/** Spark's minBytesForPrecision: the fewest bytes whose signed range holds 10^precision. */
export function decimalBytes(precision: number): number {
  let n = 1
  while (2n ** BigInt(8 * n - 1) < 10n ** BigInt(precision)) n++
  return n
}

/** `-12.3400` with scale 4 → -123400n: the unscaled integer of a DECIMAL's text, exact at any precision. */
export function decimalToUnscaled(text: string, scale: number): bigint {
  const neg = text.charCodeAt(0) === 45 // '-'
  const body = neg || text.charCodeAt(0) === 43 ? text.slice(1) : text
  const dot = body.indexOf('.')
  const int = dot < 0 ? body : body.slice(0, dot)
  const frac = dot < 0 ? '' : body.slice(dot + 1)
  const digits = int + (frac.length === scale ? frac : frac.padEnd(scale, '0').slice(0, scale))
  const v = BigInt(digits || '0')
  return neg ? -v : v
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil; no Date objects: hot path). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

/** The decimal number in text[from, from+len), NaN unless all digits. */
function digits(text: string, from: number, len: number): number {
  let v = 0
  for (let i = from; i < from + len; i++) {
    const c = text.charCodeAt(i) - 48
    if (!(c >= 0 && c <= 9)) return NaN
    v = v * 10 + c
  }
  return v
}

/**
 * `YYYY-MM-DD HH:MM:SS[.ffffff]` (the wall clock read as UTC) → microseconds since the epoch. Zero dates, which the
 * fast export path does not support and whose exported value AWS does not document (same page), become null.
 * Parsed by position without regex or Date objects: it runs for every timestamp of every exported row.
 */
export function datetimeToMicros(text: string): bigint | null {
  const fracLen = text.length - 20
  if (text.length < 19 || fracLen > 6 || (fracLen >= 0 && text[19] !== '.')) return null
  if (text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':') return null
  const [y, mo, d] = [digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)]
  const [h, mi, s] = [digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2)]
  const frac = fracLen > 0 ? digits(text, 20, fracLen) * 10 ** (6 - fracLen) : 0
  if ([y, mo, d, h, mi, s, frac].some(Number.isNaN) || mo === 0 || d === 0) return null
  const seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s
  const micros = seconds * 1_000_000 + frac
  // Exact as a double within ±285 years of 1970; beyond that, BigInt arithmetic.
  return Number.isSafeInteger(micros) ? BigInt(micros) : BigInt(seconds) * 1_000_000n + BigInt(frac)
}

const utf8 = new TextEncoder()
const nullable =
  <T>(f: (v: string) => T) =>
  (v: string | null): T | null =>
    v === null ? null : f(v)

function decimal(
  precision: number,
  scale: number
): Omit<ColumnMapping, 'element'> & { base: Partial<SchemaElement> } {
  const annotation = {
    converted_type: 'DECIMAL',
    scale,
    precision,
    logical_type: { type: 'DECIMAL', scale, precision }
  } as const
  const convert = nullable((v) => decimalToUnscaled(v, scale))
  const label = `DECIMAL(${precision},${scale})`
  if (precision <= 9)
    return { base: { type: 'INT32', ...annotation }, convert, exportedType: `int32 (${label})` }
  if (precision <= 18)
    return { base: { type: 'INT64', ...annotation }, convert, exportedType: `int64 (${label})` }
  const n = decimalBytes(precision)
  return {
    base: { type: 'FIXED_LEN_BYTE_ARRAY', type_length: n, ...annotation },
    convert,
    exportedType: `fixed_len_byte_array(${n}) (${label})`
  }
}

function mapping(
  c: SnapshotColumn
): Omit<ColumnMapping, 'element'> & { base: Partial<SchemaElement> } {
  const t = c.dataType
  const int32 = {
    base: { type: 'INT32' },
    convert: nullable(Number),
    exportedType: 'int32'
  } as const
  const int64 = {
    base: { type: 'INT64' },
    convert: nullable(BigInt),
    exportedType: 'int64'
  } as const
  const string = {
    base: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
    convert: nullable((v) => v),
    exportedType: 'binary (UTF8)'
  } as const
  switch (t) {
    case 'bigint':
      return c.unsigned ? decimal(20, 0) : int64
    case 'int':
    case 'mediumint':
      return c.unsigned ? int64 : int32
    case 'smallint':
    case 'year':
      return int32
    case 'tinyint':
      return c.unsigned
        ? {
            ...int32,
            base: {
              type: 'INT32',
              converted_type: 'INT_16',
              logical_type: { type: 'INTEGER', bitWidth: 16, isSigned: true }
            },
            exportedType: 'int32 (INT_16)'
          }
        : int32
    case 'decimal':
    case 'numeric': {
      const p = c.precision ?? 10
      const s = c.scale ?? 0
      // Beyond Parquet's 38 digits AWS writes the decimal as text.
      return p > 38 ? string : decimal(p, s)
    }
    case 'float':
    case 'double':
    case 'real':
      return { base: { type: 'DOUBLE' }, convert: nullable(Number), exportedType: 'double' }
    case 'char':
      // CHAR has no STRING annotation (AWS's mapping table), unlike VARCHAR.
      return {
        base: { type: 'BYTE_ARRAY' },
        convert: nullable((v) => utf8.encode(v)),
        exportedType: 'binary'
      }
    case 'datetime':
    case 'timestamp':
      return {
        base: {
          type: 'INT64',
          converted_type: 'TIMESTAMP_MICROS',
          logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' }
        },
        convert: nullable(datetimeToMicros),
        exportedType: 'int64 (TIMESTAMP_MICROS)'
      }
    default:
      if (c.binary)
        return {
          base: { type: 'BYTE_ARRAY' },
          convert: nullable((v) => new Uint8Array(Buffer.from(v, 'base64'))),
          exportedType: 'binary'
        }
      // VARCHAR, TEXT family, ENUM, SET, JSON, DATE, TIME — and MariaDB-only types (INET6, UUID) — as strings.
      return string
  }
}

/** How a captured column is exported. */
export function mapColumn(c: SnapshotColumn): ColumnMapping {
  const { base, convert, exportedType } = mapping(c)
  const element = {
    name: c.name,
    ...base,
    repetition_type: c.nullable ? 'OPTIONAL' : 'REQUIRED'
  } as SchemaElement
  return { element, convert, exportedType }
}

/** The Parquet schema of a table: Spark's root name, then one element per column. */
export function parquetSchema(mappings: readonly ColumnMapping[]): SchemaElement[] {
  return [
    { name: 'spark_schema', num_children: mappings.length },
    ...mappings.map((m) => m.element)
  ]
}
