// The end of a restored copy: removed when the run ends — by the main step's `finally` after success, failure or
// cancel, and again by the post step from the recorded action state (a main step killed before its `finally` ends,
// or a removal that failed) — unless `keep-restored-copy` keeps it, which is said in the log and the summary.
import type { RestoreRds } from '../aws/restore.js'
import { systemClock, type Clock } from '../util/clock.js'
import { errorMessage } from '../util/errors.js'
import { saveState, type RestoredCopyRecord } from '../util/state.js'

/** How long removal keeps trying while RDS refuses (a cluster still being created): 15 minutes. */
export const REMOVAL_DEADLINE_MS = 15 * 60_000

/** Where removal reports, and how it reaches RDS (tests inject both). */
export interface RemovalDeps {
  readonly log: (line: string) => void
  readonly warn: (message: string) => void
  readonly clock?: Clock
  readonly rdsFor?: (region: string) => Promise<RestoreRds>
}

async function defaultRds(region: string): Promise<RestoreRds> {
  const [{ createAwsClients }, { createRestoreRds }] = await Promise.all([
    import('../aws/clients.js'),
    import('../aws/restore.js')
  ])
  return createRestoreRds(createAwsClients({ region, s3Endpoint: undefined }).rds)
}

/**
 * Removes every recorded copy not marked `keep`, and records what is left (kept ones, failed removals) for the post
 * step. Never throws: a copy that could not be removed is a warning naming it, so the user can delete it.
 * @returns the copies still there (kept or not removed)
 */
export async function removeRestoredCopies(
  records: readonly RestoredCopyRecord[],
  deps: RemovalDeps
): Promise<RestoredCopyRecord[]> {
  const left: RestoredCopyRecord[] = []
  const { removeRestoredCopy } = await import('../aws/restore-removal.js')
  for (const r of records) {
    if (r.keep) {
      deps.warn(
        `keep-restored-copy is true: the restored copy ${r.cluster} (instance ${r.instance}) is kept and bills by the hour until you delete it (DeleteDBInstance, then DeleteDBCluster).`
      )
      left.push(r)
      continue
    }
    try {
      const rds = await (deps.rdsFor ?? defaultRds)(r.region)
      await removeRestoredCopy(rds, r, {
        clock: deps.clock ?? systemClock,
        deadlineMs: REMOVAL_DEADLINE_MS,
        log: deps.log
      })
    } catch (e) {
      deps.warn(
        `The restored copy ${r.cluster} (instance ${r.instance}) could not be removed: ${errorMessage(e)}. Delete it yourself: it bills by the hour.`
      )
      left.push(r)
    }
  }
  saveState('restored-copies', left)
  return left
}
