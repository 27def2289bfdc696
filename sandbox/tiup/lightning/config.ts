// TiDB Lightning's configuration, loaded in the real order: Go-flag command line and a lenient TOML read into the
// global config at startup (errors → printed on stdout, exit 2: config.Must), then the strict per-task read that
// rejects unknown keys (LoadFromTOML), then Adjust() with the real checks and messages.
import { readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import TOML from '@iarna/toml'
import { GoFlagError, goFlagUsage, parseGoFlags, type GoFlagSpec } from '../go-flag.js'
import { checkKeys, type TypeMismatch } from './config-keys.js'
import { lightningError, LightningError } from './errors.js'
import { parseByteSize, parseGoDuration } from './units.js'

/** Lightning's command-line flags (pkg/lightning/config/global.go LoadGlobalConfig). */
export const LIGHTNING_FLAGS: GoFlagSpec[] = [
  { name: 'c', type: 'string', def: '', usage: '(deprecated alias of -config)' },
  { name: 'config', type: 'string', def: '', usage: 'tidb-lightning configuration file' },
  { name: 'V', type: 'bool', def: 'false', usage: 'print version of lightning' },
  {
    name: 'L',
    type: 'string',
    def: '',
    usage: 'log level: info, debug, warn, error, fatal (default info)',
    choices: ['', 'info', 'debug', 'warn', 'warning', 'error', 'fatal']
  },
  { name: 'log-file', type: 'string', def: '', usage: 'log file path' },
  { name: 'tidb-host', type: 'string', def: '', usage: 'TiDB server host' },
  { name: 'tidb-port', type: 'int', def: '0', usage: 'TiDB server port (default 4000)' },
  { name: 'tidb-user', type: 'string', def: '', usage: 'TiDB user name to connect' },
  { name: 'tidb-password', type: 'string', def: '', usage: 'TiDB password to connect' },
  { name: 'tidb-status', type: 'int', def: '0', usage: 'TiDB server status port (default 10080)' },
  { name: 'pd-urls', type: 'string', def: '', usage: 'PD endpoint address' },
  { name: 'd', type: 'string', def: '', usage: 'Directory of the dump to import' },
  {
    name: 'backend',
    type: 'string',
    def: '',
    usage: 'delivery backend: local, tidb, remote',
    choices: ['', 'local', 'tidb', 'remote']
  },
  { name: 'remote-addr', type: 'string', def: '', usage: 'address of remote backend' },
  {
    name: 'sorted-kv-dir',
    type: 'string',
    def: '',
    usage: 'path for KV pairs when local backend enabled'
  },
  { name: 'enable-checkpoint', type: 'bool', def: 'true', usage: 'whether to enable checkpoints' },
  {
    name: 'no-schema',
    type: 'bool',
    def: 'false',
    usage: 'ignore schema files, get schema directly from TiDB instead'
  },
  {
    name: 'checksum',
    type: 'string',
    def: '',
    usage: 'compare checksum after importing.',
    choices: ['', 'required', 'optional', 'off', 'true', 'false']
  },
  {
    name: 'analyze',
    type: 'string',
    def: '',
    usage: 'analyze table after importing',
    choices: ['', 'required', 'optional', 'off', 'true', 'false']
  },
  {
    name: 'check-requirements',
    type: 'bool',
    def: 'true',
    usage: 'check cluster version before starting'
  },
  { name: 'ca', type: 'string', def: '', usage: 'CA certificate path for TLS connection' },
  { name: 'cert', type: 'string', def: '', usage: 'certificate path for TLS connection' },
  { name: 'key', type: 'string', def: '', usage: 'private key path for TLS connection' },
  {
    name: 'redact-info-log',
    type: 'bool',
    def: 'false',
    usage: 'whether to redact sensitive info in log'
  },
  { name: 'status-addr', type: 'string', def: '', usage: 'the Lightning server address' },
  {
    name: 'server-mode',
    type: 'bool',
    def: 'false',
    usage: 'start Lightning in server mode, wait for multiple tasks instead of starting immediately'
  },
  { name: 'f', type: 'strings', def: '', usage: 'select tables to import' }
]

/** A startup failure handled by config.Must: `message` on stdout (if any), then exit with `code`. */
export class MustExit extends Error {
  constructor(
    readonly code: number,
    readonly stdout: string,
    readonly stderr = ''
  ) {
    super(stdout.trim())
  }
}

/** Post-restore operation level. */
export type OpLevel = 'off' | 'optional' | 'required'

/** One `[[mydumper.files]]` rule. */
export interface FileRouteRule {
  pattern: string
  path: string
  schema: string
  table: string
  type: string
  key: string
  compression: string
  unescape?: boolean
}

/** The adjusted per-task configuration the importer runs with. */
export interface TaskConfig {
  taskId: string
  configPath: string
  logLevel: string
  logFile: string
  statusAddr: string
  checkRequirements: boolean
  tableConcurrency: number
  indexConcurrency: number
  regionConcurrency: number
  tidb: {
    host: string
    port: number
    user: string
    password: string
    statusPort: number
    pdAddr: string
    sqlMode: string
    tls: string
    sessionVars: Record<string, string>
  }
  checkpoint: {
    enable: boolean
    schema: string
    driver: string
    dsn: string
    keepAfterSuccess: 'remove' | 'rename' | 'origin'
  }
  mydumper: {
    sourceDir: string
    filter: string[]
    caseSensitive: boolean
    files: FileRouteRule[]
    defaultFileRules: boolean
    noSchema: boolean
    strictFormat: boolean
    csv: {
      separator: string
      delimiter: string
      terminator: string
      null: string[]
      header: boolean
      notNull: boolean
      escapedBy: string
      trimLastSeparator: boolean
    }
  }
  importer: {
    backend: string
    sortedKvDir: string
    parallelImport: boolean
    logicalImportBatchSize: number
    logicalImportBatchRows: number
    onDuplicate: string
  }
  postRestore: { checksum: OpLevel; analyze: OpLevel; compact: boolean }
  cron: { logProgress: number; switchMode: number; checkDiskQuota: number }
  conflict: { strategy: string; threshold: number }
  /** The parsed TOML document (for the [cfg] log line). */
  doc: Record<string, unknown>
}

/** The startup (global) configuration plus what the per-task load needs. */
export interface GlobalConfig {
  readonly configPath: string
  readonly configText: string
  readonly doc: Record<string, unknown>
  readonly logLevel: string
  readonly logFile: string
  readonly statusAddr: string
  readonly serverMode: boolean
  /** Flag values that override the TOML file. */
  readonly flags: ReadonlyMap<string, string | string[]>
}

function timestampLogFileName(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  const off = -now.getTimezoneOffset()
  const zone =
    off === 0
      ? 'Z'
      : `${off > 0 ? '+' : '-'}${p(Math.floor(Math.abs(off) / 60))}${p(Math.abs(off) % 60)}`
  return path.join(
    os.tmpdir(),
    `lightning.log.${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}.${p(now.getMinutes())}.${p(now.getSeconds())}${zone}`
  )
}

/** Line and last key of a TOML position, for BurntSushi-style error messages. */
function lastKeyAt(text: string, line: number): string {
  let table = ''
  const lines = text.split('\n')
  let last = ''
  for (let i = 0; i <= line && i < lines.length; i++) {
    const l = (lines[i] ?? '').trim()
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?/.exec(l)
    if (header) {
      table = header[1] ?? ''
      last = table
      continue
    }
    const kv = /^([A-Za-z0-9_.-]+|"[^"]*")\s*=/.exec(l)
    if (kv) last = table ? `${table}.${(kv[1] ?? '').replace(/"/g, '')}` : (kv[1] ?? '')
  }
  return last
}

function findKeyLine(text: string, key: string): number {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++)
    if (lastKeyAt(text, i) === key && /=/.test(lines[i] ?? '')) return i + 1
  return 1
}

