import { countRows, quoteIdent } from '../../src/mysql/row-counts.js'

test('counts each table, tells a missing table from an unreadable one', async () => {
  const asked: string[] = []
  const conn = {
    query: (sql: string) => {
      asked.push(sql)
      if (sql.includes('`gone`'))
        return Promise.reject(
          Object.assign(new Error("Table 'shop.gone' doesn't exist"), { code: 'ER_NO_SUCH_TABLE' })
        )
      if (sql.includes('`nodb`'))
        return Promise.reject(
          Object.assign(new Error("Unknown database 'nodb'"), { code: 'ER_BAD_DB_ERROR' })
        )
      if (sql.includes('`locked`'))
        return Promise.reject(
          Object.assign(new Error('Lock wait timeout exceeded'), { code: 'ER_LOCK_WAIT_TIMEOUT' })
        )
      // mysql2 with bigNumberStrings answers COUNT(*) as a string.
      return Promise.resolve([[{ n: '1500' }], []])
    }
  }
  const progress: number[] = []
  const counts = await countRows(
    conn as never,
    [
      { database: 'shop', table: 'order`items' },
      { database: 'shop', table: 'gone' },
      { database: 'nodb', table: 't' },
      { database: 'shop', table: 'locked' }
    ],
    (done) => progress.push(done)
  )
  expect(Object.fromEntries(counts)).toEqual({
    'shop.order`items': { rows: 1500 },
    'shop.gone': { missing: true },
    'nodb.t': { missing: true },
    'shop.locked': { error: 'Lock wait timeout exceeded' }
  })
  expect(asked[0]).toBe('SELECT COUNT(*) AS n FROM `shop`.`order``items`')
  expect(progress).toEqual([1, 2, 3, 4])
  expect(quoteIdent('a`b')).toBe('`a``b`')
})
