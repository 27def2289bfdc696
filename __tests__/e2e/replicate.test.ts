// The replicate phase on the sandbox: DM starts from the position recorded before the "snapshot", the rows written
// in between end up right (safe mode), later changes follow, a re-run finds its task, an existing source is reused
// or refused, each DM fault fails the step with DM's own message, and a purged binlog stops it before any DM call.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { replicatePhase } from '../../src/phases/replicate.js'
import type { CapturedBinlog } from '../../src/phases/migration-state.js'
import type { TiupSetup } from '../../src/tidb/tiup/tiup.js'
import { PhaseError } from '../../src/util/errors.js'
import {
  appRows,
  dmctl,
  installDmctl,
  dmState,
  eventually,
  prepareApp,
  purgeBinlogsBefore,
  runOne,
  stopAllTasks
} from '../helpers/dm-world.js'
import { startHarness, type Harness } from '../helpers/sandbox-harness.js'

let h: Harness
let tiup: TiupSetup
let binlog: CapturedBinlog
const FILTER = 'app.*\n!app.tmp_scratch'

beforeAll(async () => {
  h = await startHarness()
  tiup = await installDmctl(h)
  binlog = await prepareApp(h)
}, 60_000)

afterAll(async () => {
  await h?.stop()
})

afterEach(async () => {
  h.sb.clearFaults()
  await stopAllTasks(h)
})

const inputs = (overrides: Record<string, string> = {}) =>
  h.inputs({ filter: FILTER, 'dm-sync-timeout-minutes': '1', ...overrides })

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

/** Runs the replicate phase for task `task` (a state of its own, the recorded position of prepareApp). */
const replicate = (task: string, overrides: Record<string, string> = {}) =>
  runOne(
    h,
    replicatePhase(dmState(`e2e-${task}`, tiup, binlog)),
    inputs({ 'dm-task-name': task, ...overrides })
  )

function failureOf(run: Awaited<ReturnType<typeof runOne>>) {
  const record = run.report.phases.find((p) => p.id === 'replicate')
  expect(record?.status).toBe('failed')
  expect(run.result.error).toBeInstanceOf(PhaseError)
  return record?.failure
}

describe('replication from the recorded position', () => {
  test('starts DM in safe mode, absorbs the overlap, follows inserts, updates and deletes', async () => {
    const run = await replicate('main')
    expect(run.result.error).toBeUndefined()
    expect(run.report.outputs['dm-task']).toBe('main')
    expect(run.report.outputs['dm-stage']).toBe('Running')
    expect(run.report.outputs['dm-synced-position']).toMatch(/^mysql-bin-changelog\.\d+:\d+$/)
    expect(run.log.join('\n')).toContain(
      `The recorded binlog file ${binlog.file} is still on the source`
    )
    // The configs held both passwords: they are gone, and neither password reached the log.
    const passwords = [
      h.sb.env['INPUT_SOURCE-PASSWORD'] ?? '',
      h.sb.env['INPUT_TARGET-PASSWORD'] ?? ''
    ]
    expect(passwords.every((p) => p.length > 8)).toBe(true)
    const left = await filesUnder(h.sb.env['RUNNER_TEMP'] ?? '')
    expect(left.some((f) => f.endsWith('/dmctl.log'))).toBe(true) // dmctl's own log, kept for the post step
    expect(left.some((f) => f.endsWith('.yaml'))).toBe(false)
    for (const file of left) {
      const text = await readFile(file, 'utf8')
      for (const p of passwords) expect(text).not.toContain(p)
    }
    for (const p of passwords) expect(run.log.join('\n')).not.toContain(p)

    // The overlap (rows 4–5 and the update of row 1, already in the "snapshot") replayed without duplicate errors.
    await h.sb.source.query("INSERT INTO app.items VALUES (6, 'six', 6)")
    await h.sb.source.query("UPDATE app.items SET name = 'TWO' WHERE id = 2")
    await h.sb.source.query('DELETE FROM app.items WHERE id = 3')
    await h.sb.source.query('INSERT INTO app.tmp_scratch VALUES (1)') // filtered out: not in the target
    const want = await appRows(h.sb.source)
    expect(want).toEqual(['1:one:10', '2:TWO:2', '4:four:4', '5:five:5', '6:six:6'])
    await eventually(
      'the target to follow',
      () => appRows(h.sb.target),
      (r) => r.join() === want.join()
    )
    const status = JSON.parse(await dmctl(h, ['query-status', 'main'])) as {
      sources: { subTaskStatus: { stage: string; result: unknown }[] }[]
    }
    expect(status.sources[0]?.subTaskStatus[0]).toMatchObject({ stage: 'Running', result: null })
  }, 60_000)

  test('a re-run attempt finds its task running and reports it instead of starting it again', async () => {
    const first = await replicate('rerun')
    expect(first.result.error).toBeUndefined()
    const starts = h.sb.requests('dm').filter((r) => r.op === 'StartTask').length
    // This attempt also knows the snapshot's own position, past the recorded one, and has safe mode off.
    const state = dmState('e2e-rerun', tiup, binlog)
    state.snapshot = {
      identifier: 's',
      arn: 'arn',
      createdAt: 0,
      reused: false,
      binlog: { file: binlog.file, position: binlog.position + 500 }
    }
    const again = await runOne(
      h,
      replicatePhase(state),
      inputs({ 'dm-task-name': 'rerun', 'safe-mode': 'false' })
    )
    expect(again.report.phases[0]?.warnings[0]).toMatch(/^safe-mode is false, but DM replays/)
    expect(again.result.error).toBeUndefined()
    expect(again.report.phases[0]?.note).toContain('already in DM')
    expect(again.report.outputs['dm-stage']).toBe('Running')
    expect(h.sb.requests('dm').filter((r) => r.op === 'StartTask').length).toBe(starts)
    // The source registered by the first run was reused, not created again.
    expect(again.log.join('\n')).not.toContain('operate-source')
  }, 60_000)

  test('a source already registered under dm-source-id with another config is refused by name', async () => {
    const file = path.join(h.sb.dir, 'other-source.yaml')
    await writeFile(
      file,
      `source-id: other-src\nfrom: {host: 127.0.0.1, port: ${h.sb.source.port}, user: root, password: "${h.sb.source.rootPassword}"}\n`
    )
    expect(await dmctl(h, ['operate-source', 'create', file])).toContain('"result": true')
    const checks = h.sb.requests('dm').filter((r) => r.op === 'CheckTask').length
    const run = await replicate('other', { 'dm-source-id': 'other-src' })
    const failure = failureOf(run)
    expect(failure?.message).toContain(
      "DM source 'other-src' (input dm-source-id) is already registered"
    )
    expect(failure?.message).toContain("from.user is 'root' (wanted 'migrator')")
    expect(h.sb.requests('dm').filter((r) => r.op === 'CheckTask').length).toBe(checks)
  }, 60_000)
})

