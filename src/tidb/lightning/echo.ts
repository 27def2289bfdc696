// Which lines of Lightning's log file the import phase shows in its log. Kept apart from run.ts (which
// pulls in the process runner) so the log-parsing benchmark loads only the hot path: file-tail.ts, LightningMonitor
// and this.
import { locateZapHead, type ZapHead } from '../log-line.js'

/** Messages (after their opening quote) of INFO lines worth showing. */
export const ECHOED_MESSAGES: readonly string[] = [
  'the whole procedure',
  'load data source',
  'restore all schema',
  'restore table completed',
  'restore all tables data',
  'checksum pass',
  'clean checkpoints',
  'tidb lightning exit',
  'got signal to exit',
  'task canceled'
]
const MILESTONE_FIRST = new Set(ECHOED_MESSAGES.map((m) => m.charCodeAt(0)))

/**
 * Whether a log-file line goes to the phase log: anything above INFO, progress, and the milestones. Located with
 * indexOf and char codes, not parsed: the log of a big import has millions of lines.
 */
export function isWorthEchoing(line: string, head: ZapHead): boolean {
  if (line.charCodeAt(0) !== 0x5b || !locateZapHead(line, head)) return line.trim() !== ''
  if (!line.startsWith('INFO]', head.levelAt) && !line.startsWith('DEBUG]', head.levelAt)) {
    return true
  }
  const m = head.messageAt
  const c = line.charCodeAt(m)
  if (c === 0x70) return line.startsWith('progress]', m)
  if (c !== 0x22 || !MILESTONE_FIRST.has(line.charCodeAt(m + 1))) return false
  return ECHOED_MESSAGES.some((text) => line.startsWith(text, m + 1))
}
