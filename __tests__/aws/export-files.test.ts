// Sorting an export's listing into metadata and per-table data files, on the real S3 key layouts AWS documents.
import { classifyExportObjects, exportRoot } from '../../src/aws/export-files.js'
import { toExportTaskView } from '../../src/aws/export-task.js'
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

describeReal('where an export task’s files are (real-outputs/aurora)', () => {
  test('"S3Prefix": "" (AWS CLI describe-export-tasks example) is the bucket root, not the fallback prefix', () => {
    const doc = JSON.parse(readReal('aurora/describe-export-tasks-awscli-example.json')) as {
      ExportTasks: unknown[]
    }
    const [done] = doc.ExportTasks.map(toExportTaskView)
    expect(done?.s3Prefix).toBe('')
    if (!done) throw new Error('the sample has a task')
    expect(exportRoot(done, 'runs/export')).toBe('test-snapshot-export')
    // The documented keys of a table, written at the bucket root, are found there.
    const keys = realLines('aurora/s3-keys-current-convention-docs.txt').map(
      (k) => `test-snapshot-export/rdststdb/rdststdb.DataInsert_7ADB5D19965123A2/${k.trim()}`
    )
    const listing = classifyExportObjects(
      keys.map((key) => ({ key, size: 1 })),
      exportRoot(done)
    )
    expect(listing.dataFiles.get('rdststdb/rdststdb.DataInsert_7ADB5D19965123A2')).toHaveLength(
      keys.length
    )
  })
})

test('exportRoot: a given prefix (slashes trimmed) or, only when S3Prefix is absent, the fallback', () => {
  expect(exportRoot({ id: 'e1', s3Prefix: '/runs/x/' }, 'fb')).toBe('runs/x/e1')
  expect(exportRoot({ id: 'e1', s3Prefix: undefined }, 'fb/export')).toBe('fb/export/e1')
  expect(exportRoot({ id: 'e1', s3Prefix: undefined })).toBe('e1')
  expect(exportRoot({ id: 'e1', s3Prefix: '' }, 'fb/export')).toBe('e1')
})

test('data files at any depth of batch folders below the table folder count (the naming may change)', () => {
  const root = 'e1'
  const keys = [
    `${root}/shop/shop.orders/1/part-00000-a-c000.gz.parquet`,
    `${root}/shop/shop.orders/2/a/part-00000-b-c000.gz.parquet`,
    `${root}/shop/shop.orders/2/a/b7/part-00001-c-c000.gz.parquet`
  ]
  const listing = classifyExportObjects(
    keys.map((key) => ({ key, size: 1 })),
    root
  )
  expect(listing.dataFiles.get('shop/shop.orders')).toHaveLength(3)
})
