// snapshot → export → verify on the sandbox, through the real graph runner and the real SDK clients: a full export
// whose Parquet row counts equal the source at snapshot time, a snapshot without a binlog position of its own, a
// skipped table, re-runs that re-attach, the RDS faults, and a verify mismatch.
import { DescribeExportTasksCommand, RDSClient } from '@aws-sdk/client-rds'
import { jest } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { parseMasterStatus } from '../../src/mysql/binlog.js'
import type { Inputs } from '../../src/inputs/types.js'
import type { Phase } from '../../src/orchestrator/phase.js'
import type { AwsPhaseDeps } from '../../src/phases/aws-deps.js'
import { exportPhase } from '../../src/phases/export.js'
import { newMigrationState, type MigrationState } from '../../src/phases/migration-state.js'
import { exportTaskIdFor } from '../../src/phases/names.js'
import { snapshotPhase } from '../../src/phases/snapshot.js'
import { verifyPhase } from '../../src/phases/verify.js'
import { PhaseError } from '../../src/util/errors.js'
import { matchesTable } from '../../src/table-filter/match.js'
import { startHarness, type Harness, type PhaseRun } from '../helpers/sandbox-harness.js'

const run = promisify(execFile)
const DBS = ['shop', 'analytics', 'crm']

let h: Harness
beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(async () => {
  await h?.stop()
})
afterEach(() => {
  h.sb.clearFaults()
  h.sb.clearTimings()
})
jest.setTimeout(90_000)

/** Source rows per `db.table` right now. */
async function sourceCounts(): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (const t of await selectedTables()) {
    const rows = await h.sb.source.query(
      `SELECT COUNT(*) AS n FROM \`${t.database}\`.\`${t.table}\``
    )
    out.set(`${t.database}.${t.table}`, Number((rows as { n: unknown }[])[0]?.n))
  }
  return out
}

/**
 * What precheck would select: the source's base tables that the filter matches (views hold no rows to export), less
 * those TiDB cannot create (a spatial column), which the precheck leaves out of every phase.
 */
