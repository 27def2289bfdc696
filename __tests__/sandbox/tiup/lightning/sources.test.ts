import { parseCsv } from '../../../../sandbox/tiup/lightning/csv.js'
import {
  SqlNumber,
  normalizeForColumn,
  sqlLiteral,
  datumText,
  type TargetColumn
} from '../../../../sandbox/tiup/lightning/datum.js'
import {
  findCreate,
  parseInsert,
  rewriteCreateDatabase,
  rewriteCreateTable,
  parseInsertHead,
  splitStatements
} from '../../../../sandbox/tiup/lightning/sql-data.js'
import { decimalText } from '../../../../sandbox/tiup/lightning/parquet.js'
import { rowEncoder, RowChecksum } from '../../../../sandbox/tiup/lightning/row-checksum.js'
import { resolveZone, toSessionZone } from '../../../../sandbox/tiup/lightning/time-zone.js'
import {
  goBytesSize,
  parseByteSize,
  parseGoDuration
} from '../../../../sandbox/tiup/lightning/units.js'

const CSV = {
  separator: ',',
  delimiter: '"',
  terminator: '',
  null: ['\\N'],
  header: true,
  notNull: false,
  escapedBy: '\\',
  trimLastSeparator: false
}
const col = (dataType: string, extra: Partial<TargetColumn> = {}): TargetColumn => ({
  name: 'c',
  dataType,
  columnType: dataType,
  scale: 0,
  fsp: 0,
  binary: false,
  generated: false,
  ...extra
})

describe('Dumpling SQL files', () => {
  const data =
    "/*!40101 SET NAMES binary*/;\nSET FOREIGN_KEY_CHECKS=0;\nINSERT INTO `orders` VALUES\n(1,'a\\'b;c',-1.50e1,NULL,x'00ff',b'101',_binary 'z'),\n(2,\"q\\\\\",TRUE,'',0x0A,'\\n\\0',1);\n"

  test('statements split on `;` outside strings and comments', () => {
    expect(splitStatements(data).map((s) => s.slice(0, 12))).toEqual([
      'SET FOREIGN_',
      'INSERT INTO '
    ])
  })

  test('quotes, doubled quotes, backslashes, identifiers and comments hide `;`', () => {
    const sql =
      "INSERT INTO `a;b` VALUES ('x'';y','\\\\',\"z\\\";\");\n-- c;\n# d;\n/* e; */ INSERT INTO t VALUES (1);--x\nSELECT 2"
    expect(splitStatements(sql)).toEqual([
      "INSERT INTO `a;b` VALUES ('x'';y','\\\\',\"z\\\";\")",
      '-- c;\n# d;\n/* e; */ INSERT INTO t VALUES (1)',
      '--x\nSELECT 2'
    ])
    expect(parseInsert(splitStatements(sql)[0] ?? '')?.rows).toEqual([["x';y", '\\', 'z";']])
    expect(parseInsertHead('/* c */ INSERT IGNORE INTO `t` (`a`,`b``c`) VALUES (1,2)')).toEqual({
      s: 'INSERT IGNORE INTO `t` (`a`,`b``c`) VALUES (1,2)',
      columns: ['a', 'b`c'],
      valuesAt: 43
    })
  })

  test('VALUES become datums: unquoted numbers, unescaped strings, bytes from x/b literals', () => {
    const ins = parseInsert(splitStatements(data)[1] ?? '')
    expect(ins?.columns).toBeUndefined()
    const [r1, r2] = ins?.rows ?? []
    expect(r1).toEqual([
      new SqlNumber('1'),
      "a'b;c",
      new SqlNumber('-1.50e1'),
      null,
      new Uint8Array([0, 255]),
      new Uint8Array([5]),
      'z'
    ])
    expect(r2).toEqual([
      new SqlNumber('2'),
      'q\\',
      new SqlNumber('1'),
      '',
      new Uint8Array([10]),
      '\n\0',
      new SqlNumber('1')
    ])
    expect(parseInsert('INSERT INTO `t` (`a`,`b c`) VALUES (1,2)')?.columns).toEqual(['a', 'b c'])
    expect(parseInsert('SET x=1')).toBeUndefined()
  })

  test('schema statements are found and rewritten to create-if-not-exists in the right database', () => {
    const table =
      '/*!40101 SET NAMES binary*/;\n/*!40014 SET FOREIGN_KEY_CHECKS=0*/;\n\nCREATE TABLE `orders` (\n  `id` int\n);\n'
    const create = findCreate(table, 'table') ?? ''
    expect(rewriteCreateTable(create, 'shop', 'orders')).toBe(
      'CREATE TABLE IF NOT EXISTS `shop`.`orders` (\n  `id` int\n)'
    )
    const db =
      findCreate(
        '/*!40101 SET NAMES binary*/;\nCREATE DATABASE `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;\n',
        'database'
      ) ?? ''
    expect(rewriteCreateDatabase(db, 'shop')).toBe(
      'CREATE DATABASE IF NOT EXISTS `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */'
    )
  })
})

describe('CSV files', () => {
  test('header, quotes, escapes and \\N', () => {
    const { header, rows } = parseCsv('"id","name"\n1,"a,""b"""\n2,\\N\n3,"x\\ny"\r\n4,\n', CSV)
    expect(header).toEqual(['id', 'name'])
    expect(rows).toEqual([
      ['1', 'a,"b"'],
      ['2', null],
      ['3', 'x\ny'],
      ['4', '']
    ])
  })
})

