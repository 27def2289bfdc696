import fc from 'fast-check'
import {
  datetimeToMicros,
  decimalBytes,
  decimalToUnscaled,
  mapColumn
} from '../../../sandbox/aws/parquet-mapping.js'
import type { SnapshotColumn } from '../../../sandbox/aws/snapshot-capture.js'

function column(dataType: string, extra: Partial<SnapshotColumn> = {}): SnapshotColumn {
  return {
    name: 'c',
    dataType,
    columnType: dataType,
    unsigned: false,
    nullable: true,
    precision: null,
    scale: null,
    charMaxLength: null,
    datetimePrecision: null,
    binary: false,
    ...extra
  }
}

describe('DECIMAL', () => {
  test('byte widths follow Spark: DECIMAL(20,0) in 9 bytes as AWS documents, 38 digits in 16', () => {
    expect([1, 2, 9, 10, 18, 19, 20, 28, 38].map(decimalBytes)).toEqual([
      1, 1, 4, 5, 8, 9, 9, 12, 16
    ])
  })

  test('the physical type grows with the precision; beyond 38 digits the value is text', () => {
    const of = (p: number, s = 0) =>
      mapColumn(column('decimal', { precision: p, scale: s })).element
    expect(of(9, 2)).toMatchObject({
      type: 'INT32',
      converted_type: 'DECIMAL',
      precision: 9,
      scale: 2
    })
    expect(of(10, 2)).toMatchObject({ type: 'INT64', precision: 10, scale: 2 })
    expect(of(38, 10)).toMatchObject({ type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, scale: 10 })
    expect(of(65, 5)).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' })
  })

  test('text → unscaled integer is exact for any digits and sign', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n }),
        fc.integer({ min: 0, max: 30 }),
        (unscaled, scale) => {
          const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0')
          const text = `${unscaled < 0n ? '-' : ''}${digits.slice(0, digits.length - scale)}${scale ? `.${digits.slice(-scale)}` : ''}`
          return decimalToUnscaled(text, scale) === unscaled
        }
      )
    )
  })
})

describe('date and time', () => {
  test('DATETIME text is read as UTC wall clock with microseconds', () => {
    expect(datetimeToMicros('1970-01-01 00:00:00')).toBe(0n)
    expect(datetimeToMicros('1970-01-01 00:00:01.000001')).toBe(1_000_001n)
    expect(datetimeToMicros('2024-02-29 12:34:56.5')).toBe(
      BigInt(Date.UTC(2024, 1, 29, 12, 34, 56)) * 1000n + 500_000n
    )
    expect(datetimeToMicros('0099-01-01 00:00:00')).toBe(
      BigInt(Date.parse('0099-01-01T00:00:00Z')) * 1000n
    )
    expect(datetimeToMicros('0000-00-00 00:00:00')).toBeNull()
  })

  test('any DATETIME(6) from 1000 to 9999 converts like Date.parse, to the microsecond', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true
        }),
        fc.integer({ min: 0, max: 999_999 }),
        (date, micros) => {
          const iso = date.toISOString() // YYYY-MM-DDTHH:MM:SS.mmmZ
          const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${String(micros).padStart(6, '0')}`
          const whole = Date.parse(`${iso.slice(0, 19)}Z`)
          return datetimeToMicros(text) === BigInt(whole) * 1000n + BigInt(micros)
        }
      )
    )
    expect(datetimeToMicros('2024-01-01 00:00:00.5')).toBe(
      BigInt(Date.UTC(2024, 0, 1)) * 1000n + 500_000n
    )
    expect(datetimeToMicros('not a date at all!!')).toBeNull()
  })

  test('DATETIME and TIMESTAMP are INT64 TIMESTAMP_MICROS; DATE and TIME are strings', () => {
    for (const t of ['datetime', 'timestamp'])
      expect(mapColumn(column(t)).element).toMatchObject({
        type: 'INT64',
        converted_type: 'TIMESTAMP_MICROS',
        logical_type: { type: 'TIMESTAMP', unit: 'MICROS', isAdjustedToUTC: true }
      })
    for (const t of ['date', 'time'])
      expect(mapColumn(column(t)).element).toMatchObject({ converted_type: 'UTF8' })
  })
})

describe('other types', () => {
  test.each([
    ['bigint', false, 'INT64', 'int64'],
    ['bigint', true, 'FIXED_LEN_BYTE_ARRAY', 'fixed_len_byte_array(9) (DECIMAL(20,0))'],
    ['int', false, 'INT32', 'int32'],
    ['int', true, 'INT64', 'int64'],
    ['mediumint', true, 'INT64', 'int64'],
    ['smallint', true, 'INT32', 'int32'],
    ['tinyint', true, 'INT32', 'int32 (INT_16)'],
    ['float', false, 'DOUBLE', 'double'],
    ['double', false, 'DOUBLE', 'double'],
    ['year', false, 'INT32', 'int32'],
    ['char', false, 'BYTE_ARRAY', 'binary'],
    ['varchar', false, 'BYTE_ARRAY', 'binary (UTF8)'],
    ['json', false, 'BYTE_ARRAY', 'binary (UTF8)'],
    ['enum', false, 'BYTE_ARRAY', 'binary (UTF8)'],
    ['inet6', false, 'BYTE_ARRAY', 'binary (UTF8)']
  ])('%s (unsigned %s) → %s, %s', (t, unsigned, physical, exported) => {
    const m = mapColumn(column(t, { unsigned }))
    expect(m.element.type).toBe(physical)
    expect(m.exportedType).toBe(exported)
  })

  test('values convert from the captured text, NULL stays null, binary values come from base64', () => {
    expect(mapColumn(column('bigint', { unsigned: true })).convert('18446744073709551615')).toBe(
      18446744073709551615n
    )
    expect(mapColumn(column('int', { unsigned: true })).convert('4294967295')).toBe(4294967295n)
    expect(mapColumn(column('float')).convert('-1.5e-10')).toBe(-1.5e-10)
    expect(mapColumn(column('char')).convert('é')).toEqual(new Uint8Array([0xc3, 0xa9]))
    expect(mapColumn(column('blob', { binary: true })).convert('AAH/')).toEqual(
      new Uint8Array([0, 1, 255])
    )
    expect(mapColumn(column('varchar')).convert('😀')).toBe('😀')
    for (const t of ['int', 'bigint', 'decimal', 'datetime', 'char', 'blob', 'varchar'])
      expect(mapColumn(column(t)).convert(null)).toBeNull()
  })

  test('NOT NULL columns are REQUIRED, others OPTIONAL', () => {
    expect(mapColumn(column('int', { nullable: false })).element.repetition_type).toBe('REQUIRED')
    expect(mapColumn(column('int')).element.repetition_type).toBe('OPTIONAL')
  })
})
