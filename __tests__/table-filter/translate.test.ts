import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { compileGoRegexp } from '../../src/table-filter/go-regexp.js'
import { parseFilter } from '../../src/table-filter/parse.js'
import { matchesTable } from '../../src/table-filter/match.js'
import {
  translateFilter,
  type DmBlockAllowList,
  type DmTableRef
} from '../../src/table-filter/translate.js'

const translate = (rules: string[]) => translateFilter(parseFilter(rules))

describe('translateFilter on exact names', () => {
  test('whole databases', () => {
    expect(translate(['shop.*', 'audit.*'])).toEqual({
      simple: true,
      selectsNothing: false,
      exportOnly: ['shop', 'audit'],
      exportOnlyExact: true,
      blockAllowList: { doDbs: ['shop', 'audit'], doTables: [], ignoreTables: [] },
      blockAllowListExact: true,
      notes: []
    })
  })

  test('single tables next to a whole database', () => {
    const t = translate(['shop.orders', 'shop.items', 'audit.*'])
    expect(t.exportOnly).toEqual(['audit', 'shop.orders', 'shop.items'])
    expect(t.blockAllowList).toEqual({
      doDbs: ['audit', 'shop'],
      doTables: [
        { dbName: 'audit', tblName: '*' },
        { dbName: 'shop', tblName: 'orders' },
        { dbName: 'shop', tblName: 'items' }
      ],
      ignoreTables: []
    })
    expect([t.exportOnlyExact, t.blockAllowListExact]).toEqual([true, true])
  })

  test('an excluded table: ExportOnly over-selects and says so, DM ignores it exactly', () => {
    const t = translate(['shop.*', '!shop.tmp'])
    expect([t.exportOnly, t.exportOnlyExact]).toEqual([['shop'], false])
    expect([t.blockAllowList, t.blockAllowListExact]).toEqual([
      { doDbs: ['shop'], doTables: [], ignoreTables: [{ dbName: 'shop', tblName: 'tmp' }] },
      true
    ])
    expect(t.notes).toEqual([
      'ExportOnly cannot exclude single tables, so shop.tmp is exported too'
    ])
  })

  test('an exclusion next to single tables cannot be said in DM either', () => {
    const t = translate(['shop.*', '!shop.tmp', 'audit.events'])
    expect([t.exportOnlyExact, t.blockAllowListExact]).toEqual([false, false])
    expect(t.notes[1]).toBe(
      'a DM block-allow-list with do-tables cannot exclude single tables of a whole database, so DM replicates them too'
    )
  })

  test('later rules override earlier ones, names compare case-insensitively', () => {
    expect(translate(['a.*', '!a.t', 'A.T']).exportOnly).toEqual(['a'])
    expect(translate(['a.*', '!a.t', 'A.T']).exportOnlyExact).toBe(true)
    expect(translate(['Shop.*', 'shop.orders']).exportOnly).toEqual(['Shop'])
    expect(translate(['shop.orders', '!shop.*', 'audit.*']).exportOnly).toEqual(['audit'])
  })

  test('names Aurora cannot export partially, and names DM would read as wildcards', () => {
    const t = translate(['`my-db`.*', '`we*rd`.`t?`'])
    expect([t.exportOnly, t.exportOnlyExact]).toEqual([undefined, false])
    expect(t.blockAllowList).toEqual({
      doDbs: ['my-db', '~^we\\*rd$'],
      doTables: [
        { dbName: 'my-db', tblName: '*' },
        { dbName: '~^we\\*rd$', tblName: '~^t\\?$' }
      ],
      ignoreTables: []
    })
    expect(t.notes).toEqual([
      'a selected name has characters other than letters, digits, $ and _, so Aurora cannot export part of the cluster: the whole cluster is exported'
    ])
  })

  test('rules that cancel out select nothing', () => {
    const t = translate(['shop.orders', '!shop.*'])
    expect([t.selectsNothing, t.exportOnly, t.blockAllowList]).toEqual([true, [], undefined])
  })
})

