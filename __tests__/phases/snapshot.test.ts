// The snapshot phase against an in-memory RDS on a manual clock: create → wait → available, re-runs that find
// their own snapshot, reuse of `snapshot-identifier`, the deadline, throttling, and the capture → snapshot gap.
import type { Inputs } from '../../src/inputs/types.js'
import { newMigrationState, type MigrationState } from '../../src/phases/migration-state.js'
import { snapshotIdFor } from '../../src/phases/names.js'
import { snapshotPhase } from '../../src/phases/snapshot.js'
import { PhaseError } from '../../src/util/errors.js'
import { FakeRds } from '../helpers/fake-rds.js'
import { ManualClock } from '../helpers/manual-clock.js'
import { inputsWith, runPhase } from '../helpers/run-phase.js'

const RUN = 'run-1'

function world(): { clock: ManualClock; rds: FakeRds; state: MigrationState } {
  const clock = new ManualClock()
  const rds = new FakeRds(clock)
  const state = newMigrationState(RUN)
  state.binlog = {
    file: 'mysql-bin.000003',
    position: 1200,
    gtid: undefined,
    capturedAt: clock.now() - 20_000
  }
  return { clock, rds, state }
}

const noS3 = { send: () => Promise.reject(new Error('no S3 in these tests')) }

async function run(w: ReturnType<typeof world>, inputs: Inputs = inputsWith(), retries?: number) {
  const phase = snapshotPhase(w.state, {
    clients: { rds: w.rds, s3: noS3 },
    clock: w.clock,
    random: () => 0.5,
    ...(retries === undefined ? {} : { retry: { retries, backoff: { initialMs: 10 } } })
  })
  return runPhase(phase, { inputs, clock: w.clock })
}

const withAws = (aws: Partial<Inputs['aws']>, minutes = 60): Inputs =>
  inputsWith({ aws: { ...inputsWith().aws, ...aws } }, minutes)

test('takes the run’s snapshot, waits until it is available and records it with the capture gap', async () => {
  const w = world()
  w.rds.snapshotMs = 7000
  const { record, report, result } = await run(w)
  expect(result.error).toBeUndefined()
  const id = snapshotIdFor(RUN)
  expect(w.rds.count('CreateDBClusterSnapshot')).toBe(1)
  // Ready after 7 s; polled at 0 (the create answer), 2 s, 5 s, 9.5 s: three describes.
  expect(w.rds.count('DescribeDBClusterSnapshots')).toBe(3)
  expect(w.state.snapshot).toMatchObject({
    identifier: id,
    reused: false,
    arn: w.rds.snapshotArn(id)
  })
  expect(w.state.snapshot?.createdAt).toBe(w.state.binlog!.capturedAt + 20_000)
  expect(report.outputs['snapshot-id']).toBe(id)
  expect(report.links).toContainEqual({
    label: `Cluster snapshot ${id}`,
    url: w.rds.snapshotArn(id)
  })
  expect(record.numbers).toContainEqual({
    label: 'binlog capture → snapshot',
    value: 20,
    unit: 'seconds'
  })
  expect(record.warnings).toEqual([])
})

test('warns when the snapshot came more than 5 minutes after the binlog capture', async () => {
  const w = world()
  w.state.binlog = { ...w.state.binlog!, capturedAt: w.clock.now() - 7 * 60_000 }
  const { record } = await run(w)
  expect(record.warnings).toHaveLength(1)
  expect(record.warnings[0]).toMatch(
    /7m 00s after the binlog position mysql-bin\.000003:1200 was recorded, more than the 5 minutes/
  )
})

