// Phase `restore`: a copy of the cluster snapshot, restored while the export runs (off the critical path). Its writer
// instance announces the snapshot's own binlog position as an RDS event (`Binlog position from crash recovery is
// <file> <position>`), the exact point DM starts from — nothing to replay twice, and a reused snapshot gets a
// position at all — and it is the consistent read-only copy `verify: checksum` compares the target with.
//
// The copy costs by the hour, so it is recorded for the post step before it is asked for and removed when the run
// ends (restore-cleanup.ts), whatever happened; `keep-restored-copy` keeps it.
import { awsErrorLine, isAwsError } from '../aws/aws-call.js'
import type { ClusterSettings, InstanceView, RestoreParams, RestoreRds } from '../aws/restore.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import { PhaseError } from '../util/errors.js'
import { formatDuration } from '../util/format.js'
import { saveState } from '../util/state.js'
import {
  awsKit,
  awsPhaseError,
  orFail,
  pollInPhase,
  type AwsPhaseDeps,
  type AwsPhaseKit
} from './aws-deps.js'
import { DEFAULT_RESTORE_CLASS, dmEnabled } from '../inputs/types.js'
import type { MigrationState, RestoredCopyFacts } from './migration-state.js'
import { restoredCopyIdsFor } from './names.js'
import type { PhaseBody } from './phase-body.js'

const PHASE = 'restore'

export { DEFAULT_RESTORE_CLASS } from '../inputs/types.js'

/** Statuses on the way to `available` (RDS API reference, DBCluster.Status / DBInstance.DBInstanceStatus). */
const PENDING = new Set([
  'creating',
  'backing-up',
  'modifying',
  'migrating',
  'preparing-data-migration',
  'configuring-enhanced-monitoring',
  'configuring-log-exports',
  'configuring-iam-database-auth',
  'rebooting',
  'starting',
  'upgrading',
  'resetting-master-credentials'
])

const POLL = { intervalMs: 5000, maxIntervalMs: 30_000, factor: 1.5, jitter: 0.1 }

/** How long the crash-recovery event is looked for once the instance is available. */
const EVENT_WAIT_MS = 120_000

/**
 * How far back the events of an instance an earlier attempt created are read: a day inside what RDS keeps (RDS API
 * reference, DescribeEvents: "Returns events related to DB instances … for the past 14 days").
 */
const EVENT_HISTORY_MS = 13 * 24 * 3600_000

/** Optional replacements (tests). */
export interface RestoreDeps extends AwsPhaseDeps {
  readonly restoreRds?: RestoreRds
}

async function restoreRdsFor(
  ctx: PhaseContext,
  deps: RestoreDeps,
  kit: AwsPhaseKit
): Promise<RestoreRds> {
  if (deps.restoreRds) return deps.restoreRds
  const [{ createAwsClients }, { createRestoreRds }] = await Promise.all([
    import('../aws/clients.js'),
    import('../aws/restore.js')
  ])
  const client = deps.clients?.rds ?? createAwsClients(ctx.inputs.aws).rds
  return createRestoreRds(client, {
    ...deps.retry,
    clock: kit.clock,
    random: kit.random,
    signal: ctx.signal,
    log: (line) => ctx.log.info(line)
  })
}

/** The source cluster's settings, which the copy inherits unless an input overrides them. */
async function sourceSettings(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  rds: RestoreRds,
  state: MigrationState
): Promise<ClusterSettings | undefined> {
  let cluster = ctx.inputs.aws.clusterIdentifier
  if (cluster === undefined && state.snapshot) {
    const s = await orFail(
      PHASE,
      'Reading the snapshot',
      kit.rds.describeClusterSnapshot(state.snapshot.identifier)
    )
    cluster = s?.clusterIdentifier
  }
  if (!cluster) return undefined
  const settings = await orFail(
    PHASE,
    `Reading cluster ${cluster}`,
    rds.describeClusterSettings(cluster)
  )
  if (!settings)
    ctx.log.warning(
      `The snapshot's cluster ${cluster} no longer exists: the copy gets the Region's default subnet group, security group and parameter group unless restore-* inputs name them (the default parameter group has binary logging off).`
    )
  return settings
}

function paramsFor(
  ctx: PhaseContext,
  state: MigrationState,
  src: ClusterSettings | undefined
): RestoreParams {
  const r = ctx.inputs.restore
  const ids = restoredCopyIdsFor(state.runKey)
  return {
    clusterIdentifier: ids.cluster,
    instanceIdentifier: ids.instance,
    snapshot: state.snapshot?.arn || (state.snapshot?.identifier ?? ''),
    engineVersion: src?.engineVersion,
    instanceClass: r.instanceClass ?? DEFAULT_RESTORE_CLASS,
    subnetGroup: r.subnetGroup ?? src?.subnetGroup,
    securityGroupIds: r.securityGroupIds ?? src?.securityGroupIds ?? [],
    parameterGroup: r.parameterGroup ?? src?.parameterGroup,
    tags: {
      'aurora-to-tidb:run-key': state.runKey,
      'aurora-to-tidb:purpose': 'restored copy of the snapshot'
    }
  }
}

