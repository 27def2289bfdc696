/**
 * The action's typed inputs, as `readInputs()` (read.ts) returns them: validated and frozen.
 *
 * Names map 1:1 to the kebab-case inputs of action.yml (`source-host` → `source.host`).
 */
import type { TableFilter } from '../table-filter/parse.js'

/** What the action does in this run. */
export type Operation = 'migrate' | 'plan' | 'status' | 'pause' | 'resume' | 'stop' | 'verify'

/** Lightning import mode: physical (`local`) or logical SQL (`tidb`). */
export type LightningBackend = 'local' | 'tidb'

/** Lightning's post-import checksum policy (`[post-restore] checksum`). */
export type ChecksumMode = 'required' | 'optional' | 'off'

/**
 * A MySQL-protocol endpoint with credentials. The password is already masked with core.setSecret. `host` is '' (and
 * `port` the default) when the operation does not use the endpoint; an IPv6 host is given without brackets.
 */
export interface DbEndpoint {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly password: string
}

/** The target TiDB: SQL endpoint plus the status port and PD address Lightning's local backend needs. */
export interface TargetEndpoint extends DbEndpoint {
  readonly statusPort: number
  /** `host:port` of PD, or undefined to let Lightning ask TiDB's status port. */
  readonly pdAddr: string | undefined
}

/** A parsed `s3://bucket/prefix` URI. `prefix` has no leading or trailing slash ('' for the bucket root). */
export interface S3Location {
  readonly uri: string
  readonly bucket: string
  readonly prefix: string
}

/** AWS resources. Credentials are never inputs: they come from the environment. */
export interface AwsInputs {
  /** '' when the operation does not use AWS. */
  readonly region: string
  readonly clusterIdentifier: string | undefined
  /** Reuse this cluster snapshot instead of creating one. */
  readonly snapshotIdentifier: string | undefined
  readonly exportRoleArn: string | undefined
  /** Key id, key ARN, alias name (`alias/x`) or alias ARN. */
  readonly kmsKeyId: string | undefined
  /** Where schema, export and run state live. */
  readonly s3: S3Location | undefined
  /** Custom S3 endpoint URL (S3-compatible stores); undefined means AWS. */
  readonly s3Endpoint: string | undefined
  /** An existing export task to attach to or report on (`status`). */
  readonly exportTaskIdentifier: string | undefined
}

/** TiUP and the PingCAP tool versions. */
export interface ToolInputs {
  /** Version of dumpling, tidb-lightning and dmctl, e.g. `v8.5.2`. */
  readonly tidbVersion: string
  /** `auto` (tiup on PATH, else install latest), `latest`, or a version like `1.16.1`. */
  readonly tiupVersion: string
  /** Mirror URL or local directory for tiup and its components. */
  readonly tiupMirror: string
}

/** Lightning import settings. */
export interface ImportInputs {
  readonly backend: LightningBackend
  /** Directory for sorted KV files (local backend); defaults to a folder under RUNNER_TEMP. */
  readonly sortedKvDir: string | undefined
  readonly checksum: ChecksumMode
}

/** Binlog coordinates DM starts from (inputs `binlog-file`, `binlog-position`, `binlog-gtid`). */
export interface BinlogStart {
  readonly file: string
  readonly position: number
  /** The GTID set at that position; absent when GTIDs are off (or not recorded). */
  readonly gtid?: string
}

/** DM incremental replication settings. */
export interface DmInputs {
  /** `host:port` of a DM-master; undefined means no replication. */
  readonly masterAddr: string | undefined
  readonly sourceId: string
  readonly taskName: string | undefined
  readonly safeMode: boolean
  /**
   * Input `safe-mode-duration`: how long DM stays in safe mode after the task starts or resumes (a Go duration), in
   * place of safe mode for the whole task. Absent: the replicate phase decides from where DM starts.
   */
  readonly safeModeDuration?: string
  /**
   * Where DM starts, given by the user: the coordinates recorded when a reused snapshot was taken. Absent: the action
   * records the position itself just before it takes the snapshot.
   */
  readonly start?: BinlogStart
}

/** Input `restore-snapshot`: whether the run restores a copy of the snapshot (`auto`: see {@link restoreWanted}). */
export type RestoreMode = 'auto' | 'true' | 'false'

/** The values of `restore-snapshot`. */
export const RESTORE_MODES: readonly RestoreMode[] = ['auto', 'true', 'false']

/**
 * The DB instance class of a restored copy unless `restore-instance-class` says otherwise: the smallest class Aurora
 * MySQL 3 supports (Aurora user guide, "Supported DB engines for DB instance classes": db.t4g.medium and
 * db.t3.medium are its smallest, the Graviton one the cheaper).
 */
export const DEFAULT_RESTORE_CLASS = 'db.t4g.medium'

