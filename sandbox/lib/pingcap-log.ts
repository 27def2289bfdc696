// The text log format shared by Dumpling, TiDB Lightning and DM (pingcap/log's text encoder,
// zap_text_encoder.go):
//   [2022/12/31 19:30:49.653 +08:00] [INFO] [restore.go:476] ["the whole procedure completed"] [takeTime=20m24.18s]
// []

/** A field value as the tools print it. */
export type LogValue = string | number | boolean | null

/** Log levels the tools use. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL'

/** A field: `[key, value]`, or `null` for a skipped field that prints as an empty `[]`. */
export type LogField = readonly [string, LogValue] | null

function needsQuotes(s: string): boolean {
  if (s === '') return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c <= 0x20 || c === 0x5c || c === 0x22 || c === 0x5b || c === 0x5d || c === 0x3d) return true
  }
  return false
}

/** Quotes a message, key or value only when pingcap/log would (space, control, `\ " [ ] =`). */
export function quote(s: string): string {
  if (!needsQuotes(s)) return s
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0')
}

/** `2006/01/02 15:04:05.000 -07:00` in the local time zone. */
export function logTime(d: Date = new Date()): string {
  const off = -d.getTimezoneOffset()
  const sign = off >= 0 ? '+' : '-'
  const abs = Math.abs(off)
  return (
    `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)} ` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

/** Formats one log line (without the trailing newline). */
export function formatLogLine(
  level: LogLevel,
  caller: string,
  message: string,
  fields: readonly LogField[] = [],
  time: Date = new Date()
): string {
  let line = `[${logTime(time)}] [${level}] [${caller}] [${quote(message)}]`
  for (const f of fields) {
    if (f === null) {
      line += ' []'
      continue
    }
    const [k, v] = f
    const value = v === null ? 'null' : typeof v === 'string' ? quote(v) : String(v)
    line += ` [${quote(k)}=${value}]`
  }
  return line
}

/** Formats a duration the way Go's time.Duration.String() does (`1m2.5s`, `571.321µs`, `210ns`). */
export function goDuration(ms: number): string {
  if (ms <= 0) return '0s'
  const ns = Math.round(ms * 1e6)
  if (ns < 1000) return `${ns}ns`
  if (ns < 1e6) return `${trim((ns / 1e3).toFixed(3))}µs`
  if (ns < 1e9) return `${trim((ns / 1e6).toFixed(6))}ms`
  let s = ns / 1e9
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  const sec = `${trim(s.toFixed(9))}s`
  if (h > 0) return `${h}h${m}m${sec}`
  if (m > 0) return `${m}m${sec}`
  return sec
}

function trim(n: string): string {
  return n.includes('.') ? n.replace(/0+$/, '').replace(/\.$/, '') : n
}
