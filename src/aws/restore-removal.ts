// Removing a restored copy: DeleteDBInstance, then DeleteDBCluster with SkipFinalSnapshot. Used by the main step's
// `finally` and by the post step, so it must work whatever state the copy is in: RDS refuses DeleteDBCluster while the
// cluster is still `creating` and while it "still contains DB instances in non-deleting state"
// (InvalidDBClusterStateFault), and refuses DeleteDBInstance of an instance it is already deleting
// (InvalidDBInstanceState) — so each call is tried again on those answers until a deadline, and "not found" is done.
import { awsErrorLine, isAwsError } from './aws-call.js'
import type { RestoreRds } from './restore.js'
import type { Clock } from '../util/clock.js'
import { formatDuration } from '../util/format.js'

/** The names of one restored copy. */
export interface RestoredCopyIds {
  readonly cluster: string
  readonly instance: string
}

/** How long and how often to try. */
export interface RemovalOptions {
  readonly clock: Clock
  /** Give up after this long, ms. */
  readonly deadlineMs: number
  /** Between tries, ms. Default 5 s. */
  readonly intervalMs?: number
  readonly log: (line: string) => void
}

/** What was done: each resource `deleted` (deletion started), `gone` (already absent) or the last refusal. */
export interface RemovalResult {
  readonly instance: 'deleted' | 'gone'
  readonly cluster: 'deleted' | 'gone'
}

/** RDS refusals that mean "not yet": the copy is still being created, or its instance is still being deleted. */
const NOT_YET = [
  'InvalidDBClusterStateFault',
  'InvalidDBInstanceStateFault',
  'InvalidDBInstanceState'
]

async function untilAccepted(
  what: string,
  call: () => Promise<boolean>,
  opts: RemovalOptions,
  until: number,
  acceptRefusal?: (e: unknown) => Promise<boolean>
): Promise<'deleted' | 'gone'> {
  for (;;) {
    try {
      return (await call()) ? 'deleted' : 'gone'
    } catch (e) {
      if (await acceptRefusal?.(e)) return 'deleted'
      if (!isAwsError(e, ...NOT_YET) || opts.clock.now() >= until) {
        throw new Error(`${what} failed: ${awsErrorLine(e)}`, { cause: e })
      }
      opts.log(`${what}: ${awsErrorLine(e)}; trying again.`)
      await opts.clock.sleep(opts.intervalMs ?? 5000)
    }
  }
}

/**
 * Deletes a restored copy's instance, then its cluster (no final snapshot). Deletion is started, not awaited: RDS
 * finishes it on its own and bills no more once the instance is `deleting`.
 * @throws Error naming the call and AWS's own line when RDS keeps refusing until the deadline, or fails otherwise
 */
export async function removeRestoredCopy(
  rds: RestoreRds,
  ids: RestoredCopyIds,
  opts: RemovalOptions
): Promise<RemovalResult> {
  const until = opts.clock.now() + opts.deadlineMs
  const instance = await untilAccepted(
    `Deleting DB instance ${ids.instance}`,
    () => rds.deleteInstance(ids.instance),
    opts,
    until,
    // "Instance … is already being deleted.": an earlier removal (main step, then post step) started it.
    (e) =>
      Promise.resolve(
        isAwsError(e, 'InvalidDBInstanceState') && /already being deleted/i.test(String(e))
      )
  )
  const cluster = await untilAccepted(
    `Deleting DB cluster ${ids.cluster}`,
    () => rds.deleteCluster(ids.cluster),
    opts,
    until,
    // A cluster an earlier removal already started deleting is refused the same way as one still creating.
    async (e) =>
      isAwsError(e, 'InvalidDBClusterStateFault') &&
      (await rds.describeClusterSettings(ids.cluster).catch(() => undefined))?.status === 'deleting'
  )
  opts.log(
    `Restored copy ${ids.cluster}: instance ${instance === 'gone' ? 'already gone' : 'deleting'}, cluster ${cluster === 'gone' ? 'already gone' : 'deleting'} (within ${formatDuration(Math.max(0, opts.clock.now() - (until - opts.deadlineMs)))}).`
  )
  return { instance, cluster }
}
