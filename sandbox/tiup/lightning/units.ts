// Go value formats Lightning reads and prints: docker/go-units sizes (`96KiB`, BytesSize's `62.83GiB`) and
// time.Duration strings (`5m0s`, `1s`, `500ms`).

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
  p: 1024 ** 5,
  pb: 1024 ** 5,
  pib: 1024 ** 5
}

/** Parses a ByteSize value (an integer, or units.RAMInBytes text such as `96KiB`, `1MB`). */
export function parseByteSize(v: unknown): number {
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v)
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(String(v))
  const factor = m ? UNITS[(m[2] ?? '').toLowerCase()] : undefined
  if (!m || factor === undefined) throw new Error(`invalid size: '${String(v)}'`)
  return Math.floor(Number(m[1]) * factor)
}

/** go-units BytesSize: `%.4g` of the value in the largest binary unit, e.g. `62.83GiB`, `512B`. */
export function goBytesSize(n: number): string {
  const abbrs = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB']
  let v = n
  let i = 0
  while (v >= 1024 && i < abbrs.length - 1) {
    v /= 1024
    i++
  }
  return `${goG4(v)}${abbrs[i]}`
}

/** Go's `%.4g`. */
function goG4(v: number): string {
  if (v === 0) return '0'
  const exp = Math.floor(Math.log10(Math.abs(v)))
  if (exp < -4 || exp >= 4) {
    const [mant, e] = v.toExponential(3).split('e')
    const m = String(Number(mant))
    const en = Number(e)
    return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`
  }
  return String(Number(v.toPrecision(4)))
}

/** Parses a Go duration (`1h2m3.5s`, `500ms`, `5m0s`) into milliseconds. */
export function parseGoDuration(s: string): number {
  if (s === '0') return 0
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g
  const scale: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000
  }
  let total = 0
  let consumed = 0
  for (const m of s.matchAll(re)) {
    total += Number(m[1]) * (scale[m[2] ?? 's'] ?? 1)
    consumed += m[0].length
  }
  if (!consumed || consumed !== s.replace(/^[+-]/, '').length)
    throw new Error(`time: invalid duration "${s}"`)
  return s.startsWith('-') ? -total : total
}
