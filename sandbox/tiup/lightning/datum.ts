// Values on their way from a source file to the target: what the readers produce (a Datum), how a Datum becomes
// an SQL literal for a given target column, and the normalized text both sides of the checksum are hashed from
// (so "what was read" and "what the target holds" compare by value, not by representation).

import { escapeString, quoteIdent } from '../sql-text.js'

/** Numeric text that must stay unquoted (SQL-file numbers, decimals). */
export class SqlNumber {
  constructor(readonly text: string) {}
}

/** A value read from a data file. */
export type Datum = null | bigint | number | string | Uint8Array | SqlNumber

/** A target column, from information_schema.COLUMNS. */
export interface TargetColumn {
  readonly name: string
  /** DATA_TYPE, lower case (`int`, `varchar`, `datetime`, …). */
  readonly dataType: string
  /** COLUMN_TYPE, e.g. `decimal(10,2)`, `int(10) unsigned`. */
  readonly columnType: string
  readonly scale: number
  readonly fsp: number
  readonly binary: boolean
  readonly generated: boolean
}

const BINARY_TYPES = new Set([
  'binary',
  'varbinary',
  'tinyblob',
  'blob',
  'mediumblob',
  'longblob',
  'bit',
  'geometry',
  'point',
  'linestring',
  'polygon',
  'multipoint',
  'multilinestring',
  'multipolygon',
  'geometrycollection'
])

/** Builds a TargetColumn from an information_schema.COLUMNS row. */
export function targetColumn(row: Record<string, unknown>): TargetColumn {
  const dataType = String(row['DATA_TYPE']).toLowerCase()
  return {
    name: String(row['COLUMN_NAME']),
    dataType,
    columnType: String(row['COLUMN_TYPE']).toLowerCase(),
    scale: Number(row['NUMERIC_SCALE'] ?? 0),
    fsp: Number(row['DATETIME_PRECISION'] ?? 0),
    binary: BINARY_TYPES.has(dataType) || row['CHARACTER_SET_NAME'] === 'binary',
    generated: typeof row['EXTRA'] === 'string' && /GENERATED/i.test(row['EXTRA'])
  }
}

const utf8 = new TextDecoder()

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}

/** The SQL literal of a value for a target column. */
export function sqlLiteral(v: Datum, col: TargetColumn | undefined): string {
  if (v === null) return 'NULL'
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL'
  if (v instanceof SqlNumber) return v.text
  if (typeof v === 'string')
    return col?.binary ? `X'${Buffer.from(v, 'utf8').toString('hex')}'` : `'${escapeString(v)}'`
  if (col?.binary) return v.length ? `X'${hex(v)}'` : "''"
  return `'${escapeString(utf8.decode(v))}'`
}

/** The text a value stands for (before per-column normalization), for the local checksum. */
export function datumText(v: Datum, col: TargetColumn | undefined): string | null {
  if (v === null) return null
  if (typeof v === 'bigint' || typeof v === 'number') return String(v)
  if (v instanceof SqlNumber) return v.text
  if (typeof v === 'string') return col?.binary ? Buffer.from(v, 'utf8').toString('hex') : v
  return col?.binary ? hex(v) : utf8.decode(v)
}

const CANONICAL_INT = /^(?:0|-?[1-9]\d{0,14})$/
const CANONICAL_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.(\d+))?$/
const CANONICAL_TIME = /^(?:\d{4}-\d\d-\d\d )?-?\d\d:\d\d:\d\d(?:\.(\d+))?$/

function normalizeDecimal(text: string, scale: number): string {
  const c = CANONICAL_DECIMAL.exec(text)
  if (c && (c[1]?.length ?? 0) === scale && /[1-9]/.test(text)) return text
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text)
  if (!m) return text
  let digits = `${m[2] ?? ''}${m[3] ?? ''}` || '0'
  let point = (m[2] ?? '').length + Number(m[4] ?? 0)
  if (point < 0) {
    digits = '0'.repeat(-point) + digits
    point = 0
  }
  digits = digits.padEnd(point + scale + 1, '0')
  let unscaled = BigInt(digits.slice(0, point + scale) || '0')
  if (Number(digits[point + scale] ?? '0') >= 5) unscaled += 1n
  const s = unscaled.toString().padStart(scale + 1, '0')
  const out = scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s
  return unscaled === 0n ? out : `${m[1] === '-' ? '-' : ''}${out}`
}

