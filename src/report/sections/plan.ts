// The plan's section of the job summary: sizes per database, the estimates with their basis, and risk flags per
// table. Pure; every outside string is escaped (table and database names are user data).
import { formatBytes, formatCount, plural } from '../../util/format.js'
import { el, inline, raw, table } from '../html.js'
import type { PlanReport } from '../types.js'
import { describeUnsupported, EFFECT_TEXT } from '../unsupported-text.js'
import type { SummarySection } from './section.js'

/**
 * Renders the plan.
 * @param plan the plan
 * @param limit the most rows to show per list (databases, risk flags); the rest are in plan.json
 */
export function renderPlanSection(plan: PlanReport, limit: number): string {
  const t = plan.totals
  const parts = [
    el(
      'h3',
      `Plan: ${plural(t.tables, 'table')}, ~${plural(t.estimatedRows, 'row')}, ${formatBytes(t.bytes)}`
    ),
    el(
      'p',
      'Estimates from published figures and stated assumptions, not promises; no side effect was made.'
    )
  ]
  const dbs = plan.databases.slice(0, limit)
  if (dbs.length > 0) {
    parts.push(
      table(
        ['Database', 'Tables', 'Rows (estimated)', 'Size'],
        dbs.map((d) => [
          inline(d.database),
          inline(formatCount(d.tables)),
          inline(formatCount(d.estimatedRows)),
          inline(formatBytes(d.bytes))
        ])
      )
    )
  }
  parts.push(
    table(
      ['Estimate', 'Value', 'Based on'],
      plan.estimates.map((e) => [inline(e.label), inline(e.value), inline(e.basis)])
    )
  )
  if (plan.risks.length > 0) {
    const shown = plan.risks.slice(0, limit)
    const items = shown.map((r) =>
      raw('li', `${el('code', r.table)}: ${inline(r.risks.join('; '))}`)
    )
    if (shown.length < plan.risks.length)
      items.push(el('li', `… and ${plan.risks.length - shown.length} more tables in plan.json`))
    parts.push(el('p', 'Risk flags:'), raw('ul', `\n${items.join('\n')}\n`))
  }
  const unsupported = (plan.unsupported ?? []).filter((o) => o.kind !== 'account')
  if (unsupported.length > 0) {
    const shown = unsupported.slice(0, limit)
    const items = shown.map((o) => el('li', `${describeUnsupported(o)} — ${EFFECT_TEXT[o.effect]}`))
    if (shown.length < unsupported.length)
      items.push(el('li', `… and ${unsupported.length - shown.length} more in plan.json`))
    parts.push(
      el('p', 'Not migrated (TiDB cannot hold them):'),
      raw('ul', `\n${items.join('\n')}\n`)
    )
  }
  const cut = plan.databases.length - dbs.length
  if (cut > 0) parts.push(el('p', `${formatCount(cut)} more databases are listed in plan.json.`))
  return parts.join('\n')
}

/** The plan, when the run made one (`operation: plan`). */
export const planSection: SummarySection = (report, limits) =>
  report.plan && renderPlanSection(report.plan, Math.max(20, limits.tableRows))
