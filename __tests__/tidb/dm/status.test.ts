import {
  stageOfListStatus,
  syncerPassed,
  taskListFromQuery,
  taskStatusFromQuery
} from '../../../src/tidb/dm/status.js'
import { parseDmctlOutput } from '../../../src/tidb/dm/dmctl-output.js'
import { describeReal, fixture, real } from './dmctl-samples.js'

const fromReal = (name: string, task?: string): ReturnType<typeof taskStatusFromQuery> =>
  taskStatusFromQuery(parseDmctlOutput(real(name)), task)
const fromFixture = (name: string, task?: string): ReturnType<typeof taskStatusFromQuery> =>
  taskStatusFromQuery(parseDmctlOutput(fixture(name)), task)

describeReal('task status from observed query-status output', () => {
  test('running, single source', () => {
    const s = fromReal('query-status-running-sync.txt', 'test')
    expect(s).toMatchObject({
      task: 'test',
      found: true,
      stage: 'Running',
      lagSeconds: undefined,
      errors: []
    })
    expect(s.sources).toEqual([
      {
        source: 'mysql-replica-01',
        task: 'test',
        worker: 'worker1',
        result: true,
        msg: '',
        stage: 'Running',
        unit: 'Sync',
        synced: true,
        masterBinlog: { file: 'DESKTOP-T561TSO-bin.000001', pos: 2388 },
        syncerBinlog: { file: 'DESKTOP-T561TSO-bin.000001', pos: 2388 },
        masterGtid: '143bdef3-dd4a-11ea-8b00-00155de45f57:1-10',
        syncerGtid: '143bdef3-dd4a-11ea-8b00-00155de45f57:1-4',
        secondsBehindMaster: undefined, // DM 2.0 does not print it
        totalEvents: 4,
        totalRows: undefined,
        relayStage: '',
        errors: []
      }
    ])
  })

  test('paused with DM 2.x errors on two sources: Error stage, every error with its fields', () => {
    const s = fromReal('query-status-paused-errors-2sources.txt', 'test')
    expect(s.stage).toBe('Error')
    expect(s.errors.map((e) => [e.source, e.code, e.class, e.scope, e.level, e.rawCause])).toEqual([
      [
        'mysql-replica-01',
        44006,
        'schema-tracker',
        'internal',
        'high',
        '[ddl:8200]Unsupported modify charset from latin1 to utf8'
      ],
      [
        'mysql-replica-02',
        44006,
        'schema-tracker',
        'internal',
        'high',
        '[ddl:8200]Unsupported modify charset from latin1 to utf8'
      ]
    ])
    expect(s.errors[0]?.message).toMatch(/cannot track DDL: ALTER TABLE `shard_db_1`/)
    expect(s.sources.map((x) => x.syncerBinlog?.pos)).toEqual([1420, 1420])
  })

  test('36008 with a workaround', () => {
    const s = fromReal('query-status-paused-36008-shard.txt')
    expect(s.stage).toBe('Error')
    expect(s.errors[0]?.workaround).toBe('Please use `show-ddl-locks` command for more details.')
  })

  test('annotated docs: legacy {Type, msg} errors, Load unit, a paused source wins', () => {
    const s = fromReal('query-status-annotated-docs.txt', 'test')
    expect(s.sources.map((x) => [x.source, x.stage, x.unit])).toEqual([
      ['mysql-replica-01', 'Running', 'Sync'],
      ['mysql-replica-02', 'Running', 'Load'],
      ['mysql-replica-03', 'Paused', 'Load']
    ])
    expect(s.stage).toBe('Error')
    expect(s.errors).toHaveLength(1)
    expect(s.errors[0]).toMatchObject({
      source: 'mysql-replica-03',
      code: undefined,
      class: 'ExecSQL'
    })
    expect(s.errors[0]?.message).toMatch(/^Error 1062: Duplicate entry/)
    expect(s.sources[0]?.syncerBinlog).toEqual({ file: 'bin.000001', pos: 2525 })
  })

  test('v8 docs, four sources (Sync with a blocking DDL, Load, Load paused on 1062, Dump): Error', () => {
    const s = fromReal('query-status-4sources-docs-v8.txt', 'test')
    expect(s).toMatchObject({ task: 'test', found: true, stage: 'Error', lagSeconds: undefined })
    expect(s.sources.map((x) => [x.source, x.worker, x.stage, x.unit])).toEqual([
      ['mysql-replica-01', 'worker1', 'Running', 'Sync'],
      ['mysql-replica-02', 'worker2', 'Running', 'Load'],
      ['mysql-replica-03', 'worker3', 'Paused', 'Load'],
      ['mysql-replica-04', 'worker4', 'Running', 'Dump']
    ])
    expect(s.sources[0]).toMatchObject({
      synced: false,
      masterBinlog: { file: 'bin.000001', pos: 3234 },
      syncerBinlog: { file: 'bin.000001', pos: 2525 },
      masterGtid: 'c0149e17-dff1-11e8-b6a8-0242ac110004:1-14',
      syncerGtid: '',
      totalEvents: undefined, // v8 prints totalRows instead
      totalRows: 12
    })
    expect(s.errors).toHaveLength(1)
    expect(s.errors[0]).toMatchObject({
      source: 'mysql-replica-03',
      code: undefined,
      class: 'ExecSQL'
    })
    expect(s.errors[0]?.message).toMatch(
      /^Error 1062: Duplicate entry '1155173304420532225' for key 'PRIMARY'\n/
    )
    // Three sources are not replicating yet: no recorded position counts as passed.
    expect(s.passed({ file: 'bin.000001', pos: 4 })).toBe(false)
    expect(taskListFromQuery(parseDmctlOutput(real('query-status-4sources-docs-v8.txt')))).toEqual([
      {
        name: 'test',
        status: 'Error',
        stage: 'Error',
        sources: ['mysql-replica-01', 'mysql-replica-02', 'mysql-replica-03', 'mysql-replica-04']
      }
    ])
  })

  test('a 2024 sync member with GTID off upstream: the zero syncer GTID set leaves the position to decide', () => {
    // The pasted `sync` member, in the smallest query-status answer around it (the sample stops after it).
    const text = `{"result": true, "msg": "", "sources": [{"result": true, "msg": "", "sourceStatus": {"source": "mysql1", "worker": "w"}, "subTaskStatus": [{"name": "mysql1", "stage": "Running", "unit": "Sync",\n${real('query-status-sync-fragment-zero-gtid-2024.txt')}`
    const s = taskStatusFromQuery(parseDmctlOutput(text), 'mysql1')
    const [one] = s.sources
    expect(one).toMatchObject({
      masterBinlog: { file: 'binlog.000119', pos: 23186223 },
      syncerBinlog: { file: 'binlog.000119', pos: 23186223 },
      masterGtid: '',
      syncerGtid: '00000000-0000-0000-0000-000000000000:0',
      totalEvents: 17322668
    })
    expect(s.passed({ file: 'binlog.000119', pos: 23186223 })).toBe(true)
    expect(s.passed({ file: 'binlog.000119', pos: 23186224 })).toBe(false)
    // A recorded GTID set cannot be compared with DM's empty set: the position decides, as without one.
    expect(
      s.passed({
        file: 'binlog.000118',
        pos: 4,
        gtid: '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5'
      })
    ).toBe(true)
  })

  test('the `try` typo leaves `synced` unknown but keeps the rest', () => {
    const s = fromReal('query-status-running-2sources-typo.txt', 'test')
    expect(s.sources.map((x) => x.synced)).toEqual([true, undefined])
    expect(s.stage).toBe('Running')
  })

  test('passed(): GTID containment when both sides have one, else file then offset', () => {
    const s = fromReal('query-status-running-2sources-typo.txt', 'test')
    // Positions: both syncers are at (DESKTOP-T561TSO-bin.000001, 2388) and (…, 2268).
    expect(s.passed({ file: 'DESKTOP-T561TSO-bin.000001', pos: 2268 })).toBe(true)
    expect(s.passed({ file: 'DESKTOP-T561TSO-bin.000001', pos: 2300 })).toBe(false) // the second source is behind
    expect(s.passed({ file: 'DESKTOP-T561TSO-bin.000002', pos: 4 })).toBe(false)
    const [one] = s.sources
    expect(
      one &&
        syncerPassed(one, {
          file: 'x.000009',
          pos: 4,
          gtid: '143bdef3-dd4a-11ea-8b00-00155de45f57:1-4'
        })
    ).toBe(true)
    expect(
      one &&
        syncerPassed(one, {
          file: 'x.000001',
          pos: 4,
          gtid: '143bdef3-dd4a-11ea-8b00-00155de45f57:1-5'
        })
    ).toBe(false)
  })

  test('the task list', () => {
    expect(taskListFromQuery(parseDmctlOutput(real('query-status-list-one-task.txt')))).toEqual([
      { name: 'test-1', status: 'Running', stage: 'Running', sources: ['mysql-01'] }
    ])
  })

  test('the task list, v8 docs (encoding/json): Running and Paused', () => {
    expect(
      taskListFromQuery(parseDmctlOutput(real('query-status-task-list-docs-v8.json')))
    ).toEqual([
      {
        name: 'test',
        status: 'Running',
        stage: 'Running',
        sources: ['mysql-replica-01', 'mysql-replica-02']
      },
      {
        name: 'test2',
        status: 'Paused',
        stage: 'Paused',
        sources: ['mysql-replica-01', 'mysql-replica-02']
      }
    ])
  })

  test('the task list derived from the full form dmctl prints when a result is false', () => {
    expect(taskListFromQuery(parseDmctlOutput(real('query-status-annotated-docs.txt')))).toEqual([
      {
        name: 'test',
        status: 'Error',
        stage: 'Error',
        sources: ['mysql-replica-01', 'mysql-replica-02', 'mysql-replica-03']
      }
    ])
  })
})