async function selectedTables(): Promise<{ database: string; table: string }[]> {
  const filter = h.inputs().filter
  const rows = await h.sb.source.query<{ db: string; t: string }[]>(
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS t FROM information_schema.TABLES t
      WHERE TABLE_SCHEMA IN (${DBS.map((d) => `'${d}'`).join(',')}) AND TABLE_TYPE = 'BASE TABLE'
        AND NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS c
                         WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
                           AND c.DATA_TYPE IN ('geometry', 'point', 'linestring', 'polygon', 'multipoint',
                                               'multilinestring', 'multipolygon', 'geometrycollection'))
      ORDER BY 1, 2`
  )
  return rows
    .filter((r) => matchesTable(filter, r.db, r.t))
    .map((r) => ({ database: r.db, table: r.t }))
}

/** The state binlog-capture and precheck hand over: the position read now and the selected tables. */
async function stateFor(runKey: string): Promise<MigrationState> {
  const state = newMigrationState(runKey)
  const status = parseMasterStatus(await h.sb.source.query('SHOW MASTER STATUS'))
  if (!status.enabled) throw new Error('the sandbox source has no binlog')
  state.binlog = {
    file: status.file,
    position: status.positionNumber ?? 0,
    gtid: status.gtidSet,
    capturedAt: Date.now()
  }
  state.tables = await selectedTables()
  return state
}

function chain(
  state: MigrationState,
  deps: AwsPhaseDeps = {},
  ids = ['snapshot', 'export', 'verify']
): Phase[] {
  const all = [snapshotPhase(state, deps), exportPhase(state, deps), verifyPhase(state, deps)]
  const bodies = all.filter((p) => ids.includes(p.id))
  return bodies.map((b, i) => ({ ...b, dependsOn: i === 0 ? [] : [bodies[i - 1]!.id] }))
}

const inputsFor = (runKey: string, extra: Record<string, string> = {}): Inputs =>
  h.inputs({ 'run-key': runKey, ...extra })

const record = (r: PhaseRun, id: string) => r.report.phases.find((p) => p.id === id)!
const rdsSince = (n: number, op: string) =>
  h.sb
    .requests('rds')
    .slice(n)
    .filter((e) => e.op === op)

/** Copies the selected databases from the source to the target with mariadb-dump | mariadb (plain SQL). */
async function loadTarget(): Promise<void> {
  const { source, target } = h.sb
  const dump = await run(
    'mariadb-dump',
    [
      '-h',
      source.host,
      '-P',
      String(source.port),
      '-u',
      'root',
      '--skip-ssl',
      '--databases',
      ...DBS
    ],
    { env: { ...process.env, MYSQL_PWD: source.rootPassword }, maxBuffer: 256 * 1024 * 1024 }
  )
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      'mariadb',
      ['-h', target.host, '-P', String(target.port), '-u', 'root', '--skip-ssl'],
      { env: { ...process.env, MYSQL_PWD: target.rootPassword } },
      (e) => (e ? reject(new Error(`mariadb: ${e.message}`)) : resolve())
    )
    child.stdin?.end(dump.stdout)
  })
}

describe('a full run of one run key', () => {
  const KEY = 'e2e-full'
  let state: MigrationState
  let full: PhaseRun
  let atSnapshot: Map<string, number>

  test('snapshot and export: the snapshot has no binlog position of its own, the skipped table reported', async () => {
    state = await stateFor(KEY)
    // Written after the capture, before the snapshot: in the export AND replayed by DM from the recorded position.
    for (const id of [900001, 900002, 900003])
      await h.sb.source.query(`INSERT INTO crm.import_tmp (id, raw) VALUES (${id}, 'overlap')`)
    const r = await h.runPhases(chain(state, {}, ['snapshot', 'export']), inputsFor(KEY))
    expect(r.result.error).toBeUndefined()
    atSnapshot = await sourceCounts()
    const snap = record(r, 'snapshot')
    // As on AWS, a cluster snapshot announces no `Binlog position from crash recovery` event (that is an event of the
    // writer of a cluster restored from it), so the phase cannot count the overlap and says why.
    expect(snap.numbers.map((n) => n.label)).not.toContain('overlap row events')
    expect(r.log.join('\n')).toMatch(
      /RDS reports no binlog position for the snapshot itself \(on Aurora that event appears only on a cluster restored from it\)/
    )
    expect(state.snapshot?.binlog).toBeUndefined()
    expect(r.report.outputs).toMatchObject({
      'snapshot-id': `aurora-to-tidb-${KEY}`,
      'export-task-id': exportTaskIdFor(KEY),
      'export-uri': `s3://sandbox-migrations/aurora-to-tidb/export/${exportTaskIdFor(KEY)}/`
    })
    expect(state.export?.skipped.map((s) => s.table)).toEqual(['crm.legacy_contacts'])
    expect(record(r, 'export').warnings.join('\n')).toMatch(/skipped table crm\.legacy_contacts/)
    // The S3 stand-in is not Amazon's: the link is the plain URI.
    expect(r.report.links.map((l) => l.url)).toContain(state.export?.uri)
    full = r
  })

  test('verify: the Parquet row counts equal the source at snapshot time and the target, table by table', async () => {
    expect(full).toBeDefined()
    await loadTarget()
    const r = await h.runPhases(chain(state, {}, ['verify']), inputsFor(KEY))
    expect(r.result.error).toBeUndefined()
    expect(r.report.outputs['verify-result']).toBe('passed')
    const rows = r.report.tables
    expect(rows).toHaveLength(atSnapshot.size)
    for (const row of rows) {
      const key = `${row.database}.${row.table}`
      if (key === 'crm.legacy_contacts') {
        expect(row.status).toBe('skipped by export')
        continue
      }
      expect({ key, status: row.status, rows: row.rowsExported }).toEqual({
        key,
        status: 'verified',
        rows: atSnapshot.get(key)
      })
    }
    expect(rows.find((t) => t.table === 'order_items')?.rowsExported).toBe(1500)
  })

  test('verify: a table that lost a row in the target is a mismatch; with fail-on-verify-mismatch false, a warning', async () => {
    await h.sb.target.query('DELETE FROM shop.orders ORDER BY id LIMIT 1')
    const failed = await h.runPhases(chain(state, {}, ['verify']), inputsFor(KEY))
    const error = failed.result.error as PhaseError
    expect(error).toBeInstanceOf(PhaseError)
    expect(error.message).toMatch(
      /1 of 13 tables do not match the export: shop\.orders \(the target has 499 rows, the export 500\)/
    )
    expect(failed.report.outputs['verify-result']).toBe('mismatch')
    expect(failed.report.tables.find((t) => t.table === 'orders')?.status).toBe('mismatch')

    const warned = await h.runPhases(
      chain(state, {}, ['verify']),
      inputsFor(KEY, { 'fail-on-verify-mismatch': 'false' })
    )
    expect(warned.result.error).toBeUndefined()
    expect(warned.report.outputs['verify-result']).toBe('mismatch')
    expect(record(warned, 'verify').warnings[0]).toMatch(
      /Not failing: fail-on-verify-mismatch is false/
    )
  })

  test('a re-run of the same run key re-attaches to its snapshot and export instead of starting new ones', async () => {
    const before = h.sb.requests('rds').length
    const again = await stateFor(KEY)
    // A re-run resumes with the position its first attempt recorded: a later one would be newer than the snapshot
    // it re-attaches to, which the snapshot phase refuses (the rows in between would be lost).
    again.binlog = state.binlog!
    const r = await h.runPhases(chain(again, {}, ['snapshot', 'export']), inputsFor(KEY))
    expect(r.result.error).toBeUndefined()
    const writes = h.sb
      .requests('rds')
      .slice(before)
      .filter((e) => e.write)
    expect(writes).toEqual([])
    expect(rdsSince(before, 'StartExportTask').map((e) => e.status)).toEqual([400])
    expect(rdsSince(before, 'CreateDBClusterSnapshot').map((e) => e.status)).toEqual([400])
    expect(again.export).toEqual(state.export)
    expect(r.log.join('\n')).toMatch(/Re-attaching to it instead of starting another/)
  })
})

