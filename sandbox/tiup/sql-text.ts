// SQL text helpers shared by the Dumpling and Lightning stand-ins.

const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"'
}

// eslint-disable-next-line no-control-regex -- NUL and ^Z are exactly the characters to escape
const NEEDS_ESCAPE = /[\0\n\r\x1a\\'"]/
// eslint-disable-next-line no-control-regex -- the same set
const ESCAPABLE = /[\0\n\r\x1a\\'"]/g

/** Backslash escaping of a MySQL string literal body (`\0 \n \r \Z \\ \' \"`). */
export function escapeString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPABLE, (c) => ESCAPES[c] ?? c) : s
}

/** A backquoted identifier. */
export function quoteIdent(s: string): string {
  return `\`${s.replace(/`/g, '``')}\``
}
