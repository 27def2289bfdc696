// Source (`source1.yaml`) and task (`task1.yaml`) configurations as DM reads them: strict YAML with DM's keys
// (pingcap/tiflow dm/config/source_config.go, task.go), then DM's adjust/verify steps in DM's order with DM's errors.
import { decodeStrict, S, type Spec } from './strict-yaml.js'
import {
  annotate,
  delegate,
  ERR,
  generate,
  goSprintf,
  TerrorException,
  type Terror
} from './terror.js'

/** Longest source-id DM accepts (`MaxSourceIDLength`). */
export const MAX_SOURCE_ID_LENGTH = 32

const security = S.struct('security.Security', {
  'ssl-ca': S.str,
  'ssl-cert': S.str,
  'ssl-key': S.str,
  'cert-allowed-cn': S.strList,
  'ssl-ca-bytes': S.any,
  'ssl-key-bytes': S.any,
  'ssl-cert-bytes': S.any,
  'ssl-ca-base64': S.str,
  'ssl-key-base64': S.str,
  'ssl-cert-base64': S.str
})

const dbConfig = S.struct('dbconfig.DBConfig', {
  host: S.str,
  port: S.int,
  user: S.str,
  password: S.str,
  'max-allowed-packet': S.int,
  session: S.map('map[string]string', S.str),
  security
})

const sourceSpec: Spec = S.struct('config.SourceConfig', {
  enable: S.bool,
  'enable-gtid': S.bool,
  'auto-fix-gtid': S.bool,
  'relay-dir': S.str,
  'meta-dir': S.str,
  flavor: S.str,
  charset: S.str,
  'enable-relay': S.bool,
  'relay-binlog-name': S.str,
  'relay-binlog-gtid': S.str,
  'source-id': S.str,
  from: dbConfig,
  purge: S.struct('config.PurgeConfig', {
    interval: S.int64,
    expires: S.int64,
    'remain-space': S.int64
  }),
  checker: S.struct('config.CheckerConfig', {
    'check-enable': S.bool,
    'backoff-rollback': S.str,
    'backoff-max': S.str,
    'check-interval': S.str,
    'backoff-min': S.str,
    'backoff-jitter': S.bool,
    'backoff-factor': S.float
  }),
  'server-id': S.uint32,
  tracer: S.any,
  'case-sensitive': S.bool,
  filters: S.any
})

const table = S.struct('filter.Table', { 'db-name': S.str, 'tbl-name': S.str })
const tableList = S.list('[]*filter.Table', table)
const baRules = S.struct('filter.MySQLReplicationRules', {
  'do-tables': tableList,
  'do-dbs': S.strList,
  'ignore-tables': tableList,
  'ignore-dbs': S.strList
})

const syncerSpec = S.struct('config.rawSyncerConfig', {
  'meta-file': S.str,
  'worker-count': S.int,
  batch: S.int,
  'queue-size': S.int,
  'checkpoint-flush-interval': S.int,
  compact: S.bool,
  'multiple-rows': S.bool,
  'max-retry': S.int,
  'auto-fix-gtid': S.bool,
  'enable-gtid': S.bool,
  'disable-detect': S.bool,
  'safe-mode': S.bool,
  'safe-mode-duration': S.str,
  'enable-ansi-quotes': S.bool
})

const metaSpec = S.struct('config.Meta', {
  'binlog-name': S.str,
  'binlog-pos': S.uint32,
  'binlog-gtid': S.str
})

const instanceSpec = S.struct('config.MySQLInstance', {
  'source-id': S.str,
  meta: metaSpec,
  'filter-rules': S.strList,
  'column-mapping-rules': S.strList,
  'route-rules': S.strList,
  'expression-filters': S.strList,
  'black-white-list': S.str,
  'block-allow-list': S.str,
  'mydumper-config-name': S.str,
  mydumper: S.any,
  'mydumper-thread': S.int,
  'loader-config-name': S.str,
  loader: S.any,
  'loader-thread': S.int,
  'syncer-config-name': S.str,
  syncer: syncerSpec,
  'syncer-thread': S.int,
  'validator-config-name': S.str
})

