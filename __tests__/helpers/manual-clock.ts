import type { Clock } from '../../src/util/clock.js'

interface Timer {
  due: number
  every: number
  fn: () => void
}

/**
 * A Clock that only moves when told to. `sleep` advances time by itself at once (so poll and retry run their whole
 * schedule instantly and the test can read `sleeps`); `every` timers fire when `advance` passes their due time.
 */
export class ManualClock implements Clock {
  time: number
  readonly sleeps: number[] = []
  private readonly timers = new Set<Timer>()

  constructor(start = 1_700_000_000_000) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error)
    this.sleeps.push(ms)
    this.advance(ms)
    return Promise.resolve()
  }

  every(ms: number, fn: () => void): () => void {
    const timer: Timer = { due: this.time + ms, every: ms, fn }
    this.timers.add(timer)
    return () => {
      this.timers.delete(timer)
    }
  }

  /** Moves time forward, firing each timer as many times as its interval fits. */
  advance(ms: number): void {
    const end = this.time + ms
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.due - b.due)[0]
      if (!next || next.due > end) break
      this.time = next.due
      next.due += next.every
      next.fn()
    }
    this.time = end
  }

  /** How many repeating timers are active. */
  get activeTimers(): number {
    return this.timers.size
  }
}
