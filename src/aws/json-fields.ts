// Reading loosely shaped JSON from AWS: the API and CLI use PascalCase (`PercentProgress`), the export's metadata
// files lower camelCase (`perTableStatus`), third-party copies mix both (`TableStatistics`), and moto returns
// lower-case status values. These helpers look keys up case-insensitively and coerce values without throwing.

/** A JSON object (or anything else, which reads as empty). */
export type Json = unknown

/** The value of `key` in `obj`, compared case-insensitively (exact match preferred); undefined if absent. */
export function field(obj: Json, key: string): unknown {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined
  const rec = obj as Record<string, unknown>
  if (Object.hasOwn(rec, key)) return rec[key]
  const lower = key.toLowerCase()
  for (const k of Object.keys(rec)) if (k.toLowerCase() === lower) return rec[k]
  return undefined
}

/** A non-empty string value, or undefined. */
export function str(obj: Json, key: string): string | undefined {
  const v = field(obj, key)
  return typeof v === 'string' && v !== '' ? v : undefined
}

/**
 * A string value as given, the empty string included; undefined only when absent or not a string. For fields where
 * `""` means something, e.g. `"S3Prefix": ""` (the export was written at the bucket root).
 */
export function strOrEmpty(obj: Json, key: string): string | undefined {
  const v = field(obj, key)
  return typeof v === 'string' ? v : undefined
}

/** A finite number (numeric strings accepted, as some dumps quote them), or undefined. */
export function num(obj: Json, key: string): number | undefined {
  const v = field(obj, key)
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v)
  return undefined
}

/** An array value, or `[]`. */
export function arr(obj: Json, key: string): unknown[] {
  const v = field(obj, key)
  return Array.isArray(v) ? (v as unknown[]) : []
}

/** A Date from a Date (SDK) or a parseable string (CLI, metadata files), or undefined. */
export function date(obj: Json, key: string): Date | undefined {
  const v = field(obj, key)
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v
  if (typeof v !== 'string') return undefined
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? undefined : d
}

/** Parses JSON text; undefined when it is not JSON. */
export function tryJson(text: string): Json {
  try {
    return JSON.parse(text) as Json
  } catch {
    return undefined
  }
}
