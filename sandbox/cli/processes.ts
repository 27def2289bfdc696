// Finding and stopping the processes of one sandbox, by process id and by what they run on, never by name alone:
// other sandboxes (other engineers, parallel tests) run the same programs on the same machine.
import { existsSync, readdirSync, readFileSync } from 'node:fs'

/** Whether a process exists (and may be signalled by us). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
  } catch {
    return undefined
  }
}

/**
 * The `mariadbd` processes whose arguments point into the directory (`--datadir=<dir>/source/data` …). Linux reads
 * them from /proc; elsewhere only the given candidate ids are checked, by existence alone.
 */
export function serversUsing(dir: string, candidates: readonly number[] = []): number[] {
  const prefix = `${dir}/`
  if (!existsSync('/proc/self/cmdline')) return candidates.filter(isAlive)
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const pid = Number(entry)
    const args = commandLine(pid)
    if (!args?.[0] || !/(mariadbd|mysqld)$/.test(args[0])) continue
    if (args.some((a) => a.includes(prefix))) found.push(pid)
  }
  return found
}

/** Waits until a process is gone; false when it still runs after the timeout. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 50))
  }
  return true
}

/** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
export async function terminate(pid: number, graceMs: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    return // already gone
  }
  if (await waitForExit(pid, graceMs)) return
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    return
  }
  await waitForExit(pid, 5000)
}
