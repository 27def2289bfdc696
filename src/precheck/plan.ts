// The plan of `operation: plan`, built from the precheck's facts: tables, rows and bytes per database, estimates
// (export cost and duration, import duration, binlog retention needed vs configured, disk and storage needs) with
// what each is based on, and risk flags per table. Pure.
import { DEFAULT_RESTORE_CLASS, dmEnabled, restoreWanted, type Inputs } from '../inputs/types.js'
import type { SourceTable } from '../mysql/catalog.js'
import type { PlanDatabase, PlanEstimate, PlanReport, PlanRisk } from '../report/types.js'
import { formatBytes, plural } from '../util/format.js'
import {
  EXPORT_GIB_PER_HOUR,
  EXPORT_PRICE,
  EXPORT_START_HOURS,
  IMPORT_GIB_PER_HOUR,
  RETENTION_EXTRA_HOURS,
  RETENTION_FACTOR,
  TIKV_SPACE_FACTOR,
  estimateRun,
  exportCostUsd
} from './estimates.js'
import type { PrecheckFacts } from './facts.js'
import { tableName } from './facts.js'
import { bitColumns, exportSkip, zeroDateColumns } from './selection-checks.js'
import { retainedHours } from './source-checks.js'

const GIB = 1024 ** 3

/** What could go wrong with one table, in a few words each. */
export function tableRisks(t: SourceTable): string[] {
  const risks: string[] = []
  const bits = bitColumns(t)
  if (bits.length > 0)
    risks.push(`BIT column ${bits.join(', ')}: Lightning cannot read it from Aurora Parquet`)
  const skip = exportSkip(t)
  if (skip) risks.push(`skipped by the export (${skip})`)
  const zero = zeroDateColumns(t)
  if (zero.length > 0) risks.push(`zero-date default on ${zero.join(', ')}`)
  if (!t.hasUniqueKey) risks.push('no primary or NOT NULL unique key (DM safe mode cannot dedupe)')
  const wide = t.columns.filter((c) => c.dataType === 'decimal' && (c.numericPrecision ?? 0) > 38)
  if (wide.length > 0)
    risks.push(`DECIMAL over 38 digits exported as text: ${wide.map((c) => c.name).join(', ')}`)
  const floats = t.columns.filter((c) => c.dataType === 'float')
  if (floats.length > 0)
    risks.push(
      `FLOAT exported as DOUBLE (last digits may differ): ${floats.map((c) => c.name).join(', ')}`
    )
  const lobs = t.columns.filter((c) => c.dataType === 'longblob' || c.dataType === 'longtext')
  if (lobs.length > 0)
    risks.push(
      `LONGBLOB/LONGTEXT (the export fails on a value near 500 MB): ${lobs.map((c) => c.name).join(', ')}`
    )
  if (t.foreignKeys > 0) risks.push(`${t.foreignKeys} foreign key(s): import order is not enforced`)
  if (t.collation?.startsWith('utf8mb4_0900'))
    risks.push(`collation ${t.collation} needs TiDB v7.4 or later`)
  if (t.engine !== null && t.engine.toLowerCase() !== 'innodb')
    risks.push(`engine ${t.engine}, not InnoDB`)
  return risks
}

function databases(tables: readonly SourceTable[]): PlanDatabase[] {
  const by = new Map<string, PlanDatabase>()
  for (const t of tables) {
    const d = by.get(t.database) ?? { database: t.database, tables: 0, estimatedRows: 0, bytes: 0 }
    by.set(t.database, {
      database: t.database,
      tables: d.tables + 1,
      estimatedRows: d.estimatedRows + t.estimatedRows,
      bytes: d.bytes + t.bytes
    })
  }
  return [...by.values()]
}

/** How long a restored copy takes to become available (our assumption). */
const RESTORE_HOURS = 0.5

const hours = (h: number): string => (h < 1 ? `~${Math.max(1, Math.round(h * 60))} min` : `~${h} h`)

