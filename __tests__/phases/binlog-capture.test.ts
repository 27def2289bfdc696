// The binlog capture against scripted servers (MySQL 8.4's renamed statement, Aurora's GTID set, binlog off, a
// refused connection); the sandbox e2e test checks it against a real server.
import type mysql from 'mysql2/promise'
import { binlogCapturePhase } from '../../src/phases/binlog-capture.js'
import { newMigrationState, type MigrationState } from '../../src/phases/migration-state.js'
import { DbConnectError } from '../../src/mysql/connect.js'
import { PhaseError } from '../../src/util/errors.js'
import { runPhaseList } from '../helpers/run-phases.js'
import { context, goodFacts, NOW } from '../precheck/facts-fixture.js'

/** A connection answering each statement from a script; an Error in the script is thrown as the server's error. */
function scripted(
  answers: Record<string, unknown[] | Error>,
  asked: string[] = []
): mysql.Connection {
  const conn = {
    query(sql: string) {
      asked.push(sql)
      const a = answers[sql]
      if (a === undefined) return Promise.reject(new Error(`unexpected query ${sql}`))
      if (a instanceof Error) return Promise.reject(a)
      return Promise.resolve([a, []])
    },
    end: () => Promise.resolve()
  }
  return conn as unknown as mysql.Connection
}

const parseError = Object.assign(new Error('You have an error in your SQL syntax'), { errno: 1064 })

async function capture(state: MigrationState, conn: mysql.Connection | Error) {
  const phase = binlogCapturePhase(state, {
    connect: () => (conn instanceof Error ? Promise.reject(conn) : Promise.resolve(conn)),
    now: () => NOW
  })
  return runPhaseList([{ ...phase, dependsOn: [] }], context().inputs)
}

test('MySQL 8.4: SHOW BINARY LOG STATUS first, GTID set from its row without line breaks', async () => {
  const state = newMigrationState('k')
  state.source = { version: '8.4.2', flavor: 'mysql', gtidEnabled: true }
  const asked: string[] = []
  const run = await capture(
    state,
    scripted(
      {
        'SHOW BINARY LOG STATUS': [
          {
            File: 'binlog.000007',
            Position: '1554',
            Binlog_Do_DB: '',
            Binlog_Ignore_DB: '',
            Executed_Gtid_Set:
              '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-16333,\n5c9a3f24-aaaa-11e1-9e33-c80aa9429562:1-106'
          }
        ]
      },
      asked
    )
  )
  expect(run.result.error).toBeUndefined()
  expect(asked).toEqual(['SHOW BINARY LOG STATUS'])
  const gtid =
    '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-16333,5c9a3f24-aaaa-11e1-9e33-c80aa9429562:1-106'
  expect(state.binlog).toEqual({ file: 'binlog.000007', position: 1554, gtid, capturedAt: NOW })
  expect(run.report.binlog).toEqual({
    file: 'binlog.000007',
    position: 1554,
    gtid,
    capturedBy: `SHOW BINARY LOG STATUS at ${new Date(NOW).toISOString()}, before the snapshot`
  })
  expect(run.report.outputs).toMatchObject({
    'binlog-file': 'binlog.000007',
    'binlog-position': '1554',
    'binlog-gtid': gtid
  })
})

test('Aurora MySQL 3: SHOW MASTER STATUS, and @@gtid_executed when the row has no GTID set', async () => {
  const state = newMigrationState('k')
  state.source = { version: '8.0.32', flavor: 'mysql', gtidEnabled: true }
  const run = await capture(
    state,
    scripted({
      'SHOW MASTER STATUS': [
        { File: 'mysql-bin-changelog.018128', Position: 4278, Executed_Gtid_Set: '' }
      ],
      'SELECT @@GLOBAL.gtid_executed AS g': [{ g: 'a1b2c3d4-0000-1111-2222-333344445555:1-42' }]
    })
  )
  expect(run.result.error).toBeUndefined()
  expect(state.binlog?.gtid).toBe('a1b2c3d4-0000-1111-2222-333344445555:1-42')
  expect(run.report.binlog?.file).toBe('mysql-bin-changelog.018128')
})