/** BurntSushi's ParseError text for an @iarna/toml error. */
function tomlErrorText(text: string, e: unknown): string {
  const err = e as { message?: string; line?: number }
  const line = err.line ?? 0
  let msg = (err.message ?? String(e)).split(' at row ')[0] ?? ''
  if (msg.startsWith('Unterminated string')) msg = 'strings cannot contain newlines'
  else if (msg.startsWith("Can't redefine existing key"))
    msg = `Key '${lastKeyAt(text, line)}' has already been defined.`
  else if (msg.startsWith('Unexpected character'))
    msg = `expected value but found ${JSON.stringify((text.split('\n')[line] ?? '').split('=').slice(1).join('=').trim())} instead`
  const key = lastKeyAt(text, line)
  return key
    ? `toml: line ${line + 1} (last key ${JSON.stringify(key)}): ${msg}`
    : `toml: line ${line + 1}: ${msg}`
}

function mismatchText(text: string, m: TypeMismatch): string {
  return `toml: line ${findKeyLine(text, m.key)} (last key ${JSON.stringify(m.key)}): incompatible types: TOML value has type ${m.tomlType}; destination has type ${m.goType}`
}

function get(doc: Record<string, unknown>, dotted: string): unknown {
  let cur: unknown = doc
  for (const part of dotted.split('.')) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined
    cur = (cur as Record<string, unknown>)[part]
  }
  return cur
}

