// One way to call an AWS API: the SDK's own retries (clients.ts), then our bounded retry of transient failures
// (throttling, 5xx, dropped connections) on top, and failures that keep AWS's own error code and message so a phase
// can show them verbatim (`ExportTaskAlreadyExistsFault: The export task … already exists.`).
import type { Backoff } from '../util/poll.js'
import { isTransientError, retry } from '../util/poll.js'
import type { Clock } from '../util/clock.js'
import { errorMessage } from '../util/errors.js'
import { formatDuration } from '../util/format.js'

/** What an SDK client offers the adapters: `send`. Real clients fit; tests pass fakes. */
export interface AwsSender {
  send(command: object): Promise<unknown>
}

/** How hard to retry transient failures, on top of the SDK's own attempts. */
export interface AwsCallOptions {
  /** Retries after the first call (each call already includes the SDK's attempts). Default 3. */
  readonly retries?: number
  /** Backoff between our retries. Default 2 s, ×2, at most 30 s, ±20 %. */
  readonly backoff?: Partial<Backoff>
  readonly clock?: Clock
  readonly random?: () => number
  readonly signal?: AbortSignal
  /** Where "retrying" lines go (a phase's log). Default: nowhere. */
  readonly log?: (line: string) => void
}

/** An AWS API call that failed. `name` is AWS's code as the SDK names it; `message` is AWS's own message. */
export class AwsApiError extends Error {
  /** The API operation: `StartExportTask`. */
  readonly operation: string
  /** AWS's error code as the SDK names it (`ExportTaskAlreadyExistsFault`, `Throttling`), also in `name`. */
  readonly code: string
  /** HTTP status, when there was a response. */
  readonly httpStatus: number | undefined
  /** Requests made in total, the SDK's retries included. */
  readonly attempts: number

  /**
   * @param operation the API operation
   * @param cause what the SDK threw
   * @param attempts requests made in total
   */
  constructor(operation: string, cause: unknown, attempts: number) {
    super(errorMessage(cause), { cause })
    const e = (typeof cause === 'object' && cause !== null ? cause : {}) as Record<string, unknown>
    // AWS errors carry their code in `name` (SDK) or `Code` (wire); Node's network errors in `code`.
    const code = [e['name'], e['Code'], e['code']].find(
      (c): c is string => typeof c === 'string' && c !== '' && c !== 'Error'
    )
    const meta = e['$metadata'] as { httpStatusCode?: unknown } | undefined
    this.operation = operation
    this.code = code ?? 'Error'
    this.name = this.code
    this.httpStatus = typeof meta?.httpStatusCode === 'number' ? meta.httpStatusCode : undefined
    this.attempts = attempts
  }

  /** AWS's own line: `Code: message`. */
  get line(): string {
    return `${this.code}: ${this.message}`
  }
}

/**
 * Whether `e` is an AWS error with one of `codes`. The SDK appends `Fault` to some wire codes
 * (`ExportTaskAlreadyExists` → `ExportTaskAlreadyExistsFault`), so both spellings match.
 */
export function isAwsError(e: unknown, ...codes: string[]): boolean {
  if (typeof e !== 'object' || e === null) return false
  const name = (e as { name?: unknown }).name
  if (typeof name !== 'string') return false
  const bare = (s: string): string => s.replace(/Fault$/, '')
  return codes.some((c) => bare(c) === bare(name))
}

/** AWS's own line for any error: `Code: message` for AWS errors, the message otherwise. */
export function awsErrorLine(e: unknown): string {
  return e instanceof AwsApiError ? e.line : errorMessage(e)
}

function sdkAttempts(e: unknown): number {
  const meta = (e as { $metadata?: { attempts?: unknown } } | undefined)?.$metadata
  return typeof meta?.attempts === 'number' && meta.attempts > 0 ? meta.attempts : 1
}

/**
 * Runs one API call with bounded retries of transient failures.
 * @param operation the API operation, for messages
 * @param fn makes the call
 * @returns what the call returned
 * @throws AwsApiError (AWS's code and message) when the call fails for good; the abort reason when cancelled
 */
export async function callAws<T>(
  operation: string,
  fn: () => Promise<T>,
  opts: AwsCallOptions = {}
): Promise<T> {
  let attempts = 0
  try {
    return await retry(
      async () => {
        try {
          return await fn()
        } catch (e) {
          attempts += sdkAttempts(e)
          throw e
        }
      },
      {
        label: operation,
        retries: opts.retries ?? 3,
        backoff: { initialMs: 2000, maxMs: 30_000, factor: 2, jitter: 0.2, ...opts.backoff },
        onRetry: (e, attempt, delayMs) =>
          opts.log?.(
            `${operation}: ${new AwsApiError(operation, e, attempts).line}; retrying in ${formatDuration(delayMs)} (retry ${attempt} of ${opts.retries ?? 3})`
          ),
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.random ? { random: opts.random } : {}),
        ...(opts.signal ? { signal: opts.signal } : {})
      }
    )
  } catch (e) {
    if (opts.signal?.aborted || e instanceof AwsApiError) throw e
    // A DOMException-like abort from the SDK's own handler is a cancellation, not an AWS failure.
    if ((e as { name?: unknown } | undefined)?.name === 'AbortError') throw e
    throw new AwsApiError(operation, e, Math.max(attempts, 1))
  }
}

/** Whether an AWS failure was throttling or another transient fault that outlasted every retry. */
export function isExhaustedTransient(e: unknown): boolean {
  return e instanceof AwsApiError && isTransientError(e.cause)
}
