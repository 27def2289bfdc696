/**
 * Go regular expressions, as the table filter of Dumpling, Lightning and DM hands `/regex/` rules and its own
 * wildcard patterns to Go's `regexp`: compiled by re2js, a port of RE2/J, which follows Go's `regexp/syntax` parser
 * (the same syntax, the same error codes and offending expressions) and matches with Go's semantics (`.` excludes
 * only `\n`, `\s` is ASCII, `(?i)` may apply to part of an expression) in time linear in the name's length, so no
 * rule can stall a run (`/^(a+)+$/` or `*a*a*a*a*a*b` on a long name).
 *
 * A rule the tool rejects is rejected here with the tool's text, `error parsing regexp: <code>: `<expr>``. re2js
 * gives Go's code and expression, but leaves the expression out when it is empty or when the parser's limits are
 * hit; Go's `Error.Error()` always prints it (golang/go src/regexp/syntax/parse.go): empty for
 * `ErrTrailingBackslash` (`parseEscape` returns `&Error{ErrTrailingBackslash, ""}`), the whole expression for
 * `ErrNestingDepth` and `ErrLarge` (`parse` recovers them as `&Error{Code, Expr: s}`).
 */
import { RE2JS, RE2JSSyntaxException } from 're2js'

/** The error codes of Go's `regexp/syntax` (golang/go src/regexp/syntax/parse.go `ErrorCode`). */
export type GoRegexpErrorCode =
  | 'invalid character class'
  | 'invalid character class range'
  | 'invalid escape sequence'
  | 'invalid named capture'
  | 'invalid or unsupported Perl syntax'
  | 'invalid nested repetition operator'
  | 'invalid repeat count'
  | 'invalid UTF-8'
  | 'missing closing ]'
  | 'missing closing )'
  | 'missing argument to repetition operator'
  | 'trailing backslash at end of expression'
  | 'unexpected )'
  | 'expression nests too deeply'
  | 'expression too large'

/** A syntax error exactly as Go reports it: "error parsing regexp: <code>: `<expr>`". */
export class GoRegexpError extends Error {
  override name = 'GoRegexpError'
  constructor(
    readonly code: GoRegexpErrorCode,
    readonly expr: string
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``)
  }
}

/** The codes whose expression Go reports as the whole pattern. */
const WHOLE_EXPRESSION: ReadonlySet<string> = new Set([
  'expression nests too deeply',
  'expression too large'
])

/** RE2JS.compile, failing with Go's error. */
function compileAsGo(pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern)
  } catch (e) {
    if (!(e instanceof RE2JSSyntaxException)) throw e
    const expr = e.input ?? (WHOLE_EXPRESSION.has(e.error) ? pattern : '')
    throw new GoRegexpError(e.error as GoRegexpErrorCode, expr)
  }
}

/** A compiled Go expression. */
export interface GoMatcher {
  /** Whether the expression matches somewhere in `text` (unanchored, like Go's `MatchString`). */
  test(text: string): boolean
  /** The leftmost match Go would find in `text`, or undefined. */
  firstMatch(text: string): string | undefined
}

/** Each expression compiled once: the filter is checked when the inputs are read and matched against every table. */
const compiled = new Map<string, GoMatcher>()

/**
 * Compiles a Go regular expression.
 * @param pattern the expression in Go syntax
 * @param foldCase start with Go's `(?i)` in effect (the table filter's case-insensitive mode)
 * @throws GoRegexpError when Go would reject the expression (same message as Go)
 */
export function compileGoRegexp(pattern: string, foldCase = false): GoMatcher {
  const key = `${foldCase ? 'i' : '-'}${pattern}`
  const known = compiled.get(key)
  if (known !== undefined) return known
  // The tool compiles the pattern as written, so its errors quote that; its case-insensitive filter compiles `(?i)`
  // and the pattern again for matching (pingcap/tidb pkg/util/table-filter/matchers.go newRegexpMatcher, toLower).
  const re = compileAsGo(pattern)
  const matching = foldCase ? compileAsGo(`(?i)${pattern}`) : re
  const matcher: GoMatcher = {
    test: (text) => matching.matcher(text).find(),
    firstMatch: (text) => {
      const m = matching.matcher(text)
      return m.find() ? (m.group() ?? undefined) : undefined
    }
  }
  compiled.set(key, matcher)
  return matcher
}
