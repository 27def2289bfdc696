// How much the source wrote between two binlog coordinates — here, between the position recorded before the
// snapshot (SHOW MASTER STATUS) and the snapshot's own position (the `Binlog position from crash recovery` event).
// Those writes are in the export AND after the recorded position, so DM replays them: that is the overlap its safe
// mode must absorb (PingCAP's documented procedure turns on DM's safe-mode for this overlap). Read with SHOW BINLOG
// EVENTS (REPLICATION SLAVE on MySQL, BINLOG MONITOR / REPLICATION CLIENT on MariaDB), page by page, up to a bound.
import type mysql from 'mysql2/promise'

/** A binlog coordinate. */
export interface BinlogCoordinate {
  readonly file: string
  readonly position: number
}

/** What lies between two coordinates. */
export interface BinlogSpan {
  /** Binlog events read. */
  readonly events: number
  /** Row events (`Write_rows`, `Update_rows`, `Delete_rows`, `_v1` in MariaDB): each changes one or more rows. */
  readonly rowEvents: number
  /** Committed transactions (`Xid` events, and `COMMIT` queries of non-transactional writes). */
  readonly transactions: number
  /** False when the bound was reached first: the numbers are then lower bounds. */
  readonly complete: boolean
}

/** One row of SHOW BINLOG EVENTS, as far as counting needs it. */
export interface BinlogEventRow {
  readonly pos: number
  readonly endPos: number
  readonly type: string
  readonly info: string
}

const ROW_EVENT = /^(?:Write|Update|Delete)_rows/
const PAGE = 1000

/** Reads a SHOW BINLOG EVENTS row (columns Log_name, Pos, Event_type, Server_id, End_log_pos, Info). */
export function binlogEventRow(row: Record<string, unknown>): BinlogEventRow {
  return {
    pos: Number(row['Pos']),
    endPos: Number(row['End_log_pos']),
    type: typeof row['Event_type'] === 'string' ? row['Event_type'] : '',
    info: typeof row['Info'] === 'string' ? row['Info'] : ''
  }
}

/** A running tally; pure. */
export class BinlogTally {
  events = 0
  rowEvents = 0
  transactions = 0

  /** Counts one event. */
  add(e: BinlogEventRow): void {
    this.events++
    if (ROW_EVENT.test(e.type)) this.rowEvents++
    else if (e.type === 'Xid' || (e.type === 'Query' && /^\s*COMMIT\b/i.test(e.info)))
      this.transactions++
  }

  /** The span so far. */
  span(complete: boolean): BinlogSpan {
    const { events, rowEvents, transactions } = this
    return { events, rowEvents, transactions, complete }
  }
}

/**
 * Counts the events from `from` (inclusive) to `to` (exclusive), across binlog files.
 * @param conn a connection to the source
 * @param maxEvents stop after this many events (the span is then marked incomplete)
 * @throws when a file of the range is no longer on the source (purged) or `to` comes before `from`
 */
export async function countBinlogEvents(
  conn: mysql.Connection,
  from: BinlogCoordinate,
  to: BinlogCoordinate,
  maxEvents = 100_000
): Promise<BinlogSpan> {
  const [logs] = await conn.query('SHOW BINARY LOGS')
  const files = (logs as Record<string, unknown>[]).map((r) => String(r['Log_name']))
  const first = files.indexOf(from.file)
  const last = files.indexOf(to.file)
  if (first < 0 || last < 0) {
    const gone = first < 0 ? from.file : to.file
    throw new Error(`binlog file ${gone} is no longer on the source (SHOW BINARY LOGS)`)
  }
  if (last < first || (last === first && to.position < from.position))
    throw new Error(`${to.file}:${to.position} comes before ${from.file}:${from.position}`)
  const tally = new BinlogTally()
  for (const file of files.slice(first, last + 1)) {
    let pos = file === from.file ? from.position : 4
    for (;;) {
      const [rows] = await conn.query('SHOW BINLOG EVENTS IN ? FROM ? LIMIT ?', [file, pos, PAGE])
      const events = (rows as Record<string, unknown>[]).map(binlogEventRow)
      for (const e of events) {
        if (file === to.file && e.pos >= to.position) return tally.span(true)
        tally.add(e)
        if (tally.events >= maxEvents) return tally.span(false)
      }
      const end = events[events.length - 1]?.endPos
      if (events.length < PAGE || end === undefined || end <= pos) break
      pos = end
    }
  }
  return tally.span(true)
}
