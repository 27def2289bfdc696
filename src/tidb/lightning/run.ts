// One TiDB Lightning run, the way both imports (schema and data) run it:
//   - the TOML is rendered by renderLightningToml and written with writeSecretFile (it holds the target password:
//     0600, in the action's private directory under RUNNER_TEMP), and removed as soon as Lightning has exited
//     (the post step removes it if we never get there);
//   - Lightning logs to a file under RUNNER_TEMP that is followed while it is written (FileTailer: bounded memory,
//     rotation-proof) and fed, with Lightning's own stdout and stderr, to one LightningMonitor; stdout and stderr
//     go to the phase log as they come, and from the log file only warnings, errors and milestones (an INFO log has
//     a line per data chunk);
//   - progress goes to the phase's heartbeat (percent, tables, rows, state, remaining);
//   - `TZ=UTC`, so Parquet timestamps are not shifted by the runner's zone (pingcap/tidb-lightning
//     issue #562: timestamps altered by the process time zone);
//   - the verdict comes from the monitor: exit 0 is not success (Lightning exits 0 when cancelled or when its
//     status port is busy), and neither is `tidb lightning exit successfully` without `the whole procedure
//     completed` in the log (the test PingCAP's documented procedure gives).
// The checkpoint policy around it is in import.ts.
import { mkdir } from 'node:fs/promises'
import type { PhaseLogger } from '../../util/logger.js'
import { FileTailer } from '../../util/file-tail.js'
import type { ToolResult } from '../../util/run-tool.js'
import { removeTempFiles, writeSecretFile } from '../../util/temp-files.js'
import type { LightningReport } from './report.js'
import {
  redactToml,
  renderLightningToml,
  type CheckpointOptions,
  type LightningTomlOptions
} from './config.js'
import { lightningLineSink } from './sink.js'
import { runComponent } from '../tiup/run-component.js'
import type { TiupSetup } from '../tiup/tiup.js'
import type { ToolVerdict } from '../tool-outcome.js'
import { recordToolLogFile } from '../../util/tool-log.js'

/** What one Lightning run needs. */
export interface LightningRunOptions {
  /** Names the TOML file and the messages: `schema-import`, `data-import`. */
  readonly name: string
  readonly tiup: TiupSetup
  /** Component version (the `tidb-version` input). */
  readonly version: string
  /** The configuration, except what the run decides: log file and checkpoint. */
  readonly config: Omit<LightningTomlOptions, 'log' | 'checkpoint'>
  readonly checkpoint: CheckpointOptions
  /** The log file Lightning writes and the run follows; a new name per run (Lightning appends to a file). */
  readonly logFile: string
  readonly timeoutMs: number
  readonly signal: AbortSignal
  readonly log: Pick<PhaseLogger, 'info' | 'debug'>
  /** The heartbeat's progress text. */
  readonly progress: (text: string) => void
}

/** How a Lightning run ended. */
export interface LightningRunResult {
  readonly verdict: ToolVerdict
  readonly report: LightningReport
  readonly result: ToolResult
  /** The last lines worth seeing: stdout/stderr, and the warnings, errors and milestones of the log file. */
  readonly tail: readonly string[]
}

/** Lightning's progress line every 30 s instead of its default 5 min, for a heartbeat that says something. */
export const LOG_PROGRESS_EVERY = '30s'

let tomlCount = 0

/** stdout/stderr lines held back until the log file is read (Lightning prints a few dozen; the cap bounds memory). */
const MAX_DEFERRED = 10_000

/** Runs Lightning once and judges the run. Never throws for a failed import: read the verdict. */
export async function runLightningOnce(opts: LightningRunOptions): Promise<LightningRunResult> {
  const toml = renderLightningToml({
    ...opts.config,
    logProgress: opts.config.logProgress ?? LOG_PROGRESS_EVERY,
    checkpoint: opts.checkpoint,
    log: { file: opts.logFile }
  })
  opts.log.debug(`Lightning configuration:\n${redactToml(toml)}`)
  if (opts.config.backend === 'local' && opts.config.sortedKvDir) {
    await mkdir(opts.config.sortedKvDir, { recursive: true, mode: 0o700 })
  }
  const configFile = await writeSecretFile(`${opts.name}-${++tomlCount}.toml`, toml)
  // Lightning's own log holds more than its stdout: it goes into the logs artifact (upload-logs).
  recordToolLogFile(opts.logFile)

  const { monitor, echoed, onLine, onLogLine, logFilter } = lightningLineSink(opts)
  // Lightning's stdout and stderr reach the monitor after its log file: both name the same error, and the log's
  // line (with the failing table and step) must be the first error whatever the timing of the two streams.
  const later: string[] = []
  const onOutput = (line: string): void => {
    if (later.length < MAX_DEFERRED) later.push(line)
    else onLine(line)
  }
  const tailer = new FileTailer(opts.logFile, onLogLine, { filter: logFilter }).start()

  let result: ToolResult
  try {
    result = await runComponent({
      tiup: opts.tiup,
      component: 'tidb-lightning',
      version: opts.version,
      args: ['-config', configFile],
      env: { TZ: 'UTC' },
      timeoutMs: Math.max(1, opts.timeoutMs),
      signal: opts.signal,
      log: (line) => opts.log.info(line),
      onLine: onOutput
    })
  } finally {
    await tailer.stop()
    await removeTempFiles([configFile])
  }
  for (const line of later) onLine(line)
  const report = monitor.report
  let verdict = monitor.verdict(result.exitCode)
  if (verdict.outcome === 'succeeded' && !report.procedureCompleted) {
    verdict = {
      outcome: 'failed',
      message: `tidb-lightning exited ${result.exitCode} saying "${verdict.message}", but its log ${opts.logFile} does not say "the whole procedure completed"`,
      advice: verdict.advice
    }
  }
  return { verdict, report, result, tail: [...result.tail, ...echoed.toArray()] }
}
