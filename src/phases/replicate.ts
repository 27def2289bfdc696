// Phase `replicate` (PingCAP's documented procedure, "Replicate incremental data to TiDB"): register the source with
// DM, check and start an incremental task from the binlog position recorded before the snapshot, and wait until it
// runs from there. Safe mode absorbs the changes made between the recorded position and the snapshot, which the
// import already holds.
//
// Order matters: the recorded binlog file is checked on the source before any DM call, so a run whose binlog was
// purged while the export and import ran changes nothing in DM. A re-run attempt that finds its task already in DM
// reports it instead of starting it twice.
import type { PhaseContext } from '../orchestrator/phase.js'
import {
  binlogFileAvailability,
  listBinaryLogs,
  purgedBinlogMessage
} from '../mysql/binary-logs.js'
import type { DbEndpoint } from '../inputs/types.js'
import type * as DmConfig from '../tidb/dm/config.js'
import type * as DmSourceCompare from '../tidb/dm/source-compare.js'
import { compareBinlogPositions } from '../tidb/dm/binlog.js'
import { taskListFromQuery, type RecordedPosition } from '../tidb/dm/status.js'
import {
  createDmctl,
  requireAnswered,
  requireOk,
  type Dmctl,
  type DmctlCall,
  type DmctlOptions
} from '../tidb/dm/dmctl.js'
import {
  checkFailures,
  describeCheckFailure,
  DM_ERROR,
  type DmctlOutput
} from '../tidb/dm/dmctl-output.js'
import type { Clock } from '../util/clock.js'
import { PhaseError } from '../util/errors.js'
import { formatDuration } from '../util/format.js'
import { describeTaskStatus, formatProcessError } from '../tidb/dm/status-text.js'
import { debugLog, publishTaskStatus } from './dm-report.js'
import { isBroken, runsFromRecorded, waitForTask } from '../tidb/dm/wait.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'
import { replicatedTables, selectionFilter } from './selection-filter.js'
import {
  dmSelectionFor,
  dmTaskName,
  removeMetaOnStart,
  sourceConfigFor,
  safeModeFor,
  taskConfigFor
} from './replicate-config.js'
import {
  planSource,
  sourceUsers,
  unverifiedSourceMessage,
  type SourceUser
} from './replicate-source.js'

const PHASE = 'replicate'

/** What the phase talks to; tests replace them. */
export interface ReplicateDeps {
  readonly dmctl?: (opts: DmctlOptions) => Dmctl
  readonly listBinaryLogs?: (source: DbEndpoint) => Promise<string[]>
  readonly clock?: Clock
  /** First interval between query-status checks, ms. */
  readonly pollIntervalMs?: number
}

