// The log a piece of work writes to. The orchestrator gives each phase one (its lines go to the phase's log group);
// adapters that log while they work (a tool run, a wait) take it as a parameter. Here, below both, so an adapter
// needs nothing from the orchestrator to log.

/** A phase's log. Lines go to its log group; pass `log.info` to runTool as its `log`. */
export interface PhaseLogger {
  /** A line of the phase's log. */
  info(line: string): void
  /** A warning: shown as an annotation now, kept in the phase's log and in the report. */
  warning(message: string): void
  /** A line shown only with step debug logging on. */
  debug(line: string): void
}
