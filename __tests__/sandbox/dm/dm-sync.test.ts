// The DM worker against a real source and target: values and names that must replicate (SET, non-ASCII and
// newline table names), the pause with DM's own error when the target refuses a change (and DM-worker's
// auto-resume once it can apply again), and checkpoints that outlive stop-task as real DM keeps them.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type mysql from 'mysql2/promise'
import {
  dmJson,
  pausedSubtask,
  startDmWorld,
  stopDmWorld,
  subtask,
  until,
  type DmWorld
} from './helpers.js'

let w: DmWorld
let pos: { File: string; Position: number }

const SCHEMA = `CREATE DATABASE sync_db;
  CREATE TABLE sync_db.sets (id INT PRIMARY KEY, tags SET('a','b','c','d') NULL, e ENUM('x','y') NULL);
  CREATE TABLE sync_db.\`tëst_日本\` (id INT PRIMARY KEY, v VARCHAR(20));
  CREATE TABLE sync_db.\`new
line\` (id INT PRIMARY KEY, v VARCHAR(20));
  CREATE TABLE sync_db.\`back\`\`tick\` (id INT PRIMARY KEY);
  CREATE TABLE sync_db.gone (id INT PRIMARY KEY, v VARCHAR(20));
  CREATE TABLE sync_db.never (id INT PRIMARY KEY);
  CREATE DATABASE \`dätä\`;
  CREATE TABLE \`dätä\`.\`t\` (id INT PRIMARY KEY)`

async function writeTask(name: string, extra = '', at = pos): Promise<string> {
  const file = path.join(w.dir, `${name}.yaml`)
  await writeFile(
    file,
    `name: ${name}
task-mode: incremental
ignore-checking-items: ["all"]
target-database: {host: 127.0.0.1, port: ${w.tgt.port}, user: root, password: tgt-pw}
block-allow-list:
  all:
    do-dbs: ["sync_db", "dätä"]
mysql-instances:
  - source-id: mysql-01
    block-allow-list: all
    meta: {binlog-name: ${at.File}, binlog-pos: ${at.Position}}
${extra}`
  )
  return `${name}.yaml`
}

const ids = async (table: string): Promise<number[]> =>
  (await w.tgt.query<mysql.RowDataPacket[]>(`SELECT id FROM ${table} ORDER BY id`)).map((r) =>
    Number(r['id'])
  )

beforeAll(async () => {
  w = await startDmWorld('dm-sync-')
  await w.src.query(SCHEMA)
  await w.tgt.query(SCHEMA)
  ;[pos] = await w.src.query<[{ File: string; Position: number }]>('SHOW MASTER STATUS')
  await writeFile(
    path.join(w.dir, 'source.yaml'),
    `source-id: mysql-01\nfrom: {host: 127.0.0.1, port: ${w.src.port}, user: root, password: src-pw}\n`
  )
  expect((await dmJson(w, ['operate-source', 'create', 'source.yaml']))['result']).toBe(true)
}, 60_000)

afterAll(() => stopDmWorld(w), 60_000)

describe('values and names', () => {
  beforeAll(async () => {
    const started = await dmJson(w, ['start-task', await writeTask('names')])
    expect(started['result']).toBe(true)
  }, 30_000)
  afterAll(async () => {
    expect((await dmJson(w, ['stop-task', 'names']))['result']).toBe(true)
  })

  test('SET columns arrive with their members (mariadb-binlog prints them as a bitmap)', async () => {
    await w.src.query(
      "INSERT INTO sync_db.sets VALUES (1,'a,c','y'),(2,'',NULL),(3,'a,b,c,d','x'),(4,NULL,'x'); UPDATE sync_db.sets SET tags = 'd' WHERE id = 1"
    )
    const all = 'SELECT * FROM sync_db.sets ORDER BY id'
    const want = await w.src.query<mysql.RowDataPacket[]>(all)
    await until('the SET rows', async () => {
      const got = await w.tgt.query<mysql.RowDataPacket[]>(all)
      return JSON.stringify(got) === JSON.stringify(want)
    })
    expect(want.map((r): unknown => r['tags'])).toEqual(['d', '', 'a,b,c,d', null])
  })

  test('non-ASCII, newline and backtick names replicate', async () => {
    await w.src.query(
      "INSERT INTO sync_db.`tëst_日本` VALUES (1, 'ü'); INSERT INTO sync_db.`new\nline` VALUES (7, 'nl'); INSERT INTO sync_db.`back``tick` VALUES (9); INSERT INTO `dätä`.`t` VALUES (5); UPDATE sync_db.`new\nline` SET v = 'nl2' WHERE id = 7"
    )
    await until('every row', async () => {
      const got = await Promise.all([
        ids('sync_db.`tëst_日本`'),
        ids('sync_db.`new\nline`'),
        ids('sync_db.`back``tick`'),
        ids('`dätä`.`t`')
      ])
      return JSON.stringify(got) === '[[1],[7],[9],[5]]'
    })
    const [row] = await w.tgt.query<mysql.RowDataPacket[]>('SELECT v FROM sync_db.`new\nline`')
    expect(row?.['v']).toBe('nl2')
    expect((await subtask(w, 'names')).stage).toBe('Running')
  })
})

