import { SqlNumber } from '../../../../sandbox/tiup/lightning/datum.js'
import { goLocalDate, goUtcTime, openParquet } from '../../../../sandbox/tiup/lightning/parquet.js'
import { auroraParquet, type SourceColumn } from '../helpers.js'

const c = (name: string, columnType: string): SourceColumn => {
  const m = /^(\w+)(?:\((\d+)(?:,(\d+))?\))?/.exec(columnType)
  return {
    name,
    dataType: m?.[1] ?? columnType,
    columnType,
    precision: Number(m?.[2] ?? 0),
    scale: Number(m?.[3] ?? 0)
  }
}

describe('Aurora Parquet as TiDB reads it', () => {
  const columns = [
    c('id', 'bigint(20)'),
    c('ub', 'bigint(20) unsigned'),
    c('i', 'int(11)'),
    c('ui', 'int(10) unsigned'),
    c('tu', 'tinyint(3) unsigned'),
    c('d5', 'decimal(5,2)'),
    c('d15', 'decimal(15,4)'),
    c('d30', 'decimal(30,6)'),
    c('f', 'double'),
    c('s', 'varchar(20)'),
    c('ch', 'char(3)'),
    c('b', 'blob'),
    c('dt', 'datetime(6)'),
    c('day', 'date'),
    c('j', 'json')
  ]
  const rows = [
    [
      '9223372036854775807',
      '18446744073709551615',
      '-2147483648',
      '4294967295',
      '255',
      '-999.99',
      '12345678901.2345',
      '123456789012345678901234.567891',
      '0.1',
      'ünï',
      'ab ',
      Buffer.from([0, 255]),
      '2024-01-02 03:04:05.123456',
      '2024-02-29',
      '{"a": 1}'
    ],
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null]
  ]

  test('values are exact: int64, unsigned FLBA(9), decimals from INT32/INT64/FLBA, µs timestamps, raw bytes', async () => {
    const pq = openParquet(auroraParquet(columns, rows))
    expect(pq.columns).toEqual(columns.map((x) => x.name))
    expect(pq.totalRows).toBe(2)
    const got = []
    for await (const group of pq.rowGroups()) got.push(...group)
    const [r1, r2] = got
    expect(r1?.slice(0, 8)).toEqual([
      9223372036854775807n,
      new SqlNumber('18446744073709551615'),
      -2147483648n,
      4294967295n,
      255n,
      new SqlNumber('-999.99'),
      new SqlNumber('12345678901.2345'),
      new SqlNumber('123456789012345678901234.567891')
    ])
    expect(r1?.[8]).toBe(0.1)
    expect(Buffer.from(r1?.[9] as Uint8Array).toString()).toBe('ünï')
    expect(Buffer.from(r1?.[10] as Uint8Array).toString()).toBe('ab ')
    expect(r1?.[11]).toEqual(new Uint8Array([0, 255]))
    // v8.5 (parquet_parser.go formatTime): the UTC wall clock as a string ending in Z.
    expect(r1?.[12]).toBe('2024-01-02 03:04:05.123456Z')
    expect(Buffer.from(r1?.[13] as Uint8Array).toString()).toBe('2024-02-29')
    expect(r2?.every((v) => v === null)).toBe(true)
  })

  test("Go's time layouts: `.999999` drops trailing zeros, Z only when adjusted, dates in the local zone", () => {
    expect(goUtcTime(1704164645000000n, true)).toBe('2024-01-02 03:04:05Z')
    expect(goUtcTime(1704164645120000n, false)).toBe('2024-01-02 03:04:05.12')
    expect(goUtcTime(-1n, true)).toBe('1969-12-31 23:59:59.999999Z')
    expect(goUtcTime(-30610224000000000n, true)).toBe('1000-01-01 00:00:00Z')
    const local = new Date(19782 * 86_400_000)
    const p = (n: number): string => String(n).padStart(2, '0')
    expect(goLocalDate(19782n)).toBe(
      `${local.getFullYear()}-${p(local.getMonth() + 1)}-${p(local.getDate())}`
    )
  })
})
