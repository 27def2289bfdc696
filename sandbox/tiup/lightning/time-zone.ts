// The import session's time zone, and what TiDB does with a time string that names its own zone. Lightning v8.5
// reads a Parquet TIMESTAMP as a string ending in `Z` (parquet_parser.go); TiDB parses such a literal in that zone
// and converts it to the session's zone (pkg/types/time.go parseDatetime: "if the timezone is specified in the
// string literal, we will use the specified timezone to interpret the string literal and convert it into the
// system timezone"). The target here is MariaDB, which has no zone suffix in time literals, so the stand-in
// converts as TiDB would and sends the plain wall clock. The session zone is Lightning's: with the local backend
// the `time_zone` it reads from the target (ObtainImportantVariables, overridden by `[tidb.session-vars]`), with
// the tidb backend the session's own; in both cases the target's `@@global.time_zone` unless session-vars set it.
import type mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2'

/** A time zone: its UTC offset at a given instant. */
export interface TimeZone {
  readonly name: string
  /** Minutes east of UTC at the instant `utcMs`. */
  offsetMinutes(utcMs: number): number
}

/** A fixed offset such as `+08:00`. */
export function fixedZone(name: string, minutes: number): TimeZone {
  return { name, offsetMinutes: () => minutes }
}

/** An IANA zone (`Asia/Shanghai`, `UTC`), through Intl, or undefined when Intl does not know it. */
function namedZone(name: string): TimeZone | undefined {
  let fmt: Intl.DateTimeFormat
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
  } catch {
    return undefined
  }
  return {
    name,
    offsetMinutes(utcMs: number): number {
      const p = Object.fromEntries(fmt.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]))
      const n = (k: string): number => Number(p[k])
      const wall = Date.UTC(
        n('year'),
        n('month') - 1,
        n('day'),
        n('hour'),
        n('minute'),
        n('second')
      )
      return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000)
    }
  }
}

/** A `time_zone` value as MySQL/TiDB accept it: an offset, `SYSTEM` (the server's zone) or a zone name. */
export function resolveZone(
  value: string,
  systemZone: string,
  systemOffsetMinutes: number
): TimeZone {
  const m = /^([+-])(\d{1,2}):(\d{2})$/.exec(value.trim())
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3])
    return fixedZone(value, m[1] === '-' ? -minutes : minutes)
  }
  if (value.toUpperCase() === 'SYSTEM')
    return namedZone(systemZone) ?? fixedZone(`SYSTEM (${systemZone})`, systemOffsetMinutes)
  return namedZone(value) ?? fixedZone(value, systemOffsetMinutes)
}

/** The zone of the import session (a connection of the pool, after its session variables). */
export async function sessionTimeZone(pool: mysql.Pool): Promise<TimeZone> {
  const [rows] = await pool.query<RowDataPacket[]>(
    'SELECT @@session.time_zone AS tz, @@system_time_zone AS sys, TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW()) AS off'
  )
  const r = rows[0]
  return resolveZone(
    String(r?.['tz'] ?? 'SYSTEM'),
    String(r?.['sys'] ?? 'UTC'),
    Number(r?.['off'] ?? 0)
  )
}

const ZONED =
  /^(-?\d{1,4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

const p2 = (n: number): string => String(n).padStart(2, '0')

/**
 * A datetime literal that names its zone (`…Z`, `…+08:00`) as the wall clock of `tz`, the way TiDB stores it into a
 * DATETIME or TIMESTAMP column of a session in `tz`; any other text is returned unchanged.
 */
export function toSessionZone(text: string, tz: TimeZone): string {
  const m = ZONED.exec(text)
  if (!m) return text
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m
  const at = new Date(0)
  at.setUTCFullYear(Number(y), Number(mo) - 1, Number(d))
  at.setUTCHours(Number(h), Number(mi), Number(s), 0)
  let ms = at.getTime()
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000
  }
  const wall = new Date(ms + tz.offsetMinutes(ms) * 60_000)
  const year = wall.getUTCFullYear()
  return `${String(year).padStart(4, '0')}-${p2(wall.getUTCMonth() + 1)}-${p2(wall.getUTCDate())} ${p2(wall.getUTCHours())}:${p2(wall.getUTCMinutes())}:${p2(wall.getUTCSeconds())}${frac}`
}
