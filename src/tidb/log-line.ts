// One line of PingCAP tool output (Lightning, Dumpling, DM), parsed without ever throwing.
//
// The zap text format of pingcap/log's text encoder (pingcap/log zap_text_encoder.go):
//   [2022/12/31 19:30:49.653 +08:00] [INFO] [restore.go:476] ["the whole procedure completed"] [takeTime=20m24s] []
// A message, key or value is quoted only when it holds a space, a control byte or one of `\ " [ ] =`; inside quotes
// `"` and `\` are backslash-escaped and newlines are `\n`. Skipped fields print as an empty `[]`.
//
// Lines captured from public CI logs, issues and docs are damaged in ways the parser tolerates: CI timestamp prefixes
// (`[2021-03-03T12:47:42.790Z] `), docker-compose prefixes (`svc-0  | `), list indentation, a stray backquote,
// docs that drop the timestamp (`[INFO] [x.go:1] …`), typographic quotes “ ”, markdown `**` between fields, lines
// cut at terminal width (unterminated quotes), and the 2019 plain-text format
// (`2019/04/19 10:57:24.508  [info] progress: …`).

import type { TableName } from '../table-filter/table-name.js'

/** Which shape the line had. `plain` is anything else (stdout text, tables, stack lines). */
export type LogFormat = 'zap' | 'text' | 'plain'

/** A parsed line. Fields keep the last value of a repeated key. */
export interface LogLine {
  readonly format: LogFormat
  /** The timestamp as printed (`2022/12/31 19:30:49.653 +08:00`), when the line has one. */
  readonly time: string | undefined
  /** Upper-cased level (`INFO`, `WARN`, `ERROR`, `DEBUG`, `FATAL`), when the line has one. */
  readonly level: string | undefined
  /** `file.go:line`, when the line has one. */
  readonly caller: string | undefined
  /** The unquoted message; for plain lines the whole (prefix-stripped) line. */
  readonly message: string
  /** Unquoted field values by unquoted key. A null-prototype object, so any key is safe. */
  readonly fields: Readonly<Record<string, string>>
  /** The line ended inside a quoted string or before a closing bracket (a cut or truncated line). */
  readonly truncated: boolean
}

const CI_PREFIX = /^\[\d{4}-\d\d-\d\dT[^\]]{0,40}\] ?/
const DOCKER_PREFIX = /^[A-Za-z0-9][\w.-]*\s+\| /

/**
 * Removes what CI systems, docker-compose, markdown and terminals add around a tool's line: leading indentation,
 * a stray backquote, `[2021-03-03T12:47:42.790Z] `, `service-0  | `, and trailing padding or `\r`.
 */
export function stripLinePrefix(line: string): string {
  let s = line
  const first = s.charCodeAt(0)
  if (first === 0x20 || first === 0x09 || first === 0x60 /* ` */) {
    s = s.trimStart()
    if (s.charCodeAt(0) === 0x60) s = s.slice(1)
  }
  // A zap time is `[2006/01/02 …`; a CI prefix is `[2006-01-02T…`: position 5 tells them apart cheaply.
  if (s.charCodeAt(0) === 0x5b && s.charCodeAt(5) === 0x2d) s = s.replace(CI_PREFIX, '')
  else if (s.charCodeAt(0) !== 0x5b && s.includes(' | ')) s = s.replace(DOCKER_PREFIX, '')
  const last = s.charCodeAt(s.length - 1)
  if (last === 0x20 || last === 0x0d || last === 0x09) s = s.trimEnd()
  return s
}

/** Replaces typographic double quotes (pasted logs) with ASCII ones. */
export function normaliseQuotes(s: string): string {
  return s.includes('\u201c') || s.includes('\u201d') ? s.replace(/[\u201c\u201d]/g, '"') : s
}

function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw
  return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_all, e: string) => {
    switch (e) {
      case 'n':
        return '\n'
      case 't':
        return '\t'
      case 'r':
        return '\r'
      case '"':
      case '\\':
        return e
      default:
        return e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : `\\${e}`
    }
  })
}

/** Cursor over one line. `cut` is set when the line ends inside a token. */
class Scanner {
  i = 0
  cut = false
  constructor(readonly s: string) {}

  /** Reads a token ending at one of `stops` (or the end of the line); quoted tokens end at their closing quote. */
  token(stops: string): string {
    const s = this.s
    if (s.charCodeAt(this.i) === 0x22) {
      let j = this.i + 1
      while (j < s.length) {
        const c = s.charCodeAt(j)
        if (c === 0x5c) j += 2
        else if (c === 0x22) break
        else j++
      }
      const raw = s.slice(this.i + 1, Math.min(j, s.length))
      if (j >= s.length) this.cut = true
      this.i = Math.min(j + 1, s.length)
      return unescape(raw)
    }
    let j = this.i
    while (j < s.length && !stops.includes(s[j] ?? '')) j++
    const raw = s.slice(this.i, j)
    this.i = j
    return raw
  }

  /** Consumes `c` if it is next. */
  eat(c: string): boolean {
    if (this.s[this.i] !== c) return false
    this.i++
    return true
  }

  /** Skips to the next `[` (past spaces, markdown `**` and other junk); false at the end of the line. */
  toBracket(): boolean {
    const j = this.s.indexOf('[', this.i)
    if (j < 0) return false
    this.i = j + 1
    return true
  }
}

const LEVEL = /^[A-Za-z]{4,6}$/

