import { parse } from 'yaml'
import { renderSourceConfig, renderTaskConfig } from '../../src/tidb/dm/config.js'
import { compareSourceConfig } from '../../src/tidb/dm/source-compare.js'
import { parseDmctlOutput } from '../../src/tidb/dm/dmctl-output.js'
import {
  dmSelectionFor,
  dmTaskName,
  safeModeFor,
  sourceConfigFor,
  taskConfigFor
} from '../../src/phases/replicate-config.js'
import { planSource, sourceUsers } from '../../src/phases/replicate-source.js'
import { taskListFromQuery } from '../../src/tidb/dm/status.js'
import type { CapturedBinlog, SelectedTable } from '../../src/phases/migration-state.js'
import { fakeInputs } from '../helpers/inputs.js'
import { AURORA_SOURCE, fixture } from '../tidb/dm/dmctl-samples.js'
import { parseFilter } from '../../src/table-filter/parse.js'

const binlog: CapturedBinlog = {
  file: 'mysql-bin-changelog.018128',
  position: 52806,
  gtid: undefined,
  capturedAt: 0
}

function inputs(filter: string[], dm: Partial<ReturnType<typeof fakeInputs>['dm']> = {}) {
  const base = fakeInputs()
  return {
    ...base,
    filter: parseFilter(filter),
    dm: { ...base.dm, masterAddr: '10.0.0.1:8261', ...dm }
  }
}

describe('source config', () => {
  test('endpoint and id from the inputs; GTID and flavour from what precheck learned', () => {
    const i = inputs(['shop.*'], { sourceId: 'aurora-01' })
    const gtid = sourceConfigFor(i, { version: '8.0.32', gtidEnabled: true, flavor: 'mysql' })
    expect(parse(renderSourceConfig(gtid))).toEqual({
      'source-id': 'aurora-01',
      flavor: 'mysql',
      'enable-gtid': true,
      from: { host: '127.0.0.1', port: 3306, user: 'admin', password: 'source-secret' }
    })
    // Unknown source facts: GTID stays off and DM detects the flavour itself.
    const unknown = sourceConfigFor(i, undefined)
    expect(unknown.enableGtid).toBe(false)
    expect(unknown).not.toHaveProperty('flavor')
  })
})

describe('task config', () => {
  test('incremental from the recorded position, safe mode from the input, exact block-allow-list', () => {
    const i = inputs(['shop.*', '!shop.audit', 'crm.*'], { safeMode: true })
    const sel = dmSelectionFor(i.filter, undefined)
    expect(sel.exact).toBe(true)
    const doc = parse(
      renderTaskConfig(
        taskConfigFor(
          i,
          dmTaskName(i, 'run-1'),
          { ...binlog, gtid: '0-1-42' },
          sel,
          safeModeFor(i.dm, true)
        )
      )
    ) as Record<string, unknown>
    expect(doc).toMatchObject({
      name: 'aurora-to-tidb-run-1',
      'task-mode': 'incremental',
      'target-database': { host: '127.0.0.1', port: 4000, user: 'root', password: 'target-secret' },
      'mysql-instances': [
        {
          'source-id': 'aurora',
          'block-allow-list': 'aurora-to-tidb',
          meta: {
            'binlog-name': 'mysql-bin-changelog.018128',
            'binlog-pos': 52806,
            'binlog-gtid': '0-1-42'
          }
        }
      ],
      'block-allow-list': {
        'aurora-to-tidb': {
          'do-dbs': ['shop', 'crm'],
          'ignore-tables': [{ 'db-name': 'shop', 'tbl-name': 'audit' }]
        }
      },
      syncers: { global: { 'safe-mode': true } }
    })
  })

  test('dm-task-name wins over the run key; no GTID, no binlog-gtid; single tables go in do-tables', () => {
    const i = inputs(['shop.*', 'crm.contacts'], { taskName: 'nightly' })
    const sel = dmSelectionFor(i.filter, [])
    expect(sel).toMatchObject({ exact: true, notes: [] })
    expect(sel.list.doTables).toEqual([
      { dbName: 'shop', tblName: '*' },
      { dbName: 'crm', tblName: 'contacts' }
    ])
    const cfg = taskConfigFor(i, dmTaskName(i, 'run-1'), binlog, sel, safeModeFor(i.dm, true))
    expect(cfg.name).toBe('nightly')
    expect(cfg.sources[0]?.meta).toEqual({ binlogName: binlog.file, binlogPos: 52806 })
    expect(cfg.safeMode).toBe(false)
  })

  test.each([
    // [safe-mode, safe-mode-duration, DM replays rows the target holds] → syncers.global
    [true, undefined, true, { 'safe-mode': true }],
    [true, undefined, false, { 'safe-mode': false, 'safe-mode-duration': '60s' }],
    [false, undefined, true, { 'safe-mode': false }],
    [false, undefined, false, { 'safe-mode': false }],
    [true, '10m', true, { 'safe-mode': false, 'safe-mode-duration': '10m' }],
    [true, '1m30s', false, { 'safe-mode': false, 'safe-mode-duration': '1m30s' }],
    [false, '0s', false, { 'safe-mode': false, 'safe-mode-duration': '0s' }]
  ] as const)(
    'safe-mode %p, safe-mode-duration %p, replay %p: syncer %p',
    (safeMode, safeModeDuration, replays, syncer) => {
      const i = inputs(['shop.*'], {
        safeMode,
        ...(safeModeDuration === undefined ? {} : { safeModeDuration })
      })
      const plan = safeModeFor(i.dm, replays)
      const doc = parse(
        renderTaskConfig(taskConfigFor(i, 't', binlog, dmSelectionFor(i.filter, undefined), plan))
      ) as { syncers: { global: unknown } }
      expect(doc.syncers.global).toEqual(syncer)
      // Only a user's window over a replay is warned about: the other choices are safe or asked for explicitly.
      expect(plan.warning !== undefined).toBe(safeModeDuration !== undefined && replays)
    }
  )

  test('a filter with patterns lists the tables it selected on the source, escaped for DM', () => {
    const tables: SelectedTable[] = [
      { database: 'shop', table: 'orders' },
      { database: 'shop', table: 'order-archive' },
      { database: 'crm', table: 'what?' }
    ]
    const sel = dmSelectionFor(parseFilter(['shop.*', 'crm.*', '!crm.*_tmp']), tables)
    expect(sel.exact).toBe(true)
    expect(sel.list.doDbs).toEqual(['shop', 'crm'])
    expect(sel.list.doTables).toEqual([
      { dbName: 'shop', tblName: 'orders' },
      { dbName: 'shop', tblName: 'order-archive' },
      { dbName: 'crm', tblName: '~^what\\?$' }
    ])
    expect(sel.notes.join(' ')).toContain('names the 3 table(s) the filter selected')
  })

  test('without the catalog a pattern filter falls back to whole databases and says it is not exact', () => {
    const sel = dmSelectionFor(parseFilter(['shop.*', 'crm.*', '!crm.*_tmp']), undefined)
    expect(sel.exact).toBe(false)
    expect(sel.list.doDbs).toEqual(['shop', 'crm'])
    expect(sel.notes[0]).toContain("'!crm.*_tmp' is a pattern")
  })
})

