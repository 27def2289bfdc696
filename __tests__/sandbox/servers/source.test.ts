import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import mysql from 'mysql2/promise'
import type { MariaDbServer } from '../../../sandbox/lib/mariadb.js'
import {
  MIGRATION_USER_HOSTS,
  prepareSource,
  startSourceServer
} from '../../../sandbox/servers/source.js'
import { watchConnectionDrops } from '../../../sandbox/servers/connection-drop.js'

const user = 'migrator'
const password = 'mig-pw'
let dir: string
let source: MariaDbServer

function asMigrator(): Promise<mysql.Connection> {
  return mysql.createConnection({ host: '127.0.0.1', port: source.port, user, password })
}

async function migratorQuery(sql: string): Promise<mysql.RowDataPacket[]> {
  const c = await asMigrator()
  try {
    const [rows] = await c.query<mysql.RowDataPacket[]>(sql)
    return rows
  } finally {
    await c.end()
  }
}

/** The privileges of a GRANT line (`GRANT a, b ON x TO …` → [a, b]) and its object. */
function parseGrant(line: string): { privileges: string[]; on: string } {
  const m = /^GRANT (.+?) ON (.+?) TO /.exec(line)
  if (!m) throw new Error(`not a grant: ${line}`)
  return { privileges: (m[1] ?? '').split(', '), on: m[2] ?? '' }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'source-test-'))
  source = await startSourceServer({
    dir: path.join(dir, 'source'),
    rootPassword: 'root-pw',
    binlog: true
  })
  await prepareSource(source, { user, password, scale: 0.05, retentionHours: 24 })
})

