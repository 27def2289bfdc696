import { buildCatalog, type CatalogRows } from '../../src/mysql/catalog.js'
import { parseFilter } from '../../src/table-filter/parse.js'

const T = (db: string, tbl: string, extra: Record<string, unknown> = {}) => ({
  db,
  tbl,
  type: 'BASE TABLE',
  engine: 'InnoDB',
  row_count: '100',
  data_bytes: '16384',
  index_bytes: '0',
  collation: 'utf8mb4_general_ci',
  ...extra
})
const C = (db: string, tbl: string, col: string, data_type = 'int', nullable = 'NO') => ({
  db,
  tbl,
  col,
  data_type,
  column_type: data_type,
  nullable,
  dflt: null,
  num_precision: data_type === 'int' ? '10' : null
})
const I = (db: string, tbl: string, idx: string, col: string, non_unique = 0) => ({
  db,
  tbl,
  idx,
  non_unique,
  col
})

const rows: CatalogRows = {
  tables: [
    T('shop', 'orders', { row_count: '500', data_bytes: '49152', index_bytes: '16384' }),
    T('shop', 'log'),
    T('shop', 'by_email'),
    T('shop', 'nullable_uk'),
    T('shop', 'recent', {
      type: 'VIEW',
      engine: null,
      row_count: null,
      data_bytes: null,
      index_bytes: null
    }),
    T('crm', 'tmp_x'),
    T('mysql', 'user'),
    T('legacy', 'flags', { data_bytes: '1000000' })
  ],
  columns: [
    C('shop', 'orders', 'id'),
    C('shop', 'orders', 'note', 'varchar', 'YES'),
    C('shop', 'log', 'msg', 'text', 'YES'),
    C('shop', 'by_email', 'email', 'varchar'),
    C('shop', 'nullable_uk', 'code', 'varchar', 'YES')
  ],
  indexes: [
    I('shop', 'orders', 'PRIMARY', 'id'),
    I('shop', 'orders', 'idx_note', 'note', 1),
    I('shop', 'by_email', 'uk_email', 'email'),
    I('shop', 'nullable_uk', 'uk_code', 'code')
  ],
  foreignKeys: [{ db: 'shop', tbl: 'orders', n: '2' }]
}

test('selects with the filter, leaves system schemas out, separates views, reads keys and sizes', () => {
  const c = buildCatalog(rows, parseFilter(['*.*', '!crm.tmp_*', '!legacy.*']))
  expect(c.tables.map((t) => `${t.database}.${t.table}`)).toEqual([
    'shop.orders',
    'shop.log',
    'shop.by_email',
    'shop.nullable_uk'
  ])
  expect(c.views).toEqual([{ database: 'shop', table: 'recent' }])
  const [orders, log, byEmail, nullableUk] = c.tables
  expect(orders).toMatchObject({
    estimatedRows: 500,
    bytes: 65536,
    dataBytes: 49152,
    hasPrimaryKey: true,
    hasUniqueKey: true,
    foreignKeys: 2
  })
  expect(orders?.columns.map((x) => [x.name, x.nullable])).toEqual([
    ['id', false],
    ['note', true]
  ])
  expect(log).toMatchObject({ hasPrimaryKey: false, hasUniqueKey: false })
  // A unique key over NOT NULL columns makes rows identifiable; over a nullable column it does not.
  expect(byEmail).toMatchObject({ hasPrimaryKey: false, hasUniqueKey: true })
  expect(nullableUk).toMatchObject({ hasUniqueKey: false })
  expect(c.databases).toEqual(['shop', 'crm', 'legacy'])
  expect(c.totalBytes).toBe(65536 + 3 * 16384 + 16384 + 1000000)
})

test('a filter that matches nothing yields no tables but still lists the databases', () => {
  const c = buildCatalog(rows, parseFilter(['nosuch.*']))
  expect(c.tables).toEqual([])
  expect(c.databases).toContain('shop')
})

test('matching is case-insensitive like Dumpling', () => {
  const c = buildCatalog(rows, parseFilter(['SHOP.Orders']))
  expect(c.tables.map((t) => t.table)).toEqual(['orders'])
})
