// How a DM task's state is shown: one line for logs and deadline messages, DM's own error text, and the step outputs
// and key numbers (`dm-task`, `dm-stage`, `dm-lag-seconds`, `dm-synced-position`) the phases publish.
import * as core from '@actions/core'
import type { PhaseContext } from '../orchestrator/phase.js'
import { compareBinlogPositions, type BinlogPosition } from '../tidb/dm-binlog.js'
import type { DmProcessError, DmTaskStatus } from '../tidb/dm-status.js'

/** `file:position` of the syncer (the least advanced source when there are several); undefined when none says. */
export function syncedPosition(status: DmTaskStatus): BinlogPosition | undefined {
  const positions = status.sources
    .map((s) => s.syncerBinlog)
    .filter((p): p is BinlogPosition => p !== undefined)
  return positions.sort((a, b) => compareBinlogPositions(a, b) ?? 0)[0]
}

/** DM's own error text, in its terror form: `[code=36069:class=sync-unit:scope=upstream:level=high], Message: …`. */
export function formatProcessError(e: DmProcessError): string {
  const head =
    e.code === undefined
      ? e.class === ''
        ? ''
        : `[class=${e.class}] `
      : `[code=${e.code}:class=${e.class}:scope=${e.scope}:level=${e.level}], Message: `
  let text = `${head}${e.message}`
  if (e.rawCause !== '') text += `, RawCause: ${e.rawCause}`
  if (e.workaround !== '') text += `, Workaround: ${e.workaround}`
  return text
}

/** `Running · lag 3 s · synced to (mysql-bin.000003, 1234) · source at (…)`, or DM's message when the task is gone. */
export function describeTaskStatus(s: DmTaskStatus): string {
  if (s.stage === 'NotFound') return `task ${s.task} not found${s.message ? `: ${s.message}` : ''}`
  const parts: string[] = [s.stage]
  if (s.lagSeconds !== undefined) parts.push(`lag ${s.lagSeconds} s`)
  const synced = syncedPosition(s)
  if (synced !== undefined) parts.push(`synced to (${synced.file}, ${synced.pos})`)
  const master = s.sources.find((x) => x.masterBinlog !== undefined)?.masterBinlog
  if (master !== undefined) parts.push(`source at (${master.file}, ${master.pos})`)
  const error = s.errors[0]
  if (error !== undefined) parts.push(`error: ${formatProcessError(error)}`)
  return parts.join(' · ')
}

/** Every error of the task, one line each, tagged with its source. */
export function taskErrorLines(s: DmTaskStatus): string[] {
  return s.errors.map((e) => `${e.source}: ${formatProcessError(e)}`)
}

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
