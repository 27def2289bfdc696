// The per-table verdict of the verification, from the evidence gathered (pure).
import type { ExportedTable } from '../../src/aws/export-metadata.js'
import type { TableRow } from '../../src/report/types.js'
import {
  judgeTable,
  judgeViews,
  lightningTableKey,
  upsertTableRows,
  verifyTotals,
  type TableEvidence
} from '../../src/phases/verify-rows.js'

const listed = (db: string, table: string, extra: Partial<ExportedTable> = {}): ExportedTable => ({
  database: db,
  table,
  status: 'COMPLETE',
  rows: undefined,
  sizeGB: 0.01,
  skipped: false,
  reason: undefined,
  ...extra
})

const evidence = (extra: Partial<TableEvidence> = {}): TableEvidence => ({
  database: 'shop',
  table: 'orders',
  exported: listed('shop', 'orders'),
  metadataPresent: true,
  exportRows: 500,
  sharedFolderWith: [],
  target: { rows: 500 },
  lightningRows: undefined,
  checksum: undefined,
  ...extra
})

test('equal rows in the export and the target verify; Lightning’s checksum is noted', () => {
  expect(judgeTable(evidence())).toEqual({
    database: 'shop',
    table: 'orders',
    rowsExported: 500,
    rowsImported: 500,
    status: 'verified'
  })
  const ok = judgeTable(
    evidence({
      lightningRows: 500,
      checksum: { table: '`shop`.`orders`', ok: true, detail: '{cksum=1}' }
    })
  )
  expect(ok).toMatchObject({ status: 'verified', note: 'checksum matched' })
})

test('an empty table the export listed without data files verifies against an empty target', () => {
  expect(judgeTable(evidence({ exportRows: undefined, target: { rows: 0 } }))).toMatchObject({
    rowsExported: 0,
    rowsImported: 0,
    status: 'verified'
  })
})

test.each<[string, Partial<TableEvidence>, RegExp]>([
  ['different counts', { target: { rows: 499 } }, /^the target has 499 rows, the export 500$/],
  ['missing in the target', { target: { missing: true } }, /^missing in the target$/],
  [
    'count error',
    { target: { error: 'Lock wait timeout' } },
    /cannot count the target's rows: Lock wait timeout/
  ],
  [
    'not listed by the export',
    { exported: undefined, exportRows: undefined, target: { rows: 3 } },
    /not in the export .*the target has 3 rows, the export 0/
  ],
  ['Lightning disagrees', { lightningRows: 450 }, /^Lightning reported 450 rows imported$/],
  [
    'checksum mismatch',
    {
      checksum: {
        table: '`shop`.`orders`',
        ok: false,
        detail: 'checksum mismatched remote vs local'
      }
    },
    /^Lightning checksum mismatch: checksum mismatched/
  ],
  ['shared folder', { sharedFolderWith: ['shop.orders '] }, /same S3 folder as shop\.orders /]
])('%s is a mismatch', (_, extra, note) => {
  const row = judgeTable(evidence(extra))
  expect(row.status).toBe('mismatch')
  expect(row.note).toMatch(note)
})

test('a table the export skipped is reported as such, with AWS’s reason, not as a mismatch', () => {
  const row = judgeTable(
    evidence({
      exported: listed('crm', 'legacy_contacts', {
        skipped: true,
        reason: 'COLUMN_NAME_NOT_SUPPORTED',
        status: undefined
      }),
      exportRows: undefined,
      target: { missing: true }
    })
  )
  expect(row).toEqual({
    database: 'shop',
    table: 'orders',
    status: 'skipped by export',
    note: 'COLUMN_NAME_NOT_SUPPORTED'
  })
})

test('totals, Lightning table names, and replacing the rows an earlier phase reported', () => {
  const rows: TableRow[] = [
    judgeTable(evidence()),
    judgeTable(evidence({ table: 'x', target: { rows: 1 } })),
    judgeTable(evidence({ exported: listed('shop', 'orders', { skipped: true }) }))
  ]
  const totals = verifyTotals(rows)
  expect([totals.verified, totals.mismatched.length, totals.skipped]).toEqual([1, 1, 1])
  expect(lightningTableKey('`shop`.`order``items`')).toBe('shop.order`items')
  expect(lightningTableKey('shop.orders')).toBe('shop.orders')
  const report: TableRow[] = [
    { database: 'shop', table: 'orders', rowsImported: 500, status: 'imported' },
    { database: 'crm', table: 'notes', status: 'imported' }
  ]
  upsertTableRows(report, [rows[0]!])
  expect(report.map((r) => r.status)).toEqual(['verified', 'imported'])
})

describe('judgeViews', () => {
  const v = (database: string, table: string) => ({ database, table })

  test('a selected view on the target is present (names compared as TiDB does)', () => {
    const r = judgeViews([v('shop', 'ByCountry')], [v('shop', 'bycountry')], undefined)
    expect(r.rows).toEqual([{ database: 'shop', table: 'ByCountry', status: 'view present' }])
    expect(r.unexplained).toEqual([])
  })

  test('a missing view without a reason is unexplained (a mismatch)', () => {
    const r = judgeViews([v('shop', 'a')], [], undefined)
    expect(r.unexplained).toHaveLength(1)
    expect(r.rows[0]?.status).toBe('view missing')
  })

  test('the refused view and those after it are named with the target reason, marked ⚠', () => {
    const r = judgeViews(
      [v('shop', 'a'), v('shop', 'b'), v('shop', 'c')],
      [v('shop', 'a')],
      [{ ...v('shop', 'b'), cause: 'Error 1305: FUNCTION f does not exist' }]
    )
    expect(r.unexplained).toEqual([])
    expect(r.rows.map((x) => x.note)).toEqual([
      undefined,
      '⚠ not created: the target refused it (Error 1305: FUNCTION f does not exist)',
      '⚠ not created: Lightning stopped creating views at `shop`.`b` (Error 1305: FUNCTION f does not exist)'
    ])
  })
})
