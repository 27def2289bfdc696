import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type mysql from 'mysql2/promise'
import { startMariaDb, type MariaDbServer } from '../../../sandbox/lib/mariadb.js'
import {
  EXCLUDED_DATABASE,
  SAMPLE_DATABASES,
  loadSampleData,
  parseScale,
  rowsAt,
  sampleTables
} from '../../../sandbox/servers/sample-data.js'

let dir: string
let server: MariaDbServer
let conn: mysql.Connection

const ALL_DBS = [...SAMPLE_DATABASES, EXCLUDED_DATABASE]
const inList = ALL_DBS.map((d) => `'${d}'`).join(', ')

async function rows<T = mysql.RowDataPacket>(sql: string, values?: unknown[]): Promise<T[]> {
  const [r] = await conn.query<mysql.RowDataPacket[]>(sql, values)
  return r as T[]
}

async function reload(scale: number): Promise<void> {
  for (const db of ALL_DBS) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``)
  await loadSampleData(conn, scale)
}

/** CHECKSUM TABLE of every sample table: equal checksums mean equal rows. */
async function checksums(): Promise<Record<string, string>> {
  const names = sampleTables().map((t) => `\`${t.db}\`.\`${t.table}\``)
  const result = await rows(`CHECKSUM TABLE ${names.join(', ')}`)
  return Object.fromEntries(result.map((r) => [String(r['Table']), String(r['Checksum'])]))
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of sampleTables()) {
    const [r] = await rows(`SELECT COUNT(*) AS n FROM \`${t.db}\`.\`${t.table}\``)
    out[`${t.db}.${t.table}`] = Number(r?.['n'])
  }
  return out
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sample-data-test-'))
  server = await startMariaDb({
    name: 'sample',
    dir,
    serverId: 1,
    logBin: undefined,
    rootPassword: 'pw',
    extraArgs: ['--default-time-zone=+00:00']
  })
  conn = await server.connect()
  await loadSampleData(conn, 1)
})