const taskSpec: Spec = S.struct('config.TaskConfig', {
  name: S.str,
  'task-mode': S.str,
  'is-sharding': S.bool,
  'shard-mode': S.str,
  'strict-optimistic-shard-mode': S.bool,
  'ignore-checking-items': S.strList,
  'meta-schema': S.str,
  'enable-heartbeat': S.bool,
  'heartbeat-update-interval': S.int,
  'heartbeat-report-interval': S.int,
  timezone: S.str,
  'case-sensitive': S.bool,
  collation_compatible: S.str,
  'target-database': dbConfig,
  'mysql-instances': S.list('[]*config.MySQLInstance', instanceSpec),
  'online-ddl': S.bool,
  'shadow-table-rules': S.strList,
  'trash-table-rules': S.strList,
  'online-ddl-scheme': S.str,
  routes: S.map('map[string]*router.TableRule', S.any),
  filters: S.map('map[string]*bf.BinlogEventRule', S.any),
  'column-mappings': S.map('map[string]*column.Rule', S.any),
  'expression-filter': S.map('map[string]*config.ExpressionFilter', S.any),
  'black-white-list': S.map('map[string]*filter.MySQLReplicationRules', baRules),
  'block-allow-list': S.map('map[string]*filter.MySQLReplicationRules', baRules),
  mydumpers: S.map('map[string]*config.MydumperConfig', S.any),
  loaders: S.map('map[string]*config.LoaderConfig', S.any),
  syncers: S.map('map[string]*config.SyncerConfig', syncerSpec),
  validators: S.map('map[string]*config.ValidatorConfig', S.any),
  'clean-dump-file': S.bool,
  'ansi-quotes': S.bool,
  'remove-meta': S.bool,
  experimental: S.struct(
    'struct { AsyncCheckpointFlush bool "yaml:\\"async-checkpoint-flush\\" toml:\\"async-checkpoint-flush\\" json:\\"async-checkpoint-flush\\"" }',
    {
      'async-checkpoint-flush': S.bool
    }
  )
})

/** Database connection settings (`from:` of a source, `target-database:` of a task). */
export interface DbConfig {
  host: string
  port: number
  user: string
  password: string
}

/** A source as DM-master keeps it. */
export interface SourceConfig {
  sourceId: string
  enableGtid: boolean
  flavor: string
  serverId: number
  from: DbConfig
  /** The YAML as given, kept to compare a second create of the same id. */
  raw: string
}

/** block-allow-list rules. */
export interface BAListRules {
  doDbs: string[]
  ignoreDbs: string[]
  doTables: { db: string; table: string }[]
  ignoreTables: { db: string; table: string }[]
}

/** The syncer settings the sandbox's worker honours. */
export interface SyncerSettings {
  safeMode: boolean
  /** Seconds of forced safe mode after start/resume (DM default: 2 × checkpoint-flush-interval = 60 s). */
  safeModeDurationSec: number
}

/** One `mysql-instances` entry after adjust. */
export interface InstanceConfig {
  sourceId: string
  meta: { binlogName: string; binlogPos: number; binlogGtid: string } | null
  baList: BAListRules | null
  syncer: SyncerSettings
}

/** A task after DM's adjust. */
export interface TaskConfig {
  name: string
  taskMode: string
  metaSchema: string
  caseSensitive: boolean
  ignoreCheckingItems: string[]
  targetDatabase: DbConfig
  instances: InstanceConfig[]
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {})
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d)
const num = (v: unknown, d = 0): number => (typeof v === 'number' ? v : d)
const bool = (v: unknown, d = false): boolean => (typeof v === 'boolean' ? v : d)

function db(v: unknown): DbConfig {
  const o = obj(v)
  return {
    host: str(o['host']),
    port: num(o['port']),
    user: str(o['user']),
    password: str(o['password'])
  }
}

/** `config.SourceCfgFromYaml`: strict decode only (dmctl runs it locally before sending). */
export function parseSourceYaml(text: string): SourceConfig {
  const d = decodeStrict(text, sourceSpec)
  if (!d.ok)
    throw new TerrorException(delegate(ERR.ConfigYamlTransform, d.error, 'decode source config'))
  const o = obj(d.value)
  return {
    sourceId: str(o['source-id']),
    enableGtid: bool(o['enable-gtid']),
    flavor: str(o['flavor']),
    serverId: num(o['server-id']),
    from: db(o['from']),
    raw: text
  }
}

/** `SourceConfig.Verify` (after the master connected to the source and adjusted flavor and server-id). */
export function verifySource(cfg: SourceConfig): Terror | undefined {
  if (cfg.sourceId.length === 0) return generate(ERR.WorkerNeedSourceID)
  if (cfg.sourceId.length > MAX_SOURCE_ID_LENGTH)
    return generate(ERR.WorkerTooLongSourceID, cfg.sourceId, MAX_SOURCE_ID_LENGTH)
  return undefined
}

