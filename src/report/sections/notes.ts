// The end of the summary: warnings not shown elsewhere, links to what the run created, tool versions.
import { el, escapeHtml, inline, link, raw } from '../html.js'
import { plural } from '../../util/format.js'
import type { Report } from '../types.js'
import type { SummarySection } from './section.js'

/** Run and phase warnings, up to the limit. */
export const warningsSection: SummarySection = (report, limits) => {
  const all = [
    ...report.warnings,
    ...report.phases.flatMap((p) => p.warnings.map((w) => `${p.title}: ${w}`))
  ]
  if (all.length === 0) return undefined
  const items = all.slice(0, limits.warnings).map((w) => el('li', w))
  if (all.length > limits.warnings)
    items.push(el('li', `… and ${all.length - limits.warnings} more in result.json`))
  return [el('h3', `Warnings (${all.length})`), raw('ul', `\n${items.join('\n')}\n`)].join('\n')
}

/** The tools' full logs: the artifact's link, or where they are on the runner and why they were not uploaded. */
function logsItem(report: Report): string | undefined {
  const logs = report.logs
  if (logs === undefined) return undefined
  const what = `Tool logs (${plural(logs.files, 'file')}, passwords redacted)`
  if (logs.artifact?.url) return link(`${what}: artifact ${logs.artifact.name}`, logs.artifact.url)
  if (logs.artifact) return `${inline(`${what}: artifact`)} ${el('code', logs.artifact.name)}`
  return `${inline(`${what}, ${logs.note ?? 'not uploaded'}:`)} ${el('code', logs.dir)}`
}

/** Links (http(s) only; anything else as code), the tool logs, and the tools that ran. */
export const linksSection: SummarySection = (report) => {
  const parts: string[] = []
  const logs = logsItem(report)
  const items = [
    ...(logs === undefined ? [] : [raw('li', logs)]),
    ...report.links.map((l) => raw('li', link(l.label, l.url)))
  ]
  if (items.length > 0) parts.push(el('h3', 'Links'), raw('ul', `\n${items.join('\n')}\n`))
  const versions = Object.entries(report.toolVersions)
  if (versions.length > 0) {
    const text = versions.map(([tool, v]) => `${escapeHtml(tool)} ${el('code', v)}`).join(' · ')
    parts.push(raw('p', `<b>Tools:</b> ${text}`))
  }
  return parts.length > 0 ? parts.join('\n') : undefined
}
