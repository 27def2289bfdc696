// Waiting on slow remote work: poll until done (export tasks, snapshots, DM status), retry transient failures
// (throttling, 5xx, dropped connections), and heartbeats so a quiet wait never looks hung in the log.
//
// Time comes from an injected Clock (systemClock by default), so tests run every schedule instantly.
import { systemClock, type Clock } from './clock.js'
import { abortError, DeadlineError, errorMessage } from './errors.js'
import { formatDuration } from './format.js'
import { logLine } from './workflow-commands.js'

/** Shape of an exponential backoff schedule. */
export interface Backoff {
  /** First delay, ms. */
  readonly initialMs: number
  /** Largest delay, ms (jitter never goes above it). */
  readonly maxMs: number
  /** Growth per attempt (≥ 1). */
  readonly factor: number
  /** Random spread as a fraction of the delay, 0–1: 0.2 means ±20 %. Spreads clients that started together. */
  readonly jitter: number
}

/**
 * The delay before attempt `attempt + 1`, given `attempt` (1-based) attempts so far. Pure.
 * @param attempt how many attempts were made so far (1 after the first)
 * @param backoff the schedule
 * @param random a number in [0, 1), e.g. Math.random()
 */
export function backoffDelay(attempt: number, backoff: Backoff, random: number): number {
  const base = Math.min(
    backoff.maxMs,
    backoff.initialMs * Math.pow(Math.max(1, backoff.factor), attempt - 1)
  )
  const spread = base * Math.min(1, Math.max(0, backoff.jitter)) * (2 * random - 1)
  return Math.round(Math.min(backoff.maxMs, Math.max(0, base + spread)))
}

/** What the progress callback learns after each check. */
export interface PollProgress {
  /** 1-based number of the check just made. */
  readonly attempt: number
  /** Time since polling started, ms. */
  readonly elapsedMs: number
  /** Whether the value satisfied `isDone`. */
  readonly done: boolean
}

/** Options of {@link poll}. */
export interface PollOptions<T> {
  /** What is awaited, for messages: `export task export-123`. */
  readonly label: string
  /** Reads the current state. Errors propagate (wrap it in {@link retry} for transient ones). */
  readonly check: (attempt: number) => Promise<T>
  /** Whether the state is final. A failed final state is "done" too; the caller judges it. */
  readonly isDone: (value: T) => boolean
  /** First interval between checks, ms. */
  readonly intervalMs: number
  /** Largest interval, ms. Default: `intervalMs` (no growth). */
  readonly maxIntervalMs?: number
  /** Interval growth per check. Default 1.5. */
  readonly factor?: number
  /** Interval spread, fraction. Default 0.1. */
  readonly jitter?: number
  /** How long to wait in total before failing, ms. */
  readonly deadlineMs: number
  /**
   * The expected time until the state is final (an export's ETA from its percent), if known. The next check then
   * comes at that time when it is sooner than the backoff's, but never sooner than the floor: half the first
   * interval, or 2 % of the time waited so far (so an estimate that keeps being too optimistic costs a bounded
   * number of checks, and none beyond the backoff's schedule on long waits).
   */
  readonly estimateRemainingMs?: (value: T) => number | undefined
  /** One-line description of a state for the deadline message (default: JSON). */
  readonly describe?: (value: T) => string
  /** Called after every check. */
  readonly onProgress?: (value: T, progress: PollProgress) => void
  /** Called when a check failed transiently (throttling), before waiting `delayMs` to check again. */
  readonly onTransient?: (error: unknown, delayMs: number) => void
  readonly clock?: Clock
  readonly random?: () => number
  readonly signal?: AbortSignal
}

function describeDefault(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** The wait before the next check: the backoff's, or sooner when the state's estimate says it is done sooner. */
function nextDelay<T>(
  opts: PollOptions<T>,
  value: T,
  attempt: number,
  backoff: Backoff,
  random: number,
  elapsedMs: number
): number {
  const delay = backoffDelay(attempt, backoff, random)
  const eta = opts.estimateRemainingMs?.(value)
  if (eta === undefined || !Number.isFinite(eta)) return delay
  const floor = Math.max(opts.intervalMs / 2, elapsedMs / 50)
  return Math.round(Math.min(delay, Math.max(floor, eta)))
}

/**
 * Checks until `isDone`, sleeping a growing, jittered interval between checks, and makes one last check at the
 * deadline rather than sleeping past it.
 * @returns the first value that satisfies `isDone`
 * @throws DeadlineError naming the label, the deadline and the last state seen;
 *         the abort reason (or CancelledError) when `signal` aborts
 */
export async function poll<T>(opts: PollOptions<T>): Promise<T> {
  const clock = opts.clock ?? systemClock
  const random = opts.random ?? Math.random
  const describe = opts.describe ?? describeDefault
  const backoff: Backoff = {
    initialMs: opts.intervalMs,
    maxMs: Math.max(opts.intervalMs, opts.maxIntervalMs ?? opts.intervalMs),
    factor: opts.factor ?? 1.5,
    jitter: opts.jitter ?? 0.1
  }
  const start = clock.now()
  let lastSeen: string | undefined
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw abortError(opts.signal, `waiting for ${opts.label}`)
    let value: T
    try {
      value = await opts.check(attempt)
    } catch (e) {
      // Throttling (or another transient fault that outlasted the call's own retries) says "ask less often", not
      // "the thing waited for failed": wait at the longest interval and ask again, until the deadline.
      if (!isTransientError(e)) throw e
      const remaining = opts.deadlineMs - (clock.now() - start)
      if (remaining <= 0)
        throw new DeadlineError(
          `${opts.label} was not done after ${formatDuration(opts.deadlineMs)} (${attempt} checks, the last refused: ${errorMessage(e)}); last seen: ${lastSeen ?? 'nothing'}`,
          lastSeen ?? 'nothing'
        )
      opts.onTransient?.(e, Math.min(backoff.maxMs, remaining))
      await clock.sleep(Math.min(backoff.maxMs, remaining), opts.signal)
      continue
    }
    lastSeen = describe(value)
    const done = opts.isDone(value)
    const elapsedMs = clock.now() - start
    opts.onProgress?.(value, { attempt, elapsedMs, done })
    if (done) return value
    const remaining = opts.deadlineMs - elapsedMs
    if (remaining <= 0) {
      const last = describe(value)
      throw new DeadlineError(
        `${opts.label} was not done after ${formatDuration(opts.deadlineMs)} (${attempt} checks); last seen: ${last}`,
        last
      )
    }
    await clock.sleep(
      Math.min(nextDelay(opts, value, attempt, backoff, random(), elapsedMs), remaining),
      opts.signal
    )
  }
}