/** Checking items DM knows (`dm/config/checking_item.go`), with their descriptions. */
export const CHECKING_ITEMS: Readonly<Record<string, string>> = {
  all: 'all checking items',
  dump_privilege: 'dump privileges of source DB checking item',
  replication_privilege: 'replication privileges of source DB checking item',
  version: 'MySQL/MariaDB version checking item',
  server_id: 'server_id checking item',
  binlog_enable: 'binlog enable checking item',
  binlog_format: 'binlog format checking item',
  binlog_row_image: 'binlog row image checking item',
  table_schema: 'table schema compatibility checking item',
  schema_of_shard_tables: 'consistent schema of shard tables checking item',
  auto_increment_ID: 'conflict auto increment ID of shard tables checking item',
  online_ddl: 'online ddl checking item',
  binlog_db: 'binlog db checking item',
  meta_position: 'meta position valid checking item',
  conn_number: 'connection number checking item',
  target_privilege: 'privileges of target DB checking item',
  empty_region: 'physical import mode empty region checking item',
  region_distribution: 'physical import mode region distribution checking item',
  downstream_version: 'physical import mode downstream TiDB/PD/TiKV version checking item',
  free_space: 'downstream free space checking item',
  downstream_mutex_features: 'physical import mode downstream incompatible feature checking item',
  downstream_table_empty: 'physical import mode downstream table empty checking item',
  primary_key: 'primary key checking item (Aliyun RDS precheck)'
}

function supportCheckingItems(): string {
  let s = '************ supporting checking items ************\n name:\t\tdescription\n'
  for (const [k, v] of Object.entries(CHECKING_ITEMS)) s += `${k}:\t${v}\n`
  return `${s}************ supporting checking items ************\n`
}

/** Parses a Go duration (`60s`, `1m30s`, `500ms`) into seconds, or undefined where Go's time.ParseDuration (https://pkg.go.dev/time#ParseDuration) errs. */
export function goDurationSeconds(text: string): number | undefined {
  // A lone 0 needs no unit, signed or not; `µs` is accepted as U+00B5 and U+03BC (Go's unitMap).
  if (/^[+-]?0$/.test(text)) return 0
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy
  const unit: Record<string, number> = {
    ns: 1e-9,
    us: 1e-6,
    µs: 1e-6,
    μs: 1e-6,
    ms: 1e-3,
    s: 1,
    m: 60,
    h: 3600
  }
  const body = text.replace(/^[+-]/, '')
  if (!body) return undefined
  let total = 0
  let end = 0
  for (let m = re.exec(body); m; m = re.exec(body)) {
    total += Number(m[1]) * (unit[m[2] ?? 's'] ?? 1)
    end = re.lastIndex
  }
  if (end !== body.length) return undefined
  return text.startsWith('-') ? -total : total
}

const MODES = ['full', 'incremental', 'all', 'dump', 'load', 'load&sync']

function ordinal(i: number): string {
  const mod100 = i % 100
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][i % 10] ?? 'th')
  return `${i}${suffix}`
}

function baRulesOf(v: unknown): BAListRules {
  const o = obj(v)
  const tables = (x: unknown): { db: string; table: string }[] =>
    (Array.isArray(x) ? x : []).map((t) => ({
      db: str(obj(t)['db-name']),
      table: str(obj(t)['tbl-name'])
    }))
  const strs = (x: unknown): string[] => (Array.isArray(x) ? x.map((s) => str(s)) : [])
  return {
    doDbs: strs(o['do-dbs']),
    ignoreDbs: strs(o['ignore-dbs']),
    doTables: tables(o['do-tables']),
    ignoreTables: tables(o['ignore-tables'])
  }
}

/**
 * `TaskConfig.FromYaml` then `adjust()`: the checks DM makes before any database is touched, in DM's order.
 * Throws a {@link TerrorException} with DM's error.
 */
