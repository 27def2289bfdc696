// Parser for the text `mariadb-binlog --read-from-remote-server --verbose --verbose --base64-output=decode-rows`
// prints (MariaDB 10.11), verified against MariaDB 10.11's mariadb-binlog. Each event starts with
//   # at <pos>
//   #<yymmdd hh:mm:ss> server id <id>  end_log_pos <end> CRC32 0x…  <Type …>
// followed by SQL (Query events, terminated by the delimiter `/*!*/;`) or by `###` pseudo-SQL for row events:
//   ### UPDATE `db`.`t`
//   ### WHERE
//   ###   @1=5 /* INT meta=0 nullable=0 is_null=0 */
//   ### SET
//   ###   @1=6 /* INT meta=0 nullable=0 is_null=0 */
// Lines are handled as latin1 so that every byte of a string value survives: mariadb-binlog prints string bytes
// raw, except bytes below 0x20 which it writes as `\xNN`. Identifiers are printed raw too (UTF-8 bytes, a newline in
// a name breaks the `### INSERT INTO` line in two), so names are decoded from UTF-8 and a row header is joined across
// lines until its backticks balance.
// (`# at` is a running counter when started from a GTID; `end_log_pos` is always the real file offset.)

/** One column value of a row image as printed. */
export interface BinlogValue {
  /** 1-based column number (`@N`). */
  readonly index: number
  /** The value text (for quoted values: the bytes between the quotes, as latin1). */
  readonly text: string
  /** Whether the value was printed quoted. */
  readonly quoted: boolean
  /** The value printed in parentheses after a negative integer (its unsigned reading). */
  readonly unsigned?: string
  /** Type from the comment: `LONGINT`, `VARSTRING(200)`, `DECIMAL(20,6)`, `DATETIME(6)`, `BLOB/TEXT`, … */
  readonly type: string
  readonly isNull: boolean
}

/** A row change: `before` for UPDATE/DELETE, `after` for INSERT/UPDATE. */
export interface RowChange {
  readonly before?: BinlogValue[]
  readonly after?: BinlogValue[]
}

/** Events the worker acts on. Positions are `end_log_pos` (the offset after the event). */
export type BinlogEvent =
  | { readonly kind: 'rotate'; readonly file: string; readonly pos: number }
  | {
      readonly kind: 'gtid'
      readonly gtid: string
      readonly flags: string
      readonly endPos: number
      readonly ts: number
    }
  | {
      readonly kind: 'query'
      /** Default database (`use`), '' when none. */
      readonly db: string
      /** The statement that is not session bookkeeping (BEGIN, COMMIT, DDL…), as latin1 bytes. */
      readonly sql: string
      /** `end_log_pos` of the event before: where DM's start location of this event is. */
      readonly startPos: number
      readonly endPos: number
      readonly ts: number
    }
  | {
      readonly kind: 'rows'
      readonly op: 'insert' | 'update' | 'delete'
      readonly db: string
      readonly table: string
      readonly rows: RowChange[]
      /** `end_log_pos` of the event before (the Table_map): where DM's start location of this event is. */
      readonly startPos: number
      readonly endPos: number
      readonly ts: number
    }
  | { readonly kind: 'xid'; readonly endPos: number; readonly ts: number }

const HEADER =
  /^#(\d{2})(\d{2})(\d{2})\s+(\d{1,2}):(\d{2}):(\d{2}) server id \d+\s+end_log_pos (\d+)(?: CRC32 0x[0-9a-f]+)?\s+(.*)$/
const VALUE = /^###\s+@(\d+)=(.*) \/\* (.+?) meta=\d+ nullable=\d is_null=(\d) \*\/$/
const ROW_START = /^### (INSERT INTO|UPDATE|DELETE FROM) `((?:[^`]|``)*)`\.`((?:[^`]|``)*)`$/
const ROW_HEAD = /^### (INSERT INTO|UPDATE|DELETE FROM) `/
const DELIMITER = '/*!*/;'

/** A printed identifier (latin1 text of raw UTF-8 bytes, backticks doubled) as the name it is. */
function unquoteIdent(s: string): string {
  return Buffer.from(s.replace(/``/g, '`'), 'latin1').toString('utf8')
}

