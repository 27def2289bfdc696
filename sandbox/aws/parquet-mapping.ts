// AWS's MySQL → Parquet type mapping for snapshot exports (shared/reference/aws.md §5.1, from the Aurora user guide
// "MySQL data type mapping to Parquet"), as pure functions from a captured column to a Parquet schema element and a
// converter from the captured text value to what hyparquet-writer takes.
//
// The export is Spark-based (part-00000-<uuid>-c000 file names), so where the table is silent we do what Spark does:
// DECIMAL physical type by precision (≤ 9 INT32, ≤ 18 INT64, else FIXED_LEN_BYTE_ARRAY of the fewest bytes that hold
// the precision — which gives AWS's FIXED_LEN_BYTE_ARRAY(9) for DECIMAL(20,0)); NOT NULL columns REQUIRED, others
// OPTIONAL; timestamps as TIMESTAMP(isAdjustedToUTC=true, MICROS) with DATETIME's wall clock read as UTC (Aurora
// exports run in UTC; TiDB maintainers speak of "aurora snapshot cases where the zone is UTC", aws.md §5.2).
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
  const neg = text.startsWith('-')
  const [int = '0', frac = ''] = text.replace(/^[-+]/, '').split('.')
  const digits = `${int}${frac.padEnd(scale, '0').slice(0, scale)}`
  const v = BigInt(digits || '0')
  return neg ? -v : v
}

/**
 * `YYYY-MM-DD HH:MM:SS[.ffffff]` (the wall clock read as UTC) → microseconds since the epoch. Zero dates, which the
 * fast export path does not support and whose exported value AWS does not document (aws.md §5.1), become null.
 */
export function datetimeToMicros(text: string): bigint | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(text)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  if (mo === 0 || d === 0) return null
  const date = new Date(0)
  date.setUTCFullYear(y, mo - 1, d) // not Date.UTC: it maps years 0–99 to 1900–1999
  date.setUTCHours(h, mi, s, 0)
  return BigInt(date.getTime()) * 1000n + BigInt((m[7] ?? '').padEnd(6, '0'))
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
      // CHAR has no STRING annotation (aws.md §5.1), unlike VARCHAR.
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
