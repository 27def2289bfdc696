// The run-state file in S3 (`<s3-uri>/.state/<run key>.json`): read once when a migrate starts, written whole after
// every phase that succeeds. PutObject replaces an object atomically, so a reader sees the old or the new record,
// never a mix; writes are chained one after another, and each sends the record as it is when it goes out, so two
// tracks finishing at the same time never lose each other's phase.
//
// A failed write is a warning, not a failure of the phase that finished: the work is done, and a rerun that does not
// know it repeats it safely — the snapshot and export re-attach by name, and the data import never writes into
// tables that hold rows (tidb/lightning/import.ts).
import type { Inputs } from '../inputs/types.js'
import type { Report } from '../report/types.js'
import { errorMessage } from '../util/errors.js'
import type { MigrationState } from '../phases/migration-state.js'
import { lockKeyFor, stateKeyFor } from '../phases/names.js'
import { LockConflict, type RunLockStore } from './lock-store.js'
import {
  TOOL_PHASES,
  decideResume,
  restoreReport,
  restoreState,
  type DoneEarlier
} from './decide.js'
import { recheckDone, type EffectProbes, type Redo } from './recheck.js'
import { parseRunState } from './parse.js'
import {
  newRunState,
  withFinishedPhase,
  type FinishedPhase,
  type RunStateRecord
} from './record.js'

/** Where a run's record lives: read the JSON text (undefined when there is none), write a record. */
export interface RunStateStore {
  /** The file's `s3://` URI. */
  readonly uri: string
  read(): Promise<string | undefined>
  write(record: RunStateRecord): Promise<void>
  /** The run lock beside the file (lock.ts); absent for stores without one (tests of other parts). */
  readonly lock?: RunLockStore
}

/**
 * The store in the `s3-uri` bucket. The AWS SDK is loaded here, when a migrate starts (see aws-deps.ts).
 * @param inputs the run's inputs (`s3-uri`, region, endpoint)
 * @returns undefined when the inputs have no `s3-uri`
 */
export async function s3RunStateStore(inputs: Inputs): Promise<RunStateStore | undefined> {
  const s3uri = inputs.aws.s3
  if (s3uri === undefined) return undefined
  const [{ createAwsClients }, { createS3 }, { isAwsError }] = await Promise.all([
    import('../aws/clients.js'),
    import('../aws/s3.js'),
    import('../aws/aws-call.js')
  ])
  const s3 = createS3(createAwsClients(inputs.aws).s3)
  const key = stateKeyFor(s3uri, inputs.runKey)
  const lockKey = lockKeyFor(s3uri, inputs.runKey)
  const missing = (e: unknown): boolean => isAwsError(e, 'NoSuchKey', 'NotFound')
  // 412: the condition failed; 409: another conditional write of the key was in flight; 404 on If-Match: the
  // object is gone. Each means another run wrote or deleted the lock first (S3 user guide, conditional writes).
  const conflict = (e: unknown): unknown =>
    isAwsError(e, 'PreconditionFailed', 'ConditionalRequestConflict') || missing(e)
      ? new LockConflict(errorMessage(e))
      : e
  const lock: RunLockStore = {
    uri: `s3://${s3uri.bucket}/${lockKey}`,
    async read() {
      try {
        return await s3.readTagged(s3uri.bucket, lockKey)
      } catch (e) {
        if (missing(e)) return undefined
        throw e
      }
    },
    create: (record) =>
      s3.writeJsonIf(s3uri.bucket, lockKey, record, { ifNoneMatch: '*' }).catch((e: unknown) => {
        throw conflict(e)
      }),
    replace: (record, etag) =>
      s3.writeJsonIf(s3uri.bucket, lockKey, record, { ifMatch: etag }).catch((e: unknown) => {
        throw conflict(e)
      }),
    async remove(etag) {
      try {
        await s3.remove(s3uri.bucket, lockKey, etag)
      } catch (e) {
        if (!missing(e)) throw e
      }
    }
  }
  return {
    uri: `s3://${s3uri.bucket}/${key}`,
    async read() {
      try {
        return await s3.readText(s3uri.bucket, key)
      } catch (e) {
        if (missing(e)) return undefined
        throw e
      }
    },
    write: (record) => s3.writeJson(s3uri.bucket, key, record),
    lock
  }
}

/**
 * Reads and validates the record of a run.
 * @returns undefined when there is none
 * @throws RunStateError for a damaged or foreign file; the read's own error when S3 cannot be read
 */
export async function readRunState(
  store: RunStateStore,
  runKey: string
): Promise<RunStateRecord | undefined> {
  let text: string | undefined
  try {
    text = await store.read()
  } catch (e) {
    throw new Error(
      `Cannot read the run state ${store.uri}: ${errorMessage(e)}. The action needs s3:GetObject (and s3:ListBucket, so a missing file reads as "none") under s3-uri.`,
      { cause: e }
    )
  }
  return text === undefined ? undefined : parseRunState(text, store.uri, runKey)
}

