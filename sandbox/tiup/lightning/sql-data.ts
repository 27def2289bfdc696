// SQL files as Dumpling writes them: schema files (`CREATE DATABASE …;`, `CREATE TABLE …;` after `SET` comments)
// and data files (`INSERT INTO `t` VALUES (…),(…);`). A small lexer splits statements and turns VALUES tuples
// into Datums (numbers stay unquoted, strings are unescaped, x'…' and b'…' become bytes).
import { quoteIdent } from '../sql-text.js'
import { SqlNumber, type Datum } from './datum.js'

/** Splits SQL text into statements (`;` outside quotes and comments), dropping comments-only pieces. */
export function splitStatements(sql: string): string[] {
  const out: string[] = []
  let start = 0
  let i = 0
  const n = sql.length
  while (i < n) {
    const c = sql[i]
    if (c === "'" || c === '"' || c === '`') {
      i++
      while (i < n && sql[i] !== c) {
        if (sql[i] === '\\' && c !== '`') i++
        i++
      }
      i++
      continue
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      i = end < 0 ? n : end + 2
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

class ValueLexer {
  pos: number
  constructor(
    private readonly s: string,
    start: number
  ) {
    this.pos = start
  }

  ws(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos] ?? '')) this.pos++
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
    let out = ''
    this.pos++
    for (;;) {
      const c = this.s[this.pos]
      if (c === undefined) throw new Error('syntax error: unterminated string')
      if (c === '\\') {
        const e = this.s[this.pos + 1] ?? ''
        out += ESCAPES[e] ?? e
        this.pos += 2
        continue
      }
      if (c === q) {
        if (this.s[this.pos + 1] === q) {
          out += q
          this.pos += 2
          continue
        }
        this.pos++
        return out
      }
      out += c
      this.pos++
    }
  }

  value(): Datum {
    this.ws()
    const rest = this.s.slice(this.pos, this.pos + 64)
    const c = this.s[this.pos] ?? ''
    if (c === "'" || c === '"') return this.quoted(c)
    let m = /^[xX]'([0-9a-fA-F]*)'/.exec(rest) ?? /^0x([0-9a-fA-F]+)/.exec(rest)
    if (m) {
      this.pos += m[0].length
      return new Uint8Array(
        Buffer.from((m[1] ?? '').length % 2 ? `0${m[1] ?? ''}` : (m[1] ?? ''), 'hex')
      )
    }
    m = /^[bB]'([01]*)'/.exec(rest)
    if (m) {
      this.pos += m[0].length
      const bits = m[1] ?? ''
      const hex = bits ? BigInt(`0b${bits}`).toString(16) : ''
      return new Uint8Array(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'))
    }
    m = /^_[A-Za-z0-9]+\s*/.exec(rest)
    if (m) {
      this.pos += m[0].length
      return this.value()
    }
    m = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest)
    if (m) {
      this.pos += m[0].length
      return new SqlNumber(m[0])
    }
    m = /^(NULL|TRUE|FALSE)\b/i.exec(rest)
    if (m) {
      this.pos += m[0].length
      const w = (m[1] ?? '').toUpperCase()
      return w === 'NULL' ? null : new SqlNumber(w === 'TRUE' ? '1' : '0')
    }
    throw new Error(`syntax error near '${rest.slice(0, 20)}'`)
  }
}

/** Parses `INSERT [IGNORE] INTO t [(cols)] VALUES (…),(…)` (also REPLACE); undefined for other statements. */
export function parseInsert(stmt: string): InsertRows | undefined {
  const s = stripLeadingComments(stmt)
  const head =
    /^(?:INSERT|REPLACE)\s+(?:IGNORE\s+)?INTO\s+(?:`(?:``|[^`])+`|[\w$]+)(?:\s*\.\s*(?:`(?:``|[^`])+`|[\w$]+))?\s*/i.exec(
      s
    )
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
  const values = /^\s*VALUES\s*/i.exec(s.slice(pos))
  if (!values) throw new Error(`syntax error near '${s.slice(pos, pos + 20)}'`)
  const lex = new ValueLexer(s, pos + values[0].length)
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
