// query-status values built from a worker's state (pure), as DM v8.5 reports a subtask in its Sync unit.
import type { ProcessErrorValue, ProcessResultValue, SubTaskStatusValue } from './pb.js'
import type { Terror } from './terror.js'
import type { WorkerStats } from './worker.js'

/** The source's own position at query time. */
export interface MasterPosition {
  file: string
  pos: number
  gtid: string
}

/** `unit.NewProcessError`. */
export function processError(e: Terror): ProcessErrorValue {
  return {
    ErrCode: e.code,
    ErrClass: e.cls,
    ErrScope: e.scope,
    ErrLevel: e.level,
    Message: e.message,
    RawCause: e.rawCause,
    Workaround: e.workaround
  }
}

/** `(file, pos)` as DM prints positions. */
export function positionText(file: string, pos: number): string {
  return `(${file}, ${pos})`
}

function processResult(s: WorkerStats): ProcessResultValue | null {
  if (s.error) return { isCanceled: false, errors: [processError(s.error)], detail: null }
  // A user pause cancels the sync unit's context: DM reports the cancel without errors.
  if (s.stage === 'Paused' && s.userPaused) return { isCanceled: true, errors: [], detail: null }
  return null
}

/** One `SubTaskStatus`. `now` is in milliseconds. */
export function subTaskStatus(
  name: string,
  s: WorkerStats,
  master: MasterPosition | null,
  now: number
): SubTaskStatusValue {
  const cp = s.checkpoint
  const synced = !!master && master.file === cp.file && master.pos === cp.pos
  const nowSec = Math.floor(now / 1000)
  let lag = 0
  if (!synced) {
    const since = s.pendingSince || s.lastAppliedTs
    lag = since ? Math.max(0, nowSec - since) : 0
  }
  const elapsed = Math.max(1, (now - s.startedAt) / 1000)
  const recentWindow = s.recent.filter((r) => r.t >= now - 10_000)
  const sum = (k: 'events' | 'rows'): number => recentWindow.reduce((a, r) => a + r[k], 0)
  return {
    name,
    stage: s.stage,
    unit: 'Sync',
    result: processResult(s),
    unresolvedDDLLockID: '',
    sync: {
      totalEvents: String(s.totalEvents),
      totalTps: String(Math.floor(s.totalEvents / elapsed)),
      recentTps: String(Math.floor(sum('events') / 10)),
      masterBinlog: master ? positionText(master.file, master.pos) : '',
      masterBinlogGtid: master?.gtid ?? '',
      syncerBinlog: positionText(cp.file, cp.pos),
      syncerBinlogGtid: s.gtid,
      blockingDDLs: [],
      unresolvedGroups: [],
      synced,
      binlogType: 'remote',
      secondsBehindMaster: String(lag),
      blockDDLOwner: '',
      conflictMsg: '',
      totalRows: String(s.totalRows),
      totalRps: String(Math.floor(s.totalRows / elapsed)),
      recentRps: String(Math.floor(sum('rows') / 10))
    },
    validation: null
  }
}