async function startRestore(ctx: PhaseContext, rds: RestoreRds, p: RestoreParams): Promise<void> {
  try {
    await rds.restoreCluster(p)
    ctx.log.info(
      `Restoring cluster ${p.clusterIdentifier} from snapshot ${p.snapshot} (subnet group ${p.subnetGroup ?? 'default'}, security groups ${p.securityGroupIds.join(', ') || 'default'}, parameter group ${p.parameterGroup ?? 'default'}).`
    )
  } catch (e) {
    if (!isAwsError(e, 'DBClusterAlreadyExistsFault'))
      throw awsPhaseError(
        PHASE,
        `Restoring cluster ${p.clusterIdentifier} from snapshot ${p.snapshot}`,
        e
      )
    ctx.log.info(
      `Cluster ${p.clusterIdentifier} already exists (an earlier attempt of this run restored it): using it.`
    )
  }
}

async function waitCluster(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  rds: RestoreRds,
  id: string,
  deadlineMs: number
): Promise<void> {
  const c = await pollInPhase(
    ctx,
    PHASE,
    kit,
    {
      label: `restored cluster ${id}`,
      check: async () => (await rds.describeClusterSettings(id))?.status ?? 'missing',
      isDone: (s) => !PENDING.has(s),
      ...POLL,
      deadlineMs,
      describe: (s) => s,
      onProgress: (s) => ctx.progress(`restored cluster ${s}`)
    },
    (e) =>
      new PhaseError(
        PHASE,
        `Restored cluster ${id} was still ${e.lastSeen ?? 'not available'} after ${formatDuration(deadlineMs)} (snapshot-timeout-minutes).`,
        { cause: e }
      )
  )
  if (c !== 'available')
    throw new PhaseError(PHASE, `Restored cluster ${id} is ${c}, not available.`, {
      toolLine: `Status: ${c}`
    })
}

/** Creates the copy's instance; false when an earlier attempt of this run had created it. */
async function startInstance(
  ctx: PhaseContext,
  rds: RestoreRds,
  p: RestoreParams
): Promise<boolean> {
  try {
    await rds.createInstance(p)
    ctx.log.info(
      `Creating instance ${p.instanceIdentifier} (${p.instanceClass}) in cluster ${p.clusterIdentifier}.`
    )
    return true
  } catch (e) {
    if (!isAwsError(e, 'DBInstanceAlreadyExistsFault'))
      throw awsPhaseError(
        PHASE,
        `Creating instance ${p.instanceIdentifier} (${p.instanceClass})`,
        e
      )
    ctx.log.info(
      `Instance ${p.instanceIdentifier} already exists (an earlier attempt of this run created it): using it.`
    )
    return false
  }
}

async function waitInstance(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  rds: RestoreRds,
  id: string,
  deadlineMs: number
): Promise<InstanceView> {
  const missing: InstanceView = {
    identifier: id,
    clusterIdentifier: undefined,
    status: 'missing',
    instanceClass: undefined,
    endpoint: undefined
  }
  const i = await pollInPhase(
    ctx,
    PHASE,
    kit,
    {
      label: `instance ${id}`,
      check: async () => (await rds.describeInstance(id)) ?? missing,
      isDone: (v) => !PENDING.has(v.status),
      ...POLL,
      deadlineMs,
      describe: (v) => v.status,
      onProgress: (v) => ctx.progress(`restored instance ${v.status}`)
    },
    (e) =>
      new PhaseError(
        PHASE,
        `Instance ${id} of the restored copy was still ${e.lastSeen ?? 'not available'} after ${formatDuration(deadlineMs)} (snapshot-timeout-minutes).`,
        { cause: e }
      )
  )
  if (i.status !== 'available' || !i.endpoint)
    throw new PhaseError(
      PHASE,
      `Instance ${id} of the restored copy is ${i.status}${i.endpoint ? '' : ' without an endpoint'}, not available.`,
      { toolLine: `Status: ${i.status}` }
    )
  return i
}

/** Reads the crash-recovery position from the instance's events, looking again for a while after it came up. */
async function readPosition(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  instance: string,
  since: number
): Promise<RestoredCopyFacts['binlog']> {
  const { crashRecoveryPosition } = await import('../aws/restore.js')
  const until = kit.clock.now() + EVENT_WAIT_MS
  for (;;) {
    const events = await orFail(
      PHASE,
      `Reading the RDS events of instance ${instance}`,
      kit.rds.describeEvents({
        sourceType: 'db-instance',
        sourceIdentifier: instance,
        startTime: new Date(since - 60_000)
      })
    )
    const pos = crashRecoveryPosition(events)
    if (pos || kit.clock.now() >= until) return pos
    ctx.progress('waiting for the crash-recovery event')
    await kit.clock.sleep(10_000, ctx.signal)
  }
}