describe('a change the target refuses', () => {
  beforeAll(async () => {
    expect((await dmJson(w, ['start-task', await writeTask('refuse')]))['result']).toBe(true)
  }, 30_000)
  afterAll(async () => {
    expect((await dmJson(w, ['stop-task', 'refuse']))['result']).toBe(true)
  })

  test('a target table dropped while running pauses the task with DM 10006, then it auto-resumes', async () => {
    await w.src.query("INSERT INTO sync_db.gone VALUES (1, 'first')")
    await until('the first row', async () => (await ids('sync_db.gone')).length === 1)
    await w.tgt.query('DROP TABLE sync_db.gone')
    await w.src.query("INSERT INTO sync_db.gone VALUES (2, 'second')")
    const st = await pausedSubtask(w, 'refuse')
    expect(st.result?.isCanceled).toBe(false)
    const e = st.result?.errors[0]
    expect(e).toMatchObject({
      ErrCode: 10006,
      ErrClass: 'database',
      ErrScope: 'not-set',
      ErrLevel: 'high',
      RawCause: "Error 1146 (42S02): Table 'sync_db.gone' doesn't exist",
      Workaround: ''
    })
    // Safe mode is on for the first 60 s after a start: DM replaces.
    expect(e?.Message).toMatch(
      /^startLocation: \[position: \(mysql-bin-changelog\.\d{6}, \d+\), gtid-set: 0-1-\d+\], endLocation: \[position: \(mysql-bin-changelog\.\d{6}, \d+\), gtid-set: 0-1-\d+\]: execute statement failed: REPLACE INTO `sync_db`\.`gone` \(`id`,`v`\) VALUES \(\?,\?\)$/
    )
    const list = await dmJson<{ tasks: { taskName: string; taskStatus: string }[] }>(w, [
      'query-status'
    ])
    expect(list.tasks.find((t) => t.taskName === 'refuse')?.taskStatus).toBe(
      'Error - Some error occurred in subtask. Please run `query-status refuse` to get more details.'
    )

    // DM-worker's checker resumes a resumable error after its backoff; with the table back, the row arrives.
    await w.tgt.query('CREATE TABLE sync_db.gone (id INT PRIMARY KEY, v VARCHAR(20))')
    await until('the auto-resume', async () => (await ids('sync_db.gone')).includes(2), 20_000)
    const after = await subtask(w, 'refuse')
    expect(after.stage).toBe('Running')
    expect(after.result).toBeNull()
  }, 40_000)

  test('a table missing on the target at its first row pauses with 44007', async () => {
    await w.tgt.query('DROP TABLE sync_db.never')
    await w.src.query('INSERT INTO sync_db.never VALUES (1)')
    const st = await pausedSubtask(w, 'refuse')
    expect(st.result?.errors[0]).toMatchObject({
      ErrCode: 44007,
      ErrClass: 'schema-tracker',
      ErrScope: 'downstream',
      ErrLevel: 'medium',
      RawCause: "Error 1146 (42S02): Table 'sync_db.never' doesn't exist"
    })
    expect(st.result?.errors[0]?.Message).toMatch(
      /\]: cannot fetch downstream table schema of `sync_db`\.`never` to initialize upstream schema `sync_db`\.`never` in schema tracker$/
    )
    await w.tgt.query('CREATE TABLE sync_db.never (id INT PRIMARY KEY)')
    await until('the auto-resume', async () => (await ids('sync_db.never')).includes(1), 20_000)
  }, 40_000)

  test('a duplicate key outside safe mode pauses for good: DM does not resume 1062', async () => {
    const noSafe = `    syncer-config-name: strict
syncers:
  strict: {safe-mode: false, safe-mode-duration: "0s"}
`
    const [now] = await w.src.query<[{ File: string; Position: number }]>('SHOW MASTER STATUS')
    const file = await writeTask('dup', noSafe, now)
    expect((await dmJson(w, ['start-task', file]))['result']).toBe(true)
    await w.tgt.query('INSERT INTO sync_db.sets (id) VALUES (100)')
    await w.src.query('INSERT INTO sync_db.sets (id) VALUES (100)')
    const st = await pausedSubtask(w, 'dup')
    expect(st.result?.errors[0]).toMatchObject({
      ErrCode: 10006,
      RawCause: "Error 1062 (23000): Duplicate entry '100' for key 'PRIMARY'"
    })
    expect(st.result?.errors[0]?.Message).toMatch(
      /: execute statement failed: INSERT INTO `sync_db`\.`sets` \(`id`,`tags`,`e`\) VALUES \(\?,\?,\?\)$/
    )
    await new Promise((r) => setTimeout(r, 6_000)) // past a check interval of DM-worker's checker
    expect((await subtask(w, 'dup')).stage).toBe('Paused')
    expect((await dmJson(w, ['stop-task', 'dup']))['result']).toBe(true)
  }, 40_000)
})

