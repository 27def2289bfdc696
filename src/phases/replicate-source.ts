// What the replicate phase does about the DM source registered under dm-source-id: create it, reuse it, register it
// again, or refuse with the fix (planSource explains why, from DM's own source).
import type { SourceComparison } from '../tidb/dm/source-compare.js'
import type { DmTaskListEntry } from '../tidb/dm/status.js'

/** What to do about the DM source: create it, reuse or re-create the registered one, or refuse with a message. */
export type SourcePlan =
  | { readonly action: 'create'; readonly unverified?: string }
  | {
      readonly action: 'reuse'
      readonly why: string
      /** The fix to name should DM then deny access with the registered settings. */
      readonly fix: string
    }
  | { readonly action: 'recreate'; readonly why: string }
  | { readonly action: 'refuse'; readonly message: string }

/** A DM task that uses the source (from `query-status` without a task). */
export interface SourceUser {
  readonly name: string
  /** As listed, e.g. `Running`, `Error - …`. */
  readonly status: string
}

/**
 * Decides from `get-config source <id>` and the tasks that use the source what to do with it.
 *
 * DM cannot change a registered source: dm-master answers `operate-source update` with "Update worker config is not
 * supported by dm-ha now" (tiflow dm/master/server.go OperateSource, SourceOp_UpdateSource), and DM's own tests change
 * a source by `operate-source stop` then `create` (tiflow dm/tests/incremental_mode/run.sh). It prints the password
 * as ****** (GetCfg), so a changed password cannot be seen. Hence:
 * - same endpoint, user and GTID setting, no task uses it: stop it and register it again with this run's settings,
 *   always. Whether it was created by this action cannot be told (dm-source-id is an input with a fixed default, not
 *   named from the run key), but a source no task uses holds nothing a task needs (checkpoints live with tasks; a relay log, if any, restarts), and
 *   re-registering is the only way to be sure the password DM connects with is the current one.
 * - same, used by tasks: DM refuses to stop it (tiflow dm/master/scheduler/scheduler.go RemoveSourceCfg,
 *   ErrSchedulerSourceOpTaskExist), and one source normally serves many tasks (refusing would refuse every second
 *   migration of a cluster), so it is reused; `fix` names the tasks to stop should DM's pre-check then be denied
 *   access with the registered settings (the caller refuses with it, before the task starts).
 * - another endpoint, user or GTID setting under the id: not provably this action's, never removed: refuse.
 * - unreadable config (an old DM without get-config): try to create; `unverified` holds why the caller must refuse
 *   rather than reuse something it could not compare should DM say the id exists.
 * @param users tasks using the source; undefined when they could not be listed
 */
export function planSource(
  comparison: SourceComparison,
  sourceId: string,
  masterAddr: string,
  users?: readonly SourceUser[]
): SourcePlan {
  const named = users?.map((u) => `${u.name} (${u.status})`).join(', ') ?? ''
  const stopTasks =
    users === undefined || users.length === 0
      ? ''
      : `stop the tasks on source ${sourceId} (${users.map((u) => `dmctl --master-addr ${masterAddr} stop-task ${u.name}`).join('; ')}), then `
  const removeFix = `${stopTasks}remove the old source (dmctl --master-addr ${masterAddr} operate-source stop ${sourceId})`
  switch (comparison.status) {
    case 'absent':
      return { action: 'create' }
    case 'different':
      return {
        action: 'refuse',
        message:
          `DM source '${sourceId}' (input dm-source-id) is already registered on the DM-master at ${masterAddr} ` +
          `with another configuration: ${comparison.reason}${named === '' ? '' : `; DM tasks use it: ${named}`}. ` +
          `Set dm-source-id to an unused id, or ${removeFix} and re-run.`
      }
    case 'unknown':
      return { action: 'create', unverified: comparison.reason }
    case 'same':
      break
  }
  if (users !== undefined && users.length === 0) {
    return {
      action: 'recreate',
      why:
        'no DM task uses it, and DM neither shows its password (******) nor updates a registered source, so it is ' +
        "stopped and registered again with this run's settings"
    }
  }
  return {
    action: 'reuse',
    why:
      users === undefined
        ? 'the DM tasks using it could not be listed, so it is not registered again'
        : `DM tasks ${named} use it, so it cannot be registered again`,
    fix: `DM cannot update a registered source and does not show its password: ${removeFix}, then re-run`
  }
}

/** The tasks of `query-status` (list form) that use the source. */
export function sourceUsers(tasks: readonly DmTaskListEntry[], sourceId: string): SourceUser[] {
  return tasks
    .filter((t) => t.sources.includes(sourceId))
    .map((t) => ({ name: t.name, status: t.status }))
}

/** The message when the source exists but its config could not be read to compare it. */
export function unverifiedSourceMessage(
  sourceId: string,
  masterAddr: string,
  reason: string
): string {
  return (
    `DM source '${sourceId}' (input dm-source-id) already exists on the DM-master at ${masterAddr}, and its ` +
    `configuration could not be read to check that it is this source (${reason}). Set dm-source-id to an unused ` +
    `id, or remove the old source (dmctl operate-source stop ${sourceId}) if no task uses it.`
  )
}
