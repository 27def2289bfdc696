/**
 * The table-filter syntax of Dumpling's `--filter` (pingcap/tidb `pkg/util/table-filter`), parsed and matched the
 * way the tool does, so the action can validate rules before any side effect and select the same tables Dumpling
 * selects (for the Aurora export, the import check and DM).
 *
 * Rule form `schema-pattern.table-pattern`; patterns are plain identifiers, wildcards (`*`, `?`, `[a-z]`, `[!a-z]`),
 * `/regex/` (Go syntax) or quoted names (`"…"`, `` `…` ``); `\` escapes a non-alphanumeric character; a leading `!`
 * excludes, `#` starts a comment. The last matching rule wins and a table no rule matches is excluded. Matching is
 * case-insensitive, as Dumpling's default (`--case-sensitive=false`). Errors carry the tool's text, e.g.
 * `at <cmdline>:1: wrong table pattern`.
 *
 * Two things the tool accepts are refused here: `@file` imports (the action has no file to point at) and commas
 * (Dumpling's `--filter` is a comma-separated list and would split the rule).
 *
 * This file parses and checks; matching names is in `match.ts`, which loads the regexp engine.
 */
import { compileGoRegexp, GoRegexpError } from './go-regexp.js'

/**
 * The rule Dumpling adds after `*.*` when no `--filter` is given (`DefaultTableFilter`). Passing `--filter` replaces
 * both, so system schemas are dumped unless the rules exclude them: append this rule to keep them out.
 */
export const DUMPLING_SYSTEM_SCHEMA_EXCLUSION =
  '!/^(mysql|sys|INFORMATION_SCHEMA|PERFORMANCE_SCHEMA|METRICS_SCHEMA|INSPECTION_SCHEMA)$/.*'

/** Why a rule was refused. `syntax` errors carry the real tool's message. */
export type TableFilterErrorKind = 'syntax' | 'import' | 'comma'

/** A rule the tool (or this action) rejects. `message` is the text to show; `rule` the offending rule. */
export class TableFilterError extends Error {
  override name = 'TableFilterError'
  constructor(
    message: string,
    readonly kind: TableFilterErrorKind,
    readonly rule: string
  ) {
    super(message)
  }
}

/** How one side of a rule matches a name. */
export type NameMatcher =
  | { readonly kind: 'literal'; readonly name: string }
  | { readonly kind: 'all' }
  /** A Go expression, already checked; `foldCase` starts it with `(?i)` in effect. */
  | { readonly kind: 'pattern'; readonly goRegexp: string; readonly foldCase: boolean }

/** One parsed rule. */
export interface TableRule {
  /** The rule as written (trimmed), e.g. `!mydb.tmp_*`. */
  readonly text: string
  readonly include: boolean
  readonly schema: NameMatcher
  readonly table: NameMatcher
}

/** A parsed rule list, in the order written. */
export interface TableFilter {
  readonly rules: readonly TableRule[]
  readonly caseSensitive: boolean
}

/** Options of {@link parseFilter}. */
export interface ParseFilterOptions {
  /** Match names case-sensitively, like Dumpling's `--case-sensitive` (default false). */
  readonly caseSensitive?: boolean
}

