// The stand-in's checksums: the remote side's plan (which columns the target turns into text in SQL, which come
// back raw) must rebuild exactly the row text the local side hashes while encoding the INSERT.
import { targetColumn, type TargetColumn } from '../../../../sandbox/tiup/lightning/datum.js'
import {
  remoteRowPlan,
  rowEncoder,
  RowChecksum
} from '../../../../sandbox/tiup/lightning/row-checksum.js'

const col = (
  name: string,
  dataType: string,
  extra: Partial<Record<string, unknown>> = {}
): TargetColumn =>
  targetColumn({
    COLUMN_NAME: name,
    DATA_TYPE: dataType,
    COLUMN_TYPE: dataType,
    NUMERIC_SCALE: 0,
    DATETIME_PRECISION: 0,
    CHARACTER_SET_NAME: dataType === 'varbinary' ? 'binary' : 'utf8mb4',
    EXTRA: '',
    ...extra
  })

describe('remoteRowPlan', () => {
  const cols = [
    col('id', 'bigint'),
    col('name', 'varchar'),
    col('weight', 'float'),
    col('raw', 'varbinary'),
    col('ratio', 'double'),
    col('z', 'int', { COLUMN_TYPE: 'int(5) unsigned zerofill' })
  ]

  test('runs of SQL-normalized columns come back as one value; FLOAT, DOUBLE and ZEROFILL come back raw', () => {
    const { select } = remoteRowPlan(cols)
    expect(select).toEqual([
      "CONCAT_WS(CHAR(31 USING utf8mb4),IFNULL(CAST(`id` AS CHAR), '\\\\N'),IFNULL(CAST(`name` AS CHAR), '\\\\N'))",
      '`weight`',
      "IFNULL(LOWER(HEX(`raw`)), '\\\\N')",
      '`ratio`',
      '`z`'
    ])
  })

  test('the rebuilt row text is the text the local side hashes', () => {
    const local = new RowChecksum()
    const remote = new RowChecksum()
    rowEncoder(cols)([42n, 'naïve ☃', 0.25, new Uint8Array([0, 255]), null, 7n], local)
    const { rowText } = remoteRowPlan(cols)
    // What the target sends: the server-built run, the raw FLOAT text, the hex run, NULL, the padded ZEROFILL.
    remote.addText(
      rowText([
        Buffer.from('42\x1fnaïve ☃'),
        Buffer.from('0.25'),
        Buffer.from('00ff'),
        null,
        Buffer.from('00007')
      ])
    )
    expect([remote.cksum, remote.size, remote.rows]).toEqual([local.cksum, local.size, local.rows])
  })

  test('a value that differs changes the checksum', () => {
    const local = new RowChecksum()
    const remote = new RowChecksum()
    rowEncoder(cols)([42n, 'a', 0.25, new Uint8Array([1]), 1.5, 7n], local)
    const { rowText } = remoteRowPlan(cols)
    remote.addText(
      rowText([
        Buffer.from('42\x1fa'),
        Buffer.from('0.5'),
        Buffer.from('01'),
        Buffer.from('1.5'),
        Buffer.from('7')
      ])
    )
    expect(remote.cksum).not.toBe(local.cksum)
  })
})
