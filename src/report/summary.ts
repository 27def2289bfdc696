// renderSummary(report): the job summary as a string. Pure, so it is tested on fixture reports.
//
// GitHub refuses a step summary over 1 MiB (and says so in an error annotation), so the output is capped below
// that: first the variable parts shrink (log tails, the per-table rows, warnings), then, if a pathological report
// is still too big, the text is cut at a line, and a visible note says so and points at result.json.
import { formatBytes, formatCount, formatDuration } from '../util/format.js'
import { el, escapeHtml, inline, link, pre, raw, table } from './html.js'
import { renderPlanSection } from './plan-summary.js'
import type { CheckRow, KeyNumber, PhaseRecord, PhaseStatus, Report, RunStatus } from './types.js'

/** The default cap, bytes: under GitHub's 1 MiB per step, with room for the note. */
export const SUMMARY_MAX_BYTES = 1_000_000

const PHASE_ICON: Record<PhaseStatus, string> = {
  pending: '⏸️',
  running: '⏳',
  succeeded: '✅',
  failed: '❌',
  skipped: '⏭️',
  cancelled: '🚫'
}

const RUN_ICON: Record<RunStatus, string> = {
  running: '⏳',
  succeeded: '✅',
  failed: '❌',
  cancelled: '🚫'
}

/** How much of the variable-size parts to show. */
interface Limits {
  readonly tailLines: number
  readonly tableRows: number
  readonly warnings: number
}

const FULL: Limits = { tailLines: Infinity, tableRows: Infinity, warnings: Infinity }
const SHRINK_STEPS: readonly Limits[] = [
  { tailLines: 100, tableRows: 2000, warnings: 200 },
  { tailLines: 50, tableRows: 500, warnings: 50 },
  { tailLines: 20, tableRows: 100, warnings: 20 },
  { tailLines: 10, tableRows: 0, warnings: 10 }
]

function formatNumber(n: KeyNumber): string {
  if (typeof n.value === 'string') return n.value
  switch (n.unit) {
    case 'bytes':
      return formatBytes(n.value)
    case 'percent':
      return `${n.value}%`
    case 'seconds':
      return formatDuration(n.value * 1000)
    default:
      return formatCount(n.value)
  }
}

function numbersCell(numbers: readonly KeyNumber[]): string {
  return numbers.map((n) => `${inline(n.label)}: ${inline(formatNumber(n))}`).join(' · ')
}

function phaseRow(p: PhaseRecord, index: number, total: number): string[] {
  const status = `${PHASE_ICON[p.status]} ${p.status}`
  const remark = p.note ? `<br><sub>${inline(p.note)}</sub>` : ''
  return [
    `${index + 1}/${total}`,
    `${inline(p.title)}${remark}`,
    inline(status),
    p.durationMs === undefined ? '' : inline(formatDuration(p.durationMs)),
    numbersCell(p.numbers)
  ]
}

function headline(report: Report): string {
  const title = `${RUN_ICON[report.status]} aurora-to-tidb · ${report.operation} · ${report.status}`
  const facts = [`started ${report.startedAt}`]
  if (report.durationMs !== undefined) facts.push(`took ${formatDuration(report.durationMs)}`)
  const lines = [el('h2', title), el('p', facts.join(' · '))]
  if (report.error) lines.push(raw('p', `<b>Error:</b> ${inline(report.error)}`))
  return lines.join('\n')
}

function binlogBox(report: Report): string | undefined {
  const b = report.binlog
  if (!b) return undefined
  const rows: string[][] = [
    ['File', el('code', b.file)],
    ['Position', el('code', String(b.position))]
  ]
  if (b.gtid) rows.push(['GTID set', el('code', b.gtid)])
  if (b.capturedBy) rows.push(['Captured by', inline(b.capturedBy)])
  const body = rows.map(([k, v]) => `<tr><th>${inline(k ?? '')}</th><td>${v ?? ''}</td></tr>`)
  return [
    el('h3', 'Binlog position (DM starts here)'),
    `<table>\n${body.join('\n')}\n</table>`
  ].join('\n')
}

const CHECK_ICON: Record<CheckRow['status'], string> = { pass: '✅', warn: '⚠️', fail: '❌' }

function checksSection(report: Report, limit: number): string | undefined {
  const all = report.checks
  if (all.length === 0) return undefined
  // Failures and warnings first: they are what a reader must act on.
  const order = { fail: 0, warn: 1, pass: 2 }
  const sorted = [...all].sort((a, b) => order[a.status] - order[b.status])
  const shown = sorted.slice(0, limit)
  const rows = shown.map((c) => [
    inline(`${CHECK_ICON[c.status]} ${c.status}`),
    inline(c.title),
    inline(c.reason)
  ])
  const counts = (['fail', 'warn', 'pass'] as const)
    .map((s) => `${all.filter((c) => c.status === s).length} ${s}`)
    .join(' · ')
  const parts = [el('h3', `Prechecks (${counts})`), table(['Result', 'Check', 'Details'], rows)]
  if (shown.length < all.length)
    parts.push(el('p', `${all.length - shown.length} more checks are in result.json.`))
  return parts.join('\n')
}

