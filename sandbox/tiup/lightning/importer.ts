// The import controller (lightning/pkg/importer/import.go Controller.Run): the steps setGlobalVariables,
// restoreSchema, preCheckRequirements, initCheckpoint, importTables, fullCompact, cleanCheckpoints inside
// "the whole procedure", with the real log lines, the pre-check table on stdout, periodic `[progress]` lines and the
// error summary of failed tables.
import { statfsSync } from 'node:fs'
import os from 'node:os'
import mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2'
import { timing } from '../../lib/faults.js'
import { goDuration } from '../../lib/pingcap-log.js'
import { goSqlErrorText } from '../sql-errors.js'
import { quoteIdent as q } from '../sql-text.js'
import type { ExternalStorage } from '../storage.js'
import type { ToolLogger } from '../tool-log.js'
import { CP, Checkpoints, statusMetricName } from './checkpoint.js'
import type { TaskConfig } from './config.js'
import { LightningError, lightningError, messageOf } from './errors.js'
import type { DbMeta, TableMeta } from './loader.js'
import { CheckTemplate } from './precheck.js'
import { progressFields, type ImportMetrics } from './progress.js'
import { parquetRowCount, peekColumns } from './readers.js'
import { findCreate, rewriteCreateDatabase, rewriteCreateTable } from './sql-data.js'
import { importTable, targetColumns, uniqueTable, type ImportEnv } from './table-import.js'
import { restoreViews } from './schema-views.js'
import { sessionTimeZone } from './time-zone.js'
import { asTidbCreateTable } from './tidb-ddl.js'
import { goBytesSize } from './units.js'

/** What the controller works with. */
export interface ControllerEnv {
  readonly cfg: TaskConfig
  readonly log: ToolLogger
  readonly storage: ExternalStorage
  readonly dbs: DbMeta[]
  readonly signal: AbortSignal
  readonly cancel: () => void
  readonly version: string
  /** Writes to stdout (the pre-check table). */
  readonly print: (s: string) => void
  /** Progress shared with the status server. */
  readonly metrics: ImportMetrics
  /** When the process started (the `lightning` timing counts from here). */
  readonly startedAt: number
}

type FailedTable = LightningError & { table?: string; status?: number }

/** Opens the connection pool to the target (TiDB; here the target MariaDB) with the session Lightning uses. */
export async function openTarget(cfg: TaskConfig, connections: number): Promise<mysql.Pool> {
  const pool = mysql.createPool({
    host: cfg.tidb.host,
    port: cfg.tidb.port,
    user: cfg.tidb.user,
    password: cfg.tidb.password,
    connectionLimit: connections,
    multipleStatements: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    maxPreparedStatements: 0,
    // Without values a statement goes out as is: the driver would otherwise scan every (large) batched INSERT
    // for `?` placeholders.
    queryFormat: (sql: string, values: unknown) =>
      Array.isArray(values) && values.length ? mysql.format(sql, values) : sql
  })
  pool.on('connection', (conn) => {
    // DBFromConfig (pkg/lightning/importer/tidb.go) sets these and `[tidb.session-vars]` on every connection; it
    // leaves time_zone alone, so the session runs in the target's @@global.time_zone unless session-vars set it.
    const vars: Record<string, string> = {
      sql_mode: cfg.tidb.sqlMode,
      foreign_key_checks: '0',
      ...cfg.tidb.sessionVars
    }
    const sets = Object.entries(vars)
      .map(([k, v]) => `${k} = ${/^(-?\d+|ON|OFF)$/i.test(v) ? v : conn.escape(v)}`)
      .join(', ')
    // The event hands over the callback-style connection; the SET is queued before any other query on it, so
    // every statement runs with Lightning's session.
    ;(conn as unknown as { query(sql: string, cb: () => void): void }).query(
      `SET SESSION ${sets}`,
      () => undefined
    )
  })
  try {
    const c = await pool.getConnection()
    c.release()
  } catch (e) {
    await pool.end().catch(() => undefined)
    throw new LightningError(goSqlErrorText(e, cfg.tidb.host, cfg.tidb.port))
  }
  return pool
}

/** The import of one task. */
export class Controller {
  private pool!: mysql.Pool
  private checkpoints!: Checkpoints
  private readonly failed: FailedTable[] = []

  constructor(private readonly env: ControllerEnv) {}

  private get tables(): TableMeta[] {
    return this.env.dbs.flatMap((d) => d.tables)
  }

