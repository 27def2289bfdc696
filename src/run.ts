// The main step: inputs → phase graph → report. Record first, fail last: whatever happens, the outputs, result.json
// and the job summary are written for whatever ran, and only then does the first failure fail the step.
import * as core from '@actions/core'
import { hostname } from 'node:os'
import path from 'node:path'
import { readInputs } from './inputs/read.js'
import type { Inputs } from './inputs/types.js'
import type { Phase } from './orchestrator/phase.js'
import { runGraph } from './orchestrator/run-graph.js'
import { newMigrationState, type MigrationState } from './phases/migration-state.js'
import {
  openRunState,
  runAttempt,
  s3RunStateStore,
  type OpenedRunState,
  type RunStateStore
} from './resume/store.js'
import { lockHolder } from './resume/lock.js'
import { acquireRunLock, type HeldRunLock } from './resume/lock-store.js'
import { worldProbes } from './resume/probes.js'
import type { EffectProbes } from './resume/recheck.js'
import { tablesCappedMessage, tablesOutput, writeOutputs } from './report/outputs.js'
import { resultDir, writeResultFile, writeSummary } from './report/publish.js'
import { publishToolLogs, type LogUploader } from './report/tool-logs.js'
import { newReport, type Report } from './report/types.js'
import { onActionSignal } from './util/cancellation.js'
import { systemClock, type Clock } from './util/clock.js'
import { CancelledError, errorChain, errorMessage } from './util/errors.js'
import { saveState } from './util/state.js'
import { startToolLogs } from './util/tool-log.js'
import { recordedTempFiles, removeTempFiles } from './util/temp-files.js'
import { logLine } from './util/workflow-commands.js'

/** What run() is built from; tests replace parts. */
export interface RunDeps {
  readonly readInputs: () => Inputs
  readonly phasesFor: (inputs: Inputs, state: MigrationState) => Phase[] | Promise<Phase[]>
  readonly clock: Clock
  /** Where a migrate keeps its run state; undefined for none (other operations, tests). */
  readonly runStateStore: (inputs: Inputs) => Promise<RunStateStore | undefined>
  /** How a resumed migrate checks that finished phases' effects still exist; default the real target/AWS/source. */
  readonly effectProbes: (inputs: Inputs) => EffectProbes
  /** Uploads the tool logs artifact; default @actions/artifact in a GitHub Actions job (tests inject one). */
  readonly uploadLogs?: LogUploader
}

const DEFAULT_DEPS: RunDeps = {
  readInputs,
  // The phase modules (with the tool, MySQL and parsing code they import) are loaded once the inputs are known to be
  // good, not when the bundle starts: about half of the code at start, not needed to read inputs or to report an
  // input error (the bench's cold-start metric).
  phasesFor: async (inputs, state) =>
    (await import('./phases/index.js')).phasesForOperation(inputs, state),
  clock: systemClock,
  runStateStore: async (inputs) =>
    inputs.operation === 'migrate' ? s3RunStateStore(inputs) : undefined,
  effectProbes: worldProbes
}

/**
 * Takes the run lock of a migrate (refusing when another run holds the key), before any phase starts; another run
 * taking it over later aborts this one. The post step releases it if this step is killed.
 */
async function takeLock(
  store: RunStateStore,
  inputs: Inputs,
  clock: Clock,
  controller: AbortController
): Promise<HeldRunLock | undefined> {
  if (store.lock === undefined) return undefined
  const lock = await acquireRunLock({
    store: store.lock,
    runKey: inputs.runKey,
    holder: lockHolder(process.env, hostname(), process.pid),
    clock,
    log: logLine,
    warn: (message) => core.warning(message),
    onLost: (error) => controller.abort(error)
  })
  saveState('run-lock', {
    uri: store.lock.uri,
    token: lock.record.token,
    region: inputs.aws.region,
    ...(inputs.aws.s3Endpoint === undefined ? {} : { s3Endpoint: inputs.aws.s3Endpoint })
  })
  return lock
}

/** Releases the run lock and tells the post step it need not. */
async function releaseLock(lock: HeldRunLock | undefined): Promise<void> {
  if (lock === undefined) return
  await lock.release()
  saveState('run-lock', null)
}

/** Reads the run state of a migrate (and refuses what must not run), before any phase starts. */
async function runStateFor(
  store: RunStateStore | undefined,
  { clock, effectProbes }: RunDeps,
  inputs: Inputs,
  state: MigrationState,
  report: Report,
  phases: readonly Phase[]
): Promise<OpenedRunState | undefined> {
  if (store === undefined) return undefined
  return openRunState({
    inputs,
    store,
    state,
    report,
    phaseIds: phases.map((p) => p.id),
    attempt: runAttempt(),
    now: new Date(clock.now()),
    log: logLine,
    warn: (message) => core.warning(message),
    probes: effectProbes(inputs),
    dependsOn: new Map(phases.map((p) => [p.id, p.dependsOn]))
  })
}

/**
 * Removes the run's restored copy (success, failure or cancel), before the report is published so it says what
 * became of it. Loaded only when a copy was made.
 */
