// The content comparison on two real servers: equal tables match whatever their physical order; a changed value, a
// missing row, an extra row and a NULL-versus-empty-string are found and named by key, across chunks; a table
// without a primary key is one chunk; composite keys, FLOAT/DOUBLE, TIMESTAMP and binary values work.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type mysql from 'mysql2/promise'
import { startMariaDb, type MariaDbServer } from '../../sandbox/lib/mariadb.js'
import { compareTable } from '../../src/mysql/checksum.js'
import { connectDb } from '../../src/mysql/connect.js'

let dir: string
let servers: MariaDbServer[] = []
let a: mysql.Connection
let b: mysql.Connection

const DDL = [
  'CREATE DATABASE shop',
  'CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), price DOUBLE, f FLOAT, at TIMESTAMP NULL, raw VARBINARY(8))',
  'CREATE TABLE shop.pairs (a INT, b VARCHAR(5), v INT, PRIMARY KEY (a, b))',
  'CREATE TABLE shop.nokey (v VARCHAR(5))'
]

const rows = Array.from(
  { length: 95 },
  (_, i) =>
    `(${i + 1}, 'item ${i + 1}', ${(i + 1) * 1.1}, ${(i + 1) / 3}, '2024-01-0${(i % 9) + 1} 10:00:00', 0x${(i + 16).toString(16)}00)`
)

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'checksum-test-'))
  servers = await Promise.all(
    ['a', 'b'].map((name, i) =>
      startMariaDb({
        name,
        dir: path.join(dir, name),
        serverId: 30 + i,
        logBin: undefined,
        rootPassword: 'pw'
      })
    )
  )
  for (const s of servers) {
    await s.query(DDL.join(';'))
    await s.query(
      "INSERT INTO shop.pairs VALUES (1, 'x', 1), (1, 'y', 2), (2, 'x', 3); INSERT INTO shop.nokey VALUES ('p'), ('q'), ('q')"
    )
  }
  // Same rows, inserted in another order on the target side.
  await servers[0]!.query(`INSERT INTO shop.items VALUES ${rows.join(', ')}`)
  await servers[1]!.query(`INSERT INTO shop.items VALUES ${[...rows].reverse().join(', ')}`)
  const open = (s: MariaDbServer) =>
    connectDb({ host: s.host, port: s.port, user: 'root', password: 'pw' }, 'source')
  ;[a, b] = (await Promise.all(servers.map(open))) as [mysql.Connection, mysql.Connection]
}, 120_000)

afterAll(async () => {
  await Promise.all([a?.end(), b?.end()])
  await Promise.all(servers.map((s) => s.stop()))
  await rm(dir, { recursive: true, force: true })
})

const items = { database: 'shop', table: 'items' }

test('equal contents match in every chunk, whatever the physical order', async () => {
  const r = await compareTable(a, b, items, { chunkRows: 10 })
  expect(r).toMatchObject({ result: 'match', rows: 95, mismatchedChunks: 0 })
  expect(r.chunks).toBe(10)
  expect(
    await compareTable(a, b, { database: 'shop', table: 'pairs' }, { chunkRows: 2 })
  ).toMatchObject({
    result: 'match',
    rows: 3
  })
})

test('a changed value, a missing row and an extra row are named by key', async () => {
  await servers[1]!.query(
    "UPDATE shop.items SET price = 1 WHERE id = 42; DELETE FROM shop.items WHERE id = 7; INSERT INTO shop.items (id, name) VALUES (500, 'new')"
  )
  const r = await compareTable(a, b, items, { chunkRows: 10 })
  expect(r.result).toBe('mismatch')
  expect(r.mismatchedChunks).toBe(3)
  expect(r.differingRows).toEqual([
    'id=7 missing on the target',
    'id=42 changed',
    'id=500 only on the target'
  ])
  expect(r.note).toContain('3 of 10 chunks differ')
})

test('NULL and the empty string differ (the ISNULL markers); composite keys are named whole', async () => {
  await servers[0]!.query('UPDATE shop.pairs SET b = b, v = NULL WHERE a = 2')
  await servers[1]!.query(
    "ALTER TABLE shop.pairs MODIFY v VARCHAR(5); UPDATE shop.pairs SET v = '' WHERE a = 2"
  )
  const r = await compareTable(a, b, { database: 'shop', table: 'pairs' }, { chunkRows: 2 })
  expect(r.differingRows).toEqual(["(a=2, b='x') changed"])
})

test('a table without a primary key is one chunk; a difference is counted, not named', async () => {
  expect(await compareTable(a, b, { database: 'shop', table: 'nokey' })).toMatchObject({
    result: 'match',
    chunks: 1
  })
  await servers[1]!.query("DELETE FROM shop.nokey WHERE v = 'q' LIMIT 1")
  const r = await compareTable(a, b, { database: 'shop', table: 'nokey' })
  expect(r).toMatchObject({ result: 'mismatch', differingRows: [] })
  expect(r.note).toContain('3 rows on the source side, 2 on the target')
})

test('a range the target has no row of is said so, not listed row by row', async () => {
  await Promise.all(servers.map((s) => s.query('CREATE TABLE shop.gone (id INT PRIMARY KEY)')))
  await servers[0]!.query('INSERT INTO shop.gone VALUES (1), (2), (3), (4), (5)')
  const r = await compareTable(a, b, { database: 'shop', table: 'gone' }, { chunkRows: 3 })
  expect(r.note).toBe(
    '2 of 2 chunks differ: the target has none of the 3 rows of keys up to id=3; the target has none of the 2 rows of keys after id=3'
  )
})

test('a table missing on the target is an error naming it', async () => {
  await servers[0]!.query('CREATE TABLE shop.only_here (id INT PRIMARY KEY)')
  const r = await compareTable(a, b, { database: 'shop', table: 'only_here' })
  expect(r.result).toBe('error')
  expect(r.note).toContain("only_here' doesn't exist")
})
