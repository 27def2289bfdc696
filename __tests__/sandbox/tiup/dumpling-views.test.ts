// Dumpling's escaped file names and view files, and Lightning reading them back: names with dots, colons, a
// percent sign, "-schema", a newline and UTF-8 round-trip to the same tables; with --no-views=false a view is
// written as a placeholder table plus its -schema-view.sql, and Lightning creates it after every table.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RowDataPacket } from 'mysql2'
import { startMariaDb, type MariaDbServer } from '../../../sandbox/lib/mariadb.js'
import { dumplingFileName } from '../../../sandbox/tiup/dumpling/meta-files.js'
import { dumplingConn, logLines, run } from './helpers.js'

let dir: string
let source: MariaDbServer
let target: MariaDbServer

const DB = 'we.ird'
const TABLES = ['a:b', 'x-Schema', 'per%cent', '日本 語', 'new\nline']

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dumpling-views-'))
  const server = (name: string, id: number, pw: string): Promise<MariaDbServer> =>
    startMariaDb({
      name,
      dir: path.join(dir, name),
      serverId: id,
      logBin: undefined,
      rootPassword: pw
    })
  ;[source, target] = await Promise.all([
    server('source', 1, 'src-pw'),
    server('target', 2, 'tgt-pw')
  ])
  const c = await source.connect()
  await c.query(`CREATE DATABASE \`${DB}\``)
  for (const [i, t] of TABLES.entries()) {
    await c.query(`CREATE TABLE \`${DB}\`.\`${t}\` (id INT PRIMARY KEY, n INT)`)
    await c.query(`INSERT INTO \`${DB}\`.\`${t}\` VALUES (1, ?), (2, ?)`, [i, i * 10])
  }
  await c.query(
    `CREATE VIEW \`${DB}\`.v_sum AS SELECT id AS k, SUM(n) AS total FROM \`${DB}\`.\`a:b\` GROUP BY id`
  )
  await c.query("CREATE USER 'noview'@'%' IDENTIFIED BY 'pw'")
  await c.query("GRANT SELECT, RELOAD, LOCK TABLES ON *.* TO 'noview'@'%'")
  await c.end()
}, 60_000)

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()])
  rmSync(dir, { recursive: true, force: true })
})

const dumpling = (out: string, extra: string[] = [], user?: string, pw?: string) =>
  run(
    'tiup/dumpling.js',
    [
      ...dumplingConn(source.port, user, pw),
      '-B',
      DB,
      '--consistency',
      'none',
      '-o',
      out,
      ...extra
    ],
    { env: { SANDBOX_DIR: dir }, cwd: dir }
  )

test('fn: the real escaping of prepare.go (bytes 0x00-0x1F, % " * . / : < > ? \\ |, the dash of -schema)', () => {
  expect(dumplingFileName('tbl:normal')).toBe('tbl%3Anormal')
  expect(dumplingFileName('a.b/c\\d|e?f*g<h>i"j%k')).toBe(
    'a%2Eb%2Fc%5Cd%7Ce%3Ff%2Ag%3Ch%3Ei%22j%25k'
  )
  expect(dumplingFileName('x-Schema-schema-schemata')).toBe('x%2DSchema%2Dschema%2Dschemata')
  expect(dumplingFileName('new\nline\t')).toBe('new%0Aline%09')
  expect(dumplingFileName('日本 語-a')).toBe('日本 語-a')
})

