// replicate with a scripted dmctl on a manual clock: the wait for the task to run from the recorded position ends in
// success, in DM's own error, or at the dm-sync-timeout-minutes deadline with the last status published.
import { parse } from 'yaml'
import type { Inputs } from '../../src/inputs/types.js'
import { newMigrationState, type MigrationState } from '../../src/phases/migration-state.js'
import { dmTaskNameFor } from '../../src/phases/names.js'
import { replicatePhase } from '../../src/phases/replicate.js'
import { newReport } from '../../src/report/types.js'
import { decideResume, restoreState } from '../../src/resume/decide.js'
import { parseRunState } from '../../src/resume/parse.js'
import { newRunState, withFinishedPhase } from '../../src/resume/record.js'
import { taskStatusFromQuery } from '../../src/tidb/dm/status.js'
import type { Dmctl, DmctlCall } from '../../src/tidb/dm/dmctl.js'
import { parseDmctlOutput } from '../../src/tidb/dm/dmctl-output.js'
import { ManualClock } from '../helpers/manual-clock.js'
import { inputsWith, runPhase, type OnePhaseRun } from '../helpers/run-phase.js'
import { AURORA_SOURCE, fixture, SCRIPTED_TIUP } from '../tidb/dm/dmctl-samples.js'

const DEADLINE_MS = 10 * 60_000
/** Largest interval between query-status checks (dm-wait's default), and the least it is after ±10 % jitter. */
const MAX_INTERVAL_MS = 15_000
const MIN_LONG_INTERVAL_MS = 13_500
const BINLOGS = ['mysql-bin-changelog.018129', 'mysql-bin-changelog.018130']

/** The fixture's task, its syncer at (…018129, 52806) and the source at (…018130, 1204). */
const BEHIND = fixture('query-status-running-lag-v8.txt')
/** The same task once the syncer reached the source's position. */
const CAUGHT_UP = BEHIND.replace(
  '"syncerBinlog": "(mysql-bin-changelog.018129, 52806)"',
  '"syncerBinlog": "(mysql-bin-changelog.018130, 1204)"'
)
const NOT_FOUND = fixture('query-status-unknown-task.txt')
const PAUSED_WITH_ERROR = fixture('query-status-paused-36069-relay-v8.txt')

/** Recorded after the fixture's syncer position, before the source's. */
const STATE: MigrationState = {
  runKey: 'r',
  tiup: SCRIPTED_TIUP,
  binlog: { file: 'mysql-bin-changelog.018130', position: 100, gtid: undefined, capturedAt: 0 },
  source: { version: '8.0.32', gtidEnabled: false, flavor: 'mysql' }
}

/** Inputs matching get-config-source.txt, so the registered source is reused. */
function inputs(): Inputs {
  const base = inputsWith({}, DEADLINE_MS / 60_000)
  const { host, port, user } = AURORA_SOURCE.from
  return {
    ...base,
    source: { host, port, user, password: 'source-secret' },
    dm: {
      masterAddr: '10.0.0.1:8261',
      sourceId: 'aurora-01',
      taskName: 'aurora-task',
      safeMode: true
    }
  }
}

interface Scripted {
  readonly dmctl: Dmctl
  /** Every dmctl command, in order. */
  readonly calls: string[]
  /** Clock time of each query-status. */
  readonly queriedAt: number[]
  /** The options of each start-task. */
  readonly starts: ({ readonly removeMeta?: boolean } | undefined)[]
  /** The text of each config file written, in order (source, task). */
  readonly written: string[]
}

/** Fixtures answering the source and pre-check calls, when not the defaults. */
interface DmAnswers {
  readonly tasks?: string
  readonly stop?: string
  readonly check?: string
  readonly create?: string
}

/**
 * get-config finds the same source (used by a running task unless `tasks` says otherwise), check-task passes,
 * start-task succeeds; query-status answers in turn.
 */
