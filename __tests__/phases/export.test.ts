// The export phase against an in-memory RDS on a manual clock: start and poll to COMPLETE, the polling budget of
// an hour-long export, re-attaching on re-runs, FAILED/CANCELED, the deadline, cancellation and throttling.
import { EXPORT_POLL, exportPhase } from '../../src/phases/export.js'
import type { Inputs } from '../../src/inputs/types.js'
import { newMigrationState, type MigrationState } from '../../src/phases/migration-state.js'
import { exportTaskIdFor } from '../../src/phases/names.js'
import { CancelledError, PhaseError } from '../../src/util/errors.js'
import { FakeRds } from '../helpers/fake-rds.js'
import { ManualClock } from '../helpers/manual-clock.js'
import { inputsWith, runPhase } from '../helpers/run-phase.js'

const RUN = 'run-1'
const ID = exportTaskIdFor(RUN)
const CAUSE =
  "The S3 bucket bucket isn't located in the current AWS Region. Please, review your S3 bucket name and retry the export."

function world(): { clock: ManualClock; rds: FakeRds; state: MigrationState } {
  const clock = new ManualClock()
  const rds = new FakeRds(clock)
  const state = newMigrationState(RUN)
  state.snapshot = {
    identifier: 'aurora-to-tidb-run-1',
    arn: rds.snapshotArn('aurora-to-tidb-run-1'),
    createdAt: clock.now(),
    reused: false
  }
  state.tables = [
    { database: 'shop', table: 'orders' },
    { database: 'shop', table: 'customers' },
    { database: 'crm', table: 'notes' }
  ]
  return { clock, rds, state }
}

const noS3 = { send: () => Promise.reject(new Error('no S3 in these tests')) }

async function run(
  w: ReturnType<typeof world>,
  opts: { inputs?: Inputs; signal?: AbortSignal; retries?: number } = {}
) {
  const phase = exportPhase(w.state, {
    clients: { rds: w.rds, s3: noS3 },
    clock: w.clock,
    random: () => 0.5,
    ...(opts.retries === undefined
      ? {}
      : { retry: { retries: opts.retries, backoff: { initialMs: 10 } } })
  })
  return runPhase(phase, {
    inputs: opts.inputs ?? inputsWith(),
    clock: w.clock,
    ...(opts.signal ? { signal: opts.signal } : {})
  })
}

test('starts the export of the snapshot with ExportOnly from the selected tables and polls it to COMPLETE', async () => {
  const w = world()
  const { report, record, result, log } = await run(w)
  expect(result.error).toBeUndefined()
  const task = w.rds.tasks.get(ID)
  expect(task).toMatchObject({
    sourceArn: w.state.snapshot?.arn,
    bucket: 'bucket',
    prefix: 'prefix/export',
    exportOnly: ['crm.notes', 'shop.customers', 'shop.orders']
  })
  expect(w.state.export).toEqual({
    taskId: ID,
    bucket: 'bucket',
    prefix: `prefix/export/${ID}`,
    uri: `s3://bucket/prefix/export/${ID}/`,
    status: 'COMPLETE',
    skipped: []
  })
  expect(report.outputs).toMatchObject({
    'export-task-id': ID,
    'export-uri': `s3://bucket/prefix/export/${ID}/`
  })
  // Amazon S3 (no custom endpoint): the link opens the S3 console at the export's folder.
  expect(report.links[0]?.url).toBe(
    `https://s3.console.aws.amazon.com/s3/buckets/bucket?region=us-east-1&prefix=prefix%2Fexport%2F${ID}%2F`
  )
  expect(record.numbers).toContainEqual({ label: 'exported GB', value: 10 })
  expect(log.join('\n')).toMatch(
    /Started export task .* of snapshot aurora-to-tidb-run-1 to s3:\/\/bucket\/prefix\/export\/ \(ExportOnly 3 entries\)/
  )
  // The sandbox-sized 3-second export is seen complete within seconds.
  expect(w.clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5000)
})