test('a re-run attempt finds the snapshot its first attempt took and reuses it', async () => {
  const w = world()
  await run(w)
  const first = w.state.snapshot
  w.clock.advance(10 * 60_000)
  // The re-run recorded a new binlog position, after the snapshot: that must be called out.
  const again = newMigrationState(RUN)
  again.binlog = {
    file: 'mysql-bin.000004',
    position: 4,
    gtid: undefined,
    capturedAt: w.clock.now()
  }
  const { record, log, result } = await run({ ...w, state: again })
  expect(result.error).toBeUndefined()
  expect(w.rds.snapshots.size).toBe(1)
  expect(again.snapshot).toEqual(first)
  expect(log.join('\n')).toMatch(/already exists: an earlier attempt of this run took it/)
  expect(record.note).toMatch(/taken by an earlier attempt/)
  // Without DM the later position is not used: said, not refused.
  expect(log.join('\n')).toMatch(
    /BEFORE the binlog position mysql-bin\.000004:4 was recorded \(an earlier attempt of this run took it\).*Without DM the position is not used/
  )
  expect(record.warnings).toEqual([])
})

test('refuses a snapshot of the run’s name that belongs to another cluster', async () => {
  const w = world()
  w.rds.snapshots.set(snapshotIdFor(RUN), {
    id: snapshotIdFor(RUN),
    cluster: 'other',
    createdAt: 0,
    readyAt: 0
  })
  const { result } = await run(w)
  expect(result.error).toBeInstanceOf(PhaseError)
  expect((result.error as Error).message).toMatch(
    /belongs to cluster other, not to aurora-1 .*Set input run-key/
  )
})

test('snapshot-identifier: reuses an existing snapshot of the cluster without taking one', async () => {
  const w = world()
  w.rds.snapshots.set('nightly', {
    id: 'nightly',
    cluster: 'aurora-1',
    createdAt: w.clock.now() - 3_600_000,
    readyAt: 0
  })
  const { record, result } = await run(w, withAws({ snapshotIdentifier: 'nightly' }))
  expect(result.error).toBeUndefined()
  expect(w.rds.count('CreateDBClusterSnapshot')).toBe(0)
  expect(w.state.snapshot).toMatchObject({ identifier: 'nightly', reused: true })
  expect(record.warnings).toEqual([])
})

const withDm = (aws: Partial<Inputs['aws']>): Inputs => {
  const i = withAws(aws)
  return { ...i, dm: { ...i.dm, masterAddr: '10.0.0.5:8261' } }
}

test('with DM, a snapshot older than the recorded position is refused before the export, saying how to fix it', async () => {
  const w = world()
  w.rds.snapshots.set('nightly', {
    id: 'nightly',
    cluster: 'aurora-1',
    createdAt: w.clock.now() - 3_600_000,
    readyAt: 0
  })
  const { result } = await run(w, withDm({ snapshotIdentifier: 'nightly' }))
  expect(result.error).toBeInstanceOf(PhaseError)
  expect((result.error as Error).message).toBe(
    "The snapshot was taken 59m 40s BEFORE the binlog position mysql-bin.000003:1200 was recorded (snapshot-identifier names a snapshot older than this run): changes made in between are in neither the export nor the binlog after mysql-bin.000003:1200. Refusing to export it for a migration with DM. Set inputs binlog-file and binlog-position to what SHOW MASTER STATUS printed when the snapshot was taken, set restore-snapshot to true so that a restored copy tells the snapshot's own position, or start a new run (a new run key) so that the position is recorded just before a new snapshot."
  )
})

test('with DM and a restored copy on the way, the older snapshot is said and DM takes the copy’s position', async () => {
  const w = world()
  w.rds.snapshots.set('nightly', {
    id: 'nightly',
    cluster: 'aurora-1',
    createdAt: w.clock.now() - 3_600_000,
    readyAt: 0
  })
  const dm = withDm({ snapshotIdentifier: 'nightly' })
  const { log, result } = await run(w, { ...dm, restore: { ...dm.restore, mode: 'auto' } })
  expect(result.error).toBeUndefined()
  expect(log.join('\n')).toContain(
    "DM starts from the snapshot's own position instead, which its restored copy announces."
  )
})

