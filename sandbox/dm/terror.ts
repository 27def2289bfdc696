// DM's error values ("terror"), as dmctl and query-status print them. Codes, classes, scopes, levels, messages and
// workarounds are the ones listed in pingcap/tiflow dm/errors.toml (only those the sandbox can produce).
// Text form (dm/pkg/terror): `[code=%d:class=%s:scope=%s:level=%s]`, then `, Message: …`, `, RawCause: …`,
// `, Workaround: …`, each part only when non-empty.

/** One DM error definition. */
export interface TerrorDef {
  readonly code: number
  readonly cls: string
  readonly scope: 'not-set' | 'upstream' | 'downstream' | 'internal'
  readonly level: 'low' | 'medium' | 'high'
  /** Go format string (%s, %d, %v). */
  readonly message: string
  readonly workaround: string
}

const def = (
  code: number,
  cls: string,
  scope: TerrorDef['scope'],
  level: TerrorDef['level'],
  message: string,
  workaround = ''
): TerrorDef => ({ code, cls, scope, level, message, workaround })

const CFG_YAML = 'Please check the configuration file has correct YAML format.'
const MYSQL_INSTANCES = 'Please check the `mysql-instances` config in task configuration file.'

/** The DM errors the sandbox raises, named as in tiflow's error_list.go. */
export const ERR = {
  ConfigCheckItemNotSupport: def(
    20001,
    'config',
    'internal',
    'medium',
    'checking item %s is not supported\n%s',
    'Please check `ignore-checking-items` config in task configuration file, which can be set including `all`/`dump_privilege`/`replication_privilege`/`version`/`binlog_enable`/`binlog_format`/`binlog_row_image`/`table_schema`/`schema_of_shard_tables`/`auto_increment_ID`.'
  ),
  ConfigYamlTransform: def(20003, 'config', 'internal', 'medium', '%s', CFG_YAML),
  ConfigEmptySourceID: def(
    20005,
    'config',
    'internal',
    'medium',
    'empty source-id not valid',
    'Please check the `source-id` config in configuration file.'
  ),
  ConfigOnlineSchemeNotSupport: def(
    20007,
    'config',
    'internal',
    'medium',
    'online scheme %s not supported',
    'Please check the `online-ddl-scheme` config in task configuration file. Only `ghost` and `pt` are currently supported.'
  ),
  ConfigMetaInvalid: def(
    20011,
    'config',
    'internal',
    'medium',
    'must specify `binlog-name` without GTID enabled for the source or specify `binlog-gtid` with GTID enabled for the source',
    'Please check the `meta` config in task configuration file.'
  ),
  ConfigMySQLInstNotFound: def(
    20012,
    'config',
    'internal',
    'medium',
    'mysql instance config must specify',
    MYSQL_INSTANCES
  ),
  ConfigMySQLInstsAtLeastOne: def(
    20013,
    'config',
    'internal',
    'medium',
    'must specify at least one mysql-instances',
    MYSQL_INSTANCES
  ),
  ConfigMySQLInstSameSourceID: def(
    20014,
    'config',
    'internal',
    'medium',
    'mysql-instance (%d) and (%d) have same source-id (%s)',
    MYSQL_INSTANCES
  ),
  ConfigSyncerCfgConflict: def(
    20017,
    'config',
    'internal',
    'medium',
    'syncer-config-name and syncer should only specify one',
    'Please check the `syncer-config-name` and `syncer` config in task configuration file.'
  ),
  ConfigNeedUniqueTaskName: def(
    20019,
    'config',
    'internal',
    'medium',
    'must specify a unique task name',
    'Please check the `name` config in task configuration file.'
  ),
  ConfigInvalidTaskMode: def(
    20020,
    'config',
    'internal',
    'medium',
    'please specify right task-mode, support `full`, `incremental`, `all`, `dump`, `load`',
    'Please check the `task-mode` config in task configuration file.'
  ),
  ConfigNeedTargetDB: def(
    20021,
    'config',
    'internal',
    'medium',
    'must specify target-database',
    'Please check the `target-database` config in task configuration file.'
  ),
  ConfigBAListNotFound: def(
    20026,
    'config',
    'internal',
    'medium',
    "mysql-instance(%d)'s list %s not exist in block allow list",
    'Please check the `block-allow-list` config in task configuration file.'
  ),
  ConfigSyncerCfgNotFound: def(
    20030,
    'config',
    'internal',
    'medium',
    "mysql-instance(%d)'s syncer config %s not exist in syncer",
    'Please check the `syncer-config-name` config in task configuration file.'
  ),
  ConfigSourceIDNotFound: def(
    20031,
    'config',
    'internal',
    'medium',
    'source %s in deployment configuration not found',
    'Please use `operate-source create source-config-file-path` to add source.'
  ),
  ConfigShardModeNotSupport: def(
    20033,
    'config',
    'internal',
    'medium',
    'shard mode %s not supported',
    'Please check the `shard-mode` config in task configuration file, which can be set to `pessimistic`/`optimistic`.'
  ),
  ConfigGlobalConfigsUnused: def(
    20038,
    'config',
    'internal',
    'high',
    "The configurations as following %v are set in global configuration but instances don't use them",
    'Please check the configuration files.'
  ),
  ConfigInvalidSafeModeDuration: def(
    20060,
    'config',
    'internal',
    'medium',
    "safe-mode-duration '%s' parsed failed: %v",
    'Please check the `safe-mode-duration` is correct.'
  ),
  ConfigConfictSafeModeDurationAndSafeMode: def(
    20061,
    'config',
    'internal',
    'low',
    'safe-mode(true) conflicts with safe-mode-duration(0s)',
    'Please set safe-mode to false or safe-mode-duration to non-zero.'
  ),
  DBDriverError: def(
    10001,
    'database',
    'upstream',
    'high',
    'database driver error',
    'Please check the database connection and the database config in configuration file.'
  ),
  DBExecuteFailed: def(10006, 'database', 'not-set', 'high', 'execute statement failed: %s'),
  TaskCheckFailedOpenDB: def(
    26002,
    'task-check',
    'internal',
    'high',
    'failed to open DSN %s:***@%s:%d',
    'Please check the database config in configuration file.'
  ),
  TaskCheckSyncConfigError: def(26005, 'task-check', 'internal', 'medium', '%s: %v\n detail: %v'),
  SourceCheckGTID: def(
    26007,
    'task-check',
    'internal',
    'medium',
    '%s has GTID_MODE = %s instead of ON',
    'Please check the `enable-gtid` config in source configuration file.'
  ),
  SchemaTrackerCannotFetchDownstreamTable: def(
    44007,
    'schema-tracker',
    'downstream',
    'medium',
    'cannot fetch downstream table schema of %v to initialize upstream schema %v in schema tracker'
  ),
  SyncerGetEvent: def(
    36069,
    'sync-unit',
    'upstream',
    'high',
    'get binlog event error: %v',
    'Please check if the binlog file could be parsed by `mysqlbinlog`.'
  ),
  MasterInvalidOperateOp: def(38041, 'dm-master', 'internal', 'medium', 'invalid op %s on %s'),
  WorkerNeedSourceID: def(
    40005,
    'dm-worker',
    'internal',
    'medium',
    'dm-worker should bind a non-empty source ID which represents a MySQL/MariaDB instance or a replica group. \n notice: if you use old version dm-ansible, please update to newest version.'
  ),
  WorkerTooLongSourceID: def(
    40006,
    'dm-worker',
    'internal',
    'medium',
    'the length of source ID %s is more than max allowed value %d'
  ),
  SchedulerSourceCfgExist: def(
    46007,
    'scheduler',
    'internal',
    'medium',
    'source config with ID %s already exists'
  ),
  SchedulerSourceCfgNotExist: def(
    46008,
    'scheduler',
    'internal',
    'medium',
    'source config with ID %s not exists'
  ),
  SchedulerSourceOpTaskExist: def(
    46010,
    'dm-master',
    'internal',
    'medium',
    'source with name %s need to operate has existing tasks %v',
    'Please `stop-task` first.'
  ),
  SchedulerSubTaskExist: def(
    46014,
    'scheduler',
    'internal',
    'medium',
    'subtasks with name %s for sources %v already exist',
    'Please use `query-status` command to see tasks.'
  ),
  CtlGRPCCreateConn: def(
    48001,
    'dmctl',
    'internal',
    'high',
    'can not create grpc connection',
    'Please check your network connection.'
  )
} as const

