// Writes a captured snapshot into the S3 stand-in's store as AWS's export does: gzip Parquet data files per table
// (several files and batch folders for big tables), `_SUCCESS` per batch folder, and — by the caller, once the task
// completes — the two metadata files. Files appear as the export progresses; the event loop is yielded between files
// so the RDS and S3 stand-ins (same process) keep answering while a big table is written.
import { randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { setImmediate as yieldLoop } from 'node:timers/promises'
import { parquetWriteBuffer } from 'hyparquet-writer'
import type { S3Store } from './s3-store.js'
import { readRows, type SnapshotManifest, type SnapshotTable } from './snapshot-capture.js'
import { mapColumn, parquetSchema, type ParquetValue } from './parquet-mapping.js'
import { selectedBy, type ExportOnlyEntry } from './rds-validation.js'
import {
  filePlace,
  partFileName,
  skipReason,
  tableFolder,
  type Skipped,
  type TableResult
} from './export-layout.js'

/** gzip for hyparquet-writer (hyparquet-writer builds in only SNAPPY; a zlib GZIP compressor works). */
const GZIP = (input: Uint8Array): Uint8Array => new Uint8Array(gzipSync(input))

/** What an export will write, decided before it starts. */
export interface ExportPlan {
  readonly tables: readonly SnapshotTable[]
  readonly skippedTables: readonly Skipped[]
  /** ExportOnly entries that name nothing in the snapshot. */
  readonly skippedObjectives: readonly Skipped[]
  readonly totalRows: number
}

/**
 * Chooses the tables an export writes: ExportOnly, then AWS's skip rules (AWS, Aurora User Guide, "Considerations for
 * DB cluster snapshot exports").
 */
export function planExport(
  manifest: SnapshotManifest,
  exportOnly: readonly ExportOnlyEntry[]
): ExportPlan {
  const selected = manifest.tables.filter((t) => selectedBy(exportOnly, t.db, t.name))
  const skippedTables: Skipped[] = []
  const tables: SnapshotTable[] = []
  for (const t of selected) {
    const reason = skipReason(
      t.name,
      t.columns.map((c) => c.name)
    )
    if (reason) skippedTables.push({ target: `${t.db}.${t.name}`, reason })
    else tables.push(t)
  }
  const skippedObjectives = exportOnly
    .filter((e) => !manifest.tables.some((t) => selectedBy([e], t.db, t.name)))
    .map((e) => ({ target: e.value, reason: 'OBJECTIVE_NOT_FOUND' }))
  return {
    tables,
    skippedTables,
    skippedObjectives,
    totalRows: tables.reduce((n, t) => n + t.rows, 0)
  }
}

/** Where and how to write. */
export interface ExportWriteOptions {
  readonly store: S3Store
  readonly bucket: string
  /** `<S3Prefix>/<ExportTaskIdentifier>` (see exportBase). */
  readonly base: string
  readonly snapshotDir: string
  readonly plan: ExportPlan
  readonly rowsPerFile: number
  readonly filesPerBatch: number
  /** Called after each data file with the running totals. */
  readonly onProgress: (rowsDone: number, bytesWritten: number) => void
  /** Asked between files; true stops the export (cancel, fault, shutdown). */
  readonly shouldStop: () => boolean
}

/** What was written. */
export interface ExportWriteResult {
  readonly tables: TableResult[]
  readonly bytes: number
  /** True when shouldStop ended the export early. */
  readonly stopped: boolean
}

/** Writes the planned tables. */
export async function writeExport(o: ExportWriteOptions): Promise<ExportWriteResult> {
  const results: TableResult[] = []
  let rowsDone = 0
  let bytes = 0
  for (const table of o.plan.tables) {
    if (o.shouldStop()) return { tables: results, bytes, stopped: true }
    const started = new Date()
    const mappings = table.columns.map(mapColumn)
    const schema = parquetSchema(mappings)
    const folder = tableFolder(o.base, table.db, table.name)
    let columns = mappings.map((m) => ({ m, data: [] as ParquetValue[] }))
    let buffered = 0
    let files = 0
    let tableBytes = 0
    const batches = new Set<string>()

    const flush = async (): Promise<void> => {
      const body = Buffer.from(
        parquetWriteBuffer({
          columnData: columns.map((c) => ({ name: c.m.element.name, data: c.data })),
          schema,
          codec: 'GZIP',
          compressors: { GZIP }
        })
      )
      const { batch, partition } = filePlace(files, o.filesPerBatch)
      o.store.put(o.bucket, `${folder}${batch}/${partFileName(partition, randomUUID())}`, body)
      batches.add(batch)
      files++
      tableBytes += body.length
      bytes += body.length
      rowsDone += buffered
      columns = mappings.map((m) => ({ m, data: [] as ParquetValue[] }))
      buffered = 0
      o.onProgress(rowsDone, bytes)
      await yieldLoop()
    }

    for await (const row of readRows(o.snapshotDir, table)) {
      columns.forEach((c, i) => c.data.push(c.m.convert(row[i] ?? null)))
      if (++buffered >= o.rowsPerFile) {
        await flush()
        if (o.shouldStop()) return { tables: results, bytes, stopped: true }
      }
    }
    // An empty table gets no data file (the export writes a file per non-empty range only, so the
    // partition index has gaps: AWS, Aurora User Guide, "Considerations for DB cluster snapshot exports", "File
    // naming convention").
    if (buffered > 0) await flush()
    for (const b of batches) o.store.put(o.bucket, `${folder}${b}/_SUCCESS`, Buffer.alloc(0))
    results.push({
      target: `${table.db}.${table.name}`,
      sizeBytes: tableBytes,
      files,
      started,
      ended: new Date(),
      typeMappings: table.columns.map((c, i) => ({
        columnName: c.name,
        originalType: c.unsigned ? `${c.dataType} unsigned` : c.dataType,
        expectedExportedType: mappings[i]?.exportedType ?? '',
        originalCharMaxLength: c.charMaxLength ?? 0,
        originalNumPrecision: c.precision ?? 0,
        originalDateTimePrecision: c.datetimePrecision ?? 0
      }))
    })
  }
  return { tables: results, bytes, stopped: false }
}
