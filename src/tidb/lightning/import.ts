// A TiDB Lightning import with the action's checkpoint policy (Lightning's checkpoints are on by default and block a
// re-run after a failure, so the action makes an explicit, logged choice about them), shared by the schema and the
// data import.
//
// Lightning keeps a checkpoint by default and, after a failure, refuses every later run until it is cleared with
// tidb-lightning-ctl (which may not even ship with the TiUP component). The policy:
//   - The checkpoint (file driver) and the default sorted-kv-dir live at a deterministic per-run path,
//     `<RUNNER_TEMP>/aurora-to-tidb-lightning/<run key>/`, so an earlier attempt of the same run on this runner is
//     found, and another run's is never picked up. After success Lightning removes the checkpoint itself.
//   - A checkpoint is there: with the local backend Lightning resumes from it (a cancelled or timed-out import
//     continues; tables and chunks it recorded as done are not imported again). Logged. With the tidb backend a
//     resume could insert again rows written after the last checkpoint save, so it is treated as below.
//   - Lightning refuses to resume (a table failed last time, or the checkpoint does not match the configuration):
//     the checkpoint is destroyed explicitly, with the tool's reason in the log, and the import starts over — but
//     only if every table it writes is empty; otherwise the phase fails naming the tables to empty.
//   - No checkpoint: the import starts fresh, again only into tables checked empty. So a rerun never imports rows
//     twice, also on a new runner (RUNNER_TEMP is emptied between jobs, so a checkpoint survives only within one),
//     and the action never deletes data in the target by itself…
//   - …except rows the run state proves are its own (`ownRows`): a resumed run whose earlier attempt started the
//     data import but did not finish it (that attempt's precheck found the tables absent or empty, and nothing but
//     the import writes them before DM starts). Those tables are emptied (TRUNCATE TABLE, logged as a warning) and
//     imported again from the start, instead of failing with "empty the tables yourself".
// The schema import keeps no checkpoint: it creates tables (IF NOT EXISTS), which is safe to repeat.
import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { CancelledError, PhaseError } from '../../util/errors.js'
import { formatDuration } from '../../util/format.js'
import { runnerTemp } from '../../util/temp-files.js'
import { formatProgress } from './log.js'
import { runLightningOnce, type LightningRunOptions, type LightningRunResult } from './run.js'
import type { TableName } from '../../table-filter/table-name.js'

/** Where the imports of one run keep their files. */
export interface LightningWorkPaths {
  /** `<RUNNER_TEMP>/aurora-to-tidb-lightning/<run key>` */
  readonly dir: string
  /** The file checkpoint of the import. */
  readonly checkpoint: string
  /** The default sorted-kv-dir (local backend). */
  readonly sortedKvDir: string
  /** A new log file name for each attempt. */
  logFile(attempt: number, now?: Date): string
}

/**
 * The deterministic per-run paths of an import.
 * @param runKey the run key (letters, digits, hyphens)
 * @param name the import: `schema-import`, `data-import`
 * @param root RUNNER_TEMP by default
 */
export function lightningWorkPaths(
  runKey: string,
  name: string,
  root: string = runnerTemp()
): LightningWorkPaths {
  const dir = path.join(root, 'aurora-to-tidb-lightning', runKey)
  return {
    dir,
    checkpoint: path.join(dir, `${name}.checkpoint.pb`),
    sortedKvDir: path.join(dir, `${name}.sorted-kv`),
    logFile: (attempt, now = new Date()) =>
      path.join(dir, `${name}-${now.toISOString().replace(/[:.]/g, '')}-${attempt}.log`)
  }
}

/** Options of {@link runLightningImport}. */
export interface LightningImportOptions extends Omit<
  LightningRunOptions,
  'checkpoint' | 'logFile' | 'timeoutMs'
