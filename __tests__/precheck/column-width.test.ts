// Pre-created target tables against the source's columns (precheck/column-width.ts): narrower within a family of
// types, or missing, is a problem; as wide or wider is not.
import { columnProblems, narrowerBy } from '../../src/precheck/column-width.js'

const col = (name: string, columnType: string) => ({
  name,
  columnType,
  dataType: columnType.replace(/\(.*$/, '').replace(/ .*$/, '')
})

test.each([
  ['int', 'tinyint', true],
  ['int unsigned', 'int', true],
  ['int unsigned', 'bigint', false],
  ['int', 'int unsigned', false],
  ['varchar(20)', 'varchar(5)', true],
  ['varchar(20)', 'varchar(255)', false],
  ['char(10)', 'varchar(10)', false],
  ['decimal(10,2)', 'decimal(8,2)', true],
  ['decimal(10,2)', 'decimal(10,0)', true],
  ['decimal(10,2)', 'decimal(12,4)', false],
  ['mediumtext', 'text', true],
  ['text', 'longtext', false],
  ['longblob', 'blob', true],
  ['datetime', 'varchar(5)', false]
])('source %s, target %s: narrower %s', (source, target, narrower) => {
  expect(narrowerBy(col('c', source), col('c', target)) !== undefined).toBe(narrower)
})

test('each problem names the column and both types; a missing column is named; names compare case-insensitively', () => {
  expect(
    columnProblems(
      [col('id', 'int unsigned'), col('Code', 'varchar(20)'), col('note', 'text')],
      [col('ID', 'int'), col('code', 'varchar(20)')]
    )
  ).toEqual(['`id` int on the target, int unsigned on the source', '`note` missing on the target'])
})