test('with DM and the position given for the reused snapshot, there is no gap to measure and no refusal', async () => {
  const w = world()
  w.rds.snapshots.set('nightly', {
    id: 'nightly',
    cluster: 'aurora-1',
    createdAt: w.clock.now() - 3_600_000,
    readyAt: 0
  })
  w.state.binlog = { ...w.state.binlog!, given: true }
  const { record, log, result } = await run(w, withDm({ snapshotIdentifier: 'nightly' }))
  expect(result.error).toBeUndefined()
  expect(record.numbers.some((n) => n.label === 'binlog capture → snapshot')).toBe(false)
  expect(log.join('\n')).toContain(
    'DM starts from mysql-bin.000003:1200, the position given for this snapshot (inputs binlog-file/binlog-position).'
  )
})

test('snapshot-identifier: a missing snapshot or one of another cluster fails naming the input', async () => {
  const w = world()
  const missing = await run(w, withAws({ snapshotIdentifier: 'nope' }))
  expect((missing.result.error as Error).message).toMatch(
    /Cluster snapshot nope \(input snapshot-identifier\) does not exist in us-east-1/
  )
  w.rds.snapshots.set('foreign', { id: 'foreign', cluster: 'elsewhere', createdAt: 0, readyAt: 0 })
  const foreign = await run(w, withAws({ snapshotIdentifier: 'foreign' }))
  expect((foreign.result.error as Error).message).toMatch(
    /belongs to cluster elsewhere, not to aurora-1/
  )
})

test('a snapshot that is not available by snapshot-timeout-minutes fails with what was reached', async () => {
  const w = world()
  w.rds.snapshotMs = 3 * 3_600_000
  const { result, record } = await run(w, withAws({}, 10))
  expect(result.error).toBeInstanceOf(PhaseError)
  expect(record.failure?.message).toMatch(
    /was still creating 50% after 10m 00s \(snapshot-timeout-minutes\)\. It was left as it is: re-run/
  )
  expect(w.state.snapshot).toBeUndefined()
})

test('throttling within the retry bounds ends in success; beyond them in AWS’s own error', async () => {
  const ok = world()
  ok.rds.throttle = 2
  expect((await run(ok, inputsWith(), 3)).result.error).toBeUndefined()
  expect(ok.state.snapshot).toBeDefined()

  const bad = world()
  bad.rds.throttle = 100
  const { result, record } = await run(bad, inputsWith(), 3)
  expect(bad.rds.count('CreateDBClusterSnapshot')).toBe(4)
  expect((result.error as PhaseError).toolLine).toBe('Throttling: Rate exceeded')
  expect(record.failure?.message).toMatch(
    /AWS kept answering CreateDBClusterSnapshot with Throttling: Rate exceeded \(4 requests, every retry used\)/
  )
})

test('reads the snapshot’s own binlog position from its events and never replaces the recorded one', async () => {
  const same = world()
  same.rds.snapshotBinlog = { file: 'mysql-bin.000003', position: 1200 }
  const a = await run(same)
  expect(same.state.snapshot?.binlog).toEqual({ file: 'mysql-bin.000003', position: 1200 })
  expect(a.record.numbers).toContainEqual({ label: 'overlap row events', value: 0 })

  const behind = world()
  behind.rds.snapshotBinlog = { file: 'mysql-bin.000002', position: 900 }
  const b = await run(behind)
  expect(behind.state.binlog?.file).toBe('mysql-bin.000003')
  expect(b.record.warnings.join('\n')).toMatch(
    /recorded binlog position mysql-bin\.000003:1200 is AFTER the snapshot's own position mysql-bin\.000002:900/
  )

  const none = world()
  const c = await run(none)
  expect(none.state.snapshot?.binlog).toBeUndefined()
  expect(c.log.join('\n')).toMatch(/RDS reports no binlog position for the snapshot itself/)
})