describe('reusing a registered source', () => {
  const answer = (name: string, exitCode = 0, stderr = '') =>
    parseDmctlOutput(fixture(name), stderr, exitCode)

  test('the same endpoint, user and GTID setting, unused, is registered again (the password cannot be compared)', () => {
    const cmp = compareSourceConfig(answer('get-config-source.txt'), AURORA_SOURCE)
    expect(planSource(cmp, 'aurora-01', 'm:8261', []).action).toBe('recreate')
  })

  test('the same source used by running tasks is reused; when they cannot be listed too', () => {
    const cmp = compareSourceConfig(answer('get-config-source.txt'), AURORA_SOURCE)
    const running = sourceUsers(
      taskListFromQuery(answer('query-status-list-running.txt')),
      'aurora-01'
    )
    expect(running).toEqual([{ name: 'other-task', status: 'Running' }])
    expect(planSource(cmp, 'aurora-01', 'm:8261', running).action).toBe('reuse')
    expect(planSource(cmp, 'aurora-01', 'm:8261').action).toBe('reuse')
  })

  test('the same source used by a task is reused, with the fix naming the tasks to stop', () => {
    const cmp = compareSourceConfig(answer('get-config-source.txt'), AURORA_SOURCE)
    const users = sourceUsers(taskListFromQuery(answer('query-status-list-error.txt')), 'aurora-01')
    expect(users.map((u) => u.name)).toEqual(['aurora-task'])
    const plan = planSource(cmp, 'aurora-01', 'm:8261', users)
    expect(plan.action === 'reuse' && plan.fix).toContain(
      'stop the tasks on source aurora-01 (dmctl --master-addr m:8261 stop-task aurora-task), then remove the old source'
    )
  })

  test('an absent source is created', () => {
    const cmp = compareSourceConfig(answer('get-config-source-not-found.txt'), AURORA_SOURCE)
    expect(planSource(cmp, 'aurora-01', 'm:8261')).toEqual({ action: 'create' })
  })

  test('another source under the id is refused, naming dm-source-id and the differences', () => {
    const wanted = { ...AURORA_SOURCE, from: { ...AURORA_SOURCE.from, host: 'other.example' } }
    const plan = planSource(
      compareSourceConfig(answer('get-config-source.txt'), wanted),
      'aurora-01',
      'm:8261'
    )
    expect(plan.action).toBe('refuse')
    expect(plan.action === 'refuse' && plan.message).toMatch(
      /^DM source 'aurora-01' \(input dm-source-id\) is already registered on the DM-master at m:8261 with another configuration: from\.host is 'aurora\.cluster-abc\.us-east-1\.rds\.amazonaws\.com' \(wanted 'other\.example'\)\./
    )
  })

  test('an unreadable answer (DM without get-config) tries to create, remembering why it could not compare', () => {
    const old = parseDmctlOutput('', 'Error: unknown command "get-config" for "dmctl"', 1)
    const plan = planSource(compareSourceConfig(old, AURORA_SOURCE), 'aurora-01', 'm:8261')
    expect(plan).toEqual({
      action: 'create',
      unverified: 'unknown command "get-config" for "dmctl"'
    })
  })
})