afterAll(async () => {
  await source?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('source (Aurora stand-in)', () => {
  test.each(MIGRATION_USER_HOSTS)(
    'the migration user on %s has exactly the privileges Dumpling and DM need',
    async (host) => {
      const grants = await source.query<mysql.RowDataPacket[]>(
        `SHOW GRANTS FOR '${user}'@'${host}'`
      )
      const lines = grants.map((r) => String(Object.values(r)[0]))
      const parsed = lines.map(parseGrant)
      expect(parsed).toHaveLength(3)
      // MariaDB prints REPLICATION CLIENT under its newer name, BINLOG MONITOR.
      expect(parsed[0]?.on).toBe('*.*')
      expect(new Set(parsed[0]?.privileges)).toEqual(
        new Set([
          'SELECT',
          'RELOAD',
          'PROCESS',
          'LOCK TABLES',
          'REPLICATION SLAVE',
          'BINLOG MONITOR',
          'SHOW VIEW',
          'TRIGGER',
          'EVENT'
        ])
      )
      expect(parsed.slice(1).map((g) => [g.privileges, g.on])).toEqual([
        [['EXECUTE'], 'PROCEDURE `mysql`.`rds_show_configuration`'],
        [['EXECUTE'], 'PROCEDURE `mysql`.`rds_set_configuration`']
      ])
      expect(lines[0]).toContain('IDENTIFIED BY PASSWORD')
    }
  )

  test('the migration user can read and watch the binlog but not write', async () => {
    const status = await migratorQuery('SHOW MASTER STATUS')
    expect(status[0]?.['File']).toMatch(/^mysql-bin-changelog\.\d{6}$/)
    expect(await migratorQuery('SELECT COUNT(*) AS n FROM shop.customers')).toEqual([{ n: 10 }])
    await expect(migratorQuery('INSERT INTO shop.returns (id) VALUES (1)')).rejects.toMatchObject({
      code: 'ER_TABLEACCESS_DENIED_ERROR'
    })
    await expect(migratorQuery('CREATE DATABASE nope')).rejects.toMatchObject({
      code: 'ER_DBACCESS_DENIED_ERROR'
    })
    await expect(
      mysql.createConnection({ host: '127.0.0.1', port: source.port, user, password: 'wrong' })
    ).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR' })
  })

  test('binary log: ROW, FULL row image, server id, GTID, Aurora file names, UTC', async () => {
    const [vars] = await source.query<mysql.RowDataPacket[]>(
      'SELECT @@log_bin AS log_bin, @@binlog_format AS fmt, @@binlog_row_image AS image, @@server_id AS id, @@time_zone AS tz'
    )
    expect(vars).toEqual({ log_bin: '1', fmt: 'ROW', image: 'FULL', id: '1', tz: '+00:00' })
    const before = await source.query<mysql.RowDataPacket[]>('SELECT @@gtid_binlog_pos AS pos')
    await source.query("INSERT INTO shop.returns (id, reason) VALUES (99, 'test')")
    const after = await source.query<mysql.RowDataPacket[]>('SELECT @@gtid_binlog_pos AS pos')
    expect(after[0]?.['pos']).toMatch(/^0-1-\d+$/)
    expect(after[0]?.['pos']).not.toBe(before[0]?.['pos'])
    const events = await source.query<mysql.RowDataPacket[]>(
      `SHOW BINLOG EVENTS IN '${String((await source.query<mysql.RowDataPacket[]>('SHOW MASTER STATUS'))[0]?.['File'])}'`
    )
    expect(events.map((e) => String(e['Event_type']))).toEqual(
      expect.arrayContaining(['Gtid', 'Write_rows_v1'])
    )
    await source.query('DELETE FROM shop.returns')
  })

  test("Aurora's retention procedures answer the real calls, with Aurora's rules", async () => {
    const show = async (): Promise<mysql.RowDataPacket[]> => {
      const c = await asMigrator()
      try {
        const [sets] = await c.query<mysql.RowDataPacket[][]>('CALL mysql.rds_show_configuration')
        return sets[0] ?? []
      } finally {
        await c.end()
      }
    }
    expect(await show()).toEqual([
      {
        name: 'binlog retention hours',
        value: '24',
        description:
          'binlog retention hours specifies the duration in hours before binary logs are automatically deleted.'
      }
    ])
    const set = (value: string): Promise<mysql.RowDataPacket[]> =>
      migratorQuery(`CALL mysql.rds_set_configuration('binlog retention hours', ${value})`)
    await set('48')
    expect((await show())[0]?.['value']).toBe('48')
    await set('5000')
    expect((await show())[0]?.['value']).toBe('2160')
    await set('NULL')
    expect((await show())[0]?.['value']).toBeNull()
    await expect(set('0')).rejects.toMatchObject({ sqlState: '45000' })
    await expect(
      migratorQuery("CALL mysql.rds_set_configuration('no such thing', 1)")
    ).rejects.toMatchObject({ sqlState: '45000' })
    await set('24')
  })

  test('source-connection-drop kills migration-user connections a moment after they open, and nothing else', async () => {
    const on = watchConnectionDrops({
      connect: () => source.connect(),
      user,
      env: { SANDBOX_DIR: dir, SANDBOX_FAULTS: 'source-connection-drop=50' },
      intervalMs: 20
    })
    const root = await source.connect()
    const victim = await asMigrator()
    try {
      await expect(victim.query('SELECT SLEEP(20)')).rejects.toMatchObject({
        code: expect.stringMatching(/PROTOCOL_CONNECTION_LOST|ER_CONNECTION_KILLED/)
      })
      // The KILL's own answer may arrive just after the victim saw its connection close.
      for (let i = 0; i < 100 && on.killed === 0; i++) await new Promise((r) => setTimeout(r, 20))
      expect(on.killed).toBeGreaterThanOrEqual(1)
      await expect(root.query('SELECT 1 AS one')).resolves.toBeDefined()
    } finally {
      await on.stop()
      victim.destroy()
      await root.end()
    }
    // Fault off: the same kind of connection lives on.
    const off = watchConnectionDrops({
      connect: () => source.connect(),
      user,
      env: { SANDBOX_DIR: dir },
      intervalMs: 20
    })
    const survivor = await asMigrator()
    try {
      const [rows] = await survivor.query<mysql.RowDataPacket[]>('SELECT SLEEP(0.5) AS s')
      expect(rows).toEqual([{ s: 0 }])
      expect(off.killed).toBe(0)
    } finally {
      await off.stop()
      await survivor.end()
    }
  })

  test('binlog-off: a source started without --log-bin has no binary log', async () => {
    const bare = await startSourceServer({
      dir: path.join(dir, 'bare'),
      rootPassword: 'pw',
      binlog: false
    })
    try {
      const [v] = await bare.query<mysql.RowDataPacket[]>('SELECT @@log_bin AS log_bin')
      expect(v?.['log_bin']).toBe('0')
      expect(await bare.query('SHOW MASTER STATUS')).toEqual([])
    } finally {
      await bare.stop()
    }
  })
})