  /** NewImportController: target connection and checkpoints (verified against the config). */
  async open(): Promise<void> {
    const { cfg, log } = this.env
    this.pool = await openTarget(
      cfg,
      Math.min(64, cfg.tableConcurrency * Math.min(cfg.regionConcurrency, 8) + 2)
    )
    try {
      this.checkpoints = await Checkpoints.open({
        driver: cfg.checkpoint.driver,
        dsn: cfg.checkpoint.dsn,
        schema: cfg.checkpoint.schema,
        pool: this.pool,
        disabled: !cfg.checkpoint.enable
      })
    } catch (e) {
      throw lightningError(
        'Lightning:Checkpoint:ErrOpenCheckpoint',
        'open checkpoint error',
        goSqlErrorText(e, cfg.tidb.host, cfg.tidb.port)
      )
    }
    if (this.checkpoints.fresh && cfg.checkpoint.enable && cfg.checkpoint.driver === 'file') {
      log.info('checkpoints.go:1079', 'open checkpoint file failed, going to create a new one', [
        ['path', cfg.checkpoint.dsn],
        ['error', `open ${cfg.checkpoint.dsn}: no such file or directory`]
      ])
    }
    this.verifyCheckpoint()
  }

  private verifyCheckpoint(): void {
    const { cfg } = this.env
    const task = this.checkpoints.task
    if (!task) return
    const retry = `${cfg.checkpoint.driver === 'file' ? `delete the file '${cfg.checkpoint.dsn}'` : 'destroy all checkpoints'} and remove all restored tables and try again`
    const bad = (msg: string): LightningError =>
      lightningError('Lightning:Checkpoint:ErrInvalidCheckpoint', msg)
    if (task.backend !== cfg.importer.backend) {
      throw bad(
        `config 'tikv-importer.backend' value '${cfg.importer.backend}' different from checkpoint value '${task.backend}', please ${retry}`
      )
    }
    if (!cfg.checkRequirements) return
    if (task.lightningVersion !== this.env.version) {
      throw bad(
        `lightning version is '${this.env.version}', but checkpoint was created at '${task.lightningVersion}', please ${retry}`
      )
    }
    const fmt = (key: string, value: string, stored: string): string =>
      `config '${key}' value '${value}' different from checkpoint value '${stored}'. You may set 'check-requirements = false' to skip this check or ${retry}`
    if (task.sourceDir !== cfg.mydumper.sourceDir)
      throw bad(fmt('mydumper.data-source-dir', cfg.mydumper.sourceDir, task.sourceDir))
    if (cfg.importer.backend === 'local' && task.sortedKvDir !== cfg.importer.sortedKvDir) {
      throw bad(fmt('mydumper.sorted-kv-dir', cfg.importer.sortedKvDir, task.sortedKvDir))
    }
  }

  /** Controller.Run. Resolves on success; rejects with the run's error (canceled errors carry `canceled`). */
  async run(): Promise<void> {
    const { log } = this.env
    const started = Date.now()
    log.info('import.go:428', 'the whole procedure start')
    const steps: (() => Promise<void>)[] = [
      () => this.setGlobalVariables(),
      () => this.restoreSchema(),
      () => this.preCheckRequirements(),
      () => this.initCheckpoint(),
      () => this.importTables(),
      () => Promise.resolve(log.info('import.go:1655', 'skip full compaction')),
      () => this.cleanCheckpoints()
    ]
    let error: LightningError | undefined
    for (let i = 0; i < steps.length; i++) {
      try {
        await (steps[i] as () => Promise<void>)()
      } catch (e) {
        error = e instanceof LightningError ? e : new LightningError(messageOf(e))
        if (error.canceled)
          log.info('import.go:460', 'task canceled', [
            ['step', i],
            ['error', error.message]
          ])
        else
          log.error('import.go:463', 'run failed', [
            ['step', i],
            ['error', error.message]
          ])
        break
      }
    }
    const take = goDuration(Date.now() - started)
    if (!error)
      log.info('import.go:476', 'the whole procedure completed', [['takeTime', take], null])
    else if (error.canceled)
      log.debug('import.go:476', 'the whole procedure canceled', [
        ['takeTime', take],
        ['error', error.message]
      ])
    else
      log.error('import.go:476', 'the whole procedure failed', [
        ['takeTime', take],
        ['error', error.message]
      ])
    if (this.failed.length) {
      log.error('import.go:158', 'tables failed to be imported', [['count', this.failed.length]])
      for (const f of this.failed) {
        log.error('import.go:160', '-', [
          ['table', f.table ?? ''],
          ['status', statusMetricName(f.status ?? CP.allWritten)],
          ['error', f.message]
        ])
      }
    }
    await this.pool.end().catch(() => undefined)
    if (error) throw error
  }

