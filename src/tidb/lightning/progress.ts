// Lightning's periodic `progress` line, in every shape it has had (pingcap/tidb
// lightning/pkg/importer/import.go and the older tidb-lightning restore.go):
//   current  [progress] [total=57.2%] [tables="7/9 (77.8%)"] [chunks="2642/4247 (62.2%)"] [engines="17/27 (63.0%)"]
//            [restore-bytes=1.2GiB/3.4GiB] [restore-rows=123/456(estimated)] [import-bytes=…(estimated)]
//            ["encode speed(MiB/s)"=53.6] [state=writing] [remaining=52m21s]
//   v4.0     [progress] [files="4193/4033 (104.0%)"] [tables="6/10 (60.0%)"] [speed(MiB/s)=90.4] [state=…]
//   2019     progress: 288/314 chunks (91.7%), 0/1 tables (0.0%), speed 59.42 MiB/s, remaining 1m48s
// Absent fields print as `[]` and stay undefined here. Values can exceed 100 % (real v4 output did).

import {
  parseDecimal,
  parseGoDuration,
  parsePercent,
  parseRatio,
  type Ratio
} from '../log-values.js'

/** The latest progress Lightning reported. */
export interface LightningProgress {
  /** The line's timestamp, when it had one. */
  readonly time: string | undefined
  /** Overall percent (`total=57.2%`). */
  readonly totalPercent: number | undefined
  readonly tables: Ratio | undefined
  readonly chunks: Ratio | undefined
  readonly engines: Ratio | undefined
  /** v4.0 reported files instead of chunks. */
  readonly files: Ratio | undefined
  /** Bytes read from the source (done/total, in bytes). */
  readonly restoreBytes: Ratio | undefined
  /** Rows encoded so far; the total may be an estimate. */
  readonly restoreRows: Ratio | undefined
  /** Bytes imported into TiKV (local backend only; the total is an estimate). */
  readonly importBytes: Ratio | undefined
  /** Encoding speed in MiB/s (`encode speed(MiB/s)`, formerly `speed(MiB/s)`). */
  readonly speedMiBs: number | undefined
  /** `preparing` | `writing` | `importing` | `post-processing` (as printed). */
  readonly state: string | undefined
  /** Lightning's own estimate, as printed (`52m21s`) and in milliseconds. */
  readonly remaining: string | undefined
  readonly remainingMs: number | undefined
}

function ratio(v: string | undefined): Ratio | undefined {
  return v === undefined ? undefined : parseRatio(v)
}

/** Builds a progress record from the fields of a zap `progress` line. */
export function progressFromFields(
  fields: Readonly<Record<string, string>>,
  time: string | undefined
): LightningProgress {
  const total = fields['total']
  const speed = fields['encode speed(MiB/s)'] ?? fields['speed(MiB/s)']
  const remaining = fields['remaining']
  return {
    time,
    totalPercent: total === undefined ? undefined : parsePercent(total),
    tables: ratio(fields['tables']),
    chunks: ratio(fields['chunks']),
    engines: ratio(fields['engines']),
    files: ratio(fields['files']),
    restoreBytes: ratio(fields['restore-bytes']),
    restoreRows: ratio(fields['restore-rows']),
    importBytes: ratio(fields['import-bytes']),
    speedMiBs: speed === undefined ? undefined : parseDecimal(speed),
    state: fields['state'],
    remaining,
    remainingMs: remaining === undefined ? undefined : parseGoDuration(remaining)
  }
}

const TEXT_PROGRESS =
  /^progress: (\d+)\/(\d+) chunks \([\d.]+%\), (\d+)\/(\d+) tables \([\d.]+%\)(?:, speed ([\d.]+) MiB\/s)?(?:, remaining (\S+))?/

/** Builds a progress record from a 2019 plain-text `progress: …` message, or undefined if it is not one. */
export function progressFromText(
  message: string,
  time: string | undefined
): LightningProgress | undefined {
  const m = TEXT_PROGRESS.exec(message)
  if (!m) return undefined
  const pair = (a: string | undefined, b: string | undefined): Ratio => ({
    done: Number(a),
    total: Number(b),
    estimated: false
  })
  const chunks = pair(m[1], m[2])
  return {
    time,
    totalPercent:
      chunks.total > 0 ? Math.round((chunks.done / chunks.total) * 1000) / 10 : undefined,
    tables: pair(m[3], m[4]),
    chunks,
    engines: undefined,
    files: undefined,
    restoreBytes: undefined,
    restoreRows: undefined,
    importBytes: undefined,
    speedMiBs: m[5] === undefined ? undefined : Number(m[5]),
    state: undefined,
    remaining: m[6],
    remainingMs: m[6] === undefined ? undefined : parseGoDuration(m[6])
  }
}

/** A short human line for a heartbeat: `57.2% · tables 7/9 · 1.20/3.40 GiB · 123/456 rows · writing · ~52m21s`. */
export function formatProgress(p: LightningProgress): string {
  const parts: string[] = []
  if (p.totalPercent !== undefined) parts.push(`${p.totalPercent.toFixed(1)}%`)
  if (p.tables) parts.push(`tables ${p.tables.done}/${p.tables.total}`)
  const bytes = p.restoreBytes
  if (bytes) {
    const gib = (n: number): string => (n / 1024 ** 3).toFixed(2)
    parts.push(`${gib(bytes.done)}/${gib(bytes.total)} GiB`)
  }
  const rows = p.restoreRows
  if (rows) parts.push(`${rows.done}/${rows.estimated ? '~' : ''}${rows.total} rows`)
  if (p.speedMiBs !== undefined) parts.push(`${p.speedMiBs.toFixed(1)} MiB/s`)
  if (p.state !== undefined) parts.push(p.state)
  if (p.remaining !== undefined) parts.push(`~${p.remaining} left`)
  return parts.join(' · ')
}
