// The restore phase against an in-memory RDS on a manual clock: the copy inherits the source cluster's groups, is
// recorded for the post step before it is asked for, waits for cluster then instance, and reads the snapshot's own
// binlog position from the instance's events; without that event a reused snapshot with DM fails, and removal
// (restore-cleanup.ts) deletes or keeps it.
import type { Rds, RdsEventView } from '../../src/aws/rds.js'
import type { ClusterSettings, InstanceView, RestoreRds } from '../../src/aws/restore.js'
import type { Inputs } from '../../src/inputs/types.js'
import { newMigrationState, type MigrationState } from '../../src/phases/migration-state.js'
import { restoredCopyIdsFor } from '../../src/phases/names.js'
import { removeRestoredCopies } from '../../src/phases/restore-cleanup.js'
import { DEFAULT_RESTORE_CLASS, restorePhase } from '../../src/phases/restore.js'
import { ManualClock } from '../helpers/manual-clock.js'
import { inputsWith, runPhase } from '../helpers/run-phase.js'

const RUN = 'run-1'
const IDS = restoredCopyIdsFor(RUN)

/** A restore that takes 20 s for the cluster and 30 s more for the instance; events appear with the instance. */
class FakeRestore implements RestoreRds {
  readonly calls: { op: string; arg: unknown }[] = []
  restoredAt: number | undefined
  instanceAt: number | undefined
  announce = true
  deleted: string[] = []

  constructor(private readonly clock: ManualClock) {}

  describeClusterSettings(id: string): Promise<ClusterSettings | undefined> {
    this.calls.push({ op: 'describeClusterSettings', arg: id })
    const base = { engine: 'aurora-mysql', port: 3306, kmsKeyId: undefined }
    if (id === 'aurora-1')
      return Promise.resolve({
        ...base,
        identifier: id,
        status: 'available',
        engineVersion: '8.0.mysql_aurora.3.08.2',
        subnetGroup: 'private',
        securityGroupIds: ['sg-1'],
        parameterGroup: 'binlog-on'
      })
    if (id !== IDS.cluster || this.restoredAt === undefined) return Promise.resolve(undefined)
    const ready = this.clock.now() >= this.restoredAt + 20_000
    return Promise.resolve({
      ...base,
      identifier: id,
      status: ready ? 'available' : 'creating',
      engineVersion: undefined,
      subnetGroup: undefined,
      securityGroupIds: [],
      parameterGroup: undefined
    })
  }
  restoreCluster(p: unknown): Promise<ClusterSettings> {
    this.calls.push({ op: 'restoreCluster', arg: p })
    this.restoredAt = this.clock.now()
    return this.describeClusterSettings(IDS.cluster) as Promise<ClusterSettings>
  }
  createInstance(p: unknown): Promise<InstanceView> {
    this.calls.push({ op: 'createInstance', arg: p })
    this.instanceAt = this.clock.now()
    return this.describeInstance(IDS.instance) as Promise<InstanceView>
  }
  describeInstance(id: string): Promise<InstanceView | undefined> {
    if (this.instanceAt === undefined) return Promise.resolve(undefined)
    const ready = this.clock.now() >= this.instanceAt + 30_000
    return Promise.resolve({
      identifier: id,
      clusterIdentifier: IDS.cluster,
      status: ready ? 'available' : 'creating',
      instanceClass: DEFAULT_RESTORE_CLASS,
      endpoint: ready ? { address: '127.0.0.1', port: 3399 } : undefined
    })
  }
  writerClass(): Promise<string | undefined> {
    return Promise.resolve(undefined)
  }
  deleteInstance(id: string): Promise<boolean> {
    this.deleted.push(id)
    return Promise.resolve(true)
  }
  deleteCluster(id: string): Promise<boolean> {
    this.deleted.push(id)
    return Promise.resolve(true)
  }
  events(): RdsEventView[] {
    const up = this.instanceAt === undefined ? undefined : this.instanceAt + 30_000
    if (!this.announce || up === undefined || this.clock.now() < up) return []
    return [
      {
        message: 'Binlog position from crash recovery is mysql-bin-changelog.000042 4711',
        date: new Date(up),
        sourceIdentifier: IDS.instance
      },
      { message: 'DB instance created', date: new Date(up + 1), sourceIdentifier: IDS.instance }
    ]
  }
}

function world(reused = false): { clock: ManualClock; fake: FakeRestore; state: MigrationState } {
  const clock = new ManualClock()
  const fake = new FakeRestore(clock)
  const state = newMigrationState(RUN)
  state.binlog = {
    file: 'mysql-bin-changelog.000042',
    position: 1200,
    gtid: undefined,
    capturedAt: 0
  }
  state.snapshot = {
    identifier: 'snap-1',
    arn: 'arn:aws:rds:us-east-1:1:cluster-snapshot:snap-1',
    createdAt: 0,
    reused
  }
  return { clock, fake, state }
}

async function run(w: ReturnType<typeof world>, inputs: Inputs) {
  const rds = {
    describeEvents: (q: { sourceIdentifier: string; startTime: Date }) => {
      w.fake.calls.push({ op: 'describeEvents', arg: q })
      return Promise.resolve(w.fake.events().filter((e) => (e.date ?? new Date(0)) >= q.startTime))
    }
  } as unknown as Rds
  const phase = restorePhase(w.state, {
    restoreRds: w.fake,
    rds,
    clock: w.clock,
    random: () => 0.5
  })
  return runPhase(phase, { inputs, clock: w.clock })
}

