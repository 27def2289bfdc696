// Phase `snapshot`: the cluster snapshot the export reads, taken right after the binlog position was recorded (or
// the one `snapshot-identifier` names), waited on until `available`.
//
// Re-runs: the snapshot id is derived from the run key, so a re-run attempt of the same workflow run gets
// DBClusterSnapshotAlreadyExists and picks up the snapshot its first attempt took instead of taking another.
//
// The documented window: PingCAP's procedure records the binlog position, then snapshots "within 5 minutes"; every
// change in between is both in the export and after the recorded position, so DM replays it (safe mode makes that
// harmless). The gap is measured from the two clocks we have (the runner's at capture, RDS's SnapshotCreateTime),
// and when RDS reports the snapshot's own binlog position, the overlap is counted in binlog events.
import { awsErrorLine, isAwsError } from '../aws/aws-call.js'
import type { SnapshotView } from '../aws/rds.js'
import { dmEnabled, restoreWanted } from '../inputs/types.js'
import { countBinlogEvents, type BinlogCoordinate } from '../mysql/binlog-events.js'
import { parseCrashRecoveryEvent } from '../mysql/binlog.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import { PhaseError, errorMessage } from '../util/errors.js'
import { formatCount, formatDuration } from '../util/format.js'
import {
  awsKit,
  awsPhaseError,
  orFail,
  pollInPhase,
  type AwsPhaseDeps,
  type AwsPhaseKit
} from './aws-deps.js'
import type { MigrationState } from './migration-state.js'
import { snapshotIdFor } from './names.js'
import type { PhaseBody } from './phase-body.js'

const PHASE = 'snapshot'

/** How the snapshot is polled: small snapshots are ready in seconds, large ones in tens of minutes. */
export const SNAPSHOT_POLL = { intervalMs: 2000, maxIntervalMs: 30_000, factor: 1.5, jitter: 0.1 }

/** PingCAP's window between recording the binlog position and the snapshot. */
export const DOCUMENTED_WINDOW_MS = 5 * 60_000

/** Statuses a snapshot passes through on its way to `available`. */
const PENDING = new Set(['creating', 'copying', 'pending', 'modifying'])

const describeSnapshot = (s: SnapshotView): string => `${s.status} ${s.percent}%`

interface Obtained {
  readonly view: SnapshotView
  /** `snapshot-identifier` named it. */
  readonly reused: boolean
  /** An earlier attempt of this run took it. */
  readonly earlierAttempt: boolean
}

function checkCluster(s: SnapshotView, cluster: string | undefined, advice: string): void {
  if (cluster === undefined || s.clusterIdentifier.toLowerCase() === cluster.toLowerCase()) return
  throw new PhaseError(
    PHASE,
    `Cluster snapshot ${s.identifier} belongs to cluster ${s.clusterIdentifier}, not to ${cluster} (input cluster-identifier). ${advice}`
  )
}

async function obtain(ctx: PhaseContext, kit: AwsPhaseKit, runKey: string): Promise<Obtained> {
  const { clusterIdentifier: cluster, snapshotIdentifier: given } = ctx.inputs.aws
  if (given !== undefined) {
    const s = await orFail(
      PHASE,
      `Reading snapshot ${given}`,
      kit.rds.describeClusterSnapshot(given)
    )
    if (!s)
      throw new PhaseError(
        PHASE,
        `Cluster snapshot ${given} (input snapshot-identifier) does not exist in ${ctx.inputs.aws.region}: give the identifier or ARN of an existing DB cluster snapshot, or leave the input empty to take a new one.`
      )
    checkCluster(s, cluster, 'Name a snapshot of the cluster being migrated.')
    ctx.log.info(
      `Using the existing cluster snapshot ${s.identifier} of cluster ${s.clusterIdentifier} (${s.status}, taken ${s.createdAt?.toISOString() ?? 'at an unknown time'}).`
    )
    return { view: s, reused: true, earlierAttempt: false }
  }
  if (cluster === undefined)
    throw new PhaseError(
      PHASE,
      'Input cluster-identifier is needed to take a snapshot (or give snapshot-identifier).'
    )
  const id = snapshotIdFor(runKey)
  try {
    const s = await kit.rds.createClusterSnapshot(id, cluster)
    ctx.log.info(`Taking cluster snapshot ${s.identifier} of cluster ${cluster}.`)
    return { view: s, reused: false, earlierAttempt: false }
  } catch (e) {
    if (!isAwsError(e, 'DBClusterSnapshotAlreadyExistsFault'))
      throw awsPhaseError(PHASE, `Taking cluster snapshot ${id} of cluster ${cluster}`, e)
  }
  const s = await orFail(PHASE, `Reading snapshot ${id}`, kit.rds.describeClusterSnapshot(id))
  if (!s)
    throw new PhaseError(
      PHASE,
      `RDS says cluster snapshot ${id} already exists, but does not describe it; try again.`
    )
  checkCluster(s, cluster, 'Set input run-key to another value so this run names its own snapshot.')
  ctx.log.info(
    `Cluster snapshot ${s.identifier} already exists: an earlier attempt of this run took it at ${s.createdAt?.toISOString() ?? 'an unknown time'}. Reusing it instead of taking another.`
  )
  return { view: s, reused: false, earlierAttempt: true }
}

