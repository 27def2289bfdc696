// Matching with Go regular expressions, by re2js. Apart from the syntax check (go-regexp.ts) because re2js is a
// large module: the inputs are checked at every start, and only a run that matches a `/regex/` or wildcard rule
// against table names loads it (issue 9, cold start).
import { RE2JS } from 're2js'
import { checkGoRegexp } from './go-regexp.js'

/** A compiled Go expression. */
export interface GoMatcher {
  /** Whether the expression matches somewhere in `text` (unanchored, like Go's `MatchString`). */
  test(text: string): boolean
  /** The leftmost match Go would find in `text`, or undefined. */
  firstMatch(text: string): string | undefined
}

/**
 * Checks a Go regular expression the way Go parses it and compiles it for matching.
 * @param pattern the expression in Go syntax
 * @param foldCase start with Go's `(?i)` in effect (the table filter's case-insensitive mode)
 * @throws GoRegexpError when Go would reject the expression (same message as Go)
 */
export function compileGoRegexp(pattern: string, foldCase = false): GoMatcher {
  checkGoRegexp(pattern, foldCase)
  // The check above decides validity with Go's messages; re2js then never sees an expression Go would refuse.
  const re = RE2JS.compile(foldCase ? `(?i)${pattern}` : pattern)
  return {
    test: (text) => re.matcher(text).find(),
    firstMatch: (text) => {
      const m = re.matcher(text)
      return m.find() ? (m.group() ?? undefined) : undefined
    }
  }
}
