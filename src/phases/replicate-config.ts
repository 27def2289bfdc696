// What the replicate phase asks DM for, derived from the inputs and what earlier phases learned: the source config,
// the incremental task config (block-allow-list from the same `filter` the schema export used, `meta` from the
// recorded binlog position), and whether an already registered source may be reused. Pure.
import type { Inputs } from '../inputs/types.js'
import type { DmSourceConfigInput, DmTaskConfigInput } from '../tidb/dm/config.js'
import type { TableFilter } from '../table-filter/parse.js'
import { dmName, translateFilter, type DmBlockAllowList } from '../table-filter/translate.js'
import type {
  CapturedBinlog,
  MigrationState,
  SelectedTable,
  SourceFacts
} from './migration-state.js'
import { dmTaskNameFor } from './names.js'

/** The DM task of a run: `dm-task-name`, else the name derived from the run key. */
export function dmTaskName(inputs: Pick<Inputs, 'dm'>, runKey: string): string {
  return inputs.dm.taskName ?? dmTaskNameFor(runKey)
}

/**
 * Whether `start-task` gets `--remove-meta`. DM keeps a task's checkpoint in the downstream
 * `<meta-schema>.<task>_syncer_checkpoint` table (pingcap/tiflow dm/syncer/checkpoint.go), `stop-task` leaves it
 * there, and a task started under the same name resumes from that checkpoint and ignores its `meta` (the task
 * configuration's start position applies only when no checkpoint exists). So a run that starts DM from the
 * position it recorded removes any checkpoint first (`start-task --remove-meta`, PingCAP's "Create a Data Migration
 * Task": remove the task's previous metadata) — except a resumed attempt of the same run under the run key's own
 * task name: a checkpoint of that name can only be this run's, which started from this same position and has got
 * further; dropping it would replay from the start. (A re-run that finds its task still in DM re-attaches and
 * calls no start-task at all.) A user-chosen `dm-task-name` may carry anyone's checkpoint: always removed.
 */
export function removeMetaOnStart(
  inputs: Pick<Inputs, 'dm'>,
  state: Pick<MigrationState, 'resumed'>
): { readonly removeMeta: boolean; readonly why: string } {
  if (state.resumed !== undefined && inputs.dm.taskName === undefined) {
    return {
      removeMeta: false,
      why: "this run continues an earlier attempt: a checkpoint of the run key's task is that attempt's, which DM resumes from"
    }
  }
  return {
    removeMeta: true,
    why: 'with --remove-meta: a checkpoint left by an earlier task of this name would otherwise override the recorded start position'
  }
}

/**
 * The source config: `dm-source-id`, the source endpoint, GTID on only when the source writes GTIDs DM can start from.
 * @param source what precheck learned of the source; without it GTID stays off and DM detects the flavour itself
 */
export function sourceConfigFor(
  inputs: Pick<Inputs, 'dm' | 'source'>,
  source: SourceFacts | undefined
): DmSourceConfigInput {
  const { host, port, user, password } = inputs.source
  return {
    sourceId: inputs.dm.sourceId,
    enableGtid: source?.gtidEnabled ?? false,
    from: { host, port, user, password },
    ...(source === undefined ? {} : { flavor: source.flavor })
  }
}

/** DM's block-allow-list for the filter, and how faithfully it selects the filter's tables. */
export interface DmSelection {
  readonly list: DmBlockAllowList
  /** True when DM replicates exactly the tables the schema export and the data import took. */
  readonly exact: boolean
  /** Why it is built the way it is, for the log. */
  readonly notes: readonly string[]
}

/**
 * The block-allow-list for the `filter` input. Exact-name filters translate exactly. A filter with patterns cannot
 * be said in DM's language without selecting more (whole databases), and DM fails on changes to a table that was
 * never imported, so then the tables the filter selected on the source are listed one by one (tables created
 * later are not replicated). Without that list the wider translation is used, and `exact` is false.
 * @param filter the `filter` input's rules
 * @param tables the tables the filter selected on the source (precheck), if known
 */
