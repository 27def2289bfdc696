// Where one TiDB Lightning run's output lines go (run.ts): one LightningMonitor for the log file and
// stdout/stderr, the heartbeat when the progress changes, and the phase log for the log file's warnings, errors and
// milestones (an INFO log has a line per data chunk). On its own, with light imports, so the log-parsing benchmark
// (bench/log-parsing.ts) streams a log through exactly this in a process that holds nothing else.
import type { PhaseLogger } from '../../util/logger.js'
import type { LineFilter } from '../../util/file-tail.js'
import { RingBuffer } from '../../util/lines.js'
import { isWorthEchoing } from './echo.js'
import { formatProgress, LightningMonitor } from './log.js'
import { lightningLineWanted } from './prefilter.js'
import { detach, type ZapHead } from '../log-line.js'

/** Where a Lightning run's lines go: one monitor, the heartbeat, and the log file's lines worth echoing. */
export interface LightningLineSink {
  readonly monitor: LightningMonitor
  /** The log file's lines echoed to the phase log (the last 40). */
  readonly echoed: RingBuffer<string>
  /** A stdout/stderr line. */
  readonly onLine: (line: string) => void
  /** A line of the log file: monitored, and echoed when it is a warning, error or milestone. */
  readonly onLogLine: (line: string) => void
  /** Turns down, as bytes, the log file's lines `onLogLine` would ignore (give it to the FileTailer). */
  readonly logFilter: LineFilter
}

/**
 * The line handling of a run, on its own so the log-parsing benchmark (bench/) streams a log through exactly
 * what an import does.
 */
export function lightningLineSink(opts: {
  readonly log: Pick<PhaseLogger, 'info'>
  /** The heartbeat's progress text. */
  readonly progress: (text: string) => void
}): LightningLineSink {
  const monitor = new LightningMonitor()
  const echoed = new RingBuffer<string>(40)
  const head: ZapHead = { levelAt: 0, messageAt: 0 }
  let shown = monitor.report.progress
  const onLine = (line: string): void => {
    monitor.push(line)
    const p = monitor.report.progress
    if (p !== shown && p !== undefined) {
      shown = p
      opts.progress(formatProgress(p))
    }
  }
  const onLogLine = (line: string): void => {
    onLine(line)
    if (isWorthEchoing(line, head)) {
      const kept = detach(line)
      echoed.push(kept)
      opts.log.info(kept)
    }
  }
  const logFilter: LineFilter = { wants: lightningLineWanted, skipped: () => monitor.skip() }
  return { monitor, echoed, onLine, onLogLine, logFilter }
}
