import { sampleExportKey } from '../../../src/aws/export-naming.js'
import type { TableName } from '../../../src/table-filter/table-name.js'
import {
  GENERAL_AURORA_RULE,
  IGNORE_EXPORT_METADATA,
  DOCUMENTED_PATTERN,
  auroraFileRules,
  documentedPatternMisses
} from '../../../src/tidb/lightning/aurora-rules.js'
import { FileRouter, compileRe2, expandTemplate } from '../../../src/tidb/lightning/file-router.js'
import { describeReal, haveRealOutputs, realLines } from '../../fixtures/real-outputs.js'

/** Constructs RE2 rejects (lookaround, backreferences) that JavaScript would accept. */
function assertRe2Compatible(pattern: string): void {
  expect(pattern).not.toMatch(/\(\?[=!]|\(\?<[=!]|\\[1-9]|\\k</)
  expect(() => compileRe2(pattern)).not.toThrow()
}

const TRICKY: TableName[] = [
  { database: 'shop', table: 'orders' },
  { database: 'Shop', table: 'Orders' },
  { database: 'my-db', table: 't-1' },
  { database: 'shop', table: 'order.items' },
  { database: 'a.b', table: 'c' },
  { database: 'a.b', table: 'c.d' },
  { database: 'pay$', table: 'in$voice' },
  { database: 'données', table: '表' },
  { database: 'crm', table: 'Customer Notes' },
  { database: 'crm', table: 'back`tick' },
  { database: 'crm', table: 'say "hi"' },
  { database: 'crm', table: 'back\\slash' },
  { database: 'my db', table: 'x' },
  { database: 'crm', table: '$1' },
  { database: 'crm', table: 'a $1' }
]

const key = (t: TableName, batch?: string): string =>
  `exports/migrate-42/${sampleExportKey(t, batch)}`

describe('auroraFileRules', () => {
  test('every generated pattern is RE2-compatible and compiles as a JavaScript RegExp', () => {
    const { rules } = auroraFileRules(TRICKY)
    for (const r of [...rules, { pattern: DOCUMENTED_PATTERN }]) assertRe2Compatible(r.pattern)
  })

  test('routes every tricky name back to its real name, in the current, old and non-numeric layouts', () => {
    const router = new FileRouter(auroraFileRules(TRICKY).rules)
    for (const t of TRICKY) {
      // Current, non-numeric batch, older (no batch folder), and deeper batch folders (AWS: the naming may change).
      const layouts = [
        key(t),
        key(t, 'a'),
        key(t).replace('/1/', '/'),
        key(t, '2/a'),
        key(t, 'x-1/7/b_c')
      ]
      for (const k of layouts) {
        expect({ k, r: router.route(k) }).toEqual({
          k,
          r: { schema: t.database, table: t.table, type: 'parquet' }
        })
      }
    }
  })

  test('only rewritten names get exact rules; databases get one anchored rule each', () => {
    const { rules, warnings } = auroraFileRules(TRICKY)
    expect(warnings).toEqual([])
    expect(rules[0]).toBe(IGNORE_EXPORT_METADATA)
    expect(rules[rules.length - 1]).toBe(GENERAL_AURORA_RULE)
    const exact = rules.filter((r) => r.type === 'parquet' && r.schema !== '$1')
    expect(exact.map((r) => `${r.schema}.${r.table}`)).toEqual([
      'crm.Customer Notes',
      'crm.back`tick',
      'crm.say "hi"',
      'crm.back\\slash',
      'my db.x',
      // `$` is a template character: the literal name is written `$$` (router.go escapes path rules the same way)
      'crm.a $$1'
    ])
    expect(rules.filter((r) => r.schema === '$1')).toHaveLength(8)
  })

  test('two tables exported into one folder are ignored with a warning', () => {
    const clash = [
      { database: 'crm', table: 'a b' },
      { database: 'crm', table: 'a_b' },
      { database: 'crm', table: 'ok' }
    ]
    const { rules, warnings } = auroraFileRules(clash)
    expect(warnings).toEqual([
      expect.stringMatching(/^`crm`.`a b`, `crm`.`a_b` are exported into the same/)
    ])
    const router = new FileRouter(rules)
    expect(router.route(key({ database: 'crm', table: 'a_b' }))?.type).toBe('ignore')
    expect(router.route(key({ database: 'crm', table: 'ok' }))).toEqual({
      schema: 'crm',
      table: 'ok',
      type: 'parquet'
    })
  })

  test('without a table list: ignore rule and the general rule, dots in tables still unambiguous', () => {
    const router = new FileRouter(auroraFileRules().rules)
    expect(router.route(key({ database: 'shop', table: 'order.items' }))).toEqual({
      schema: 'shop',
      table: 'order.items',
      type: 'parquet'
    })
    expect(router.route('export-1/shop/shop.orders/1/not-parquet.json')).toBeUndefined()
  })

  test('ignores the export metadata files wherever they sit', () => {
    const router = new FileRouter(auroraFileRules([{ database: 'shop', table: 'orders' }]).rules)
    for (const k of [
      'export_info_migrate-42.json',
      'exports/migrate-42/export_info_migrate-42.json',
      'exports/migrate-42/export_tables_info_migrate-42_from_1_to_96.json',
      'exports/migrate-42/shop/shop.orders/_SUCCESS',
      'exports/migrate-42/shop/shop.orders/1/_SUCCESS'
    ]) {
      expect(router.route(k)?.type).toBe('ignore')
    }
  })

  test('10 000 tables: rules for every rewritten one, all routed', () => {
    const many: TableName[] = []
    for (let i = 0; i < 10_000; i++) {
      many.push({ database: `db${i % 40}`, table: i % 10 === 0 ? `t ${i}` : `t.${i}` })
    }
    const { rules } = auroraFileRules(many)
    expect(rules).toHaveLength(1 + 1000 + 40 + 1)
    const router = new FileRouter(rules)
    for (const t of many.slice(0, 200)) expect(router.route(key(t))?.table).toBe(t.table)
  })
})

describeReal('auroraFileRules on the real key listings (real-outputs/aurora)', () => {
  // describe.skip still runs this body: read only when the samples exist.
  const tablePrefix = haveRealOutputs
    ? (realLines('aurora/s3-table-prefix-example-docs.txt')[0] ?? '')
    : ''
  const listings = [
    'aurora/s3-keys-current-convention-docs.txt',
    'aurora/s3-keys-older-convention-docs.txt',
    'aurora/s3-keys-cluster-export-nonnumeric-partition-docs.txt'
  ]
  const table = { database: 'rdststdb', table: 'DataInsert_7ADB5D19965123A2' }

  test.each(listings)(
    '%s routes to rdststdb.DataInsert_7ADB5D19965123A2 with and without a list',
    (f) => {
      for (const rules of [auroraFileRules([table]).rules, auroraFileRules().rules]) {
        const router = new FileRouter(rules)
        for (const rel of realLines(f)) {
          const deeper = `${tablePrefix}9/${rel}`
          for (const k of [tablePrefix + rel, `my/prefix/${tablePrefix}${rel}`, deeper]) {
            expect(router.route(k)).toEqual({
              schema: table.database,
              table: table.table,
              type: 'parquet'
            })
          }
        }
      }
    }
  )

  test("the documented procedure's pattern routes these (plain) names too", () => {
    const documented = new FileRouter([
      { pattern: DOCUMENTED_PATTERN, schema: '$1', table: '$2', type: '$3' }
    ])
    for (const rel of realLines('aurora/s3-keys-current-convention-docs.txt')) {
      expect(documented.route(tablePrefix + rel)).toEqual({
        ...{ schema: table.database, table: table.table },
        type: 'parquet'
      })
    }
  })
})

describe('documentedPatternMisses', () => {
  test("lists exactly the names outside [a-z0-9_] (case-insensitive) PingCAP's documented pattern cannot route", () => {
    const misses = documentedPatternMisses(TRICKY).map((t) => `${t.database}.${t.table}`)
    expect(misses).toEqual([
      'my-db.t-1',
      'shop.order.items',
      'a.b.c',
      'a.b.c.d',
      'pay$.in$voice',
      'données.表',
      'crm.Customer Notes',
      'crm.back`tick',
      'crm.say "hi"',
      'crm.back\\slash',
      'my db.x',
      'crm.$1',
      'crm.a $1'
    ])
  })
})

describe('expandTemplate follows Go regexp.Expand', () => {
  test('$n, ${n}, $$ and unknown names', () => {
    const m = /(a)(b)/.exec('ab')
    if (!m) throw new Error('no match')
    expect(expandTemplate('$1-${2}-$$-$1x-$', m)).toBe('a-b-$--$')
  })
})
