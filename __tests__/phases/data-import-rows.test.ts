import { unfinishedImportRows } from '../../src/phases/data-import.js'

describe('unfinishedImportRows', () => {
  test('a failed import lists the tables Lightning restored and those it did not finish', () => {
    const rows = unfinishedImportRows(
      [
        { database: 'shop', table: 'Orders' },
        { database: 'shop', table: 'items' },
        { database: 'crm', table: 'leads' }
      ],
      [
        { name: { database: 'shop', table: 'orders' } },
        { name: { database: 'crm', table: 'leads' } },
        { name: undefined }
      ]
    )
    expect(rows.map((r) => [r.database, r.table, r.status])).toEqual([
      ['shop', 'Orders', 'imported'],
      ['shop', 'items', 'not imported'],
      ['crm', 'leads', 'imported']
    ])
    expect(rows[1]?.note).toBe('Lightning did not finish it')
  })
})
