// Runs a phase graph: every phase starts as soon as all it depends on has succeeded, so independent tracks (schema
// vs. snapshot export) run concurrently and dependents wait.
//
// Failure: the first failure stops the run from starting anything new; what depends on a failed phase is skipped,
// and phases already running on other tracks are let finish (an export half-way through is worth recording).
// Cancellation (the AbortSignal, fired by run() on SIGINT/SIGTERM) reaches every running phase through its context;
// a phase that then throws is "cancelled", not "failed".
//
// Reruns: phases in `done` are not run but, once what they depend on is satisfied, shown as skipped with their
// earlier note and numbers, and count as succeeded for what depends on them; `onSucceeded` hears of every phase that
// succeeds (the run state is written there) before its dependents start.
import * as core from '@actions/core'
import type { OutputName } from '../report/outputs.js'
import type { KeyNumber, PhaseRecord, PhaseStatus, Report } from '../report/types.js'
import { systemClock, type Clock } from '../util/clock.js'
import { CancelledError, PhaseError, errorMessage } from '../util/errors.js'
import { formatDuration } from '../util/format.js'
import { startHeartbeat } from '../util/poll.js'
import { saveState, type RunningPhase } from '../util/state.js'
import type { Phase, PhaseContext } from './phase.js'
import { PhaseLogs, coreSink, type LogSink } from './phase-log.js'

/** Options of {@link runGraph}. */
export interface GraphOptions<I> {
  readonly inputs: I
  /** The report to fill: one PhaseRecord per phase is added. */
  readonly report: Report
  readonly signal?: AbortSignal
  readonly clock?: Clock
  readonly sink?: LogSink
  /** Heartbeat interval per running phase, ms. Default 60 s (the most a quiet minute may last). */
  readonly heartbeatMs?: number
  /** Phases whose work is already done, by id: skipped, and satisfied for their dependents. */
  readonly done?: ReadonlyMap<string, DoneBefore>
  /** Called when a phase succeeded, before its dependents start; should not throw (a throw is a warning). */
  readonly onSucceeded?: (phase: SucceededPhase) => Promise<void>
}

/** What a phase skipped as done shows in its row. */
export interface DoneBefore {
  readonly note: string
  readonly numbers: readonly KeyNumber[]
}

/** A phase that just succeeded: its record and the outputs it set. */
export interface SucceededPhase {
  readonly id: string
  readonly endedAt: string
  readonly outputs: Readonly<Record<string, string>>
  readonly note?: string | undefined
  readonly numbers: readonly KeyNumber[]
}

/** How the graph ended. */
export interface GraphResult {
  /** The first failure (a PhaseError when the phase threw one), or a CancelledError when cancelled. */
  readonly error?: unknown
  readonly cancelled: boolean
}

const STATUS_ICON: Partial<Record<PhaseStatus, string>> = {
  succeeded: '✅',
  failed: '❌',
  cancelled: '🚫'
}

/**
 * Checks ids are unique, dependencies exist and there is no cycle.
 * @throws naming the problem (a programming error in a graph definition)
 */
export function validateGraph(phases: readonly Phase<unknown>[]): void {
  const ids = new Set<string>()
  for (const p of phases) {
    if (ids.has(p.id)) throw new Error(`phase graph: duplicate phase id '${p.id}'`)
    ids.add(p.id)
  }
  for (const p of phases) {
    for (const d of p.dependsOn) {
      if (!ids.has(d)) throw new Error(`phase graph: '${p.id}' depends on unknown phase '${d}'`)
    }
  }
  const byId = new Map(phases.map((p) => [p.id, p]))
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return
    if (state.get(id) === 'visiting') {
      throw new Error(`phase graph: cycle ${[...path, id].join(' → ')}`)
    }
    state.set(id, 'visiting')
    for (const d of byId.get(id)?.dependsOn ?? []) visit(d, [...path, id])
    state.set(id, 'done')
  }
  for (const p of phases) visit(p.id, [])
}

/**
 * Runs the phases, filling `report.phases`.
 * @returns the first failure (not thrown: the caller records the report first, then fails)
 */