describe('checkpoints', () => {
  test('survive stop-task; a same-named start-task resumes from them; --remove-meta starts from meta', async () => {
    const file = await writeTask('cp')
    expect((await dmJson(w, ['start-task', file]))['result']).toBe(true)
    await w.src.query("INSERT INTO sync_db.gone VALUES (10, 'cp')")
    await until('the row', async () => (await ids('sync_db.gone')).includes(10))
    const stopped = await subtask(w, 'cp')
    expect((await dmJson(w, ['stop-task', 'cp']))['result']).toBe(true)
    const [cp] = await w.tgt.query<mysql.RowDataPacket[]>(
      'SELECT binlog_name, binlog_pos FROM dm_meta.cp_syncer_checkpoint WHERE is_global = 1'
    )
    expect(`(${String(cp?.['binlog_name'])}, ${String(cp?.['binlog_pos'])})`).toBe(
      stopped.sync['syncerBinlog']
    )

    // Without --remove-meta the checkpoint wins over `meta`: the row deleted on the target is not replayed.
    await w.tgt.query('DELETE FROM sync_db.gone WHERE id = 10')
    expect((await dmJson(w, ['start-task', file]))['result']).toBe(true)
    await w.src.query("INSERT INTO sync_db.gone VALUES (11, 'after')")
    await until('the new row', async () => (await ids('sync_db.gone')).includes(11))
    expect(await ids('sync_db.gone')).not.toContain(10)
    expect((await dmJson(w, ['stop-task', 'cp']))['result']).toBe(true)

    // With --remove-meta the checkpoint is dropped and the task starts again from `meta`.
    const again = await dmJson(w, ['start-task', '--remove-meta', file])
    expect(again['result']).toBe(true)
    await until('the replay from meta', async () => (await ids('sync_db.gone')).includes(10))
    expect((await dmJson(w, ['stop-task', 'cp']))['result']).toBe(true)
  }, 60_000)

  test('--remove-meta on a task that still exists is refused', async () => {
    const file = await writeTask('cp2')
    expect((await dmJson(w, ['start-task', file]))['result']).toBe(true)
    const r = await dmJson(w, ['start-task', '--remove-meta', file])
    expect(r['msg']).toBe(
      '[code=46014:class=scheduler:scope=internal:level=medium], Message: while remove-meta is true: subtasks with name cp2 for sources [mysql-01] already exist, Workaround: Please use `query-status` command to see tasks.'
    )
    expect((await dmJson(w, ['stop-task', 'cp2']))['result']).toBe(true)
  })
})

describe('operate-source', () => {
  test('update is parsed and checked, then refused as v8.5 dm-master refuses it', async () => {
    const r = await dmJson(w, ['operate-source', 'update', 'source.yaml'])
    expect(r).toEqual({
      result: false,
      msg: 'Update worker config is not supported by dm-ha now',
      sources: []
    })
    await writeFile(
      path.join(w.dir, 'bad.yaml'),
      `source-id: mysql-01\nfrom: {host: 127.0.0.1, port: ${w.src.port}, user: root, password: wrong}\n`
    )
    const bad = await dmJson<{ msg: string }>(w, ['operate-source', 'update', 'bad.yaml'])
    expect(bad.msg).toMatch(
      /^\[code=10001:class=database:scope=upstream:level=high\], Message: database driver error, RawCause: Error 1045 \(28000\): Access denied/
    )
  })

  test('enable-gtid on MariaDB is accepted (DM checks GTID_MODE only for MySQL)', async () => {
    await writeFile(
      path.join(w.dir, 'gtid.yaml'),
      `source-id: gtid-src\nenable-gtid: true\nfrom: {host: 127.0.0.1, port: ${w.src.port}, user: root, password: src-pw}\n`
    )
    expect((await dmJson(w, ['operate-source', 'create', 'gtid.yaml']))['result']).toBe(true)
    expect((await dmJson(w, ['operate-source', 'stop', 'gtid-src']))['result']).toBe(true)
  })

  test('enable-gtid with flavor mysql reads GTID_MODE, which this server does not have', async () => {
    await writeFile(
      path.join(w.dir, 'mysqlflavor.yaml'),
      `source-id: my-src\nflavor: mysql\nenable-gtid: true\nfrom: {host: 127.0.0.1, port: ${w.src.port}, user: root, password: src-pw}\n`
    )
    const r = await dmJson<{ msg: string }>(w, ['operate-source', 'create', 'mysqlflavor.yaml'])
    expect(r.msg).toBe(
      '[code=10001:class=database:scope=upstream:level=high], Message: variable gtid_mode not found, Workaround: Please check the database connection and the database config in configuration file.'
    )
  })
})
