// The runner's `$GITHUB_OUTPUT` file, read back: the sandbox gives the action one, and the demo, the bench and the
// tests read the outputs the action wrote there.

/** Parses the runner's `$GITHUB_OUTPUT` file format (`name<<delim\nvalue\ndelim`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    if (m[1] !== undefined && m[3] !== undefined) out[m[1]] = m[3]
  }
  return out
}