test('a 20-second export is seen complete within about a second of its end (the ETA from its percent)', async () => {
  const w = world()
  w.rds.nextTask = { durationMs: 20_000, startingShare: 0.1 }
  const start = w.clock.now()
  const { result } = await run(w)
  expect(result.error).toBeUndefined()
  expect(w.clock.now() - start - 20_000).toBeLessThanOrEqual(1_200)
  expect(w.rds.count('DescribeExportTasks')).toBeLessThanOrEqual(12)
})

test('a 60-minute export takes at most 90 DescribeExportTasks calls and is seen complete within a minute', async () => {
  const w = world()
  w.rds.nextTask = { durationMs: 60 * 60_000, startingShare: 0.25, totalGB: 120 }
  const start = w.clock.now()
  const { result, log } = await run(w, { inputs: inputsWith({}, 480) })
  expect(result.error).toBeUndefined()
  const calls = w.rds.count('DescribeExportTasks')
  expect(calls).toBeLessThanOrEqual(90)
  expect(w.clock.now() - start - 60 * 60_000).toBeLessThanOrEqual(EXPORT_POLL.maxIntervalMs * 1.1)
  // Progress is logged when it changes, with percent, GB, elapsed time and an estimate of what is left.
  expect(log.join('\n')).toMatch(
    /IN_PROGRESS \d+% · \d+ GB · \d+m\d\ds elapsed · about \d+m\d\ds left/
  )
})

test('a re-run attempt re-attaches to the running export its first attempt started', async () => {
  const w = world()
  w.rds.nextTask = { durationMs: 20 * 60_000 }
  const controller = new AbortController()
  w.rds.onSend = (name) => {
    if (name === 'DescribeExportTasks' && w.rds.count(name) === 3) controller.abort()
  }
  const first = await run(w, { signal: controller.signal })
  expect(first.record.status).toBe('cancelled')
  w.rds.onSend = undefined

  const again = world()
  const { result, log } = await run({ ...again, rds: w.rds, clock: w.clock })
  expect(result.error).toBeUndefined()
  expect(w.rds.tasks.size).toBe(1)
  expect(w.rds.count('StartExportTask')).toBe(2) // the second one answered ExportTaskAlreadyExists
  expect(log.join('\n')).toMatch(
    /Export task .* already exists .*Re-attaching to it instead of starting another/
  )
  expect(again.state.export?.status).toBe('COMPLETE')
})

test('re-attaching to a COMPLETE export finishes at once', async () => {
  const w = world()
  await run(w)
  const describes = w.rds.count('DescribeExportTasks')
  const again = world()
  const { result } = await run({ ...again, rds: w.rds, clock: w.clock })
  expect(result.error).toBeUndefined()
  expect(w.rds.count('DescribeExportTasks')).toBe(describes + 1)
  expect(again.state.export?.taskId).toBe(ID)
})

test('re-attaching to an export written at the bucket root ("S3Prefix": "") reports the files there', async () => {
  const w = world()
  await run(w)
  const task = w.rds.tasks.get(ID)
  // What DescribeExportTasks prints for a task started without a prefix.
  if (task) w.rds.tasks.set(ID, { ...task, prefix: '' })
  const again = world()
  const { result, report } = await run({ ...again, rds: w.rds, clock: w.clock })
  expect(result.error).toBeUndefined()
  expect(again.state.export).toMatchObject({ prefix: ID, uri: `s3://bucket/${ID}/` })
  expect(report.outputs['export-uri']).toBe(`s3://bucket/${ID}/`)
})

