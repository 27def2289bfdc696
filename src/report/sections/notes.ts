// The end of the summary: warnings not shown elsewhere, links to what the run created, tool versions.
import { el, escapeHtml, link, raw } from '../html.js'
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

/** Links (http(s) only; anything else as code) and the tools that ran. */
export const linksSection: SummarySection = (report) => {
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
