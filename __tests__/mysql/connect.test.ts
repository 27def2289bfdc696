import type { RowDataPacket } from 'mysql2'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startMariaDb, type MariaDbServer } from '../../sandbox/lib/mariadb.js'
import { freePort } from '../../sandbox/lib/ports.js'
import { connectDb, dbErrorMessage } from '../../src/mysql/connect.js'

let dir: string
let db: MariaDbServer
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'connect-test-'))
  db = await startMariaDb({
    name: 'db',
    dir,
    serverId: 9,
    logBin: undefined,
    rootPassword: 'Right-Pass-42'
  })
}, 60_000)
afterAll(async () => {
  await db.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('connectDb', () => {
  test('connects and returns exact big numbers as strings', async () => {
    const c = await connectDb(
      { host: '127.0.0.1', port: db.port, user: 'root', password: 'Right-Pass-42' },
      'target'
    )
    const [rows] = await c.query('SELECT CAST(18446744073709551615 AS UNSIGNED) AS big')
    expect(rows).toEqual([{ big: '18446744073709551615' }])
    await c.end()
  })

  test('a wrong password names the endpoint and the inputs, never the password', async () => {
    const err = await connectDb(
      { host: '127.0.0.1', port: db.port, user: 'root', password: 'Wrong-Pass-7' },
      'source'
    ).catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'DbConnectError', code: 'ER_ACCESS_DENIED_ERROR' })
    const message = (err as Error).message
    expect(message).toContain(
      `Cannot connect to the source (Aurora MySQL) at 127.0.0.1:${db.port} as 'root'`
    )
    expect(message).toContain('check inputs source-host, source-port, source-user, source-password')
    expect(message).toContain('Access denied')
    expect(message).not.toContain('Wrong-Pass-7')
  })

  test('nothing listening gives ECONNREFUSED with the target inputs', async () => {
    const port = await freePort()
    const err = await connectDb(
      { host: '127.0.0.1', port, user: 'root', password: '' },
      'target'
    ).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'ECONNREFUSED' })
    expect((err as Error).message).toContain(`the target (TiDB) at 127.0.0.1:${port}`)
  })
})

describe('dbErrorMessage', () => {
  test('says the server closed the connection when a query follows a drop', async () => {
    const c = await connectDb(
      { host: '127.0.0.1', port: db.port, user: 'root', password: 'Right-Pass-42' },
      'source'
    )
    const [[row]] = await c.query<RowDataPacket[]>('SELECT CONNECTION_ID() AS id')
    const killer = await connectDb(
      { host: '127.0.0.1', port: db.port, user: 'root', password: 'Right-Pass-42' },
      'source'
    )
    await killer.query(`KILL CONNECTION ${Number(row?.['id'])}`)
    await killer.end()
    // The first query after the kill may see the drop itself; the next one meets the closed connection.
    const first = await c.query('SELECT 1').catch((e: unknown) => e)
    const second = await c.query('SELECT 1').catch((e: unknown) => e)
    for (const e of [first, second]) {
      expect(dbErrorMessage(e)).toMatch(/^Connection lost: The server closed the connection/)
    }
    expect(dbErrorMessage(second)).toContain(
      "Can't add new command when connection is in closed state"
    )
  })

  test('keeps every other message as it is', () => {
    expect(dbErrorMessage(new Error("Table 'a.b' doesn't exist"))).toBe("Table 'a.b' doesn't exist")
  })
})