describe('task status from our v8 fixtures', () => {
  test('lag, int64 counters, Aurora positions', () => {
    const s = fromFixture('query-status-running-lag-v8.txt', 'aurora-task')
    expect(s).toMatchObject({ found: true, stage: 'Running', lagSeconds: 42 })
    expect(s.sources[0]).toMatchObject({
      totalEvents: 7388167961,
      totalRows: undefined, // above 2^53
      syncerBinlog: { file: 'mysql-bin-changelog.018129', pos: 52806 },
      synced: false
    })
    expect(s.passed({ file: 'mysql-bin-changelog.018128', pos: 99999 })).toBe(true)
    expect(s.passed({ file: 'mysql-bin-changelog.018129', pos: 52807 })).toBe(false)
  })

  test('paused with 36069 while relay runs: Error; relay position form is compared by sequence', () => {
    const s = fromFixture('query-status-paused-36069-relay-v8.txt')
    expect(s.stage).toBe('Error')
    expect(s.sources[0]?.relayStage).toBe('Running')
    expect(s.errors[0]).toMatchObject({
      code: 36069,
      scope: 'upstream',
      workaround: expect.stringMatching(/mysqlbinlog/)
    })
    expect(s.passed({ file: 'mysql-bin.000003', pos: 1234 })).toBe(true)
    expect(s.passed({ file: 'mysql-bin.000003', pos: 1235 })).toBe(false)
  })

  test('MariaDB GTID position', () => {
    const s = fromFixture('query-status-running-mariadb-gtid.txt')
    expect(s.task).toBe('aurora-task')
    expect(s.passed({ file: 'mariadb-bin.000002', pos: 3371, gtid: '0-1-42' })).toBe(true)
    expect(s.passed({ file: 'mariadb-bin.000001', pos: 4, gtid: '0-1-43' })).toBe(false) // GTID decides
  })

  test('an unknown task is NotFound with DM’s message', () => {
    const s = fromFixture('query-status-unknown-task.txt', 'aurora-task')
    expect(s).toMatchObject({
      found: false,
      stage: 'NotFound',
      message: 'task aurora-task has no source or not exist',
      lagSeconds: undefined
    })
    expect(s.passed({ file: 'mysql-bin.000001', pos: 4 })).toBe(false)
  })

  test('another task name filters the subtasks out', () => {
    expect(fromFixture('query-status-running-lag-v8.txt', 'other').stage).toBe('NotFound')
  })

  test('a worker that could not be asked makes the stage Unknown', () => {
    const text = fixture('query-status-running-lag-v8.txt')
      .replace(
        '"result": true,\n            "msg": ""',
        '"result": false,\n            "msg": "worker dm-worker-0 is offline"'
      )
      .replace(/"subTaskStatus": \[[\s\S]*\n {12}\]/, '"subTaskStatus": [\n            ]')
    const s = taskStatusFromQuery(parseDmctlOutput(text), 'aurora-task')
    expect(s.sources.map((x) => [x.source, x.result, x.msg])).toEqual([
      ['aurora-01', false, 'worker dm-worker-0 is offline']
    ])
    expect(s.stage).toBe('Unknown')
    expect(s.message).toBe('aurora-01: worker dm-worker-0 is offline')
  })

  test('task list with Error - … statuses', () => {
    expect(
      taskListFromQuery(parseDmctlOutput(fixture('query-status-list-error.txt'))).map((t) => [
        t.name,
        t.stage
      ])
    ).toEqual([
      ['aurora-task', 'Error'],
      ['other', 'Paused']
    ])
    expect(taskListFromQuery(parseDmctlOutput(fixture('query-status-list-empty.txt')))).toEqual([])
  })

  test('list status strings', () => {
    expect(
      stageOfListStatus(
        'Error - Relay status is Paused. Please run `query-status t` to get more details.'
      )
    ).toBe('Error')
    expect(stageOfListStatus('Finished')).toBe('Finished')
    expect(stageOfListStatus('Whatever')).toBe('Unknown')
  })
})
