// Spark's legacy calendar in an export's Parquet footers: which files mark it, which columns hold dates, and the
// warning for values before 1582-10-15 that TiDB Lightning v8.5 does not rebase (pingcap/tidb#67849).
import type { FileMetaData } from 'hyparquet'
import { footerFacts, legacyCalendarWarning } from '../../src/aws/parquet-footers.js'

type Footer = Pick<FileMetaData, 'num_rows' | 'schema' | 'key_value_metadata'>

/** The schema Aurora's export writes for (id BIGINT, born DATE, seen DATETIME, stamp TIMESTAMP as INT96, name). */
const SCHEMA: Footer['schema'] = [
  { name: 'spark_schema', num_children: 5 },
  { name: 'id', type: 'INT64' },
  { name: 'born', type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } },
  {
    name: 'seen',
    type: 'INT64',
    converted_type: 'TIMESTAMP_MICROS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' }
  },
  { name: 'stamp', type: 'INT96' },
  { name: 'name', type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } }
]

/** The footer entries of the Spark-written file in pingcap/tidb#67849's report. */
const LEGACY = [
  { key: 'org.apache.spark.legacyDateTime', value: '' },
  { key: 'org.apache.spark.timeZone', value: 'UTC' },
  { key: 'org.apache.spark.version', value: '4.1.1' }
]

test('a footer with org.apache.spark.legacyDateTime marks the legacy calendar; its date/time columns are named', () => {
  expect(footerFacts({ num_rows: 42n, schema: SCHEMA, key_value_metadata: LEGACY })).toEqual({
    rows: 42,
    legacyCalendar: true,
    dateTimeColumns: ['born', 'seen', 'stamp']
  })
  const modern = [{ key: 'org.apache.spark.version', value: '3.5.1' }]
  expect(
    footerFacts({ num_rows: 1n, schema: SCHEMA, key_value_metadata: modern }).legacyCalendar
  ).toBe(false)
  expect(footerFacts({ num_rows: 1n, schema: SCHEMA }).legacyCalendar).toBe(false)
  expect(
    footerFacts({
      num_rows: 1n,
      schema: SCHEMA,
      key_value_metadata: [{ key: 'org.apache.spark.legacyINT96', value: '' }]
    }).legacyCalendar
  ).toBe(true)
})

test('the warning names the table and its date columns, only when a legacy file holds dates', () => {
  const legacy = footerFacts({ num_rows: 3n, schema: SCHEMA, key_value_metadata: LEGACY })
  expect(legacyCalendarWarning('shop.people', [legacy])).toBe(
    "shop.people: the export wrote `born`, `seen`, `stamp` with Spark's legacy hybrid calendar (org.apache.spark.legacyDateTime in the Parquet footer); TiDB Lightning v8.5 does not rebase such values, so a DATE or DATETIME before 1582-10-15 arrives some days off (pingcap/tidb#67849). Check those values on the target, e.g. SELECT … WHERE col < '1582-10-15'."
  )
  const noDates = footerFacts({
    num_rows: 3n,
    schema: [SCHEMA[0]!, SCHEMA[1]!],
    key_value_metadata: LEGACY
  })
  expect(legacyCalendarWarning('shop.ids', [noDates])).toBeUndefined()
  const modern = footerFacts({ num_rows: 3n, schema: SCHEMA, key_value_metadata: [] })
  expect(legacyCalendarWarning('shop.people', [modern])).toBeUndefined()
})