function scripted(
  clock: ManualClock,
  statuses: readonly string[],
  dmAnswers: DmAnswers = {}
): Scripted {
  const {
    tasks = 'query-status-list-running.txt',
    stop = 'operate-source-stop-success.txt',
    check = 'check-task-pass-v8.txt',
    create = 'operate-source-create-success-v8.txt'
  } = dmAnswers
  const calls: string[] = []
  const queriedAt: number[] = []
  const starts: Scripted['starts'] = []
  const written: string[] = []
  const answer = (command: DmctlCall['command'], text: string): Promise<DmctlCall> => {
    calls.push(command)
    return Promise.resolve({
      command,
      output: parseDmctlOutput(text),
      commandLine: command,
      tail: []
    })
  }
  const dmctl: Dmctl = {
    getSourceConfig: () => answer('get-config', fixture('get-config-source.txt')),
    createSource: () => answer('operate-source', fixture(create)),
    stopSource: () => answer('operate-source', fixture(stop)),
    listTasks: () => answer('query-status', fixture(tasks)),
    checkTask: () => answer('check-task', fixture(check)),
    startTask: (_file, opts) => {
      starts.push(opts)
      return answer('start-task', fixture('start-task-success-v8.txt'))
    },
    async queryStatus(task) {
      queriedAt.push(clock.now())
      const text = statuses[Math.min(queriedAt.length - 1, statuses.length - 1)] ?? ''
      const c = await answer('query-status', text)
      return { ...c, status: taskStatusFromQuery(c.output, task) }
    },
    operateTask: () => Promise.reject(new Error('not used')),
    writeConfig: (kind, text) => {
      written.push(text)
      return Promise.resolve(`/tmp/${kind}.yaml`)
    },
    removeFiles: () => Promise.resolve([])
  }
  return { dmctl, calls, queriedAt, starts, written }
}

async function replicate(
  statuses: readonly string[],
  state: MigrationState = STATE,
  given: Inputs = inputs(),
  dmAnswers?: DmAnswers
): Promise<{
  run: OnePhaseRun
  dm: Scripted
  start: number
  clock: ManualClock
}> {
  const clock = new ManualClock()
  const start = clock.now()
  const dm = scripted(clock, statuses, dmAnswers)
  const body = replicatePhase(state, {
    dmctl: () => dm.dmctl,
    listBinaryLogs: () => Promise.resolve(BINLOGS),
    clock
  })
  const run = await runPhase(body, { inputs: given, clock })
  return { run, dm, start, clock }
}

describe('replicate: waiting for the task to run from the recorded position', () => {
  test('a syncer that stays behind fails at the deadline, naming the input and the position', async () => {
    const { run, dm, start, clock } = await replicate([NOT_FOUND, BEHIND])
    expect(dm.calls.slice(0, 5)).toEqual([
      'query-status',
      'get-config',
      'query-status',
      'check-task',
      'start-task'
    ])
    expect(run.record.failure?.message).toBe(
      'DM task aurora-task was not running from the recorded position (mysql-bin-changelog.018130, 100) ' +
        'after 10m 00s (input dm-sync-timeout-minutes); last seen: Running · lag 42 s · ' +
        'synced to (mysql-bin-changelog.018129, 52806) · source at (mysql-bin-changelog.018130, 1204).'
    )
    expect(run.report.outputs).toMatchObject({
      'dm-task': 'aurora-task',
      'dm-stage': 'Running',
      'dm-lag-seconds': '42',
      'dm-synced-position': 'mysql-bin-changelog.018129:52806'
    })
    // The wait polled until the deadline and stopped at its last check.
    const polls = dm.queriedAt.slice(1)
    const lastPoll = (polls.at(-1) ?? start) - start
    expect(lastPoll).toBeGreaterThanOrEqual(DEADLINE_MS)
    expect(lastPoll).toBeLessThan(DEADLINE_MS + MAX_INTERVAL_MS)
    expect(clock.now() - start).toBeLessThan(DEADLINE_MS + MAX_INTERVAL_MS)
    expect(polls.length).toBeGreaterThanOrEqual(DEADLINE_MS / MAX_INTERVAL_MS)
    // At most the long intervals' worth, plus the first six while the interval grows from 2 s.
    expect(polls.length).toBeLessThanOrEqual(Math.ceil(DEADLINE_MS / MIN_LONG_INTERVAL_MS) + 6)
  })

  test('a syncer that reaches the position on the third check succeeds', async () => {
    const { run, dm, start, clock } = await replicate([NOT_FOUND, BEHIND, BEHIND, CAUGHT_UP])
    expect(run.record.failure).toBeUndefined()
    expect(dm.queriedAt).toHaveLength(4)
    expect(clock.now() - start).toBeLessThan(DEADLINE_MS)
    expect(run.report.outputs['dm-stage']).toBe('Running')
    expect(run.report.outputs['dm-synced-position']).toBe('mysql-bin-changelog.018130:1204')
    expect(run.record.note).toBe(
      'task aurora-task started from (mysql-bin-changelog.018130, 100) in safe mode'
    )
  })

  test('a task DM paused with an error fails at once with DM’s error line', async () => {
    const { run, dm, start, clock } = await replicate([NOT_FOUND, BEHIND, PAUSED_WITH_ERROR])
    const line =
      '[code=36069:class=sync-unit:scope=upstream:level=high], Message: get binlog event error: ' +
      'ERROR 1236 (HY000): Could not find first log file name in binary log index file, ' +
      'RawCause: ERROR 1236 (HY000): Could not find first log file name in binary log index file, ' +
      'Workaround: Please check if the binlog file could be parsed by `mysqlbinlog`.'
    expect(run.record.failure?.message).toBe(`DM task aurora-task stopped replicating: ${line}`)
    expect(run.record.failure?.toolLine).toBe(line)
    expect(run.report.outputs['dm-stage']).toBe('Error')
    expect(dm.queriedAt).toHaveLength(3)
    expect(clock.now() - start).toBeLessThan(DEADLINE_MS)
  })
})