export async function runGraph<I>(
  phases: readonly Phase<I>[],
  opts: GraphOptions<I>
): Promise<GraphResult> {
  validateGraph(phases)
  const clock = opts.clock ?? systemClock
  const logs = new PhaseLogs(opts.sink ?? coreSink)
  const total = phases.length
  const records = new Map<string, PhaseRecord>()
  for (const p of phases) {
    const record: PhaseRecord = {
      id: p.id,
      title: p.title,
      status: 'pending',
      numbers: [],
      warnings: []
    }
    records.set(p.id, record)
    opts.report.phases.push(record)
  }
  const position = new Map(phases.map((p, i) => [p.id, `Phase ${i + 1}/${total} · ${p.title}`]))
  const label = (id: string): string => position.get(id) ?? id
  const running = new Map<string, Promise<void>>()
  const runningInfo = new Map<string, RunningPhase>()
  let firstError: unknown
  let stoppedBy: string | undefined

  const statusOf = (id: string): PhaseStatus => records.get(id)?.status ?? 'pending'
  const satisfied = (id: string): boolean =>
    statusOf(id) === 'succeeded' || records.get(id)?.doneEarlier === true
  const persistRunning = (): void => saveState('running-phases', [...runningInfo.values()])
  const cancelled = (): boolean => opts.signal?.aborted ?? false

  const execute = async (phase: Phase<I>, record: PhaseRecord): Promise<void> => {
    const id = phase.id
    const started = clock.now()
    record.status = 'running'
    record.startedAt = new Date(started).toISOString()
    runningInfo.set(id, { id, title: phase.title, startedAt: record.startedAt })
    persistRunning()
    logs.begin(id, label(id))
    let progress = ''
    const heartbeat = startHeartbeat(
      `⏱ ${label(id)}`,
      () =>
        `running for ${formatDuration(clock.now() - started)}${progress ? ` · ${progress}` : ''}`,
      opts.heartbeatMs ?? 60_000,
      clock,
      (line) => logs.now(line)
    )
    const controller = new AbortController()
    const onAbort = (): void => controller.abort(opts.signal?.reason)
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    const published: Record<string, string> = {}
    const ctx: PhaseContext<I> = {
      inputs: opts.inputs,
      record,
      report: opts.report,
      signal: controller.signal,
      log: {
        info: (line) => logs.write(id, line),
        warning: (message) => {
          record.warnings.push(message)
          core.warning(message, { title: phase.title })
          logs.write(id, `Warning: ${message}`)
        },
        debug: (line) => core.debug(`[${id}] ${line}`)
      },
      setOutput: (name: OutputName, value) => {
        opts.report.outputs[name] = String(value)
        published[name] = String(value)
      },
      progress: (text) => {
        progress = text
      }
    }
    let ending: string
    try {
      if (controller.signal.aborted) throw new CancelledError(`${phase.title} was cancelled`)
      await phase.run(ctx)
      record.status = 'succeeded'
      ending = ''
    } catch (e) {
      record.status = controller.signal.aborted ? 'cancelled' : 'failed'
      record.failure = {
        message: errorMessage(e),
        toolLine: e instanceof PhaseError ? e.toolLine : undefined,
        tail: e instanceof PhaseError ? [...(e.tail ?? [])] : []
      }
      if (record.status === 'failed' && firstError === undefined) {
        firstError = e
        stoppedBy = phase.title
      }
      logs.write(id, `${STATUS_ICON[record.status]} ${record.failure.message}`)
      ending = `: ${record.failure.message}`
    } finally {
      heartbeat.stop()
      opts.signal?.removeEventListener('abort', onAbort)
    }
    const ended = clock.now()
    record.endedAt = new Date(ended).toISOString()
    record.durationMs = ended - started
    runningInfo.delete(id)
    persistRunning()
    const verb = record.status === 'succeeded' ? 'in' : 'after'
    logs.end(
      id,
      `${STATUS_ICON[record.status]} ${label(id)} ${record.status} ${verb} ${formatDuration(record.durationMs)}${ending}`
    )
    if (record.status === 'succeeded' && opts.onSucceeded) {
      const done = { id, endedAt: record.endedAt, outputs: published, note: record.note }
      await opts.onSucceeded({ ...done, numbers: record.numbers }).catch((e: unknown) => {
        core.warning(`After ${phase.title}: ${errorMessage(e)}`)
      })
    }
  }

  /** Marks a phase done before as skipped, with its earlier note and numbers. */
  const skipAsDone = (record: PhaseRecord, before: DoneBefore): void => {
    record.status = 'skipped'
    record.doneEarlier = true
    record.note = before.note
    record.numbers.push(...before.numbers)
    logs.now(`⏭ ${label(record.id)}: ${before.note}`)
  }

  /** Starts every phase whose dependencies succeeded; skips those that can no longer run. */
  const schedule = (): void => {
    for (let changed = true; changed;) {
      changed = false
      for (const phase of phases) {
        const record = records.get(phase.id)
        if (!record || record.status !== 'pending') continue
        const before = opts.done?.get(phase.id)
        const blocker = phase.dependsOn.find(
          (d) => !satisfied(d) && ['failed', 'skipped', 'cancelled'].includes(statusOf(d))
        )
        if (blocker !== undefined) {
          record.status = 'skipped'
          record.note = `needs ${records.get(blocker)?.title ?? blocker}, which ${statusOf(blocker) === 'skipped' ? 'was skipped' : statusOf(blocker)}`
          // Done earlier, but not satisfied now: what depends on it must not start before its prerequisites ran.
          if (before !== undefined) record.note += `; ${before.note}`
          changed = true
          continue
        }
        if (before !== undefined) {
          // Skipped in graph order, once what it needs is satisfied, so its dependents still wait for the
          // phases that run again (the precheck, tiup).
          if (phase.dependsOn.every(satisfied)) {
            skipAsDone(record, before)
            changed = true
          }
          continue
        }
        if (stoppedBy !== undefined || cancelled()) {
          record.status = 'skipped'
          record.note = cancelled()
            ? 'not started: the run was cancelled'
            : `not started: the run stopped after ${stoppedBy} failed`
          changed = true
          continue
        }
        if (phase.dependsOn.every(satisfied)) {
          const done = execute(phase, record).finally(() => running.delete(phase.id))
          running.set(phase.id, done)
        }
      }
    }
  }

  schedule()
  while (running.size > 0) {
    await Promise.race(running.values())
    schedule()
  }

  if (firstError !== undefined) return { error: firstError, cancelled: cancelled() }
  if (cancelled()) {
    const stopped = opts.report.phases.filter((r) => r.status === 'cancelled').map((r) => r.title)
    const during = stopped.length > 0 ? ` during ${stopped.join(', ')}` : ''
    return { error: new CancelledError(`The run was cancelled${during}`), cancelled: true }
  }
  return { cancelled: false }
}
