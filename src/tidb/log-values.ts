// Value formats the PingCAP tools print inside log fields: Go durations (`2h13m53.21s`, `571.321µs`), human sizes
// (`62.83GiB`, `7.764GB`) and counters (`"7/9 (77.8%)"`, `1234/5678(estimated)`). Shared by the Lightning and
// Dumpling monitors. Every function returns undefined instead of throwing on text it does not recognise.

const DURATION_UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3, // U+00B5 micro sign, what Go prints
  μs: 1e-3, // U+03BC greek mu, what pasted logs sometimes carry
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000
}

const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y

/** Milliseconds of a Go `time.Duration.String()` value (`1m22.804s`, `18.543µs`, `0s`), or undefined. */
export function parseGoDuration(text: string): number | undefined {
  const s = text.trim()
  if (s === '') return undefined
  let i = 0
  let sign = 1
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0] === '-' ? -1 : 1
    i = 1
  }
  if (s.slice(i) === '0') return 0
  let total = 0
  let parts = 0
  while (i < s.length) {
    DURATION_PART.lastIndex = i
    const m = DURATION_PART.exec(s)
    if (!m) return undefined
    const [whole, num = '', unit = ''] = m
    const factor = DURATION_UNIT_MS[unit]
    if (factor === undefined) return undefined
    total += Number(num) * factor
    i += whole.length
    parts++
  }
  return parts > 0 ? sign * total : undefined
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  pib: 1024 ** 5,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15
}

/** Bytes of a human size (`62.83GiB`, `7.764GB`, `512B`, `1024`), or undefined. */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?i?b)?\s*$/i.exec(text)
  if (!m) return undefined
  const factor = m[2] === undefined ? 1 : SIZE_UNITS[m[2].toLowerCase()]
  return factor === undefined ? undefined : Number(m[1]) * factor
}

/** A `done/total` pair, as progress lines print it. */
export interface Ratio {
  readonly done: number
  readonly total: number
  /** The total is Lightning's estimate (`(estimated)` suffix). */
  readonly estimated: boolean
}

/**
 * Parses `7/9 (77.8%)`, `1234/5678`, `1234/5678(estimated)` and size pairs like `62.83GiB/62.83GiB` (values in
 * bytes). Undefined when either side is not a number or size.
 */
export function parseRatio(text: string): Ratio | undefined {
  let s = text.trim()
  const estimated = s.endsWith('(estimated)')
  if (estimated) s = s.slice(0, -'(estimated)'.length)
  const paren = s.indexOf(' (')
  if (paren >= 0) s = s.slice(0, paren)
  const slash = s.indexOf('/')
  if (slash < 0) return undefined
  const done = parseByteSize(s.slice(0, slash))
  const total = parseByteSize(s.slice(slash + 1))
  if (done === undefined || total === undefined) return undefined
  return { done, total, estimated }
}

/** A percentage like `57.2%` as a number (57.2), or undefined. */
export function parsePercent(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)%\s*$/.exec(text)
  return m ? Number(m[1]) : undefined
}

/** A plain decimal number, or undefined (no hex, no empty string, no `Infinity`). */
export function parseDecimal(text: string): number | undefined {
  return /^\s*-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : undefined
}