> {
  readonly runKey: string
  /** Keep a checkpoint and apply the policy (data import), or keep none (schema import). */
  readonly useCheckpoint: boolean
  /** Tables among those the import writes that already hold rows (the target is asked). */
  readonly nonEmptyTables?: () => Promise<readonly TableName[]>
  /**
   * Set when the rows already in the tables are this run's own unfinished import (the run state says so): why we
   * know, and how to empty the tables. Without it, tables with rows stop the import.
   */
  readonly ownRows?: {
    readonly why: string
    readonly empty: (tables: readonly TableName[]) => Promise<void>
  }
  /** `import-timeout-minutes`, ms: the deadline of the whole import, attempts included. */
  readonly timeoutMs: number
  readonly warn: (message: string) => void
  /** Overrides RUNNER_TEMP (tests). */
  readonly workRoot?: string
}

/** An import that finished. */
export interface LightningImportResult extends LightningRunResult {
  readonly paths: LightningWorkPaths
  /** Whether it continued from an earlier attempt's checkpoint. */
  readonly resumed: boolean
}

const name = (t: TableName): string =>
  `\`${t.database.replace(/`/g, '``')}\`.\`${t.table.replace(/`/g, '``')}\``

function refuseNonEmpty(phase: string, tables: readonly TableName[], why: string): PhaseError {
  const shown = tables.slice(0, 10).map(name)
  const more = tables.length > shown.length ? ` and ${tables.length - shown.length} more` : ''
  return new PhaseError(
    phase,
    `${why}, but ${tables.length} target table(s) already hold rows: ${shown.join(', ')}${more}. ` +
      'Importing now could load rows twice, so nothing was imported. If these rows are from an earlier ' +
      'attempt of this migration, empty the tables (TRUNCATE TABLE …) and run again.'
  )
}

/**
 * Runs the import under the checkpoint policy above.
 * @returns the last attempt's result (judge its verdict with {@link lightningFailure})
 * @throws PhaseError when tables that must be empty are not
 */
export async function runLightningImport(
  opts: LightningImportOptions
): Promise<LightningImportResult> {
  const paths = lightningWorkPaths(opts.runKey, opts.name, opts.workRoot)
  const deadline = Date.now() + opts.timeoutMs
  const defaultKvDir = opts.config.sortedKvDir === undefined
  const config = { ...opts.config, sortedKvDir: opts.config.sortedKvDir ?? paths.sortedKvDir }
  // Lightning writes its log and checkpoint there but may not create the folder; 0700: only this user reads them.
  await mkdir(paths.dir, { recursive: true, mode: 0o700 })
  let attempt = 0
  const run = (): Promise<LightningRunResult> =>
    runLightningOnce({
      ...opts,
      config,
      checkpoint: opts.useCheckpoint
        ? { enable: true, dsn: paths.checkpoint, keepAfterSuccess: 'remove' }
        : { enable: false, dsn: '' },
      logFile: paths.logFile(++attempt),
      timeoutMs: deadline - Date.now()
    })
  const startFresh = async (why: string): Promise<void> => {
    const full = opts.nonEmptyTables ? await opts.nonEmptyTables() : []
    if (full.length > 0 && opts.ownRows !== undefined) {
      opts.warn(
        `Checkpoint policy: ${why}, and ${full.length} target table(s) hold rows of ${opts.ownRows.why}: ` +
          `emptying them (TRUNCATE TABLE ${full.slice(0, 10).map(name).join(', ')}${full.length > 10 ? ', …' : ''}) ` +
          'and importing them again from the start, so no row is imported twice.'
      )
      await opts.ownRows.empty(full)
    } else if (full.length > 0) throw refuseNonEmpty(opts.name, full, why)
    // Our own sorted-kv-dir may hold engines of an abandoned attempt; Lightning wants it empty for a new import.
    if (defaultKvDir) await rm(paths.sortedKvDir, { recursive: true, force: true })
    opts.log.info(
      `Checkpoint policy: ${why}; the target tables are empty, so Lightning imports from the start` +
        (opts.useCheckpoint ? ` and keeps its checkpoint in ${paths.checkpoint}.` : '.')
    )
  }

  const destroyAndStartOver = async (why: string): Promise<LightningImportResult> => {
    opts.warn(
      `${why}. Checkpoint policy: the checkpoint ${paths.checkpoint} is destroyed and the import starts over, ` +
        'if the target tables are empty.'
    )
    await rm(paths.checkpoint, { force: true })
    await startFresh('the checkpoint of the earlier attempt was destroyed')
    return { ...(await run()), paths, resumed: false }
  }

  if (!opts.useCheckpoint) return { ...(await run()), paths, resumed: false }
  if (!existsSync(paths.checkpoint)) {
    await startFresh(`no checkpoint of run ${opts.runKey} on this runner`)
    return { ...(await run()), paths, resumed: false }
  }
  if (config.backend === 'tidb') {
    // Logical import writes rows with INSERT and saves chunk offsets afterwards: rows written after the last save
    // of a stopped attempt would be inserted again (twice, in a table without a unique key).
    return destroyAndStartOver(
      `${paths.checkpoint} is left from an earlier attempt of run ${opts.runKey}, but the tidb backend cannot ` +
        'resume without possibly inserting rows twice'
    )
  }
  // Physical import (local backend) resumes exactly: a chunk imported again yields the same keys (row ids are
  // allocated per chunk), and nothing is visible in the target before its engine is imported.
  opts.log.info(
    `Checkpoint policy: ${paths.checkpoint} is left from an earlier attempt of run ${opts.runKey}; Lightning ` +
      'resumes from it (what it recorded as imported is not imported again).'
  )
  const first = await run()
  const refusal = refusedCheckpoint(first)
  if (first.verdict.outcome !== 'failed' || refusal === undefined) {
    return { ...first, paths, resumed: true }
  }
  return destroyAndStartOver(
    `Lightning cannot resume from the checkpoint of the earlier attempt (${refusal.message})`
  )
}