function plain(line: string): LogLine {
  return {
    format: 'plain',
    time: undefined,
    level: undefined,
    caller: undefined,
    message: line,
    fields: Object.create(null) as Record<string, string>,
    truncated: false
  }
}

function parseFields(sc: Scanner, fields: Record<string, string>): void {
  while (!sc.cut && sc.toBracket()) {
    if (sc.eat(']')) continue // a skipped field: `[]`
    const key = sc.token('=]')
    const value = sc.eat('=') ? sc.token(']') : ''
    fields[key] = value
    if (!sc.cut && !sc.eat(']')) {
      sc.cut = true
      return
    }
  }
}

function parseZap(s: string): LogLine | undefined {
  const sc = new Scanner(s)
  sc.i = 1
  let time: string | undefined
  let first = sc.token(']')
  if (/^\d{4}\/\d\d\/\d\d/.test(first)) {
    time = first
    if (!sc.eat(']') || !sc.toBracket()) return undefined
    first = sc.token(']')
  }
  if (!LEVEL.test(first) || !sc.eat(']') || !sc.toBracket()) return undefined
  let caller: string | undefined
  // The caller is never quoted; a quoted token here is the message of a line without a caller.
  if (s[sc.i] !== '"') {
    const token = sc.token(']')
    if (!sc.eat(']')) return undefined
    if (sc.s.startsWith(' [', sc.i) || sc.i >= s.length) {
      caller = token
      if (!sc.toBracket()) {
        return { ...plain(s), format: 'zap', time, level: first.toUpperCase(), caller, message: '' }
      }
    } else {
      return undefined
    }
  }
  const message = sc.token(']')
  const fields = Object.create(null) as Record<string, string>
  let truncated = sc.cut
  if (!truncated && !sc.eat(']')) truncated = true
  if (!truncated) {
    parseFields(sc, fields)
    truncated = sc.cut
  }
  return { format: 'zap', time, level: first.toUpperCase(), caller, message, fields, truncated }
}

const TEXT_2019 = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)?)\s+\[([a-zA-Z]+)\]\s?(.*)$/s

/**
 * Parses one line of tool output. Never throws: unknown shapes come back as `plain` with the whole line as the
 * message.
 */
export function parseLogLine(line: string): LogLine {
  const s = normaliseQuotes(stripLinePrefix(line))
  if (s.charCodeAt(0) === 0x5b) return parseZap(s) ?? plain(s)
  const c = s.charCodeAt(0)
  if (c >= 0x30 && c <= 0x39) {
    const m = TEXT_2019.exec(s)
    if (m) {
      return {
        ...plain(m[3] ?? ''),
        format: 'text',
        time: m[1],
        level: (m[2] ?? '').toUpperCase()
      }
    }
  }
  return plain(s)
}

/** `` `db`.`tbl` `` (backticks doubled inside names) or `db.tbl` → its parts; undefined when it is neither. */
export function parseQualifiedName(text: string): TableName | undefined {
  const quoted = /^`((?:[^`]|``)*)`\.`((?:[^`]|``)*)`$/.exec(text)
  if (quoted) {
    return {
      database: (quoted[1] ?? '').replace(/``/g, '`'),
      table: (quoted[2] ?? '').replace(/``/g, '`')
    }
  }
  const dot = text.indexOf('.')
  if (dot <= 0 || dot === text.length - 1 || text.includes('`')) return undefined
  return { database: text.slice(0, dot), table: text.slice(dot + 1) }
}

/** Where a zap line's level and message start. Reused between lines so the hot path allocates nothing. */
export interface ZapHead {
  levelAt: number
  messageAt: number
}

/**
 * Finds the level and message of a zap line (`s` starts with `[`) with a few `indexOf` calls, so monitors can
 * skip uninteresting lines without parsing them. False when the line is not zap-shaped.
 */
export function locateZapHead(s: string, out: ZapHead): boolean {
  let p = 1
  const c1 = s.charCodeAt(1)
  if (c1 >= 0x30 && c1 <= 0x39) {
    const end = s.indexOf('] [', 1)
    if (end < 0) return false
    p = end + 3
  }
  const levelEnd = s.indexOf(']', p)
  const c = s.charCodeAt(p)
  if (levelEnd - p < 4 || levelEnd - p > 6 || c < 0x41 || c > 0x5a) return false
  out.levelAt = p
  if (s.charCodeAt(levelEnd + 1) !== 0x20 || s.charCodeAt(levelEnd + 2) !== 0x5b) return false
  let m = levelEnd + 3
  const q = s.charCodeAt(m)
  if (q !== 0x22 && q !== 0x201c) {
    // The caller (`file.go:123`); the message follows it.
    const callerEnd = s.indexOf('] [', m)
    if (callerEnd < 0) return false
    m = callerEnd + 3
  }
  out.messageAt = m
  return true
}

/** Whether the level at `at` (from locateZapHead) is ERROR, FATAL or PANIC. */
export function isErrorLevelAt(s: string, at: number): boolean {
  const c = s.charCodeAt(at)
  return (
    (c === 0x45 && s.startsWith('ERROR]', at)) ||
    (c === 0x46 && s.startsWith('FATAL]', at)) ||
    (c === 0x50 && s.startsWith('PANIC]', at))
  )
}

/**
 * A copy of `s` that does not keep its source alive. V8 represents a slice of a long string as a view of it, so a
 * table name kept from a line keeps the whole 1 MiB read chunk the line came from; a report that accumulates
 * values over a long log must store copies. JSON round-tripping copies exactly (lone surrogates included).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string)
}