/** The restored copy of the snapshot: whether, kept or not, and what differs from the source cluster's settings. */
export interface RestoreInputs {
  readonly mode: RestoreMode
  /** Keep the copy after the run (`keep-restored-copy`) instead of deleting it. */
  readonly keep: boolean
  /** DB instance class; undefined: the smallest Aurora MySQL 3 supports. */
  readonly instanceClass: string | undefined
  /** Undefined: the source cluster's (DescribeDBClusters). */
  readonly subnetGroup: string | undefined
  /** Undefined: the source cluster's. */
  readonly securityGroupIds: readonly string[] | undefined
  /** Undefined: the source cluster's, so binary logging is on as on the source. */
  readonly parameterGroup: string | undefined
}

/** Input `verify`: row counts only, or checksums of the contents. Undefined: checksum when a restored copy exists. */
export type VerifyMode = 'counts' | 'checksum'

/** The values of `verify`. */
export const VERIFY_MODES: readonly VerifyMode[] = ['counts', 'checksum']

/** Deadlines of every long wait, in milliseconds. */
export interface TimeoutInputs {
  readonly snapshotMs: number
  readonly exportMs: number
  readonly importMs: number
  readonly dmSyncMs: number
}

/** All inputs, validated and frozen. */
export interface Inputs {
  readonly operation: Operation
  readonly source: DbEndpoint
  readonly target: TargetEndpoint
  readonly aws: AwsInputs
  /**
   * The table filter, parsed once here: its rules in Dumpling syntax (`filter.rules[i].text`, comments and blank
   * lines removed) and how each matches.
   */
  readonly filter: TableFilter
  readonly tools: ToolInputs
  readonly import: ImportInputs
  readonly dm: DmInputs
  readonly timeouts: TimeoutInputs
  /** `status`: wait until DM lag ≤ this many seconds (undefined: report only). */
  readonly waitForLagSeconds: number | undefined
  /** `status`: how long to wait for the lag gate, in ms. */
  readonly waitTimeoutMs: number
  readonly failOnShortRetention: boolean
  readonly failOnVerifyMismatch: boolean
  /** Continue a previous run (same run key) from its recorded state instead of refusing. */
  readonly resume: boolean
  /** When the tools' logs are uploaded as an artifact. */
  readonly uploadLogs: UploadLogs
  /** What to do with objects TiDB cannot hold: name them and migrate the rest, or fail the precheck. */
  readonly unsupportedObjects: UnsupportedObjectsMode
  /** The restored copy of the snapshot. */
  readonly restore: RestoreInputs
  /** How `verify` compares; undefined: checksum when a restored copy exists, counts otherwise. */
  readonly verify: VerifyMode | undefined
  /** What becomes of selected tables the Aurora export skips: copied another way, a failure, or left out. */
  readonly skippedTables: SkippedTablesMode
  /** Stable key of this migration run; names the export task, state file and DM task. */
  readonly runKey: string
}

/** When the tools' logs are uploaded as a workflow artifact (input `upload-logs`). */
export type UploadLogs = 'on-failure' | 'always' | 'never'

/** The values of `upload-logs`. */
export const UPLOAD_LOGS: readonly UploadLogs[] = ['on-failure', 'always', 'never']

/** Input `unsupported-objects`: what TiDB cannot hold is named and left behind (`warn`) or refused (`fail`). */
export type UnsupportedObjectsMode = 'warn' | 'fail'

/** Input `skipped-tables`: tables the export skips are copied by Dumpling and Lightning, fail the run, or are left out. */
export type SkippedTablesMode = 'copy' | 'fail' | 'exclude'

/** The values of `skipped-tables`. */
export const SKIPPED_TABLES: readonly SkippedTablesMode[] = ['copy', 'fail', 'exclude']

/** The values of `unsupported-objects`. */
export const UNSUPPORTED_OBJECTS: readonly UnsupportedObjectsMode[] = ['warn', 'fail']

/** The operations, in the order the docs list them. */
export const OPERATIONS: readonly Operation[] = [
  'migrate',
  'plan',
  'status',
  'pause',
  'resume',
  'stop',
  'verify'
]

/**
 * Whether DM is part of this run: `dm-master-addr` is set, so migrate ends by replicating from the recorded position
 * and status/pause/resume/stop manage a DM task.
 */
export function dmEnabled(inputs: Pick<Inputs, 'dm'>): boolean {
  return inputs.dm.masterAddr !== undefined
}

/**
 * Whether a migrate restores a copy of the snapshot. `restore-snapshot: auto` restores one when it is the only way to a
 * correct start position — a reused `snapshot-identifier` with DM on and no `binlog-file`/`binlog-position` given for
 * it (nothing recorded its binlog position; the copy announces the snapshot's own) — and when `verify: checksum` asks
 * for a consistent copy to compare with.
 */
export function restoreWanted(
  inputs: Pick<Inputs, 'operation' | 'restore' | 'verify' | 'aws' | 'dm'>
): boolean {
  if (inputs.operation !== 'migrate' && inputs.operation !== 'plan') return false
  if (inputs.restore.mode !== 'auto') return inputs.restore.mode === 'true'
  if (inputs.verify === 'checksum') return true
  // Coordinates given for the reused snapshot (binlog-file/binlog-position) already say where DM starts.
  return (
    inputs.aws.snapshotIdentifier !== undefined &&
    dmEnabled(inputs) &&
    inputs.dm.start === undefined
  )
}
