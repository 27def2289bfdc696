// Whether a migrate run starts fresh, continues an earlier one, or must refuse (a re-run never repeats or mixes work
// of another migration), and what a continued run
// restores. Pure: the S3 read and write are in store.ts.
//
//   no state file                          → a fresh run; with `resume: true` an error (nothing to resume: a mistyped
//                                            run-key must not silently start a second migration)
//   state file, inputs changed             → refused, naming the inputs that changed
//   state file, attempt 1, `resume: false` → refused: the run key was used before (say `resume: true`, or use
//                                            another run-key)
//   state file, re-run attempt or `resume` → finished phases are skipped ("done in an earlier attempt at …"), what
//                                            they learned and published is restored, the rest runs. The precheck
//                                            always runs again (the world may have changed); tiup only when a phase
//                                            that runs a tool is left. When every phase is done the run is a no-op
//                                            that republishes the outputs.
import type { Inputs } from '../inputs/types.js'
import type { KeyNumber, Report } from '../report/types.js'
import type { MigrationState } from '../phases/migration-state.js'
import { RunStateError, finishedPhases } from './parse.js'
import { changedInputs, inputFingerprint, type RunStateRecord } from './record.js'

/** Phases that always run again on a resumed run (unless nothing at all is left). */
const ALWAYS_RUN = new Set(['precheck', 'tiup'])

/** Phases that run a PingCAP tool, so need the tiup phase. */
export const TOOL_PHASES: ReadonlySet<string> = new Set([
  'schema-export',
  'schema-import',
  'skipped-tables',
  'data-import',
  'replicate'
])

/** A phase skipped because its work is done: the note and numbers its row shows. */
export interface DoneEarlier {
  readonly note: string
  readonly numbers: readonly KeyNumber[]
}

/** What a migrate run does about an earlier one. */
export type ResumeDecision =
  | { readonly kind: 'fresh' }
  | {
      readonly kind: 'resume'
      readonly record: RunStateRecord
      /** Phases not to run, by id. */
      readonly skip: ReadonlyMap<string, DoneEarlier>
      /** Every phase was done: nothing runs. */
      readonly complete: boolean
      /** One line for the log. */
      readonly summary: string
    }

/** What the decision is based on. */
export interface ResumeContext {
  readonly record: RunStateRecord | undefined
  readonly inputs: Inputs
  /** GITHUB_RUN_ATTEMPT (1 for a first attempt or outside GitHub Actions). */
  readonly attempt: number
  /** The state file's `s3://` URI, for messages. */
  readonly where: string
  /** The phase ids of this run's graph, in graph order. */
  readonly phaseIds: readonly string[]
}

const quote = (v: string): string => (v === '' ? '(empty)' : `'${v.replace(/\n/g, '\\n')}'`)

function lastPhase(record: RunStateRecord): string {
  const last = finishedPhases(record).at(-1)
  return last ? `; its last finished phase is ${last[0]}, at ${last[1].endedAt}` : ''
}

/**
 * Decides how a migrate run treats its run-state file.
 * @throws RunStateError when the run must not start (nothing to resume, inputs changed, key already used)
 */
export function decideResume(ctx: ResumeContext): ResumeDecision {
  const { record, inputs, where } = ctx
  const key = inputs.runKey
  if (record === undefined) {
    if (!inputs.resume) return { kind: 'fresh' }
    throw new RunStateError(
      `Nothing to resume: there is no run state for run-key '${key}' (${where}). Set run-key to the key of the run to continue (its summary and state file name it), or remove resume: true to start a new run.`
    )
  }
  const changed = changedInputs(record.fingerprint, inputFingerprint(inputs))
  const rerun = ctx.attempt > 1
  if (!rerun && !inputs.resume) {
    throw new RunStateError(
      `Run-key '${key}' was used by an earlier run (state ${where}${lastPhase(record)}). Set resume: true to continue that run, or set input run-key to a new value to start another migration; refusing to start over on top of it.`
    )
  }
  if (changed.length > 0) {
    const list = changed.map((c) => `${c.name} (was ${quote(c.was)}, now ${quote(c.now)})`)
    throw new RunStateError(
      `Cannot resume run-key '${key}': input${changed.length > 1 ? 's' : ''} ${list.join(', ')} changed since the earlier attempt (${where}). Resume with the same inputs, or start a new run with another run-key to migrate with the new ones.`
    )
  }
  return resumePlan(record, ctx.phaseIds, rerun ? `re-run attempt ${ctx.attempt}` : 'resume: true')
}

function resumePlan(
  record: RunStateRecord,
  phaseIds: readonly string[],
  why: string
): ResumeDecision {
  const isDone = (id: string): boolean => !ALWAYS_RUN.has(id) && record.phases[id] !== undefined
  const left = phaseIds.filter((id) => !ALWAYS_RUN.has(id) && !isDone(id))
  const complete = left.length === 0
  const skip = new Map<string, DoneEarlier>()
  for (const id of phaseIds) {
    const done = record.phases[id]
    if (done !== undefined && isDone(id)) {
      const note = `done in an earlier attempt at ${done.endedAt}${done.note ? ` · ${done.note}` : ''}`
      skip.set(id, { note, numbers: done.numbers })
    } else if (id === 'precheck' && complete) {
      skip.set(id, { note: 'not needed: every phase finished in an earlier attempt', numbers: [] })
    } else if (id === 'tiup' && !left.some((l) => TOOL_PHASES.has(l))) {
      skip.set(id, {
        note: 'not needed: every phase that runs a tool finished in an earlier attempt',
        numbers: []
      })
    }
  }
  const doneIds = phaseIds.filter(isDone)
  const summary = complete
    ? `Run-key '${record.runKey}' (${why}): every phase finished in an earlier attempt; nothing to do, the outputs are published again.`
    : `Resuming run-key '${record.runKey}' (${why}): ${doneIds.length > 0 ? `${doneIds.join(', ')} done in an earlier attempt` : 'no phase after the precheck was done'}; running ${left.join(', ')}.`
  return { kind: 'resume', record, skip, complete, summary }
}

/**
 * Puts back what the skipped phases (and the earlier precheck's selection) learned, and marks the state resumed.
 * @param state the fresh state of this run
 * @param record the earlier attempt's record
 * @param skip the skipped phases
 */
export function restoreState(
  state: MigrationState,
  record: RunStateRecord,
  skip: ReadonlyMap<string, DoneEarlier>
): void {
  for (const [id, done] of finishedPhases(record)) {
    // The precheck runs again, but the selection the export was made from stays the one it recorded.
    if (skip.has(id) || id === 'precheck') Object.assign(state, structuredClone(done.learned))
  }
  state.resumed = {
    phasesDone: Object.fromEntries(finishedPhases(record).map(([id, d]) => [id, d.endedAt]))
  }
}

/**
 * Publishes again what the skipped phases published: their outputs, the binlog position, the table rows, the links.
 * @param report this run's report
 * @param record the earlier attempt's record
 * @param skip the skipped phases
 */
export function restoreReport(
  report: Report,
  record: RunStateRecord,
  skip: ReadonlyMap<string, DoneEarlier>
): void {
  for (const [id, done] of finishedPhases(record)) {
    if (skip.has(id)) Object.assign(report.outputs, done.outputs)
  }
  if (skip.has('binlog-capture') && record.report.binlog)
    report.binlog = { ...record.report.binlog }
  report.tables = record.report.tables.map((t) => ({ ...t }))
  report.links = record.report.links.map((l) => ({ ...l }))
}