  /**
   * Local backend only: TiDB reports whether new collations are on (mysql.tidb new_collation_enabled); the target
   * here is MariaDB, whose collations are always the "new" (non-binary) kind, so the answer is true.
   */
  private async setGlobalVariables(): Promise<void> {
    if (this.env.cfg.importer.backend !== 'local') return
    const [rows] = await this.pool.query<RowDataPacket[]>('SELECT @@collation_server AS c')
    this.env.log.info('import.go:1711', 'new_collations_enabled_on_first_bootstrap', [
      ['enabled', rows.length > 0]
    ])
  }

  private async restoreSchema(): Promise<void> {
    const { log, storage } = this.env
    const started = Date.now()
    log.info('schema_import.go:196', 'restore all schema start')
    try {
      for (const db of this.env.dbs) {
        let sql = `CREATE DATABASE IF NOT EXISTS ${q(db.name)}`
        if (db.schemaFile) {
          const stmt = findCreate(
            (await storage.readFile(db.schemaFile)).toString('utf8'),
            'database'
          )
          if (stmt) sql = rewriteCreateDatabase(stmt, db.name)
        }
        await this.exec(sql, q(db.name), 'restore database schema')
      }
      for (const db of this.env.dbs) {
        for (const t of db.tables) {
          if (!t.schemaFile) continue
          const text = (await storage.readFile(t.schemaFile)).toString('utf8')
          const create = findCreate(text, 'table')
          if (create) {
            const table = uniqueTable(db.name, t.name)
            let sql: string
            try {
              sql = asTidbCreateTable(rewriteCreateTable(create, db.name, t.name))
            } catch (e) {
              throw this.createSchemaError(table, 'restore table schema', e)
            }
            await this.exec(sql, table, 'restore table schema')
          }
        }
      }
      await restoreViews(
        this.env.dbs,
        this.pool,
        storage,
        log,
        (table, kind, e) => this.createSchemaError(table, kind, e),
        uniqueTable
      )
      for (const t of this.tables) {
        if (!(await targetColumns(this.pool, t.db, t.name))) {
          throw lightningError(
            'Lightning:Restore:ErrSchemaNotExists',
            `table ${uniqueTable(t.db, t.name)} schema not found`
          )
        }
      }
    } catch (e) {
      log.error('schema_import.go:199', 'restore all schema failed', [
        ['takeTime', goDuration(Date.now() - started)],
        ['error', messageOf(e)]
      ])
      throw e
    }
    log.info('schema_import.go:199', 'restore all schema completed', [
      ['takeTime', goDuration(Date.now() - started)],
      null
    ])
  }

  /** ErrCreateSchema (schema_import.go runJob): the table and the job's kind, `restore table schema` etc. */
  private createSchemaError(table: string, kind: string, e: unknown): Error {
    return lightningError(
      'Lightning:Restore:ErrCreateSchema',
      `create schema failed, table: ${table}, stmt: ${kind}`,
      goSqlErrorText(e, this.env.cfg.tidb.host, this.env.cfg.tidb.port)
    )
  }

  private async exec(sql: string, table: string, kind: string): Promise<void> {
    await this.pool.query(sql).catch((e: unknown) => {
      throw this.createSchemaError(table, kind, e)
    })
  }

