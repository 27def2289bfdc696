// Binlog positions and GTID sets as DM prints them, and the comparisons the replicate phase needs to tell whether
// the syncer has passed the position recorded before the snapshot.

import { parseBinlogFile } from '../../mysql/binlog-file.js'

/** A binlog position: file and offset. */
export interface BinlogPosition {
  readonly file: string
  readonly pos: number
}

const POSITION = /\(\s*([^,()\s]+)\s*,\s*(\d{1,15})\s*\)/

/**
 * Reads the first `(file, pos)` in a text: `(mysql-bin.000001, 2388)`, `(bin|000001.000001, 3130)`, or the
 * `position: (…), gtid-set: …` location form. Undefined for `""`, `(, 0)` and anything without a position.
 */
export function parseBinlogPosition(text: string): BinlogPosition | undefined {
  const m = POSITION.exec(text)
  if (m === null) return undefined
  return { file: m[1] ?? '', pos: Number(m[2]) }
}

/**
 * Orders two positions of the same binlog series: negative when a is before b, 0 when equal, positive after.
 * Relay names compare by their binlog sequence (`mysql-bin|000001.000003` equals `mysql-bin.000003`). Undefined
 * when the files belong to different series (another base name) or cannot be read.
 */
export function compareBinlogPositions(a: BinlogPosition, b: BinlogPosition): number | undefined {
  const fa = parseBinlogFile(a.file)
  const fb = parseBinlogFile(b.file)
  if (fa === undefined || fb === undefined || fa.base !== fb.base) return undefined
  return fa.seq !== fb.seq ? fa.seq - fb.seq : a.pos - b.pos
}

type Intervals = [number, number][]

/** A parsed GTID set: MySQL (`uuid[:tag]:1-10:12`) or MariaDB (`domain-server-seq`). */
export type GtidSet =
  | { readonly flavor: 'mysql'; readonly sets: ReadonlyMap<string, Intervals> }
  | { readonly flavor: 'mariadb'; readonly domains: ReadonlyMap<number, number> }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const INTERVAL = /^(\d{1,15})(?:-(\d{1,15}))?$/
const TAG = /^[a-z_][a-z0-9_]{0,31}$/
const MARIADB = /^(\d{1,10})-(\d{1,10})-(\d{1,15})$/

/**
 * DM's spelling of the empty set, `<uuid>:0` (MySQL) or `<domain>-<server>-0` (MariaDB), alone: query-status prints
 * it as syncerBinlogGtid when the upstream has no GTIDs (pingcap/tiflow dm/pkg/gtid/gtid.go IsZeroMySQLGTIDSet,
 * IsZeroMariaDBGTIDSet). MySQL transaction numbers start at 1, so it names no transaction.
 */
const ZERO_SET = /^(?:[^:]+:0|\d+-\d+-0)$/

/** Parses a GTID set in MySQL or MariaDB syntax; undefined when empty (DM's zero set included) or unreadable. */
export function parseGtidSet(text: string): GtidSet | undefined {
  const parts = text
    .toLowerCase()
    .split(',')
    .map((p) => p.replace(/\s+/g, ''))
    .filter((p) => p !== '')
  if (parts.length === 0) return undefined
  if (parts.length === 1 && ZERO_SET.test(parts[0] ?? '')) return undefined
  if (parts.every((p) => MARIADB.test(p))) {
    const domains = new Map<number, number>()
    for (const p of parts) {
      const [domain, , seq] = p.split('-').map(Number) as [number, number, number]
      domains.set(domain, Math.max(seq, domains.get(domain) ?? 0))
    }
    return { flavor: 'mariadb', domains }
  }
  const sets = new Map<string, Intervals>()
  for (const p of parts) {
    const [uuid = '', ...rest] = p.split(':')
    if (!UUID.test(uuid) || rest.length === 0) return undefined
    let key = uuid
    for (const item of rest) {
      const iv = INTERVAL.exec(item)
      if (iv !== null) {
        const lo = Number(iv[1])
        const hi = iv[2] === undefined ? lo : Number(iv[2])
        if (hi < lo) return undefined
        sets.set(key, [...(sets.get(key) ?? []), [lo, hi]])
      } else if (TAG.test(item)) {
        key = `${uuid}:${item}` // MySQL 8.4 tagged GTIDs: the tag applies to the intervals after it.
      } else {
        return undefined
      }
    }
  }
  return { flavor: 'mysql', sets }
}

/** Sorts and merges intervals, joining adjacent ones (1-5 and 6-9 make 1-9). */
function merge(intervals: Intervals): Intervals {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0])
  const out: Intervals = []
  for (const [lo, hi] of sorted) {
    const last = out.at(-1)
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi)
    else out.push([lo, hi])
  }
  return out
}

/**
 * Whether GTID set `superset` contains every transaction of `subset`. MySQL: every interval of every source UUID
 * (and tag) is covered. MariaDB: for every domain, the superset's sequence number is at least the subset's.
 * Undefined when either set is empty or unreadable, or the flavors differ.
 */
export function gtidSetContains(superset: string, subset: string): boolean | undefined {
  const sup = parseGtidSet(superset)
  const sub = parseGtidSet(subset)
  if (sup === undefined || sub === undefined) return undefined
  if (sup.flavor === 'mariadb' && sub.flavor === 'mariadb') {
    return [...sub.domains].every(([d, seq]) => (sup.domains.get(d) ?? -1) >= seq)
  }
  if (sup.flavor === 'mysql' && sub.flavor === 'mysql') {
    return [...sub.sets].every(([key, intervals]) => {
      const have = merge(sup.sets.get(key) ?? [])
      return intervals.every(([lo, hi]) => have.some(([a, b]) => a <= lo && hi <= b))
    })
  }
  return undefined
}