function estimates(
  facts: PrecheckFacts,
  inputs: Inputs,
  tables: readonly SourceTable[]
): PlanEstimate[] {
  const selected = tables.reduce((n, t) => n + t.bytes, 0)
  const backend = inputs.import.backend
  const run = estimateRun(selected, backend)
  const snap =
    facts.aws.snapshot?.kind === 'found' ? facts.aws.snapshot.value.allocatedGb : undefined
  const totalBytes = facts.source.ok ? facts.source.value.catalog.totalBytes : selected
  const snapshotBytes = snap !== undefined ? snap * GIB : totalBytes
  const out: PlanEstimate[] = [
    {
      label: 'Export cost',
      value: `$${exportCostUsd(snapshotBytes).toFixed(2)}`,
      basis:
        `${formatBytes(snapshotBytes)} ${snap !== undefined ? 'snapshot' : 'of data on the cluster (a lower bound of the snapshot size)'} × ` +
        `$${EXPORT_PRICE.usdPerGb.toFixed(3)}/GB, the ${EXPORT_PRICE.region} price on ${EXPORT_PRICE.source} (${EXPORT_PRICE.asOf}); ` +
        'AWS bills the whole snapshot, however few tables are exported. An estimate: check your Region’s price.'
    },
    {
      label: 'Export duration',
      value: hours(run.exportHours),
      basis: `${EXPORT_START_HOURS * 60} min for AWS to restore the snapshot + ${formatBytes(selected)} at ${EXPORT_GIB_PER_HOUR} GiB/h (our assumption; AWS publishes no rate, and tables without a numeric key export single-threaded)`
    },
    {
      label: 'Import duration',
      value: hours(run.importHours),
      basis: `Lightning ${backend} backend at ${IMPORT_GIB_PER_HOUR[backend]} GiB/h, the low end of PingCAP's published range; the schema track runs beside the export`
    }
  ]
  if (restoreWanted(inputs)) out.push(restoredCopyEstimate(inputs, run.totalHours))
  const retention = facts.source.ok ? retainedHours(facts.source.value.retention) : undefined
  out.push({
    label: 'Binlog retention',
    value: `${run.retentionNeededHours} h needed; ${retention === undefined ? 'unknown' : retention === Infinity ? 'never purged' : `${Math.round(retention * 10) / 10} h`} configured`,
    basis: `(export + import) × ${RETENTION_FACTOR} + ${RETENTION_EXTRA_HOURS} h, so DM can start from the recorded position${dmEnabled(inputs) ? '' : ' (no DM in this run)'}`
  })
  if (backend === 'local') {
    const largest = Math.max(0, ...tables.map((t) => t.bytes))
    const free = facts.runner.freeBytes
    out.push({
      label: 'Lightning disk (sorted-kv-dir)',
      value: `${formatBytes(largest)} needed; ${free === undefined ? 'free space unknown' : `${formatBytes(free)} free`}`,
      basis: `about the largest table, in ${facts.runner.sortedKvDir}`
    })
  }
  out.push({
    label: 'S3 footprint',
    value: `up to ${formatBytes(selected)}`,
    basis: `the export's gzip Parquet under ${inputs.aws.s3?.uri ?? "'s3-uri'"}/export is usually smaller than InnoDB's on-disk size; the schema dump is small`
  })
  out.push({
    label: 'TiKV storage',
    value: formatBytes(selected * TIKV_SPACE_FACTOR),
    basis:
      "selected size × 3 replicas × 2 for indexes and RocksDB amplification (PingCAP's sizing rule)"
  })
  return out
}

/**
 * The restored copy (restore-snapshot): it is restored beside the export, so it adds no time unless it outlasts the
 * export, and it bills by the hour until the run removes it.
 */
function restoredCopyEstimate(inputs: Inputs, runHours: number): PlanEstimate {
  const cls = inputs.restore.instanceClass ?? DEFAULT_RESTORE_CLASS
  return {
    label: 'Restored copy',
    value: `${hours(RESTORE_HOURS)} beside the export; ${cls} for ${hours(runHours)}${inputs.restore.keep ? ' and kept after the run (keep-restored-copy)' : ''}`,
    basis: `RestoreDBClusterFromSnapshot + one ${cls} instance, about ${RESTORE_HOURS * 60} min whatever the size (our assumption: an Aurora restore attaches the snapshot's volume; AWS publishes no duration); billed at the class's hourly Aurora price while the run lasts (export + import + verify), then removed${inputs.restore.keep ? ' — except that it is kept' : ''}. An estimate: check your Region's price.`
  }
}

/** The plan, or undefined when the source could not be read. */
export function buildPlan(facts: PrecheckFacts, inputs: Inputs): PlanReport | undefined {
  if (!facts.source.ok) return undefined
  const { tables, views } = facts.source.value.catalog
  const risks: PlanRisk[] = tables
    .map((t) => ({ table: tableName(t), risks: tableRisks(t) }))
    .filter((r) => r.risks.length > 0)
  return {
    totals: {
      tables: tables.length,
      views: views.length,
      estimatedRows: tables.reduce((n, t) => n + t.estimatedRows, 0),
      bytes: tables.reduce((n, t) => n + t.bytes, 0)
    },
    databases: databases(tables),
    estimates: estimates(facts, inputs, tables),
    risks
  }
}

/** One line for the log: `13 tables, ~4,451 rows, 576.0 KiB`. */
export function planHeadline(plan: PlanReport): string {
  const t = plan.totals
  return `${plural(t.tables, 'table')}, ~${plural(t.estimatedRows, 'row')}, ${formatBytes(t.bytes)}`
}