/** Whether nothing but the copy can give DM a correct start position: a reused snapshot, replicated with DM. */
function positionNeeded(ctx: PhaseContext, state: MigrationState): boolean {
  return dmEnabled(ctx.inputs) && state.snapshot?.reused === true
}

function noPosition(ctx: PhaseContext, state: MigrationState, p: RestoreParams): void {
  const why = `Instance ${p.instanceIdentifier} announced no 'Binlog position from crash recovery' event: binary logging is off in the copy's DB cluster parameter group ${p.parameterGroup ?? '(the default)'}`
  if (positionNeeded(ctx, state))
    throw new PhaseError(
      PHASE,
      `${why}, so the reused snapshot has no binlog position for DM to start from. Set restore-parameter-group to a DB cluster parameter group with binlog_format=ROW.`
    )
  ctx.log.warning(`${why}; DM starts from the position recorded before the snapshot.`)
}

/**
 * The `restore` phase.
 * @param state reads `snapshot` and `binlog`; sets `restored`
 * @param deps fakes and a clock for tests
 */
export function restorePhase(state: MigrationState, deps: RestoreDeps = {}): PhaseBody {
  return {
    id: PHASE,
    title: 'Restored copy of the snapshot',
    async run(ctx) {
      if (!state.snapshot)
        throw new PhaseError(PHASE, 'No snapshot to restore (the snapshot phase did not finish).')
      const kit = await awsKit(ctx, deps)
      const rds = await restoreRdsFor(ctx, deps, kit)
      const started = kit.clock.now()
      const deadlineMs = ctx.inputs.timeouts.snapshotMs
      const p = paramsFor(ctx, state, await sourceSettings(ctx, kit, rds, state))
      const ids = { cluster: p.clusterIdentifier, instance: p.instanceIdentifier }
      // Recorded before it exists, so the post step removes it even if this step is killed mid-call.
      state.restored = { ...ids, keep: ctx.inputs.restore.keep }
      saveState('restored-copies', [
        { ...ids, region: ctx.inputs.aws.region, keep: ctx.inputs.restore.keep }
      ])
      ctx.setOutput('restored-copy', JSON.stringify({ ...ids, kept: ctx.inputs.restore.keep }))
      await startRestore(ctx, rds, p)
      await waitCluster(ctx, kit, rds, ids.cluster, deadlineMs)
      // An instance an earlier attempt created (kept, or that attempt was cut short) announced its position then.
      const created = await startInstance(ctx, rds, p)
      const eventsSince = created ? started : kit.clock.now() - EVENT_HISTORY_MS
      const left = Math.max(1000, deadlineMs - (kit.clock.now() - started))
      const instance = await waitInstance(ctx, kit, rds, ids.instance, left)
      const endpoint = instance.endpoint ?? { address: '', port: 0 }
      state.restored = {
        ...state.restored,
        endpoint: { host: endpoint.address, port: endpoint.port }
      }
      ctx.log.info(
        `The restored copy is available at ${endpoint.address}:${endpoint.port} after ${formatDuration(kit.clock.now() - started)}.`
      )
      ctx.record.numbers.push({
        label: 'restore',
        value: Math.round((kit.clock.now() - started) / 1000),
        unit: 'seconds'
      })
      let pos: RestoredCopyFacts['binlog']
      try {
        pos = await readPosition(ctx, kit, ids.instance, eventsSince)
      } catch (e) {
        if (ctx.signal.aborted || positionNeeded(ctx, state)) throw e
        ctx.log.warning(`Could not read the restored instance's events (${awsErrorLine(e)}).`)
      }
      if (!pos) {
        noPosition(ctx, state, p)
        ctx.record.note = `${ids.cluster} at ${endpoint.address}:${endpoint.port}, no binlog position`
        return
      }
      state.restored = { ...state.restored, binlog: pos }
      ctx.log.info(
        `The snapshot's own binlog position (crash recovery of the copy): ${pos.file}:${pos.position}.`
      )
      ctx.setOutput('binlog-file', pos.file)
      ctx.setOutput('binlog-position', pos.position)
      if (state.binlog) {
        ctx.setOutput('recorded-binlog-file', state.binlog.file)
        ctx.setOutput('recorded-binlog-position', state.binlog.position)
      }
      ctx.record.note = `${ids.cluster}, snapshot at ${pos.file}:${pos.position}`
    }
  }
}