/**
 * Lightning's refusal to run from the checkpoint: a table failed last time (or the checkpoint is illegal), or the
 * checkpoint does not match the configuration (ErrInvalidCheckpoint). Not a new failure of the resumed import, whose
 * error summary also suggests tidb-lightning-ctl commands.
 */
function refusedCheckpoint(run: LightningRunResult): { message: string } | undefined {
  const refusal = run.report.checkpoint?.message
  if (refusal) return { message: refusal }
  const m = run.verdict.message
  return /Lightning:Checkpoint:ErrInvalidCheckpoint|different from checkpoint value|checkpoint was created at/.test(
    m
  )
    ? { message: m }
    : undefined
}

/**
 * The error for an import that did not succeed, or undefined when it did: the tool's own line, the tail, and
 * what a rerun will do with the checkpoint.
 * @param phase the phase id
 * @param run the import's result
 * @param signal the phase's signal (a cancel of the action is a cancel, not a failure)
 * @param timeoutMs the deadline that was given, for the message
 */
export function lightningFailure(
  phase: string,
  run: LightningImportResult,
  signal: AbortSignal,
  timeoutMs: number
): Error | undefined {
  const { verdict, report, result } = run
  if (verdict.outcome === 'succeeded') return undefined
  if (signal.aborted && !result.timedOut) {
    return new CancelledError('TiDB Lightning was stopped because the run was cancelled')
  }
  const progress = report.progress ? ` It had reached ${formatProgress(report.progress)}.` : ''
  const resume = existsSync(run.paths.checkpoint)
    ? ` Its checkpoint is kept in ${run.paths.checkpoint}: a rerun of this run on this runner resumes from it ` +
      'if Lightning can, or else the action destroys it and starts over only into empty tables (no ' +
      'tidb-lightning-ctl needed).'
    : ''
  const advice = verdict.advice.length > 0 ? ` ${verdict.advice.join(' ')}` : ''
  const details = { toolLine: report.firstError?.line ?? verdict.message, tail: run.tail }
  if (result.timedOut) {
    return new PhaseError(
      phase,
      `TiDB Lightning did not finish within import-timeout-minutes (${formatDuration(timeoutMs)}) and was stopped.${progress}${resume}`,
      details
    )
  }
  if (verdict.outcome === 'cancelled') {
    return new PhaseError(
      phase,
      `TiDB Lightning stopped before finishing: "${verdict.message}" (it exits 0 when it gets a signal, so exit 0 ` +
        `is not success; the action did not stop it).${progress}${resume}`,
      { ...details, toolLine: verdict.message }
    )
  }
  return new PhaseError(
    phase,
    `TiDB Lightning failed: ${verdict.message}.${advice}${resume}`,
    details
  )
}
