// The errors a DM v8.5 sync unit pauses with when applying a change fails, built as pingcap/tiflow (release-8.5)
// builds them, and whether DM-worker resumes the subtask by itself afterwards:
// - a DML the target refuses: dm/pkg/conn/baseconn.go ExecuteSQLWithIgnoreError wraps the driver error as
//   `ErrDBExecuteFailed.Delegate(err, query)` (query with `?` placeholders, as pkg/sqlmodel generates it);
// - a table the schema tracker cannot find downstream: dm/syncer/syncer.go trackTableInfoFromDownstream raises
//   `ErrSchemaTrackerCannotFetchDownstreamTable.Delegate(err, targetTable, sourceTable)` from `SHOW CREATE TABLE`,
//   and handleRowsEvent scopes it `downstream`;
// - a DDL the target refuses: the DDL worker's `ErrDBExecuteFailed`, scoped `downstream`, with the origin SQL.
// dm/syncer/syncer.go handleEventError then annotates every one of them with the event's locations
// (`startLocation: [%s], endLocation: [%s]`, binlog.Location.String: `position: (file, pos), gtid-set: …`);
// Delegate keeps the root cause, so RawCause is the target's own error text.
import { annotate, delegate, ERR, withScope, type Terror } from './terror.js'

/** A binlog location as DM tracks it: file, position and the GTID set at that point. */
export interface Location {
  readonly file: string
  readonly pos: number
  readonly gtid: string
}

/** `binlog.Location.String()` (dm/pkg/binlog/position.go). */
export function locationText(l: Location): string {
  return `position: (${l.file}, ${l.pos}), gtid-set: ${l.gtid}`
}

/** `Syncer.handleEventError`: the error annotated with where the event starts and ends. */
export function eventError(e: Terror, start: Location, end: Location, originSql = ''): Terror {
  const where = `startLocation: [${locationText(start)}], endLocation: [${locationText(end)}]`
  return annotate(e, originSql ? `${where}, origin SQL: [${originSql}]` : where)
}

/** A DML the target refused (`rawCause` is the driver's `Error 1146 (42S02): …`). */
export function dmlExecuteError(
  rawCause: string,
  query: string,
  start: Location,
  end: Location
): Terror {
  return eventError(delegate(ERR.DBExecuteFailed, rawCause, query), start, end)
}

/** The schema tracker could not read a table's definition from the target. */
export function fetchDownstreamError(
  rawCause: string,
  table: string,
  start: Location,
  end: Location
): Terror {
  const e = delegate(ERR.SchemaTrackerCannotFetchDownstreamTable, rawCause, table, table)
  return eventError(withScope(e, 'downstream'), start, end)
}

/** A DDL the target refused. */
export function ddlExecuteError(
  rawCause: string,
  ddl: string,
  start: Location,
  end: Location
): Terror {
  return eventError(
    withScope(delegate(ERR.DBExecuteFailed, rawCause, ddl), 'downstream'),
    start,
    end,
    ddl
  )
}

// dm/pkg/retry/errors.go: raw causes DM-worker never resumes from by itself.
const UNRESUMABLE_CAUSES = [
  "can't drop column with index",
  'with tidb_enable_change_multi_schema is disable',
  'unsupported add column',
  'unsupported modify column',
  'unsupported modify charset',
  'unsupported modify collate',
  'unsupported drop integer primary key',
  'Unsupported collation',
  'Invalid default value for',
  'Unsupported drop primary key',
  'Error 1059',
  'Error 1117',
  'Error 1069',
  'Error 1062',
  'Error 1406',
  'Error 1366',
  'Error 8025',
  'Could not find first log file name in binary log index file',
  'The slave is connecting using CHANGE MASTER TO MASTER_AUTO_POSITION = 1, but the master has purged binary logs containing GTIDs that the slave requires'
].map((m) => m.toLowerCase())

/** `unit.IsResumableError` (dm/unit/unit.go) for the errors the sandbox raises: decided on RawCause alone. */
export function isResumableError(e: Terror): boolean {
  const cause = e.rawCause.toLowerCase()
  return !UNRESUMABLE_CAUSES.some((m) => cause.includes(m))
}

/** DM-worker's checker defaults (dm/config/checker_config.go). */
export const CHECKER = {
  intervalMs: 5_000,
  backoffMinMs: 1_000,
  backoffMaxMs: 5 * 60_000,
  backoffRollbackMs: 5 * 60_000,
  factor: 2
} as const

/** What the checker does with a subtask on one tick. */
export type ResumeStrategy = 'ignore' | 'no-sense' | 'skip' | 'dispatch'

/**
 * A subtask's auto-resume state (dm/worker/task_checker.go AutoResumeInfo with dm/pkg/backoff, jitter on): a
 * subtask paused by a resumable error is resumed when the backoff since the last resume has passed; the backoff
 * doubles (to 5 min) on every resume and steps back after 5 min without an error pause.
 */
export class AutoResume {
  private cwnd = 0
  private latestResume: number
  private latestPaused: number

  constructor(
    now: number,
    private readonly random: () => number = Math.random
  ) {
    this.latestResume = now
    this.latestPaused = now
  }

  /** `Backoff.Current()`: min·factor^cwnd, jittered into its upper half, at most max. */
  current(): number {
    const d = CHECKER.backoffMinMs * CHECKER.factor ** this.cwnd
    const jittered = d <= CHECKER.backoffMinMs ? d : d / 2 + this.random() * (d / 2)
    return Math.min(jittered, CHECKER.backoffMaxMs)
  }

  /** `CheckResumeSubtask` + `update`; on 'dispatch' the caller resumes and calls `resumed`. */
  check(paused: { error: Terror | null; userPaused: boolean } | null, now: number): ResumeStrategy {
    let strategy: ResumeStrategy
    if (!paused || !paused.error || paused.userPaused) strategy = 'ignore'
    else if (!isResumableError(paused.error)) strategy = 'no-sense'
    else if (now - this.latestResume < this.current()) strategy = 'skip'
    else strategy = 'dispatch'
    if (strategy !== 'ignore') this.latestPaused = now
    else if (now - this.latestPaused > CHECKER.backoffRollbackMs) {
      if (this.cwnd > 0) this.cwnd--
      this.latestPaused = now
    }
    return strategy
  }

  /** After a dispatched resume: `LatestResumeTime = now`, `Backoff.BoundaryForward()`. */
  resumed(now: number): void {
    this.latestResume = now
    if (this.current() < CHECKER.backoffMaxMs) this.cwnd++
  }
}
