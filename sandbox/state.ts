// The files of a sandbox directory that the daemon, the CLI and tests share: `state.json` (what is running where)
// and the fault and timing switches `faults.json` / `timings.json` that every piece reads on each question.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { FAULTS, TIMINGS, type FaultName, type TimingName } from './lib/faults.js'
import type { SandboxEndpoints } from './env.js'

/** What `state.json` holds about a running sandbox. */
export interface SandboxState {
  readonly version: 1
  /** The daemon that owns every piece (absent for a sandbox started in-process by a test). */
  readonly daemonPid?: number
  readonly startedAt: string
  /** Seconds `up` took until everything answered. */
  readonly startSeconds: number
  readonly scale: number
  /** Process ids of the servers (`mariadbd`), so `down` can prove nothing is left. */
  readonly pids: Readonly<Record<'source' | 'target', number>>
  /** Ports of every server and stand-in, by piece. */
  readonly ports: Readonly<Record<string, number>>
  /** Root passwords (the endpoints hold the action's accounts), for `npm run sandbox -- sql`. */
  readonly rootPasswords: Readonly<Record<'source' | 'target', string>>
  /** How often the source was restarted (`restart-source` waits for this to grow). */
  readonly sourceRestarts: number
  readonly endpoints: SandboxEndpoints
}

/** The marker file that makes a directory a sandbox directory: only such directories are ever removed. */
export const MARKER_FILE = '.aurora-to-tidb-sandbox'

/** Whether a directory may be used (or removed) as a sandbox directory: missing, empty, or marked as one. */
export function isSandboxDir(dir: string): boolean {
  if (!existsSync(dir)) return true
  return existsSync(path.join(dir, MARKER_FILE)) || readdirSync(dir).length === 0
}

/** `<dir>/state.json`. */
export function statePath(dir: string): string {
  return path.join(dir, 'state.json')
}

/** Reads `state.json`, or undefined when there is none. */
export function readState(dir: string): SandboxState | undefined {
  const file = statePath(dir)
  if (!existsSync(file)) return undefined
  return JSON.parse(readFileSync(file, 'utf8')) as SandboxState
}

/** Writes a JSON file atomically (readers never see half a file). */
export function writeJsonFile(file: string, data: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`)
  renameSync(tmp, file)
}

function readRecord(file: string): Record<string, string> {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]))
    }
  } catch {
    // no file yet
  }
  return {}
}

/** Whether a name is a known fault. */
export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name)
}

/** Whether a name is a known timing. */
export function isTimingName(name: string): name is TimingName {
  return Object.hasOwn(TIMINGS, name)
}

/** The faults switched on in `<dir>/faults.json` (not those of SANDBOX_FAULTS). */
export function readFaultFile(dir: string): Record<string, string> {
  return readRecord(path.join(dir, 'faults.json'))
}

/** Switches a fault on in `<dir>/faults.json` ('' for a fault without value). */
export function setFaultFile(dir: string, name: FaultName, value = ''): void {
  writeJsonFile(path.join(dir, 'faults.json'), { ...readFaultFile(dir), [name]: value })
}

/** Switches one fault off, or all of them when no name is given. */
export function clearFaultFile(dir: string, name?: FaultName): void {
  const faults = name === undefined ? {} : readFaultFile(dir)
  if (name !== undefined) delete faults[name]
  writeJsonFile(path.join(dir, 'faults.json'), faults)
}

/** The timings set in `<dir>/timings.json`, in seconds. */
export function readTimingFile(dir: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(readRecord(path.join(dir, 'timings.json'))).map(([k, v]) => [k, Number(v)])
  )
}

/** Sets a timing in `<dir>/timings.json`. */
export function setTimingFile(dir: string, name: TimingName, seconds: number): void {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`timing ${name} must be a number of seconds ≥ 0, got ${seconds}`)
  }
  writeJsonFile(path.join(dir, 'timings.json'), { ...readTimingFile(dir), [name]: seconds })
}

/** Removes one timing, or all of them when no name is given. */
export function clearTimingFile(dir: string, name?: TimingName): void {
  const timings = name === undefined ? {} : readTimingFile(dir)
  if (name !== undefined) delete timings[name]
  writeJsonFile(path.join(dir, 'timings.json'), timings)
}
