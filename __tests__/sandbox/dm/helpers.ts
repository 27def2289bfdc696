// Shared pieces of the DM tests: a source with a binary log, a target, a DM-master, and dmctl run as a child process.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { startMariaDb, type MariaDbServer } from '../../../sandbox/lib/mariadb.js'
import { startDmMaster, type RunningDmMaster } from '../../../sandbox/dm/master.js'
import { buildRoot } from '../../../sandbox/lib/paths.js'
import type { ProcessErrorValue } from '../../../sandbox/dm/pb.js'

const execFileP = promisify(execFile)
const DMCTL = path.join(buildRoot(), 'dm', 'dmctl.js')

/** One dmctl run. */
export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** A subtask as query-status prints it (the parts the tests read). */
export interface SyncView {
  stage: string
  result: { isCanceled: boolean; errors: ProcessErrorValue[] } | null
  sync: Record<string, string | boolean>
}

/** Source, target and master of one test file. */
export interface DmWorld {
  dir: string
  src: MariaDbServer
  tgt: MariaDbServer
  master: RunningDmMaster
}

/** Starts the two servers and a master in a new temp directory. */
export async function startDmWorld(prefix: string): Promise<DmWorld> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  const [src, tgt] = await Promise.all([
    startMariaDb({
      name: 'source',
      dir: path.join(dir, 'src'),
      serverId: 1,
      logBin: 'mysql-bin-changelog',
      rootPassword: 'src-pw'
    }),
    startMariaDb({
      name: 'target',
      dir: path.join(dir, 'tgt'),
      serverId: 2,
      logBin: undefined,
      rootPassword: 'tgt-pw'
    })
  ])
  const master = await startDmMaster({ dir, env: { SANDBOX_DIR: dir } })
  return { dir, src, tgt, master }
}

/** Stops everything and checks that no binlog reader is left. */
export async function stopDmWorld(w: DmWorld | undefined): Promise<void> {
  if (!w) return
  const pids = w.master.readerPids()
  await w.master.close()
  for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow()
  await Promise.all([w.src.stop(), w.tgt.stop()])
  await rm(w.dir, { recursive: true, force: true })
}

/** Runs dmctl against the world's master (or `addr`). */
export async function dmctl(
  w: DmWorld,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  addr = `127.0.0.1:${w.master.port}`
): Promise<Run> {
  try {
    const r = await execFileP('node', [DMCTL, '--master-addr', addr, ...args], {
      cwd: w.dir,
      env: { ...process.env, SANDBOX_DIR: w.dir, SANDBOX_FAULTS: '', ...env }
    })
    return { code: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** Runs dmctl, expects exit 0 and parses its JSON. */
export async function dmJson<T = Record<string, unknown>>(
  w: DmWorld,
  args: string[],
  env?: NodeJS.ProcessEnv
): Promise<T> {
  const r = await dmctl(w, args, env)
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as T
}

/** The first subtask of a task in query-status. */
export async function subtask(w: DmWorld, task: string): Promise<SyncView> {
  const q = await dmJson<{ sources: { subTaskStatus: SyncView[] }[] }>(w, ['query-status', task])
  const st = q.sources[0]?.subTaskStatus[0]
  if (!st) throw new Error(`no subtask status for ${task}`)
  return st
}

/** Waits until a task's first subtask is Paused and returns it. */
export function pausedSubtask(w: DmWorld, task: string): Promise<SyncView> {
  return until(`${task} to pause`, async () => {
    const s = await subtask(w, task)
    return s.stage === 'Paused' ? s : undefined
  })
}

/** Polls `probe` until it returns a truthy value. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms = 15_000
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await probe()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
