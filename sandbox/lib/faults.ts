// Fault injection for every sandbox piece, from one place.
//
// A fault is switched on by either
//   - the environment variable SANDBOX_FAULTS, a comma-separated list of `name` or `name=value`
//     (read by each process when it asks; tool stand-ins inherit it from the action's environment), or
//   - the file `$SANDBOX_DIR/faults.json`, `{ "name": "value", ... }`, written by `npm run sandbox -- fault set name[=value]`
//     and read again on every question, so a running sandbox changes behaviour without a restart.
// Both sources are merged; the environment wins for the same name.
//
// Timings work the same way: SANDBOX_TIMINGS (`export=20,lightning=5`) and `$SANDBOX_DIR/timings.json`.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { sandboxDir } from './paths.js'

/** Every fault a sandbox piece can inject, with what it does. Pieces only ask for names listed here. */
export const FAULTS = {
  // Sandbox I: AWS and the servers
  'export-failed': 'The export task ends FAILED with a real FailureCause (value: the cause text).',
  'export-stuck-starting': 'The export task never leaves STARTING.',
  'export-canceled':
    'The export task is canceled by "someone else" while IN_PROGRESS and ends CANCELED.',
  'rds-throttle':
    'RDS answers Throttling "Rate exceeded" (HTTP 400): value N = the next N calls (default 3); N:Action = the next N calls of that action; N:Action:K = bursts of N in a row after every K answered calls of that action.',
  's3-access-denied': 'S3 requests for keys under the prefix (value) fail with 403 AccessDenied.',
  'source-connection-drop':
    'The source kills every connection of the migration user a moment after it opens (value: delay in ms, default 300).',
  'binlog-off':
    'The source runs without a binary log (applied when it starts: at `up`, or `restart-source` while up).',
  'iam-role-untrusted':
    'GetRole shows the export role trusting ec2.amazonaws.com instead of export.rds.amazonaws.com; exports with it end FAILED.',
  'kms-key-disabled':
    'DescribeKey reports the export key Disabled; StartExportTask refuses it with KMSKeyNotAccessibleFault.',
  'restore-failed':
    'A cluster restored from a snapshot ends in a failure status instead of available (value: the status, default failed); nothing is reachable.',
  'restore-instance-stuck-creating':
    'A DB instance created in a restored cluster stays creating (no endpoint) until the fault is cleared.',
  'restore-binlog-off':
    "The source's cluster parameter group reports binlog_format OFF to restores: the restored copy runs without a binary log and announces no crash-recovery binlog position.",
  // Sandbox II: the tools
  'dumpling-connection-refused':
    'Dumpling cannot connect to the source: connection refused, exit 1.',
  'lightning-error': 'Lightning fails mid-import with a real error line and exit 1.',
  'lightning-cancel':
    'Lightning behaves as if cancelled by a signal mid-import: "tidb lightning canceled", exit 0.',
  'lightning-status-port-busy':
    'Lightning cannot bind its status port: "failed to start HTTP server", exit 0.',
  'lightning-unknown-key':
    'Lightning treats the TOML key (value, e.g. conflict.strategy) as unknown: "config file contained unknown configuration options", exit 1.',
  'dmctl-result-false':
    'dmctl answers the command (value, e.g. start-task) with "result": false and exit 0.',
  'dm-check-task-fail': 'check-task fails with a non-JSON detail listing failed checks.',
  'dm-task-paused-error': 'A running DM task pauses with ErrCode 36069 in query-status.'
} as const

/** A known fault name. */
export type FaultName = keyof typeof FAULTS

/** Known durations (seconds) that make the sandbox slow in a controlled way. */
export const TIMINGS = {
  snapshot: 'Seconds a cluster snapshot stays `creating`.',
  restore:
    'Seconds a cluster restored from a snapshot stays `creating` (at least until its data is loaded).',
  instance:
    'Seconds a DB instance of a restored cluster stays `creating` (at least until its server is up).',
  export: 'Seconds an export task takes from STARTING to COMPLETE.',
  dumpling: 'Minimum seconds a Dumpling run takes.',
  lightning: 'Minimum seconds a Lightning run takes.',
  dm: 'Seconds a DM worker waits before applying each batch.'
} as const

/** A known timing name. */
export type TimingName = keyof typeof TIMINGS

function parseList(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (text ?? '').split(',')) {
    const item = part.trim()
    if (!item) continue
    const eq = item.indexOf('=')
    if (eq < 0) out[item] = ''
    else out[item.slice(0, eq).trim()] = item.slice(eq + 1).trim()
  }
  return out
}

function readJson(file: string): Record<string, string> {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (data && typeof data === 'object') {
      return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]))
    }
  } catch {
    // no file or unreadable: no faults from the file
  }
  return {}
}

/** All active faults, name → value ('' when the fault has no value). */
export function activeFaults(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    ...readJson(path.join(sandboxDir(env), 'faults.json')),
    ...parseList(env['SANDBOX_FAULTS'])
  }
}

/** The value of a fault if it is active ('' for a fault without value), else undefined. */
export function fault(name: FaultName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return activeFaults(env)[name]
}

/** A configured timing in seconds, or the given default. */
export function timing(
  name: TimingName,
  fallback: number,
  env: NodeJS.ProcessEnv = process.env
): number {
  const all = {
    ...readJson(path.join(sandboxDir(env), 'timings.json')),
    ...parseList(env['SANDBOX_TIMINGS'])
  }
  const v = all[name]
  const n = v === undefined ? NaN : Number(v)
  return Number.isFinite(n) && n >= 0 ? n : fallback
}