/** A TOML scalar as text (tables and arrays as JSON, which only shows up in error messages). */
function tomlText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString()
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))
}

const asString = (v: unknown, def: string): string => (v === undefined ? def : tomlText(v))

/**
 * LoadGlobalConfig: parses flags and reads the TOML file leniently. Flag errors print Go's message and usage on
 * stderr; read/parse errors are printed on stdout by config.Must; both exit 2 (`-h`/`-V` exit 0).
 */
export function loadGlobalConfig(
  argv: readonly string[],
  version: string,
  now = new Date()
): GlobalConfig {
  let flags
  try {
    flags = parseGoFlags(argv, LIGHTNING_FLAGS)
  } catch (e) {
    if (!(e instanceof GoFlagError)) throw e
    const stderr = `${e.help ? '' : `${e.message}\n`}${goFlagUsage(LIGHTNING_FLAGS)}`
    if (e.help) throw new MustExit(0, '', stderr)
    throw new MustExit(
      2,
      `[Lightning:Common:ErrInvalidArgument]invalid argument: ${e.message}\n`,
      stderr
    )
  }
  if (flags.get('V') === 'true' || flags.get('V') === '1') throw new MustExit(0, version)
  const configPath = asString(flags.get('config') ?? flags.get('c'), '')
  let text = ''
  let doc: Record<string, unknown> = {}
  if (configPath) {
    try {
      text = readFileSync(configPath, 'utf8')
    } catch {
      throw new MustExit(
        2,
        `[Lightning:Config:ErrReadConfigFile]cannot read config file '${configPath}': open ${configPath}: no such file or directory\n`
      )
    }
    try {
      doc = TOML.parse(text)
    } catch (e) {
      throw new MustExit(
        2,
        `[Lightning:Config:ErrParseConfigFile]parse config file '${configPath}' failed: ${tomlErrorText(text, e)}\n`
      )
    }
    const mismatch = checkKeys(doc).globalMismatches[0]
    if (mismatch) {
      throw new MustExit(
        2,
        `[Lightning:Config:ErrParseConfigFile]parse config file '${configPath}' failed: ${mismatchText(text, mismatch)}\n`
      )
    }
  }
  const serverMode =
    flags.get('server-mode') === 'true' || get(doc, 'lightning.server-mode') === true
  const statusAddr = asString(
    flags.get('status-addr') ??
      get(doc, 'lightning.status-addr') ??
      (get(doc, 'lightning.pprof-port')
        ? `:${tomlText(get(doc, 'lightning.pprof-port'))}`
        : undefined),
    ''
  )
  if (serverMode && !statusAddr) {
    throw new MustExit(
      2,
      '[Lightning:Config:ErrInvalidConfig]If server-mode is enabled, the status-addr must be a valid listen address\n'
    )
  }
  return {
    configPath,
    configText: text,
    doc,
    logLevel: asString(flags.get('L') || get(doc, 'lightning.level'), 'info') || 'info',
    logFile:
      asString(flags.get('log-file') || get(doc, 'lightning.file'), '') ||
      timestampLogFileName(now),
    statusAddr,
    serverMode,
    flags
  }
}

