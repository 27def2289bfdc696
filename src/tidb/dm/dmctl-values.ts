// Narrowing helpers for values read from dmctl output. dmctl prints jsonpb, so int64 fields arrive as JSON strings
// ("totalEvents": "12") while int32 fields are numbers ("ErrCode": 36008); every reader here accepts both.

/** A JSON object as parsed (string keys, unknown values). */
export type JsonRecord = Readonly<Record<string, unknown>>

/** The value as an object, or undefined when it is not a plain JSON object (arrays are not records). */
export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined
}

/** The value as an array, or an empty array when it is anything else (dmctl prints empty lists as `[\n ]`). */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : []
}

/** A string field; numbers and booleans are stringified, anything else gives the fallback. */
export function str(record: JsonRecord | undefined, key: string, fallback = ''): string {
  const v = record?.[key]
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return fallback
}

/** A boolean field, or undefined when absent or not a boolean. */
export function bool(record: JsonRecord | undefined, key: string): boolean | undefined {
  const v = record?.[key]
  return typeof v === 'boolean' ? v : undefined
}

/**
 * An integer field printed either as a JSON number (int32) or as a decimal string (jsonpb int64). Undefined when
 * absent, not an integer, or beyond 2^53 (then a number would silently lie).
 */
export function int(record: JsonRecord | undefined, key: string): number | undefined {
  return toInt(record?.[key])
}

/** See {@link int}: converts one value. */
export function toInt(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined
  if (typeof v !== 'string' || !/^-?\d{1,16}$/.test(v.trim())) return undefined
  const n = Number(v.trim())
  return Number.isSafeInteger(n) ? n : undefined
}

/** The strings of an array field; non-string elements are skipped. */
export function strings(record: JsonRecord | undefined, key: string): string[] {
  return asArray(record?.[key]).filter((x): x is string => typeof x === 'string')
}
