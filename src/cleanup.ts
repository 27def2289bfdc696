// The post step. It runs after the main step whatever happened to it (post-if: always()), including when the main
// step was cancelled or killed: it deletes the secret-bearing files main recorded, ends child processes main left
// running, and writes a fallback summary if main never wrote one. It never fails the job: every problem is a
// warning. AURORA_TO_TIDB_SKIP_CLEANUP=true keeps files and processes for debugging (the summary is still written).
import * as core from '@actions/core'
import { writeSummary } from './report/publish.js'
import { newReport, type PhaseRecord } from './report/types.js'
import { isStillRunning, signalProcessGroup } from './util/children.js'
import { systemClock, type Clock } from './util/clock.js'
import { errorMessage } from './util/errors.js'
import { loadState, type ChildRecord } from './util/state.js'
import { removeTempFiles } from './util/temp-files.js'
import { logLine } from './util/workflow-commands.js'

/** Options of {@link cleanup} (tests shorten the grace period). */
export interface CleanupOptions {
  /** Time between SIGTERM and SIGKILL for a straggler, ms. Default 5 s. */
  readonly graceMs?: number
  readonly clock?: Clock
}

async function removeRecordedFiles(): Promise<void> {
  const files = loadState('temp-files') ?? []
  if (files.length === 0) return
  const problems = await removeTempFiles(files)
  for (const p of problems) core.warning(`Could not remove a temporary file: ${p}`)
  logLine(`Removed ${files.length - problems.length} temporary file(s) holding credentials.`)
}

async function endStragglers(graceMs: number, clock: Clock): Promise<void> {
  const alive = (loadState('child-processes') ?? []).filter(isStillRunning)
  if (alive.length === 0) return
  for (const child of alive) {
    core.warning(
      `The main step left '${child.command}' (pid ${child.pid}) running; stopping it with SIGTERM.`
    )
    signalProcessGroup(child.pid, 'SIGTERM')
  }
  let remaining: ChildRecord[] = alive
  const deadline = clock.now() + graceMs
  while (remaining.length > 0 && clock.now() < deadline) {
    await clock.sleep(Math.min(100, graceMs))
    remaining = remaining.filter(isStillRunning)
  }
  for (const child of remaining) {
    core.warning(`'${child.command}' (pid ${child.pid}) ignored SIGTERM; killing it.`)
    signalProcessGroup(child.pid, 'SIGKILL')
  }
}

/**
 * Deletes the run lock the main step left behind (killed before its own release), only while it still holds this
 * run's token: a lock taken over since belongs to another run. The SDK is loaded only when there is a lock.
 */
async function releaseRunLock(): Promise<void> {
  const ref = loadState('run-lock')
  if (ref === undefined || ref === null) return
  const [, bucket = '', key = ''] = /^s3:\/\/([^/]+)\/(.+)$/.exec(ref.uri) ?? []
  const [{ createAwsClients }, { createS3 }, { isAwsError }, { parseLock }] = await Promise.all([
    import('./aws/clients.js'),
    import('./aws/s3.js'),
    import('./aws/aws-call.js'),
    import('./resume/lock.js')
  ])
  const s3 = createS3(createAwsClients({ region: ref.region, s3Endpoint: ref.s3Endpoint }).s3)
  try {
    const { text, etag } = await s3.readTagged(bucket, key)
    if (parseLock(text)?.token !== ref.token) return
    await s3.remove(bucket, key, etag)
    logLine(`Released the run lock ${ref.uri} the main step held.`)
  } catch (e) {
    if (!isAwsError(e, 'NoSuchKey', 'NotFound', 'PreconditionFailed')) throw e
  }
}

/** Deletes the restored copy the main step recorded and did not remove (killed, cancelled late, or failed to). */
async function removeCopies(): Promise<void> {
  const copies = loadState('restored-copies') ?? []
  if (copies.length === 0) return
  const { removeRestoredCopies } = await import('./phases/restore-cleanup.js')
  await removeRestoredCopies(copies, { log: logLine, warn: (m) => core.warning(m) })
}

async function fallbackSummary(): Promise<void> {
  const written = loadState('summary-written')
  if (written === true) return
  // Main saves `false` first thing. No state at all means main died at start on a runner, or this is a local run
  // without GITHUB_STATE, where there is nothing to say.
  if (written === undefined && process.env['GITHUB_ACTIONS'] !== 'true') {
    logLine('No state from the main step (a local run?): no fallback summary.')
    return
  }
  const running = loadState('running-phases') ?? []
  const report = newReport(loadState('operation') ?? 'unknown')
  report.status = 'cancelled'
  report.phases = running.map((p): PhaseRecord => ({
    id: p.id,
    title: p.title,
    status: 'cancelled',
    startedAt: p.startedAt,
    numbers: [],
    warnings: [],
    note: `running since ${p.startedAt}`
  }))
  const during = running.length > 0 ? ` during phase ${running.map((p) => p.title).join(', ')}` : ''
  report.error =
    `The main step was cancelled or killed${during} before it could write its report. ` +
    'Its log shows how far it got; rerun the job to continue.'
  core.warning(report.error)
  await writeSummary(report)
}

/**
 * Runs the post step. Never throws and never fails the job.
 * @param opts grace period and clock (tests)
 */
export async function cleanup(opts: CleanupOptions = {}): Promise<void> {
  const graceMs = opts.graceMs ?? 5000
  const clock = opts.clock ?? systemClock
  const steps: Array<[string, () => Promise<void>]> = []
  if (process.env['AURORA_TO_TIDB_SKIP_CLEANUP'] === 'true') {
    logLine(
      'AURORA_TO_TIDB_SKIP_CLEANUP=true: leaving temporary files and processes in place for debugging.'
    )
  } else {
    steps.push(['remove temporary files', removeRecordedFiles])
    steps.push(['stop leftover processes', () => endStragglers(graceMs, clock)])
  }
  // After the processes are stopped: nothing of this run writes any more once the lock is gone.
  steps.push(['release the run lock', releaseRunLock])
  // Not skipped for debugging: a copy bills by the hour (keep-restored-copy keeps one on purpose).
  steps.push(['remove the restored copy', removeCopies])
  steps.push(['write the fallback summary', fallbackSummary])
  for (const [what, step] of steps) {
    try {
      await step()
    } catch (e) {
      core.warning(`Post step could not ${what}: ${errorMessage(e)}`)
    }
  }
}