async function waitAvailable(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  first: SnapshotView
): Promise<SnapshotView> {
  const deadlineMs = ctx.inputs.timeouts.snapshotMs
  const s = await pollInPhase(
    ctx,
    PHASE,
    kit,
    {
      label: `cluster snapshot ${first.identifier}`,
      check: async (attempt) => {
        if (attempt === 1) return first
        const now = await kit.rds.describeClusterSnapshot(first.identifier)
        if (!now)
          throw new PhaseError(
            PHASE,
            `Cluster snapshot ${first.identifier} was deleted while it was being taken.`
          )
        return now
      },
      isDone: (v) => !PENDING.has(v.status),
      ...SNAPSHOT_POLL,
      deadlineMs,
      describe: describeSnapshot,
      onProgress: (v) => ctx.progress(`snapshot ${describeSnapshot(v)}`)
    },
    (e) =>
      new PhaseError(
        PHASE,
        `Cluster snapshot ${first.identifier} was still ${e.lastSeen ?? 'not available'} after ${formatDuration(deadlineMs)} (snapshot-timeout-minutes). It was left as it is: re-run this workflow run to pick it up, or raise snapshot-timeout-minutes.`,
        { cause: e }
      )
  )
  if (s.status !== 'available')
    throw new PhaseError(
      PHASE,
      `Cluster snapshot ${s.identifier} is ${s.status}, not available, so it cannot be exported.`,
      { toolLine: `Status: ${s.status}` }
    )
  return s
}

/**
 * Measures capture → snapshot and warns outside the documented window. A snapshot older than the recorded position loses
 * the changes in between when DM starts from that position: with DM that is refused here, before the export starts
 * (never a warning and a run that continues); without DM the position is not used and a note suffices. A position
 * the inputs gave (recorded when a reused snapshot was taken) has no gap to measure.
 */
function reportGap(
  ctx: PhaseContext,
  state: MigrationState,
  createdAt: number,
  got: Obtained
): void {
  const b = state.binlog
  if (!b) return
  const at = `${b.file}:${b.position}`
  if (b.given) {
    ctx.log.info(
      `DM starts from ${at}, the position given for this snapshot (inputs binlog-file/binlog-position).`
    )
    return
  }
  const gap = createdAt - b.capturedAt
  ctx.record.numbers.push({
    label: 'binlog capture → snapshot',
    value: Math.round(gap / 1000),
    unit: 'seconds'
  })
  if (gap < 0) {
    const why = got.reused
      ? 'snapshot-identifier names a snapshot older than this run'
      : 'an earlier attempt of this run took it'
    const lost = `The snapshot was taken ${formatDuration(-gap)} BEFORE the binlog position ${at} was recorded (${why}): changes made in between are in neither the export nor the binlog after ${at}.`
    if (dmEnabled(ctx.inputs) && restoreWanted(ctx.inputs)) {
      ctx.log.info(
        `${lost} DM starts from the snapshot's own position instead, which its restored copy announces.`
      )
    } else if (dmEnabled(ctx.inputs)) {
      throw new PhaseError(
        PHASE,
        `${lost} Refusing to export it for a migration with DM. Set inputs binlog-file and binlog-position to what SHOW MASTER STATUS printed when the snapshot was taken, set restore-snapshot to true so that a restored copy tells the snapshot's own position, or start a new run (a new run key) so that the position is recorded just before a new snapshot.`
      )
    }
    ctx.log.info(`${lost} Without DM the position is not used.`)
  } else if (gap > DOCUMENTED_WINDOW_MS) {
    ctx.log.warning(
      `The snapshot was taken ${formatDuration(gap)} after the binlog position ${at} was recorded, more than the 5 minutes of PingCAP's procedure: DM replays every change of that time (safe mode keeps that idempotent only for tables with a primary or unique key).`
    )
  } else {
    ctx.log.info(
      `The snapshot was taken ${formatDuration(gap)} after the binlog position ${at} was recorded (within the 5-minute window).`
    )
  }
}

function compare(a: BinlogCoordinate, b: BinlogCoordinate): number {
  return a.file === b.file ? a.position - b.position : a.file < b.file ? -1 : 1
}