/** The `replicate` phase. */
export function replicatePhase(state: MigrationState, deps: ReplicateDeps = {}): PhaseBody {
  return {
    id: PHASE,
    title: 'Incremental replication (DM)',
    async run(ctx) {
      const { inputs } = ctx
      const masterAddr = inputs.dm.masterAddr
      if (masterAddr === undefined) {
        throw new PhaseError(
          PHASE,
          "Input 'dm-master-addr' is empty: there is no DM-master to start replication on."
        )
      }
      const binlog = startPosition(ctx, state)
      if (binlog === undefined) {
        throw new PhaseError(
          PHASE,
          'No binlog position was recorded before the snapshot, so DM has no start position.'
        )
      }
      if (state.tiup === undefined)
        throw new PhaseError(PHASE, 'dmctl is not installed (the tiup phase did not run).')
      const task = dmTaskName(inputs, state.runKey)
      ctx.setOutput('dm-task', task)

      ctx.progress(`checking that ${binlog.file} is still on the source`)
      const logs = await (deps.listBinaryLogs ?? listBinaryLogs)(inputs.source)
      const availability = binlogFileAvailability(logs, binlog.file)
      if (!availability.available)
        throw new PhaseError(PHASE, purgedBinlogMessage(binlog.file, availability))
      ctx.log.info(
        `The recorded binlog file ${binlog.file} is still on the source (newest ${availability.newest ?? '?'}).`
      )

      if (state.restored?.binlog === undefined) noteSnapshotPosition(ctx, state)
      // The YAML library comes with the renderers and the source comparison, loaded when replication starts rather
      // than at bundle start-up.
      const config = {
        ...(await import('../tidb/dm/config.js')),
        ...(await import('../tidb/dm/source-compare.js'))
      }

      const dm = (deps.dmctl ?? createDmctl)({
        tiup: state.tiup,
        version: inputs.tools.tidbVersion,
        masterAddr,
        secrets: [inputs.source.password, inputs.target.password],
        signal: ctx.signal,
        log: (l) => ctx.log.info(l),
        ...debugLog(ctx),
        phase: PHASE
      })
      const files: string[] = []
      try {
        ctx.progress(`looking for DM task ${task}`)
        const existing = requireAnswered(PHASE, await dm.queryStatus(task))
        if (existing.found) {
          ctx.log.info(
            `DM task ${task} already exists (${describeTaskStatus(existing)}): not starting it again.`
          )
          ctx.record.note = `task ${task} was already in DM (an earlier attempt started it)`
        } else {
          const reusedFix = await ensureSource(ctx, config, dm, state, masterAddr, files)
          const selection = dmSelectionFor(selectionFilter(inputs, state), replicatedTables(state))
          selection.notes.forEach((n) => ctx.log.info(`Block-allow-list: ${n}`))
          if (!selection.exact) {
            ctx.log.warning(
              `DM's block-allow-list selects more tables than the filter (${selection.notes.join('; ')}); changes to tables that were not imported will make DM pause.`
            )
          }
          const safe = safeModeFor(inputs.dm, replaysImported(state))
          ctx.log.info(`DM runs in safe mode ${safe.why}.`)
          if (safe.warning !== undefined) ctx.log.warning(safe.warning)
          const yaml = config.renderTaskConfig(taskConfigFor(inputs, task, binlog, selection, safe))
          ctx.log.debug(`DM task config:\n${config.redactYaml(yaml)}`)
          const taskFile = await dm.writeConfig('task', yaml)
          files.push(taskFile)
          ctx.progress("running DM's pre-check (check-task)")
          const check = await dm.checkTask(taskFile)
          try {
            requirePrecheck(ctx, check, 'check-task')
          } catch (err) {
            // MySQL's ER_ACCESS_DENIED_ERROR text: the registered source's settings (an old password) are refused.
            if (
              reusedFix === undefined ||
              !(err instanceof PhaseError) ||
              !/Access denied/i.test(err.message)
            )
              throw err
            throw new PhaseError(PHASE, `${err.message}\n${reusedFix}`, err)
          }
          ctx.progress(`starting DM task ${task}`)
          const meta = removeMetaOnStart(inputs, state)
          ctx.log.info(`Starting DM task ${task} ${meta.why}.`)
          await startTask(ctx, dm, task, taskFile, meta.removeMeta)
          ctx.record.note = `task ${task} started from (${binlog.file}, ${binlog.position})${safe.safeMode ? ' in safe mode' : safe.safeModeDuration === undefined ? '' : `, in safe mode for ${safe.safeModeDuration}`}`
        }
        await waitUntilReplicating(ctx, dm, task, recordedOf(binlog), deps)
      } finally {
        const problems = await dm.removeFiles(files)
        problems.forEach((p) => ctx.log.debug(`could not remove a DM config file: ${p}`))
      }
    }
  }
}

/**
 * DM starts from the position recorded before the snapshot (PingCAP's documented procedure). When RDS also reported
 * the snapshot's own position, say how far apart they are, and warn when safe mode is off although changes between
 * the two will be replayed onto rows the import already holds.
 */
function noteSnapshotPosition(ctx: PhaseContext, state: MigrationState): void {
  const recorded = state.binlog
  const snap = state.snapshot?.binlog
  if (recorded === undefined || snap === undefined) return
  const order = compareBinlogPositions(
    { file: snap.file, pos: snap.position },
    { file: recorded.file, pos: recorded.position }
  )
  ctx.log.info(
    `The snapshot's own binlog position is (${snap.file}, ${snap.position}); DM starts from the recorded (${recorded.file}, ${recorded.position}).`
  )
  if (
    order !== undefined &&
    order > 0 &&
    !ctx.inputs.dm.safeMode &&
    ctx.inputs.dm.safeModeDuration === undefined
  ) {
    ctx.log.warning(
      'safe-mode is false, but DM replays the changes between the recorded position and the snapshot, which the import already holds: inserts among them fail with duplicate keys. Set safe-mode: true.'
    )
  }
}

/**
 * Whether DM will apply changes the target already holds: it starts from the position recorded before the snapshot
 * (the restored copy did not announce the snapshot's own), or tables were dumped and copied after the export.
 */
function replaysImported(state: MigrationState): boolean {
  return (
    state.restored?.binlog === undefined ||
    (state.skippedTables ?? []).some((t) => t.filled === 'copied')
  )
}