export function dmSelectionFor(
  filter: TableFilter,
  tables: readonly SelectedTable[] | undefined
): DmSelection {
  const t = translateFilter(filter)
  const bal = t.blockAllowList
  if (bal !== undefined && t.blockAllowListExact) {
    return {
      list: bal,
      exact: true,
      notes: []
    }
  }
  if (tables !== undefined && tables.length > 0) {
    return {
      list: {
        doDbs: [...new Set(tables.map((x) => dmName(x.database)))],
        doTables: tables.map((x) => ({ dbName: dmName(x.database), tblName: dmName(x.table) })),
        ignoreTables: []
      },
      exact: true,
      notes: [
        ...t.notes,
        `so DM's block-allow-list names the ${tables.length} table(s) the filter selected on the source; tables created later are not replicated`
      ]
    }
  }
  return {
    list: {
      doDbs: bal?.doDbs ?? [],
      doTables: bal?.doTables ?? [],
      ignoreTables: []
    },
    exact: false,
    notes: t.notes
  }
}

/**
 * How long DM's syncer runs in safe mode, as the task config's `syncers.<name>.safe-mode` and `safe-mode-duration`
 * say it. DM (tiflow dm/syncer/safe_mode.go, enableSafeModeInitializationPhase) keeps a task with `safe-mode: true` in
 * safe mode for good; with `false` it turns safe mode on for `safe-mode-duration` of wall-clock time after each start
 * or resume of the syncer, default twice `checkpoint-flush-interval`, 60s (dm/config/task.go, defaultSafeModeDuration).
 */
export interface SafeModePlan {
  readonly safeMode: boolean
  readonly safeModeDuration?: string
  /** Why, for the log. */
  readonly why: string
  /** Set when the user's `safe-mode-duration` may end safe mode before DM has replayed rows the target holds. */
  readonly warning?: string
}

/** DM's own default `safe-mode-duration` (tiflow dm/config/task.go: 2 × checkpoint-flush-interval of 30s). */
export const DM_DEFAULT_SAFE_MODE_DURATION = '60s'

/**
 * Chooses safe mode for the task. `replays` is true when DM will apply changes the target already holds: it starts
 * from the position recorded before the snapshot (PingCAP's documented procedure, so the changes between it and the
 * snapshot are in the import too), or tables were copied after that start. Then safe mode stays on for the whole task
 * unless the user set `safe-mode-duration`: a wall-clock window cannot know when the replay of that gap ends. From
 * the snapshot's own position (announced by its restored copy) nothing is replayed twice, so DM's default window
 * after a start or resume is enough, and the rest of the stream is applied with plain INSERT/UPDATE, which is faster.
 */
export function safeModeFor(dm: Inputs['dm'], replays: boolean): SafeModePlan {
  if (dm.safeModeDuration !== undefined) {
    return {
      safeMode: false,
      safeModeDuration: dm.safeModeDuration,
      why: `for ${dm.safeModeDuration} after each start or resume (input safe-mode-duration)`,
      ...(replays
        ? {
            warning: `safe-mode-duration is ${dm.safeModeDuration}, but DM replays changes the target already holds (from the position recorded before the snapshot, or into copied tables): any it applies after safe mode ends fail with duplicate keys and pause the task. Leave safe-mode-duration empty to keep safe mode on for the whole task.`
          }
        : {})
    }
  }
  if (!dm.safeMode)
    return { safeMode: false, why: "only for DM's default window (safe-mode: false)" }
  if (replays) {
    return {
      safeMode: true,
      why: 'for the whole task, because DM replays changes the target already holds'
    }
  }
  return {
    safeMode: false,
    safeModeDuration: DM_DEFAULT_SAFE_MODE_DURATION,
    why: `for ${DM_DEFAULT_SAFE_MODE_DURATION} after each start or resume: DM starts from the snapshot's own position, so nothing is replayed twice`
  }
}

/** The incremental task config: from the start position, into the target, in safe mode as `plan` says. */
export function taskConfigFor(
  inputs: Pick<Inputs, 'dm' | 'target' | 'filter'>,
  name: string,
  binlog: CapturedBinlog,
  selection: DmSelection,
  plan: SafeModePlan
): DmTaskConfigInput {
  const { host, port, user, password } = inputs.target
  return {
    name,
    target: { host, port, user, password },
    sources: [
      {
        sourceId: inputs.dm.sourceId,
        meta: {
          binlogName: binlog.file,
          binlogPos: binlog.position,
          ...(binlog.gtid === undefined || binlog.gtid === '' ? {} : { binlogGtid: binlog.gtid })
        }
      }
    ],
    blockAllowList: selection.list,
    safeMode: plan.safeMode,
    ...(plan.safeModeDuration === undefined ? {} : { safeModeDuration: plan.safeModeDuration })
  }
}