test('export-failed: the export fails with AWS’s FailureCause, and a re-run starts a new export under a derived id', async () => {
  h.sb.setFault('export-failed')
  const key = 'e2e-failed'
  const first = await stateFor(key)
  const r = await h.runPhases(chain(first), inputsFor(key))
  const exp = record(r, 'export')
  const cause =
    "The S3 bucket sandbox-migrations isn't located in the current AWS Region. Please, review your S3 bucket name and retry the export."
  expect(exp.status).toBe('failed')
  expect(exp.failure?.toolLine).toBe(cause)
  expect(record(r, 'verify').status).toBe('skipped')
  expect(r.report.outputs['export-task-id']).toBe(exportTaskIdFor(key))
  h.sb.clearFaults()
  const state = await stateFor(key)
  state.binlog = first.binlog!
  const again = await h.runPhases(chain(state, {}, ['snapshot', 'export']), inputsFor(key))
  // Export task ids cannot be reused: the re-run exports the same snapshot under the next derived id.
  expect(record(again, 'export').status).toBe('succeeded')
  expect(again.report.outputs['export-task-id']).toBe(`${exportTaskIdFor(key)}-r2`)
  expect(record(again, 'export').warnings.join('\n')).toMatch(
    /of an earlier attempt ended FAILED .*Export task ids cannot be reused/
  )
})

test('export-canceled: an export canceled on AWS fails the phase with its status', async () => {
  h.sb.setFault('export-canceled')
  const key = 'e2e-canceled'
  const r = await h.runPhases(
    chain(await stateFor(key), {}, ['snapshot', 'export']),
    inputsFor(key)
  )
  expect(record(r, 'export').failure).toMatchObject({
    toolLine: 'Status: CANCELED',
    message: expect.stringMatching(/ended CANCELED/) as unknown
  })
})