/** A raised DM error: a definition with its message filled in and an optional raw cause. */
export interface Terror {
  readonly code: number
  readonly cls: string
  readonly scope: string
  readonly level: string
  readonly message: string
  readonly rawCause: string
  readonly workaround: string
}

/** Formats a Go-style message: %s, %d, %v take the arguments in order; a Go slice prints as `[a b]`. */
export function goSprintf(format: string, args: readonly unknown[]): string {
  let i = 0
  return format.replace(/%[sdv]/g, () => {
    const a = args[i++]
    return Array.isArray(a) ? `[${a.map(String).join(' ')}]` : String(a)
  })
}

/** Raises `d` with format arguments (terror `Generate`). */
export function generate(d: TerrorDef, ...args: unknown[]): Terror {
  return { ...base(d), message: goSprintf(d.message, args), rawCause: '' }
}

/** Raises `d` around a cause (terror `Delegate`): the cause's text becomes RawCause. */
export function delegate(d: TerrorDef, cause: string, ...args: unknown[]): Terror {
  return { ...base(d), message: goSprintf(d.message, args), rawCause: cause }
}

/** terror `Annotatef`: prefixes the message. */
export function annotate(e: Terror, prefix: string): Terror {
  return { ...e, message: `${prefix}: ${e.message}` }
}

/** terror `WithScope`: the scope a caller knows the error belongs to (e.g. `downstream`). */
export function withScope(e: Terror, scope: string): Terror {
  return { ...e, scope }
}

/** terror `WithClass`: dm-master rewrites the class of errors it passes on (e.g. to `dm-master`). */
export function withClass(e: Terror, cls: string): Terror {
  return { ...e, cls }
}

function base(d: TerrorDef): Omit<Terror, 'message' | 'rawCause'> {
  return { code: d.code, cls: d.cls, scope: d.scope, level: d.level, workaround: d.workaround }
}

/** The text of an error, exactly as `(*terror.Error).Error()` builds it. */
export function terrorText(e: Terror): string {
  let s = `[code=${e.code}:class=${e.cls}:scope=${e.scope}:level=${e.level}]`
  const rest = withoutWorkaround(e)
  if (rest) s += `, ${rest}`
  if (e.workaround) s += `, Workaround: ${e.workaround}`
  return s
}

/** `ErrorWithoutWorkaround()`: what check results put in `short_error`. */
export function withoutWorkaround(e: Terror): string {
  let s = e.message ? `Message: ${e.message}` : ''
  if (e.rawCause) s += `${s ? ', ' : ''}RawCause: ${e.rawCause}`
  return s
}

/** A thrown DM error (for code paths that bail out). */
export class TerrorException extends Error {
  constructor(readonly terror: Terror) {
    super(terrorText(terror))
  }
}
