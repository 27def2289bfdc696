import { exportOnlyFor, exportSkipReason, exportedName } from '../../src/aws/export-naming.js'
import type { TableName } from '../../src/table-filter/table-name.js'

describe('exportSkipReason, exportedName', () => {
  test('the export skips names with a slash; rewrites \\ ` " and space', () => {
    expect(exportSkipReason({ database: 'd', table: 'a/b' })).toMatch(
      /skips tables whose name contains "\/"/
    )
    expect(exportSkipReason({ database: 'd', table: 'a.b' })).toBeUndefined()
    expect(exportedName('a\\b`c"d e')).toBe('a_b_c_d_e')
  })
})

describe('exportOnlyFor', () => {
  const all: TableName[] = [
    { database: 'shop', table: 'orders' },
    { database: 'shop', table: 'items' },
    { database: 'crm', table: 'people' },
    { database: 'crm', table: 'tmp' },
    { database: 'crm', table: 'my-notes' }
  ]

  test('db.table entries, whole databases when fully selected', () => {
    expect(exportOnlyFor([all[0]!, all[1]!, all[2]!], all)).toEqual({
      exportOnly: ['crm.people', 'shop'],
      warnings: []
    })
    expect(exportOnlyFor([all[0]!])).toEqual({ exportOnly: ['shop.orders'], warnings: [] })
  })

  test('a table name a partial export cannot name: its database instead, with a warning', () => {
    const plan = exportOnlyFor([all[2]!, all[4]!], all)
    expect(plan.exportOnly).toEqual(['crm'])
    expect(plan.warnings).toEqual([expect.stringContaining('`crm`.`my-notes` cannot be named')])
  })

  test('a database name a partial export cannot name: the whole cluster, with a warning', () => {
    const plan = exportOnlyFor([{ database: 'my-db', table: 't' }, all[0]!])
    expect(plan.exportOnly).toBeUndefined()
    expect(plan.warnings[0]).toMatch(/database `my-db` has characters/)
  })

  test('over 200 KB: whole databases; nothing selected: no list', () => {
    const many = Array.from({ length: 12_000 }, (_, i) => ({
      database: `d${i % 3}`,
      table: `a_long_table_name_${i}`
    }))
    const plan = exportOnlyFor(many)
    expect(plan.exportOnly).toEqual(['d0', 'd1', 'd2'])
    expect(plan.warnings).toEqual([expect.stringContaining('exceeds 200 KB')])
    expect(exportOnlyFor([]).exportOnly).toBeUndefined()
  })
})
