import { judgePrecheck } from '../../src/precheck/checks.js'
import { findUnsupported, withoutLeftOut } from '../../src/precheck/unsupported.js'
import { tidbHasCollation, tidbRelease } from '../../src/precheck/tidb-compatibility.js'
import { buildSourceObjects } from '../../src/mysql/source-objects.js'
import { parseGrants } from '../../src/mysql/grants.js'
import { excludingTables } from '../../src/table-filter/exclude.js'
import { matchesTable } from '../../src/table-filter/match.js'
import { filterRules, parseFilter } from '../../src/table-filter/parse.js'
import { outputValues } from '../../src/report/outputs.js'
import { newReport } from '../../src/report/types.js'
import { renderSummary } from '../../src/report/summary.js'
import { renderPlanSection } from '../../src/report/sections/plan.js'
import { col, context, goodFacts, sourceSide, tbl } from './facts-fixture.js'

const catalog = {
  tables: [
    tbl('shop', 'orders'),
    tbl('shop', 'stores', {
      columns: [col('id'), col('location', 'point', { columnType: 'point' })],
      indexes: [
        { name: 'PRIMARY', type: 'BTREE' },
        { name: 'sp_location', type: 'SPATIAL' }
      ]
    }),
    tbl('shop', 'notes', {
      columns: [
        col('id'),
        col('body', 'text', { charset: 'utf8mb4', collation: 'utf8mb4_general_ci' })
      ],
      indexes: [
        { name: 'PRIMARY', type: 'BTREE' },
        { name: 'ft_body', type: 'FULLTEXT' }
      ]
    }),
    tbl('shop', 'legacy_latin', { collation: 'latin1_swedish_ci' }),
    tbl('shop', 'addresses', { columns: [col('id'), col('ip', 'inet6', { columnType: 'inet6' })] })
  ],
  views: [],
  databases: ['shop', 'other'],
  totalBytes: 0
}

// The rows information_schema gives for a trigger, a procedure, a function and an event (MySQL 8.0 reference,
// "The INFORMATION_SCHEMA TRIGGERS/ROUTINES/EVENTS Table"), one of them in a database the filter does not select.
const objects = buildSourceObjects({
  triggers: [
    { db: 'shop', tbl: 'orders', name: 'orders_bi', timing: 'BEFORE', event: 'INSERT' },
    { db: 'other', tbl: 'x', name: 'elsewhere', timing: 'AFTER', event: 'DELETE' }
  ],
  routines: [
    { db: 'shop', name: 'refresh_totals', type: 'PROCEDURE' },
    { db: 'shop', name: 'net_price', type: 'FUNCTION' },
    { db: 'other', name: 'not_selected', type: 'PROCEDURE' }
  ],
  events: [{ db: 'shop', name: 'nightly_cleanup', status: 'DISABLED' }],
  accounts: [
    { user: 'app', host: '%' },
    { user: 'mysql.sys', host: 'localhost' },
    { user: 'rdsadmin', host: 'localhost' },
    { user: 'mariadb.sys', host: 'localhost' }
  ]
})

describe('what TiDB cannot hold', () => {
  const found = findUnsupported(catalog, objects, 'v8.5.2')

  test('names every object of the selection, by kind, place and effect', () => {
    const brief = found.objects.map((o) => [o.kind, o.database, o.table, o.name, o.effect])
    expect(brief).toEqual([
      ['spatial-column', 'shop', 'stores', 'location', 'table-left-out'],
      ['spatial-index', 'shop', 'stores', 'sp_location', 'table-left-out'],
      ['fulltext-index', 'shop', 'notes', 'ft_body', 'index-dropped'],
      ['collation', 'shop', 'legacy_latin', 'legacy_latin', 'table-left-out'],
      ['column-type', 'shop', 'addresses', 'ip', 'table-left-out'],
      ['trigger', 'shop', 'orders', 'orders_bi', 'not-migrated'],
      ['procedure', 'shop', undefined, 'refresh_totals', 'not-migrated'],
      ['function', 'shop', undefined, 'net_price', 'not-migrated'],
      ['event', 'shop', undefined, 'nightly_cleanup', 'not-migrated'],
      ['account', undefined, undefined, "'app'@'%'", 'not-migrated']
    ])
    expect(found.objects[0]?.detail).toBe('POINT column: TiDB has no spatial types')
    expect(found.objects[3]?.detail).toBe('TiDB has no collation latin1_swedish_ci (table default)')
  })

  test('leaves out exactly the tables TiDB cannot create', () => {
    expect(found.leftOut.map((t) => t.table)).toEqual(['stores', 'legacy_latin', 'addresses'])
    expect(withoutLeftOut(catalog, found.leftOut).tables.map((t) => t.table)).toEqual([
      'orders',
      'notes'
    ])
  })

  test('collations follow the chosen version: utf8mb4_0900_ai_ci from v7.4.0', () => {
    expect(tidbHasCollation('utf8mb4_0900_ai_ci', tidbRelease('v7.1.5'))).toBe(false)
    expect(tidbHasCollation('utf8mb4_0900_ai_ci', tidbRelease('v7.4.0'))).toBe(true)
    expect(tidbHasCollation('utf8mb3_general_ci', tidbRelease('v8.5.2'))).toBe(true)
    expect(tidbHasCollation('utf8mb4_uca1400_ai_ci', tidbRelease('nightly'))).toBe(false)
    const old = findUnsupported(
      { ...catalog, tables: [tbl('shop', 'modern', { collation: 'utf8mb4_0900_ai_ci' })] },
      buildSourceObjects({ triggers: [], routines: [], events: [], accounts: [] }),
      'v6.5.0'
    )
    expect(old.leftOut.map((t) => t.reason)).toEqual([
      'TiDB has no collation utf8mb4_0900_ai_ci (table default)'
    ])
  })
})