/** Records finished phases and writes the record after each, one write at a time. */
export class RunStateWriter {
  private record: RunStateRecord
  private chain: Promise<void> = Promise.resolve()

  /**
   * @param store where to write
   * @param record the record to continue (an earlier attempt's) or undefined for a new one
   * @param state the run's state (what phases learned)
   * @param report the run's report (binlog, tables, links; warnings go here too)
   * @param warn how a failed write is reported
   */
  constructor(
    private readonly store: RunStateStore,
    record: RunStateRecord | undefined,
    inputs: Inputs,
    private readonly state: MigrationState,
    private readonly report: Report,
    private readonly warn: (message: string) => void,
    now: Date
  ) {
    this.record = record ?? newRunState(inputs.runKey, inputs, now)
  }

  /** The record as it is now. */
  get current(): RunStateRecord {
    return this.record
  }

  /** Records a phase that succeeded and queues a write; resolves when that write is done (never rejects). */
  phaseSucceeded(phase: FinishedPhase): Promise<void> {
    this.record = withFinishedPhase(this.record, phase, this.state, this.report)
    this.chain = this.chain.then(async () => {
      try {
        await this.store.write(this.record)
      } catch (e) {
        const message = `Could not write the run state ${this.store.uri} after ${phase.id}: ${errorMessage(e)}. A re-run will not know this phase finished and will do it again (safely: nothing is imported twice).`
        this.report.warnings.push(message)
        this.warn(message)
      }
    })
    return this.chain
  }

  /** Waits for every queued write. */
  flush(): Promise<void> {
    return this.chain
  }
}

/** What a migrate run gets from its run state: what to skip, and the hooks that keep the file up to date. */
export interface OpenedRunState {
  /** Phases to skip as done, by id. */
  readonly done: ReadonlyMap<string, DoneEarlier>
  readonly writer: RunStateWriter
}

/** Everything {@link openRunState} works with. */
export interface OpenRunStateOptions {
  readonly inputs: Inputs
  readonly store: RunStateStore
  readonly state: MigrationState
  readonly report: Report
  /** The graph's phase ids, in order. */
  readonly phaseIds: readonly string[]
  /** GITHUB_RUN_ATTEMPT, 1 when unset. */
  readonly attempt: number
  readonly now: Date
  readonly log: (line: string) => void
  readonly warn: (message: string) => void
  /** How the effects of finished phases are checked before they are skipped (recheck.ts); none in unit tests. */
  readonly probes?: EffectProbes
  /** Each phase's dependencies, so a phase run again takes its dependents with it. */
  readonly dependsOn?: ReadonlyMap<string, readonly string[]>
}

/**
 * Reads the run state and applies the resume decision (decide.ts): restores the state and the report of a resumed
 * run, and returns the phases to skip and the writer. Nothing is written here.
 * @throws RunStateError when the run must not start; an Error when S3 cannot be read
 */
export async function openRunState(opts: OpenRunStateOptions): Promise<OpenedRunState> {
  const { inputs, store, state, report } = opts
  const record = await readRunState(store, inputs.runKey)
  const decision = decideResume({
    record,
    inputs,
    attempt: opts.attempt,
    where: store.uri,
    phaseIds: opts.phaseIds
  })
  if (decision.kind === 'fresh') {
    opts.log(`Run state: ${store.uri} (new; written after every phase that succeeds).`)
    return {
      done: new Map(),
      writer: new RunStateWriter(store, undefined, inputs, state, report, opts.warn, opts.now)
    }
  }
  let skip = decision.skip
  let redo: readonly Redo[] = []
  if (opts.probes !== undefined) {
    const checked = await recheckDone({
      record: decision.record,
      skip,
      dependsOn: opts.dependsOn ?? new Map(),
      probes: opts.probes,
      toolPhases: TOOL_PHASES,
      where: store.uri,
      verifyUsesCopy: inputs.verify !== 'counts'
    })
    skip = checked.skip
    redo = checked.redo
  }
  restoreState(state, decision.record, skip)
  restoreReport(report, decision.record, skip)
  opts.log(decision.summary)
  for (const r of redo)
    opts.warn(`${r.id} finished in an earlier attempt, but runs again: ${r.why}.`)
  const writer = new RunStateWriter(
    store,
    decision.record,
    inputs,
    state,
    report,
    opts.warn,
    opts.now
  )
  return { done: skip, writer }
}

/** GITHUB_RUN_ATTEMPT as a number; 1 when unset or not a number. */
export function runAttempt(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['GITHUB_RUN_ATTEMPT'])
  return Number.isInteger(n) && n > 0 ? n : 1
}
