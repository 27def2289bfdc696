// Per-table results: what each selected table got (exported, imported, verified, failed…). Kept on a failed run:
// what finished is shown, with the tables that did not.
import { formatCount } from '../../util/format.js'
import { el, inline, table } from '../html.js'
import type { TableRow } from '../types.js'
import { capped, type SummarySection } from './section.js'

/** `12 imported · 1 failed`: how many tables have each status, most common first. */
export function statusCounts(rows: readonly TableRow[]): string {
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1)
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${formatCount(n)} ${status}`)
    .join(' · ')
}

/** The tables, up to the row limit. */
export const tablesSection: SummarySection = (report, limits) => {
  const all = report.tables
  if (all.length === 0) return undefined
  const { shown, more } = capped(all, limits.tableRows, 'tables')
  const parts = [el('h3', `Tables (${formatCount(all.length)}: ${statusCounts(all)})`)]
  if (shown.length > 0) {
    const rows = shown.map((t) => [
      inline(t.database),
      inline(t.table),
      t.rowsExported === undefined ? '' : inline(formatCount(t.rowsExported)),
      t.rowsImported === undefined ? '' : inline(formatCount(t.rowsImported)),
      inline(t.status) + (t.note ? `<br><sub>${inline(t.note)}</sub>` : '')
    ])
    parts.push(table(['Database', 'Table', 'Rows exported', 'Rows imported', 'Status'], rows))
  }
  if (more) parts.push(el('p', more))
  return parts.join('\n')
}
