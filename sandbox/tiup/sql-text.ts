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

/** Backslash escaping of a MySQL string literal body (`\0 \n \r \Z \\ \' \"`). */
export function escapeString(s: string): string {
  // eslint-disable-next-line no-control-regex -- NUL and ^Z are exactly the characters to escape
  return s.replace(/[\0\n\r\x1a\\'"]/g, (c) => ESCAPES[c] ?? c)
}

/** A backquoted identifier. */
export function quoteIdent(s: string): string {
  return `\`${s.replace(/`/g, '``')}\``
}
