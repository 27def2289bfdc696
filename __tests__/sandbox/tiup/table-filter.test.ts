import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FilterError, parseTableFilter } from '../../../sandbox/tiup/table-filter.js'

const DEFAULT = [
  '*.*',
  '!/^(mysql|sys|INFORMATION_SCHEMA|PERFORMANCE_SCHEMA|METRICS_SCHEMA|INSPECTION_SCHEMA)$/.*'
]

describe('table filter', () => {
  test("PingCAP's documented Dumpling filter selects my_db1.table1/table2 and all of mydb", () => {
    const f = parseTableFilter(['my_db1.table[12]', 'mydb.*'])
    expect(f.matchTable('my_db1', 'table1')).toBe(true)
    expect(f.matchTable('my_db1', 'table2')).toBe(true)
    expect(f.matchTable('my_db1', 'table3')).toBe(false)
    expect(f.matchTable('mydb', 'anything')).toBe(true)
    expect(f.matchTable('other', 't')).toBe(false)
    expect(f.matchTable('mysql', 'user')).toBe(false)
  })

  test('the default rules exclude only the system schemas; an explicit filter replaces them', () => {
    const def = parseTableFilter(DEFAULT)
    expect(def.matchTable('shop', 'orders')).toBe(true)
    expect(def.matchTable('mysql', 'user')).toBe(false)
    expect(def.matchTable('information_schema', 'TABLES')).toBe(false)
    expect(parseTableFilter(['*.*']).matchTable('mysql', 'user')).toBe(true)
  })

  test('the last matching rule wins and `!` excludes; a lone negative rule excludes everything', () => {
    const f = parseTableFilter(['*.*', '!shop.audit*', 'shop.audit_keep'])
    expect(f.matchTable('shop', 'orders')).toBe(true)
    expect(f.matchTable('shop', 'audit_log')).toBe(false)
    expect(f.matchTable('shop', 'audit_keep')).toBe(true)
    expect(parseTableFilter(['!db.t']).matchTable('db', 'other')).toBe(false)
  })

  test('wildcards, classes, negated classes, quoting, escaping and regexps', () => {
    expect(parseTableFilter(['db?.t[!0-9]']).matchTable('db1', 'tx')).toBe(true)
    expect(parseTableFilter(['db?.t[!0-9]']).matchTable('db1', 't5')).toBe(false)
    expect(parseTableFilter(['db.[^a]b']).matchTable('db', '^b')).toBe(true)
    expect(parseTableFilter(['"my-db"."a.b"']).matchTable('my-db', 'a.b')).toBe(true)
    expect(parseTableFilter(['`x``y`.t']).matchTable('x`y', 't')).toBe(true)
    expect(parseTableFilter(['my\\-db.*']).matchTable('my-db', 't')).toBe(true)
    expect(parseTableFilter(['/^sales_\\d+$/.*']).matchTable('sales_2024', 't')).toBe(true)
    expect(parseTableFilter(['/^sales_\\d+$/.*']).matchTable('sales_x', 't')).toBe(false)
  })

  test('case-insensitive by default, exact with caseSensitive', () => {
    expect(parseTableFilter(['Shop.Orders']).matchTable('shop', 'ORDERS')).toBe(true)
    expect(parseTableFilter(['Shop.Orders'], true).matchTable('shop', 'ORDERS')).toBe(false)
    expect(parseTableFilter(['/^Shop$/.*']).matchTable('SHOP', 't')).toBe(true)
  })

  test('matchSchema: a schema is in unless excluded as a whole', () => {
    const f = parseTableFilter(['*.*', '!tmp.*', '!shop.secret'])
    expect(f.matchSchema('shop')).toBe(true)
    expect(f.matchSchema('tmp')).toBe(false)
    expect(parseTableFilter(['shop.orders']).matchSchema('other')).toBe(false)
  })

  test('@file imports rules (comments and blank lines ignored)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'filter-'))
    try {
      writeFileSync(path.join(dir, 'rules'), '# rules\n\nshop.*\n!shop.tmp\n')
      const f = parseTableFilter([`@${path.join(dir, 'rules')}`])
      expect(f.matchTable('shop', 'a')).toBe(true)
      expect(f.matchTable('shop', 'tmp')).toBe(false)
      expect(() => parseTableFilter([`@${path.join(dir, 'missing')}`])).toThrow(
        `at <cmdline>:1: cannot open filter file: open ${path.join(dir, 'missing')}: no such file or directory`
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  // The errors of pingcap/tidb pkg/util/table-filter/parser.go.
  test.each([
    ['db', 'at <cmdline>:1: wrong table pattern'],
    ['db.', 'at <cmdline>:1: syntax error: missing pattern'],
    ['`db`*.*', "at <cmdline>:1: syntax error: missing '.' between schema and table patterns"],
    ['[.*', 'at <cmdline>:1: syntax error: failed to parse character class'],
    ['db.`t`x', 'at <cmdline>:1: syntax error: stray characters after table pattern'],
    ['"db.t', 'at <cmdline>:1: syntax error: incomplete quoted identifier'],
    ['/db.t', 'at <cmdline>:1: syntax error: incomplete regexp'],
    ['db.t\\', 'at <cmdline>:1: syntax error: cannot place \\ at end of line'],
    [
      'db.\\n',
      'at <cmdline>:1: cannot escape a letter or number (\\n), it is reserved for future extension'
    ],
    ['my-db.*', "at <cmdline>:1: unexpected special character '-'"],
    [
      '/(?=x)/.*',
      'at <cmdline>:1: invalid pattern: error parsing regexp: invalid or unsupported Perl syntax: `(?=`'
    ]
  ])('%s → %s', (rule, message) => {
    expect(() => parseTableFilter([rule])).toThrow(new FilterError(message))
  })
})
