// End to end: private source (binlog) and target MariaDB servers, a DM-master started here, and dmctl run as a child
// process with the source1.yaml and task1.yaml of PingCAP's documented procedure (safe mode on) and dmctl calls,
// placeholders filled.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type mysql from 'mysql2/promise'
import { startMariaDb, type MariaDbServer } from '../../../sandbox/lib/mariadb.js'
import { startDmMaster } from '../../../sandbox/dm/master.js'
import { buildRoot } from '../../../sandbox/lib/paths.js'
import {
  dmctl as dmctlIn,
  dmJson,
  startDmWorld,
  stopDmWorld,
  subtask,
  until,
  type DmWorld,
  type Run,
  type SyncView
} from './helpers.js'

const execFileP = promisify(execFile)
const DMCTL = path.join(buildRoot(), 'dm', 'dmctl.js')

let w: DmWorld
let dir: string
let src: MariaDbServer
let tgt: MariaDbServer
let pos: { File: string; Position: number }

const dmctl = (args: string[], env: NodeJS.ProcessEnv = {}, addr?: string): Promise<Run> =>
  dmctlIn(w, args, env, addr)
const json = <T = Record<string, unknown>>(args: string[], env?: NodeJS.ProcessEnv): Promise<T> =>
  dmJson<T>(w, args, env)
const status = (task = 'test'): Promise<SyncView> => subtask(w, task)

const rows = (s: MariaDbServer, where = ''): Promise<mysql.RowDataPacket[]> =>
  s.query(
    `SELECT id, dec1, dt, s, HEX(b) AS b, n, big FROM test_db.test_table ${where} ORDER BY id`
  )

const DDL = `CREATE TABLE test_db.test_table (
  id INT PRIMARY KEY, dec1 DECIMAL(20,6), dt DATETIME(6), s VARCHAR(50) CHARACTER SET utf8mb4,
  b BLOB, n INT NULL, big BIGINT UNSIGNED)`

beforeAll(async () => {
  w = await startDmWorld('dm-e2e-')
  ;({ dir, src, tgt } = w)
  await src.query(
    `CREATE DATABASE test_db; ${DDL}; CREATE TABLE test_db.other (id INT PRIMARY KEY)`
  )
  await src.query("INSERT INTO test_db.test_table (id, s) VALUES (100, 'before the position')")
  ;[pos] = await src.query<[{ File: string; Position: number }]>('SHOW MASTER STATUS')
  // Written after the recorded position but before the "snapshot": the overlap safe mode must absorb.
  await src.query(
    "INSERT INTO test_db.test_table (id, s) VALUES (1, 'overlap'), (2, 'two'); UPDATE test_db.test_table SET n = 5 WHERE id = 1"
  )
  await tgt.query(
    `CREATE DATABASE test_db; ${DDL}; CREATE TABLE test_db.other (id INT PRIMARY KEY)`
  )
  await tgt.query(
    "INSERT INTO test_db.test_table (id, s, n) VALUES (1, 'overlap', 5), (2, 'two', NULL)"
  )
  await writeFile(
    path.join(dir, 'source1.yaml'),
    `# Must be unique.\nsource-id: "mysql-01"\nenable-gtid: false\n\nfrom:\n  host: "127.0.0.1"\n  user: "root"\n  password: "src-pw"\n  port: ${src.port}\n`
  )
  await writeFile(
    path.join(dir, 'task1.yaml'),
    `name: "test"
task-mode: "incremental"
target-database:
  host: "127.0.0.1"
  port: ${tgt.port}
  user: "root"
  password: "tgt-pw"
block-allow-list:
  listA:
    do-tables:
    - db-name: "test_db"
      tbl-name: "test_table"
mysql-instances:
  - source-id: "mysql-01"
    block-allow-list: "listA"
    syncer-config-name: "global"
    meta:
      binlog-name: "${pos.File}"
      binlog-pos: ${pos.Position}
syncers:
  global:
    safe-mode: true
`
  )
}, 60_000)

afterAll(() => stopDmWorld(w), 60_000)