const LOCATION = 'at <cmdline>:1: '
const REGEXP_TOKEN = /^\/(?:\\[^\n]|[^/\n])+\//u
const DOUBLE_QUOTED = /^"(?:""|[^"])+"/u
const BACK_QUOTED = /^`(?:``|[^`])+`/u
const CHARACTER_CLASS = /^\[!?(?:\\[^0-9a-zA-Z]|[^\\\]])+\]/u
const ALL_PATTERN = '(?s)^.*$'

const syntaxError = (rule: string, message: string): TableFilterError =>
  new TableFilterError(LOCATION + message, 'syntax', rule)

const isAsciiAlnum = (c: string): boolean => /^[0-9A-Za-z]$/.test(c)

/**
 * Go's `strings.ToLower`: per code point, simple mappings only (JavaScript's full mapping turns `İ` into two code
 * points where Go gives `i`).
 */
export function goToLower(s: string): string {
  let out = ''
  for (const c of s) {
    const lower = c.toLowerCase()
    out += [...lower].length === 1 ? lower : c === '\u0130' ? 'i' : c
  }
  return out
}

/** A pattern ends where the table separator or the end of the rule is; `rest` is what follows it. */
interface Parsed {
  readonly matcher: NameMatcher
  readonly rest: string
}

class RuleParser {
  constructor(
    private readonly rule: string,
    private readonly foldCase: boolean
  ) {}

  pattern(line: string, needsDot: boolean): Parsed {
    if (line === '') throw syntaxError(this.rule, 'syntax error: missing pattern')
    const quoted = (re: RegExp, quote: string): Parsed => {
      const m = re.exec(line)
      if (!m) throw syntaxError(this.rule, 'syntax error: incomplete quoted identifier')
      const name = m[0].slice(1, -1).replaceAll(quote + quote, quote)
      return { matcher: { kind: 'literal', name }, rest: line.slice(m[0].length) }
    }
    switch (line[0]) {
      case '/': {
        const m = REGEXP_TOKEN.exec(line)
        if (!m) throw syntaxError(this.rule, 'syntax error: incomplete regexp')
        return { matcher: this.regexp(m[0].slice(1, -1)), rest: line.slice(m[0].length) }
      }
      case '"':
        return quoted(DOUBLE_QUOTED, '"')
      case '`':
        return quoted(BACK_QUOTED, '`')
      default:
        return this.wildcard(line, needsDot)
    }
  }

  private regexp(goRegexp: string): NameMatcher {
    // The tool turns exactly this pattern (what `*` builds) into "matches everything", whatever wrote it.
    if (goRegexp === ALL_PATTERN) return { kind: 'all' }
    try {
      compileGoRegexp(goRegexp, this.foldCase)
      return { kind: 'pattern', goRegexp, foldCase: this.foldCase }
    } catch (e) {
      if (e instanceof GoRegexpError) throw syntaxError(this.rule, `invalid pattern: ${e.message}`)
      throw e
    }
  }

  /** Wildcards and plain names, built into a Go regexp exactly as the tool builds it. */
  private wildcard(line: string, needsDot: boolean): Parsed {
    let literal = ''
    let pattern = '(?s)^'
    let isLiteral = true
    let i = 0
    loop: while (i < line.length) {
      const c = line[i] as string
      switch (c) {
        case '\\': {
          const esc = line[i + 1]
          if (esc === undefined)
            throw syntaxError(this.rule, 'syntax error: cannot place \\ at end of line')
          if (isAsciiAlnum(esc)) {
            throw syntaxError(
              this.rule,
              `cannot escape a letter or number (\\${esc}), it is reserved for future extension`
            )
          }
          if (isLiteral) literal += esc
          pattern += (esc.charCodeAt(0) < 0x80 ? '\\' : '') + esc
          i += 2
          break
        }
        case '.':
          if (needsDot) break loop
          throw syntaxError(this.rule, `unexpected special character '${c}'`)
        case '*':
          isLiteral = false
          pattern += '.*'
          i++
          break
        case '?':
          isLiteral = false
          pattern += '.'
          i++
          break
        case '[': {
          isLiteral = false
          const m = CHARACTER_CLASS.exec(line.slice(i))
          if (!m) throw syntaxError(this.rule, 'syntax error: failed to parse character class')
          const body = m[0]
          // `[!…]` negates; `[^…]` is not special in a glob, so its `^` is escaped.
          pattern +=
            body[1] === '!' ? '[^' + body.slice(2) : body[1] === '^' ? '[\\^' + body.slice(2) : body
          i += body.length
          break
        }
        default:
          if (!(c === '$' || c === '_' || isAsciiAlnum(c) || c.charCodeAt(0) >= 0x80)) {
            throw syntaxError(this.rule, `unexpected special character '${c}'`)
          }
          literal += c
          pattern += c
          i++
      }
    }
    const rest = line.slice(i)
    if (isLiteral) return { matcher: { kind: 'literal', name: literal }, rest }
    return { matcher: this.regexp(pattern + '$'), rest }
  }
}

/** Parses one rule line; undefined for blank lines and comments. */
function parseRule(raw: string, foldCase: boolean): TableRule | undefined {
  let line = raw.replace(/^[ \t]+|[ \t]+$/g, '')
  if (line === '' || line.startsWith('#')) return undefined
  const text = line
  if (line.startsWith('@')) {
    throw new TableFilterError(
      `importing rules from a file ('${line}') is not supported: the action has no file to point at; ` +
        'write the rules in the filter input, one per line',
      'import',
      text
    )
  }
  if (line.includes(',')) {
    throw new TableFilterError(
      `a rule must not contain ',': Dumpling's --filter flag is a comma-separated list and would split ` +
        `'${text}' into several rules; write each rule on its own line (and a regular expression without {m,n})`,
      'comma',
      text
    )
  }
  const include = !line.startsWith('!')
  if (!include) line = line.slice(1)
  const parser = new RuleParser(text, foldCase)
  const schema = parser.pattern(line, true)
  if (schema.rest === '') throw syntaxError(text, 'wrong table pattern')
  if (!schema.rest.startsWith('.')) {
    throw syntaxError(text, "syntax error: missing '.' between schema and table patterns")
  }
  const table = parser.pattern(schema.rest.slice(1), true)
  if (table.rest !== '')
    throw syntaxError(text, 'syntax error: stray characters after table pattern')
  return { text, include, schema: schema.matcher, table: table.matcher }
}

/**
 * Parses table-filter rules, one per element; blank lines and `#` comments are skipped.
 * @throws TableFilterError for the first rule the tool (or this action) rejects
 */
export function parseFilter(
  rules: readonly string[],
  options: ParseFilterOptions = {}
): TableFilter {
  const caseSensitive = options.caseSensitive ?? false
  const parsed: TableRule[] = []
  for (const raw of rules) {
    const rule = parseRule(raw, !caseSensitive)
    if (rule) parsed.push(rule)
  }
  return { rules: parsed, caseSensitive }
}

/** The filter's rules as written (trimmed), in order: what Dumpling's `--filter` and Lightning's `filter` take. */
export function filterRules(filter: TableFilter): string[] {
  return filter.rules.map((r) => r.text)
}