describe('replicate: which checkpoint DM starts from', () => {
  const runKeyTask = (): Inputs => {
    const i = inputs()
    return { ...i, dm: { ...i.dm, taskName: undefined } }
  }
  const resumed: MigrationState = { ...STATE, resumed: { phasesDone: { precheck: 'x' } } }
  /** The fixture's status, of the task named after the run key. */
  const ownCaughtUp = CAUGHT_UP.replaceAll('aurora-task', dmTaskNameFor(STATE.runKey))

  test('a new run starts its task with --remove-meta, so no earlier checkpoint overrides the recorded position', async () => {
    const { run, dm } = await replicate([NOT_FOUND, CAUGHT_UP])
    expect(run.record.failure).toBeUndefined()
    expect(dm.starts).toEqual([{ removeMeta: true }])
    expect(run.log.join('\n')).toContain('Starting DM task aurora-task with --remove-meta')
  })

  test('a resumed attempt under the run key’s task name keeps that task’s checkpoint', async () => {
    const { run, dm } = await replicate([NOT_FOUND, ownCaughtUp], resumed, runKeyTask())
    expect(run.record.failure).toBeUndefined()
    expect(dm.starts).toEqual([{ removeMeta: false }])
  })

  test('a resumed attempt with a user-chosen dm-task-name still removes the checkpoint', async () => {
    const { dm } = await replicate([NOT_FOUND, CAUGHT_UP], resumed)
    expect(dm.starts).toEqual([{ removeMeta: true }])
  })

  test('a re-run that finds its own task in DM re-attaches and never calls start-task', async () => {
    const { run, dm } = await replicate([ownCaughtUp], resumed, runKeyTask())
    expect(run.record.failure).toBeUndefined()
    expect(dm.calls).not.toContain('start-task')
    expect(dm.starts).toEqual([])
  })
})

