import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type mysql from 'mysql2/promise'
import { startMariaDb, type MariaDbServer } from '../../sandbox/lib/mariadb.js'
import { countRows, listTables, nonEmptyTables, quoteTable } from '../../src/mysql/table-rows.js'

let dir: string
let db: MariaDbServer
let conn: mysql.Connection
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'table-rows-test-'))
  db = await startMariaDb({ name: 'db', dir, serverId: 9, logBin: undefined, rootPassword: 'pw' })
  conn = await db.connect()
  await conn.query(
    'CREATE DATABASE shop; CREATE DATABASE `odd``db`;' +
      'CREATE TABLE shop.empty (id INT); CREATE TABLE shop.`order-archive` (id INT);' +
      'CREATE TABLE `odd``db`.`PageViews` (id INT);' +
      'INSERT INTO shop.`order-archive` VALUES (1), (2), (3); INSERT INTO `odd``db`.`PageViews` VALUES (7)'
  )
  // 150 more tables, so the UNION ALL batches of 100 are exercised.
  const more = Array.from({ length: 150 }, (_, i) => `CREATE TABLE shop.t${i} (id INT)`).join(';')
  await conn.query(`${more}; INSERT INTO shop.t149 VALUES (1), (2)`)
}, 60_000)
afterAll(async () => {
  await conn.end()
  await db.stop()
  await rm(dir, { recursive: true, force: true })
})

const t = (database: string, table: string): { database: string; table: string } => ({
  database,
  table
})

test('quoteTable doubles backticks', () => {
  expect(quoteTable(t('odd`db', 'a`b'))).toBe('`odd``db`.`a``b`')
})

test('nonEmptyTables: tables with rows, a missing table counts as empty, batches of 100', async () => {
  const tables = [
    t('shop', 'empty'),
    t('shop', 'order-archive'),
    t('odd`db', 'PageViews'),
    t('shop', 'missing'),
    ...Array.from({ length: 150 }, (_, i) => t('shop', `t${i}`))
  ]
  expect(await nonEmptyTables(conn, tables)).toEqual([
    t('shop', 'order-archive'),
    t('odd`db', 'PageViews'),
    t('shop', 't149')
  ])
})

test('countRows counts in the order given; a missing table is an error naming it', async () => {
  const tables = [
    t('shop', 'order-archive'),
    ...Array.from({ length: 150 }, (_, i) => t('shop', `t${i}`)),
    t('odd`db', 'PageViews')
  ]
  const counts = await countRows(conn, tables)
  expect([counts[0], counts[150], counts[151], counts.length]).toEqual([3, 2, 1, 152])
  await expect(countRows(conn, [t('shop', 'empty'), t('shop', 'missing')])).rejects.toThrow(
    "Table 'shop.missing' doesn't exist"
  )
})

test('listTables lists base tables outside the system schemas', async () => {
  const all = await listTables(conn)
  expect(all).toContainEqual(t('odd`db', 'PageViews'))
  expect(all).toContainEqual(t('shop', 'order-archive'))
  expect(all.some((x) => ['mysql', 'sys', 'information_schema'].includes(x.database))).toBe(false)
})
