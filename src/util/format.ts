// Human-readable numbers for logs and the summary. Pure.

/**
 * A duration the way a person reads it: `350 ms`, `4.2 s`, `12m 05s`, `3h 02m 09s`.
 * Negative or non-finite input is shown as `0 ms` rather than nonsense.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`
  const totalSeconds = Math.floor(ms / 1000)
  const h = Math.floor(totalSeconds / 3600)
  const m = Math.floor((totalSeconds % 3600) / 60)
  const s = totalSeconds % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}h ${mm}m ${ss}s` : `${m}m ${ss}s`
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const

/** A byte count in binary units with one decimal: `512 B`, `1.5 KiB`, `12.3 GiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '0 B'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`
}

/** An integer with thousands separators (`1,234,567`); other numbers as they are. */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n)
}

/** A count and a noun, the noun in the plural unless the count is 1: `1 table`, `1,024 tables`. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`
}
