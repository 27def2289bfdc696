// Typed wrappers over core.saveState/getState: what the main step leaves for the post step.
//
// Values are JSON. The main step writes a key again whenever it changes (core appends to $GITHUB_STATE; the last
// value wins); the post step reads them once. Without GITHUB_STATE (a local run, a unit test) there is no post step
// to talk to, so nothing is written: core would otherwise print the retired `::save-state::` command to stdout.
import * as core from '@actions/core'

/** A child process the main step started and had not seen exit yet. */
export interface ChildRecord {
  /** Process id, also its process-group id (children are started as group leaders). */
  readonly pid: number
  /** The command, for messages. */
  readonly command: string
  /** Start time from /proc/<pid>/stat (Linux), so the post step never signals a recycled pid. */
  readonly startTime?: string | undefined
}

/** A phase that was running when its state was last saved. */
export interface RunningPhase {
  readonly id: string
  readonly title: string
  /** ISO time it started. */
  readonly startedAt: string
}

/** The run lock the main step holds (resume/lock.ts), for the post step to delete if the main step was killed. */
export interface RunLockRef {
  /** `s3://bucket/key` of the lock object. */
  readonly uri: string
  /** The holder's token: the post step deletes the lock only while it still holds this token. */
  readonly token: string
  readonly region: string
  readonly s3Endpoint?: string
}

/** Everything the main step saves, by state key. */
export interface ActionState {
  /** Files holding secrets (configs with passwords) to delete. */
  'temp-files': readonly string[]
  /** Child processes still running. */
  'child-processes': readonly ChildRecord[]
  /** True once the main step wrote its job summary. */
  'summary-written': boolean
  /** Phases running right now, for the post step's "cancelled during phase X" summary. */
  'running-phases': readonly RunningPhase[]
  /** The operation being run. */
  operation: string
  /** The run lock held, or null once released. */
  'run-lock': RunLockRef | null
  /** RDS clusters (with their one instance) the main step created and has not removed yet. */
  'restored-copies': readonly RestoredCopyRecord[]
}

/** A DB cluster with one instance the post step deletes unless `keep`. */
export interface RestoredCopyRecord {
  readonly cluster: string
  readonly instance: string
  readonly region: string
  readonly keep: boolean
}

/** A state key. */
export type StateKey = keyof ActionState

const isString = (v: unknown): v is string => typeof v === 'string'
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

const VALIDATORS: { [K in StateKey]: (v: unknown) => boolean } = {
  'temp-files': (v) => Array.isArray(v) && v.every(isString),
  'child-processes': (v) =>
    Array.isArray(v) &&
    v.every(
      (c) =>
        isObject(c) &&
        Number.isInteger(c['pid']) &&
        (c['pid'] as number) > 1 &&
        isString(c['command']) &&
        (c['startTime'] === undefined || isString(c['startTime']))
    ),
  'summary-written': (v) => typeof v === 'boolean',
  'running-phases': (v) =>
    Array.isArray(v) &&
    v.every(
      (p) => isObject(p) && isString(p['id']) && isString(p['title']) && isString(p['startedAt'])
    ),
  operation: isString,
  'run-lock': (v) =>
    v === null ||
    (isObject(v) &&
      isString(v['uri']) &&
      v['uri'].startsWith('s3://') &&
      isString(v['token']) &&
      isString(v['region']) &&
      (v['s3Endpoint'] === undefined || isString(v['s3Endpoint']))),
  'restored-copies': (v) =>
    Array.isArray(v) &&
    v.every(
      (c) =>
        isObject(c) &&
        isString(c['cluster']) &&
        isString(c['instance']) &&
        isString(c['region']) &&
        typeof c['keep'] === 'boolean'
    )
}

/**
 * Saves a value for the post step. A no-op without GITHUB_STATE (no post step will run).
 * @param key the state key
 * @param value JSON-serialisable value
 */
export function saveState<K extends StateKey>(key: K, value: ActionState[K]): void {
  if (!process.env['GITHUB_STATE']) return
  core.saveState(key, JSON.stringify(value))
}

/**
 * Reads a value the main step saved. Missing, unparsable or wrongly shaped values read as undefined (with a debug
 * line), because the post step must never fail on them.
 * @param key the state key
 */
export function loadState<K extends StateKey>(key: K): ActionState[K] | undefined {
  const raw = core.getState(key)
  if (!raw) return undefined
  try {
    const value: unknown = JSON.parse(raw)
    if (VALIDATORS[key](value)) return value as ActionState[K]
    core.debug(`state ${key} has an unexpected shape: ${raw}`)
  } catch {
    core.debug(`state ${key} is not JSON: ${raw}`)
  }
  return undefined
}
