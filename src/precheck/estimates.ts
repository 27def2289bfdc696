// Estimates of a migration before it runs: how long the export and the import take, how much binlog retention DM
// needs to start from the recorded position, what the export costs and how much disk Lightning wants. All are
// estimates from published figures and stated assumptions, never promises; the plan says so next to each number.
import type { LightningBackend } from '../inputs/types.js'

const GIB = 1024 ** 3
const GB = 1000 ** 3

/**
 * Aurora snapshot export price, USD per GB of snapshot size: the rate listed for US East (N. Virginia) under
 * "Snapshot or cluster export" on https://aws.amazon.com/rds/aurora/pricing/ (as published in 2025). Other Regions
 * differ; AWS bills the whole snapshot even when ExportOnly selects part of it.
 */
export const EXPORT_PRICE = {
  usdPerGb: 0.01,
  region: 'US East (N. Virginia)',
  source: 'https://aws.amazon.com/rds/aurora/pricing/',
  asOf: '2025'
} as const

/**
 * TiDB Lightning import speed, GiB per hour, the low end of PingCAP's published ranges ("Fast (100~500 GiB/hour)"
 * physical, "Low (10~50 GiB/hour)" logical; docs.pingcap.com/tidb/stable/tidb-lightning-overview).
 */
export const IMPORT_GIB_PER_HOUR: Readonly<Record<LightningBackend, number>> = {
  local: 100,
  tidb: 10
}

/**
 * Snapshot export: a fixed start (AWS restores and scales the snapshot first; even tiny exports take about 15
 * minutes; AWS, Aurora User Guide, "Creating snapshot export tasks") plus a throughput. AWS publishes no throughput:
 * 50 GiB/hour is our conservative assumption; tables without a numeric key export single-threaded and slower.
 */
export const EXPORT_START_HOURS = 0.5
export const EXPORT_GIB_PER_HOUR = 50

/** Retention margin: estimates are rough (×1.5), and a failed import must be re-runnable before DM starts (+4 h). */
export const RETENTION_FACTOR = 1.5
export const RETENTION_EXTRA_HOURS = 4
/** Aurora's upper bound of `binlog retention hours` (2160 hours = 90 days; Aurora User Guide,
 * mysql.rds_set_configuration). */
export const AURORA_MAX_RETENTION_HOURS = 2160

/** TiKV space per byte of source data: 3 replicas × 2 for indexes and RocksDB amplification (PingCAP's rule). */
export const TIKV_SPACE_FACTOR = 6

/** What a run of the selected data is expected to take. */
export interface RunEstimate {
  readonly selectedBytes: number
  readonly exportHours: number
  readonly importHours: number
  /** Export then import (the schema track runs beside the export). */
  readonly totalHours: number
  /** Hours of binlog the source must keep so DM can start from the position recorded before the snapshot. */
  readonly retentionNeededHours: number
}

const round1 = (h: number): number => Math.round(h * 10) / 10

/** Durations and the retention DM needs, from the selected tables' size. Pure. */
export function estimateRun(selectedBytes: number, backend: LightningBackend): RunEstimate {
  const gib = Math.max(0, selectedBytes) / GIB
  const exportHours = EXPORT_START_HOURS + gib / EXPORT_GIB_PER_HOUR
  const importHours = 0.1 + gib / IMPORT_GIB_PER_HOUR[backend]
  const totalHours = exportHours + importHours
  return {
    selectedBytes,
    exportHours: round1(exportHours),
    importHours: round1(importHours),
    totalHours: round1(totalHours),
    retentionNeededHours: Math.ceil(totalHours * RETENTION_FACTOR + RETENTION_EXTRA_HOURS)
  }
}

/** The export's cost in USD for a snapshot of `snapshotBytes` (decimal GB, as AWS bills). Pure. */
export function exportCostUsd(snapshotBytes: number): number {
  return Math.round((Math.max(0, snapshotBytes) / GB) * EXPORT_PRICE.usdPerGb * 100) / 100
}