const THROTTLING_NAMES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException'
])

const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ENETUNREACH',
  'EHOSTUNREACH'
])

function field(e: object, key: string): unknown {
  return (e as Record<string, unknown>)[key]
}

/**
 * Whether an error is worth retrying as is: AWS throttling (`Throttling`, `ThrottlingException`, `SlowDown`, …),
 * HTTP 5xx / 429 (from the AWS SDK's `$metadata.httpStatusCode` or a `statusCode`), and dropped or timed-out
 * connections (`ECONNRESET`, `ETIMEDOUT`, …), including when they are the `cause` of a wrapping error.
 * Bad requests, access denied and missing resources are not: retrying cannot fix them.
 */
export function isTransientError(e: unknown): boolean {
  for (let current: unknown = e, depth = 0; depth < 5; depth++) {
    if (typeof current !== 'object' || current === null) return false
    const name = field(current, 'name')
    const code = field(current, 'code') ?? field(current, 'Code')
    if (typeof name === 'string' && THROTTLING_NAMES.has(name)) return true
    if (
      typeof code === 'string' &&
      (THROTTLING_NAMES.has(code) || TRANSIENT_NETWORK_CODES.has(code))
    )
      return true
    const metadata = field(current, '$metadata')
    const status =
      (typeof metadata === 'object' && metadata !== null
        ? field(metadata, 'httpStatusCode')
        : undefined) ??
      field(current, 'statusCode') ??
      field(current, 'httpStatusCode')
    if (typeof status === 'number' && (status >= 500 || status === 429)) return true
    current = field(current, 'cause')
  }
  return false
}

/** Options of {@link retry}. */
export interface RetryOptions {
  /** What is attempted, for messages: `DescribeExportTasks`. */
  readonly label: string
  /** Retries after the first attempt. Default 4. */
  readonly retries?: number
  /** Which errors to retry. Default {@link isTransientError}. */
  readonly isRetryable?: (e: unknown) => boolean
  /** Backoff between attempts. Default 1 s, ×2, cap 30 s, ±20 %. */
  readonly backoff?: Partial<Backoff>
  /** Called before each retry; default logs one line with logLine. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void
  readonly clock?: Clock
  readonly random?: () => number
  readonly signal?: AbortSignal
}

/**
 * Runs `fn`, retrying transient failures with exponential backoff. Only for idempotent steps (reads, downloads):
 * never wrap an import in it.
 * @returns what `fn` returns
 * @throws the last error when it is not retryable or retries are used up; the abort reason when cancelled
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: RetryOptions
): Promise<T> {
  const clock = opts.clock ?? systemClock
  const random = opts.random ?? Math.random
  const retries = opts.retries ?? 4
  const isRetryable = opts.isRetryable ?? isTransientError
  const backoff: Backoff = {
    initialMs: opts.backoff?.initialMs ?? 1000,
    maxMs: opts.backoff?.maxMs ?? 30_000,
    factor: opts.backoff?.factor ?? 2,
    jitter: opts.backoff?.jitter ?? 0.2
  }
  const onRetry =
    opts.onRetry ??
    ((error: unknown, attempt: number, delayMs: number) =>
      logLine(
        `${opts.label}: ${errorMessage(error)}; retrying in ${formatDuration(delayMs)} (retry ${attempt} of ${retries})`
      ))
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw abortError(opts.signal, opts.label)
    try {
      return await fn(attempt)
    } catch (e) {
      if (attempt > retries || !isRetryable(e) || opts.signal?.aborted) throw e
      const delayMs = backoffDelay(attempt, backoff, random())
      onRetry(e, attempt, delayMs)
      await clock.sleep(delayMs, opts.signal)
    }
  }
}

/** A running heartbeat. */
export interface Heartbeat {
  /** Stops it; calling it twice is harmless. */
  stop(): void
}

/**
 * Prints `<label>: <describe()>` every `everyMs` (default 60 s) until stopped, so a long, quiet phase shows it is
 * alive. `describe` is called at each beat, so it can report the latest progress.
 * @param label prefix of each line, e.g. `⏱ export`
 * @param describe the current state in a few words
 * @param everyMs interval, ms
 * @param clock where the timer comes from
 * @param log where the line goes (logLine by default)
 */
export function startHeartbeat(
  label: string,
  describe: () => string,
  everyMs = 60_000,
  clock: Clock = systemClock,
  log: (line: string) => void = logLine
): Heartbeat {
  const cancel = clock.every(everyMs, () => {
    let text: string
    try {
      text = describe()
    } catch (e) {
      text = `(could not describe progress: ${errorMessage(e)})`
    }
    log(`${label}: ${text}`)
  })
  let stopped = false
  return {
    stop(): void {
      if (stopped) return
      stopped = true
      cancel()
    }
  }
}
