import { asTidbCreateTable, TidbSqlError } from '../../../../sandbox/tiup/lightning/tidb-ddl.js'
import { goSqlErrorText } from '../../../../sandbox/tiup/sql-errors.js'

test("a spatial column is TiDB's parser error, placed as pingcap/tidb#30604 shows it", () => {
  // The two statements of the issue, on one line as typed there.
  const at = (sql: string): string => {
    try {
      asTidbCreateTable(sql)
    } catch (e) {
      return goSqlErrorText(e, '127.0.0.1', 4000)
    }
    return 'accepted'
  }
  // The issue's statements name the column without back-quotes; Dumpling always quotes it.
  expect(at('CREATE TABLE t_point (`c` POINT);')).toBe(
    'Error 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your TiDB version for the right syntax to use line 1 column 31 near "POINT)" '
  )
  expect(() => asTidbCreateTable('CREATE TABLE t_geom (`c` GEOMETRY)')).toThrow(TidbSqlError)
})

test('Dumpling’s multi-line CREATE TABLE: the line of the column, the rest of the statement quoted', () => {
  const sql = [
    'CREATE TABLE `store_locations` (',
    '  `id` int(11) NOT NULL,',
    '  `location` point NOT NULL,',
    '  PRIMARY KEY (`id`),',
    '  SPATIAL KEY `sp_location` (`location`)',
    ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;'
  ].join('\n')
  expect(() => asTidbCreateTable(sql)).toThrow(
    /line 3 column 18 near "point NOT NULL,\n {2}PRIMARY KEY/
  )
})

test('a FULLTEXT key is dropped, as TiDB creates the table without it (warning 1214)', () => {
  const sql = [
    'CREATE TABLE `contacts` (',
    '  `id` int(11) NOT NULL,',
    '  `bio` text DEFAULT NULL,',
    '  PRIMARY KEY (`id`),',
    '  FULLTEXT KEY `ft_bio` (`bio`)',
    ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;'
  ].join('\n')
  expect(asTidbCreateTable(sql)).toBe(
    [
      'CREATE TABLE `contacts` (',
      '  `id` int(11) NOT NULL,',
      '  `bio` text DEFAULT NULL,',
      '  PRIMARY KEY (`id`)',
      ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;'
    ].join('\n')
  )
  const plain = 'CREATE TABLE `t` (\n  `point` int(11) NOT NULL\n)'
  expect(asTidbCreateTable(plain)).toBe(plain)
})
