// Runs one phase body through the real graph runner on a manual clock, with its log captured: what a unit test
// of a phase needs to see (report record, outputs, log lines, the error it failed with).
import type { Inputs } from '../../src/inputs/types.js'
import type { GraphResult } from '../../src/orchestrator/run-graph.js'
import type { PhaseBody } from '../../src/phases/phase-body.js'
import type { PhaseRecord, Report } from '../../src/report/types.js'
import { fakeInputs } from './inputs.js'
import type { ManualClock } from './manual-clock.js'
import { runPhaseList } from './run-phases.js'

/** What one phase run left behind. */
export interface OnePhaseRun {
  readonly report: Report
  readonly result: GraphResult
  readonly record: PhaseRecord
  readonly log: string[]
}

/** Runs `body` alone (no dependencies). */
export async function runPhase(
  body: PhaseBody,
  opts: { inputs?: Inputs; clock: ManualClock; signal?: AbortSignal }
): Promise<OnePhaseRun> {
  const { report, result, log } = await runPhaseList(
    [{ ...body, dependsOn: [] }],
    opts.inputs ?? fakeInputs(),
    { signal: opts.signal, clock: opts.clock }
  )
  const record = report.phases[0]
  if (!record) throw new Error('the phase left no record')
  return { report, result, record, log }
}

/** Inputs with the deadlines of every wait set (fakeInputs has 1 ms). */
export function inputsWith(overrides: Partial<Inputs> = {}, minutes = 60): Inputs {
  const base = fakeInputs()
  const ms = minutes * 60_000
  return {
    ...base,
    timeouts: { snapshotMs: ms, exportMs: ms, importMs: ms, dmSyncMs: ms },
    ...overrides
  }
}
