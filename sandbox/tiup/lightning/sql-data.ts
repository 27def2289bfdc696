// SQL files as Dumpling writes them: schema files (`CREATE DATABASE …;`, `CREATE TABLE …;` after `SET` comments)
// and data files (`INSERT INTO `t` VALUES (…),(…);`). A small lexer splits statements and turns VALUES tuples
// into Datums (numbers stay unquoted, strings are unescaped, x'…' and b'…' become bytes).
import { quoteIdent } from '../sql-text.js'
import { SqlNumber, type Datum } from './datum.js'

const SPECIAL = /['"`/#;-]/g

/** Splits SQL text into statements (`;` outside quotes and comments), dropping comments-only pieces. */
export function splitStatements(sql: string): string[] {
  const out: string[] = []
  let start = 0
  let i = 0
  const n = sql.length
  let backslash = -1
  /** Just past the quote closing a string or identifier opened before `from` (a doubled quote reopens). */
  const quoteEnd = (from: number, q: string): number => {
    for (let p = from; ;) {
      const e = sql.indexOf(q, p)
      if (e < 0) return n
      if (q !== '`') {
        if (backslash < p && backslash !== n) backslash = sql.indexOf('\\', p)
        if (backslash < 0) backslash = n
        if (backslash < e) {
          p = backslash + 2
          continue
        }
      }
      return e + 1
    }
  }
  while (i < n) {
    SPECIAL.lastIndex = i
    const m = SPECIAL.exec(sql)
    if (!m) break
    i = m.index
    const c = m[0]
    if (c === "'" || c === '"' || c === '`') {
      i = quoteEnd(i + 1, c)
      continue
    }
    if (c === '/') {
      if (sql[i + 1] === '*') {
        const end = sql.indexOf('*/', i + 2)
        i = end < 0 ? n : end + 2
      } else i++
      continue
    }
    if ((c === '-' && sql[i + 1] === '-' && /\s/.test(sql[i + 2] ?? ' ')) || c === '#') {
      const end = sql.indexOf('\n', i)
      i = end < 0 ? n : end + 1
      continue
    }
    if (c === ';') {
      out.push(sql.slice(start, i))
      start = i + 1
    }
    i++
  }
  out.push(sql.slice(start))
  return out.map((s) => s.trim()).filter((s) => s && !/^(\/\*.*?\*\/\s*)+$/s.test(s))
}

/** Strips leading block comments (other than `/*!` version comments) and line comments from a statement. */
export function stripLeadingComments(stmt: string): string {
  let s = stmt.trimStart()
  for (;;) {
    if (s.startsWith('/*') && !s.startsWith('/*!')) s = s.slice(s.indexOf('*/') + 2).trimStart()
    else if (s.startsWith('--') || s.startsWith('#'))
      s = s.slice(s.indexOf('\n') + 1 || s.length).trimStart()
    else return s
  }
}

const ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' }

/** The rows of one INSERT/REPLACE statement, with its column list if it has one. */
export interface InsertRows {
  readonly columns: readonly string[] | undefined
  readonly rows: Datum[][]
}

const HEX = /[xX]'([0-9a-fA-F]*)'|0x([0-9a-fA-F]+)/y
const BITS = /[bB]'([01]*)'/y
const CHARSET = /_[A-Za-z0-9]+\s*/y
const NUMBER = /[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/y
const WORD = /(NULL|TRUE|FALSE)\b/iy

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11
}

class ValueLexer {
  pos: number
  constructor(
    private readonly s: string,
    start: number
  ) {
    this.pos = start
  }

  ws(): void {
    while (isSpace(this.s.charCodeAt(this.pos))) this.pos++
  }

  expect(c: string): void {
    this.ws()
    if (this.s[this.pos] !== c)
      throw new Error(
        `syntax error near '${this.s.slice(this.pos, this.pos + 20)}': expected '${c}'`
      )
    this.pos++
  }

  quoted(q: string): string {
    const s = this.s
    let out = ''
    let p = this.pos + 1
    let from = p
    for (;;) {
      const c = s[p]
      if (c === undefined) throw new Error('syntax error: unterminated string')
      if (c === '\\') {
        const e = s[p + 1] ?? ''
        out += s.slice(from, p) + (ESCAPES[e] ?? e)
        p += 2
        from = p
      } else if (c === q) {
        if (s[p + 1] !== q) {
          this.pos = p + 1
          return out + s.slice(from, p)
        }
        out += s.slice(from, p + 1)
        p += 2
        from = p
      } else p++
    }
  }

  /** Matches a sticky pattern at the current position. */
  private match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos
    const m = re.exec(this.s)
    if (m) this.pos = re.lastIndex
    return m
  }

  value(): Datum {
    this.ws()
    const c = this.s[this.pos] ?? ''
    if (c === "'" || c === '"') return this.quoted(c)
    let m = this.match(HEX)
    if (m) {
      const h = m[1] ?? m[2] ?? ''
      return new Uint8Array(Buffer.from(h.length % 2 ? `0${h}` : h, 'hex'))
    }
    m = this.match(BITS)
    if (m) {
      const bits = m[1] ?? ''
      const hex = bits ? BigInt(`0b${bits}`).toString(16) : ''
      return new Uint8Array(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'))
    }
    if (this.match(CHARSET)) return this.value()
    m = this.match(NUMBER)
    if (m) return new SqlNumber(m[0])
    m = this.match(WORD)
    if (m) {
      const w = (m[1] ?? '').toUpperCase()
      return w === 'NULL' ? null : new SqlNumber(w === 'TRUE' ? '1' : '0')
    }
    throw new Error(`syntax error near '${this.s.slice(this.pos, this.pos + 20)}'`)
  }
}

const INSERT_HEAD =
  /^(?:INSERT|REPLACE)\s+(?:IGNORE\s+)?INTO\s+(?:`(?:``|[^`])+`|[\w$]+)(?:\s*\.\s*(?:`(?:``|[^`])+`|[\w$]+))?\s*/i
