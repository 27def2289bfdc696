// The one parser for everything dmctl prints. dmctl exits 0 whenever the RPC returns, also with `"result": false`,
// and exits 1 with `Error: …` on stderr when it cannot run the command (bad args, unreachable master). It prints
// jsonpb (4-space indent, int64 as strings, empty lists as `[\n    ]`), encoding/json for `query-status` without a
// task, and NOT valid JSON when a pre-check detail is spliced into `msg`/`checkResult`. Copies from docs add more
// damage. The parser recovers what it can, never throws, and decides success only from the content:
// exit ≠ 0 fails, `result: false` fails, a missing `result` fails, a source answering `result: false` fails.
import {
  findCheckDetail,
  isCheckItem,
  toCheckItems,
  withoutCheckDetail,
  type CheckDetail
} from './dmctl-check.js'
import { parseLooseJson } from './dmctl-loose-json.js'
import { parseTerror, type DmTerror } from './dmctl-terror.js'
import { asArray, asRecord, bool, str, type JsonRecord } from './dmctl-values.js'

export { checkFailures, describeCheckFailure } from './dmctl-check.js'
export type { CheckDetail, CheckFailure, CheckItem, CheckSummary } from './dmctl-check.js'
export { DM_ERROR, formatTerror, parseTerror } from './dmctl-terror.js'
export type { DmTerror } from './dmctl-terror.js'

/** One entry of `sources[]`: a worker's answer (`CommonWorkerResponse`) or a source's status (`QueryStatusResponse`). */
export interface DmctlSourceEntry {
  readonly result: boolean | undefined
  readonly msg: string
  /** Source id, from `source` or `sourceStatus.source`. */
  readonly source: string
  /** Bound worker, from `worker` or `sourceStatus.worker`; '' when unbound. */
  readonly worker: string
  /** The entry as parsed, for readers of the status fields (status.ts). */
  readonly value: JsonRecord
}

/** One entry of `tasks[]` (`query-status` without a task, or `pause-task -s <source>`). */
export interface DmctlTaskEntry {
  /** `taskName` (query-status) or `task` (operate on a source). */
  readonly name: string
  /** `taskStatus`: `Running`, `Paused`, …, or `Error - …`; '' when absent. */
  readonly status: string
  readonly op: string
  readonly result: boolean | undefined
  readonly msg: string
  readonly sources: readonly string[]
}

/** Why a dmctl call counts as failed. */
export type DmctlFailureKind = 'exit-code' | 'result-false' | 'no-result' | 'source-failed'

/** A failed dmctl call: the kind, DM's own message, and the DM error fields when the message holds one. */
export interface DmctlFailure {
  readonly kind: DmctlFailureKind
  readonly message: string
  readonly terror: DmTerror | undefined
}

interface DmctlOutputFields {
  /** Top-level `result`; undefined when the output has none. */
  readonly result: boolean | undefined
  /** Top-level `msg` without a spliced pre-check detail; '' when absent. */
  readonly msg: string
  /** `op` of pause/resume/stop-task (`Pause`, `Resume`, `Delete`/`Stop`). */
  readonly op?: string
  readonly sources: readonly DmctlSourceEntry[]
  /** `checkResult` of start-task, without a spliced detail. */
  readonly checkResult?: string
  /** The pre-check detail, wherever it was found (msg, checkResult, log text, or a pasted fragment). */
  readonly checkDetail?: CheckDetail
  readonly tasks?: readonly DmctlTaskEntry[]
  /** `cfg` of `get-config` (a YAML document). */
  readonly cfg?: string
  /** The recovered top-level JSON value (undefined when none). */
  readonly document: unknown
  /** stdout as given. */
  readonly raw: string
  readonly stderr: string
  readonly exitCode: number
  /** False when there is no document, or the output stops inside it or inside the pre-check detail (truncated). */
  readonly complete: boolean
  /** What had to be repaired to read the output (empty for clean jsonpb). */
  readonly repairs: readonly string[]
}

/** The parsed output of one dmctl call; `ok` is true only when every sign of success is there. */
export type DmctlOutput =
  | (DmctlOutputFields & { readonly ok: true; readonly error?: undefined })
  | (DmctlOutputFields & { readonly ok: false; readonly error: DmctlFailure })

/** Reads the output of any dmctl command. Never throws; work is linear in the size of the input. */
export function parseDmctlOutput(stdout: string, stderr = '', exitCode = 0): DmctlOutput {
  const found = findCheckDetail(stdout)
  const text =
    found?.splice === undefined
      ? stdout
      : stdout.slice(0, found.splice.start) + stdout.slice(found.splice.end)
  const { values, repairs, complete } = readValues(text)
  if (found !== undefined) {
    repairs.push(
      found.splice === undefined
        ? 'decoded an escaped pre-check detail'
        : 'cut the raw pre-check detail out of the JSON'
    )
  }
  const doc = values.length === 1 ? asRecord(values[0]) : undefined
  const fragment = values.length > 0 && values.every(isCheckItem)

  // An escaped detail (no splice) is still inside the decoded `msg`/`checkResult`: the fields keep DM's words only.
  const cut = (s: string): string => (found === undefined ? s.trimEnd() : withoutCheckDetail(s))

  let result = fragment ? undefined : bool(doc, 'result')
  if (values.length === 0) {
    // Last resort, for a document that does not start a line (`dmctl> {"result": false, …`). Never used when a
    // document was read: a nested `result` must not stand in for a missing top-level one.
    const m = /"result"\s*:\s*(true|false)\b/.exec(text)
    if (m !== null) {
      result = m[1] === 'true'
      repairs.push('took `result` from the text')
    }
  }
  const fields: DmctlOutputFields = {
    result,
    msg: cut(str(doc, 'msg')),
    ...optional('op', typeof doc?.['op'] === 'string' ? doc['op'] : undefined),
    sources: asArray(doc?.['sources']).flatMap(toSourceEntry),
    ...optional(
      'checkResult',
      typeof doc?.['checkResult'] === 'string' ? cut(doc['checkResult']) : undefined
    ),
    ...optional(
      'checkDetail',
      found?.detail ??
        (fragment
          ? { results: toCheckItems(values), summary: undefined, complete: false }
          : undefined)
    ),
    ...optional(
      'tasks',
      Array.isArray(doc?.['tasks']) ? asArray(doc['tasks']).flatMap(toTaskEntry) : undefined
    ),
    ...optional('cfg', typeof doc?.['cfg'] === 'string' ? doc['cfg'] : undefined),
    document: values.length === 1 ? values[0] : values.length > 1 ? values : undefined,
    raw: stdout,
    stderr,
    exitCode,
    complete: complete && values.length > 0 && found?.detail.complete !== false,
    repairs
  }
  const error = failureOf(fields)
  return error === undefined ? { ...fields, ok: true } : { ...fields, ok: false, error }
}