/** The snapshot's own binlog position from its RDS events, when RDS announces one; undefined otherwise. */
async function snapshotPosition(
  ctx: PhaseContext,
  kit: AwsPhaseKit,
  s: SnapshotView,
  createdAt: number
): Promise<BinlogCoordinate | undefined> {
  let messages: string[]
  try {
    const events = await kit.rds.describeEvents({
      sourceType: 'db-cluster-snapshot',
      sourceIdentifier: s.identifier,
      startTime: new Date(createdAt - 60 * 60_000)
    })
    messages = events.map((e) => e.message)
  } catch (e) {
    if (ctx.signal.aborted) throw e
    ctx.log.info(`Could not read the snapshot's RDS events (${awsErrorLine(e)}).`)
    return undefined
  }
  const found = messages.map(parseCrashRecoveryEvent).filter((p) => p?.positionNumber !== undefined)
  const last = found[found.length - 1]
  return last ? { file: last.file, position: last.positionNumber ?? 0 } : undefined
}

/** Reports the overlap between the recorded position and the snapshot's own position; never replaces the former. */
async function reportOverlap(
  ctx: PhaseContext,
  captured: BinlogCoordinate,
  own: BinlogCoordinate
): Promise<void> {
  const at = `${captured.file}:${captured.position}`
  const ownAt = `${own.file}:${own.position}`
  const order = compare(captured, own)
  if (order === 0) {
    ctx.log.info(
      `Nothing was written between the recorded position and the snapshot: no overlap for DM to replay.`
    )
    ctx.record.numbers.push({ label: 'overlap row events', value: 0 })
    return
  }
  if (order > 0) {
    ctx.log.warning(
      `The recorded binlog position ${at} is AFTER the snapshot's own position ${ownAt}: DM starting at ${at} would miss the changes in between. The recorded position is kept as the output; start DM from ${ownAt} instead.`
    )
    return
  }
  let conn
  try {
    // mysql2 is loaded when needed, like the AWS SDK (aws-deps.ts): it is a large part of the bundle's start-up.
    const { connectDb } = await import('../mysql/connect.js')
    conn = await connectDb(ctx.inputs.source, 'source')
    const span = await countBinlogEvents(conn, captured, own)
    const more = span.complete ? '' : 'at least '
    ctx.record.numbers.push({ label: 'overlap row events', value: span.rowEvents })
    ctx.log.info(
      `Overlap: ${more}${formatCount(span.rowEvents)} row events in ${more}${formatCount(span.transactions)} transactions were written between the recorded position ${at} and the snapshot (${ownAt}). They are in the export and DM replays them from ${at}${ctx.inputs.dm.safeMode && ctx.inputs.dm.safeModeDuration === undefined ? '; safe mode makes the replay idempotent' : ''}.`
    )
    if (span.rowEvents > 0 && !ctx.inputs.dm.safeMode)
      ctx.log.warning(
        `safe-mode is off, but DM will replay ${formatCount(span.rowEvents)} row events the export already holds: expect duplicate-key errors unless safe-mode is on.`
      )
  } catch (e) {
    if (ctx.signal.aborted) throw e
    ctx.log.info(`Could not count the overlap on the source: ${errorMessage(e)}`)
  } finally {
    await conn?.end().catch(() => undefined)
  }
}

/**
 * The `snapshot` phase.
 * @param state reads `binlog` (to measure the gap), sets `snapshot`
 * @param deps fakes and a clock for tests
 */
export function snapshotPhase(state: MigrationState, deps: AwsPhaseDeps = {}): PhaseBody {
  return {
    id: PHASE,
    title: 'Cluster snapshot',
    async run(ctx) {
      const kit = await awsKit(ctx, deps)
      const got = await obtain(ctx, kit, state.runKey)
      const s = await waitAvailable(ctx, kit, got.view)
      const createdAt = s.createdAt?.getTime() ?? kit.clock.now()
      state.snapshot = { identifier: s.identifier, arn: s.arn, createdAt, reused: got.reused }
      ctx.setOutput('snapshot-id', s.identifier)
      ctx.report.links.push({ label: `Cluster snapshot ${s.identifier}`, url: s.arn })
      ctx.record.note = got.reused
        ? `reused ${s.identifier}`
        : got.earlierAttempt
          ? `${s.identifier}, taken by an earlier attempt`
          : `took ${s.identifier}`
      ctx.log.info(
        `Cluster snapshot ${s.identifier} is available (taken ${new Date(createdAt).toISOString()}).`
      )
      reportGap(ctx, state, createdAt, got)
      const own = await snapshotPosition(ctx, kit, s, createdAt)
      if (!own) {
        ctx.log.info(
          'RDS reports no binlog position for the snapshot itself (on Aurora that event appears only on a cluster restored from it), so the overlap is not counted; DM starts from the recorded position and safe mode absorbs what it replays.'
        )
        return
      }
      state.snapshot = { ...state.snapshot, binlog: own }
      ctx.log.info(`RDS reports the snapshot's own binlog position: ${own.file}:${own.position}.`)
      if (state.binlog) await reportOverlap(ctx, state.binlog, own)
    }
  }
}
