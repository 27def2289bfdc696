// The background process behind `npm run sandbox -- up`: starts the sandbox, writes `<dir>/state.json`, tells the
// CLI it is ready (IPC), then keeps every piece running until SIGTERM/SIGINT (`down`). SIGHUP restarts the source
// (`restart-source`), which applies a `binlog-off` switched on or off since.
import { startSandbox, type Sandbox } from './index.js'
import { sandboxDir } from './lib/paths.js'
import { parseScale } from './servers/sample-data.js'
import { statePath, writeJsonFile, type SandboxState } from './state.js'

/** What the daemon tells the CLI over IPC. */
export type DaemonMessage =
  { readonly type: 'ready' } | { readonly type: 'error'; readonly message: string }

/** Sends one message to the CLI, then closes the channel so the CLI can exit while the daemon runs on. */
function tell(message: DaemonMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve()
    process.send(message, undefined, {}, () => {
      process.disconnect?.()
      resolve()
    })
  })
}

function writeState(
  sb: Sandbox,
  startedAt: string,
  startSeconds: number,
  sourceRestarts: number
): void {
  const state: SandboxState = {
    version: 1,
    daemonPid: process.pid,
    startedAt,
    startSeconds,
    scale: sb.scale,
    pids: sb.pids(),
    ports: sb.ports(),
    rootPasswords: { source: sb.source.rootPassword, target: sb.target.rootPassword },
    sourceRestarts,
    endpoints: sb.endpoints
  }
  writeJsonFile(statePath(sb.dir), state)
}

async function main(): Promise<void> {
  const t0 = Date.now()
  const startedAt = new Date(t0).toISOString()
  const tidbVersion = process.env['SANDBOX_TIDB_VERSION']
  const sb = await startSandbox({
    dir: sandboxDir(),
    scale: parseScale(process.env['SANDBOX_SCALE']),
    ...(tidbVersion ? { tidbVersion } : {})
  })
  const startSeconds = (Date.now() - t0) / 1000
  let restarts = 0
  writeState(sb, startedAt, startSeconds, restarts)

  let busy: Promise<void> = Promise.resolve()
  const stop = (): void => {
    busy = busy.then(async () => {
      await sb.stop()
      process.exit(0)
    })
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.on('SIGHUP', () => {
    busy = busy.then(async () => {
      try {
        await sb.restartSource()
      } catch (e) {
        console.error(`restart of the source failed: ${e instanceof Error ? e.message : String(e)}`)
      }
      restarts++
      writeState(sb, startedAt, startSeconds, restarts)
    })
  })

  console.error(`sandbox ready in ${startSeconds.toFixed(1)} s (pid ${process.pid})`)
  await tell({ type: 'ready' })
}

main().catch(async (e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e))
  process.exitCode = 1
  await tell({ type: 'error', message: e instanceof Error ? e.message : String(e) })
})
