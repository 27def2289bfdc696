// TiDB Lightning's main (lightning/cmd/tidb-lightning/main.go): config load (exit 2 on flag/TOML errors), the
// "Verbose debug logs will be written to …" line, the status port (a bind failure prints "failed to start HTTP
// server" and exits 0), signals (log "got signal to exit", print "tidb lightning canceled", exit 0), and the end:
// `tidb lightning exit successfully` on stdout (exit 0) or `tidb lightning encountered error: <err>` on stderr
// (exit 1).
import { fault } from '../../lib/faults.js'
import { goStackText } from '../go-stack.js'
import { openStorage, parseStorage } from '../storage.js'
import { ToolLogger, parseLevel } from '../tool-log.js'
import { lightningInfo, lightningWelcomeFields, toolVersion } from '../versions.js'
import { goDuration } from '../../lib/pingcap-log.js'
import {
  adjustConfig,
  loadGlobalConfig,
  loadTaskConfig,
  MustExit,
  type TaskConfig
} from './config.js'
import { LightningError, canceledError, messageOf } from './errors.js'
import { Controller } from './importer.js'
import { loadDataSource } from './loader.js'
import { newMetrics, type ImportMetrics } from './progress.js'
import { startStatusServer, type StatusServer } from './status-server.js'

const out = (s: string): boolean => process.stdout.write(s)
const err = (s: string): boolean => process.stderr.write(s)

const SIGNALS: Partial<Record<NodeJS.Signals, string>> = {
  SIGINT: 'interrupt',
  SIGTERM: 'terminated',
  SIGHUP: 'hangup',
  SIGQUIT: 'quit'
}

function cfgJson(cfg: TaskConfig): string {
  return JSON.stringify({
    id: Number(cfg.taskId.slice(0, 15)),
    lightning: {
      'table-concurrency': cfg.tableConcurrency,
      'index-concurrency': cfg.indexConcurrency,
      'region-concurrency': cfg.regionConcurrency,
      'io-concurrency': 5,
      'check-requirements': cfg.checkRequirements,
      'meta-schema-name': 'lightning_metadata',
      'max-error': { type: 0 },
      'task-info-schema-name': 'lightning_task_info'
    },
    tidb: {
      host: cfg.tidb.host,
      port: cfg.tidb.port,
      user: cfg.tidb.user,
      'status-port': cfg.tidb.statusPort,
      'pd-addr': cfg.tidb.pdAddr,
      'sql-mode': cfg.tidb.sqlMode,
      tls: cfg.tidb.tls,
      security: { 'ca-path': '', 'cert-path': '', 'key-path': '', 'redact-info-log': false },
      'max-allowed-packet': 67108864,
      vars: cfg.tidb.sessionVars
    },
    checkpoint: {
      schema: cfg.checkpoint.schema,
      driver: cfg.checkpoint.driver,
      enable: cfg.checkpoint.enable,
      'keep-after-success': cfg.checkpoint.keepAfterSuccess
    },
    mydumper: {
      'data-source-dir': cfg.mydumper.sourceDir,
      'character-set': 'auto',
      csv: {
        separator: cfg.mydumper.csv.separator,
        delimiter: cfg.mydumper.csv.delimiter,
        header: cfg.mydumper.csv.header,
        null: cfg.mydumper.csv.null
      },
      filter: cfg.mydumper.filter,
      files: cfg.mydumper.files,
      'no-schema': cfg.mydumper.noSchema,
      'case-sensitive': cfg.mydumper.caseSensitive,
      'strict-format': cfg.mydumper.strictFormat,
      'default-file-rules': cfg.mydumper.defaultFileRules
    },
    'tikv-importer': {
      backend: cfg.importer.backend,
      'sorted-kv-dir': cfg.importer.sortedKvDir,
      'parallel-import': cfg.importer.parallelImport,
      'logical-import-batch-size': cfg.importer.logicalImportBatchSize,
      'logical-import-batch-rows': cfg.importer.logicalImportBatchRows
    },
    'post-restore': {
      checksum: cfg.postRestore.checksum,
      analyze: cfg.postRestore.analyze,
      compact: cfg.postRestore.compact
    },
    cron: {
      'switch-mode': goDuration(cfg.cron.switchMode),
      'log-progress': goDuration(cfg.cron.logProgress),
      'check-disk-quota': goDuration(cfg.cron.checkDiskQuota)
    },
    routes: null,
    conflict: { strategy: cfg.conflict.strategy, threshold: cfg.conflict.threshold }
  })
}