test('escaped names and views round-trip through Lightning; views come after the tables', async () => {
  const out = path.join(dir, 'with-views')
  const r = await dumpling(out, ['--no-views=false'])
  expect(r.code).toBe(0)
  const files = readdirSync(out).sort()
  const base = 'we%2Eird'
  expect(files).toEqual(
    [
      'metadata',
      `${base}-schema-create.sql`,
      ...TABLES.flatMap((t) => [
        `${base}.${dumplingFileName(t)}-schema.sql`,
        `${base}.${dumplingFileName(t)}.000000000.sql`
      ]),
      `${base}.v_sum-schema.sql`,
      `${base}.v_sum-schema-view.sql`
    ].sort()
  )
  expect(files).toContain('we%2Eird.x%2DSchema-schema.sql')
  expect(files).toContain('we%2Eird.new%0Aline.000000000.sql')
  expect(readFileSync(path.join(out, `${base}.v_sum-schema.sql`), 'utf8')).toBe(
    '/*!40101 SET NAMES binary*/;\nCREATE TABLE `v_sum`(\n`k` int,\n`total` int\n)ENGINE=MyISAM;\n'
  )
  const [view] = await source.query<RowDataPacket[]>(`SHOW CREATE VIEW \`${DB}\`.v_sum`)
  expect(readFileSync(path.join(out, `${base}.v_sum-schema-view.sql`), 'utf8')).toBe(
    [
      '/*!40101 SET NAMES binary*/;',
      'DROP TABLE IF EXISTS `v_sum`;',
      'DROP VIEW IF EXISTS `v_sum`;',
      'SET @PREV_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT;',
      'SET @PREV_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS;',
      'SET @PREV_COLLATION_CONNECTION=@@COLLATION_CONNECTION;',
      `SET character_set_client = ${String(view?.['character_set_client'])};`,
      `SET character_set_results = ${String(view?.['character_set_client'])};`,
      `SET collation_connection = ${String(view?.['collation_connection'])};`,
      `${String(view?.['Create View'])};`,
      'SET character_set_client = @PREV_CHARACTER_SET_CLIENT;',
      'SET character_set_results = @PREV_CHARACTER_SET_RESULTS;',
      'SET collation_connection = @PREV_COLLATION_CONNECTION;',
      ''
    ].join('\n')
  )

  const cfg = path.join(dir, 'views.toml')
  const log = path.join(dir, 'views.log')
  writeFileSync(
    cfg,
    `[lightning]\nfile = "${log}"\nlevel = "debug"\n[tidb]\nhost = "127.0.0.1"\nport = ${target.port}\nuser = "root"\npassword = "tgt-pw"\n[tikv-importer]\nbackend = "tidb"\n[mydumper]\ndata-source-dir = "${out}"\n`
  )
  const l = await run('tiup/tidb-lightning.js', ['-config', cfg], {
    env: { SANDBOX_DIR: dir, TZ: 'UTC' }
  })
  expect(l.code).toBe(0)
  for (const t of TABLES) {
    const q = `SELECT id, n FROM \`${DB}\`.\`${t.replace(/`/g, '``')}\` ORDER BY id`
    expect(await target.query(q)).toEqual(await source.query(q))
  }
  const [kind] = await target.query<RowDataPacket[]>(
    "SELECT TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'v_sum'",
    [DB]
  )
  expect(kind?.['TABLE_TYPE']).toBe('VIEW')
  const sum = `SELECT k, total FROM \`${DB}\`.v_sum ORDER BY k`
  expect(await target.query(sum)).toEqual(await source.query(sum))
  const text = readFileSync(log, 'utf8')
  expect(logLines(text, 'restore all schema completed')).toHaveLength(1)

  // A second run finds the view downstream and skips it, as importViews does.
  await target.query(`DROP TABLE ${TABLES.map((t) => `\`${DB}\`.\`${t}\``).join(', ')}`)
  const again = await run('tiup/tidb-lightning.js', ['-config', cfg], {
    env: { SANDBOX_DIR: dir, TZ: 'UTC' }
  })
  expect(again.code).toBe(0)
  expect(
    logLines(readFileSync(log, 'utf8'), 'view already exists in downstream, skip')
  ).toHaveLength(1)
}, 120_000)

test('the default --no-views=true writes no view files', async () => {
  const out = path.join(dir, 'default')
  expect((await dumpling(out)).code).toBe(0)
  expect(readdirSync(out).filter((f) => f.includes('v_sum'))).toEqual([])
})

test('views need SHOW VIEW: without it the dump fails on SHOW CREATE VIEW, as the real one does', async () => {
  const r = await dumpling(path.join(dir, 'noview'), ['--no-views=false'], 'noview', 'pw')
  expect(r.code).toBe(1)
  expect(r.stdout + r.stderr).toContain(
    "sql: SHOW CREATE VIEW `we.ird`.`v_sum`: Error 1142 (42000): SHOW VIEW command denied to user 'noview'@"
  )
})

test('Lightning refuses a view file without its placeholder table (loader.go insertView)', async () => {
  const src = path.join(dir, 'lonely')
  rmSync(src, { recursive: true, force: true })
  const out = path.join(dir, 'with-views')
  const { mkdirSync, copyFileSync } = await import('node:fs')
  mkdirSync(src)
  for (const f of ['we%2Eird-schema-create.sql', 'we%2Eird.v_sum-schema-view.sql'])
    copyFileSync(path.join(out, f), path.join(src, f))
  const cfg = path.join(dir, 'lonely.toml')
  writeFileSync(
    cfg,
    `[tidb]\nhost = "127.0.0.1"\nport = ${target.port}\nuser = "root"\npassword = "tgt-pw"\n[tikv-importer]\nbackend = "tidb"\n[mydumper]\ndata-source-dir = "${src}"\n`
  )
  const r = await run('tiup/tidb-lightning.js', ['-config', cfg], { env: { SANDBOX_DIR: dir } })
  expect(r.code).toBe(1)
  expect(r.stdout + r.stderr).toContain(
    "invalid view schema file, miss host table schema for view 'v_sum'"
  )
})