describe('DM faults fail the step with DM’s own message', () => {
  test('check-task failing lists the failed checks one by one', async () => {
    h.sb.setFault('dm-check-task-fail')
    const starts = h.sb.requests('dm').filter((r) => r.op === 'StartTask').length
    const run = await replicate('checkfail')
    const failure = failureOf(run)
    expect(failure?.message).toMatch(/^DM's pre-check \(check-task\) failed: \n- \[fail\] /)
    expect(failure?.toolLine).toContain('[code=26005:class=dm-master')
    expect(
      run.report.checks.some((c) => c.id.startsWith('dm.precheck.') && c.status === 'fail')
    ).toBe(true)
    expect(h.sb.requests('dm').filter((r) => r.op === 'StartTask').length).toBe(starts)
  }, 60_000)

  test('start-task answering "result": false with exit 0 fails', async () => {
    h.sb.setFault('dmctl-result-false', 'start-task')
    const run = await replicate('resultfalse')
    const failure = failureOf(run)
    expect(failure?.message).toContain(
      'Starting DM task resultfalse (start-task) failed: [code=46014'
    )
    expect(failure?.toolLine).toMatch(
      /^\[code=46014:class=scheduler:scope=internal:level=medium\], Message: subtasks with name resultfalse/
    )
  }, 60_000)

  test('a task DM pauses with an error fails with ErrCode 36069 and its workaround', async () => {
    h.sb.setFault('dm-task-paused-error')
    const run = await replicate('pausederr')
    const failure = failureOf(run)
    expect(failure?.message).toContain(
      'DM task pausederr stopped replicating: [code=36069:class=sync-unit'
    )
    expect(failure?.toolLine).toContain('Workaround:')
    expect(run.report.outputs['dm-stage']).toBe('Error')
  }, 60_000)
})

describe('a purged binlog', () => {
  test('refuses before any DM call', async () => {
    const newest = await purgeBinlogsBefore(h, binlog.file)
    const before = h.sb.requests('dm').length
    const run = await replicate('purged')
    const failure = failureOf(run)
    expect(failure?.message).toContain(
      `The binlog file ${binlog.file} recorded before the snapshot is no longer on the source`
    )
    expect(failure?.message).toContain(`the oldest binary log it keeps is ${newest}`)
    expect(h.sb.requests('dm').length).toBe(before)
  }, 60_000)
})