function opLevel(v: unknown, def: OpLevel): OpLevel {
  if (v === undefined) return def
  if (typeof v === 'boolean') return v ? 'required' : 'off'
  switch (tomlText(v).toLowerCase()) {
    case 'off':
    case 'false':
      return 'off'
    case 'required':
    case 'true':
      return 'required'
    case 'optional':
      return 'optional'
  }
  throw new LightningError(
    `invalid op level '${tomlText(v)}', please choose valid option between ['off', 'optional', 'required']`
  )
}

function keepStrategy(v: unknown): 'remove' | 'rename' | 'origin' {
  if (v === undefined || v === false) return 'remove'
  if (v === true) return 'rename'
  const s = tomlText(v).toLowerCase()
  if (s === 'remove' || s === 'false') return 'remove'
  if (s === 'rename' || s === 'true') return 'rename'
  if (s === 'origin') return 'origin'
  throw new LightningError(
    `invalid checkpoint keep strategy '${tomlText(v)}', please choose valid option between ['remove', 'rename', 'origin']`
  )
}

/** The default filter of mydumper.filter. */
export const DEFAULT_FILTER = [
  '*.*',
  '!mysql.*',
  '!sys.*',
  '!INFORMATION_SCHEMA.*',
  '!PERFORMANCE_SCHEMA.*',
  '!METRICS_SCHEMA.*',
  '!INSPECTION_SCHEMA.*'
]

/** The result of the per-task load: the config plus the keys that only the global config knows (a warning). */
export interface TaskLoad {
  readonly cfg: TaskConfig
  readonly globalOnly: readonly string[]
}

/**
 * Config.LoadFromGlobal: the strict TOML read (unknown keys are fatal) with the global values applied on top.
 * `extraUnknown` lists keys to treat as unknown (the `lightning-unknown-key` fault).
 */
