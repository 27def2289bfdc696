// How a DM task's state is shown: one line for logs and deadline messages, and DM's own error text.
import { compareBinlogPositions, type BinlogPosition } from './binlog.js'
import type { DmProcessError, DmTaskStatus } from './status.js'

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