describe("DM with the configuration of PingCAP's documented procedure", () => {
  test('operate-source create, check-task, start-task as the documented procedure runs them', async () => {
    const created = await json<{ result: boolean; sources: { source: string }[] }>([
      'operate-source',
      'create',
      'source1.yaml'
    ])
    expect(created.result).toBe(true)
    expect(created.sources[0]?.source).toBe('mysql-01')
    expect(existsSync(path.join(dir, 'dmctl.log'))).toBe(true)

    const again = await dmctl(['operate-source', 'create', 'source1.yaml'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toEqual({
      result: false,
      msg: '[code=46007:class=scheduler:scope=internal:level=medium], Message: source config with ID mysql-01 already exists',
      sources: []
    })

    const check = await dmctl(['check-task', 'task1.yaml'])
    expect(check.stdout).toBe('{\n    "result": true,\n    "msg": "pre-check is passed. "\n}\n')

    const started = await json<{ result: boolean; checkResult: string }>([
      'start-task',
      'task1.yaml'
    ])
    expect(started).toMatchObject({ result: true, checkResult: 'pre-check is passed. ' })
  })

  test('changes after the position arrive exactly; rows before it are not replayed; overlap is absorbed', async () => {
    await src.query(
      `INSERT INTO test_db.test_table VALUES
        (3, -12345678901234.123456, '2024-02-29 23:59:59.123456', 'é 😀 it''s "q" \\\\ x', 0x00FF27275C0A41, NULL, 18446744073709551615);
       UPDATE test_db.test_table SET s = 'two!', dec1 = 0.000001 WHERE id = 2;
       INSERT INTO test_db.test_table (id) VALUES (4); DELETE FROM test_db.test_table WHERE id = 4;
       INSERT INTO test_db.other VALUES (1)`
    )
    const expected = await rows(src, 'WHERE id < 100')
    await until('the target to follow', async () =>
      JSON.stringify(await rows(tgt)) === JSON.stringify(expected) ? true : undefined
    )
    const got = await rows(tgt)
    expect(got.find((r) => r['id'] === 3)).toMatchObject({
      dec1: '-12345678901234.123456',
      dt: '2024-02-29 23:59:59.123456',
      s: 'é 😀 it\'s "q" \\ x',
      b: '00FF27275C0A41',
      n: null,
      big: '18446744073709551615'
    })
    expect(got.some((r) => r['id'] === 100)).toBe(false)
    expect(await tgt.query('SELECT * FROM test_db.other')).toEqual([])
    const st = await status()
    expect(st.stage).toBe('Running')
    expect(st.sync['synced']).toBe(true)
    expect(st.sync['syncerBinlog']).toBe(st.sync['masterBinlog'])
    const [cp] = await tgt.query<mysql.RowDataPacket[]>(
      'SELECT binlog_name, binlog_pos FROM dm_meta.test_syncer_checkpoint WHERE id = ? AND is_global = 1',
      ['mysql-01']
    )
    expect(`(${String(cp?.['binlog_name'])}, ${String(cp?.['binlog_pos'])})`).toBe(
      st.sync['syncerBinlog']
    )
  })

  test('DDL on an admitted table passes through', async () => {
    await src.query('ALTER TABLE test_db.test_table ADD COLUMN extra VARCHAR(10) DEFAULT NULL')
    await src.query("INSERT INTO test_db.test_table (id, extra) VALUES (5, 'new col')")
    await until('the new column', async () => {
      const r = await tgt
        .query<mysql.RowDataPacket[]>('SELECT extra FROM test_db.test_table WHERE id = 5')
        .catch(() => [])
      return r[0]?.['extra'] === 'new col'
    })
  })

  test('pause: writes do not arrive; resume: they do', async () => {
    const paused = await json<{ op: string; result: boolean }>(['pause-task', 'test'])
    expect(paused).toMatchObject({ op: 'Pause', result: true })
    expect((await status()).stage).toBe('Paused')
    expect(w.master.readerPids()).toEqual([])
    await src.query("INSERT INTO test_db.test_table (id, s) VALUES (6, 'while paused')")
    await new Promise((r) => setTimeout(r, 1000))
    expect(await tgt.query('SELECT id FROM test_db.test_table WHERE id = 6')).toEqual([])
    const st = await status()
    expect(st.sync['synced']).toBe(false)
    expect(st.sync['syncerBinlog']).not.toBe(st.sync['masterBinlog'])

    expect(await json(['resume-task', 'test'])).toMatchObject({ op: 'Resume', result: true })
    await until(
      'the paused write',
      async () =>
        (await tgt.query<mysql.RowDataPacket[]>('SELECT id FROM test_db.test_table WHERE id = 6'))
          .length === 1
    )
    expect((await status()).result).toBeNull()
  })

  test('a restarted master keeps its sources and tasks and continues from the checkpoint', async () => {
    await w.master.close()
    w.master = await startDmMaster({ dir, env: { SANDBOX_DIR: dir } })
    await src.query("INSERT INTO test_db.test_table (id, s) VALUES (7, 'after restart')")
    await until(
      'the write after restart',
      async () =>
        (await tgt.query<mysql.RowDataPacket[]>('SELECT id FROM test_db.test_table WHERE id = 7'))
          .length === 1
    )
    expect((await rows(tgt)).length).toBe((await rows(src, 'WHERE id < 100')).length)
  })

  test('lag and positions move while the worker is slowed down', async () => {
    await w.master.close()
    w.master = await startDmMaster({ dir, env: { SANDBOX_DIR: dir, SANDBOX_TIMINGS: 'dm=2' } })
    const before = (await status()).sync['syncerBinlog']
    await src.query(
      'INSERT INTO test_db.test_table (id) VALUES (8); DO SLEEP(1.2); INSERT INTO test_db.test_table (id) VALUES (9)'
    )
    const lagging = await until('a reported lag', async () => {
      const s = await status()
      return Number(s.sync['secondsBehindMaster']) >= 1 && s.sync['synced'] === false
        ? s
        : undefined
    })
    expect(lagging.stage).toBe('Running')
    const synced = await until('catching up', async () => {
      const s = await status()
      return s.sync['synced'] === true ? s : undefined
    })
    expect(synced.sync['syncerBinlog']).not.toBe(before)
    expect(synced.sync['secondsBehindMaster']).toBe('0')
    expect(Number(synced.sync['totalRows'])).toBeGreaterThan(0)
    await w.master.close()
    w.master = await startDmMaster({ dir, env: { SANDBOX_DIR: dir } })
  }, 30_000)

  test('faults: dmctl-result-false, dm-task-paused-error', async () => {
    const f = await dmctl(['start-task', 'task1.yaml'], {
      SANDBOX_FAULTS: 'dmctl-result-false=start-task'
    })
    expect(f.code).toBe(0)
    expect(JSON.parse(f.stdout)).toMatchObject({
      result: false,
      msg: '[code=46014:class=scheduler:scope=internal:level=medium], Message: subtasks with name test for sources [mysql-01] already exist, Workaround: Please use `query-status` command to see tasks.'
    })
    const q = await json<{ sources: { subTaskStatus: SyncView[] }[] }>(['query-status', 'test'], {
      SANDBOX_FAULTS: 'dm-task-paused-error'
    })
    const st = q.sources[0]?.subTaskStatus[0]
    expect(st?.stage).toBe('Paused')
    expect(st?.result?.errors[0]).toEqual({
      ErrCode: 36069,
      ErrClass: 'sync-unit',
      ErrScope: 'upstream',
      ErrLevel: 'high',
      Message:
        'get binlog event error: ERROR 1236 (HY000): Could not find first log file name in binary log index file',
      RawCause: '',
      Workaround: 'Please check if the binlog file could be parsed by `mysqlbinlog`.'
    })
    // DM-worker resumes a task paused by a resumable error within its 5 s check interval: keep the fault forwarded.
    const list = await json<{ tasks: { taskStatus: string }[] }>(['query-status'], {
      SANDBOX_FAULTS: 'dm-task-paused-error'
    })
    expect(list.tasks[0]?.taskStatus).toBe(
      'Error - Some error occurred in subtask. Please run `query-status test` to get more details.'
    )
    expect(await json(['resume-task', 'test'])).toMatchObject({ result: true })
    expect((await status()).stage).toBe('Running')
  })

  test('stop-task removes the task and its reader', async () => {
    const pids = w.master.readerPids()
    expect(pids.length).toBe(1)
    expect(await json(['stop-task', 'test'])).toMatchObject({ op: 'Delete', result: true })
    expect(w.master.readerPids()).toEqual([])
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow()
    const q = await dmctl(['query-status', 'test'])
    expect(q.stdout).toBe(
      '{\n    "result": false,\n    "msg": "task test has no source or not exist",\n    "sources": [\n    ]\n}\n'
    )
    const again = await json(['pause-task', 'test'])
    expect(again).toEqual({
      op: 'Pause',
      result: false,
      msg: 'task test has no source or not exist, please check the task name and status',
      sources: []
    })
  })

  test('a purged start position pauses the task with 36069', async () => {
    await writeFile(
      path.join(dir, 'gone.yaml'),
      `name: gone\ntask-mode: incremental\nignore-checking-items: ["all"]\ntarget-database: {host: 127.0.0.1, port: ${tgt.port}, user: root, password: tgt-pw}\nmysql-instances:\n  - source-id: mysql-01\n    meta: {binlog-name: mysql-bin-changelog.999999, binlog-pos: 4}\n`
    )
    expect(await json(['start-task', 'gone.yaml'])).toMatchObject({ result: true, checkResult: '' })
    const st = await until('the failure', async () => {
      const s = await status('gone')
      return s.stage === 'Paused' ? s : undefined
    })
    expect(st.result?.errors[0]?.Message).toBe(
      'get binlog event error: ERROR 1236 (HY000): Could not find first log file name in binary log index file'
    )
    expect(await json(['stop-task', 'gone'])).toMatchObject({ result: true })
  })
})

describe('check-task really checks the source', () => {
  let bad: MariaDbServer
  beforeAll(async () => {
    bad = await startMariaDb({
      name: 'stmt',
      dir: path.join(dir, 'stmt'),
      serverId: 3,
      logBin: 'mysql-bin',
      rootPassword: 'pw',
      extraArgs: ['--binlog-format=STATEMENT', '--binlog-row-image=MINIMAL']
    })
    await src.query(
      "CREATE USER 'weak'@'127.0.0.1' IDENTIFIED BY 'weak'; GRANT SELECT ON *.* TO 'weak'@'127.0.0.1'"
    )
  }, 30_000)
  afterAll(async () => {
    await bad?.stop()
  })

  async function checkWith(id: string, port: number, user: string, password: string): Promise<Run> {
    await writeFile(
      path.join(dir, `${id}.yaml`),
      `source-id: ${id}\nfrom: {host: 127.0.0.1, port: ${port}, user: ${user}, password: ${password}}\n`
    )
    expect((await json(['operate-source', 'create', `${id}.yaml`])).result).toBe(true)
    await writeFile(
      path.join(dir, `${id}-task.yaml`),
      `name: ${id}\ntask-mode: incremental\ntarget-database: {host: 127.0.0.1, port: ${tgt.port}, user: root, password: tgt-pw}\nmysql-instances:\n  - source-id: ${id}\n    meta: {binlog-name: ${pos.File}, binlog-pos: ${pos.Position}}\n`
    )
    return dmctl(['check-task', `${id}-task.yaml`])
  }

  test('binlog_format STATEMENT and binlog_row_image MINIMAL fail', async () => {
    const r = await checkWith('stmt', bad.port, 'root', 'pw')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('"result": false')
    expect(r.stdout).toContain('[code=26005:class=dm-master:scope=internal:level=medium]')
    expect(r.stdout).toContain('\n    \tdetail: {\n\t\t"results": [')
    expect(r.stdout).toContain('"short_error": "binlog_format is STATEMENT, and should be ROW"')
    expect(r.stdout).toContain('"short_error": "binlog_row_image is MINIMAL, and should be FULL"')
  })

  test('a user without replication privileges fails', async () => {
    const r = await checkWith('weak', src.port, 'weak', 'weak')
    expect(r.stdout).toContain(
      '"short_error": "lack of REPLICATION CLIENT global (*.*) privilege; lack of REPLICATION SLAVE global (*.*) privilege; "'
    )
    expect(r.stdout).toContain('"name": "meta position check"')
  })

  test('fault dm-check-task-fail fails the check with the non-JSON detail', async () => {
    const r = await dmctl(['check-task', 'task1.yaml'], { SANDBOX_FAULTS: 'dm-check-task-fail' })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^{\n {4}"result": false,\n {4}"msg": "\[code=26005:/)
    expect(() => JSON.parse(r.stdout) as unknown).toThrow()
  })
})

describe('dmctl failures', () => {
  test('no master address: the real message on stderr, exit 1', async () => {
    const r = await execFileP('node', [DMCTL, 'query-status'], {
      cwd: dir,
      env: { ...process.env, DM_MASTER_ADDR: '' }
    }).then(
      (ok): Run => ({ code: 0, ...ok }),
      (e: Run) => e
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      "Error: --master-addr not provided, this parameter is required when interacting with the dm-master, you can also use environment variable 'DM_MASTER_ADDR' to specify the value. Use `dmctl --help` to see more help messages\n"
    )
  })

  test('unreachable master: 48001 on stderr, exit 1', async () => {
    const r = await dmctl(['-master-addr', '127.0.0.1:1', 'query-status'], {}, '127.0.0.1:1')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      "Error: [code=48001:class=dmctl:scope=internal:level=high], Message: can't connect to 127.0.0.1:1, RawCause: context deadline exceeded, Workaround: Please check your network connection.\n"
    )
  })

  test('unknown keys in a source file fail in dmctl itself', async () => {
    await writeFile(path.join(dir, 'typo.yaml'), 'source-id: x\nfrom:\n  hots: h\n')
    const r = await dmctl(['operate-source', 'create', 'typo.yaml'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'RawCause: yaml: unmarshal errors:\n  line 3: field hots not found in type dbconfig.DBConfig'
    )
  })
})
