// The TiDB Lightning configuration for the action's two runs: the schema import (Dumpling's output) and the data
// import (the Aurora export). Lightning aborts on keys it does not know (`config file contained unknown
// configuration options`), so only keys pingcap/tidb pkg/lightning/config/config.go (and global.go) defines are
// written; the test checks that.
// @iarna/toml does the quoting, so passwords and regex patterns with backslashes stay valid TOML.

import TOML from '@iarna/toml'
import type { ChecksumMode, LightningBackend, TargetEndpoint } from '../../inputs/types.js'
import type { FileRule } from './file-router.js'
import { parseGoDuration } from '../log-values.js'

/** `[checkpoint]`: the action keeps one file per run so a rerun never trips over an old run's checkpoints. */
export interface CheckpointOptions {
  readonly enable: boolean
  /** Path of the checkpoint file (`driver = "file"`). */
  readonly dsn: string
  /** What Lightning does with the checkpoint after success (default `remove`). */
  readonly keepAfterSuccess?: 'remove' | 'rename' | 'origin'
}

/** Everything one Lightning run needs. */
export interface LightningTomlOptions {
  readonly tidb: TargetEndpoint
  readonly backend: LightningBackend
  /** Required for the local backend; ignored for the tidb backend. */
  readonly sortedKvDir?: string | undefined
  /** Local directory or `s3://` URI (see s3DataSourceUri). */
  readonly dataSourceDir: string
  /** `[[mydumper.files]]`; when given, Lightning's default Dumpling-style rules are off. */
  readonly files?: readonly FileRule[]
  /** `mydumper.filter` (table-filter rules). */
  readonly filter?: readonly string[]
  readonly checkpoint: CheckpointOptions
  /** `[lightning] file`: the log file the action streams; `level` defaults to Lightning's (`info`). */
  readonly log: { readonly file: string; readonly level?: 'debug' | 'info' | 'warn' | 'error' }
  /** `[lightning] check-requirements` (Lightning's default: true). */
  readonly checkRequirements?: boolean
  /** `[cron] log-progress` as a Go duration, e.g. `30s` (Lightning's default is 5m). */
  readonly logProgress?: string
  /** `[post-restore] checksum`. */
  readonly checksum?: ChecksumMode
  /**
   * `[tidb.session-vars]`: variables Lightning sets on its TiDB sessions (see {@link PARQUET_SESSION_VARS}). A config
   * key since pingcap/tidb#47414 (v7.5.0); older Lightning rejects it as an unknown option.
   */
  readonly sessionVars?: Readonly<Record<string, string>>
}

/**
 * The session variables of a Parquet import. Lightning v8.5 reads a Parquet TIMESTAMP (isAdjustedToUTC, as the Aurora
 * export writes DATETIME and TIMESTAMP) as its UTC wall-clock text ending in `Z` (pkg/lightning/mydump/parquet_parser.go
 * on release-8.5), and TiDB converts such a literal into the session's time zone when it casts it to the column. The
 * local backend encodes with the variables `ObtainImportantVariables` reads on the connection `DBFromConfig` opened
 * (pkg/lightning/importer/tidb.go: `SHOW VARIABLES` … `time_zone`, default `SYSTEM`), i.e. the target's
 * `@@global.time_zone` unless `[tidb.session-vars]` sets it: `DBFromConfig` copies `dsn.Vars` (the TOML key
 * `session-vars`, pkg/lightning/config/config.go `DBStore.Vars`, exposed by pingcap/tidb#47414) into the variables it
 * sets on every connection of its pool (pingcap/tidb#54927). With `time_zone = "+00:00"` a DATETIME arrives as the
 * source wrote it whatever the target's zone; without it a target at `+08:00` would hold every value 8 hours late.
 */
export const PARQUET_SESSION_VARS: Readonly<Record<string, string>> = { time_zone: '+00:00' }

/** Whether `tidb-version`'s Lightning accepts `[tidb.session-vars]` (v7.5.0 and later, and nightly). */
export function lightningHasSessionVars(tidbVersion: string): boolean {
  if (tidbVersion === 'nightly') return true
  const m = /^v(\d+)\.(\d+)\./.exec(tidbVersion)
  if (!m) return false
  const [major, minor] = [Number(m[1]), Number(m[2])]
  return major > 7 || (major === 7 && minor >= 5)
}

type TomlTable = Parameters<typeof TOML.stringify>[0]

function fail(message: string): never {
  throw new Error(`Lightning configuration: ${message}`)
}