/** Whether a row header line is cut short by a newline inside a name (an odd number of backticks). */
function unbalanced(line: string): boolean {
  return (line.match(/`/g)?.length ?? 0) % 2 === 1
}

/** Decodes a value line; exported for tests. */
export function parseValueLine(line: string): BinlogValue | undefined {
  const m = VALUE.exec(line)
  if (!m) return undefined
  const raw = m[2] ?? ''
  const type = m[3] ?? ''
  const isNull = m[4] === '1'
  if (raw.startsWith("'") && !isNull) {
    // Quoted: everything up to the closing quote before the type comment is the value, quotes included as bytes.
    const end = raw.lastIndexOf("'")
    return { index: Number(m[1]), text: raw.slice(1, end), quoted: true, type, isNull }
  }
  const trimmed = raw.trimEnd()
  const u = /^(-?\d+) \((\d+)\)$/.exec(trimmed)
  if (u) {
    return {
      index: Number(m[1]),
      text: u[1] ?? '',
      unsigned: u[2] ?? '',
      quoted: false,
      type,
      isNull
    }
  }
  return { index: Number(m[1]), text: trimmed, quoted: false, type, isNull }
}

/** Turns a quoted value's text back into its bytes: `\xNN` (NN < 0x20) is the only escape mariadb-binlog writes. */
export function valueBytes(text: string): Buffer {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5c && /^\\x[01][0-9a-f]/.test(text.slice(i, i + 4))) {
      out.push(parseInt(text.slice(i + 2, i + 4), 16))
      i += 3
    } else out.push(c & 0xff)
  }
  return Buffer.from(out)
}

/** Incremental parser: feed it lines (latin1, without newline); it returns the events they complete. */
export class BinlogTextParser {
  private ts = 0
  private endPos = 0
  private prevEndPos = 0
  /** A row header waiting for the rest of a name that holds a newline. */
  private partial: string | null = null
  private mode: 'none' | 'query' | 'rows' = 'none'
  private db = ''
  private stmt: string[] = []
  private mainSql = ''
  private rows: {
    op: 'insert' | 'update' | 'delete'
    db: string
    table: string
    rows: RowChange[]
  } | null = null
  private image: 'before' | 'after' = 'after'

  /** Processes one line. */
  push(line: string): BinlogEvent[] {
    const out: BinlogEvent[] = []
    if (line.startsWith('# at ') || line.startsWith('DELIMITER') || line === '# End of log file') {
      this.flush(out)
      return out
    }
    const h = HEADER.exec(line)
    if (h) {
      this.flush(out)
      this.header(h, out)
      return out
    }
    if (this.mode === 'query') this.queryLine(line)
    else if (this.mode === 'rows') this.rowLine(line)
    return out
  }

  /** Ends the current event (call when the stream ends). */
  end(): BinlogEvent[] {
    const out: BinlogEvent[] = []
    this.flush(out)
    return out
  }

  private header(h: RegExpExecArray, out: BinlogEvent[]): void {
    const n = (i: number): number => Number(h[i])
    this.ts = Math.floor(Date.UTC(2000 + n(1), n(2) - 1, n(3), n(4), n(5), n(6)) / 1000)
    this.prevEndPos = this.endPos
    this.endPos = n(7)
    const body = h[8] ?? ''
    let m: RegExpExecArray | null
    if ((m = /^Rotate to (\S+)\s+pos: (\d+)/.exec(body))) {
      out.push({ kind: 'rotate', file: m[1] ?? '', pos: Number(m[2]) })
    } else if ((m = /^GTID (\d+-\d+-\d+)\s*(.*)$/.exec(body))) {
      out.push({
        kind: 'gtid',
        gtid: m[1] ?? '',
        flags: m[2] ?? '',
        endPos: this.endPos,
        ts: this.ts
      })
    } else if (body.startsWith('Query')) {
      this.mode = 'query'
      this.stmt = []
      this.mainSql = ''
    } else if (/^(Write|Update|Delete)_rows(_compressed)?(_v1)?:/.test(body)) {
      this.mode = 'rows'
      this.rows = null
    } else if (body.startsWith('Xid =')) {
      out.push({ kind: 'xid', endPos: this.endPos, ts: this.ts })
    }
  }

  private queryLine(line: string): void {
    const done = line.endsWith(DELIMITER)
    this.stmt.push(done ? line.slice(0, -DELIMITER.length) : line)
    if (!done) return
    const sql = this.stmt.join('\n').trim()
    this.stmt = []
    const use = /^use `((?:[^`]|``)*)`$/i.exec(sql)
    if (use) this.db = unquoteIdent(use[1] ?? '')
    else if (/^SET TIMESTAMP=(\d+)/.test(sql))
      this.ts = Number(/^SET TIMESTAMP=(\d+)/.exec(sql)?.[1])
    else if (/^(SET |\/\*!\\C |\/\*M?!\d* ?SET )/i.test(sql) || sql === '') return
    else this.mainSql = sql
  }

  private rowLine(text: string): void {
    const line = this.partial === null ? text : `${this.partial}\n${text}`
    this.partial = null
    if (ROW_HEAD.test(line) && unbalanced(line)) {
      this.partial = line
      return
    }
    const start = ROW_START.exec(line)
    if (start) {
      const op = start[1] === 'INSERT INTO' ? 'insert' : start[1] === 'UPDATE' ? 'update' : 'delete'
      const db = unquoteIdent(start[2] ?? '')
      const table = unquoteIdent(start[3] ?? '')
      if (!this.rows || this.rows.db !== db || this.rows.table !== table || this.rows.op !== op)
        this.rows = { op, db, table, rows: [] }
      this.rows.rows.push({})
      this.image = op === 'insert' ? 'after' : 'before'
      return
    }
    if (line === '### WHERE') this.image = 'before'
    else if (line === '### SET') this.image = 'after'
    else if (line.startsWith('###')) {
      const v = parseValueLine(line)
      const row = this.rows?.rows[this.rows.rows.length - 1] as
        { before?: BinlogValue[]; after?: BinlogValue[] } | undefined
      if (!v || !row) return
      ;(row[this.image] ??= []).push(v)
    }
  }

  private flush(out: BinlogEvent[]): void {
    if (this.mode === 'query' && this.mainSql) {
      const { db, mainSql: sql, prevEndPos: startPos, endPos, ts } = this
      out.push({ kind: 'query', db, sql, startPos, endPos, ts })
    } else if (this.mode === 'rows' && this.rows && this.rows.rows.length) {
      out.push({
        kind: 'rows',
        ...this.rows,
        startPos: this.prevEndPos,
        endPos: this.endPos,
        ts: this.ts
      })
    }
    this.mode = 'none'
    this.rows = null
    this.partial = null
    this.mainSql = ''
    this.stmt = []
  }
}
