// The DM lifecycle operations on the sandbox: status (with and without the lag gate), pause → writes do not
// arrive → resume → they arrive, stop removes the task, and DM's own message when a task is missing or broken.
import { dmOperationPhase, type DmOperation } from '../../src/phases/dm-operation.js'
import { replicatePhase } from '../../src/phases/replicate.js'
import type { MigrationState } from '../../src/phases/migration-state.js'
import { PhaseError } from '../../src/util/errors.js'
import {
  appRows,
  dmctl,
  installDmctl,
  dmState,
  eventually,
  prepareApp,
  runOne
} from '../helpers/dm-world.js'
import { ManualClock } from '../helpers/manual-clock.js'
import { runAction, startHarness, type Harness } from '../helpers/sandbox-harness.js'

let h: Harness
let state: MigrationState
const TASK = 'ops'

beforeAll(async () => {
  h = await startHarness()
  state = dmState('e2e-ops', await installDmctl(h), await prepareApp(h))
  const run = await runOne(
    h,
    replicatePhase(state),
    h.inputs({ filter: 'app.*', 'dm-task-name': TASK })
  )
  expect(run.result.error).toBeUndefined()
}, 60_000)

afterAll(async () => {
  await h?.stop()
})

afterEach(() => {
  h.sb.clearFaults()
  h.sb.clearTimings()
})

function op(operation: DmOperation, overrides: Record<string, string> = {}, clock?: ManualClock) {
  return runOne(
    h,
    // With the manual clock, the default schedule (5 s growing to 30 s) makes a handful of checks for a minute.
    dmOperationPhase(state, operation, clock === undefined ? { pollIntervalMs: 200 } : { clock }),
    h.inputs({ operation, 'dm-task-name': TASK, ...overrides })
  )
}

let nextId = 100
async function write(): Promise<number> {
  const id = nextId++
  await h.sb.source.query('INSERT INTO app.items VALUES (?, ?, ?)', [id, `row ${id}`, id])
  return id
}
const inTarget = async (id: number): Promise<boolean> =>
  (await appRows(h.sb.target)).some((r) => r.startsWith(`${id}:`))

test('status publishes stage, lag and the synced position', async () => {
  const run = await op('status')
  expect(run.result.error).toBeUndefined()
  expect(run.report.outputs).toMatchObject({ 'dm-task': TASK, 'dm-stage': 'Running' })
  expect(run.report.outputs['dm-lag-seconds']).toMatch(/^\d+$/)
  expect(run.report.outputs['dm-synced-position']).toMatch(/^mysql-bin-changelog\.\d+:\d+$/)
  expect(run.report.outputs['ready-for-cutover']).toBeUndefined()
  const labels = run.report.phases[0]?.numbers.map((n) => n.label)
  expect(labels).toEqual(expect.arrayContaining(['DM stage', 'lag', 'synced to']))
}, 30_000)

test('the bundled action runs status: tiup installs dmctl, outputs and summary are written', async () => {
  const run = await runAction(h, {
    operation: 'status',
    'dm-task-name': TASK,
    'wait-for-lag-seconds': '30',
    'wait-timeout-minutes': '1'
  })
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({
    'dm-task': TASK,
    'dm-stage': 'Running',
    'ready-for-cutover': 'true'
  })
  expect(JSON.parse(run.outputs['tool-versions'] ?? '{}')).toMatchObject({ dmctl: 'v8.5.2' })
  expect(run.summary).toContain('DM stage')
  const passwords = [
    h.sb.env['INPUT_SOURCE-PASSWORD'] ?? '',
    h.sb.env['INPUT_TARGET-PASSWORD'] ?? ''
  ]
  // `::add-mask::` is how the runner learns what to hide; nothing else may show a password.
  const shown = (run.stdout + run.stderr + run.summary)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const p of passwords) expect(shown).not.toContain(p)
}, 120_000)

test('status with the lag gate: ready when the lag is within it', async () => {
  const run = await op('status', { 'wait-for-lag-seconds': '5', 'wait-timeout-minutes': '1' })
  expect(run.result.error).toBeUndefined()
  expect(run.report.outputs['ready-for-cutover']).toBe('true')
}, 30_000)