describe('replicate: how long the task stays in safe mode', () => {
  /** A restored copy that announced the snapshot's own position. */
  const exact: MigrationState = {
    ...STATE,
    restored: {
      cluster: 'copy',
      instance: 'copy-1',
      keep: false,
      binlog: { file: 'mysql-bin-changelog.018130', position: 100 }
    }
  }
  const copied: MigrationState = {
    ...exact,
    skippedTables: [{ database: 'shop', table: 'geo', reason: 'spatial', filled: 'copied' }]
  }
  const withDuration = (d: string): Inputs => {
    const i = inputs()
    return { ...i, dm: { ...i.dm, safeModeDuration: d } }
  }
  const syncer = (dm: Scripted): Record<string, unknown> => {
    const task = parse(dm.written.at(-1) ?? '') as { syncers: { global: Record<string, unknown> } }
    return task.syncers.global
  }

  test.each<[string, MigrationState, Inputs, Record<string, unknown>, RegExp]>([
    [
      'from the recorded position: the whole task',
      STATE,
      inputs(),
      { 'safe-mode': true },
      /for the whole task/
    ],
    [
      "from the snapshot's own position: DM's 60s window",
      exact,
      inputs(),
      { 'safe-mode': false, 'safe-mode-duration': '60s' },
      /for 60s after each start or resume: DM starts from the snapshot's own position/
    ],
    [
      'copied tables after the snapshot: the whole task',
      copied,
      inputs(),
      { 'safe-mode': true },
      /for the whole task/
    ],
    [
      "the user's window from the snapshot's own position",
      exact,
      withDuration('5m'),
      { 'safe-mode': false, 'safe-mode-duration': '5m' },
      /for 5m after each start or resume \(input safe-mode-duration\)/
    ]
  ])('%s', async (_name, state, given, expected, logged) => {
    const { run, dm } = await replicate([NOT_FOUND, CAUGHT_UP], state, given)
    expect(run.record.failure).toBeUndefined()
    expect(syncer(dm)).toEqual(expected)
    expect(run.log.join('\n')).toMatch(logged)
    expect(run.log.join('\n')).not.toMatch(/replays changes the target already holds \(from/)
  })

  test("the user's window over a replay of the gap is rendered and warned about", async () => {
    const { run, dm } = await replicate([NOT_FOUND, CAUGHT_UP], STATE, withDuration('10m'))
    expect(run.record.failure).toBeUndefined()
    expect(syncer(dm)).toEqual({ 'safe-mode': false, 'safe-mode-duration': '10m' })
    expect(run.log.join('\n')).toMatch(
      /safe-mode-duration is 10m, but DM replays changes the target already holds/
    )
  })
})

describe('replicate on a resumed run whose earlier attempt restored the copy', () => {
  /** The copy's position: after the one recorded before the snapshot (STATE's …018130:100). */
  const COPY_POSITION = { file: 'mysql-bin-changelog.018130', position: 900 }
  const DONE = [
    'precheck',
    'binlog-capture',
    'snapshot',
    'export',
    'data-import',
    'restore',
    'verify'
  ]

  /** The state a re-run starts replicate with: the earlier attempt's record, written, read back and restored. */
  function resumedState(given: Inputs): MigrationState {
    const earlier: MigrationState = {
      ...STATE,
      runKey: given.runKey,
      restored: {
        cluster: 'copy',
        instance: 'copy-1',
        keep: false,
        endpoint: { host: 'copy.cluster-x.rds.amazonaws.com', port: 3306 },
        binlog: COPY_POSITION
      }
    }
    const report = newReport('migrate', new Date(0))
    let record = newRunState(given.runKey, given, new Date(0))
    for (const id of DONE)
      record = withFinishedPhase(
        record,
        { id, endedAt: '2026-01-01T00:00:00.000Z', outputs: {}, numbers: [] },
        earlier,
        report
      )
    const where = 's3://bucket/.state/k.json'
    const back = parseRunState(JSON.stringify(record), where, given.runKey)
    const decision = decideResume({
      record: back,
      inputs: given,
      attempt: 2,
      where,
      phaseIds: [...DONE, 'replicate']
    })
    if (decision.kind !== 'resume') throw new Error('expected a resume')
    expect(decision.skip.has('restore')).toBe(true)
    const state: MigrationState = { ...newMigrationState(given.runKey), tiup: SCRIPTED_TIUP }
    restoreState(state, back, decision.skip)
    return state
  }

  test("DM starts from the copy's position the record kept, not the one recorded before the snapshot", async () => {
    const given = inputs()
    const state = resumedState(given)
    expect(state.restored?.endpoint).toBeUndefined()
    const { run, dm } = await replicate([NOT_FOUND, CAUGHT_UP], state, given)
    expect(run.record.failure).toBeUndefined()
    const task = parse(dm.written.at(-1) ?? '') as {
      'mysql-instances': { meta?: Record<string, unknown> }[]
    }
    expect(task['mysql-instances'][0]?.meta).toMatchObject({
      'binlog-name': COPY_POSITION.file,
      'binlog-pos': COPY_POSITION.position
    })
    expect(run.log.join('\n')).toContain(
      "DM starts from the snapshot's own binlog position (mysql-bin-changelog.018130, 900), announced by its restored copy; the position recorded before the snapshot was (mysql-bin-changelog.018130, 100)"
    )
  })
})

describe('replicate: a source already registered under dm-source-id', () => {
  test("no task uses it: it is stopped and registered again with this run's settings, saying why", async () => {
    const { run, dm } = await replicate([NOT_FOUND, CAUGHT_UP], STATE, inputs(), {
      tasks: 'query-status-list-empty.txt'
    })
    expect(run.record.failure).toBeUndefined()
    expect(dm.calls.slice(0, 6)).toEqual([
      'query-status',
      'get-config',
      'query-status',
      'operate-source',
      'operate-source',
      'check-task'
    ])
    expect(parse(dm.written[0] ?? '')).toMatchObject({
      'source-id': 'aurora-01',
      from: { password: 'source-secret' }
    })
    expect(run.log.join('\n')).toContain(
      'DM source aurora-01 is already registered: no DM task uses it, and DM neither shows its password (******) nor updates a registered source'
    )
  })

  test('DM keeping the source on stop (a task the list missed) reuses it; a denied pre-check then names the fix', async () => {
    const { run, dm } = await replicate([NOT_FOUND], STATE, inputs(), {
      tasks: 'query-status-list-empty.txt',
      stop: 'operate-source-stop-tasks-exist.txt',
      check: 'check-task-access-denied-v8.txt'
    })
    expect(dm.calls.slice(2)).toEqual(['query-status', 'operate-source', 'check-task'])
    expect(run.log.join('\n')).toContain(
      'DM kept source aurora-01 ([code=46010:class=dm-master:scope=internal:level=medium], Message: source with name aurora-01 need to operate has existing tasks [other-task]'
    )
    expect(run.record.failure?.message).toContain(
      'stop the tasks DM named (dmctl --master-addr 10.0.0.1:8261 stop-task <task>), then remove the old source (dmctl --master-addr 10.0.0.1:8261 operate-source stop aurora-01), then re-run.'
    )
  })

  test('registered again by another job between the stop and the create: the same source is reused', async () => {
    const { run, dm } = await replicate([NOT_FOUND, CAUGHT_UP], STATE, inputs(), {
      tasks: 'query-status-list-empty.txt',
      create: 'operate-source-create-exists.txt'
    })
    expect(run.record.failure).toBeUndefined()
    expect(dm.calls.slice(2, 6)).toEqual([
      'query-status',
      'operate-source',
      'operate-source',
      'get-config'
    ])
    expect(run.log.join('\n')).toContain(
      "DM source aurora-01 was registered again meanwhile with this source's settings: reusing it."
    )
  })

  test('tasks use it and the pre-check is denied access: refused before start-task, naming the tasks to stop', async () => {
    const { run, dm } = await replicate([NOT_FOUND], STATE, inputs(), {
      check: 'check-task-access-denied-v8.txt'
    })
    expect(dm.calls).not.toContain('start-task')
    expect(dm.calls).not.toContain('operate-source')
    const message = run.record.failure?.message ?? ''
    expect(message).toContain("Access denied for user 'dm_user'")
    expect(message).toContain(
      "If the source's settings changed since DM source aurora-01 was registered (a new password), DM cannot update a registered source and does not show its password: stop the tasks on source aurora-01 (dmctl --master-addr 10.0.0.1:8261 stop-task other-task), then remove the old source (dmctl --master-addr 10.0.0.1:8261 operate-source stop aurora-01), then re-run."
    )
  })

  test('running tasks use it: it is reused, the log naming them', async () => {
    const { run, dm } = await replicate([NOT_FOUND, CAUGHT_UP])
    expect(dm.calls).not.toContain('operate-source')
    expect(run.log.join('\n')).toContain(
      'reusing it (DM tasks other-task (Running) use it, so it cannot be registered again).'
    )
  })
})