test('export-stuck-starting: the deadline fails with the last status, leaves the task, and a re-run re-attaches', async () => {
  h.sb.setFault('export-stuck-starting')
  const key = 'e2e-stuck'
  const before = h.sb.requests('rds').length
  const base = inputsFor(key)
  const short = { ...base, timeouts: { ...base.timeouts, exportMs: 4000 } }
  const state = await stateFor(key)
  const r = await h.runPhases(chain(state, {}, ['snapshot', 'export']), short)
  expect(record(r, 'export').failure?.message).toMatch(
    /was not done after 4\.0 s \(export-timeout-minutes\); last seen: STARTING 0%.*NOT cancelled.*re-run this workflow run to re-attach/
  )
  expect(rdsSince(before, 'CancelExportTask')).toEqual([])
  h.sb.clearFaults()
  const again = await h.runPhases(chain(state, {}, ['export']), base)
  expect(again.result.error).toBeUndefined()
  expect(state.export?.status).toBe('COMPLETE')
  expect(rdsSince(before, 'StartExportTask').map((e) => e.status)).toEqual([200, 400])
})

test('rds-throttle: throttling within the SDK’s and our retries ends in success', async () => {
  h.sb.setFault('rds-throttle', '3')
  const key = 'e2e-throttled'
  const before = h.sb.requests('rds').length
  const r = await h.runPhases(
    chain(await stateFor(key), {}, ['snapshot', 'export']),
    inputsFor(key)
  )
  expect(r.result.error).toBeUndefined()
  expect(
    h.sb
      .requests('rds')
      .slice(before)
      .filter((e) => e.status === 400)
  ).toHaveLength(3)
})

test('rds-throttle: throttling beyond every retry fails with AWS’s own error and takes no snapshot', async () => {
  h.sb.setFault('rds-throttle', '1000')
  const key = 'e2e-throttled-out'
  const before = h.sb.requests('rds').length
  // Shorter bounds than the defaults (6 SDK attempts × 4 of ours) keep the test quick; the logic is the same.
  const deps: AwsPhaseDeps = {
    clients: {
      rds: new RDSClient({ region: 'us-east-1', maxAttempts: 2 }),
      s3: { send: () => Promise.reject(new Error('unused')) }
    },
    retry: { retries: 2, backoff: { initialMs: 50, maxMs: 100 } }
  }
  const r = await h.runPhases(chain(await stateFor(key), deps, ['snapshot']), inputsFor(key))
  const snap = record(r, 'snapshot')
  expect(snap.failure?.toolLine).toBe('Throttling: Rate exceeded')
  expect(snap.failure?.message).toMatch(
    /AWS kept answering CreateDBClusterSnapshot with Throttling: Rate exceeded \(6 requests, every retry used\)/
  )
  expect(
    h.sb
      .requests('rds')
      .slice(before)
      .filter((e) => e.write)
  ).toEqual([])
})

test('cancelling the run mid-export stops polling and leaves the export running on AWS', async () => {
  h.sb.setTiming('export', 30)
  const key = 'e2e-cancel'
  const controller = new AbortController()
  const before = h.sb.requests('rds').length
  const real = new RDSClient({ region: 'us-east-1' })
  const rds = {
    send: async (command: object): Promise<unknown> => {
      const out: unknown = await real.send(command as DescribeExportTasksCommand)
      if (command.constructor.name === 'DescribeExportTasksCommand') controller.abort()
      return out
    }
  }
  const deps: AwsPhaseDeps = {
    clients: { rds, s3: { send: () => Promise.reject(new Error('unused')) } }
  }
  const r = await h.runPhases(
    chain(await stateFor(key), deps, ['snapshot', 'export']),
    inputsFor(key),
    controller.signal
  )
  expect(record(r, 'export').status).toBe('cancelled')
  expect(r.log.join('\n')).toMatch(/The task was not cancelled: it keeps running on AWS/)
  expect(rdsSince(before, 'CancelExportTask')).toEqual([])
  const task = await real.send(
    new DescribeExportTasksCommand({ ExportTaskIdentifier: exportTaskIdFor(key) })
  )
  expect(task.ExportTasks?.[0]?.Status).toMatch(/STARTING|IN_PROGRESS/)
})
