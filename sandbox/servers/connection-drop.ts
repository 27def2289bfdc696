// Fault `source-connection-drop`: while it is on, every connection of the migration user is killed a moment after
// it opens (KILL CONNECTION), the way a failover or a network blip cuts a long dump or binlog stream.
import type mysql from 'mysql2/promise'
import { fault } from '../lib/faults.js'

/** Default delay between a connection appearing and its kill, when the fault has no value. */
export const DEFAULT_DROP_DELAY_MS = 300

/** Options of the watcher. */
export interface ConnectionDropOptions {
  /** Opens a root connection to the source (reopened after a restart of the source). */
  readonly connect: () => Promise<mysql.Connection>
  /** The user whose connections are killed. */
  readonly user: string
  /** Environment to read the fault from (SANDBOX_DIR → faults.json). */
  readonly env: NodeJS.ProcessEnv
  /** How often the process list is read. */
  readonly intervalMs?: number
}

/** A running watcher. */
export interface ConnectionDropWatcher {
  /** Connections killed so far. */
  readonly killed: number
  stop(): Promise<void>
}

/** The kill delay of a fault value: milliseconds (`source-connection-drop=1500`), default 300. */
export function dropDelayMs(value: string): number {
  const n = Number(value)
  return value.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : DEFAULT_DROP_DELAY_MS
}

/** Starts the watcher. It costs one cheap file read per interval while the fault is off. */
export function watchConnectionDrops(opts: ConnectionDropOptions): ConnectionDropWatcher {
  const interval = opts.intervalMs ?? 100
  const firstSeen = new Map<number, number>()
  let conn: mysql.Connection | undefined
  let killed = 0
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  // A short kill delay needs a watcher at least as quick, or a connection that lives less than the interval escapes.
  let next = interval

  const tick = async (): Promise<void> => {
    const value = fault('source-connection-drop', opts.env)
    if (value === undefined) {
      firstSeen.clear()
      next = interval
      return
    }
    const delay = dropDelayMs(value)
    next = Math.max(10, Math.min(interval, delay > 0 ? delay / 3 : 20))
    try {
      conn ??= await opts.connect()
      const [rows] = await conn.query<mysql.RowDataPacket[]>(
        'SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?',
        [opts.user]
      )
      const now = Date.now()
      const present = new Set(rows.map((r) => Number(r['ID'])))
      for (const id of firstSeen.keys()) if (!present.has(id)) firstSeen.delete(id)
      for (const id of present) {
        const seen = firstSeen.get(id) ?? now
        firstSeen.set(id, seen)
        if (now - seen < delay) continue
        await conn.query(`KILL CONNECTION ${id}`).then(
          () => killed++,
          () => undefined // already gone
        )
        firstSeen.delete(id)
      }
    } catch {
      // The source restarted or went away: reconnect on the next tick.
      await conn?.end().catch(() => undefined)
      conn = undefined
    }
  }

  const schedule = (): void => {
    if (stopped) return
    timer = setTimeout(() => {
      running = tick().finally(schedule)
    }, next)
    timer.unref()
  }
  schedule()

  return {
    get killed() {
      return killed
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
      await conn?.end().catch(() => undefined)
    }
  }
}
