// Lightning's ErrCreateSchema for a view job (pkg/lightning/mydump/schema_import.go runJob wraps the target's error
// with `create schema failed, table: <UniqueTable>, stmt: restore view schema`), read back into the view and cause.
import { failedViewOf, findFailedView } from '../../../src/tidb/lightning/schema-errors.js'

const VIEW_LINE =
  '[Lightning:Restore:ErrCreateSchema]create schema failed, table: `shop`.`by``country`, stmt: restore view schema: ' +
  'Error 1305 (42000): FUNCTION shop.legacy_fn does not exist'

test('a view job failure names the view (backquotes undone) and the target error', () => {
  expect(failedViewOf(VIEW_LINE)).toEqual({
    view: { database: 'shop', table: 'by`country' },
    cause: 'Error 1305 (42000): FUNCTION shop.legacy_fn does not exist'
  })
})

test('table and database jobs are not view failures', () => {
  expect(
    failedViewOf(
      '[Lightning:Restore:ErrCreateSchema]create schema failed, table: `shop`.`orders`, stmt: restore table schema: Error 1064'
    )
  ).toBeUndefined()
  expect(failedViewOf('tidb lightning exit successfully')).toBeUndefined()
})

test('the first view failure among the verdict, the first error line and the tail', () => {
  expect(findFailedView([undefined, 'restore all schema failed', VIEW_LINE])?.view.table).toBe(
    'by`country'
  )
  expect(findFailedView(['no', undefined])).toBeUndefined()
})

test('a failure without the cause still names the view', () => {
  expect(
    failedViewOf('create schema failed, table: `a`.`v`, stmt: restore view schema')?.cause
  ).toMatch(/refused the CREATE VIEW/)
})
