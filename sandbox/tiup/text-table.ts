// The plain-text table tiup prints (`tiup list`, `tiup cluster list`): columns padded to the widest cell and
// separated by two spaces, a dashed line under the header, no trailing spaces.

/** Renders rows (the first one is the header) as tiup's tui.PrintTable does. */
export function printTable(rows: readonly (readonly string[])[]): string {
  const header = rows[0] ?? []
  const all = [header, header.map((h) => '-'.repeat(h.length)), ...rows.slice(1)]
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
  return all
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()
    )
    .map((l) => `${l}\n`)
    .join('')
}
