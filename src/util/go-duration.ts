// Go's time.ParseDuration grammar (https://pkg.go.dev/time#ParseDuration, go/src/time/format.go): an optional sign,
// then one or more decimal numbers each with a unit (ns, us/µs/μs, ms, s, m, h), e.g. 300ms, 1.5h, 2h45m; a lone
// `0` needs no unit. Tools written in Go (DM's task config among them) read durations with it, so a value checked
// here is one they accept.

/** Seconds per unit, as time.ParseDuration's unitMap. */
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600
}

const COMPONENT = /(\d*)(?:\.(\d*))?([^\d.]*)/y

/**
 * The duration in seconds that Go's time.ParseDuration reads from `text`, or undefined where it returns an error
 * (no number, a missing or unknown unit, a blank). Overflow of Go's int64 nanoseconds (about 292 years) is not
 * modelled.
 */
export function parseGoDuration(text: string): number | undefined {
  let rest = text
  let sign = 1
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1
    rest = rest.slice(1)
  }
  if (rest === '0') return 0
  if (rest === '') return undefined
  let seconds = 0
  COMPONENT.lastIndex = 0
  while (COMPONENT.lastIndex < rest.length) {
    const m = COMPONENT.exec(rest)
    if (m === null) return undefined
    const [, whole = '', frac, unit = ''] = m
    if (whole === '' && (frac === undefined || frac === '')) return undefined
    const perUnit = UNIT_SECONDS[unit]
    if (perUnit === undefined) return undefined
    seconds += Number(`${whole === '' ? '0' : whole}.${frac ?? ''}0`) * perUnit
  }
  return sign * seconds
}
