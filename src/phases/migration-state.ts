// What the phases of one migration learn and hand to each other. One object per run, created by the phase graph
// (phases/index.ts), filled in as phases finish. The report (report/types.ts) is what people see; this is what the
// next phase needs. Persisted to S3 after each phase so a re-run can skip what already finished (resume/record.ts,
// resume/decide.ts).
import type { PrecheckFacts } from '../precheck/facts.js'
import type { LeftOutTable } from '../precheck/unsupported.js'
import type { ChecksumResult } from '../tidb/lightning/report.js'
import type { TiupSetup } from '../tidb/tiup/tiup.js'

/** A source table the filter selects. */
export interface SelectedTable {
  readonly database: string
  readonly table: string
  /** information_schema.TABLES.TABLE_ROWS: an estimate for InnoDB. */
  readonly estimatedRows?: number
  /** DATA_LENGTH + INDEX_LENGTH, bytes. */
  readonly bytes?: number
  /** Whether it has a primary key or a NOT NULL unique key (safe mode needs one to be idempotent). */
  readonly hasUniqueKey?: boolean
}

/** What precheck learned of the source. */
export interface SourceFacts {
  /** `VERSION()`, e.g. `8.0.32` or `10.11.19-MariaDB`. */
  readonly version: string
  /** Whether the source writes GTIDs DM can start from. */
  readonly gtidEnabled: boolean
  /** MySQL (`mysql`) or MariaDB (`mariadb`) flavour, for DM's source config. */
  readonly flavor: 'mysql' | 'mariadb'
}

/**
 * The binlog coordinates recorded just before the snapshot (the `SHOW MASTER STATUS` of PingCAP's documented
 * procedure).
 */
export interface CapturedBinlog {
  readonly file: string
  readonly position: number
  readonly gtid: string | undefined
  /** Epoch ms when it was read, to measure the gap to the snapshot (the documented procedure's 5-minute window). */
  readonly capturedAt: number
  /**
   * True when the inputs gave it (`binlog-file`/`binlog-position`: recorded when a reused snapshot was taken) rather
   * than the action reading it now; `capturedAt` is then when the action took it over, not when it was recorded.
   */
  readonly given?: boolean
}

/** The cluster snapshot the export reads. */
export interface SnapshotFacts {
  readonly identifier: string
  readonly arn: string
  /** Epoch ms the snapshot was taken (SnapshotCreateTime). */
  readonly createdAt: number
  /** True when `snapshot-identifier` named an existing snapshot. */
  readonly reused: boolean
  /**
   * The snapshot's own binlog position, when RDS reports it (`Binlog position from crash recovery is …`). Kept
   * beside `MigrationState.binlog`, never in its place: which one DM starts from is the replicate phase's choice.
   */
  readonly binlog?: { readonly file: string; readonly position: number }
}

/** The restored copy of the snapshot (phase `restore`). */
export interface RestoredCopyFacts {
  readonly cluster: string
  readonly instance: string
  /** `keep-restored-copy`: left in place when the run ends. */
  readonly keep: boolean
  /** Where it answers MySQL (the source's user and password: the copy is the snapshot's volume). */
  readonly endpoint?: { readonly host: string; readonly port: number }
  /** The snapshot's own binlog position, from the copy's crash-recovery event. */
  readonly binlog?: { readonly file: string; readonly position: number }
  /** Set once removal was started. */
  removed?: boolean
}

/** The snapshot export task and where its files are. */
export interface ExportFacts {
  readonly taskId: string
  readonly bucket: string
  /** Key prefix of the export's files: `<s3 prefix>/export/<task id>` (no trailing slash). */
  readonly prefix: string
  /** `s3://bucket/prefix/` */
  readonly uri: string
  status: string
  /** Tables the export skipped, as `db.table`, with AWS's reason. */
  skipped: { readonly table: string; readonly reason: string }[]
}

/** A selected table the export skipped, and how the run filled it (phase `skipped-tables`). */
export interface SkippedTableFacts {
  readonly database: string
  readonly table: string
  /** AWS's reason (the export's WarningMessage). */
  readonly reason: string
  /** `copied`: dumped by Dumpling and imported by Lightning; `excluded`: left out (`skipped-tables: exclude`). */
  readonly filled: 'copied' | 'excluded'
  /**
   * Copied only: COUNT(*) on the server Dumpling read, just before and just after its consistent read of the table.
   * Equal numbers are the table's rows at the dump's point; different ones bound them.
   */
  readonly sourceRows?: { readonly before: number; readonly after: number }
  /** Copied only: the rows on the target once Lightning imported the dump. */
  readonly copiedRows?: number
}

/** Everything a migration run knows so far. */
export interface MigrationState {
  readonly runKey: string
  tiup?: TiupSetup
  source?: SourceFacts
  /** Tables the filter selects on the source, in catalog order, less those left out (`leftOut`). */
  tables?: SelectedTable[]
  /**
   * Selected tables TiDB cannot create (a spatial column, a character set or collation it lacks…), found by the
   * precheck: left out of the schema dump, the export, the import, the verification and DM's block-allow-list.
   */
  leftOut?: LeftOutTable[]
  /**
   * Everything the precheck read (source catalog with columns, binlog settings and retention, target, AWS lookups),
   * for the plan's estimates. Large for big catalogs and re-read by every precheck: not worth persisting.
   */
  precheck?: PrecheckFacts
  /**
   * `operation: plan` only: the failed prechecks' message, which the plan phase raises after writing the plan, so a
   * failing check still yields the plan that explains it.
   */
  precheckFailure?: string
  binlog?: CapturedBinlog
  snapshot?: SnapshotFacts
  export?: ExportFacts
  restored?: RestoredCopyFacts
  /** The selected tables the export skipped and how each was filled; empty when it skipped none. */
  skippedTables?: SkippedTableFacts[]
  /** `s3://…/schema/` written by Dumpling. */
  schemaUri?: string
  /**
   * The view Lightning could not create (the target's error), set by schema-import: views after it in Lightning's
   * order are missing too, which verify finds.
   */
  viewsNotCreated?: { readonly database: string; readonly table: string; readonly cause: string }[]
  /** Rows Lightning imported per `db.table`, and in total. */
  imported?: {
    readonly total: number
    readonly perTable: Record<string, number>
    /** Lightning's per-table checksum results (LightningMonitor's `checksums`), when it ran them. */
    readonly checksums?: readonly ChecksumResult[]
  }
  /**
   * Set when this run continues an earlier attempt (resume/decide.ts): the phases that attempt finished, with their ISO
   * end times, so the precheck can tell the rows that attempt imported from rows someone else left.
   */
  resumed?: { readonly phasesDone: Readonly<Record<string, string>> }
}

/** A fresh state for a run. */
export function newMigrationState(runKey: string): MigrationState {
  return { runKey }
}