test.each([
  ['FAILED', CAUSE],
  ['CANCELED', 'The export task was canceled by a user.']
] as const)(
  'an export that ends %s fails with AWS’s FailureCause; a re-run starts the next derived task and finishes',
  async (outcome, cause) => {
    const w = world()
    w.rds.nextTask = { durationMs: 60_000, outcome, failureCause: cause }
    const { result, report } = await run(w)
    const error = result.error as PhaseError
    expect(error).toBeInstanceOf(PhaseError)
    expect(error.toolLine).toBe(cause)
    expect(error.message).toMatch(
      new RegExp(`ended ${outcome}: .*Re-run this workflow run to start the export again`)
    )
    // What was learned before the failure is still reported.
    expect(report.outputs['export-task-id']).toBe(ID)
    expect(w.state.export?.status).toBe(outcome)

    // The re-run: AWS refuses the first id again, so the phase starts `<id>-r2`, records it and completes.
    w.rds.nextTask = { durationMs: 60_000 }
    const again = world()
    const rerun = await run({ ...again, rds: w.rds, clock: w.clock })
    expect(rerun.result.error).toBeUndefined()
    expect(w.rds.tasks.size).toBe(2)
    expect(rerun.report.outputs['export-task-id']).toBe(`${ID}-r2`)
    expect(again.state.export?.taskId).toBe(`${ID}-r2`)
    expect(again.state.export?.status).toBe('COMPLETE')
    expect(rerun.log.join('\n')).toContain(
      `Export task ${ID} of an earlier attempt ended ${outcome} (${cause}). Export task ids cannot be reused, so this run starts export task ${ID}-r2 instead.`
    )
  }
)

test('an export still STARTING at export-timeout-minutes fails with its status, and is not cancelled', async () => {
  const w = world()
  w.rds.nextTask = { durationMs: 60_000, outcome: 'STUCK' }
  const { result } = await run(w, { inputs: inputsWith({}, 30) })
  const error = result.error as PhaseError
  expect(error.message).toMatch(
    /was not done after 30m 00s \(export-timeout-minutes\); last seen: STARTING 0% · 0 GB\. The task was NOT cancelled .*re-run this workflow run to re-attach to it, or set export-task-identifier: /
  )
  expect(error.toolLine).toBe('Status: STARTING 0% · 0 GB')
  expect(w.rds.count('CancelExportTask')).toBe(0)
})

test('at the account’s limit of 5 exports the phase waits for a slot, then starts and finishes', async () => {
  const w = world()
  w.rds.exportLimitUntil = w.clock.now() + 20 * 60_000
  w.rds.nextTask = { durationMs: 5 * 60_000 }
  const { result, log } = await run(w)
  expect(result.error).toBeUndefined()
  expect(w.state.export?.status).toBe('COMPLETE')
  const text = log.join('\n')
  expect(text).toMatch(
    /AWS refused to start export task .*: ExportTaskLimitReachedFault: You have reached the limit of 5 concurrent export tasks\. AWS runs at most 5 export tasks at a time per account; waiting/
  )
  // Announced once, however many attempts; then the slot.
  expect(text.match(/AWS refused to start/g)).toHaveLength(1)
  expect(text).toMatch(/An export slot became free after 2\dm \d\ds: export task .* started\./)
  // Backs off to a minute: about 25 attempts in 20 minutes, not one every few seconds.
  expect(w.rds.count('StartExportTask')).toBeLessThan(30)
  expect(w.rds.count('StartExportTask')).toBeGreaterThan(10)
})

test('the slot wait counts against export-timeout-minutes; at the deadline nothing was started', async () => {
  const w = world()
  w.rds.exportLimitUntil = w.clock.now() + 120 * 60_000
  const { result } = await run(w, { inputs: inputsWith({}, 30) })
  const error = result.error as PhaseError
  expect(error.message).toMatch(
    /^No export slot became free within 30m 00s \(export-timeout-minutes\): the account kept running 5 export tasks, AWS's limit per account\. Export task .* was NOT started; re-run later, or raise export-timeout-minutes\.$/
  )
  expect(error.toolLine).toMatch(/^ExportTaskLimitReachedFault: You have reached the limit/)
  expect(w.rds.tasks.size).toBe(0)
})

