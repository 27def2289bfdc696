import { newFileRouter, RouteRuleError } from '../../../../sandbox/tiup/lightning/router.js'
import type { FileRouteRule } from '../../../../sandbox/tiup/lightning/config.js'

const rule = (r: Partial<FileRouteRule>): FileRouteRule => ({
  pattern: '',
  path: '',
  schema: '',
  table: '',
  type: '',
  key: '',
  compression: '',
  ...r
})
const DOCUMENTED = rule({
  pattern: '(?i)^(?:[^/]*/)*([a-z0-9_]+)\\.([a-z0-9_]+)/(?:[^/]*/)*(?:[a-z0-9\\-_.]+\\.(parquet))$',
  schema: '$1',
  table: '$2',
  type: '$3'
})

describe('file routing', () => {
  test('default rules route Dumpling output', () => {
    const r = newFileRouter([], true)
    expect(r.route('shop-schema-create.sql')).toMatchObject({
      schema: 'shop',
      table: '',
      type: 'schema-schema'
    })
    expect(r.route('shop.orders-schema.sql')).toMatchObject({
      schema: 'shop',
      table: 'orders',
      type: 'table-schema'
    })
    expect(r.route('shop.order-items-schema.sql')).toMatchObject({
      schema: 'shop',
      table: 'order-items',
      type: 'table-schema'
    })
    expect(r.route('shop.v-schema-view.sql')).toMatchObject({ table: 'v', type: 'view-schema' })
    expect(r.route('dir/shop.orders.000000001.sql')).toMatchObject({
      schema: 'shop',
      table: 'orders',
      type: 'sql',
      key: '000000001'
    })
    expect(r.route('shop.orders.000000000.sql.gz')).toMatchObject({
      type: 'sql',
      compression: 'gzip'
    })
    expect(r.route('shop.orders.csv')).toMatchObject({ type: 'csv', key: '' })
    expect(r.route('shop.a%2Fb.0.sql')).toMatchObject({ table: 'a/b' })
    expect(r.route('shop.orders-schema-post.sql')).toMatchObject({ type: 'ignore' })
    expect(r.route('metadata')).toBeUndefined()
  })

  test("PingCAP's documented Parquet rule routes the Aurora layout and nothing else; defaults are off when rules are given", () => {
    const r = newFileRouter([DOCUMENTED], false)
    expect(r.route('export-1/shop/shop.orders/1/part-00000-a1-c000.gz.parquet')).toEqual({
      schema: 'shop',
      table: 'orders',
      type: 'parquet',
      key: '',
      compression: ''
    })
    expect(
      r.route('export-1/shop/shop.order-items/1/part-00000-a1-c000.gz.parquet')
    ).toBeUndefined()
    expect(r.route('shop-schema-create.sql')).toBeUndefined()
    expect(r.route('export-1/export_tables_info_export-1_from_1_to_3.json')).toBeUndefined()
  })

  test('`path` rules match literally and keep `$` in templates', () => {
    const r = newFileRouter(
      [rule({ path: 'a/b.c+d.csv', schema: 'db$x', table: 't', type: 'csv' })],
      false
    )
    expect(r.route('a/b.c+d.csv')).toMatchObject({ schema: 'db$x', table: 't', type: 'csv' })
    expect(r.route('a/bxc+d.csv')).toBeUndefined()
  })

  test.each([
    [
      rule({ schema: '$1', type: 'sql' }),
      '`path` and `pattern` must not be both empty in [[mydumper.files]]'
    ],
    [
      rule({ pattern: 'x', path: 'x', type: 'sql' }),
      "can't set both `path` and `pattern` field in [[mydumper.files]]"
    ],
    [
      rule({ pattern: '(a)', schema: '$1', table: '$1' }),
      "field 'type' match pattern can't be empty"
    ],
    [
      rule({ pattern: '(a)', schema: '$2', table: '$1', type: 'sql' }),
      "sub pattern capture '$2' out of range"
    ],
    [
      rule({ pattern: '(a)', schema: '$name', table: '$1', type: 'sql' }),
      "invalid named capture '$name'"
    ],
    [
      rule({ pattern: '(?<=a)b', schema: 'x', table: 'y', type: 'sql' }),
      'error parsing regexp: invalid named capture: `(?<=a)b`'
    ]
  ])('%j is rejected', (r, message) => {
    expect(() => newFileRouter([r], false)).toThrow(new RouteRuleError(message))
  })

  test('an unknown type from a template fails when the file is routed', () => {
    const r = newFileRouter(
      [rule({ pattern: '^(\\w+)\\.(\\w+)\\.(\\w+)$', schema: '$1', table: '$2', type: '$3' })],
      false
    )
    expect(() => r.route('a.b.txt')).toThrow(
      new RouteRuleError("apply file routing on file 'a.b.txt' failed: unknown source type 'txt'")
    )
  })
})
