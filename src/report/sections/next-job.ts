// "What the next job needs": the outputs a later job or a person picks up (where DM starts, where the export and
// the schema are, which DM task), near the top, with the output names to use. Shown on failure too: a binlog
// position recorded before the failure is what a retry or a manual DM start needs.
import { el, inline, raw } from '../html.js'
import { outputValues, type OutputName } from '../outputs.js'
import type { SummarySection } from './section.js'

/** The outputs shown, in this order, with a label for people. */
const HANDOFF: readonly (readonly [OutputName, string])[] = [
  ['binlog-file', 'Binlog file (DM starts here)'],
  ['binlog-position', 'Binlog position'],
  ['binlog-gtid', 'GTID set'],
  ['snapshot-id', 'Cluster snapshot'],
  ['export-task-id', 'Export task'],
  ['export-uri', 'Export in S3'],
  ['schema-uri', 'Schema in S3'],
  ['dm-task', 'DM task'],
  ['dm-stage', 'DM stage'],
  ['dm-lag-seconds', 'DM lag, seconds'],
  ['dm-synced-position', 'DM synced up to'],
  ['ready-for-cutover', 'Ready for cut-over'],
  ['plan-file', 'Plan file']
]

/** The hand-off box, when the run produced any of those outputs. */
export const nextJobSection: SummarySection = (report) => {
  const values = outputValues(report)
  const rows = HANDOFF.flatMap(([name, label]) => {
    const value = values[name]
    if (value === undefined || value === '') return []
    return [
      `<tr><th>${inline(label)}</th><td>${el('code', value)}</td><td>${el('code', name)}</td></tr>`
    ]
  })
  if (rows.length === 0) return undefined
  const captured = report.binlog?.capturedBy
  const parts = [
    el('h3', 'What the next job needs'),
    `<table>\n<tr><th></th><th>Value</th><th>Output</th></tr>\n${rows.join('\n')}\n</table>`
  ]
  if (captured) parts.push(raw('p', `<sub>Binlog position: ${inline(captured)}.</sub>`))
  return parts.join('\n')
}
