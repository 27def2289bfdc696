// Time as a dependency. Everything that waits (poll, retry, heartbeats, the phase runner) takes a Clock so tests
// drive time by hand and never really wait.
import { setTimeout as delay } from 'node:timers/promises'
import { abortError } from './errors.js'

/** The passage of time, injectable. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`; rejects with the abort reason (or a CancelledError) when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** Calls `fn` every `ms` until the returned function is called. Never keeps the process alive by itself. */
  every(ms: number, fn: () => void): () => void
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError(signal, 'the wait')
    try {
      await delay(Math.max(0, ms), undefined, signal ? { signal } : {})
    } catch (e) {
      if (signal?.aborted) throw abortError(signal, 'the wait')
      throw e
    }
  },
  every(ms: number, fn: () => void): () => void {
    const timer = setInterval(fn, ms)
    // A heartbeat must not hold the event loop open after the work it reports on has ended.
    timer.unref()
    return () => clearInterval(timer)
  }
}
