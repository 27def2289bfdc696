// What a phase is and what it gets to work with. Real phases (src/phases/*.ts) implement Phase<Inputs>.
import type { Inputs } from '../inputs/types.js'
import type { OutputName } from '../report/outputs.js'
import type { PhaseRecord, Report } from '../report/types.js'
import type { PhaseLogger } from '../util/logger.js'

/** Everything a running phase gets. */
export interface PhaseContext<I = Inputs> {
  readonly inputs: I
  readonly log: PhaseLogger
  /** This phase's entry in the report: add key numbers, a note. Status and times are set by the runner. */
  readonly record: PhaseRecord
  /** The whole report: binlog position, tables, links, tool versions. */
  readonly report: Report
  /** Aborted when the run is cancelled; pass it to runTool, poll, retry. */
  readonly signal: AbortSignal
  /** Records a step output (written when the run ends, whatever happens). */
  setOutput(name: OutputName, value: string | number): void
  /** A few words on where the phase is (`42 % exported`), shown in its heartbeat lines. */
  progress(text: string): void
}

/** A node of the phase graph. */
export interface Phase<I = Inputs> {
  /** Stable id, kebab-case: `schema-export`. */
  readonly id: string
  /** For the log and the summary: `Schema export (Dumpling → S3)`. */
  readonly title: string
  /** Ids of the phases that must succeed first. */
  readonly dependsOn: readonly string[]
  /**
   * Does the work. Throw (a PhaseError, ideally, with the tool's own line and tail) to fail; the runner records
   * the failure. Resolve to succeed.
   */
  run(ctx: PhaseContext<I>): Promise<void>
}
