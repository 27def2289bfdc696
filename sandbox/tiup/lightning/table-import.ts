// Importing one table: read every chunk not yet in the checkpoint, encode its rows as batched multi-row INSERTs
// for the target columns, keep a local checksum of what was read, then (post-process) compare it with a checksum
// computed from the rows the target actually holds, and ANALYZE. Log lines as table_import.go / checksum.go.
import type mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2'
import { fault } from '../../lib/faults.js'
import { goDuration } from '../../lib/pingcap-log.js'
import { goSqlErrorText } from '../sql-errors.js'
import { quoteIdent as q } from '../sql-text.js'
import type { ExternalStorage } from '../storage.js'
import type { ToolLogger } from '../tool-log.js'
import { CP, type Checkpoints, type ChunkSum } from './checkpoint.js'
import type { TaskConfig } from './config.js'
import { targetColumn, type TargetColumn } from './datum.js'
import { canceledError, lightningError, LightningError, messageOf } from './errors.js'
import type { TableMeta } from './loader.js'
import type { ImportMetrics } from './progress.js'
import { openChunk } from './readers.js'
import { checksumText, remoteRowPlan, rowEncoder, RowChecksum } from './row-checksum.js'
import type { TimeZone } from './time-zone.js'

/** Everything a table import needs from the run. */
export interface ImportEnv {
  readonly cfg: TaskConfig
  readonly log: ToolLogger
  readonly pool: mysql.Pool
  readonly storage: ExternalStorage
  readonly checkpoints: Checkpoints
  readonly metrics: ImportMetrics
  /** The import session's time zone (a Parquet `…Z` time lands in it). */
  readonly zone: TimeZone
  readonly signal: AbortSignal
  /** Asks the run to stop as if a signal arrived (the lightning-cancel fault). */
  readonly cancel: () => void
}

/** The lightning-error fault fails one table per run (the first to finish a batch); the others carry on. */
let errorFaultFired = false

/** `db`.`table` as Lightning names tables in logs and checkpoints. */
export function uniqueTable(db: string, table: string): string {
  return `${q(db)}.${q(table)}`
}

/** The target columns of a table (case-insensitive lookup), or undefined when it does not exist. */
export async function targetColumns(
  pool: mysql.Pool,
  db: string,
  table: string
): Promise<{ name: string; columns: TargetColumn[]; indexes: number } | undefined> {
  const [rows] = await pool.query<RowDataPacket[]>(
    'SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, NUMERIC_SCALE, DATETIME_PRECISION, CHARACTER_SET_NAME, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND LOWER(TABLE_NAME) = LOWER(?) ORDER BY ORDINAL_POSITION',
    [db, table]
  )
  if (!rows.length) return undefined
  const name = String(rows[0]?.['TABLE_NAME'])
  const [idx] = await pool.query<RowDataPacket[]>(
    "SELECT COUNT(DISTINCT INDEX_NAME) AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY'",
    [db, name]
  )
  return {
    name,
    columns: rows.filter((r) => r['TABLE_NAME'] === name).map(targetColumn),
    indexes: Number(idx[0]?.['n'] ?? 0)
  }
}

/** Runs `limit` async jobs at a time. */
class Limiter {
  private running = 0
  private readonly waiting: (() => void)[] = []
  private firstError: Error | undefined
  private readonly all = new Set<Promise<void>>()
  constructor(private readonly limit: number) {}
  async run(job: () => Promise<void>): Promise<void> {
    if (this.firstError) throw this.firstError
    while (this.running >= this.limit) await new Promise<void>((r) => this.waiting.push(r))
    this.running++
    const p = job()
      .catch((e: unknown) => {
        this.firstError ??= e instanceof Error ? e : new Error(String(e))
      })
      .finally(() => {
        this.running--
        this.all.delete(p)
        this.waiting.shift()?.()
      })
    this.all.add(p)
  }
  async drain(): Promise<void> {
    while (this.all.size) await Promise.all([...this.all])
    if (this.firstError) throw this.firstError
  }
}

function insertVerb(cfg: TaskConfig, resumed: boolean): string {
  const s = cfg.conflict.strategy
  if (s === 'replace' || (resumed && s !== 'ignore')) return 'REPLACE'
  if (s === 'ignore' || (cfg.importer.backend === 'local' && s === '')) return 'INSERT IGNORE'
  return 'INSERT'
}