/** One task: adjust, scan the data source, import. */
async function runTask(
  cfg: TaskConfig,
  log: ToolLogger,
  abort: AbortController,
  metrics: ImportMetrics,
  startedAt: number
): Promise<void> {
  log.info('info.go:49', 'Welcome to TiDB-Lightning', lightningWelcomeFields())
  log.info('lightning.go:463', 'cfg', [['cfg', cfgJson(cfg)]])
  await adjustConfig(cfg)
  const loadStart = Date.now()
  log.info('lightning.go:534', 'load data source start')
  let dbs
  let storage
  try {
    storage = await openStorage(parseStorage(cfg.mydumper.sourceDir))
    if (storage.region)
      log.info('s3.go:412', 'succeed to get bucket region from s3', [
        ['bucket region', storage.region]
      ])
    dbs = await loadDataSource(storage, cfg, log)
  } catch (e) {
    log.error('lightning.go:540', 'load data source failed', [
      ['takeTime', goDuration(Date.now() - loadStart)],
      ['error', messageOf(e)]
    ])
    throw e instanceof LightningError ? e : new LightningError(messageOf(e))
  }
  log.info('lightning.go:540', 'load data source completed', [
    ['takeTime', goDuration(Date.now() - loadStart)],
    null
  ])
  const controller = new Controller({
    cfg,
    log,
    storage,
    dbs,
    signal: abort.signal,
    cancel: () => {
      if (!abort.signal.aborted) {
        log.info('main.go:92', 'got signal to exit', [['signal', 'interrupt']])
        abort.abort()
      }
    },
    version: toolVersion(),
    print: (s) => out(s),
    metrics,
    startedAt
  })
  await controller.open()
  await controller.run()
}

/** Runs TiDB Lightning with the given arguments and returns the exit code. */
export async function runLightning(argv: readonly string[]): Promise<number> {
  const startedAt = Date.now()
  let global
  try {
    global = loadGlobalConfig(argv, lightningInfo())
  } catch (e) {
    if (!(e instanceof MustExit)) throw e
    out(e.stdout)
    err(e.stderr)
    return e.code
  }
  const logToFile = global.logFile !== '-'
  if (logToFile) out(`Verbose debug logs will be written to ${global.logFile}\n\n`)
  const log = new ToolLogger(logToFile ? global.logFile : '', parseLevel(global.logLevel))
  const abort = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    log.info('main.go:92', 'got signal to exit', [['signal', SIGNALS[signal] ?? signal]])
    abort.abort()
  }
  for (const s of Object.keys(SIGNALS) as NodeJS.Signals[]) process.on(s, onSignal)
  const metrics = newMetrics()
  let done = false
  let status: StatusServer | undefined
  try {
    if (global.statusAddr || fault('lightning-status-port-busy') !== undefined) {
      const addr = global.statusAddr || ':8289'
      try {
        if (fault('lightning-status-port-busy') !== undefined)
          throw new Error(`listen tcp ${addr}: bind: address already in use`)
        status = await startStatusServer(addr, metrics, () => done)
      } catch (e) {
        log.error('main.go:133', 'failed to start HTTP server', [['error', messageOf(e)]])
        err(`failed to start HTTP server: ${messageOf(e)}\n`)
        return 0
      }
    }
    let error: LightningError | undefined
    try {
      const unknownFault = fault('lightning-unknown-key')
      const { cfg, globalOnly } = loadTaskConfig(global, unknownFault ? [unknownFault] : [])
      if (globalOnly.length) {
        log.warn(
          'config.go:1094',
          'currently only per-task configuration can be applied, global configuration changes can only be made on startup',
          [['global config changes', `[${globalOnly.join(',')}]`]]
        )
      }
      await runTask(cfg, log, abort, metrics, startedAt)
      if (abort.signal.aborted) throw canceledError()
    } catch (e) {
      error = e instanceof LightningError ? e : new LightningError(messageOf(e))
    }
    done = true
    if (error && !error.canceled) {
      log.error('main.go:103', 'tidb lightning encountered error stack info', [
        ['error', error.message],
        [
          'errorVerbose',
          goStackText(error.message, [
            [
              'github.com/pingcap/tidb/lightning/pkg/server.(*Lightning).run',
              '/workspace/source/tidb/lightning/pkg/server/lightning.go:568'
            ],
            ['main.main', '/workspace/source/tidb/lightning/cmd/tidb-lightning/main.go:98']
          ])
        ]
      ])
      err(`tidb lightning encountered error: ${error.message}\n`)
      return 1
    }
    const finished = !error
    log.info('main.go:106', 'tidb lightning exit', [['finished', finished]])
    out(finished ? 'tidb lightning exit successfully\n' : 'tidb lightning canceled\n')
    return 0
  } finally {
    for (const s of Object.keys(SIGNALS) as NodeJS.Signals[]) process.off(s, onSignal)
    await status?.close()
    log.close()
  }
}
