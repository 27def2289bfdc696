// What the AWS phases (snapshot, export, verify) work with, injectable so unit tests can drive them with fakes
// and a manual clock. By default: the SDK clients of the inputs, with retries bound to the phase's log and signal.
//
// The SDK is loaded here, when a phase first needs it, not when the bundle starts: the RDS and S3 clients are
// megabytes of code (the bundle's start-up grew from ~0.2 s to ~0.9 s with them imported statically), and a run
// that fails its inputs, or a DM operation, never needs them (the bench's cold-start metric).
import type { PhaseContext } from '../orchestrator/phase.js'
import {
  AwsApiError,
  isExhaustedTransient,
  type AwsCallOptions,
  type AwsSender
} from '../aws/aws-call.js'
import type { Rds } from '../aws/rds.js'
import type { S3 } from '../aws/s3.js'
import { effectiveS3Endpoint } from '../aws/endpoint.js'
import { systemClock, type Clock } from '../util/clock.js'
import { DeadlineError, PhaseError, errorMessage } from '../util/errors.js'
import { formatDuration } from '../util/format.js'
import { poll, type PollOptions } from '../util/poll.js'

/** Optional replacements for the phases' AWS access and time. */
export interface AwsPhaseDeps {
  readonly rds?: Rds
  readonly s3?: S3
  readonly clock?: Clock
  readonly random?: () => number
  /** Retry bounds of the default adapters (tests shorten them). */
  readonly retry?: Pick<AwsCallOptions, 'retries' | 'backoff'>
  /** Clients for the default adapters (tests pass fakes, or clients with other SDK retry settings). */
  readonly clients?: { readonly rds: AwsSender; readonly s3: AwsSender }
}

/** The adapters and clock a phase uses. */
export interface AwsPhaseKit {
  readonly rds: Rds
  readonly s3: S3
  readonly clock: Clock
  readonly random: () => number
  /** Whether S3 is Amazon's own (no custom endpoint), so S3 console links work. */
  readonly amazonS3: boolean
}

/** Builds the adapters for one phase run; SDK clients are only created when an adapter is not injected. */
export async function awsKit(ctx: PhaseContext, deps: AwsPhaseDeps = {}): Promise<AwsPhaseKit> {
  const [{ createAwsClients }, { createRds }, { createS3 }] = await Promise.all([
    import('../aws/clients.js'),
    import('../aws/rds.js'),
    import('../aws/s3.js')
  ])
  const clock = deps.clock ?? systemClock
  const random = deps.random ?? Math.random
  const opts: AwsCallOptions = {
    ...deps.retry,
    clock,
    random,
    signal: ctx.signal,
    log: (line) => ctx.log.info(line)
  }
  let clients: { readonly rds: AwsSender; readonly s3: AwsSender } | undefined = deps.clients
  const get = (): { rds: AwsSender; s3: AwsSender } =>
    (clients ??= createAwsClients(ctx.inputs.aws))
  return {
    rds: deps.rds ?? createRds(get().rds, opts),
    s3: deps.s3 ?? createS3(get().s3, opts),
    clock,
    random,
    amazonS3: effectiveS3Endpoint(ctx.inputs.aws) === undefined
  }
}

/**
 * The error a phase throws when an AWS call failed: our sentence with AWS's own line (`Code: message`) as the
 * tool line. Anything that is not an AWS failure (a cancellation, a bug) passes through unchanged.
 * @param phase the phase id
 * @param what what was being done: `Starting export task x`
 * @param e what the adapter threw
 * @param advice a sentence on what to do, appended
 */
export function awsPhaseError(phase: string, what: string, e: unknown, advice = ''): Error {
  if (!(e instanceof AwsApiError)) return e instanceof Error ? e : new Error(errorMessage(e))
  const tail = advice === '' ? '' : ` ${advice}`
  const message = isExhaustedTransient(e)
    ? `${what} failed: AWS kept answering ${e.operation} with ${e.line} (${e.attempts} requests, every retry used).${tail}`
    : `${what} failed: ${e.line}${tail}`
  return new PhaseError(phase, message, { toolLine: e.line, cause: e })
}

/** Awaits an AWS call, turning its failure into {@link awsPhaseError}. */
export async function orFail<T>(phase: string, what: string, call: Promise<T>): Promise<T> {
  try {
    return await call
  } catch (e) {
    throw awsPhaseError(phase, what, e)
  }
}

/**
 * Polls with the kit's clock and the phase's signal (util/poll.ts `poll`); a deadline becomes `onDeadline`'s error,
 * an AWS failure {@link awsPhaseError}.
 * @param phase the phase id
 * @param kit the phase's clock
 * @param opts what to poll and how
 * @param onDeadline the error to fail with at the deadline: what was reached and what to do
 */
export async function pollInPhase<T>(
  ctx: PhaseContext,
  phase: string,
  kit: Pick<AwsPhaseKit, 'clock' | 'random'>,
  opts: Omit<PollOptions<T>, 'clock' | 'random' | 'signal'>,
  onDeadline: (e: DeadlineError) => Error
): Promise<T> {
  try {
    return await poll({
      onTransient: (e, delayMs) =>
        ctx.log.info(
          `Waiting for ${opts.label}: AWS answered ${e instanceof AwsApiError ? e.line : errorMessage(e)} even after retries; not a reason to stop waiting: asking again in ${formatDuration(delayMs)}.`
        ),
      ...opts,
      clock: kit.clock,
      random: kit.random,
      signal: ctx.signal
    })
  } catch (e) {
    if (e instanceof DeadlineError) throw onDeadline(e)
    throw awsPhaseError(phase, `Waiting for ${opts.label}`, e)
  }
}