/** Imports a table's data and runs its post-processing. Errors come back normalized like Lightning's. */
export async function importTable(env: ImportEnv, t: TableMeta): Promise<void> {
  const { cfg, log, pool, checkpoints, metrics } = env
  const name = uniqueTable(t.db, t.name)
  const started = Date.now()
  log.info('import.go:1420', 'restore table start', [['table', name]])
  let statusIfSucceed: number = CP.allWritten
  try {
    const target = await targetColumns(pool, t.db, t.name)
    if (!target)
      throw lightningError('Lightning:Restore:ErrSchemaNotExists', `table ${name} schema not found`)
    const cp = checkpoints.table(name)
    const local = new RowChecksum()
    let checksumColumns: TargetColumn[] | undefined
    const byName = new Map(target.columns.map((c) => [c.name.toLowerCase(), c]))
    const resumed = Object.keys(cp?.chunks ?? {}).length > 0
    for (const [path, sum] of Object.entries(cp?.chunks ?? {})) {
      if (t.dataFiles.some((f) => f.path === path)) {
        local.merge(sum)
        metrics.finishedChunks++
      }
    }
    if ((cp?.status ?? CP.loaded) < CP.allWritten) {
      log.info('table_import.go:380', 'load engines and files start', [['table', name]])
      const limiter = new Limiter(Math.max(1, Math.min(cfg.regionConcurrency, 8)))
      for (const file of t.dataFiles) {
        if (cp?.chunks[file.path]) continue
        const chunk = await openChunk(env.storage, file, cfg)
        const names = chunk.columns ?? target.columns.filter((c) => !c.generated).map((c) => c.name)
        const cols = names.map((n) => byName.get(n.toLowerCase()))
        const unknown = names.filter((_, i) => !cols[i])
        if (unknown.length) {
          throw lightningError(
            'Lightning:Restore:ErrUnknownColumns',
            `unknown columns in header (${unknown.join(',')}) for table ${name}`
          )
        }
        const known = cols as TargetColumn[]
        checksumColumns ??= known
        const chunkSum = new RowChecksum()
        const encodeRow = rowEncoder(known, env.zone)
        let rowsRead = 0
        /** Source bytes per row: exact when the file knows its rows, else from how far reading got. */
        const bytesPerRow = (): number =>
          chunk.totalRows
            ? file.size / chunk.totalRows
            : rowsRead
              ? (file.size * (chunk.progress?.() ?? 1)) / rowsRead
              : 0
        const head = `${insertVerb(cfg, resumed)} INTO ${q(t.db)}.${q(target.name)} (${known.map((c) => q(c.name)).join(',')}) VALUES `
        // The local backend has no SQL batch size; 96 KiB (the tidb backend's default) keeps each statement a
        // young-generation string, where larger ones went to V8's large-object space and its costlier collection.
        const maxBytes =
          cfg.importer.backend === 'tidb' ? cfg.importer.logicalImportBatchSize : 96 * 1024
        const maxRows =
          cfg.importer.backend === 'tidb' ? cfg.importer.logicalImportBatchRows : 1 << 30
        let tuples: string[] = []
        let bytes = 0
        const flush = async (): Promise<void> => {
          if (!tuples.length) return
          const sql = head + tuples.join(',')
          const n = tuples.length
          tuples = []
          bytes = 0
          await limiter.run(async () => {
            try {
              await pool.query(sql)
            } catch (e) {
              throw new LightningError(goSqlErrorText(e, cfg.tidb.host, cfg.tidb.port))
            }
            metrics.restoredRows += n
            metrics.restoredBytes += n * bytesPerRow()
            metrics.bytesRead += n * bytesPerRow()
          })
          if (fault('lightning-error') !== undefined && !errorFaultFired) {
            errorFaultFired = true
            await limiter.drain()
            throw new LightningError(
              fault('lightning-error') ||
                'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:20160: connect: connection refused"'
            )
          }
          if (fault('lightning-cancel') !== undefined) env.cancel()
          if (env.signal.aborted) {
            await limiter.drain()
            throw canceledError()
          }
        }
        for await (const batch of chunk.batches()) {
          for (const row of batch) {
            const tuple = encodeRow(row, chunkSum)
            tuples.push(tuple)
            rowsRead++
            bytes += tuple.length
            if (bytes >= maxBytes || tuples.length >= maxRows) await flush()
          }
        }
        await flush()
        await limiter.drain()
        const sum: ChunkSum = {
          cksum: chunkSum.cksum.toString(),
          size: chunkSum.size,
          kvs: chunkSum.rows * (1 + target.indexes),
          rows: chunkSum.rows
        }
        await checkpoints.chunkDone(name, file.path, sum)
        local.merge(sum)
        metrics.finishedChunks++
      }
      log.info('table_import.go:400', 'load engines and files completed', [
        ['table', name],
        ['enginesCnt', 1],
        ['takeTime', goDuration(Date.now() - started)],
        null
      ])
      await checkpoints.setStatus(name, CP.allWritten)
      if (cfg.importer.backend === 'local') {
        log.info('table_import.go:1030', 'import engine success', [
          ['table', name],
          ['engineNumber', 0]
        ])
        await checkpoints.setStatus(name, CP.imported)
      }
    }
    metrics.finishedEngines += 2
    checksumColumns ??= target.columns.filter((c) => !c.generated)
    statusIfSucceed = CP.checksummed
    if (cfg.postRestore.checksum !== 'off')
      await compareChecksum(env, t, target.name, checksumColumns, target.indexes, local)
    await checkpoints.setStatus(
      name,
      cfg.postRestore.checksum === 'off' ? CP.checksumSkipped : CP.checksummed
    )
    statusIfSucceed = CP.analyzed
    if (cfg.postRestore.analyze !== 'off') {
      const a = Date.now()
      log.info('table_import.go:1180', 'analyze start', [['table', name]])
      try {
        await pool.query(`ANALYZE TABLE ${q(t.db)}.${q(target.name)}`)
        log.info('table_import.go:1182', 'analyze completed', [
          ['table', name],
          ['takeTime', goDuration(Date.now() - a)],
          null
        ])
      } catch (e) {
        if (cfg.postRestore.analyze === 'required')
          throw new LightningError(goSqlErrorText(e, cfg.tidb.host, cfg.tidb.port))
        log.warn('table_import.go:1185', 'analyze table failed, will skip this error', [
          ['table', name],
          ['error', messageOf(e)]
        ])
      }
    }
    await checkpoints.setStatus(
      name,
      cfg.postRestore.analyze === 'off' ? CP.analyzeSkipped : CP.analyzed
    )
    metrics.completedTables++
    log.info('import.go:1440', 'restore table completed', [
      ['table', name],
      ['takeTime', goDuration(Date.now() - started)],
      null
    ])
  } catch (e) {
    const err = e instanceof LightningError ? e : new LightningError(messageOf(e))
    if (err.canceled) throw err
    const normalized = err.message.startsWith('[Lightning:')
      ? err
      : lightningError(
          'Lightning:Restore:ErrRestoreTable',
          `restore table ${name} failed`,
          err.message
        )
    log.error('import.go:1415', 'failed to import table', [
      ['table', name],
      ['error', normalized.message]
    ])
    log.error('import.go:1420', 'restore table failed', [
      ['table', name],
      ['takeTime', goDuration(Date.now() - started)],
      ['error', normalized.message]
    ])
    await checkpoints.setStatus(name, statusIfSucceed, true)
    throw Object.assign(normalized, { table: name, status: statusIfSucceed })
  }
}

