import {
  compareBinlogPositions,
  gtidSetContains,
  parseBinlogPosition,
  parseGtidSet
} from '../../../src/tidb/dm/binlog.js'

describe('binlog positions', () => {
  test('the forms DM prints', () => {
    expect(parseBinlogPosition('(mysql-bin.000001, 2388)')).toEqual({
      file: 'mysql-bin.000001',
      pos: 2388
    })
    expect(parseBinlogPosition('(DESKTOP-T561TSO-bin.000001, 1485)')?.file).toBe(
      'DESKTOP-T561TSO-bin.000001'
    )
    expect(parseBinlogPosition('(bin|000001.000001, 3130)')).toEqual({
      file: 'bin|000001.000001',
      pos: 3130
    })
    expect(
      parseBinlogPosition(
        'position: (DESKTOP-T561TSO-bin.000001, 1095), gtid-set: 6acc73aa-dd57-11ea-8d82-00155de45f57:1-5'
      )
    ).toEqual({ file: 'DESKTOP-T561TSO-bin.000001', pos: 1095 })
    expect(parseBinlogPosition('')).toBeUndefined()
    expect(parseBinlogPosition('(, 0)')).toBeUndefined()
  })

  test.each<[string, string, number, string, number, number | undefined]>([
    ['a later file wins over any offset', 'mysql-bin.000002', 4, 'mysql-bin.000001', 99999, 1],
    ['same file, smaller offset', 'mysql-bin.000001', 100, 'mysql-bin.000001', 200, -1],
    ['same position', 'mysql-bin.000001', 200, 'mysql-bin.000001', 200, 0],
    ['relay name against plain name', 'mysql-bin|000001.000003', 10, 'mysql-bin.000003', 10, 0],
    ['sequence numbers, not text', 'mysql-bin.000010', 4, 'mysql-bin.000009', 4, 1],
    ['another series cannot be ordered', 'other-bin.000002', 4, 'mysql-bin.000001', 4, undefined]
  ])('ordering: %s', (_what, fileA, posA, fileB, posB, sign) => {
    const order = compareBinlogPositions({ file: fileA, pos: posA }, { file: fileB, pos: posB })
    expect(order === undefined ? undefined : Math.sign(order)).toBe(sign)
  })
})

describe('GTID sets', () => {
  const A = '143bdef3-dd4a-11ea-8b00-00155de45f57'
  const B = '1d66ce48-dd4a-11ea-8ef7-00155de45f57'

  test.each<[string, string, string, boolean]>([
    ['MySQL: a prefix is contained', `${A}:1-10`, `${A}:1-4`, true],
    ['MySQL: a longer range is not', `${A}:1-4`, `${A}:1-10`, false],
    ['MySQL: adjacent intervals merge', `${A}:1-5:6-10`, `${A}:3-8`, true],
    ['MySQL: a hole breaks containment', `${A}:1-5:7-10`, `${A}:3-8`, false],
    ['MySQL: multi-line set of two UUIDs', `${A}:1-10,\n${B}:1-3`, `${B}:2`, true],
    ['MySQL: another UUID', `${A}:1-10`, `${B}:1`, false],
    ['MySQL: UUID case does not matter', `${A.toUpperCase()}:1-10`, `${A}:10`, true],
    ['MySQL 8.4: a tag is its own series', `${A}:1-5:blue:1-3`, `${A}:blue:2`, true],
    ['MySQL 8.4: untagged does not contain tagged', `${A}:1-5`, `${A}:blue:2`, false],
    ['MariaDB: a later sequence in the domain', '0-1-42', '0-1-40', true],
    ['MariaDB: server id does not order transactions', '0-2-42', '0-1-40', true],
    ['MariaDB: an earlier sequence', '0-1-39', '0-1-40', false],
    ['MariaDB: one domain behind', '0-1-42,1-1-7', '1-1-8', false],
    ['MariaDB: a missing domain', '0-1-42', '1-1-1', false]
  ])('%s', (_what, superset, subset, expected) => {
    expect(gtidSetContains(superset, subset)).toBe(expected)
  })

  test('DM’s zero set (`uuid:0`, `d-s-0`) is the empty set: containment is unknown, positions decide', () => {
    const zero = '00000000-0000-0000-0000-000000000000:0'
    expect(parseGtidSet(zero)).toBeUndefined()
    expect(parseGtidSet(`${A}:0`)).toBeUndefined()
    expect(parseGtidSet('0-1-0')).toBeUndefined()
    expect(gtidSetContains(zero, `${A}:1-5`)).toBeUndefined()
    expect(gtidSetContains(`${A}:1-5`, zero)).toBeUndefined()
    // Only the whole set, as DM tests it: an element among others is read as written.
    expect(parseGtidSet(`${A}:1-5,${B}:0`)).toEqual({
      flavor: 'mysql',
      sets: new Map([
        [A, [[1, 5]]],
        [B, [[0, 0]]]
      ])
    })
  })

  test('unknown when empty, unreadable or of different flavors', () => {
    expect(gtidSetContains('', `${A}:1`)).toBeUndefined()
    expect(gtidSetContains(`${A}:1-10`, '')).toBeUndefined()
    expect(gtidSetContains(`${A}:1-10`, '0-1-1')).toBeUndefined()
    expect(gtidSetContains('garbage', 'garbage')).toBeUndefined()
    expect(parseGtidSet(`${A}:10-1`)).toBeUndefined()
  })
})