describe('values for the target', () => {
  test('SQL literals follow the target column', () => {
    expect(sqlLiteral(new Uint8Array([0, 1]), col('blob', { binary: true }))).toBe("X'0001'")
    expect(sqlLiteral(new Uint8Array([0x68, 0x69]), col('varchar'))).toBe("'hi'")
    expect(sqlLiteral("it's", col('text'))).toBe("'it\\'s'")
    expect(sqlLiteral(12n, col('int'))).toBe('12')
    expect(sqlLiteral(new SqlNumber('-0.05'), col('decimal'))).toBe('-0.05')
    expect(sqlLiteral(null, col('int'))).toBe('NULL')
  })

  test("Parquet's `…Z` times land in the session zone, as TiDB parses them; other text is untouched", () => {
    const shanghai = resolveZone('+08:00', 'UTC', 0)
    expect(toSessionZone('2024-01-02 03:04:05.123456Z', shanghai)).toBe(
      '2024-01-02 11:04:05.123456'
    )
    expect(toSessionZone('2024-01-02 20:00:00Z', shanghai)).toBe('2024-01-03 04:00:00')
    expect(toSessionZone('2024-01-02 03:04:05+01:00', shanghai)).toBe('2024-01-02 10:04:05')
    expect(toSessionZone('1000-01-01 00:00:00Z', resolveZone('-05:30', 'UTC', 0))).toBe(
      '0999-12-31 18:30:00'
    )
    expect(toSessionZone('2024-01-02 03:04:05', shanghai)).toBe('2024-01-02 03:04:05')
    expect(toSessionZone('2024-01-02 03:04:05Z', resolveZone('UTC', 'UTC', 0))).toBe(
      '2024-01-02 03:04:05'
    )
    const ny = resolveZone('SYSTEM', 'America/New_York', 0)
    expect(toSessionZone('2024-07-01 12:00:00Z', ny)).toBe('2024-07-01 08:00:00')
    expect(toSessionZone('2024-01-01 12:00:00Z', ny)).toBe('2024-01-01 07:00:00')
    expect(resolveZone('SYSTEM', 'XYZ', 90).offsetMinutes(0)).toBe(90)

    const cols = [col('datetime', { fsp: 6 }), col('varchar')]
    const sum = new RowChecksum()
    expect(rowEncoder(cols, shanghai)(['2024-01-02 03:04:05.5Z', 'x Z'], sum)).toBe(
      "('2024-01-02 11:04:05.5','x Z')"
    )
    expect(rowEncoder(cols)(['2024-01-02 03:04:05.5Z', 'x'], sum)).toBe(
      "('2024-01-02 03:04:05.5Z','x')"
    )
  })

  test('checksum normalization makes the source text and the stored text agree', () => {
    expect(normalizeForColumn(col('decimal', { scale: 2 }), '1.5')).toBe(
      normalizeForColumn(col('decimal', { scale: 2 }), '1.50')
    )
    expect(normalizeForColumn(col('decimal', { scale: 2 }), '-0.005')).toBe('-0.01')
    expect(normalizeForColumn(col('decimal', { scale: 0 }), '12345678901234567890')).toBe(
      '12345678901234567890'
    )
    expect(normalizeForColumn(col('float'), '3.141590118408203')).toBe(
      normalizeForColumn(col('float'), '3.14159')
    )
    expect(normalizeForColumn(col('datetime', { fsp: 0 }), '2024-01-02 03:04:05.000000')).toBe(
      '2024-01-02 03:04:05'
    )
    expect(normalizeForColumn(col('datetime', { fsp: 6 }), '2024-01-02 03:04:05.1')).toBe(
      '2024-01-02 03:04:05.100000'
    )
    expect(normalizeForColumn(col('char'), 'ab  ')).toBe('ab')
    expect(normalizeForColumn(col('binary', { binary: true }), 'ab0000')).toBe('ab')
    expect(normalizeForColumn(col('int'), null)).toBe('\\N')
    expect(normalizeForColumn(col('int'), '-0')).toBe('0')
    expect(normalizeForColumn(col('int'), '007')).toBe('7')
    expect(normalizeForColumn(col('decimal', { scale: 2 }), '-0.00')).toBe('0.00')
    expect(normalizeForColumn(col('decimal', { scale: 2 }), '-12.30')).toBe('-12.30')
    expect(normalizeForColumn(col('time', { fsp: 0 }), '-838:59:59')).toBe('-838:59:59')
    expect(normalizeForColumn(col('time', { fsp: 2 }), '12:00:00')).toBe('12:00:00.00')
    expect(datumText(new Uint8Array([0xde, 0xad]), col('blob', { binary: true }))).toBe('dead')
  })

  test('decimal text from unscaled integers', () => {
    expect(decimalText(12345n, 2)).toBe('123.45')
    expect(decimalText(-5n, 2)).toBe('-0.05')
    expect(decimalText(7n, 0)).toBe('7')
  })
})

describe('Go units', () => {
  test('sizes and durations', () => {
    expect(parseByteSize('96KiB')).toBe(98304)
    expect(parseByteSize('1MB')).toBe(1048576)
    expect(parseByteSize(100)).toBe(100)
    expect(goBytesSize(62.83 * 1024 ** 3)).toBe('62.83GiB')
    expect(goBytesSize(189)).toBe('189B')
    expect(goBytesSize(1024)).toBe('1KiB')
    expect(parseGoDuration('5m0s')).toBe(300_000)
    expect(parseGoDuration('1h2m3.5s')).toBe(3_723_500)
    expect(parseGoDuration('500ms')).toBe(500)
    expect(() => parseGoDuration('5 minutes')).toThrow('time: invalid duration "5 minutes"')
  })
})