function tablesSection(report: Report, limit: number): { html?: string; shown: number } {
  const all = report.tables
  if (all.length === 0) return { shown: 0 }
  const shown = all.slice(0, limit)
  const rows = shown.map((t) => [
    inline(t.database),
    inline(t.table),
    t.rowsExported === undefined ? '' : inline(formatCount(t.rowsExported)),
    t.rowsImported === undefined ? '' : inline(formatCount(t.rowsImported)),
    inline(t.status) + (t.note ? `<br><sub>${inline(t.note)}</sub>` : '')
  ])
  const parts = [el('h3', `Tables (${formatCount(all.length)})`)]
  if (rows.length > 0) {
    parts.push(table(['Database', 'Table', 'Rows exported', 'Rows imported', 'Status'], rows))
  }
  if (shown.length < all.length) {
    parts.push(
      el('p', `${formatCount(all.length - shown.length)} more tables are listed in result.json.`)
    )
  }
  return { html: parts.join('\n'), shown: shown.length }
}

function warningsSection(report: Report, limit: number): string | undefined {
  const all = [
    ...report.warnings,
    ...report.phases.flatMap((p) => p.warnings.map((w) => `${p.title}: ${w}`))
  ]
  if (all.length === 0) return undefined
  const items = all.slice(0, limit).map((w) => el('li', w))
  if (all.length > limit) items.push(el('li', `… and ${all.length - limit} more in result.json`))
  return [el('h3', `Warnings (${all.length})`), raw('ul', `\n${items.join('\n')}\n`)].join('\n')
}

function failureSections(report: Report, tailLines: number): string[] {
  return report.phases
    .filter((p) => p.failure !== undefined)
    .map((p) => {
      const f = p.failure
      if (!f) return ''
      const tail = f.tail.slice(Math.max(0, f.tail.length - tailLines))
      const parts = [
        `<details open>`,
        raw('summary', `<b>${inline(p.title)} failed:</b> ${inline(f.message)}`)
      ]
      if (f.toolLine) parts.push(raw('p', `The tool said: ${el('code', f.toolLine)}`))
      if (tail.length > 0) {
        const cut = tail.length < f.tail.length ? ` (last ${tail.length} of ${f.tail.length})` : ''
        parts.push(el('p', `Log tail${cut}:`), pre(tail))
      }
      parts.push('</details>')
      return parts.join('\n')
    })
}

function footer(report: Report): string | undefined {
  const parts: string[] = []
  if (report.links.length > 0) {
    const items = report.links.map((l) => raw('li', link(l.label, l.url)))
    parts.push(el('h3', 'Links'), raw('ul', `\n${items.join('\n')}\n`))
  }
  const versions = Object.entries(report.toolVersions)
  if (versions.length > 0) {
    const text = versions.map(([tool, v]) => `${escapeHtml(tool)} ${el('code', v)}`).join(' · ')
    parts.push(raw('p', `<b>Tools:</b> ${text}`))
  }
  return parts.length > 0 ? parts.join('\n') : undefined
}

function render(report: Report, limits: Limits): { text: string; tablesShown: number } {
  const sections: string[] = [headline(report)]
  if (report.phases.length > 0) {
    const rows = report.phases.map((p, i) => phaseRow(p, i, report.phases.length))
    sections.push(table(['#', 'Phase', 'Status', 'Duration', 'Key numbers'], rows))
  }
  sections.push(...failureSections(report, limits.tailLines))
  const checks = checksSection(
    report,
    limits.tableRows === Infinity ? Infinity : Math.max(50, limits.tableRows)
  )
  if (checks) sections.push(checks)
  if (report.plan) {
    sections.push(
      renderPlanSection(
        report.plan,
        limits.tableRows === Infinity ? Infinity : Math.max(20, limits.tableRows)
      )
    )
  }
  const binlog = binlogBox(report)
  if (binlog) sections.push(binlog)
  const tables = tablesSection(report, limits.tableRows)
  if (tables.html) sections.push(tables.html)
  const warnings = warningsSection(report, limits.warnings)
  if (warnings) sections.push(warnings)
  const end = footer(report)
  if (end) sections.push(end)
  // Blank lines between blocks: each HTML block starts on its own line, as GitHub needs.
  return { text: `${sections.join('\n\n')}\n`, tablesShown: tables.shown }
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

function cutNote(report: Report, tablesShown: number): string {
  const tables =
    tablesShown < report.tables.length
      ? ` (${formatCount(tablesShown)} of ${formatCount(report.tables.length)} tables shown)`
      : ''
  return `\n${raw('p', `<b>Note:</b> this summary was shortened to stay under GitHub’s 1 MiB limit for a step summary${escapeHtml(tables)}; ` + 'log tails and lists were cut. The full report is in result.json (output <code>result-file</code>).')}\n`
}

/**
 * The job summary of a report: heading, phase table (status, duration, key numbers), the failed phases with the
 * tool's own error line and escaped log tail, the binlog position, per-table rows, warnings, links and tool
 * versions. Every outside string is escaped.
 * @param report the report
 * @param maxBytes cap on the UTF-8 size of the result
 * @returns Markdown/HTML for core.summary.addRaw
 */
export function renderSummary(report: Report, maxBytes: number = SUMMARY_MAX_BYTES): string {
  const full = render(report, FULL)
  if (bytes(full.text) <= maxBytes) return full.text
  let last = full
  for (const limits of SHRINK_STEPS) {
    last = render(report, limits)
    const note = cutNote(report, last.tablesShown)
    if (bytes(last.text) + bytes(note) <= maxBytes) return last.text + note
  }
  // Still too big (enormous messages or phase lists): cut the text at a line boundary.
  const note = cutNote(report, last.tablesShown)
  const room = Math.max(0, maxBytes - bytes(note))
  let cut = Buffer.from(last.text, 'utf8').subarray(0, room).toString('utf8')
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n') + 1))
  return cut + note
}
