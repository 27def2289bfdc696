// The status model of a DM task, read from a parsed `query-status <task>` (per source: stage, unit, positions, lag,
// errors) and from `query-status` without a task (the task list). Stage rules follow dmctl's own task-list rules
// (tiflow dm/ctl/master/query_status.go `wrapTaskResult`), so our `dm-stage` matches what `dmctl` users see.
import {
  compareBinlogPositions,
  gtidSetContains,
  parseBinlogPosition,
  type BinlogPosition
} from './binlog.js'
import type { DmctlOutput, DmTerror } from './dmctl-output.js'
import { asArray, asRecord, bool, int, str, type JsonRecord } from './dmctl-values.js'

/** Stage of a task as a whole; `Error` is a paused subtask with errors (or a stopped relay under a running sync). */
export type DmTaskStage =
  | 'Running'
  | 'Paused'
  | 'Error'
  | 'New'
  | 'Stopped'
  | 'Finished'
  | 'Pausing'
  | 'Resuming'
  | 'Stopping'
  | 'NotFound'
  | 'Unknown'

/**
 * One error of a subtask: DM 2.x `ProcessError {ErrCode, ErrClass, ErrScope, ErrLevel, Message, RawCause, Workaround}`,
 * the same fields as a terror; legacy `{Type, msg}` maps to class and message with no code.
 */
export type DmProcessError = Omit<DmTerror, 'code' | 'text'> & { readonly code: number | undefined }

/** The state of one source (one subtask) of a task. */
export interface DmSourceStatus {
  readonly source: string
  /** The subtask's (task's) name; '' for a source that answered without subtasks. */
  readonly task: string
  readonly worker: string
  /** The source's own answer; false when its worker could not be asked (then `msg` says why). */
  readonly result: boolean | undefined
  readonly msg: string
  /** Subtask stage: `Running`, `Paused`, `New`, `Stopped`, `Finished`, `Pausing`, …; '' when none reported. */
  readonly stage: string
  /** `Check`, `Dump`, `Load`, `Sync`, `Relay`; '' when none reported. */
  readonly unit: string
  readonly synced: boolean | undefined
  readonly masterBinlog: BinlogPosition | undefined
  readonly syncerBinlog: BinlogPosition | undefined
  readonly masterGtid: string
  readonly syncerGtid: string
  /** `secondsBehindMaster` (DM ≥ v6); undefined on older DM or outside the Sync unit. */
  readonly secondsBehindMaster: number | undefined
  readonly totalEvents: number | undefined
  readonly totalRows: number | undefined
  /** Relay stage when relay is on (`Running`, `Paused`, …), '' otherwise. */
  readonly relayStage: string
  /** Errors of the subtask, of the source and of its relay. */
  readonly errors: readonly DmProcessError[]
}

/** A binlog position recorded before the snapshot, with the GTID set of the same moment when there is one. */
export interface RecordedPosition {
  readonly file: string
  readonly pos: number
  readonly gtid?: string
}

/** A task as a whole. */
export interface DmTaskStatus {
  readonly task: string
  readonly found: boolean
  /** Worst of the sources: Error, then Paused, then Unknown, then transitions; Running unless all agree otherwise. */
  readonly stage: DmTaskStage
  /** Largest `secondsBehindMaster` over the sources; undefined when no source reports it. */
  readonly lagSeconds: number | undefined
  readonly sources: readonly DmSourceStatus[]
  /** Every source's errors, tagged with the source. */
  readonly errors: readonly (DmProcessError & { readonly source: string })[]
  /** DM's message when the query itself failed (e.g. the task does not exist); '' otherwise. */
  readonly message: string
  /** Whether every source's syncer has reached or passed the recorded position. */
  passed(recorded: RecordedPosition): boolean
}

/** One task of `query-status` without a task name. */
export interface DmTaskListEntry {
  readonly name: string
  /** As printed, e.g. ``Error - Some error occurred in subtask. Please run `query-status t` to get more details.``. */
  readonly status: string
  readonly stage: DmTaskStage
  readonly sources: readonly string[]
}

const NOT_FOUND = /has no source or not exist/
const STAGES: readonly string[] = [
  'Running',
  'Paused',
  'New',
  'Stopped',
  'Finished',
  'Pausing',
  'Resuming',
  'Stopping'
]

/** Builds the status of `task` from a parsed `query-status <task>`; without `task`, every subtask is taken. */
export function taskStatusFromQuery(out: DmctlOutput, task?: string): DmTaskStatus {
  const sources = out.sources.flatMap((s) => sourceStatuses(s.value, task))
  const name = task ?? sources.map((s) => s.task).find((n) => n !== '') ?? ''
  const notFound =
    (out.result === false && NOT_FOUND.test(out.msg)) ||
    (out.result === true && sources.length === 0)
  const stage: DmTaskStage = notFound
    ? 'NotFound'
    : out.result !== true
      ? 'Unknown'
      : worstStage(sources)
  const lags = sources.map((s) => s.secondsBehindMaster).filter((n): n is number => n !== undefined)
  return {
    task: name,
    found: !notFound && out.result === true,
    stage,
    lagSeconds: lags.length === 0 ? undefined : Math.max(...lags),
    sources,
    errors: sources.flatMap((s) => s.errors.map((e) => ({ ...e, source: s.source }))),
    message: out.ok ? '' : out.error.message,
    passed: (recorded) => sources.length > 0 && sources.every((s) => syncerPassed(s, recorded))
  }
}

/**
 * Whether a source's syncer has reached or passed a recorded position. GTID containment decides when both the
 * recorded and the syncer GTID sets are readable (it survives binlog rotation and failover); otherwise the file
 * sequence numbers, then the offsets, are compared. Unknown means not passed.
 */
