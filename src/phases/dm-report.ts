// What the DM phases publish of a task's state: the step outputs and key numbers (`dm-task`, `dm-stage`,
// `dm-lag-seconds`, `dm-synced-position`), and where dmctl's read-only calls log.
import * as core from '@actions/core'
import type { PhaseContext } from '../orchestrator/phase.js'
import type { DmTaskStatus } from '../tidb/dm/status.js'
import { describeTaskStatus, syncedPosition } from '../tidb/dm/status-text.js'

/**
 * Publishes a task's state: the step outputs, the phase's key numbers and note. Call once, with the final status.
 * @param stage what to publish as `dm-stage` when it differs from the status (`Stopped` after a stop-task)
 */
export function publishTaskStatus(
  ctx: PhaseContext,
  s: DmTaskStatus,
  stage: string = s.stage
): void {
  ctx.setOutput('dm-task', s.task)
  ctx.setOutput('dm-stage', stage)
  ctx.record.numbers.push({ label: 'DM stage', value: stage })
  if (s.lagSeconds !== undefined) {
    ctx.setOutput('dm-lag-seconds', s.lagSeconds)
    ctx.record.numbers.push({ label: 'lag', value: s.lagSeconds, unit: 'seconds' })
  }
  const synced = syncedPosition(s)
  if (synced !== undefined) {
    ctx.setOutput('dm-synced-position', `${synced.file}:${synced.pos}`)
    ctx.record.numbers.push({ label: 'synced to', value: `${synced.file}:${synced.pos}` })
  }
  const rows = s.sources.reduce((n, x) => n + (x.totalRows ?? 0), 0)
  if (s.sources.some((x) => x.totalRows !== undefined)) {
    ctx.record.numbers.push({ label: 'rows replicated', value: rows })
  }
  ctx.log.info(`DM task ${s.task}: ${describeTaskStatus(s)}`)
}

/**
 * The `debug` sink for dmctl's read-only calls: the phase's debug log when step debug logging is on, else none, so
 * every query-status of a long wait does not print its JSON.
 */
export function debugLog(ctx: PhaseContext): { debug?: (line: string) => void } {
  return core.isDebug() ? { debug: (line) => ctx.log.debug(line) } : {}
}