export function loadTaskConfig(
  global: GlobalConfig,
  extraUnknown: readonly string[] = []
): TaskLoad {
  const doc = global.doc
  const check = checkKeys(doc, extraUnknown)
  if (check.unknown.length) {
    throw new LightningError(
      `config file contained unknown configuration options: ${check.unknown.join(', ')}`
    )
  }
  const mismatch = check.mismatches[0]
  if (mismatch) throw new LightningError(mismatchText(global.configText, mismatch))
  const f = global.flags
  const g = (k: string): unknown => get(doc, k)
  const flagStr = (k: string): string | undefined => {
    const v = f.get(k)
    return typeof v === 'string' && v !== '' && v !== '0' ? v : undefined
  }
  const rules = ((g('mydumper.files') as Record<string, unknown>[] | undefined) ?? []).map((r) => ({
    pattern: asString(r['pattern'], ''),
    path: asString(r['path'], ''),
    schema: asString(r['schema'], ''),
    table: asString(r['table'], ''),
    type: asString(r['type'], ''),
    key: asString(r['key'], ''),
    compression: asString(r['compression'], '')
  }))
  const nullValue = g('mydumper.csv.null')
  const cfg: TaskConfig = {
    taskId: `${Date.now()}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    configPath: global.configPath,
    logLevel: global.logLevel,
    logFile: global.logFile,
    statusAddr: global.statusAddr,
    checkRequirements:
      f.get('check-requirements') === 'false' ? false : g('lightning.check-requirements') !== false,
    tableConcurrency: Number(g('lightning.table-concurrency') ?? 0),
    indexConcurrency: Number(g('lightning.index-concurrency') ?? 0),
    regionConcurrency: Number(g('lightning.region-concurrency') ?? os.cpus().length),
    tidb: {
      host: flagStr('tidb-host') ?? asString(g('tidb.host'), '127.0.0.1'),
      port: Number(flagStr('tidb-port') ?? g('tidb.port') ?? 0),
      user: flagStr('tidb-user') ?? asString(g('tidb.user'), 'root'),
      password: flagStr('tidb-password') ?? asString(g('tidb.password'), ''),
      statusPort: Number(flagStr('tidb-status') ?? g('tidb.status-port') ?? 10080),
      pdAddr: flagStr('pd-urls') ?? asString(g('tidb.pd-addr'), ''),
      sqlMode: asString(g('tidb.sql-mode'), 'ONLY_FULL_GROUP_BY,NO_AUTO_CREATE_USER'),
      tls: asString(g('tidb.tls'), ''),
      sessionVars: Object.fromEntries(
        Object.entries((g('tidb.session-vars') as Record<string, unknown> | undefined) ?? {}).map(
          ([k, v]) => [k, String(v)]
        )
      )
    },
    checkpoint: {
      enable: f.get('enable-checkpoint') === 'false' ? false : g('checkpoint.enable') !== false,
      schema: asString(g('checkpoint.schema'), '') || 'tidb_lightning_checkpoint',
      driver: asString(g('checkpoint.driver'), '') || 'file',
      dsn: asString(g('checkpoint.dsn'), ''),
      keepAfterSuccess: keepStrategy(g('checkpoint.keep-after-success'))
    },
    mydumper: {
      sourceDir: flagStr('d') ?? asString(g('mydumper.data-source-dir'), ''),
      filter:
        (f.get('f') as string[] | undefined) ??
        (g('mydumper.filter') as string[] | undefined) ??
        DEFAULT_FILTER,
      caseSensitive: g('mydumper.case-sensitive') === true,
      files: rules,
      defaultFileRules: g('mydumper.default-file-rules') === true,
      noSchema: f.get('no-schema') === 'true' || g('mydumper.no-schema') === true,
      strictFormat: g('mydumper.strict-format') === true,
      csv: {
        separator: asString(g('mydumper.csv.separator'), ','),
        delimiter: asString(g('mydumper.csv.delimiter'), '"'),
        terminator: asString(g('mydumper.csv.terminator'), ''),
        null:
          nullValue === undefined
            ? ['\\N']
            : Array.isArray(nullValue)
              ? nullValue.map(tomlText)
              : [tomlText(nullValue)],
        header: g('mydumper.csv.header') !== false,
        notNull: g('mydumper.csv.not-null') === true,
        escapedBy: asString(
          g('mydumper.csv.escaped-by'),
          g('mydumper.csv.backslash-escape') === false ? '' : '\\'
        ),
        trimLastSeparator: g('mydumper.csv.trim-last-separator') === true
      }
    },
    importer: {
      backend: flagStr('backend') ?? asString(g('tikv-importer.backend'), ''),
      sortedKvDir: flagStr('sorted-kv-dir') ?? asString(g('tikv-importer.sorted-kv-dir'), ''),
      parallelImport:
        g('tikv-importer.parallel-import') === true ||
        g('tikv-importer.incremental-import') === true,
      logicalImportBatchSize: parseByteSize(
        g('tikv-importer.logical-import-batch-size') ?? 96 * 1024
      ),
      logicalImportBatchRows: Number(g('tikv-importer.logical-import-batch-rows') ?? 65536),
      onDuplicate: asString(g('tikv-importer.on-duplicate'), '')
    },
    postRestore: {
      checksum: opLevel(flagStr('checksum') ?? g('post-restore.checksum'), 'required'),
      analyze: opLevel(flagStr('analyze') ?? g('post-restore.analyze'), 'optional'),
      compact: g('post-restore.compact') === true
    },
    cron: {
      logProgress: parseGoDuration(asString(g('cron.log-progress'), '5m')),
      switchMode: parseGoDuration(asString(g('cron.switch-mode'), '5m')),
      checkDiskQuota: parseGoDuration(asString(g('cron.check-disk-quota'), '1m'))
    },
    conflict: {
      strategy: asString(g('conflict.strategy'), ''),
      threshold: Number(g('conflict.threshold') ?? -1)
    },
    doc
  }
  return { cfg, globalOnly: check.globalOnly }
}

/** Where Lightning puts its default checkpoint file (`/tmp/<schema>.pb`; inside the sandbox, its own tmp). */
export function defaultCheckpointDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['SANDBOX_DIR'] ? path.join(env['SANDBOX_DIR'], 'tmp') : '/tmp'
}

/** Fetches TiDB's `/settings` from the status port (how Lightning learns tidb.port and tidb.pd-addr). */
async function fetchSettings(
  host: string,
  statusPort: number
): Promise<{ port?: number; path?: string }> {
  const url = `http://${host}:${statusPort}/settings`
  let res: Response
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(10_000) })
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code
    const why =
      code === 'ECONNREFUSED'
        ? `dial tcp ${host}:${statusPort}: connect: connection refused`
        : (e as Error).message
    throw new Error(`Get "${url}": ${why}`, { cause: e })
  }
  const body = await res.text()
  if (res.status !== 200) throw new Error(`get ${url} http status code != 200, message ${body}`)
  return JSON.parse(body) as { port?: number; path?: string }
}

