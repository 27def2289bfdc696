// `up`, `down`, `status` and `restart-source`: the daemon's life, seen from the CLI.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { buildRoot } from '../lib/paths.js'
import { activeFaults } from '../lib/faults.js'
import type { DaemonMessage } from '../daemon.js'
import {
  MARKER_FILE,
  isSandboxDir,
  readState,
  readTimingFile,
  type SandboxState
} from '../state.js'
import { CliError } from './errors.js'
import { isAlive, serversUsing, terminate, waitForExit } from './processes.js'

/** How `npm run sandbox` tells the user to do something. */
export const NPM = 'npm run sandbox --'

/** The state of the sandbox that is up in the directory, or a CliError saying none is. */
export function requireRunning(dir: string): SandboxState {
  const state = readState(dir)
  if (!state || (state.daemonPid !== undefined && !isAlive(state.daemonPid))) {
    throw new CliError(`no sandbox is up in ${dir}; start one with \`${NPM} up\``)
  }
  return state
}

/** Stops whatever of a sandbox still runs (daemon, then servers) and removes its directory. */
async function teardown(dir: string, state: SandboxState | undefined): Promise<number> {
  let stopped = 0
  if (state?.daemonPid !== undefined && isAlive(state.daemonPid)) {
    await terminate(state.daemonPid, 30_000)
    stopped++
  }
  const leftovers = serversUsing(dir, state ? Object.values(state.pids) : [])
  for (const pid of leftovers) await terminate(pid, 10_000)
  stopped += leftovers.length
  await rm(dir, { recursive: true, force: true })
  const still = serversUsing(dir, leftovers)
  if (still.length > 0 || existsSync(dir)) {
    throw new CliError(
      `could not clean up ${dir}: ${still.length ? `mariadbd still running (pid ${still.join(', ')})` : 'the directory is still there'}`
    )
  }
  return stopped
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

/** Starts the daemon and waits until the sandbox is ready. */
export async function up(dir: string, env: NodeJS.ProcessEnv): Promise<SandboxState> {
  const existing = readState(dir)
  if (existing?.daemonPid !== undefined && isAlive(existing.daemonPid)) {
    throw new CliError(
      `a sandbox is already up in ${dir} (daemon pid ${existing.daemonPid}); ` +
        `use it, or run \`${NPM} down\` first (or set SANDBOX_DIR to start another one elsewhere)`
    )
  }
  if (existsSync(dir)) {
    if (!isSandboxDir(dir)) {
      throw new CliError(
        `SANDBOX_DIR ${dir} exists and is not a sandbox directory; choose a new or empty one`
      )
    }
    const stopped = await teardown(dir, existing)
    if (existing || stopped > 0)
      console.error(`removed the leftovers of a sandbox that was no longer running in ${dir}`)
  }
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, MARKER_FILE), '')
  const logFile = path.join(dir, 'daemon.log')
  const log = openSync(logFile, 'a')
  const child = spawn(process.execPath, [path.join(buildRoot(), 'daemon.js')], {
    detached: true,
    stdio: ['ignore', log, log, 'ipc'],
    env: { ...env, SANDBOX_DIR: dir }
  })
  closeSync(log)
  const message = await new Promise<DaemonMessage>((resolve) => {
    child.once('message', (m) => resolve(m as DaemonMessage))
    child.once('exit', (code, signal) =>
      resolve({
        type: 'error',
        message: `the daemon exited (${signal ?? `code ${code}`}) before it was ready`
      })
    )
  })
  child.removeAllListeners()
  if (child.connected) child.disconnect()
  child.unref()
  if (message.type === 'error') {
    if (child.pid !== undefined) await waitForExit(child.pid, 30_000)
    const logTail = tail(logFile, 15)
    throw new CliError(
      `the sandbox did not start: ${message.message}` +
        (logTail ? `\n--- ${logFile} (last lines) ---\n${logTail}` : '') +
        `\nEverything that had started was stopped; \`${NPM} down\` removes ${dir}.`
    )
  }
  const state = readState(dir)
  if (!state)
    throw new CliError(`the daemon said it was ready but wrote no ${path.join(dir, 'state.json')}`)
  return state
}

/** Stops the sandbox in the directory; resolves to what was stopped (0 when nothing was up). */
export async function down(
  dir: string
): Promise<{ readonly wasUp: boolean; readonly stopped: number }> {
  if (!existsSync(dir)) return { wasUp: false, stopped: 0 }
  if (!isSandboxDir(dir))
    throw new CliError(`SANDBOX_DIR ${dir} is not a sandbox directory; nothing removed`)
  const state = readState(dir)
  const stopped = await teardown(dir, state)
  return { wasUp: state !== undefined, stopped }
}

/** Asks the daemon to restart the source and waits until it has. */
export async function restartSource(dir: string): Promise<SandboxState> {
  const before = requireRunning(dir)
  if (before.daemonPid === undefined)
    throw new CliError('this sandbox has no daemon to restart the source')
  process.kill(before.daemonPid, 'SIGHUP')
  const deadline = Date.now() + 60_000
  for (;;) {
    const now = readState(dir)
    if (now && now.sourceRestarts > before.sourceRestarts) return now
    if (Date.now() > deadline || !isAlive(before.daemonPid)) {
      throw new CliError(`the source did not come back; see ${path.join(dir, 'daemon.log')}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A short human description of a running sandbox. */
export function summary(state: SandboxState, env: NodeJS.ProcessEnv): string {
  const e = state.endpoints
  const alive = (pid: number): string => (isAlive(pid) ? `pid ${pid}` : `pid ${pid} NOT RUNNING`)
  const faults = Object.entries(activeFaults({ ...env, SANDBOX_DIR: e.dir }))
  const timings = Object.entries(readTimingFile(e.dir))
  return [
    `sandbox up in ${e.dir}` +
      (state.daemonPid === undefined ? '' : ` (daemon pid ${state.daemonPid})`) +
      `, started ${state.startedAt} in ${state.startSeconds.toFixed(1)} s, scale ${state.scale}`,
    `  source (Aurora)   ${e.source.host}:${e.source.port}  user ${e.source.user}  mariadbd ${alive(state.pids.source)}`,
    `  target (TiDB)     ${e.target.host}:${e.target.port}  user ${e.target.user}  mariadbd ${alive(state.pids.target)}`,
    `  TiDB status       http://127.0.0.1:${e.target.statusPort}   PD ${e.pdAddr}   version ${e.tidbVersion}`,
    `  S3                ${e.s3Url}   ${e.s3Uri}`,
    `  RDS               ${e.rdsUrl}   cluster ${e.clusterIdentifier} (${e.region})`,
    `  IAM, KMS          ${e.iamUrl}   ${e.kmsUrl}   role ${e.exportRoleArn}`,
    `  tiup mirror       ${e.tiupMirror}`,
    `  DM-master         ${e.dmMasterAddr}`,
    `  faults            ${faults.length ? faults.map(([k, v]) => (v ? `${k}=${v}` : k)).join(', ') : 'none'}`,
    `  timings           ${timings.length ? timings.map(([k, v]) => `${k}=${v}s`).join(', ') : 'defaults'}`,
    `Environment: \`${NPM} env\`; run a command in it: \`${NPM} exec -- <command>\`; stop: \`${NPM} down\`.`
  ].join('\n')
}
