// The first lines of the summary: one verdict a reader can act on, and the error once, in full.
//   migrate → what was migrated (tables, rows, verification, DM) or the phase it failed in;
//   plan    → go / no-go, with the reason;
//   status, pause, resume, stop → the DM task's stage, lag and cut-over readiness.
import { formatDuration, plural } from '../../util/format.js'
import { el, inline, raw } from '../html.js'
import type { PhaseRecord, Report, RunStatus } from '../types.js'
import type { SummarySection } from './section.js'

const RUN_ICON: Record<RunStatus, string> = {
  running: '⏳',
  succeeded: '✅',
  failed: '❌',
  cancelled: '🚫'
}

/** The phase the run failed in: the one whose failure is the run's error, else the first that failed. */
export function failedPhase(report: Report): PhaseRecord | undefined {
  const failed = report.phases.filter((p) => p.status === 'failed')
  return failed.find((p) => p.failure?.message === report.error) ?? failed[0]
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

function dmFacts(o: Readonly<Record<string, string>>): string | undefined {
  const task = o['dm-task']
  if (task === undefined) return undefined
  const facts = [o['dm-stage'] ? `DM task ${task} is ${o['dm-stage']}` : `DM task ${task}`]
  if (o['dm-lag-seconds']) facts.push(`lag ${o['dm-lag-seconds']} s`)
  if (o['ready-for-cutover'] === 'true') facts.push('ready for cut-over')
  if (o['ready-for-cutover'] === 'false') facts.push('not ready for cut-over')
  return facts.join(', ')
}

function exportFacts(o: Readonly<Record<string, string>>): string | undefined {
  const id = o['export-task-id']
  return id === undefined ? undefined : `export task ${id}`
}

function migrateFacts(report: Report): string {
  const o = report.outputs
  const facts: string[] = []
  const tables = report.tables.length
  const rows = o['rows-imported']
  if (rows !== undefined) {
    const n = Number(rows)
    const rowText = Number.isFinite(n) ? plural(n, 'row') : `${rows} rows`
    facts.push(
      tables > 0 ? `${rowText} imported into ${plural(tables, 'table')}` : `${rowText} imported`
    )
  } else if (o['import-result'] === 'skipped') facts.push('no table to import')
  if (o['verify-result'] === 'passed') facts.push('row counts match the export')
  if (o['verify-result'] === 'mismatch') facts.push('row counts differ (see Tables)')
  if (o['dm-task'] !== undefined) facts.push(`DM task ${o['dm-task']} replicating`)
  return facts.join('; ')
}

function planVerdict(report: Report): { icon: string; text: string } {
  const failed = report.checks.filter((c) => c.status === 'fail')
  const warned = report.checks.filter((c) => c.status === 'warn')
  if (failed.length > 0) {
    const first = failed.slice(0, 3).map((c) => c.title)
    const more = failed.length > first.length ? ` and ${failed.length - first.length} more` : ''
    return {
      icon: '❌',
      text: `No-go: ${plural(failed.length, 'precheck')} failed (${first.join('; ')}${more})`
    }
  }
  if (report.status === 'failed' || report.status === 'cancelled')
    return { icon: RUN_ICON[report.status], text: 'No-go: the plan did not finish' }
  if (report.status === 'running') return { icon: RUN_ICON.running, text: 'Plan running' }
  const size = report.plan
    ? `: ${plural(report.plan.totals.tables, 'table')}, ~${plural(report.plan.totals.estimatedRows, 'row')}`
    : ''
  return warned.length > 0
    ? { icon: '⚠️', text: `Go, after reading ${plural(warned.length, 'warning')}${size}` }
    : { icon: '✅', text: `Go: every precheck passed${size}` }
}

/** The verdict: icon and one sentence. Pure. */
export function verdict(report: Report): { icon: string; text: string } {
  if (report.operation === 'plan') return planVerdict(report)
  const icon = RUN_ICON[report.status]
  // 'unknown': the run stopped before it read the operation (a bad input).
  const op = report.operation === 'unknown' ? 'aurora-to-tidb' : capital(report.operation)
  if (report.status === 'running') return { icon, text: `${op} running` }
  if (report.status === 'failed') {
    const at = failedPhase(report)
    return { icon, text: at ? `${op} failed at ${at.title}` : `${op} failed` }
  }
  if (report.status === 'cancelled') {
    const during = report.phases.filter((p) => p.status === 'cancelled').map((p) => p.title)
    return {
      icon,
      text: `${op} cancelled${during.length > 0 ? ` during ${during.join(', ')}` : ''}`
    }
  }
  const facts =
    report.operation === 'migrate'
      ? migrateFacts(report)
      : [dmFacts(report.outputs), exportFacts(report.outputs)].filter(Boolean).join('; ')
  return { icon, text: `${op} succeeded${facts ? `: ${facts}` : ''}` }
}

/**
 * The run's error as the summary shows it: in full, except that the failed prechecks it lists one per line
 * (`- title: reason`) are left to the Prechecks section, which shows them with the rest.
 */
export function errorText(report: Report): string | undefined {
  const error = report.error
  if (!error) return undefined
  const listed = report.checks
    .filter((c) => c.status === 'fail')
    .map((c) => `- ${c.title}: ${c.reason}`)
  const [head, ...rest] = error.split('\n')
  if (listed.length === 0 || rest.length !== listed.length || rest.some((l, i) => l !== listed[i]))
    return error
  return `${head ?? ''} The failed checks are listed under Prechecks.`
}

/** Heading (verdict), when and how long, and the run's error once. */
export const verdictSection: SummarySection = (report) => {
  const v = verdict(report)
  const facts = [`aurora-to-tidb ${report.operation}`, `started ${report.startedAt}`]
  if (report.durationMs !== undefined) facts.push(`took ${formatDuration(report.durationMs)}`)
  const lines = [el('h2', `${v.icon} ${v.text}`), el('p', facts.join(' · '))]
  const error = errorText(report)
  if (error) lines.push(raw('p', `<b>Error:</b> ${inline(error)}`))
  return lines.join('\n')
}
