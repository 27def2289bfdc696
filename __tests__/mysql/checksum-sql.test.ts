// The checksum SQL is sync-diff-inspector's (pingcap/tiflow sync_diff_inspector/utils/utils.go GetCountAndChecksum):
// the same text for both sides, NULL markers, float rounding; key ranges are lexicographic and cover every row once.
import {
  boundarySql,
  checksumSql,
  columnExpr,
  diffRows,
  rangeWhere,
  rowHashesSql,
  showKey
} from '../../src/mysql/checksum-sql.js'

const t = { database: 'a', table: 't' }

test('the checksum query is sync-diff-inspector’s, column for column', () => {
  // Its own example: SELECT COUNT(*) as CNT, BIT_XOR(CAST(CONV(SUBSTRING(MD5(CONCAT_WS(',', `id`, `name`,
  // CONCAT(ISNULL(`id`), ISNULL(`name`)))), 1, 16), 16, 10) AS UNSIGNED) ^ CAST(CONV(SUBSTRING(MD5(…), 17, 16), 16,
  // 10) AS UNSIGNED)) as CHECKSUM FROM `a`.`t`
  const q = checksumSql(
    t,
    [
      { name: 'id', dataType: 'int' },
      { name: 'name', dataType: 'varchar' }
    ],
    rangeWhere([])
  )
  const md5 = "MD5(CONCAT_WS(',', `id`, `name`, CONCAT(ISNULL(`id`), ISNULL(`name`))))"
  expect(q.sql).toBe(
    `SELECT COUNT(*) AS cnt, BIT_XOR(CAST(CONV(SUBSTRING(${md5}, 1, 16), 16, 10) AS UNSIGNED) ^ CAST(CONV(SUBSTRING(${md5}, 17, 16), 16, 10) AS UNSIGNED)) AS checksum FROM \`a\`.\`t\` WHERE TRUE`
  )
  expect(q.params).toEqual([])
})

test('FLOAT and DOUBLE are rounded to 6 and 15 significant digits; names with backticks are quoted', () => {
  expect(columnExpr({ name: 'f', dataType: 'FLOAT' })).toBe('round(`f`, 5-floor(log10(abs(`f`))))')
  expect(columnExpr({ name: 'd', dataType: 'double' })).toBe(
    'round(`d`, 14-floor(log10(abs(`d`))))'
  )
  expect(columnExpr({ name: 'a`b', dataType: 'decimal' })).toBe('`a``b`')
})

test('a key range is lexicographic: after the lower key, up to and including the upper one', () => {
  expect(rangeWhere(['id'], [10], [20])).toEqual({
    sql: '(`id` > ?) AND (`id` <= ?)',
    params: [10, 20]
  })
  const two = rangeWhere(['a', 'b'], [1, 'x'], [2, 'y'])
  expect(two.sql).toBe('(`a` > ? OR (`a` = ? AND `b` > ?)) AND (`a` < ? OR (`a` = ? AND `b` <= ?))')
  expect(two.params).toEqual([1, 1, 'x', 2, 2, 'y'])
  expect(rangeWhere(['id'], undefined, [5]).sql).toBe('(`id` <= ?)')
  expect(rangeWhere(['id'], [5]).sql).toBe('(`id` > ?)')
})

test('chunk ends and row hashes share the range and the key order', () => {
  expect(boundarySql(t, ['id'], [100], 49_999)).toEqual({
    sql: 'SELECT `id` FROM `a`.`t` WHERE (`id` > ?) ORDER BY `id` LIMIT 1 OFFSET 49999',
    params: [100]
  })
  expect(boundarySql(t, ['id'], undefined, 9).sql).toContain(
    'WHERE TRUE ORDER BY `id` LIMIT 1 OFFSET 9'
  )
  const q = rowHashesSql(
    t,
    ['id'],
    [{ name: 'v', dataType: 'int' }],
    rangeWhere(['id'], [1], [9]),
    50
  )
  expect(q.sql).toBe(
    "SELECT `id`, MD5(CONCAT_WS(',', `v`, CONCAT(ISNULL(`v`)))) AS row_hash FROM `a`.`t` WHERE (`id` > ?) AND (`id` <= ?) ORDER BY `id` LIMIT 50"
  )
})

test('rows are told apart by key: changed, missing on the target, only on the target', () => {
  expect(showKey(['id'], ['42'])).toBe('id=42')
  expect(showKey(['a', 'b'], [1, 'x'])).toBe("(a=1, b='x')")
  expect(
    diffRows(
      [
        { key: 'id=1', hash: 'a' },
        { key: 'id=2', hash: 'b' },
        { key: 'id=3', hash: 'c' }
      ],
      [
        { key: 'id=1', hash: 'a' },
        { key: 'id=2', hash: 'B' },
        { key: 'id=4', hash: 'd' }
      ]
    )
  ).toEqual({ changed: ['id=2'], missing: ['id=3'], extra: ['id=4'] })
})
