// The registry of child processes that are running right now, mirrored into state so the post step can end
// stragglers (a tool still running after the main step was killed). Children are started as process-group leaders,
// so signalling `-pid` reaches the tool and anything it started (tiup → tidb-lightning).
import { readFileSync } from 'node:fs'
import { saveState, type ChildRecord } from './state.js'

const running = new Map<number, ChildRecord>()

/**
 * The start time of a process from /proc/<pid>/stat (clock ticks since boot, field 22), or undefined where there
 * is no /proc or the process is gone. Together with the pid it identifies one process across pid reuse.
 * @param pid process id
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 2 (comm) is in parentheses and may hold spaces or ')', so count fields after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return rest[19]
  } catch {
    return undefined
  }
}

function persist(): void {
  saveState('child-processes', [...running.values()])
}

/**
 * Records a started child.
 * @param pid its pid (and process-group id)
 * @param command what it runs, for messages
 */
export function registerChild(pid: number, command: string): void {
  running.set(pid, { pid, command, startTime: processStartTime(pid) })
  persist()
}

/** Forgets a child that has exited. */
export function unregisterChild(pid: number): void {
  if (running.delete(pid)) persist()
}

/** The children running now. */
export function runningChildren(): ChildRecord[] {
  return [...running.values()]
}

/**
 * Whether the recorded process still runs and is the same process (same start time where that is known).
 * @param child a record from {@link registerChild}
 */
export function isStillRunning(child: ChildRecord): boolean {
  try {
    process.kill(child.pid, 0)
  } catch {
    // ESRCH: gone. EPERM: the pid now belongs to another user's process, so it is not our child any more.
    return false
  }
  if (child.startTime === undefined) return true
  return processStartTime(child.pid) === child.startTime
}

/**
 * Sends a signal to a child's process group, falling back to the process alone when it leads no group.
 * @returns false when no such process exists any more
 */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    try {
      process.kill(pid, signal)
      return true
    } catch {
      return false
    }
  }
}
