// The prechecks: failures and warnings in view (they are what a reader must act on), passes folded.
import { plural } from '../../util/format.js'
import { details, el, inline, table } from '../html.js'
import type { CheckRow } from '../types.js'
import { capped, type SummarySection } from './section.js'

const CHECK_ICON: Record<CheckRow['status'], string> = { pass: '✅', warn: '⚠️', fail: '❌' }

function checkTable(rows: readonly CheckRow[]): string {
  return table(
    ['Result', 'Check', 'Details'],
    rows.map((c) => [
      inline(`${CHECK_ICON[c.status]} ${c.status}`),
      inline(c.title),
      inline(c.reason)
    ])
  )
}

/** Failures first, then warnings, in a table; passes inside a closed <details>. */
export const prechecksSection: SummarySection = (report, limits) => {
  const all = report.checks
  if (all.length === 0) return undefined
  const of = (s: CheckRow['status']): CheckRow[] => all.filter((c) => c.status === s)
  const [fail, warn, pass] = [of('fail'), of('warn'), of('pass')]
  const counts = [
    fail.length > 0 ? `${fail.length} failed` : '',
    warn.length > 0 ? plural(warn.length, 'warning') : '',
    `${pass.length} passed`
  ].filter(Boolean)
  const parts = [el('h3', `Prechecks (${counts.join(' · ')})`)]
  const limit = Math.max(50, limits.tableRows)
  const needsAction = capped([...fail, ...warn], limit, 'failed or warning checks')
  if (needsAction.shown.length > 0) parts.push(checkTable(needsAction.shown))
  if (needsAction.more) parts.push(el('p', needsAction.more))
  if (pass.length > 0) {
    const passed = capped(pass, limit, 'passed checks')
    const body = [checkTable(passed.shown), ...(passed.more ? [el('p', passed.more)] : [])]
    parts.push(details(inline(`${pass.length} passed`), body))
  }
  return parts.join('\n')
}
