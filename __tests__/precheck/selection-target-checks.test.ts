import { tableKey } from '../../src/table-filter/table-name.js'
import { readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { evaluatePrecheck, failureMessage } from '../../src/precheck/checks.js'
import { dirProblemAt } from '../../src/precheck/gather.js'
import { selectionChecks } from '../../src/precheck/selection-checks.js'
import { targetChecks } from '../../src/precheck/target-checks.js'
import type { SourceTable } from '../../src/mysql/catalog.js'
import type { PrecheckFacts } from '../../src/precheck/facts.js'
import { col, context, goodFacts, rowOf, tbl, withCatalog, withDmContext } from './facts-fixture.js'
import { parseFilter } from '../../src/table-filter/parse.js'
import { tempDir } from '../helpers/env.js'

const withTables = (tables: SourceTable[], extra: Partial<PrecheckFacts> = {}): PrecheckFacts =>
  withCatalog({ tables }, extra)

describe('selection', () => {
  test('a filter that selects nothing fails, naming the filter and the databases that exist', () => {
    const facts = withCatalog({ tables: [], views: [{ database: 'shop', table: 'v' }] })
    const rows = selectionChecks(facts, context())
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['selection.tables', 'fail'],
      ['selection.named-databases', 'pass']
    ])
    expect(rows[0]?.reason).toContain("Input 'filter' (shop.*) selects no table")
    expect(rows[0]?.reason).toContain('`shop`, `other`')
    expect(rows[0]?.reason).toContain('it matches 1 view,')
  })

  test('databases the filter names literally must be visible to the source user', () => {
    const ctx = context(() => ({
      filter: parseFilter(['shop.*', '`crm`.*', 'Other.t', '!nosuch.*', '/re/.*'])
    }))
    const r = rowOf(selectionChecks(goodFacts(), ctx), 'selection.named-databases')
    expect(r.status).toBe('fail')
    expect(r.reason).toContain("Input 'filter' names `crm`, which the source user cannot see")
    expect(r.reason).toContain('GRANT SELECT ON `crm`.*')
    const wildcard = context(() => ({ filter: parseFilter(['*.*']) }))
    expect(
      selectionChecks(goodFacts(), wildcard).some((x) => x.id === 'selection.named-databases')
    ).toBe(false)
  })

  test('tables without a key warn with DM only', () => {
    const facts = withTables([tbl('a', 'log', { hasPrimaryKey: false, hasUniqueKey: false })])
    expect(rowOf(selectionChecks(facts, withDmContext()), 'selection.unique-keys').status).toBe(
      'warn'
    )
    expect(rowOf(selectionChecks(facts, context()), 'selection.unique-keys').status).toBe('pass')
  })

  test('names and columns the Aurora export skips warn', () => {
    const facts = withTables([
      tbl('crm', 'legacy', { columns: [col('id'), col('first name', 'varchar')] }),
      tbl('crm', 'a/b'),
      tbl('crm', 'fine', { columns: [col('x=y')] })
    ])
    const r = rowOf(selectionChecks(facts, context()), 'selection.export-skips')
    expect(r.status).toBe('warn')
    expect(r.reason).toContain('`crm`.`legacy`: column "first name"')
    expect(r.reason).toContain('"/"')
    expect(r.reason).toContain('column "x=y"')
  })

  test('names the documented pattern misses pass (generated rules route them); shared export folders warn', () => {
    const dash = withTables([tbl('shop', 'order-archive')])
    const r = rowOf(selectionChecks(dash, context()), 'selection.file-routing')
    expect(r).toMatchObject({
      status: 'pass',
      reason: expect.stringContaining('`shop`.`order-archive`')
    })
    const shared = withTables([tbl('s', 'a b'), tbl('s', 'a_b')])
    expect(rowOf(selectionChecks(shared, context()), 'selection.file-routing').status).toBe('warn')
  })

  test('BIT columns fail (pingcap/tidb#37774)', () => {
    const facts = withTables([tbl('legacy', 'flags', { columns: [col('id'), col('bits', 'bit')] })])
    const r = rowOf(selectionChecks(facts, context()), 'selection.bit-columns')
    expect(r.status).toBe('fail')
    expect(r.reason).toContain('`legacy`.`flags` (bits)')
    expect(failureMessage([r])).toMatch(
      /^A precheck failed; nothing was changed\. Fix it and run again:\n- No BIT columns: /
    )
  })

  test('zero-date defaults warn, quoted (MariaDB) or not (MySQL)', () => {
    const facts = withTables([
      tbl('a', 't', {
        columns: [
          col('d', 'date', { defaultValue: "'0000-00-00'" }),
          col('ts', 'datetime', { defaultValue: '0000-00-00 00:00:00' }),
          col('ok', 'date', { defaultValue: '2020-01-01' })
        ]
      })
    ])
    const r = rowOf(selectionChecks(facts, context()), 'selection.zero-dates')
    expect(r.status).toBe('warn')
    expect(r.reason).toContain('`a`.`t` (d, ts)')
  })

  test('names are pairs: database rtk with table x.y and database rtk.x with table y are two tables', () => {
    const facts = withTables([
      tbl('rtk', 'x.y'),
      tbl('rtk.x', 'y'),
      tbl('a.b', 'c\\d'),
      tbl('a', 'b.c\\d')
    ])
    const r = rowOf(selectionChecks(facts, context()), 'selection.case-collisions')
    expect(r.status).toBe('pass')
    expect(tableKey({ database: 'rtk', table: 'x.y' })).not.toBe(
      tableKey({ database: 'rtk.x', table: 'y' })
    )
    expect(tableKey({ database: 'shop', table: 'orders' })).toBe('shop.orders')
  })

  test('names equal but for case fail: TiDB would see one table', () => {
    const facts = withTables([
      tbl('db', 'Orders'),
      tbl('db', 'orders'),
      tbl('DB', 'x'),
      tbl('db', 'X')
    ])
    const r = rowOf(selectionChecks(facts, context()), 'selection.case-collisions')
    expect(r.status).toBe('fail')
    expect(r.reason).toContain('`db`.`Orders` and `db`.`orders`')
    expect(r.reason).toContain('`DB`.`x` and `db`.`X`')
  })
})