/** Renders the TOML document. Throws an Error naming the option when the options cannot work. */
export function renderLightningToml(opts: LightningTomlOptions): string {
  const { tidb } = opts
  if (opts.backend === 'local' && !opts.sortedKvDir) {
    fail('the local backend needs a sorted-kv-dir (tikv-importer.sorted-kv-dir must not be empty)')
  }
  if (opts.dataSourceDir.trim() === '') fail('mydumper.data-source-dir is empty')
  if (opts.checkpoint.enable && opts.checkpoint.dsn.trim() === '') fail('checkpoint.dsn is empty')
  if (opts.log.file.trim() === '') fail('lightning.file is empty')
  if (opts.logProgress !== undefined && parseGoDuration(opts.logProgress) === undefined) {
    fail(`cron.log-progress must be a Go duration like "30s", not "${opts.logProgress}"`)
  }
  for (const [name, port] of [
    ['tidb.port', tidb.port],
    ['tidb.status-port', tidb.statusPort]
  ] as const) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name} ${port} is not a port`)
  }

  const lightning: TomlTable = { file: opts.log.file }
  if (opts.log.level !== undefined) lightning['level'] = opts.log.level
  if (opts.checkRequirements !== undefined) lightning['check-requirements'] = opts.checkRequirements
  const importer: TomlTable = { backend: opts.backend }
  if (opts.backend === 'local' && opts.sortedKvDir) importer['sorted-kv-dir'] = opts.sortedKvDir
  const mydumper: TomlTable = { 'data-source-dir': opts.dataSourceDir }
  if (opts.filter && opts.filter.length > 0) mydumper['filter'] = [...opts.filter]
  if (opts.files && opts.files.length > 0) {
    mydumper['files'] = opts.files.map((r) => {
      const rule: TomlTable = { pattern: r.pattern }
      if (r.schema !== undefined) rule['schema'] = r.schema
      if (r.table !== undefined) rule['table'] = r.table
      rule['type'] = r.type
      if (r.key !== undefined) rule['key'] = r.key
      return rule
    })
  }
  const checkpoint: TomlTable = { enable: opts.checkpoint.enable }
  if (opts.checkpoint.enable) {
    checkpoint['driver'] = 'file'
    checkpoint['dsn'] = opts.checkpoint.dsn
    if (opts.checkpoint.keepAfterSuccess !== undefined) {
      checkpoint['keep-after-success'] = opts.checkpoint.keepAfterSuccess
    }
  }
  const doc: TomlTable = {
    lightning,
    tidb: {
      host: tidb.host,
      port: tidb.port,
      user: tidb.user,
      password: tidb.password,
      'status-port': tidb.statusPort,
      ...(tidb.pdAddr === undefined || tidb.pdAddr === '' ? {} : { 'pd-addr': tidb.pdAddr }),
      ...(opts.sessionVars === undefined || Object.keys(opts.sessionVars).length === 0
        ? {}
        : { 'session-vars': { ...opts.sessionVars } })
    },
    'tikv-importer': importer,
    mydumper,
    checkpoint
  }
  if (opts.logProgress !== undefined) doc['cron'] = { 'log-progress': opts.logProgress }
  if (opts.checksum !== undefined) doc['post-restore'] = { checksum: opts.checksum }
  // @iarna/toml writes 4000 as 4_000: valid TOML, but plain digits read better and suit every parser.
  const body = TOML.stringify(doc).replace(
    /^(\s*[\w"-]+ = )(-?\d{1,3}(?:_\d{3})+)$/gm,
    (_all, key: string, n: string) => key + n.replace(/_/g, '')
  )
  return `# Generated by aurora-to-tidb; rewritten on every run.\n${body}`
}

/**
 * Replaces the password value (and any credentials in URI query parameters) so the TOML can be logged.
 */
export function redactToml(text: string): string {
  return text
    .replace(
      /^(\s*(?:password|"password"|'password')\s*=\s*)(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\n#]*)/gm,
      '$1"******"'
    )
    .replace(/([?&](?:access-key|secret-access-key|session-token)=)[^&"'\s]*/g, '$1******')
}

/** S3 options Lightning and BR read from the URI's query string (external-storage-uri docs). */
export interface S3UriOptions {
  /** Custom endpoint URL with its scheme (S3-compatible stores); undefined for AWS. */
  readonly endpoint?: string | undefined
  readonly region?: string | undefined
  /** Path-style addressing; BR's default is true. */
  readonly forcePathStyle?: boolean | undefined
}

/** `s3://bucket/prefix?endpoint=…&region=…&force-path-style=…`, every part URL-encoded. */
export function s3DataSourceUri(bucket: string, prefix: string, opts: S3UriOptions = {}): string {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    fail(`"${bucket}" is not an S3 bucket name`)
  const path = prefix
    .split('/')
    .filter((p) => p !== '')
    .map(encodeURIComponent)
    .join('/')
  const params: string[] = []
  if (opts.endpoint) params.push(`endpoint=${encodeURIComponent(opts.endpoint)}`)
  if (opts.region) params.push(`region=${encodeURIComponent(opts.region)}`)
  if (opts.forcePathStyle !== undefined) params.push(`force-path-style=${opts.forcePathStyle}`)
  return `s3://${bucket}${path ? `/${path}` : ''}${params.length > 0 ? `?${params.join('&')}` : ''}`
}