/** Config.Adjust: defaults and the real validation errors (each a `[Lightning:Config:ErrInvalidConfig]…`). */
export async function adjustConfig(cfg: TaskConfig): Promise<void> {
  const invalid = (msg: string, cause?: string): LightningError =>
    lightningError('Lightning:Config:ErrInvalidConfig', msg, cause)
  const imp = cfg.importer
  if (!imp.backend) throw invalid('tikv-importer.backend must not be empty!')
  imp.backend = imp.backend.toLowerCase()
  if (imp.backend === 'tidb') {
    if (imp.logicalImportBatchSize <= 0)
      throw invalid(
        `\`tikv-importer.logical-import-batch-size\` got ${imp.logicalImportBatchSize}, should be larger than 0`
      )
    if (imp.logicalImportBatchRows <= 0)
      throw invalid(
        `\`tikv-importer.logical-import-batch-rows\` got ${imp.logicalImportBatchRows}, should be larger than 0`
      )
    cfg.tableConcurrency ||= cfg.regionConcurrency
    cfg.indexConcurrency ||= cfg.regionConcurrency
  } else if (imp.backend === 'local') {
    if (!imp.sortedKvDir) throw invalid('tikv-importer.sorted-kv-dir must not be empty!')
    try {
      if (!statSync(imp.sortedKvDir).isDirectory())
        throw invalid(
          `tikv-importer.sorted-kv-dir ('${path.normalize(imp.sortedKvDir)}') is not a directory`
        )
    } catch (e) {
      if (e instanceof LightningError) throw e
    }
    cfg.tableConcurrency ||= 6
    cfg.indexConcurrency ||= 2
    cfg.regionConcurrency = Math.min(cfg.regionConcurrency, os.cpus().length)
  } else {
    throw invalid(`unsupported \`tikv-importer.backend\` (${imp.backend})`)
  }
  const csv = cfg.mydumper.csv
  if (!csv.separator) throw invalid('`mydumper.csv.separator` must not be empty')
  if (
    csv.delimiter &&
    (csv.separator.startsWith(csv.delimiter) || csv.delimiter.startsWith(csv.separator))
  ) {
    throw invalid(
      '`mydumper.csv.separator` and `mydumper.csv.delimiter` must not be prefix of each other'
    )
  }
  if (!cfg.mydumper.files.length) cfg.mydumper.defaultFileRules = true
  const src = cfg.mydumper.sourceDir
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(src)?.[1]
  if (!scheme) {
    if (!src) throw invalid('`mydumper.data-source-dir` is not set')
    let isDir: boolean
    try {
      isDir = statSync(src).isDirectory()
    } catch {
      isDir = false
    }
    if (!isDir) throw invalid(`'${src}': \`mydumper.data-source-dir\` does not exist`)
    cfg.mydumper.sourceDir = `file://${path.resolve(src)}`
  } else if (!['file', 'local', 's3', 'noop', 'gcs', 'gs'].includes(scheme)) {
    throw invalid(
      `unsupported data-source-dir url '${src}', supported storage types are file,local,s3,noop,gcs,gs`
    )
  }
  if (imp.backend === 'tidb') {
    cfg.postRestore.checksum = 'off'
    cfg.postRestore.analyze = 'off'
    cfg.postRestore.compact = false
  }
  const tls = cfg.tidb.tls
  if (!['', 'false', 'cluster', 'skip-verify', 'preferred'].includes(tls))
    throw invalid(`unsupported \`tidb.tls\` config ${tls}`)
  if (tls === 'cluster')
    throw invalid("cannot set `tidb.tls` to 'cluster' without a [security] section")
  const local = imp.backend === 'local'
  if (local && (cfg.tidb.port <= 0 || !cfg.tidb.pdAddr)) {
    let settings
    try {
      settings = await fetchSettings(cfg.tidb.host, cfg.tidb.statusPort)
    } catch (e) {
      throw invalid(
        'cannot fetch settings from TiDB, please manually fill in `tidb.port` and `tidb.pd-addr`',
        (e as Error).message
      )
    }
    if (cfg.tidb.port <= 0) cfg.tidb.port = Number(settings.port ?? 0)
    if (!cfg.tidb.pdAddr) {
      for (const addr of String(settings.path ?? '').split(',')) {
        const [h, p] = addr.split(':')
        if (!h) throw invalid('invalid `tidb.pd-addr` setting')
        if (!p || p === '0') throw invalid('invalid `tidb.port` setting')
      }
      cfg.tidb.pdAddr = String(settings.path ?? '')
    }
  }
  if (cfg.tidb.port <= 0) throw invalid('invalid `tidb.port` setting')
  if (local && !cfg.tidb.pdAddr) throw invalid('invalid `tidb.pd-addr` setting')
  if (!cfg.checkpoint.dsn && cfg.checkpoint.driver === 'file') {
    cfg.checkpoint.dsn = path.join(defaultCheckpointDir(), `${cfg.checkpoint.schema}.pb`)
  }
  const strategy = cfg.conflict.strategy.toLowerCase() || imp.onDuplicate.toLowerCase()
  if (!['', 'none', 'replace', 'ignore', 'error', 'remove', 'record'].includes(strategy)) {
    throw invalid(`unsupported \`conflict.strategy\` (${strategy})`)
  }
  cfg.conflict.strategy =
    strategy === 'remove' || strategy === 'record' ? 'replace' : strategy === 'none' ? '' : strategy
  if (!cfg.conflict.strategy && imp.backend === 'tidb') cfg.conflict.strategy = 'error'
  if (cfg.conflict.strategy === 'ignore' && local)
    throw invalid(
      'conflict.strategy cannot be set to "ignore" when use tikv-importer.backend = "local"'
    )
  if (cfg.conflict.threshold > 0 && cfg.conflict.strategy === 'error')
    throw invalid('conflict.threshold cannot be set when use conflict.strategy = "error"')
}
