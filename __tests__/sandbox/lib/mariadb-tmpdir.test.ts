// Every private mariadbd gets its own --tmpdir: a server deletes the `#sql*` files in its tmpdir when it starts,
// so a shared one would let a starting sandbox delete a running one's temporary tables.
import { readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type mysql from 'mysql2/promise'
import { startMariaDb, type MariaDbServer } from '../../../sandbox/lib/mariadb.js'

let dir: string
const servers: MariaDbServer[] = []

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mariadb-tmpdir-'))
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await rm(dir, { recursive: true, force: true })
}, 60_000)

const start = async (name: string): Promise<MariaDbServer> => {
  const s = await startMariaDb({
    name,
    dir: path.join(dir, name),
    serverId: servers.length + 1,
    logBin: undefined,
    rootPassword: 'pw'
  })
  servers.push(s)
  return s
}

test("a server's temporary table files survive another server's start", async () => {
  const a = await start('a')
  const conn = await a.connect('mysql')
  try {
    const [[vars]] = await conn.query<mysql.RowDataPacket[]>('SELECT @@tmpdir AS t')
    expect(vars?.['t']).toBe(a.tmpDir)
    expect(a.tmpDir.startsWith(path.join(dir, 'a'))).toBe(true)
    await conn.query('CREATE TEMPORARY TABLE scratch (id INT) ENGINE=MyISAM')
    await conn.query('INSERT INTO scratch VALUES (1), (2)')
    const files = readdirSync(a.tmpDir).filter((f) => f.startsWith('#sql'))
    expect(files.length).toBeGreaterThan(0)

    const b = await start('b')
    const [other] = await b.query<mysql.RowDataPacket[]>('SELECT @@tmpdir AS t')
    expect(other?.['t']).toBe(b.tmpDir)
    expect(b.tmpDir).not.toBe(a.tmpDir)
    expect(readdirSync(a.tmpDir).filter((f) => f.startsWith('#sql'))).toEqual(files)
    const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM scratch')
    expect(rows[0]?.['n']).toBe('2')
  } finally {
    await conn.end()
  }
}, 60_000)
