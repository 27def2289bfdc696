// Runs phases through the real graph runner with the log captured instead of printed: for phase unit tests (with
// fakes) and for the sandbox harness.
import type { Inputs } from '../../src/inputs/types.js'
import type { Phase } from '../../src/orchestrator/phase.js'
import { runGraph, type GraphResult } from '../../src/orchestrator/run-graph.js'
import { newReport, type Report } from '../../src/report/types.js'
import type { Clock } from '../../src/util/clock.js'

/** What a phase run produced. */
export interface PhaseRun {
  readonly report: Report
  readonly result: GraphResult
  readonly log: string[]
}

/** Options of {@link runPhaseList}. */
export interface RunPhasesOptions {
  readonly signal?: AbortSignal | undefined
  /** A manual clock for unit tests; the system clock by default. */
  readonly clock?: Clock
}

/** Runs the phases with these inputs; the log lines (and group markers) are collected. */
export async function runPhaseList(
  phases: readonly Phase[],
  inputs: Inputs,
  opts: RunPhasesOptions = {}
): Promise<PhaseRun> {
  const report = newReport(inputs.operation)
  const log: string[] = []
  const result = await runGraph(phases, {
    inputs,
    report,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    sink: {
      info: (l) => log.push(l),
      startGroup: (t) => log.push(`::group::${t}`),
      endGroup: () => log.push('::endgroup::')
    }
  })
  return { report, result, log }
}
