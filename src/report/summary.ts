// renderSummary(report): the job summary as a string. Pure, so it is tested on fixture reports and rendered with a
// CommonMark/GFM renderer in the tests, as GitHub renders it.
//
// Order: what a reader needs first comes first — the verdict (and the error, once), what TiDB could not hold (a ✅
// run left it behind), what the next job needs, the
// phases and why one failed, the tables, the prechecks (failures and warnings in view, passes folded), the plan,
// then warnings, links and tool versions. Each section is a pure function in sections/; a new section is one more
// entry in SECTIONS.
//
// GitHub refuses a step summary over 1 MiB (and says so in an error annotation), so the output is capped below
// that: first the variable parts shrink (log tails, the per-table rows, warnings), then, if a pathological report
// is still too big, the text is cut at a line, and a visible note says so and points at result.json.
import { formatCount } from '../util/format.js'
import { escapeHtml, raw } from './html.js'
import { nextJobSection } from './sections/next-job.js'
import { linksSection, warningsSection } from './sections/notes.js'
import { failuresSection, phaseTableSection } from './sections/phases.js'
import { planSection } from './sections/plan.js'
import { prechecksSection } from './sections/prechecks.js'
import type { SummaryLimits, SummarySection } from './sections/section.js'
import { tablesSection } from './sections/tables.js'
import { unsupportedSection } from './sections/unsupported.js'
import { verdictSection } from './sections/verdict.js'
import type { Report } from './types.js'

/** The default cap, bytes: under GitHub's 1 MiB per step, with room for the note. */
export const SUMMARY_MAX_BYTES = 1_000_000

/** The sections, in the order they appear. */
export const SECTIONS: readonly SummarySection[] = [
  verdictSection,
  unsupportedSection,
  nextJobSection,
  phaseTableSection,
  failuresSection,
  tablesSection,
  prechecksSection,
  planSection,
  warningsSection,
  linksSection
]

const FULL: SummaryLimits = { tailLines: Infinity, tableRows: Infinity, warnings: Infinity }
const SHRINK_STEPS: readonly SummaryLimits[] = [
  { tailLines: 100, tableRows: 2000, warnings: 200 },
  { tailLines: 50, tableRows: 500, warnings: 50 },
  { tailLines: 20, tableRows: 100, warnings: 20 },
  { tailLines: 10, tableRows: 0, warnings: 10 }
]

function render(report: Report, limits: SummaryLimits): string {
  const blocks = SECTIONS.map((section) => section(report, limits)).filter(
    (b): b is string => b !== undefined && b !== ''
  )
  // Blank lines between blocks: each HTML block starts on its own line, as CommonMark needs.
  return `${blocks.join('\n\n')}\n`
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')
const openPre = (s: string): boolean => s.split('<pre>').length > s.split('</pre>').length

function cutNote(report: Report, limits: SummaryLimits): string {
  const shown = Math.min(report.tables.length, limits.tableRows)
  const tables =
    shown < report.tables.length
      ? ` (${formatCount(shown)} of ${formatCount(report.tables.length)} tables shown)`
      : ''
  return `\n${raw('p', `<b>Note:</b> this summary was shortened to stay under GitHub’s 1 MiB limit for a step summary${escapeHtml(tables)}; ` + 'log tails and lists were cut. The full report is in result.json (output <code>result-file</code>).')}\n`
}

/**
 * The job summary of a report (see the order above). Every outside string is escaped; log tails sit in one <pre>
 * each, so no tool text is read as Markdown.
 * @param report the report
 * @param maxBytes cap on the UTF-8 size of the result
 * @returns Markdown/HTML for core.summary.addRaw
 */
export function renderSummary(report: Report, maxBytes: number = SUMMARY_MAX_BYTES): string {
  const full = render(report, FULL)
  if (bytes(full) <= maxBytes) return full
  let last = full
  let lastLimits = FULL
  for (const limits of SHRINK_STEPS) {
    last = render(report, limits)
    lastLimits = limits
    const note = cutNote(report, limits)
    if (bytes(last) + bytes(note) <= maxBytes) return last + note
  }
  // Still too big (enormous messages or phase lists): cut the text at a line, outside any <pre> (a <pre> left open
  // would swallow the note).
  const note = cutNote(report, lastLimits)
  const room = Math.max(0, maxBytes - bytes(note))
  const cut = Buffer.from(last, 'utf8').subarray(0, room).toString('utf8')
  let end = cut.lastIndexOf('\n')
  while (end > 0 && openPre(cut.slice(0, end))) end = cut.lastIndexOf('\n', end - 1)
  return `${cut.slice(0, Math.max(0, end + 1))}${note}`
}
