// What LightningMonitor (log.ts) has seen of one Lightning run, as the import reads it: progress, the success and
// failure markers, checkpoint advice, per-table checksums and completions, the first error. Types only, apart from
// the monitor, so the message table (messages.ts) that fills it in does not import the monitor.
import type { FirstError } from '../tool-outcome.js'
import type { LightningProgress } from './progress.js'
import type { TableName } from '../../table-filter/table-name.js'

/** A table Lightning reported as restored (`restore table completed`). */
export interface TableCompletion {
  /** As printed: `` `db`.`tbl` ``. */
  readonly table: string
  /** The printed name read, when it is one. */
  readonly name: TableName | undefined
  /** Rows, when the line carries a `rows` field (the current tool does not print one). */
  readonly rows: number | undefined
  readonly takeMs: number | undefined
}

/** A per-table checksum outcome (`checksum pass`, or an error mentioning `checksum mismatched`). */
export interface ChecksumResult {
  readonly table: string
  readonly ok: boolean
  /** The local checksum (`{cksum=…,size=…,kvs=…}`) on pass; the tool's error text on mismatch. */
  readonly detail: string
}

/** Lightning refused to run because a previous run left failed or illegal checkpoints. */
export interface CheckpointRefusal {
  /** The tool's own message. */
  readonly message: string
  /** The `./tidb-lightning-ctl --checkpoint-…` commands it suggests, in the order printed, deduplicated. */
  readonly commands: readonly string[]
}

/** Everything the monitor has seen so far. */
export interface LightningReport {
  readonly lines: number
  readonly progress: LightningProgress | undefined
  readonly procedureStarted: boolean
  /** `the whole procedure completed`: the success test of PingCAP's documented procedure. */
  readonly procedureCompleted: boolean
  /** The error of `the whole procedure failed`. */
  readonly procedureFailed: string | undefined
  /** The error of `run failed` (the failing step). */
  readonly runFailed: string | undefined
  /** The log's `tidb lightning exit` line was seen; `finished` is false after a cancel. */
  readonly exitLogged: boolean
  readonly exitFinished: boolean | undefined
  /** stdout `tidb lightning exit successfully`. */
  readonly stdoutSuccess: boolean
  /** stdout `tidb lightning canceled`. */
  readonly stdoutCanceled: boolean
  /** `got signal to exit` or `task canceled` in the log. */
  readonly gotSignal: boolean
  /** `tidb lightning encountered error: <err>` (stderr) or its log form. */
  readonly encounteredError: string | undefined
  readonly checkpoint: CheckpointRefusal | undefined
  /** Keys of `config file contained unknown configuration options: …`. */
  readonly unknownOptions: readonly string[] | undefined
  /** `failed to start HTTP server: …` (Lightning then exits 0 without importing). */
  readonly httpServerError: string | undefined
  readonly checksums: readonly ChecksumResult[]
  readonly tablesCompleted: readonly TableCompletion[]
  /** From `Verbose debug logs will be written to <file>`. */
  readonly verboseLogFile: string | undefined
  readonly firstError: FirstError | undefined
  /** The last non-empty line that was not a zap log line (for exits without an error line). */
  readonly lastPlainLine: string | undefined
}
