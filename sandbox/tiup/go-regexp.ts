// Go's regexp (RE2 syntax, package regexp/syntax) for the stand-ins, so they match file routes and table filters
// exactly as the Go tools do: compiled by re2js, a port of RE2/J that parses as Go's regexp/syntax does (flags,
// named groups, Go's ASCII `\s` `\d` `\w`, `.` excluding only \n, POSIX and Unicode classes, repetition limits)
// and matches with Go's leftmost-first semantics. What Go rejects (look-around, back-references, bad escapes…) fails
// with Go's own error text:
//   error parsing regexp: invalid or unsupported Perl syntax: `(?=`
// Go always ends that text with ": `expr`" (golang/go src/regexp/syntax/parse.go `Error.Error`), where re2js drops
// the part when the expression is empty (a trailing backslash: `&Error{ErrTrailingBackslash, ""}`) or the whole
// pattern (nesting depth and size: `parse` recovers them as `&Error{Code, Expr: s}`); both are put back here.
import { RE2JS, RE2JSSyntaxException } from 're2js'

/** A Go regexp compile error, with Go's message. */
export class GoRegexpError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``)
  }
}

/** A match's groups as Go's FindStringSubmatch gives them: 0 is the whole match; undefined when a group took no part. */
export type GoMatch = readonly (string | undefined)[]

/** A compiled Go regexp. */
export interface GoRegexp {
  readonly source: string
  /** Matching, RegExp-style: `test` is Go's MatchString, `exec` the groups of the leftmost match (or null). */
  readonly regexp: {
    test(text: string): boolean
    exec(text: string): GoMatch | null
  }
  /** Number of capturing groups (Go's NumSubexp). */
  readonly numSubexp: number
  /** Names of the groups, index 0 is the whole match ('' for unnamed), as Go's SubexpNames. */
  readonly subexpNames: readonly string[]
}

/** Compiles a Go regexp (RE2 syntax) with re2js, or throws GoRegexpError with Go's message. */
export function compileGoRegexp(pattern: string): GoRegexp {
  let re: RE2JS
  try {
    re = RE2JS.compile(pattern)
  } catch (e) {
    if (!(e instanceof RE2JSSyntaxException)) throw e
    const quotesAll = ['expression nests too deeply', 'expression too large'].includes(e.error)
    throw new GoRegexpError(e.error, e.input ?? (quotesAll ? pattern : ''))
  }
  const numSubexp = re.groupCount()
  const subexpNames = Array.from({ length: numSubexp + 1 }, () => '')
  for (const [name, index] of Object.entries(re.namedGroups())) subexpNames[index] = name
  const exec = (text: string): GoMatch | null => {
    const m = re.matcher(text)
    return m.find() ? subexpNames.map((_, i) => m.group(i) ?? undefined) : null
  }
  return {
    source: pattern,
    regexp: { test: (text) => re.matcher(text).find(), exec },
    numSubexp,
    subexpNames
  }
}

/**
 * Expands a Go regexp template (`$1`, `${1}`, `$name`, `${name}`, `$$`) against a match, as Go's
 * Regexp.ExpandString does: `$name` takes the longest run of letters, digits and `_`, and an unknown or
 * out-of-range reference expands to nothing.
 */
export function expandTemplate(template: string, re: GoRegexp, match: GoMatch): string {
  let out = ''
  for (let i = 0; i < template.length; i++) {
    const c = template[i]
    if (c !== '$') {
      out += c
      continue
    }
    const rest = template.slice(i + 1)
    if (rest.startsWith('$')) {
      out += '$'
      i++
      continue
    }
    const m = /^\{([A-Za-z0-9_]+)\}/.exec(rest) ?? /^([A-Za-z0-9_]+)/.exec(rest)
    if (!m) {
      out += '$'
      continue
    }
    i += m[0].length
    const name = m[1] ?? ''
    const index = /^\d+$/.test(name) ? Number(name) : re.subexpNames.indexOf(name)
    if (index >= 0) out += match[index] ?? ''
  }
  return out
}
