// The step outputs: stable names, documented in action.yml. Values are strings; JSON where noted.
import * as core from '@actions/core'
import type { Report } from './types.js'

/** Every output the action sets. */
export const OUTPUT_NAMES = [
  'binlog-file',
  'binlog-position',
  'binlog-gtid',
  'recorded-binlog-file',
  'recorded-binlog-position',
  'restored-copy',
  'snapshot-id',
  'export-task-id',
  'export-uri',
  'schema-uri',
  'import-result',
  'rows-imported',
  'tables',
  'verify-result',
  'dm-task',
  'dm-stage',
  'dm-lag-seconds',
  'dm-synced-position',
  'ready-for-cutover',
  'tool-versions',
  'result-file',
  'plan-file',
  'unsupported-objects'
] as const

/** An output name. */
export type OutputName = (typeof OUTPUT_NAMES)[number]

/**
 * The most the `tables` output holds, in UTF-8 bytes. GitHub caps one output at 1 MB (and a job's outputs at 1 MB
 * together, per "Workflow syntax for GitHub Actions", jobs.<job_id>.outputs), and near 10,000 tables the list
 * passes that: the output then lists the tables that fit and the summary says where the full list is.
 */
export const TABLES_OUTPUT_MAX_BYTES = 512 * 1024

/** The `tables` output: a JSON list of as many tables as fit in `maxBytes`. Pure. */
export function tablesOutput(
  tables: Report['tables'],
  maxBytes = TABLES_OUTPUT_MAX_BYTES
): { readonly json: string; readonly listed: number; readonly total: number } {
  const parts: string[] = []
  let bytes = 2
  for (const t of tables) {
    const part = JSON.stringify({
      database: t.database,
      table: t.table,
      rowsExported: t.rowsExported ?? null,
      rowsImported: t.rowsImported ?? null,
      status: t.status,
      ...(t.differingRows?.length ? { differingRows: t.differingRows } : {})
    })
    const size = Buffer.byteLength(part, 'utf8') + (parts.length > 0 ? 1 : 0)
    if (bytes + size > maxBytes) break
    parts.push(part)
    bytes += size
  }
  return { json: `[${parts.join(',')}]`, listed: parts.length, total: tables.length }
}

/** The sentence for a `tables` output that lists only part of the tables. Pure. */
export function tablesCappedMessage(listed: number, total: number, resultFile?: string): string {
  const where =
    resultFile === undefined
      ? 'result.json, which could not be written this time (see the warning above)'
      : `result.json (${resultFile}, the \`result-file\` output)`
  return `The \`tables\` output lists the first ${listed} of ${total} tables: GitHub caps an output at 1 MB. The full list is in ${where}.`
}

/** Whether a string is a known output name. */
export function isOutputName(name: string): name is OutputName {
  return (OUTPUT_NAMES as readonly string[]).includes(name)
}

/**
 * The outputs of a report: what phases set explicitly, plus values derived from the report (binlog coordinates,
 * the per-table JSON) when no phase set them. Pure.
 * @param report the report
 * @param resultFile path of result.json, when written
 */
export function outputValues(
  report: Report,
  resultFile?: string
): Partial<Record<OutputName, string>> {
  const out: Partial<Record<OutputName, string>> = {}
  if (report.binlog) {
    out['binlog-file'] = report.binlog.file
    out['binlog-position'] = String(report.binlog.position)
    if (report.binlog.gtid) out['binlog-gtid'] = report.binlog.gtid
  }
  if (report.tables.length > 0) out.tables = tablesOutput(report.tables).json
  for (const [name, value] of Object.entries(report.outputs)) {
    if (isOutputName(name)) out[name] = value
  }
  if (report.unsupported !== undefined)
    out['unsupported-objects'] = JSON.stringify(report.unsupported)
  if (Object.keys(report.toolVersions).length > 0)
    out['tool-versions'] = JSON.stringify(report.toolVersions)
  if (resultFile) out['result-file'] = resultFile
  return out
}

/**
 * Sets every known output the report has a value for.
 * @param report the report
 * @param resultFile path of result.json, when written
 * @returns the outputs set
 */
export function writeOutputs(
  report: Report,
  resultFile?: string
): Partial<Record<OutputName, string>> {
  const values = outputValues(report, resultFile)
  for (const name of OUTPUT_NAMES) {
    const value = values[name]
    if (value !== undefined) core.setOutput(name, value)
  }
  return values
}