afterAll(async () => {
  await conn?.end()
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('sample data', () => {
  test('at least 3 selected databases with 12 tables, plus one excluded database', async () => {
    const tables = await rows(
      `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (${inList})`
    )
    const selected = tables.filter((r) =>
      (SAMPLE_DATABASES as readonly string[]).includes(String(r['db']))
    )
    expect(new Set(selected.map((r) => String(r['db']))).size).toBeGreaterThanOrEqual(3)
    expect(selected.length).toBeGreaterThanOrEqual(12)
    expect(tables.some((r) => r['db'] === EXCLUDED_DATABASE)).toBe(true)
  })

  test('covers every type of the issue', async () => {
    const cols = await rows(
      `SELECT COLUMN_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (${inList})`
    )
    const types = cols.map((c) => String(c['type']))
    for (const t of [
      /^tinyint\(/,
      /^tinyint\(\d+\) unsigned$/,
      /^smallint\(/,
      /^smallint\(\d+\) unsigned$/,
      /^mediumint\(/,
      /^int\(/,
      /^int\(\d+\) unsigned$/,
      /^bigint\(\d+\)$/,
      /^bigint\(\d+\) unsigned$/,
      /^decimal\(38,10\)$/,
      /^float$/,
      /^double$/,
      /^date$/,
      /^datetime\(6\)$/,
      /^timestamp$/,
      /^time$/,
      /^year\(4\)$/,
      /^char\(/,
      /^varchar\(/,
      /^text$/,
      /^longtext$/,
      /^blob$/,
      /^mediumblob$/,
      /^enum\(/,
      /^set\(/
    ]) {
      expect(types.some((x) => t.test(x))).toBe(true)
    }
    // JSON is MariaDB's LONGTEXT with a json_valid check.
    const json = await rows(
      `SELECT COUNT(*) AS n FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN (${inList}) AND CHECK_CLAUSE LIKE 'json_valid%'`
    )
    expect(Number(json[0]?.['n'])).toBeGreaterThanOrEqual(4)
  })

  test('every nullable column of every non-empty table has NULLs and values', async () => {
    const cols = await rows(
      `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA IN (${inList}) AND IS_NULLABLE = 'YES' AND TABLE_NAME <> 'returns'`
    )
    expect(cols.length).toBeGreaterThan(60)
    const missing: string[] = []
    for (const col of cols) {
      const [db, t, c] = [String(col['db']), String(col['t']), String(col['c'])]
      const [r] = await rows(
        `SELECT SUM(\`${c}\` IS NULL) AS nulls, SUM(\`${c}\` IS NOT NULL) AS vals FROM \`${db}\`.\`${t}\``
      )
      if (!(Number(r?.['nulls']) > 0 && Number(r?.['vals']) > 0)) missing.push(`${db}.${t}.${c}`)
    }
    expect(missing).toEqual([])
  })

  test('emoji are stored as 4-byte utf8mb4 and read back intact', async () => {
    const [r] = await rows('SELECT notes, HEX(notes) AS hex FROM shop.customers WHERE id = 8')
    expect(r?.['notes']).toBe('Likes 🚀 — very much — very much')
    expect(String(r?.['hex'])).toContain('F09F9A80')
    const [p] = await rows(
      "SELECT JSON_VALUE(attrs, '$.emoji') AS e FROM shop.products WHERE attrs IS NOT NULL LIMIT 1"
    )
    expect(p?.['e']).toBe('🎁')
  })

  test('names with a dash, capitals and a space exist; BIT lives only in the excluded database', async () => {
    const tables = (
      await rows(
        `SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (${inList})`
      )
    ).map((r) => String(r['t']))
    expect(tables).toEqual(expect.arrayContaining(['order-archive', 'PageViews']))
    const spaced = await rows(
      "SELECT TABLE_SCHEMA AS db FROM information_schema.COLUMNS WHERE COLUMN_NAME = 'first name'"
    )
    expect(spaced.map((r) => String(r['db']))).toEqual(['crm'])
    const bits = await rows(
      `SELECT DISTINCT TABLE_SCHEMA AS db FROM information_schema.COLUMNS WHERE DATA_TYPE = 'bit' AND TABLE_SCHEMA IN (${inList})`
    )
    expect(bits.map((r) => String(r['db']))).toEqual([EXCLUDED_DATABASE])
  })

  test('the empty table is empty, the table without a key has none, extremes are present', async () => {
    expect(await rows('SELECT * FROM shop.returns')).toEqual([])
    const keys = await rows(
      "SELECT COUNT(*) AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'analytics' AND TABLE_NAME = 'events'"
    )
    expect(Number(keys[0]?.['n'])).toBe(0)
    const [p] = await rows(
      'SELECT MAX(id) AS top, SUM(id > 9223372036854775807) AS above, MAX(price) AS price FROM shop.products'
    )
    expect(p?.['top']).toBe('18446744073709551615')
    expect(Number(p?.['above'])).toBe(rowsAt(sampleTables()[1]!, 1))
    expect(p?.['price']).toBe('123456789012345678901234567.1234567891')
    const [m] = await rows('SELECT MIN(t_big) AS lo, MAX(t_big_u) AS hi FROM analytics.metrics')
    expect([m?.['lo'], m?.['hi']]).toEqual(['-9223372036854775808', '18446744073709551615'])
    const [c] = await rows(
      'SELECT MIN(dt) AS lo, MAX(dt) AS hi, MIN(t) AS tlo FROM analytics.calendar'
    )
    expect([c?.['lo'], c?.['hi'], c?.['tlo']]).toEqual([
      '1000-01-01 00:00:00.000000',
      '9999-12-31 23:59:59.999999',
      '-838:59:59'
    ])
  })

  test('the same scale gives the same rows; a larger scale grows every non-empty table', async () => {
    const first = await checksums()
    expect(await counts()).toEqual(
      Object.fromEntries(sampleTables().map((t) => [`${t.db}.${t.table}`, t.baseRows]))
    )
    await reload(1)
    expect(await checksums()).toEqual(first)
    await reload(2)
    const grown = await counts()
    for (const t of sampleTables()) expect(grown[`${t.db}.${t.table}`]).toBe(t.baseRows * 2)
    await reload(1)
  })

  test('SANDBOX_SCALE=1000 makes more than a million rows; bad scales are refused', () => {
    const total = sampleTables().reduce((sum, t) => sum + rowsAt(t, parseScale('1000')), 0)
    expect(total).toBeGreaterThan(1_000_000)
    expect(parseScale(undefined)).toBe(1)
    expect(parseScale('0.5')).toBe(0.5)
    expect(() => parseScale('0')).toThrow(/positive number/)
    expect(() => parseScale('lots')).toThrow(/positive number/)
  })
})
