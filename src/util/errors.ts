// Error types shared by every part of the action, and one way to turn anything thrown into a message.
//
// The rule: throw anywhere, catch once in run(); record first, fail last. A phase fails
// with a PhaseError that carries the tool's own error line and the tail of its output, so the summary can show
// the user what the tool said instead of "exit code 1".

/**
 * The message of anything thrown: an Error's message, a string as is, anything else as JSON (or String()).
 * Never throws and never returns an empty string, so `core.setFailed(errorMessage(e))` always says something.
 */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name
  // Error-like objects from another realm (a vm context, a worker) fail instanceof but carry a message.
  if (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { message?: unknown }).message === 'string'
  ) {
    const message = (e as { message: string }).message
    if (message) return message
  }
  if (typeof e === 'string') return e || 'unknown error'
  if (e === undefined || e === null) return 'unknown error'
  try {
    const json = JSON.stringify(e)
    if (json !== undefined && json !== '{}') return json
  } catch {
    // circular or BigInt: fall through to String()
  }
  switch (typeof e) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(e)
    default:
      return Object.prototype.toString.call(e)
  }
}

/**
 * The message of an error followed by its `cause` chain ("a: caused by b: caused by c"), for `core.debug`.
 * Stops after 10 links so a cyclic chain cannot hang the report.
 */
export function errorChain(e: unknown): string {
  const parts: string[] = []
  let current: unknown = e
  for (let i = 0; i < 10 && current !== undefined && current !== null; i++) {
    parts.push(errorMessage(current))
    current = current instanceof Error ? current.cause : undefined
  }
  return parts.join(': caused by ')
}

/** What a PhaseError carries besides its message. */
export interface PhaseErrorDetails {
  /** The tool's own error line (e.g. Lightning's `[ERROR] ... ["restore failed"]`), shown verbatim in the summary. */
  readonly toolLine?: string | undefined
  /** The last lines of the tool's output, oldest first. */
  readonly tail?: readonly string[] | undefined
  /** The lower-level error, kept for `core.debug`. */
  readonly cause?: unknown
}

/** A phase failed. `phase` is the phase id (`schema-export`, `data-import`, …). */
export class PhaseError extends Error {
  override readonly name = 'PhaseError'
  readonly phase: string
  readonly toolLine: string | undefined
  readonly tail: readonly string[] | undefined

  /**
   * @param phase the id of the phase that failed
   * @param message a sentence for the user: what failed and what to do
   * @param details the tool's own error line, the log tail and the cause
   */
  constructor(phase: string, message: string, details: PhaseErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.phase = phase
    this.toolLine = details.toolLine
    this.tail = details.tail
  }
}

/** The run (or one wait inside it) was cancelled: the action got SIGINT/SIGTERM or an AbortSignal fired. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError'
  /** The process signal that cancelled the run, when there was one. */
  readonly signal: NodeJS.Signals | undefined

  /**
   * @param message what was cancelled
   * @param signal the process signal behind it, if any
   */
  constructor(message: string, signal?: NodeJS.Signals) {
    super(message)
    this.signal = signal
  }
}

/** A wait ran past its deadline. `lastSeen` describes the last state observed, for the error message. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError'
  readonly lastSeen: string | undefined

  /**
   * @param message what timed out, after how long
   * @param lastSeen the last state observed, if any
   */
  constructor(message: string, lastSeen?: string) {
    super(message)
    this.lastSeen = lastSeen
  }
}

/** Something this version of the action does not do yet. Fails the run with a clear message instead of pretending. */
export class NotImplementedError extends Error {
  override readonly name = 'NotImplementedError'
}

/**
 * The error an aborted AbortSignal stands for: its reason when that is an Error, else a CancelledError.
 * @param signal an aborted signal
 * @param what what was being done, for the message
 */
export function abortError(signal: AbortSignal, what: string): Error {
  const reason: unknown = signal.reason
  if (reason instanceof Error && reason.name !== 'AbortError') return reason
  return new CancelledError(`${what} was cancelled`)
}