test('a server without the old statement gets the new one', async () => {
  const state = newMigrationState('k')
  state.source = { version: '8.0.40', flavor: 'mysql', gtidEnabled: false }
  const run = await capture(
    state,
    scripted({
      'SHOW MASTER STATUS': parseError,
      'SHOW BINARY LOG STATUS': [{ File: 'binlog.000001', Position: 157 }]
    })
  )
  expect(state.binlog).toMatchObject({ file: 'binlog.000001', position: 157, gtid: undefined })
  expect(run.report.outputs['binlog-gtid']).toBeUndefined()
})

test('binlog off: a failure naming the cluster parameter group to change', async () => {
  const state = newMigrationState('k')
  state.source = { version: '8.0.32', flavor: 'mysql', gtidEnabled: false }
  state.precheck = goodFacts()
  const run = await capture(state, scripted({ 'SHOW MASTER STATUS': [] }))
  expect(run.result.error).toBeInstanceOf(PhaseError)
  expect((run.result.error as Error).message).toContain(
    "set binlog_format=ROW in the DB cluster parameter group 'binlog-on' and reboot the writer instance"
  )
  expect(state.binlog).toBeUndefined()
  expect(run.report.binlog).toBeUndefined()
})

test('a refused connection fails with the message naming the inputs; a refused statement names the privilege', async () => {
  const refused = await capture(
    newMigrationState('k'),
    new DbConnectError(
      "Cannot connect to the source (Aurora MySQL) at h:3306 as 'm' (check inputs source-host, …)",
      'ECONNREFUSED'
    )
  )
  expect((refused.result.error as Error).message).toContain('check inputs source-host')
  const state = newMigrationState('k')
  state.source = { version: '8.0.32', flavor: 'mysql', gtidEnabled: false }
  const denied = Object.assign(
    new Error(
      'Access denied; you need (at least one of) the SUPER, REPLICATION CLIENT privilege(s) for this operation'
    ),
    {
      errno: 1227
    }
  )
  const run = await capture(state, scripted({ 'SHOW MASTER STATUS': denied }))
  expect((run.result.error as Error).message).toMatch(
    /^Cannot read the binlog position: Access denied.*needs REPLICATION CLIENT/
  )
})

describe('a reused snapshot’s position from the inputs', () => {
  const given = { file: 'mysql-bin-changelog.000123', position: 4512, gtid: '0-1-42' }
  const withStart = () => {
    const inputs = context().inputs
    return {
      ...inputs,
      aws: { ...inputs.aws, snapshotIdentifier: 'nightly' },
      dm: { ...inputs.dm, masterAddr: '10.0.0.5:8261', start: given }
    }
  }
  async function captureGiven(conn: mysql.Connection) {
    const state = newMigrationState('k')
    const phase = binlogCapturePhase(state, {
      connect: () => Promise.resolve(conn),
      now: () => NOW
    })
    const run = await runPhaseList([{ ...phase, dependsOn: [] }], withStart())
    return { state, run }
  }

  test('is taken as DM’s start when its file is still on the source; SHOW MASTER STATUS is not read', async () => {
    const asked: string[] = []
    const logs = [{ Log_name: 'mysql-bin-changelog.000122' }, { Log_name: given.file }]
    const { state, run } = await captureGiven(scripted({ 'SHOW BINARY LOGS': logs }, asked))
    expect(run.result.error).toBeUndefined()
    expect(asked).toEqual(['SHOW BINARY LOGS'])
    expect(state.binlog).toEqual({ ...given, capturedAt: NOW, given: true })
    expect(run.report.outputs).toMatchObject({
      'binlog-file': given.file,
      'binlog-position': '4512',
      'binlog-gtid': '0-1-42'
    })
    expect(run.report.binlog?.capturedBy).toBe(
      'inputs binlog-file/binlog-position, recorded when snapshot nightly was taken'
    )
  })

  test('is refused before the snapshot when the source no longer has its file', async () => {
    const logs = [{ Log_name: 'mysql-bin-changelog.000130' }]
    const { state, run } = await captureGiven(scripted({ 'SHOW BINARY LOGS': logs }))
    expect(run.result.error).toBeInstanceOf(PhaseError)
    expect((run.result.error as Error).message).toMatch(
      /^The binlog file mysql-bin-changelog\.000123 recorded before the snapshot is no longer on the source \(the oldest binary log it keeps is mysql-bin-changelog\.000130\)/
    )
    expect(state.binlog).toBeUndefined()
  })
})