/** `{key: value}` when value is defined, `{}` otherwise (exactOptionalPropertyTypes forbids `key: undefined`). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V })
}

/**
 * Reads the JSON value(s) of the output: from the first line that starts with `{` (skipping prompts such as
 * `» query-status` and notices dmctl prints first), then any further `, {…}` values of a pasted fragment.
 */
function readValues(text: string): { values: unknown[]; repairs: string[]; complete: boolean } {
  const repairs = new Set<string>()
  const values: unknown[] = []
  let complete = true
  const start = /^[ \t]*\{/m.exec(text)
  if (start === null) return { values, repairs: [], complete }
  if (/\S/.test(text.slice(0, start.index))) repairs.add('skipped text before the JSON document')
  let pos = start.index
  while (values.length < 256) {
    const parsed = parseLooseJson(text, pos)
    if (parsed.value === undefined) break
    values.push(parsed.value)
    complete &&= parsed.complete
    parsed.repairs.forEach((r) => repairs.add(r))
    const next = /^\s*,\s*\{/.exec(text.slice(parsed.end, parsed.end + 4096))
    if (next === null) break
    repairs.add('read a fragment of several values')
    pos = parsed.end + next[0].length - 1
  }
  return { values, repairs: [...repairs], complete }
}

function toSourceEntry(value: unknown): DmctlSourceEntry[] {
  const rec = asRecord(value)
  if (rec === undefined) return []
  const status = asRecord(rec['sourceStatus'])
  return [
    {
      result: bool(rec, 'result'),
      msg: str(rec, 'msg').trimEnd(),
      source: str(rec, 'source') || str(status, 'source'),
      worker: str(rec, 'worker') || str(status, 'worker'),
      value: rec
    }
  ]
}

function toTaskEntry(value: unknown): DmctlTaskEntry[] {
  const rec = asRecord(value)
  if (rec === undefined) return []
  return [
    {
      name: str(rec, 'taskName') || str(rec, 'task'),
      status: str(rec, 'taskStatus'),
      op: str(rec, 'op'),
      result: bool(rec, 'result'),
      msg: str(rec, 'msg'),
      sources: asArray(rec['sources']).flatMap((s) => {
        if (typeof s === 'string') return [s]
        const src = str(asRecord(s), 'source')
        return src === '' ? [] : [src]
      })
    }
  ]
}

function failureOf(out: DmctlOutputFields): DmctlFailure | undefined {
  if (out.exitCode !== 0) {
    const message = exitMessage(out)
    return { kind: 'exit-code', message, terror: parseTerror(message) }
  }
  if (out.result === false) {
    const text = out.msg !== '' ? out.msg : (out.checkResult ?? '')
    const terror = parseTerror(text)
    const message =
      terror?.text ?? (text !== '' ? text : 'dmctl answered "result": false without a message')
    return { kind: 'result-false', message, terror }
  }
  if (out.result === undefined) {
    const terror = parseTerror(out.raw) ?? parseTerror(out.stderr)
    const signal = /Got signal \[[^\]\n]*\] to exit\./.exec(out.raw)
    const first = firstLine(out.raw)
    const message =
      terror?.text ??
      signal?.[0] ??
      (out.document !== undefined
        ? `dmctl printed no "result" field${out.msg === '' ? '' : `: ${out.msg}`}`
        : first === ''
          ? 'dmctl printed nothing'
          : `dmctl printed no result: ${first}`)
    return { kind: 'no-result', message, terror }
  }
  const failed = out.sources.filter((s) => s.result === false)
  if (failed.length > 0) {
    const message = failed.map((s) => `${s.source || '(unknown source)'}: ${s.msg}`).join('; ')
    return { kind: 'source-failed', message, terror: parseTerror(message) }
  }
  return undefined
}

/** The message of a failed run: the stderr `Error: …` line, with dmctl's stdout hint when it only says "see output". */
function exitMessage(out: DmctlOutputFields): string {
  const lines = out.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('Starting component'))
  const errorLine = lines.find((l) => l.startsWith('Error: '))
  const stdoutLine = firstLine(out.raw)
  if (errorLine !== undefined) {
    const message = errorLine.slice('Error: '.length)
    return /please check output to see error/.test(message) && stdoutLine !== ''
      ? `${stdoutLine} (${message})`
      : message
  }
  const code = `dmctl exited with code ${out.exitCode}`
  return lines.at(-1) ?? (out.msg !== '' ? `${code}: ${out.msg}` : code)
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '')
  return line === undefined ? '' : line.trim().slice(0, 500)
}
