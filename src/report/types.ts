// The report model: everything a run learned, filled in by the phases as they go, then published three ways — the
// job summary (renderSummary), the step outputs (writeOutputs) and result.json (writeResultFile).
// It holds no secrets: phases put only redacted text in it.

/** A phase's state. `skipped`: never started (a dependency failed or the run stopped); `cancelled`: stopped mid-way. */
export type PhaseStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled'

/** The state of the whole run. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled'

/** How a key number is shown. */
export type NumberUnit = 'count' | 'bytes' | 'percent' | 'seconds'

/** One number worth showing in the phase table: rows imported, bytes exported, export progress… */
export interface KeyNumber {
  readonly label: string
  readonly value: number | string
  readonly unit?: NumberUnit
}

/** Why a phase failed: our sentence, the tool's own error line, and the end of its output. */
export interface PhaseFailure {
  readonly message: string
  readonly toolLine?: string | undefined
  readonly tail: readonly string[]
}

/** One phase of the run. */
export interface PhaseRecord {
  readonly id: string
  readonly title: string
  status: PhaseStatus
  /** ISO times. */
  startedAt?: string
  endedAt?: string
  durationMs?: number
  numbers: KeyNumber[]
  warnings: string[]
  failure?: PhaseFailure
  /** A short remark: why it was skipped, what it reused… */
  note?: string
  /**
   * Skipped because its work is already done (an earlier attempt of the run did it, or nothing left needs it), so
   * the phases that depend on it may run.
   */
  doneEarlier?: boolean
}

/** Where incremental replication starts: the source's binlog coordinates at the snapshot. */
export interface BinlogPosition {
  readonly file: string
  readonly position: number
  readonly gtid?: string | undefined
  /** How it was captured, e.g. `SHOW MASTER STATUS before the snapshot`. */
  readonly capturedBy?: string | undefined
}

/** One migrated table. */
export interface TableRow {
  readonly database: string
  readonly table: string
  rowsExported?: number
  rowsImported?: number
  /** e.g. `imported`, `verified`, `mismatch`, `failed`. */
  status: string
  note?: string
  /** Rows whose contents differ (`verify: checksum`), by key: `id=42 changed`. */
  differingRows?: readonly string[]
}

/** One precheck: pass, warn or fail, with the reason (shown as a row in the summary). */
export interface CheckRow {
  /** Stable id, e.g. `source.binlog-format`. */
  readonly id: string
  /** What was checked, for people: `Source binlog_format is ROW`. */
  readonly title: string
  readonly status: 'pass' | 'warn' | 'fail'
  /** What was found, and for warn/fail what to do about it. */
  readonly reason: string
}

/** What kind of object TiDB cannot hold. */
export type UnsupportedKind =
  | 'trigger'
  | 'procedure'
  | 'function'
  | 'event'
  | 'spatial-column'
  | 'spatial-index'
  | 'fulltext-index'
  | 'column-type'
  | 'character-set'
  | 'collation'
  | 'account'

/**
 * What becomes of it: `not-migrated` (the object is not created on TiDB), `table-left-out` (TiDB cannot create its
 * table, so the table is left out of every phase), `index-dropped` (TiDB creates the table without the index).
 */
export type UnsupportedEffect = 'not-migrated' | 'table-left-out' | 'index-dropped'

/** One object on the source that TiDB cannot hold, by name (output `unsupported-objects`). */
export interface UnsupportedObject {
  readonly kind: UnsupportedKind
  /** The database it is in; absent for accounts. */
  readonly database?: string
  /** The table it belongs to (triggers, columns, indexes, a table's own character set or collation). */
  readonly table?: string
  /** The object's own name: the trigger, routine, event, column, index or `'user'@'host'`. */
  readonly name: string
  /** What TiDB lacks, e.g. `GEOMETRY column` or `collation utf8mb4_uca1400_ai_ci`. */
  readonly detail: string
  readonly effect: UnsupportedEffect
}

/** One database of a plan. */
export interface PlanDatabase {
  readonly database: string
  readonly tables: number
  readonly estimatedRows: number
  readonly bytes: number
}

/** One estimate of a plan: what, how much, and what it is based on (estimates are never promises). */
export interface PlanEstimate {
  readonly label: string
  readonly value: string
  readonly basis: string
}

/** A selected table with what could go wrong with it. */
export interface PlanRisk {
  readonly table: string
  readonly risks: readonly string[]
}

/** What `operation: plan` found: sizes per database, estimates, risk flags. */
export interface PlanReport {
  readonly totals: {
    readonly tables: number
    readonly views: number
    readonly estimatedRows: number
    readonly bytes: number
  }
  readonly databases: readonly PlanDatabase[]
  readonly estimates: readonly PlanEstimate[]
  readonly risks: readonly PlanRisk[]
  /** What TiDB cannot hold, and what becomes of it. */
  readonly unsupported?: readonly UnsupportedObject[]
}

/** A link to something the run created (S3 console, export prefix…). */
export interface ReportLink {
  readonly label: string
  readonly url: string
}

/** Where the tools' full logs are (input upload-logs). */
export interface ToolLogsReport {
  /** The directory on the runner (beside result.json). */
  readonly dir: string
  readonly files: number
  /** The artifact they were uploaded as. */
  readonly artifact?: { readonly name: string; readonly url?: string }
  /** Why they were not uploaded, when they were not. */
  readonly note?: string
}

/** Everything a run reports. */
export interface Report {
  readonly operation: string
  status: RunStatus
  readonly startedAt: string
  endedAt?: string
  durationMs?: number
  phases: PhaseRecord[]
  binlog?: BinlogPosition
  tables: TableRow[]
  links: ReportLink[]
  /** Tool name → version (`tiup` → `1.16.1`, `tidb-lightning` → `v8.5.2`). */
  toolVersions: Record<string, string>
  /** Step outputs set by phases, by output name. */
  outputs: Record<string, string>
  /** Warnings not tied to one phase. */
  warnings: string[]
  /** The prechecks, in the order they ran. */
  checks: CheckRow[]
  /** What TiDB cannot hold, found by the precheck (undefined when it did not read the source). */
  unsupported?: UnsupportedObject[]
  /** The plan (`operation: plan`). */
  plan?: PlanReport
  /** The message the run failed with. */
  error?: string
  /** The tools' logs and their artifact. */
  logs?: ToolLogsReport
}

/**
 * An empty report for a run that starts now.
 * @param operation the operation input (or `unknown` before inputs are read)
 * @param now the start time
 */
export function newReport(operation: string, now: Date = new Date()): Report {
  return {
    operation,
    status: 'running',
    startedAt: now.toISOString(),
    phases: [],
    tables: [],
    links: [],
    toolVersions: {},
    outputs: {},
    warnings: [],
    checks: []
  }
}