  private async preCheckRequirements(): Promise<void> {
    const { cfg, print, storage } = this.env
    const tpl = new CheckTemplate()
    const withData = this.tables.filter((t) => t.dataFiles.length)
    if (cfg.checkRequirements) {
      const large = withData
        .flatMap((t) => t.dataFiles)
        .find((f) => f.size > 256 * 1024 * 1024 && !cfg.mydumper.strictFormat)
      tpl.collect(
        'performance',
        !large,
        large
          ? `large data file: ${large.path} file exists and it will slow down import performance`
          : 'Source data files size is proper'
      )
    }
    const invalid = this.checkpoints.invalidTables()
    const cpMsgs = invalid.map(([table, status]) => {
      const failedStep = status * 10
      const action = `./tidb-lightning-ctl --checkpoint-error-${failedStep === CP.alteredAutoInc || failedStep === CP.analyzed ? 'ignore' : 'destroy'}='${table}' --config=...`
      return `TiDB Lightning has failed last time. To prevent data loss, this run will stop now, ${table} failed in step(${statusMetricName(failedStep)}), please run command ${action},You may also run \`./tidb-lightning-ctl --checkpoint-error-destroy=all --config=...\` to start from scratch,For details of this failure, read the log file from the PREVIOUS run`
    })
    tpl.collect(
      'critical',
      !cpMsgs.length,
      cpMsgs.length ? cpMsgs.join(';\n') : 'the checkpoints are valid'
    )
    if (cfg.checkRequirements) {
      const msgs: string[] = []
      for (const t of withData) {
        const first = t.dataFiles[0]
        const target = await targetColumns(this.pool, t.db, t.name)
        if (
          !first ||
          !target ||
          (this.checkpoints.table(uniqueTable(t.db, t.name))?.status !== undefined &&
            !this.checkpoints.fresh)
        )
          continue
        const cols = await peekColumns(storage, first, first.size, cfg)
        const have = new Set(target.columns.map((c) => c.name.toLowerCase()))
        for (const c of cols ?? []) {
          if (!have.has(c.toLowerCase())) {
            msgs.push(
              `TiDB schema \`${t.db}\`.\`${target.name}\` doesn't have column ${c}, please check table schema or use tables.ignoreColumns to ignore ${c}`
            )
          }
        }
      }
      tpl.collect(
        'critical',
        !msgs.length,
        msgs.length ? msgs.join('\n') : 'table schemas are valid'
      )
    }
    if (cfg.checkRequirements && cfg.importer.backend === 'local' && !cfg.importer.parallelImport) {
      const nonEmpty: string[] = []
      for (const t of withData) {
        const name = uniqueTable(t.db, t.name)
        if (this.checkpoints.table(name) && !this.checkpoints.fresh) continue
        const target = await targetColumns(this.pool, t.db, t.name)
        if (!target) continue
        const [rows] = await this.pool.query<RowDataPacket[]>(
          `SELECT 1 FROM ${q(t.db)}.${q(target.name)} LIMIT 1`
        )
        if (rows.length) nonEmpty.push(name)
      }
      nonEmpty.sort()
      tpl.collect(
        'critical',
        !nonEmpty.length,
        nonEmpty.length
          ? `table(s) [${nonEmpty.join(', ')}] are not empty`
          : 'all importing tables on the target are empty'
      )
    }
    if (cfg.checkRequirements) {
      tpl.collect('critical', true, 'Cluster version check passed')
      if (storage.location.kind === 's3')
        tpl.collect('critical', true, 'Lightning has the correct storage permission')
      if (cfg.importer.backend === 'local') {
        const size = withData.reduce((n, t) => n + t.totalSize, 0)
        const free = freeBytes(cfg.importer.sortedKvDir)
        tpl.collect(
          'performance',
          true,
          `local disk resources are rich, estimate sorted data size ${goBytesSize(size)}, local available is ${goBytesSize(free)}`
        )
        tpl.collect(
          'performance',
          true,
          `The storage space is rich, which TiKV/Tiflash is ${goBytesSize(freeBytes(os.tmpdir()))}/0B. The estimated storage space is ${goBytesSize(size * 3)}/0B.`
        )
        tpl.collect('performance', true, "Cluster doesn't have too many empty regions")
        tpl.collect('performance', true, 'Cluster region distribution is balanced')
        tpl.collect('critical', true, 'no CDC or PiTR task found')
      }
      print(`${tpl.output()}\n`)
    }
    if (!tpl.success()) {
      throw lightningError(
        'Lightning:PreCheck:ErrPreCheckFailed',
        `tidb-lightning pre-check failed: ${tpl.failedMessage()}`
      )
    }
  }

  private async initCheckpoint(): Promise<void> {
    const { cfg } = this.env
    const names = this.tables
      .filter((t) => t.dataFiles.length)
      .map((t) => uniqueTable(t.db, t.name))
    try {
      await this.checkpoints.initialize(
        {
          taskId: cfg.taskId,
          backend: cfg.importer.backend,
          sourceDir: cfg.mydumper.sourceDir,
          sortedKvDir: cfg.importer.sortedKvDir,
          lightningVersion: this.env.version
        },
        names
      )
    } catch (e) {
      throw lightningError(
        'Lightning:Checkpoint:ErrInitCheckpoint',
        'init checkpoint error',
        messageOf(e)
      )
    }
  }