function normalizeTime(text: string, fsp: number, withDate: boolean): string {
  const c = CANONICAL_TIME.exec(text)
  if (c && (c[1]?.length ?? 0) === fsp && (text[4] === '-') === withDate) return text
  const m = /^(\d{4}-\d{2}-\d{2})?[ T]?(-?\d{1,3}:\d{2}:\d{2})?(?:\.(\d+))?/.exec(text.trim())
  if (!m) return text
  const frac = (m[3] ?? '').padEnd(6, '0').slice(0, fsp)
  const time = m[2] ?? '00:00:00'
  const head = withDate ? `${m[1] ?? '0000-00-00'} ${time}` : time
  return frac ? `${head}.${frac}` : head
}

/** Integer column types: the canonical text of a value is its decimal text. */
const INTEGER_TYPES: ReadonlySet<string> = new Set([
  'tinyint',
  'smallint',
  'mediumint',
  'int',
  'integer',
  'bigint',
  'year'
])

/** Column types whose text normalizeForColumn keeps as it is (its default case). */
const AS_IS_TYPES: ReadonlySet<string> = new Set([
  'varchar',
  'text',
  'tinytext',
  'mediumtext',
  'longtext',
  'json',
  'enum',
  'set'
])

/**
 * How the canonical text of a value of this column follows from the value without normalizeForColumn: `integer`
 * when a bigint's decimal text is it, `as-is` when a string is it (and is written as a quoted string), else
 * undefined. The import's hot loop takes these shortcuts; they give what the general path gives.
 */
export function canonicalShortcut(col: TargetColumn): 'integer' | 'as-is' | undefined {
  if (INTEGER_TYPES.has(col.dataType)) return 'integer'
  return AS_IS_TYPES.has(col.dataType) && !col.binary ? 'as-is' : undefined
}

/** The canonical text of a value as the target column stores it (used on both sides of the checksum). */
export function normalizeForColumn(col: TargetColumn, text: string | null): string {
  if (text === null) return '\\N'
  if (INTEGER_TYPES.has(col.dataType)) {
    if (CANONICAL_INT.test(text)) return text
    return /^\s*[+-]?\d+\s*$/.test(text)
      ? BigInt(text.trim()).toString()
      : String(Math.round(Number(text)))
  }
  switch (col.dataType) {
    case 'decimal':
    case 'numeric':
      return normalizeDecimal(text, col.scale)
    case 'float':
      return String(Number(Number(text).toPrecision(6)))
    case 'double':
    case 'real':
      return String(Number(Number(text).toPrecision(15)))
    case 'date':
      return text.trim().slice(0, 10)
    case 'datetime':
    case 'timestamp':
      return normalizeTime(text, col.fsp, true)
    case 'time':
      return normalizeTime(text, col.fsp, false)
    case 'char':
      return text.replace(/ +$/, '')
    case 'binary':
      return text.replace(/(00)+$/, '')
    case 'bit':
      return text.replace(/^(00)+/, '') || '0'
    default:
      return text
  }
}

/**
 * An SQL expression that yields on the target, for one column, the text normalizeForColumn gives for its stored
 * value (`\\N` for NULL); undefined where only JavaScript produces that text (FLOAT, DOUBLE and BIT are normalized
 * from JS numbers or bytes, ZEROFILL integers lose their padding). TiDB computes ADMIN CHECKSUM TABLE next to the
 * data; the stand-in likewise lets the target build most of each row's text instead of sending every value.
 */
export function canonicalTextSql(col: TargetColumn): string | undefined {
  const c = quoteIdent(col.name)
  let text: string
  switch (col.dataType) {
    case 'float':
    case 'double':
    case 'real':
    case 'bit':
      return undefined
    case 'year':
      text = `CAST(${c} + 0 AS CHAR)` // YEAR 0000 is 0, as BigInt('0000') is
      break
    case 'binary':
      text = `TRIM(TRAILING '00' FROM LOWER(HEX(${c})))` // an even-length hex string loses whole bytes only
      break
    default:
      if (col.columnType.includes('zerofill')) return undefined
      text = col.binary ? `LOWER(HEX(${c}))` : `CAST(${c} AS CHAR)`
  }
  return `IFNULL(${text}, '\\\\N')`
}