const withDm = (over: Partial<Inputs> = {}): Inputs => {
  const base = inputsWith()
  return { ...base, dm: { ...base.dm, masterAddr: '127.0.0.1:8261' }, ...over }
}

test('restores with the source cluster’s groups and the smallest class, then reads the snapshot’s own position', async () => {
  const w = world()
  const { result, report } = await run(w, withDm())
  expect(result.error).toBeUndefined()
  const restore = w.fake.calls.find((c) => c.op === 'restoreCluster')?.arg
  expect(restore).toMatchObject({
    clusterIdentifier: IDS.cluster,
    snapshot: 'arn:aws:rds:us-east-1:1:cluster-snapshot:snap-1',
    engineVersion: '8.0.mysql_aurora.3.08.2',
    instanceClass: 'db.t4g.medium',
    subnetGroup: 'private',
    securityGroupIds: ['sg-1'],
    parameterGroup: 'binlog-on',
    tags: { 'aurora-to-tidb:run-key': RUN }
  })
  // The instance is asked for only once the cluster is available.
  expect(w.fake.instanceAt! - w.fake.restoredAt!).toBeGreaterThanOrEqual(20_000)
  expect(w.state.restored).toMatchObject({
    ...IDS,
    keep: false,
    endpoint: { host: '127.0.0.1', port: 3399 },
    binlog: { file: 'mysql-bin-changelog.000042', position: 4711 }
  })
  expect(report.outputs).toMatchObject({
    'binlog-file': 'mysql-bin-changelog.000042',
    'binlog-position': '4711',
    'recorded-binlog-file': 'mysql-bin-changelog.000042',
    'recorded-binlog-position': '1200'
  })
  expect(JSON.parse(report.outputs['restored-copy'] ?? '{}')).toEqual({ ...IDS, kept: false })
})

test('inputs override the class and groups', async () => {
  const w = world()
  const base = withDm()
  await run(w, {
    ...base,
    restore: {
      ...base.restore,
      instanceClass: 'db.r6g.large',
      subnetGroup: 'other',
      securityGroupIds: ['sg-2', 'sg-3'],
      parameterGroup: 'mine'
    }
  })
  expect(w.fake.calls.find((c) => c.op === 'restoreCluster')?.arg).toMatchObject({
    instanceClass: 'db.r6g.large',
    subnetGroup: 'other',
    securityGroupIds: ['sg-2', 'sg-3'],
    parameterGroup: 'mine'
  })
})

test('no crash-recovery event: a reused snapshot with DM fails naming the parameter group; a new one warns', async () => {
  const reused = world(true)
  reused.fake.announce = false
  const failed = await run(reused, withDm())
  expect(String(failed.result.error)).toContain(
    "announced no 'Binlog position from crash recovery' event: binary logging is off in the copy's DB cluster parameter group binlog-on, so the reused snapshot has no binlog position"
  )
  // The copy was recorded anyway, so the main step's finally and the post step remove it.
  expect(reused.state.restored).toMatchObject(IDS)
  const fresh = world(false)
  fresh.fake.announce = false
  const warned = await run(fresh, withDm())
  expect(warned.result.error).toBeUndefined()
  expect(warned.record.warnings.join('\n')).toContain(
    'DM starts from the position recorded before the snapshot'
  )
})

test('removal deletes instance then cluster; keep-restored-copy keeps it and says so', async () => {
  const clock = new ManualClock()
  const fake = new FakeRestore(clock)
  const warnings: string[] = []
  const deps = {
    log: () => undefined,
    warn: (m: string) => warnings.push(m),
    clock,
    rdsFor: () => Promise.resolve(fake as RestoreRds)
  }
  expect(await removeRestoredCopies([{ ...IDS, region: 'us-east-1', keep: false }], deps)).toEqual(
    []
  )
  expect(fake.deleted).toEqual([IDS.instance, IDS.cluster])
  const kept = await removeRestoredCopies([{ ...IDS, region: 'us-east-1', keep: true }], deps)
  expect(kept).toHaveLength(1)
  expect(warnings.join('\n')).toContain(
    `keep-restored-copy is true: the restored copy ${IDS.cluster}`
  )
})

test('a copy an earlier attempt kept is used again, with the position it announced hours ago', async () => {
  const w = world(true)
  // The earlier attempt restored the copy two hours ago (keep-restored-copy), so both already exist.
  w.fake.restoredAt = w.clock.now() - 2 * 3600_000
  w.fake.instanceAt = w.fake.restoredAt + 20_000
  const exists = (name: string) => () => Promise.reject(Object.assign(new Error(name), { name }))
  w.fake.restoreCluster = exists('DBClusterAlreadyExistsFault')
  w.fake.createInstance = exists('DBInstanceAlreadyExistsFault')
  const { result, log } = await run(w, withDm())
  expect(result.error).toBeUndefined()
  expect(log.join('\n')).toContain(`Instance ${IDS.instance} already exists`)
  expect(w.state.restored?.binlog).toEqual({ file: 'mysql-bin-changelog.000042', position: 4711 })
})