test('an export that waited for a slot has only the rest of export-timeout-minutes to finish', async () => {
  const w = world()
  w.rds.exportLimitUntil = w.clock.now() + 20 * 60_000
  w.rds.nextTask = { durationMs: 15 * 60_000 }
  const { result } = await run(w, { inputs: inputsWith({}, 30) })
  // Started after 20m and some seconds, so it had the 9m and some seconds that were left: the message names the
  // limit the user set and how much of it went to the wait for a slot.
  expect((result.error as PhaseError).message).toMatch(
    /^Export task \S+ was not done after 30m 00s \(export-timeout-minutes, 20m \d\ds of it waiting for an export slot\)/
  )
  expect(w.rds.tasks.size).toBe(1)
})

test('cancelling the run stops polling but leaves the AWS task running, and says so', async () => {
  const w = world()
  w.rds.nextTask = { durationMs: 30 * 60_000 }
  const controller = new AbortController()
  w.rds.onSend = (name) => {
    if (name === 'DescribeExportTasks')
      controller.abort(new CancelledError('the run was cancelled'))
  }
  const { record, log } = await run(w, { signal: controller.signal })
  expect(record.status).toBe('cancelled')
  expect(w.rds.count('CancelExportTask')).toBe(0)
  expect(w.rds.count('DescribeExportTasks')).toBe(1)
  expect(log.join('\n')).toMatch(
    /Stopped waiting for export task .* The task was not cancelled: it keeps running on AWS and is billed/
  )
})

test('skipped tables in WarningMessage become warnings and state.export.skipped', async () => {
  const w = world()
  w.rds.nextTask = {
    durationMs: 3000,
    warningMessage: JSON.stringify({
      skippedTables: [{ target: 'crm.legacy_contacts', reason: 'COLUMN_NAME_NOT_SUPPORTED' }],
      skippedObjectives: [],
      general: []
    })
  }
  const { record } = await run(w)
  expect(w.state.export?.skipped).toEqual([
    { table: 'crm.legacy_contacts', reason: 'COLUMN_NAME_NOT_SUPPORTED' }
  ])
  expect(record.warnings).toContain(
    `Export task ${ID}: skipped table crm.legacy_contacts: COLUMN_NAME_NOT_SUPPORTED`
  )
  expect(record.numbers).toContainEqual({ label: 'tables skipped by the export', value: 1 })
})

test('export-task-identifier attaches to that task without starting one, and fails when it does not exist', async () => {
  const w = world()
  await run(w)
  const other = world()
  const attach = inputsWith({ aws: { ...inputsWith().aws, exportTaskIdentifier: ID } })
  const { result } = await run({ ...other, rds: w.rds, clock: w.clock }, { inputs: attach })
  expect(result.error).toBeUndefined()
  expect(w.rds.count('StartExportTask')).toBe(1)

  const missing = inputsWith({ aws: { ...inputsWith().aws, exportTaskIdentifier: 'nope' } })
  const gone = await run(world(), { inputs: missing })
  expect((gone.result.error as Error).message).toMatch(
    /Export task nope \(input export-task-identifier\) does not exist/
  )
})

test('throttled polls are retried within bounds; a start throttled beyond them fails with AWS’s line', async () => {
  const w = world()
  w.rds.onSend = (name) => {
    if (name === 'DescribeExportTasks' && w.rds.count(name) === 1) w.rds.throttle = 2
  }
  expect((await run(w, { retries: 3 })).result.error).toBeUndefined()

  const bad = world()
  bad.rds.throttle = 50
  const { result } = await run(bad, { retries: 2 })
  expect((result.error as PhaseError).toolLine).toBe('Throttling: Rate exceeded')
  expect(bad.rds.count('StartExportTask')).toBe(3)
})

test('without the selected tables or the snapshot there is nothing to export', async () => {
  const w = world()
  delete w.state.tables
  expect((await run(w)).record.failure?.message).toMatch(/selected tables are unknown/)
  const n = world()
  delete n.state.snapshot
  expect((await run(n)).record.failure?.message).toMatch(/No snapshot to export/)
})