async function removeRestoredCopy(
  state: MigrationState | undefined,
  inputs: Inputs | undefined,
  report: Report
): Promise<void> {
  const copy = state?.restored
  if (copy === undefined || inputs === undefined || copy.removed) return
  const { removeRestoredCopies } = await import('./phases/restore-cleanup.js')
  const left = await removeRestoredCopies(
    [
      { cluster: copy.cluster, instance: copy.instance, region: inputs.aws.region, keep: copy.keep }
    ],
    {
      log: logLine,
      warn: (m) => {
        core.warning(m)
        report.warnings.push(m)
      }
    }
  )
  copy.removed = left.length === 0
  report.outputs['restored-copy'] = JSON.stringify({
    cluster: copy.cluster,
    instance: copy.instance,
    kept: left.length > 0
  })
}

/** Publishes the report; each part on its own, so one failing never stops the others. Never throws. */
/** The secrets a copied tool log must not hold: the passwords and the AWS secrets of the environment. */
function logSecrets(inputs: Inputs): string[] {
  const env = [process.env['AWS_SECRET_ACCESS_KEY'], process.env['AWS_SESSION_TOKEN']]
  return [inputs.source.password, inputs.target.password, ...env].filter(
    (s): s is string => s !== undefined && s !== ''
  )
}

async function publish(report: Report, inputs: Inputs | undefined, deps: RunDeps): Promise<void> {
  const problems = await removeTempFiles(recordedTempFiles())
  for (const p of problems) core.warning(`Could not remove a temporary file: ${p}`)
  // The logs first: result.json and the summary say where they are.
  if (inputs !== undefined) {
    await publishToolLogs(report, {
      mode: inputs.uploadLogs,
      runKey: inputs.runKey,
      secrets: logSecrets(inputs),
      ...(deps.uploadLogs === undefined ? {} : { uploader: deps.uploadLogs }),
      log: logLine
    })
  }
  let resultFile: string | undefined
  try {
    resultFile = await writeResultFile(report)
  } catch (e) {
    core.warning(`Could not write result.json: ${errorMessage(e)}`)
  }
  const { listed, total } = tablesOutput(report.tables)
  if (listed < total) {
    const message = tablesCappedMessage(listed, total, resultFile)
    report.warnings.push(message)
    core.warning(message)
  }
  try {
    writeOutputs(report, resultFile)
  } catch (e) {
    core.warning(`Could not set the outputs: ${errorMessage(e)}`)
  }
  await writeSummary(report)
  // From here on the post step need not write a fallback summary.
  saveState('summary-written', true)
}

/**
 * Runs the action's main step. Never rejects: failures end in core.setFailed after the report is published.
 * @param deps replaceable parts (tests)
 */
export async function run(deps: Partial<RunDeps> = {}): Promise<void> {
  const all = { ...DEFAULT_DEPS, ...deps }
  const { readInputs: read, phasesFor, clock } = all
  const controller = new AbortController()
  // SIGINT/SIGTERM from the runner (a cancelled job) cancel the phases; running tools get the signal too
  // (run-tool.ts). The runner kills everything about 10 s after its first signal, hence "clean up now".
  const unsubscribe = onActionSignal((sig) => {
    if (controller.signal.aborted) return
    logLine(`Received ${sig}: cancelling the running phases and writing the report.`)
    controller.abort(new CancelledError(`The run was cancelled (${sig})`, sig))
  })
  const startedAt = clock.now()
  // The first line, before anything slower: the job log shows at once that the step started and on what runtime.
  logLine(`aurora-to-tidb on Node ${process.version} (${process.platform}/${process.arch})`)
  let report = newReport('unknown', new Date(startedAt))
  let failure: unknown
  let inputs: Inputs | undefined
  let lock: HeldRunLock | undefined
  let state: MigrationState | undefined
  saveState('summary-written', false)
  try {
    inputs = read()
    await startToolLogs(path.join(resultDir(), 'logs')).catch(() => undefined)
    report = newReport(inputs.operation, new Date(startedAt))
    saveState('operation', inputs.operation)
    state = newMigrationState(inputs.runKey)
    const phases = await phasesFor(inputs, state)
    const store = await all.runStateStore(inputs)
    lock = store && (await takeLock(store, inputs, clock, controller))
    const runState = await runStateFor(store, all, inputs, state, report, phases)
    const result = await runGraph(phases, {
      inputs,
      report,
      signal: controller.signal,
      clock,
      ...(runState && {
        done: runState.done,
        onSucceeded: (p) => runState.writer.phaseSucceeded(p)
      })
    })
    await runState?.writer.flush()
    failure = lock?.lost ?? result.error
    report.status =
      result.cancelled && lock?.lost === undefined
        ? 'cancelled'
        : failure === undefined
          ? 'succeeded'
          : 'failed'
  } catch (e) {
    failure = lock?.lost ?? e
    report.status = controller.signal.aborted && lock?.lost === undefined ? 'cancelled' : 'failed'
  } finally {
    unsubscribe()
    await removeRestoredCopy(state, inputs, report)
    await releaseLock(lock)
    const endedAt = clock.now()
    report.endedAt = new Date(endedAt).toISOString()
    report.durationMs = endedAt - startedAt
    if (failure !== undefined) report.error = errorMessage(failure)
    // A phase that runs again on a resumed run adds the link the earlier attempt's record brought back.
    report.links = report.links.filter((l, i, all) => all.findIndex((x) => x.url === l.url) === i)
    await publish(report, inputs, all)
  }
  if (failure !== undefined) {
    core.debug(errorChain(failure))
    core.setFailed(errorMessage(failure))
  }
}