test('status with the lag gate fails when the lag stays above it until the deadline', async () => {
  // Every change waits 30 s before DM applies it: the lag grows, and stays above the gate for the whole check even
  // on a loaded machine (the checks' dmctl runs take real seconds; at 15 s the row could land before the last one).
  h.sb.setTiming('dm', 30)
  const id = await write()
  await new Promise((r) => setTimeout(r, 2500))
  const clock = new ManualClock(Date.now())
  const run = await op(
    'status',
    { 'wait-for-lag-seconds': '0', 'wait-timeout-minutes': '1' },
    clock
  )
  expect(run.report.outputs['ready-for-cutover']).toBe('false')
  expect(Number(run.report.outputs['dm-lag-seconds'])).toBeGreaterThanOrEqual(2)
  expect(run.result.error).toBeInstanceOf(PhaseError)
  expect(run.report.phases[0]?.failure?.message).toMatch(
    /^Not ready for cut-over: DM task ops was Running with lag \d+ s, not within wait-for-lag-seconds \(0 s\), after 1m 00s \(wait-timeout-minutes\)\.$/
  )
  h.sb.clearTimings()
  await eventually('the delayed row', () => inTarget(id), Boolean, 60_000)
}, 120_000)

test('pause stops the flow, resume brings the waiting writes', async () => {
  const paused = await op('pause')
  expect(paused.result.error).toBeUndefined()
  expect(paused.report.outputs['dm-stage']).toBe('Paused')
  const id = await write()
  await new Promise((r) => setTimeout(r, 1500))
  expect(await inTarget(id)).toBe(false)
  const resumed = await op('resume')
  expect(resumed.result.error).toBeUndefined()
  expect(resumed.report.outputs['dm-stage']).toBe('Running')
  await eventually('the row written while paused', () => inTarget(id), Boolean)
}, 60_000)

test('an unknown task fails with DM’s own message', async () => {
  const run = await op('pause', { 'dm-task-name': 'no-such-task' })
  expect(run.result.error).toBeInstanceOf(PhaseError)
  expect(run.report.phases[0]?.failure?.message).toBe(
    'pause-task no-such-task failed: task no-such-task has no source or not exist, please check the task name and status'
  )
  const status = await op('status', { 'dm-task-name': 'no-such-task' })
  expect(status.report.outputs['dm-stage']).toBe('NotFound')
  expect(status.report.phases[0]?.failure?.toolLine).toBe(
    'task no-such-task has no source or not exist'
  )
}, 30_000)

test('"result": false with exit 0 on pause-task fails the step', async () => {
  h.sb.setFault('dmctl-result-false', 'pause-task')
  const run = await op('pause')
  expect(run.result.error).toBeInstanceOf(PhaseError)
  expect(run.report.phases[0]?.failure?.message).toContain(
    'task ops has no source or not exist, please check the task name and status'
  )
  expect(JSON.parse(await dmctl(h, ['query-status', TASK])).sources[0].subTaskStatus[0].stage).toBe(
    'Running'
  )
}, 30_000)

test('a task DM paused with an error fails status with ErrCode 36069', async () => {
  h.sb.setFault('dm-task-paused-error')
  const run = await op('status')
  expect(run.report.outputs['dm-stage']).toBe('Error')
  expect(run.report.phases[0]?.failure?.message).toMatch(
    /^DM task ops is paused with an error: \[code=36069:class=sync-unit:scope=upstream:level=high\], Message: /
  )
  h.sb.clearFaults()
  const resumed = await op('resume')
  expect(resumed.report.outputs['dm-stage']).toBe('Running')
}, 60_000)

test('stop removes the task and reports where it stopped', async () => {
  const run = await op('stop')
  expect(run.result.error).toBeUndefined()
  expect(run.report.outputs['dm-stage']).toBe('Stopped')
  expect(run.report.outputs['dm-synced-position']).toMatch(/^mysql-bin-changelog\.\d+:\d+$/)
  expect(await dmctl(h, ['query-status', TASK])).toContain(
    `"msg": "task ${TASK} has no source or not exist"`
  )
}, 30_000)