export function parseTaskYaml(text: string): TaskConfig {
  const d = decodeStrict(text, taskSpec)
  if (!d.ok)
    throw new TerrorException(
      delegate(ERR.ConfigYamlTransform, d.error, 'decode task config failed')
    )
  const o = obj(d.value)
  const fail = (e: Terror): never => {
    throw new TerrorException(e)
  }
  const name = str(o['name'])
  if (!name) fail(generate(ERR.ConfigNeedUniqueTaskName))
  const taskMode = str(o['task-mode'])
  if (!MODES.includes(taskMode)) fail(generate(ERR.ConfigInvalidTaskMode))
  const shardMode = str(o['shard-mode'])
  if (shardMode && shardMode !== 'pessimistic' && shardMode !== 'optimistic')
    fail(generate(ERR.ConfigShardModeNotSupport, shardMode))
  const ignore = Array.isArray(o['ignore-checking-items'])
    ? (o['ignore-checking-items'] as unknown[]).map((x) => str(x))
    : []
  for (const item of ignore) {
    if (!(item in CHECKING_ITEMS))
      fail(generate(ERR.ConfigCheckItemNotSupport, item, supportCheckingItems()))
  }
  const scheme = str(o['online-ddl-scheme'])
  if (scheme && scheme !== 'pt' && scheme !== 'gh-ost')
    fail(generate(ERR.ConfigOnlineSchemeNotSupport, scheme))
  if (o['target-database'] === undefined) fail(generate(ERR.ConfigNeedTargetDB))
  const rawInstances = Array.isArray(o['mysql-instances'])
    ? (o['mysql-instances'] as unknown[])
    : []
  if (rawInstances.length === 0) fail(generate(ERR.ConfigMySQLInstsAtLeastOne))

  const baLists = obj(o['block-allow-list'])
  const bwLists = obj(o['black-white-list'])
  const lists = Object.keys(baLists).length === 0 ? bwLists : baLists
  const syncers = obj(o['syncers'])
  const usedSyncers = new Set<string>()
  const seen = new Map<string, number>()
  const instances: InstanceConfig[] = []
  rawInstances.forEach((raw, i) => {
    if (raw === null)
      fail(annotate(generate(ERR.ConfigMySQLInstNotFound), `mysql-instance: ${ordinal(i)}`))
    const inst = obj(raw)
    const sourceId = str(inst['source-id'])
    if (!sourceId)
      fail(annotate(generate(ERR.ConfigEmptySourceID), `mysql-instance: ${ordinal(i)}`))
    const metaRaw = inst['meta'] === undefined ? null : obj(inst['meta'])
    if (metaRaw && !str(metaRaw['binlog-name']) && !str(metaRaw['binlog-gtid'])) {
      fail(
        annotate(
          annotate(generate(ERR.ConfigMetaInvalid), `source ${sourceId}`),
          `mysql-instance: ${ordinal(i)}`
        )
      )
    }
    if (inst['syncer-config-name'] !== undefined && inst['syncer'] !== undefined)
      fail(annotate(generate(ERR.ConfigSyncerCfgConflict), `mysql-instance: ${ordinal(i)}`))
    const prev = seen.get(sourceId)
    if (prev !== undefined) fail(generate(ERR.ConfigMySQLInstSameSourceID, prev, i, sourceId))
    seen.set(sourceId, i)
    const baName = str(inst['block-allow-list']) || str(inst['black-white-list'])
    if (baName && !(baName in lists)) fail(generate(ERR.ConfigBAListNotFound, i, baName))
    let syncerRaw: Obj = obj(inst['syncer'])
    const syncerName = str(inst['syncer-config-name'])
    if (syncerName) {
      if (!(syncerName in syncers)) fail(generate(ERR.ConfigSyncerCfgNotFound, i, syncerName))
      usedSyncers.add(syncerName)
      syncerRaw = obj(syncers[syncerName])
    }
    const flush = num(syncerRaw['checkpoint-flush-interval']) || 30
    const durText = str(syncerRaw['safe-mode-duration']) || `${2 * flush}s`
    const dur = goDurationSeconds(durText)
    if (dur === undefined)
      fail(
        generate(
          ERR.ConfigInvalidSafeModeDuration,
          durText,
          goSprintf('time: invalid duration %s', [JSON.stringify(durText)])
        )
      )
    const safeMode = bool(syncerRaw['safe-mode'])
    if (safeMode && dur === 0) fail(generate(ERR.ConfigConfictSafeModeDurationAndSafeMode))
    instances.push({
      sourceId,
      meta: metaRaw
        ? {
            binlogName: str(metaRaw['binlog-name']),
            binlogPos: num(metaRaw['binlog-pos']),
            binlogGtid: str(metaRaw['binlog-gtid'])
          }
        : null,
      baList: baName ? baRulesOf(lists[baName]) : null,
      syncer: { safeMode, safeModeDurationSec: dur ?? 60 }
    })
  })
  const unused = Object.keys(syncers)
    .filter((s) => !usedSyncers.has(s))
    .sort()
  if (unused.length) fail(generate(ERR.ConfigGlobalConfigsUnused, unused))
  return {
    name,
    taskMode,
    metaSchema: str(o['meta-schema']) || 'dm_meta',
    caseSensitive: bool(o['case-sensitive']),
    ignoreCheckingItems: ignore,
    targetDatabase: db(o['target-database']),
    instances
  }
}
