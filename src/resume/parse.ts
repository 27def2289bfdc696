// Reading a run-state file back (record.ts): a file that is not JSON, not ours, from a newer version of the action,
// or damaged becomes one RunStateError naming the file and what is wrong with it, never a crash later when a phase
// reads a field that is not there. Pure.
import {
  RUN_STATE_KIND,
  RUN_STATE_VERSION,
  type LearnedState,
  type PhaseDone,
  type RunStateRecord
} from './record.js'

/** A run-state file that cannot be used, or a run that must not go on because of it; the message says what to do. */
export class RunStateError extends Error {
  override readonly name = 'RunStateError'
}

type Check = (v: unknown, at: string) => void

/** Thrown inside the validators; turned into a RunStateError naming the file. */
class Shape extends Error {}

const fail = (at: string, what: string): never => {
  throw new Shape(`${at} ${what}`)
}
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const str: Check = (v, at) => {
  if (typeof v !== 'string') fail(at, 'must be a string')
}
const num: Check = (v, at) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(at, 'must be a number')
}
const bool: Check = (v, at) => {
  if (typeof v !== 'boolean') fail(at, 'must be true or false')
}
const time: Check = (v, at) => {
  str(v, at)
  if (Number.isNaN(Date.parse(v as string))) fail(at, 'must be an ISO time')
}
const oneOf =
  (...values: readonly string[]): Check =>
  (v, at) => {
    if (typeof v !== 'string' || !values.includes(v))
      fail(at, `must be one of ${values.join(', ')}`)
  }
const numOrStr: Check = (v, at) => {
  if (typeof v !== 'string') num(v, at)
}
const optional =
  (check: Check): Check =>
  (v, at) => {
    if (v !== undefined && v !== null) check(v, at)
  }
const list =
  (check: Check): Check =>
  (v, at) => {
    if (!Array.isArray(v)) fail(at, 'must be a list')
    ;(v as unknown[]).forEach((x, i) => check(x, `${at}[${i}]`))
  }
const dict =
  (check: Check): Check =>
  (v, at) => {
    if (!isObj(v)) fail(at, 'must be an object')
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) check(x, `${at}.${k}`)
  }
const obj =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (!isObj(v)) fail(at, 'must be an object')
    for (const [k, check] of Object.entries(fields))
      check((v as Record<string, unknown>)[k], `${at}.${k}`)
  }

const binlog = obj({
  file: str,
  position: num,
  gtid: optional(str),
  capturedAt: num,
  given: optional(bool)
})
const table = obj({ database: str, table: str })
const learned: Record<keyof LearnedState, Check> = {
  source: obj({ version: str, gtidEnabled: bool, flavor: str }),
  tables: list(table),
  binlog,
  snapshot: obj({
    identifier: str,
    arn: str,
    createdAt: num,
    reused: bool,
    binlog: optional(obj({ file: str, position: num }))
  }),
  export: obj({
    taskId: str,
    bucket: str,
    prefix: str,
    uri: str,
    status: str,
    skipped: list(obj({ table: str, reason: str }))
  }),
  schemaUri: str,
  viewsNotCreated: list(obj({ database: str, table: str, cause: str })),
  skippedTables: list(
    obj({
      database: str,
      table: str,
      reason: str,
      filled: oneOf('copied', 'excluded'),
      sourceRows: optional(obj({ before: num, after: num })),
      copiedRows: optional(num)
    })
  ),
  imported: obj({
    total: num,
    perTable: dict(num),
    checksums: optional(list(obj({ table: str, ok: bool, detail: str })))
  }),
  restored: obj({
    cluster: str,
    instance: str,
    keep: bool,
    binlog: optional(obj({ file: str, position: num }))
  })
}

const phaseDone = obj({
  endedAt: time,
  outputs: dict(str),
  note: optional(str),
  numbers: list(obj({ label: str, value: numOrStr, unit: optional(str) })),
  learned: obj(Object.fromEntries(Object.entries(learned).map(([k, c]) => [k, optional(c)])))
})

const record = obj({
  runKey: str,
  fingerprint: dict(str),
  createdAt: time,
  updatedAt: time,
  phases: dict(phaseDone),
  report: obj({
    binlog: optional(
      obj({ file: str, position: num, gtid: optional(str), capturedBy: optional(str) })
    ),
    tables: list(obj({ database: str, table: str, status: str })),
    links: list(obj({ label: str, url: str }))
  })
})

/**
 * Parses and validates a run-state file.
 * @param text the file's content
 * @param where the file's `s3://` URI, for messages
 * @param runKey the run key it must belong to
 * @throws RunStateError saying what is wrong and what to do
 */
export function parseRunState(text: string, where: string, runKey: string): RunStateRecord {
  const advice = `Delete it to start the run over, or set input run-key to another value.`
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new RunStateError(
      `The run-state file ${where} is not JSON (${(e as Error).message}). ${advice}`
    )
  }
  if (!isObj(value) || value['kind'] !== RUN_STATE_KIND) {
    throw new RunStateError(`${where} is not a run-state file of aurora-to-tidb. ${advice}`)
  }
  const version = value['version']
  if (version !== RUN_STATE_VERSION) {
    const newer = typeof version === 'number' && version > RUN_STATE_VERSION
    throw new RunStateError(
      `The run-state file ${where} has format version ${String(version)}, ` +
        (newer
          ? `written by a newer version of this action (this one reads version ${RUN_STATE_VERSION}): use that version to resume the run.`
          : `which this action does not read (it reads version ${RUN_STATE_VERSION}). ${advice}`)
    )
  }
  try {
    record(value, 'state')
  } catch (e) {
    if (!(e instanceof Shape)) throw e
    throw new RunStateError(`The run-state file ${where} is damaged: ${e.message}. ${advice}`)
  }
  if (value['runKey'] !== runKey) {
    throw new RunStateError(
      `The run-state file ${where} belongs to run key '${String(value['runKey'])}', not '${runKey}'. ${advice}`
    )
  }
  return value as unknown as RunStateRecord
}

/** The finished phases of a record, as `[id, done]` sorted by end time. */
export function finishedPhases(rec: RunStateRecord): [string, PhaseDone][] {
  return Object.entries(rec.phases).sort((a, b) => a[1].endedAt.localeCompare(b[1].endedAt))
}