describe('translateFilter on patterns', () => {
  test('literal schemas give a whole-database superset', () => {
    const t = translate(['shop.*', 'audit.log_*', '!shop./^tmp/'])
    expect(t).toMatchObject({
      simple: false,
      selectsNothing: false,
      exportOnly: ['shop', 'audit'],
      exportOnlyExact: false,
      blockAllowList: { doDbs: ['shop', 'audit'], doTables: [], ignoreTables: [] },
      blockAllowListExact: false
    })
    expect(t.notes).toEqual([
      "'audit.log_*', '!shop./^tmp/' are patterns, not exact names, so the translations select whole databases (or everything)"
    ])
  })

  test('a pattern on the schema means everything', () => {
    const t = translate(['*.*', '!mysql.*'])
    expect([t.exportOnly, t.blockAllowList]).toEqual([undefined, undefined])
  })

  test('only exclusions select nothing', () => {
    expect(translate(['!tmp_*.*'])).toMatchObject({
      selectsNothing: true,
      exportOnly: [],
      blockAllowList: undefined
    })
  })
})

/** Aurora: an entry `db` exports the database, `db.table` the table. */
function exported(exportOnly: readonly string[] | undefined, db: string, table: string): boolean {
  if (exportOnly === undefined) return true
  return exportOnly.some((e) => e.toLowerCase() === db || e.toLowerCase() === `${db}.${table}`)
}

/** DM (case-insensitive): wildcards `*` `?` `[…]`, `~` regexps; do-dbs, then do-tables before ignore-tables. */
function replicated(list: DmBlockAllowList | undefined, db: string, table: string): boolean {
  if (list === undefined) return true
  const hit = (pattern: string, name: string): boolean =>
    pattern.startsWith('~')
      ? compileGoRegexp(pattern.slice(1), true).test(name)
      : new RegExp(`^${pattern.toLowerCase().replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(name)
  const hitTable = (refs: readonly DmTableRef[]): boolean =>
    refs.some((r) => hit(r.dbName, db) && hit(r.tblName, table))
  if (list.doDbs.length > 0 && !list.doDbs.some((d) => hit(d, db))) return false
  if (list.doTables.length > 0 && hitTable(list.doTables)) return true
  if (hitTable(list.ignoreTables)) return false
  return list.doTables.length === 0
}

test('exact translations select exactly the filter’s tables, the others a superset (property)', () => {
  // `wa` and `za` are what the wildcard-looking names would match if they reached DM unescaped.
  const DBS = ['a', 'b', 'w*', 'wa']
  const TABLES = ['x', 'y', 'z?', 'za']
  const name = (n: string): string => (/^[a-z]+$/i.test(n) ? n : `\`${n}\``)
  const rule = fc.record({
    include: fc.boolean(),
    schema: fc.constantFrom('a', 'A', 'b', 'w*'),
    table: fc.constantFrom('x', 'Y', 'z?', '*')
  })
  fc.assert(
    fc.property(fc.array(rule, { minLength: 1, maxLength: 7 }), (rules) => {
      const filter = parseFilter(
        rules.map(
          (r) => `${r.include ? '' : '!'}${name(r.schema)}.${r.table === '*' ? '*' : name(r.table)}`
        )
      )
      const t = translateFilter(filter)
      for (const db of DBS) {
        for (const table of TABLES) {
          const selected = matchesTable(filter, db, table)
          if (t.selectsNothing) expect(selected).toBe(false)
          const viaExport = exported(t.exportOnly, db, table)
          const viaDm = replicated(t.blockAllowList, db, table)
          if (t.exportOnlyExact) expect(viaExport).toBe(selected)
          else if (selected) expect(viaExport).toBe(true)
          if (t.blockAllowListExact) expect(viaDm).toBe(selected)
          else if (selected) expect(viaDm).toBe(true)
        }
      }
    }),
    { numRuns: 500 }
  )
})
