// The `[progress]` line Lightning logs every `cron.log-progress` (lightning/pkg/importer/import.go): fields in
// order total, tables, chunks, engines, restore-bytes, restore-rows, import-bytes (local backend), "encode
// speed(MiB/s)", state, remaining — each absent one printed as an empty `[]`.
import { goDuration, type LogField } from '../../lib/pingcap-log.js'
import { goBytesSize } from './units.js'

/** Counters of a running import. */
export interface ImportMetrics {
  totalTables: number
  completedTables: number
  estimatedChunks: number
  finishedChunks: number
  estimatedEngines: number
  finishedEngines: number
  totalBytes: number
  restoredBytes: number
  totalRows: number
  /** False when the total row count is only estimated (SQL/CSV sources). */
  totalRowsKnown: boolean
  restoredRows: number
  bytesRead: number
}

/** A fresh set of counters. */
export function newMetrics(): ImportMetrics {
  return {
    totalTables: 0,
    completedTables: 0,
    estimatedChunks: 0,
    finishedChunks: 0,
    estimatedEngines: 0,
    finishedEngines: 0,
    totalBytes: 0,
    restoredBytes: 0,
    totalRows: 0,
    totalRowsKnown: true,
    restoredRows: 0,
    bytesRead: 0
  }
}

function percent(num: number, denom: number): string {
  return denom > 0 ? ` (${((num / denom) * 100).toFixed(1)}%)` : ''
}

/** The fields of one progress line, `elapsedMs` after the import started. */
export function progressFields(
  m: ImportMetrics,
  elapsedMs: number,
  localBackend: boolean
): LogField[] {
  const state =
    m.finishedChunks >= m.estimatedChunks
      ? m.finishedEngines < m.estimatedEngines
        ? 'importing'
        : 'post-processing'
      : m.finishedChunks > 0
        ? 'writing'
        : 'preparing'
  let restoreBytes: LogField = null
  let restoreRows: LogField = null
  let importBytes: LogField = null
  let remaining: LogField = null
  let total = 0
  if (m.restoredBytes > 0 || m.restoredRows > 0) {
    let restorePercent: number
    if (m.totalRowsKnown && m.totalRows > 0) {
      restorePercent = Math.min(m.restoredRows / m.totalRows, 1)
      restoreRows = ['restore-rows', `${m.restoredRows}/${m.totalRows}`]
    } else {
      restorePercent = Math.min(m.restoredBytes / Math.max(m.totalBytes, 1), 1)
      restoreRows = [
        'restore-rows',
        `${m.restoredRows}/${Math.round(m.restoredRows / Math.max(restorePercent, 1e-9))}(estimated)`
      ]
    }
    if (localBackend) {
      const importPercent = Math.min(
        m.estimatedEngines ? m.finishedEngines / m.estimatedEngines : 0,
        1
      )
      const totalImport = m.restoredBytes / Math.max(restorePercent, 1e-9)
      importBytes = [
        'import-bytes',
        `${goBytesSize(totalImport * importPercent)}/${goBytesSize(totalImport)}(estimated)`
      ]
      total = (restorePercent + importPercent) / 2
    } else {
      total = restorePercent
    }
    if (total < 1 && total > 0) {
      remaining = [
        'remaining',
        goDuration(Math.round((((1 - total) / total) * elapsedMs) / 1000) * 1000)
      ]
    }
    restoreBytes = ['restore-bytes', `${goBytesSize(m.restoredBytes)}/${goBytesSize(m.totalBytes)}`]
  }
  const speed: LogField =
    m.bytesRead > 0
      ? ['encode speed(MiB/s)', m.bytesRead / 1048576 / Math.max(elapsedMs / 1000, 1e-3)]
      : null
  return [
    ['total', `${(total * 100).toFixed(1)}%`],
    ['tables', `${m.completedTables}/${m.totalTables}${percent(m.completedTables, m.totalTables)}`],
    [
      'chunks',
      `${m.finishedChunks}/${m.estimatedChunks}${percent(m.finishedChunks, m.estimatedChunks)}`
    ],
    [
      'engines',
      `${m.finishedEngines}/${m.estimatedEngines}${percent(m.finishedEngines, m.estimatedEngines)}`
    ],
    restoreBytes,
    restoreRows,
    importBytes,
    speed,
    ['state', state],
    remaining
  ]
}
