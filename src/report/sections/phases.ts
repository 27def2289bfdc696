// The phase table (status, duration, key numbers of every phase) and, for each failed phase, the tool's own error
// line and the end of its output in one <pre>. The run's error is printed once, by the verdict: a failure whose
// message is the run's error is not repeated here.
import { formatBytes, formatCount, formatDuration } from '../../util/format.js'
import { details, el, inline, pre, raw, table } from '../html.js'
import type { KeyNumber, PhaseRecord, PhaseStatus } from '../types.js'
import type { SummarySection } from './section.js'

const PHASE_ICON: Record<PhaseStatus, string> = {
  pending: '⏸️',
  running: '⏳',
  succeeded: '✅',
  failed: '❌',
  skipped: '⏭️',
  cancelled: '🚫'
}

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

function phaseRow(p: PhaseRecord, index: number, total: number): string[] {
  const remark = p.note ? `<br><sub>${inline(p.note)}</sub>` : ''
  return [
    `${index + 1}/${total}`,
    `${inline(p.title)}${remark}`,
    inline(`${PHASE_ICON[p.status]} ${p.status}`),
    p.durationMs === undefined ? '' : inline(formatDuration(p.durationMs)),
    p.numbers.map((n) => `${inline(n.label)}: ${inline(formatNumber(n))}`).join(' · ')
  ]
}

/** Every phase in run order. */
export const phaseTableSection: SummarySection = (report) => {
  const total = report.phases.length
  if (total === 0) return undefined
  const rows = report.phases.map((p, i) => phaseRow(p, i, total))
  return [
    el('h3', 'Phases'),
    table(['#', 'Phase', 'Status', 'Duration', 'Key numbers'], rows)
  ].join('\n')
}

/** One <details> per failed phase: its message (unless it is the run's error), the tool's line, the log tail. */
export const failuresSection: SummarySection = (report, limits) => {
  const blocks = report.phases.flatMap((p) => {
    const f = p.failure
    if (f === undefined || p.status !== 'failed') return []
    const said = f.message === report.error ? '' : `: ${inline(f.message)}`
    const parts: string[] = []
    if (f.toolLine && !f.message.includes(f.toolLine))
      parts.push(raw('p', `The tool said: ${el('code', f.toolLine)}`))
    const tail = f.tail.slice(Math.max(0, f.tail.length - limits.tailLines))
    if (tail.length > 0) {
      const cut = tail.length < f.tail.length ? ` (last ${tail.length} of ${f.tail.length})` : ''
      parts.push(el('p', `Log tail${cut}:`), pre(tail))
    }
    if (parts.length === 0 && said === '') return []
    return [details(`<b>${inline(p.title)} failed</b>${said}`, parts, true)]
  })
  return blocks.length > 0 ? blocks.join('\n\n') : undefined
}
