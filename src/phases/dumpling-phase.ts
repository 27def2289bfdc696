// Running Dumpling inside a phase: through tiup with the password redacted from every printed line, its deadline
// (`import-timeout-minutes`, the one for the PingCAP tools), progress from its `progress` lines, and success only from
// its own line (`dump data successfully, dumpling will exit now`, DumplingMonitor). A failure shows Dumpling's own
// error line. Used by the schema export and by the copy of the tables the Aurora export skipped.
import type { DbEndpoint } from '../inputs/types.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import { DumplingMonitor } from '../tidb/dumpling/monitor.js'
import { runComponent } from '../tidb/tiup/run-component.js'
import { CancelledError, PhaseError } from '../util/errors.js'
import { formatDuration } from '../util/format.js'
import { needTiup } from './lightning-phase.js'
import type { MigrationState } from './migration-state.js'

/**
 * Runs Dumpling with `args` and returns once it said it succeeded.
 * @param phase the phase id its errors carry
 * @param from the server it reads, whose password is hidden in every line
 * @throws PhaseError with Dumpling's line; CancelledError when the run was cancelled
 */
export async function runDumpling(
  ctx: PhaseContext,
  state: Pick<MigrationState, 'tiup'>,
  phase: string,
  args: readonly string[],
  from: DbEndpoint
): Promise<void> {
  const { inputs } = ctx
  const monitor = new DumplingMonitor()
  const result = await runComponent({
    tiup: needTiup(state),
    component: 'dumpling',
    version: inputs.tools.tidbVersion,
    args: [...args],
    secrets: [from.password],
    timeoutMs: inputs.timeouts.importMs,
    signal: ctx.signal,
    log: (line) => ctx.log.info(line),
    onLine: (line) => {
      monitor.push(line)
      const tables = monitor.report.progress?.tables
      if (tables) ctx.progress(`tables ${tables.done}/${tables.total}`)
    }
  })
  const verdict = monitor.verdict(result.exitCode)
  if (verdict.outcome === 'succeeded') return
  if (ctx.signal.aborted && !result.timedOut) {
    throw new CancelledError('Dumpling was stopped because the run was cancelled')
  }
  const why = result.timedOut
    ? `Dumpling did not finish within import-timeout-minutes (${formatDuration(inputs.timeouts.importMs)}) and was stopped`
    : `Dumpling failed: ${verdict.message}`
  throw new PhaseError(phase, why, {
    toolLine: monitor.report.firstError?.line ?? verdict.message,
    tail: result.tail
  })
}
