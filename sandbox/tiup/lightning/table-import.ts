// Importing one table: read every chunk not yet in the checkpoint, encode its rows as batched multi-row INSERTs
// for the target columns, keep a local checksum of what was read, then (post-process) compare it with a checksum
// computed from the rows the target actually holds, and ANALYZE. Log lines as table_import.go / checksum.go.
import type mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2'
import { fault } from '../../lib/faults.js'
import { goDuration } from '../../lib/pingcap-log.js'
import { goSqlErrorText } from '../sql-errors.js'
import { escapeString, quoteIdent as q } from '../sql-text.js'
import type { ExternalStorage } from '../storage.js'
import type { ToolLogger } from '../tool-log.js'
import { CP, type Checkpoints, type ChunkSum } from './checkpoint.js'
import type { TaskConfig } from './config.js'
import {
  canonicalTextSql,
  datumText,
  normalizeForColumn,
  sqlLiteral,
  targetColumn,
  timeText,
  TimeValue,
  type Datum,
  type TargetColumn
} from './datum.js'
import { canceledError, lightningError, LightningError, messageOf } from './errors.js'
import type { TableMeta } from './loader.js'
import type { ImportMetrics } from './progress.js'
import { openChunk } from './readers.js'

/** Everything a table import needs from the run. */
export interface ImportEnv {
  readonly cfg: TaskConfig
  readonly log: ToolLogger
  readonly pool: mysql.Pool
  readonly storage: ExternalStorage
  readonly checkpoints: Checkpoints
  readonly metrics: ImportMetrics
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

/** A 64-bit hash of a string as two 32-bit halves (two multiplicative hashes over the UTF-16 code units). */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return [h1 >>> 0, h2 >>> 0]
}

/** A running XOR checksum over normalized rows (like TiDB's, order-independent). */
class RowChecksum {
  private hi = 0
  private lo = 0
  size = 0
  rows = 0
  /** Adds a row given as its normalized values joined by `\x1f`. */
  addText(text: string): void {
    const [a, b] = hash64(text)
    this.hi = (this.hi ^ a) >>> 0
    this.lo = (this.lo ^ b) >>> 0
    this.size += Buffer.byteLength(text)
    this.rows++
  }
  get cksum(): bigint {
    return (BigInt(this.hi) << 32n) | BigInt(this.lo)
  }
  merge(s: ChunkSum): void {
    const v = BigInt(s.cksum)
    this.hi = (this.hi ^ Number(v >> 32n)) >>> 0
    this.lo = (this.lo ^ Number(v & 0xffffffffn)) >>> 0
    this.size += s.size
    this.rows += s.rows
  }
}

function checksumText(c: RowChecksum, kvsPerRow: number): string {
  return `{cksum=${c.cksum},size=${c.size},kvs=${c.rows * kvsPerRow}}`
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

/** Column types whose canonical text is a bigint's decimal text. */
const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint'])
/** Column types whose canonical text is the string itself (normalizeForColumn's default case). */
const PLAIN_TEXT_TYPES = new Set([
  'varchar',
  'text',
  'tinytext',
  'mediumtext',
  'longtext',
  'json',
  'enum',
  'set'
])

/**
 * A row's `(literal,…)` tuple for the INSERT, adding its normalized text to the checksum on the way: one pass over
 * the values, a time converted once for both (this loop runs once per imported row).
 */
function encodeRow(row: readonly Datum[], cols: readonly TargetColumn[], sum: RowChecksum): string {
  let tuple = '('
  let text = ''
  for (let i = 0; i < row.length; i++) {
    const v = row[i] ?? null
    const col = cols[i] as TargetColumn
    if (i > 0) {
      tuple += ','
      text += '\x1f'
    }
    if (typeof v === 'bigint' && INTEGER_TYPES.has(col.dataType)) {
      const t = v.toString() // already the canonical text of an integer column
      tuple += t
      text += t
    } else if (typeof v === 'string' && PLAIN_TEXT_TYPES.has(col.dataType) && !col.binary) {
      tuple += `'${escapeString(v)}'`
      text += v // normalizeForColumn keeps such text as it is
    } else if (v instanceof TimeValue) {
      const t = timeText(v, col)
      tuple += `'${t}'`
      text += normalizeForColumn(col, t)
    } else {
      tuple += sqlLiteral(v, col)
      text += normalizeForColumn(col, datumText(v, col))
    }
  }
  sum.addText(text)
  return `${tuple})`
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
            const tuple = encodeRow(row, known, chunkSum)
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

/**
 * How the remote checksum reads a table: each run of columns whose normalized text the target can build
 * (canonicalTextSql) comes back as one value, joined by `\x1f` on the server; the other columns come back raw and
 * are normalized here. `rowText` rebuilds the row's text in column order, the same text the local checksum hashes.
 */
function remoteRowPlan(cols: readonly TargetColumn[]): {
  readonly select: string[]
  readonly rowText: (row: readonly (Buffer | null)[]) => string
} {
  const select: string[] = []
  /** Per selected value: the column it normalizes here, or undefined for a server-built run. */
  const here: (TargetColumn | undefined)[] = []
  let run: string[] = []
  const endRun = (): void => {
    if (run.length === 0) return
    select.push(
      run.length === 1 ? (run[0] as string) : `CONCAT_WS(CHAR(31 USING utf8mb4),${run.join(',')})`
    )
    here.push(undefined)
    run = []
  }
  for (const col of cols) {
    const sql = canonicalTextSql(col)
    if (sql !== undefined) {
      run.push(sql)
      continue
    }
    endRun()
    select.push(q(col.name))
    here.push(col)
  }
  endRun()
  if (select.length === 0) select.push("''") // a table without columns to compare still counts its rows
  const rowText = (row: readonly (Buffer | null)[]): string => {
    let text = ''
    for (let i = 0; i < row.length; i++) {
      const v = row[i] ?? null
      const col = here[i]
      if (i > 0) text += '\x1f'
      if (col === undefined) text += v === null ? '' : v.toString('utf8')
      else
        text += normalizeForColumn(
          col,
          v === null ? null : col.binary ? v.toString('hex') : v.toString('utf8')
        )
    }
    return text
  }
  return { select, rowText }
}
