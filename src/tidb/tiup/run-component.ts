// Runs a pinned PingCAP component through tiup (`tiup <component>:<version> …`) with the phase's log, cancellation
// and deadline, passwords hidden from every echoed line. Success is NOT decided here: callers feed the lines to the
// tool's monitor (LightningMonitor, DumplingMonitor, parseDmctlOutput) and judge from content and exit code together.
import type { OutputStream, ToolResult } from '../../util/run-tool.js'
import { runTool } from '../../util/run-tool.js'
import { tiupRunArgs, type TiupComponent, type TiupSetup } from './tiup.js'

/** Options of {@link runComponent}. */
export interface RunComponentOptions {
  readonly tiup: TiupSetup
  readonly component: TiupComponent
  /** Version to pin, e.g. `v8.5.2` (the `tidb-version` input). */
  readonly version: string
  readonly args: readonly string[]
  /** Secret values to hide: passwords that must sit on the command line (tiup redacts them in its own line too). */
  readonly secrets?: readonly string[]
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly cwd?: string
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
  readonly log?: (line: string) => void
  readonly onLine?: (line: string, stream: OutputStream) => void
  readonly tailLines?: number
}

/** Runs the component to completion and returns the raw outcome. */
export function runComponent(opts: RunComponentOptions): Promise<ToolResult> {
  return runTool({
    command: opts.tiup.tiupPath,
    args: tiupRunArgs(opts.component, opts.version, opts.args),
    // tiup reads TIUP_HOME to find the components setupTiup installed.
    env: { TIUP_HOME: opts.tiup.tiupHome, ...(opts.env ?? {}) },
    ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    ...(opts.log === undefined ? {} : { log: opts.log }),
    ...(opts.onLine === undefined ? {} : { onLine: opts.onLine }),
    ...(opts.tailLines === undefined ? {} : { tailLines: opts.tailLines }),
    redact: opts.secrets ?? []
  })
}
