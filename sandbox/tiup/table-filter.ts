// The table-filter syntax shared by Dumpling `-f` and Lightning `mydumper.filter` (pingcap/tidb
// pkg/util/table-filter/parser.go): `schema.table` rules with `*`, `?`, `[a-z]`/`[!a-z]` wildcards,
// `/regexp/` (Go syntax), quoted and escaped literals, `!` negation, `#` comments, `@file` imports. The last
// matching rule decides; a table no rule matches is rejected. Errors carry the real `at <cmdline>:1: …` text.
import { readFileSync } from 'node:fs'
import { compileGoRegexp, GoRegexpError } from './go-regexp.js'

/** A filter syntax error with the tool's message. */
export class FilterError extends Error {}

/** A name matcher; `all` marks the `*` pattern, which MatchSchema treats specially. */
type Matcher = ((name: string) => boolean) & { all?: boolean }

interface Rule {
  readonly schema: Matcher
  readonly table: Matcher
  readonly positive: boolean
}

/** A parsed table filter. */
export interface TableFilter {
  /** Whether `schema.table` is selected. */
  matchTable(schema: string, table: string): boolean
  /** Whether any table of the schema may be selected (used for schema-level files). */
  matchSchema(schema: string): boolean
}

const REGEXP = /^\/(?:\\.|[^/])+\//
const DOUBLE_QUOTED = /^"(?:""|[^"])+"/
const BACKQUOTED = /^`(?:``|[^`])+`/
const RANGE = /^\[!?(?:\\[^0-9a-zA-Z]|[^\\\]])+\]/

class Parser {
  readonly rules: Rule[] = []
  private file = '<cmdline>'
  private line = 1
  constructor(private readonly caseInsensitive: boolean) {}

  private error(msg: string): FilterError {
    return new FilterError(`at ${this.file}:${this.line}: ${msg}`)
  }

  private regexpMatcher(pattern: string): Matcher {
    try {
      const re = compileGoRegexp(this.caseInsensitive ? `(?i)${pattern}` : pattern).regexp
      return (name) => re.test(name)
    } catch (e) {
      if (e instanceof GoRegexpError) throw this.error(`invalid pattern: ${e.message}`)
      throw e
    }
  }

  private literalMatcher(literal: string): Matcher {
    const want = this.caseInsensitive ? literal.toLowerCase() : literal
    return (name) => name === want
  }

  parse(rawLine: string, canImport: boolean): void {
    let line = rawLine.replace(/^[ \t]+|[ \t]+$/g, '')
    if (!line || line.startsWith('#')) return
    let positive = true
    if (line.startsWith('!')) {
      positive = false
      line = line.slice(1)
    } else if (line.startsWith('@')) {
      if (!canImport) throw this.error('importing filter files recursively is not allowed')
      this.importFile(line.slice(1))
      return
    }
    const [schema, afterSchema] = this.pattern(line, true)
    if (!afterSchema) throw this.error('wrong table pattern')
    if (!afterSchema.startsWith('.')) {
      throw this.error("syntax error: missing '.' between schema and table patterns")
    }
    const [table, rest] = this.pattern(afterSchema.slice(1), true)
    if (rest) throw this.error('syntax error: stray characters after table pattern')
    this.rules.push({ schema, table, positive })
  }

  private importFile(name: string): void {
    let text: string
    try {
      text = readFileSync(name, 'utf8')
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      const reason = code === 'ENOENT' ? 'no such file or directory' : (e as Error).message
      throw this.error(`cannot open filter file: open ${name}: ${reason}`)
    }
    const [oldFile, oldLine] = [this.file, this.line]
    this.file = name
    this.line = 1
    for (const l of text.split(/\r?\n/)) {
      this.parse(l, false)
      this.line++
    }
    this.file = oldFile
    this.line = oldLine
  }

  private pattern(line: string, needsDot: boolean): [Matcher, string] {
    if (!line) throw this.error('syntax error: missing pattern')
    const first = line[0]
    if (first === '/') {
      const m = REGEXP.exec(line)
      if (!m) throw this.error('syntax error: incomplete regexp')
      return [this.regexpMatcher(m[0].slice(1, -1)), line.slice(m[0].length)]
    }
    if (first === '"' || first === '`') {
      const m = (first === '"' ? DOUBLE_QUOTED : BACKQUOTED).exec(line)
      if (!m) throw this.error('syntax error: incomplete quoted identifier')
      const name = m[0]
        .slice(1, -1)
        .split(first + first)
        .join(first)
      return [this.literalMatcher(name), line.slice(m[0].length)]
    }
    return this.wildcard(line, needsDot)
  }

  private wildcard(line: string, needsDot: boolean): [Matcher, string] {
    let literal = ''
    let regex = '(?s)^'
    let isLiteral = true
    let i = 0
    while (i < line.length) {
      const c = line[i] ?? ''
      if (c === '\\') {
        if (i === line.length - 1) throw this.error('syntax error: cannot place \\ at end of line')
        const esc = line[i + 1] ?? ''
        if (/[0-9a-zA-Z]/.test(esc)) {
          throw this.error(
            `cannot escape a letter or number (\\${esc}), it is reserved for future extension`
          )
        }
        literal += esc
        regex += (esc.charCodeAt(0) < 0x80 ? '\\' : '') + esc
        i += 2
      } else if (c === '.') {
        if (needsDot) break
        throw this.error(`unexpected special character '${c}'`)
      } else if (c === '*') {
        isLiteral = false
        regex += '.*'
        i++
      } else if (c === '?') {
        isLiteral = false
        regex += '.'
        i++
      } else if (c === '[') {
        isLiteral = false
        const m = RANGE.exec(line.slice(i))
        if (!m) throw this.error('syntax error: failed to parse character class')
        const body = m[0]
        if (body[1] === '!') regex += `[^${body.slice(2)}`
        else if (body[1] === '^') regex += `[\\^${body.slice(2)}`
        else regex += body
        i += body.length
      } else {
        if (!(c === '$' || c === '_' || /[0-9a-zA-Z]/.test(c) || c.charCodeAt(0) >= 0x80)) {
          throw this.error(`unexpected special character '${c}'`)
        }
        literal += c
        regex += c === '$' ? '\\$' : c
        i++
      }
    }
    const rest = line.slice(i)
    if (isLiteral) return [this.literalMatcher(literal), rest]
    const matcher = this.regexpMatcher(`${regex}$`)
    if (regex === '(?s)^.*') matcher.all = true
    return [matcher, rest]
  }
}

/**
 * Parses filter rules (one rule per element, as after pflag's comma split). Case-insensitive unless
 * `caseSensitive` (Dumpling's `--case-sensitive`, Lightning's `mydumper.case-sensitive`).
 */
export function parseTableFilter(rules: readonly string[], caseSensitive = false): TableFilter {
  const p = new Parser(!caseSensitive)
  for (const r of rules) p.parse(r, true)
  const reversed = [...p.rules].reverse()
  const norm = (s: string): string => (caseSensitive ? s : s.toLowerCase())
  return {
    matchTable(schema, table) {
      const s = norm(schema)
      const t = norm(table)
      const rule = reversed.find((r) => r.schema(s) && r.table(t))
      return rule?.positive ?? false
    },
    matchSchema(schema) {
      // The last rule that admits the schema, or excludes it as a whole (`!db.*`), decides.
      const s = norm(schema)
      const rule = reversed.find((r) => r.schema(s) && (r.positive || r.table.all === true))
      return rule?.positive ?? false
    }
  }
}