describe('the precheck verdict', () => {
  const facts = () => {
    const f = goodFacts()
    return {
      ...f,
      source: {
        ok: true as const,
        value: { ...sourceSide(), catalog, objects: { ok: true as const, value: objects } }
      }
    }
  }

  test('warn: names them, and the checks and the next phases no longer see the left-out tables', () => {
    const j = judgePrecheck(facts(), context())
    const r = j.rows.find((x) => x.id === 'selection.unsupported-objects')
    expect(r?.status).toBe('warn')
    expect(r?.reason).toContain('trigger `orders_bi` on `shop`.`orders` (BEFORE INSERT)')
    expect(r?.reason).toContain('3 tables TiDB cannot create are left out of every phase')
    expect(r?.reason).toContain("User accounts and grants are never migrated: 'app'@'%'")
    expect(j.facts.source.ok && j.facts.source.value.catalog.tables.map((t) => t.table)).toEqual([
      'orders',
      'notes'
    ])
  })

  test('fail: the precheck fails naming them', () => {
    const ctx = context()
    const j = judgePrecheck(facts(), {
      ...ctx,
      inputs: { ...ctx.inputs, unsupportedObjects: 'fail' }
    })
    const r = j.rows.find((x) => x.id === 'selection.unsupported-objects')
    expect(r?.status).toBe('fail')
    expect(r?.reason).toContain("Input 'unsupported-objects' is 'fail'")
    expect(r?.reason).toContain('spatial column `location` of `shop`.`stores`')
  })

  test('accounts alone pass: they are never part of the selection', () => {
    const ctx = context()
    const j = judgePrecheck(goodFacts(), {
      ...ctx,
      inputs: { ...ctx.inputs, unsupportedObjects: 'fail' }
    })
    const r = j.rows.find((x) => x.id === 'selection.unsupported-objects')
    expect(r?.status).toBe('pass')
    expect(r?.reason).toContain("'admin'@'%'")
  })
})

test('the left-out tables become exclusion rules every tool reads', () => {
  const filter = excludingTables(parseFilter(['shop.*', '!shop.tmp_*']), [
    { database: 'shop', table: 'we`ird.name' }
  ])
  expect(filterRules(filter)).toEqual(['shop.*', '!shop.tmp_*', '!`shop`.`we``ird.name`'])
  expect(matchesTable(filter, 'shop', 'we`ird.name')).toBe(false)
  expect(matchesTable(filter, 'shop', 'orders')).toBe(true)
})

test('output unsupported-objects and the summary name them near the top', () => {
  const report = newReport('migrate')
  report.unsupported = findUnsupported(catalog, objects, 'v8.5.2').objects.slice()
  const out = outputValues(report)
  const parsed = JSON.parse(out['unsupported-objects'] ?? '[]') as { kind: string }[]
  expect(parsed).toHaveLength(10)
  const summary = renderSummary(report)
  expect(summary).toContain('<h3>Not migrated: 9 objects TiDB cannot hold (3 tables left out)</h3>')
  expect(summary).toContain('<td>Trigger</td><td>`shop`.`orders`</td><td>orders_bi</td>')
  expect(summary).toContain(
    'User accounts and grants are never migrated; create them on TiDB: &#39;app&#39;@&#39;%&#39;.'
  )
  expect(outputValues(newReport('migrate'))['unsupported-objects']).toBeUndefined()
})

test('without TRIGGER or EVENT the user cannot see triggers or events, and the row says so', () => {
  const ctx = context()
  const side = sourceSide(
    {},
    {
      // Dumpling's documented minimum: information_schema then hides the triggers and events.
      grants: {
        ok: true,
        value: parseGrants([
          'GRANT SELECT, RELOAD, LOCK TABLES, REPLICATION CLIENT, PROCESS ON *.* TO `mig`@`%`',
          'GRANT EVENT ON `shop`.* TO `mig`@`%`'
        ])
      }
    }
  )
  const j = judgePrecheck({ ...goodFacts(), source: { ok: true, value: side } }, ctx)
  const r = j.rows.find((x) => x.id === 'selection.unsupported-objects')
  expect(r?.status).toBe('warn')
  expect(r?.reason).toContain(
    'The source user cannot see the triggers of `shop` (no TRIGGER privilege): grant it'
  )
  expect(r?.reason).not.toContain('events of')
})

test('the plan lists what will not be migrated, and what becomes of it', () => {
  const unsupported = findUnsupported(catalog, objects, 'v8.5.2').objects
  const html = renderPlanSection(
    {
      totals: { tables: 2, views: 0, estimatedRows: 0, bytes: 0 },
      databases: [],
      estimates: [],
      risks: [],
      unsupported
    },
    20
  )
  expect(html).toContain('<p>Not migrated (TiDB cannot hold them):</p>')
  expect(html).toContain(
    '<li>spatial column `location` of `shop`.`stores`: POINT column: TiDB has no spatial types — its table is left out</li>'
  )
  expect(html).toContain('<li>event `shop`.`nightly_cleanup` (disabled) — not migrated</li>')
  expect(html).not.toContain('account')
})