const VALUES = /\s*VALUES\s*/iy

/**
 * The head of `INSERT [IGNORE] INTO t [(cols)] VALUES …` (also REPLACE): the statement without leading comments,
 * its column list if any, and where the first tuple starts; undefined for other statements.
 */
export function parseInsertHead(
  stmt: string
): { s: string; columns: string[] | undefined; valuesAt: number } | undefined {
  const s = stripLeadingComments(stmt)
  const head = INSERT_HEAD.exec(s)
  if (!head) return undefined
  let pos = head[0].length
  let columns: string[] | undefined
  if (s[pos] === '(') {
    const end = s.indexOf(')', pos)
    columns = s
      .slice(pos + 1, end)
      .split(',')
      .map((c) => c.trim().replace(/^`|`$/g, '').replace(/``/g, '`'))
    pos = end + 1
  }
  VALUES.lastIndex = pos
  if (!VALUES.exec(s)) throw new Error(`syntax error near '${s.slice(pos, pos + 20)}'`)
  return { s, columns, valuesAt: VALUES.lastIndex }
}

/** Parses `INSERT [IGNORE] INTO t [(cols)] VALUES (…),(…)` (also REPLACE); undefined for other statements. */
export function parseInsert(stmt: string): InsertRows | undefined {
  const head = parseInsertHead(stmt)
  if (!head) return undefined
  const { s, columns } = head
  const lex = new ValueLexer(s, head.valuesAt)
  const rows: Datum[][] = []
  for (;;) {
    lex.expect('(')
    const row: Datum[] = []
    for (;;) {
      row.push(lex.value())
      lex.ws()
      if (s[lex.pos] === ',') {
        lex.pos++
        continue
      }
      lex.expect(')')
      break
    }
    rows.push(row)
    lex.ws()
    if (s[lex.pos] !== ',') break
    lex.pos++
  }
  return { columns, rows }
}

/** The first `CREATE DATABASE|SCHEMA` / `CREATE TABLE` / `CREATE VIEW` statement of a schema file. */
export function findCreate(sql: string, kind: 'database' | 'table' | 'view'): string | undefined {
  const re =
    kind === 'database'
      ? /^CREATE\s+(DATABASE|SCHEMA)\b/i
      : kind === 'table'
        ? /^CREATE\s+(?:TEMPORARY\s+)?TABLE\b/i
        : /^CREATE\s+(?:OR\s+REPLACE\s+)?(?:ALGORITHM\s*=\s*\w+\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:SQL\s+SECURITY\s+\w+\s+)?VIEW\b/i
  return splitStatements(sql)
    .map(stripLeadingComments)
    .find((s) => re.test(s))
}

/** Rewrites `CREATE TABLE [IF NOT EXISTS] name (…)` to create `db`.`table` if it does not exist. */
export function rewriteCreateTable(stmt: string, db: string, table: string): string {
  return stmt.replace(
    /^CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:(?:`(?:``|[^`])+`|[\w$]+)\s*\.\s*)?(?:`(?:``|[^`])+`|[\w$]+)/i,
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(db)}.${quoteIdent(table)}`
  )
}

/** Rewrites `CREATE DATABASE name …` to `CREATE DATABASE IF NOT EXISTS `db` …`. */
export function rewriteCreateDatabase(stmt: string, db: string): string {
  return stmt.replace(
    /^CREATE\s+(?:DATABASE|SCHEMA)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:`(?:``|[^`])+`|[\w$]+)/i,
    `CREATE DATABASE IF NOT EXISTS ${quoteIdent(db)}`
  )
}

const VIEW_HEAD =
  /^(CREATE\s+(?:OR\s+REPLACE\s+)?(?:ALGORITHM\s*=\s*\w+\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:SQL\s+SECURITY\s+\w+\s+)?VIEW\s+)(?:(?:`(?:``|[^`])+`|[\w$]+)\s*\.\s*)?(?:`(?:``|[^`])+`|[\w$]+)/i

/**
 * A statement of a `-schema-view.sql` file as Lightning runs it (pkg/lightning/mydump/schema_import.go
 * createIfNotExistsStmt): `DROP TABLE`/`DROP VIEW` get IF EXISTS and, like `CREATE VIEW`, the view's own
 * `db`.`name`; anything else (the SET statements around the view) runs as written.
 */
export function rewriteViewStatement(stmt: string, db: string, view: string): string {
  const s = stripLeadingComments(stmt)
  const name = `${quoteIdent(db)}.${quoteIdent(view)}`
  const drop = /^DROP\s+(TABLE|VIEW)\b/i.exec(s)
  if (drop) return `DROP ${(drop[1] ?? '').toUpperCase()} IF EXISTS ${name}`
  return VIEW_HEAD.test(s) ? s.replace(VIEW_HEAD, `$1${name}`) : stmt
}