export function syncerPassed(source: DmSourceStatus, recorded: RecordedPosition): boolean {
  if (recorded.gtid !== undefined && recorded.gtid.trim() !== '') {
    const contained = gtidSetContains(source.syncerGtid, recorded.gtid)
    if (contained !== undefined) return contained
  }
  if (source.syncerBinlog === undefined) return false
  const order = compareBinlogPositions(source.syncerBinlog, {
    file: recorded.file,
    pos: recorded.pos
  })
  return order !== undefined && order >= 0
}

/** The task list of `query-status` without a task; also derived from the full form dmctl prints when a source fails. */
export function taskListFromQuery(out: DmctlOutput): DmTaskListEntry[] {
  if (out.tasks !== undefined) {
    return out.tasks.map((t) => ({
      name: t.name,
      status: t.status,
      stage: stageOfListStatus(t.status),
      sources: t.sources
    }))
  }
  const byTask = new Map<string, DmSourceStatus[]>()
  for (const s of out.sources.flatMap((e) => sourceStatuses(e.value, undefined))) {
    const name = s.task
    if (name !== '') byTask.set(name, [...(byTask.get(name) ?? []), s])
  }
  return [...byTask].map(([name, subs]) => {
    const stage = worstStage(subs)
    return { name, status: stage, stage, sources: subs.map((s) => s.source) }
  })
}

/** `Running` → Running, `Error - …` → Error, anything unknown → Unknown. */
export function stageOfListStatus(status: string): DmTaskStage {
  if (status.startsWith('Error')) return 'Error'
  return STAGES.includes(status) ? (status as DmTaskStage) : 'Unknown'
}

/** The statuses of one `sources[]` entry: one per subtask (filtered by task), or one bare entry without subtasks. */
function sourceStatuses(entry: JsonRecord, task: string | undefined): DmSourceStatus[] {
  const status = asRecord(entry['sourceStatus'])
  const relay = asRecord(status?.['relayStatus'])
  const base = {
    source: str(entry, 'source') || str(status, 'source'),
    worker: str(entry, 'worker') || str(status, 'worker'),
    result: bool(entry, 'result'),
    msg: str(entry, 'msg'),
    relayStage: str(relay, 'stage'),
    sourceErrors: [...processErrors(status?.['result']), ...processErrors(relay?.['result'])]
  }
  const subtasks = asArray(entry['subTaskStatus'])
    .map(asRecord)
    .filter(
      (s): s is JsonRecord => s !== undefined && (task === undefined || str(s, 'name') === task)
    )
  if (subtasks.length === 0) {
    if (base.result !== false && base.sourceErrors.length === 0) return []
    return [toSourceStatus(base, undefined)]
  }
  return subtasks.map((sub) => toSourceStatus(base, sub))
}

function toSourceStatus(
  base: {
    source: string
    worker: string
    result: boolean | undefined
    msg: string
    relayStage: string
    sourceErrors: DmProcessError[]
  },
  sub: JsonRecord | undefined
): DmSourceStatus {
  const sync = asRecord(sub?.['sync'])
  return {
    source: base.source,
    task: str(sub, 'name'),
    worker: base.worker,
    result: base.result,
    msg: base.msg,
    stage: str(sub, 'stage'),
    unit: str(sub, 'unit'),
    synced: bool(sync, 'synced'),
    masterBinlog: parseBinlogPosition(str(sync, 'masterBinlog')),
    syncerBinlog: parseBinlogPosition(str(sync, 'syncerBinlog')),
    masterGtid: str(sync, 'masterBinlogGtid'),
    syncerGtid: str(sync, 'syncerBinlogGtid'),
    secondsBehindMaster: int(sync, 'secondsBehindMaster'),
    totalEvents: int(sync, 'totalEvents'),
    totalRows: int(sync, 'totalRows'),
    relayStage: base.relayStage,
    errors: [...processErrors(sub?.['result']), ...base.sourceErrors]
  }
}

/** Narrows `ProcessResult.errors[]`. */
function processErrors(result: unknown): DmProcessError[] {
  return asArray(asRecord(result)?.['errors']).flatMap((e) => {
    const rec = asRecord(e)
    if (rec === undefined) return []
    return [
      {
        code: int(rec, 'ErrCode'),
        class: str(rec, 'ErrClass') || str(rec, 'Type'),
        scope: str(rec, 'ErrScope'),
        level: str(rec, 'ErrLevel'),
        message: str(rec, 'Message') || str(rec, 'msg'),
        rawCause: str(rec, 'RawCause'),
        workaround: str(rec, 'Workaround')
      }
    ]
  })
}

/** The task stage from its sources, with dmctl's precedence. */
function worstStage(sources: readonly DmSourceStatus[]): DmTaskStage {
  if (sources.length === 0) return 'NotFound'
  const isError = (s: DmSourceStatus): boolean =>
    (s.stage === 'Paused' && s.errors.length > 0) ||
    (s.unit === 'Sync' &&
      s.stage === 'Running' &&
      (s.relayStage === 'Paused' || s.relayStage === 'Stopped'))
  if (sources.some(isError)) return 'Error'
  if (sources.some((s) => s.stage === 'Paused')) return 'Paused'
  if (sources.some((s) => s.result === false || !STAGES.includes(s.stage))) return 'Unknown'
  const moving = sources.find((s) => ['Pausing', 'Resuming', 'Stopping'].includes(s.stage))
  if (moving !== undefined) return moving.stage as DmTaskStage
  const first = sources[0]?.stage
  if (
    sources.every((s) => s.stage === first) &&
    (first === 'New' || first === 'Stopped' || first === 'Finished')
  ) {
    return first
  }
  return 'Running'
}