/**
 * Where DM starts: the snapshot's own position when the restored copy announced it (nothing in the export is
 * replayed), otherwise the position recorded before the snapshot. The copy's position is a file and offset only: its
 * GTID set is not announced, and DM derives one from the position when the source runs with GTIDs.
 */
function startPosition(
  ctx: PhaseContext,
  state: MigrationState
): MigrationState['binlog'] | undefined {
  const own = state.restored?.binlog
  if (own === undefined) return state.binlog
  ctx.log.info(
    `DM starts from the snapshot's own binlog position (${own.file}, ${own.position}), announced by its restored copy${state.binlog ? `; the position recorded before the snapshot was (${state.binlog.file}, ${state.binlog.position})` : ''}.`
  )
  return {
    file: own.file,
    position: own.position,
    gtid: undefined,
    capturedAt: state.binlog?.capturedAt ?? 0
  }
}

function recordedOf(binlog: NonNullable<MigrationState['binlog']>): RecordedPosition {
  return {
    file: binlog.file,
    pos: binlog.position,
    ...(binlog.gtid === undefined || binlog.gtid === '' ? {} : { gtid: binlog.gtid })
  }
}

/**
 * Registers the source; one already registered under `dm-source-id` is reused, registered again or refused as
 * planSource decides (from its config and the tasks that use it).
 * @returns for a reused source, the fix to add should DM's pre-check be denied access with its registered settings
 */
async function ensureSource(
  ctx: PhaseContext,
  config: typeof DmConfig & typeof DmSourceCompare,
  dm: Dmctl,
  state: MigrationState,
  masterAddr: string,
  files: string[]
): Promise<string | undefined> {
  const wanted = sourceConfigFor(ctx.inputs, state.source)
  const id = wanted.sourceId
  ctx.progress(`looking for DM source ${id}`)
  const comparison = config.compareSourceConfig((await dm.getSourceConfig(id)).output, wanted)
  const exists = comparison.status === 'same' || comparison.status === 'different'
  const plan = planSource(comparison, id, masterAddr, exists ? await usersOf(dm, id) : undefined)
  if (plan.action === 'refuse') throw new PhaseError(PHASE, plan.message)
  if (plan.action === 'reuse') {
    ctx.log.info(
      `DM source ${id} is already registered with this source's endpoint, user and GTID setting: reusing it (${plan.why}).`
    )
    return `If the source's settings changed since DM source ${id} was registered (a new password), ${plan.fix}.`
  }
  if (plan.action === 'recreate') {
    ctx.log.info(`DM source ${id} is already registered: ${plan.why}.`)
    ctx.progress(`removing DM source ${id} to register it again`)
    const stopped = await dm.stopSource(id)
    // A task started on it since the list (another job of the run), or one on an offline worker the list left out
    // (pingcap/tiflow#3348): DM keeps the source, and it is reused like any source tasks use.
    if (!stopped.output.ok && stopped.output.error.terror?.code === DM_ERROR.sourceHasTasks) {
      const said = stopped.output.error.message.replace(/\.$/, '')
      ctx.log.info(`DM kept source ${id} (${said}): reusing it.`)
      return (
        `If the source's settings changed since DM source ${id} was registered (a new password), DM cannot update ` +
        `a registered source: stop the tasks DM named (dmctl --master-addr ${masterAddr} stop-task <task>), then remove ` +
        `the old source (dmctl --master-addr ${masterAddr} operate-source stop ${id}), then re-run.`
      )
    }
    requireOk(PHASE, stopped, `Removing DM source ${id} (operate-source stop)`)
  }
  const yaml = config.renderSourceConfig(wanted)
  ctx.log.debug(`DM source config:\n${config.redactYaml(yaml)}`)
  const file = await dm.writeConfig('source', yaml)
  files.push(file)
  ctx.progress(`registering DM source ${id}`)
  const created = await dm.createSource(file)
  const out = created.output
  if (
    !out.ok &&
    plan.action === 'create' &&
    plan.unverified !== undefined &&
    out.error.terror?.code === DM_ERROR.sourceExists
  ) {
    throw new PhaseError(PHASE, unverifiedSourceMessage(id, masterAddr, plan.unverified), {
      toolLine: out.error.message
    })
  }
  if (
    !out.ok &&
    plan.action === 'recreate' &&
    out.error.terror?.code === DM_ERROR.sourceExists &&
    config.compareSourceConfig((await dm.getSourceConfig(id)).output, wanted).status === 'same'
  ) {
    // Registered again by another job of the run between the stop and this create, with the same settings.
    ctx.log.info(
      `DM source ${id} was registered again meanwhile with this source's settings: reusing it.`
    )
    return undefined
  }
  requireOk(PHASE, created, `Registering DM source ${id} (operate-source create)`)
  const worker = out.sources.find((s) => s.source === id)?.worker ?? ''
  if (worker === '') {
    ctx.log.warning(
      `DM source ${id} was registered but no DM-worker is free to serve it: ${out.sources[0]?.msg ?? out.msg}`
    )
  } else ctx.log.info(`DM source ${id} registered, served by ${worker}.`)
  return undefined
}