  private async importTables(): Promise<void> {
    const { cfg, log, metrics, storage } = this.env
    const started = Date.now()
    const tables = this.tables.filter((t) => t.dataFiles.length)
    metrics.totalTables = tables.length
    metrics.estimatedChunks = tables.reduce((n, t) => n + t.dataFiles.length, 0)
    metrics.estimatedEngines = tables.length * 2
    metrics.totalBytes = tables.reduce((n, t) => n + t.totalSize, 0)
    for (const f of tables.flatMap((t) => t.dataFiles)) {
      if (f.type === 'parquet') metrics.totalRows += await parquetRowCount(storage, f)
      else metrics.totalRowsKnown = false
    }
    log.info('import.go:1389', 'restore all tables data start')
    const timer =
      cfg.cron.logProgress > 0
        ? setInterval(
            () =>
              log.info(
                'import.go:1284',
                'progress',
                progressFields(metrics, Date.now() - started, cfg.importer.backend === 'local')
              ),
            cfg.cron.logProgress
          )
        : undefined
    const env: ImportEnv = {
      cfg,
      log,
      pool: this.pool,
      storage,
      checkpoints: this.checkpoints,
      metrics,
      zone: await sessionTimeZone(this.pool),
      signal: this.env.signal,
      cancel: this.env.cancel
    }
    let first: LightningError | undefined
    const queue = [...tables]
    const worker = async (): Promise<void> => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        if (this.env.signal.aborted) return
        try {
          await importTable(env, t)
        } catch (e) {
          const err = e as FailedTable
          if (!err.canceled) this.failed.push(err)
          first ??= err
        }
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, cfg.tableConcurrency) }, worker))
    // The `lightning` timing stretches the import phase (progress lines keep coming) so benchmarks and tests can
    // rely on a minimum duration; a signal ends the wait.
    await sleepUnlessAborted(
      timing('lightning', 0) * 1000 - (Date.now() - this.env.startedAt),
      this.env.signal
    )
    if (timer) clearInterval(timer)
    const take = goDuration(Date.now() - started)
    if (this.env.signal.aborted) {
      log.warn('import.go:1305', 'stopping periodic actions', [['error', 'context canceled']])
      throw first?.canceled ? first : new LightningError('context canceled', true)
    }
    log.info('import.go:1324', 'cancel periodic actions', [['do', !first]])
    if (cfg.importer.backend === 'local')
      log.info('tikv_mode.go:59', 'switch import mode', [['mode', 'Normal']])
    if (first) {
      log.error('import.go:1541', 'restore all tables data failed', [
        ['takeTime', take],
        ['error', first.message]
      ])
      throw first
    }
    log.info('import.go:1541', 'restore all tables data completed', [['takeTime', take], null])
    if (cfg.importer.backend === 'local') log.info('import.go:1590', 'cleanup task metas')
    log.info('import.go:1310', 'everything imported, stopping periodic actions')
  }

  private async cleanCheckpoints(): Promise<void> {
    const { cfg, log } = this.env
    if (!cfg.checkpoint.enable) return
    const fields: [string, string][] = [
      ['keepAfterSuccess', cfg.checkpoint.keepAfterSuccess],
      ['taskID', cfg.taskId]
    ]
    const started = Date.now()
    log.info('import.go:1842', 'clean checkpoints start', fields)
    try {
      await this.checkpoints.clean(cfg.checkpoint.keepAfterSuccess, cfg.taskId)
    } catch (e) {
      throw lightningError(
        'Lightning:Checkpoint:ErrCleanCheckpoint',
        'clean checkpoint error',
        messageOf(e)
      )
    }
    log.info('import.go:1850', 'clean checkpoints completed', [
      ...fields,
      ['takeTime', goDuration(Date.now() - started)],
      null
    ])
  }
}

function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done)
  })
}

function freeBytes(dir: string): number {
  try {
    const s = statfsSync(dir || os.tmpdir())
    return s.bavail * s.bsize
  } catch {
    try {
      const s = statfsSync(os.tmpdir())
      return s.bavail * s.bsize
    } catch {
      return 0
    }
  }
}