describe('target', () => {
  test('an unreachable target is one failed row', () => {
    const facts = goodFacts({
      target: {
        ...goodFacts().target,
        connect: { ok: false, message: 'Cannot connect to the target (TiDB) …' }
      }
    })
    expect(targetChecks(facts, context())).toEqual([
      expect.objectContaining({ id: 'target.connect', status: 'fail' })
    ])
  })

  test('tables with rows fail, empty ones pass', () => {
    const facts = goodFacts({
      target: {
        ...goodFacts().target,
        tables: {
          ok: true,
          value: [
            { database: 'shop', table: 'orders', state: 'has-rows' },
            { database: 'shop', table: 'customers', state: 'empty' }
          ]
        }
      }
    })
    const r = rowOf(targetChecks(facts, context()), 'target.tables')
    expect(r.status).toBe('fail')
    expect(r.reason).toContain('Rows already on the target in `shop`.`orders`')
    const empty = goodFacts({
      target: {
        ...goodFacts().target,
        tables: { ok: true, value: [{ database: 'shop', table: 'customers', state: 'empty' }] }
      }
    })
    expect(rowOf(targetChecks(empty, context()), 'target.tables')).toMatchObject({
      status: 'pass',
      reason: '0 absent, 1 present and empty (`shop`.`customers`)'
    })
  })

  test('a resumed run accepts rows of its earlier data import, and only those', () => {
    const facts = goodFacts({
      target: {
        ...goodFacts().target,
        tables: { ok: true, value: [{ database: 'shop', table: 'orders', state: 'has-rows' }] }
      }
    })
    const resumed = (phasesDone: Record<string, string>) => ({ ...context(), resumed: phasesDone })
    const afterImport = rowOf(
      targetChecks(facts, resumed({ 'data-import': '2025-01-02T03:04:05.000Z' })),
      'target.tables'
    )
    expect(afterImport).toMatchObject({ status: 'pass' })
    expect(afterImport.reason).toBe(
      "Rows in `shop`.`orders` come from the earlier attempt's data import (finished at 2025-01-02T03:04:05.000Z), which this resumed run continues; nothing is imported twice."
    )
    const started = { export: 'a', 'schema-import': 'b' }
    expect(rowOf(targetChecks(facts, resumed(started)), 'target.tables').status).toBe('pass')
    const beforeImport = rowOf(targetChecks(facts, resumed({ export: 'a' })), 'target.tables')
    expect(beforeImport.status).toBe('fail')
    expect(beforeImport.reason).toContain(
      'The earlier attempt of this run did not get as far as the data import, so they are not its rows.'
    )
  })

  test('status port down: fail for the local backend without pd-addr, warn otherwise', () => {
    const facts = goodFacts({
      target: {
        ...goodFacts().target,
        status: { ok: false, message: 'GET http://127.0.0.1:10080/status failed: ECONNREFUSED' }
      }
    })
    expect(rowOf(targetChecks(facts, context()), 'target.version').status).toBe('fail')
    const withPd = context((i) => ({ target: { ...i.target, pdAddr: '127.0.0.1:2379' } }))
    expect(rowOf(targetChecks(facts, withPd), 'target.version').status).toBe('warn')
    const tidb = context((i) => ({ import: { ...i.import, backend: 'tidb' } }))
    expect(rowOf(targetChecks(facts, tidb), 'target.version').status).toBe('warn')
  })

  test('a cluster release other than tidb-version warns', () => {
    const facts = goodFacts({
      target: {
        ...goodFacts().target,
        status: {
          ok: true,
          value: { version: '5.7.25-TiDB-v7.5.1', release: 'v7.5.1', gitHash: undefined }
        }
      }
    })
    const r = rowOf(targetChecks(facts, context()), 'target.version')
    expect(r).toMatchObject({
      status: 'warn',
      reason: expect.stringContaining("runs v7.5.1 but 'tidb-version' is v8.5.2")
    })
  })

  test('too little disk for the largest table warns (local backend only)', () => {
    const facts = withTables([tbl('a', 'big', { bytes: 10 * 1024 ** 3 })], {
      runner: { ...goodFacts().runner, sortedKvDir: '/tmp/kv', freeBytes: 1024 ** 3 }
    })
    expect(rowOf(targetChecks(facts, context()), 'runner.sorted-kv-disk').status).toBe('warn')
    const tidb = context((i) => ({ import: { ...i.import, backend: 'tidb' } }))
    expect(targetChecks(facts, tidb).some((r) => r.id === 'runner.sorted-kv-disk')).toBe(false)
  })

  test('RUNNER_TEMP that is not a writable directory fails, whatever the backend; its free space is not judged', () => {
    const runner = { ...goodFacts().runner, tempDirProblem: '/runner/temp is not a directory' }
    const facts = withTables([tbl('a', 'big', { bytes: 10 })], { runner })
    const temp = rowOf(evaluatePrecheck(facts, context()), 'runner.temp-dir')
    expect(temp).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(
        /^RUNNER_TEMP: \/runner\/temp is not a directory\. The action writes/
      )
    })
    expect(targetChecks(facts, context()).some((r) => r.id === 'runner.sorted-kv-disk')).toBe(false)
    expect(rowOf(evaluatePrecheck(goodFacts(), context()), 'runner.temp-dir').status).toBe('pass')
  })

  test('a pre-created empty table narrower than the source fails target.columns, naming the column', () => {
    const facts = withTables(
      [tbl('shop', 'orders', { columns: [col('code', 'varchar', { columnType: 'varchar(20)' })] })],
      {
        target: {
          ...goodFacts().target,
          tables: {
            ok: true,
            value: [
              {
                database: 'shop',
                table: 'orders',
                state: 'empty',
                columns: [{ name: 'code', dataType: 'varchar', columnType: 'varchar(2)' }]
              }
            ]
          }
        }
      }
    )
    const r = rowOf(targetChecks(facts, context()), 'target.columns')
    expect(r.status).toBe('fail')
    expect(r.reason).toContain('`shop`.`orders`: `code` varchar(2) on the target')
  })

  test('a sorted-kv-dir that is not a writable directory fails (local backend)', () => {
    const runner = {
      ...goodFacts().runner,
      sortedKvDir: '/data/kv',
      sortedKvDirProblem: '/data/kv is not writable (EACCES)'
    }
    const facts = withTables([tbl('a', 'big', { bytes: 10 })], { runner })
    expect(rowOf(targetChecks(facts, context()), 'runner.sorted-kv-disk')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining(
        "sorted-kv-dir: /data/kv is not writable (EACCES). Point 'sorted-kv-dir'"
      )
    })
  })

  test('dirProblemAt: a file, a missing directory, one that will be created, a writable one', async () => {
    const t = tempDir('dirs-')
    try {
      const file = path.join(t.dir, 'a-file')
      writeFileSync(file, 'x')
      expect(await dirProblemAt(file, false)).toBe(`${file} is not a directory`)
      expect(await dirProblemAt(path.join(t.dir, 'missing'), false)).toBe(
        `${path.join(t.dir, 'missing')} does not exist`
      )
      expect(await dirProblemAt(path.join(t.dir, 'will', 'be', 'made'), true)).toBeUndefined()
      expect(await dirProblemAt(path.join(file, 'kv'), true)).toBe(`${file} is not a directory`)
      expect(await dirProblemAt(t.dir, false)).toBeUndefined()
      expect(readdirSync(t.dir)).toEqual(['a-file'])
    } finally {
      t.remove()
    }
  })
})
