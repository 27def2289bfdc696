// Sorting an export's listing into metadata and per-table data files, on the real S3 key layouts AWS documents.
import { classifyExportObjects } from '../../src/aws/export-files.js'
import { tableFolder } from '../../src/aws/export-naming.js'
import { describeReal, readReal, realLines } from '../fixtures/real-outputs.js'

test('metadata files at the root, data files per table folder (batched and older layouts), the rest ignored', () => {
  const root = 'pre/export/exp-1'
  const keys = [
    `${root}/export_info_exp-1.json`,
    `${root}/export_tables_info_exp-1_from_1_to_2.json`,
    `${root}/shop/shop.orders/1/part-00000-a-c000.gz.parquet`,
    `${root}/shop/shop.orders/2/part-00001-b-c000.gz.parquet`,
    `${root}/shop/shop.orders/1/_SUCCESS`,
    `${root}/shop/shop.order-archive/part-00000-c.gz.parquet`,
    `${root}/crm/crm.a.b/a/part-00000-d.gz.parquet`,
    `pre/export/exp-10/shop/shop.orders/1/part-00000-e.gz.parquet`,
    `${root}/shop/export_info_lookalike.json`
  ]
  const listing = classifyExportObjects(
    keys.map((key) => ({ key, size: 1 })),
    root
  )
  expect(listing.metadataKeys).toEqual(keys.slice(0, 2))
  expect(Object.fromEntries([...listing.dataFiles].map(([f, files]) => [f, files.length]))).toEqual(
    {
      'shop/shop.orders': 2,
      'shop/shop.order-archive': 1,
      'crm/crm.a.b': 1
    }
  )
})

test('table folders use the names the export writes (\\, backtick, " and space become _)', () => {
  expect(tableFolder({ database: 'shop', table: 'order items' })).toBe('shop/shop.order_items')
  expect(tableFolder({ database: 'my db', table: 'a"b' })).toBe('my_db/my_db.a_b')
  expect(tableFolder({ database: 'analytics', table: 'PageViews' })).toBe(
    'analytics/analytics.PageViews'
  )
})

describeReal('the key layouts of AWS’s documentation', () => {
  test.each([
    'aurora/s3-keys-current-convention-docs.txt',
    'aurora/s3-keys-older-convention-docs.txt',
    'aurora/s3-keys-cluster-export-nonnumeric-partition-docs.txt'
  ])('%s: every data file lands in the documented table folder', (rel) => {
    // The documented table prefix, with the documented file keys below it.
    const [root, ...folder] = readReal('aurora/s3-table-prefix-example-docs.txt')
      .trim()
      .replace(/\/$/, '')
      .split('/')
    const keys = realLines(rel).map((k) => `${root}/${folder.join('/')}/${k.trim()}`)
    const listing = classifyExportObjects(
      keys.map((key) => ({ key, size: 1 })),
      root ?? ''
    )
    expect([...listing.dataFiles.keys()]).toEqual(['rdststdb/rdststdb.DataInsert_7ADB5D19965123A2'])
    expect(listing.dataFiles.get(folder.join('/'))).toHaveLength(keys.length)
  })
})