async function compareChecksum(
  env: ImportEnv,
  t: TableMeta,
  targetName: string,
  cols: readonly TargetColumn[],
  indexes: number,
  local: RowChecksum
): Promise<void> {
  const { cfg, log, pool } = env
  const name = uniqueTable(t.db, t.name)
  const kvsPerRow = 1 + indexes
  log.info('table_import.go:736', 'local checksum', [
    ['table', name],
    ['checksum', checksumText(local, kvsPerRow)]
  ])
  const start = Date.now()
  log.info('checksum.go:172', 'remote checksum start', [['table', targetName]])
  const remote = new RowChecksum()
  const plan = remoteRowPlan(cols)
  const conn = await pool.getConnection()
  try {
    const core = (conn as unknown as { connection: { query(o: object): NodeJS.EventEmitter } })
      .connection
    await new Promise<void>((resolve, reject) => {
      core
        .query({
          sql: `SELECT ${plan.select.join(',')} FROM ${q(t.db)}.${q(targetName)}`,
          rowsAsArray: true,
          typeCast: (field: { buffer(): Buffer | null }) => field.buffer()
        })
        .on('result', (row: (Buffer | null)[]) => remote.addText(plan.rowText(row)))
        .on('error', (e: unknown) =>
          reject(new LightningError(goSqlErrorText(e, cfg.tidb.host, cfg.tidb.port)))
        )
        .on('end', () => resolve())
    })
  } finally {
    conn.release()
  }
  log.info('checksum.go:175', 'remote checksum completed', [
    ['table', targetName],
    ['takeTime', goDuration(Date.now() - start)],
    null
  ])
  if (remote.cksum !== local.cksum || remote.rows !== local.rows || remote.size !== local.size) {
    const err = lightningError(
      'Lightning:Restore:ErrChecksumMismatch',
      `checksum mismatched remote vs local => (checksum: ${remote.cksum} vs ${local.cksum}) (total_kvs: ${remote.rows * kvsPerRow} vs ${local.rows * kvsPerRow}) (total_bytes:${remote.size} vs ${local.size})`
    )
    if (cfg.postRestore.checksum === 'required') throw err
    log.warn('table_import.go:980', 'compare checksum failed, will skip this error and go on', [
      ['table', name],
      ['error', err.message]
    ])
    return
  }
  log.info('table_import.go:971', 'checksum pass', [
    ['table', name],
    ['local', checksumText(local, kvsPerRow)]
  ])
}