/** The tasks that use the source; undefined when query-status did not answer with a list. */
async function usersOf(dm: Dmctl, sourceId: string): Promise<SourceUser[] | undefined> {
  const out = (await dm.listTasks()).output
  return out.ok ? sourceUsers(taskListFromQuery(out), sourceId) : undefined
}

/**
 * Fails with DM's pre-check items, one by one (also added to the report's checks), when the pre-check failed;
 * warns for each warned item when it passed with warnings.
 */
function requirePrecheck(
  ctx: PhaseContext,
  call: DmctlCall,
  command: 'check-task' | 'start-task'
): DmctlOutput {
  const out = call.output
  const items = checkFailures(out.checkDetail)
  for (const f of items) {
    ctx.report.checks.push({
      id: `dm.precheck.${f.id ?? f.name.replace(/\W+/g, '-')}`,
      title: `DM pre-check: ${f.desc || f.name}`,
      status: f.state,
      reason: describeCheckFailure(f)
    })
  }
  if (out.ok) {
    items
      .filter((f) => f.state === 'warn')
      .forEach((f) => ctx.log.warning(`DM pre-check: ${describeCheckFailure(f)}`))
    return out
  }
  const failed = items.filter((f) => f.state === 'fail')
  if (failed.length === 0) return requireOk(PHASE, call, `DM's pre-check (${command})`)
  throw new PhaseError(
    PHASE,
    `DM's pre-check (${command}) failed: ${failed.map((f) => `\n- ${describeCheckFailure(f)}`).join('')}`,
    { toolLine: out.error.terror?.text ?? out.error.message, tail: call.tail }
  )
}

/** start-task; "already exists" counts as started only when query-status then finds the task. */
async function startTask(
  ctx: PhaseContext,
  dm: Dmctl,
  task: string,
  file: string,
  removeMeta: boolean
): Promise<void> {
  const started = await dm.startTask(file, { removeMeta })
  const out = started.output
  if (!out.ok && out.error.terror?.code === DM_ERROR.subtaskExists) {
    const again = await dm.queryStatus(task)
    if (again.status.found) {
      ctx.log.info(`DM says task ${task} already exists (${again.status.stage}): using it.`)
      return
    }
  }
  if (!out.ok && out.checkDetail !== undefined) requirePrecheck(ctx, started, 'start-task')
  requireOk(PHASE, started, `Starting DM task ${task} (start-task)`)
  ctx.log.info(`DM task ${task} started.`)
}

/** Waits for Running from the recorded position; fails with DM's own error when the task pauses with one. */
async function waitUntilReplicating(
  ctx: PhaseContext,
  dm: Dmctl,
  task: string,
  recorded: RecordedPosition,
  deps: ReplicateDeps
): Promise<void> {
  const deadlineMs = ctx.inputs.timeouts.dmSyncMs
  const query = async () => requireAnswered(PHASE, await dm.queryStatus(task))
  const result = await waitForTask(`DM task ${task}`, query, runsFromRecorded(recorded), isBroken, {
    deadlineMs,
    ...(deps.pollIntervalMs === undefined ? {} : { intervalMs: deps.pollIntervalMs }),
    ...(deps.clock === undefined ? {} : { clock: deps.clock }),
    signal: ctx.signal,
    onStatus: (s) => ctx.progress(describeTaskStatus(s))
  })
  const s = result.status
  publishTaskStatus(ctx, s)
  if (result.outcome === 'reached') return
  const error = s.errors[0]
  if (error !== undefined) {
    throw new PhaseError(
      PHASE,
      `DM task ${task} stopped replicating: ${formatProcessError(error)}`,
      {
        toolLine: formatProcessError(error)
      }
    )
  }
  if (result.outcome === 'failed') {
    throw new PhaseError(PHASE, `DM task ${task} is ${describeTaskStatus(s)}.`, {
      toolLine: s.message || undefined
    })
  }
  throw new PhaseError(
    PHASE,
    `DM task ${task} was not running from the recorded position (${recorded.file}, ${recorded.pos}) after ` +
      `${formatDuration(deadlineMs)} (input dm-sync-timeout-minutes); last seen: ${describeTaskStatus(s)}.`
  )
}
