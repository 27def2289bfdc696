// TiDB Lightning stand-in end to end: the Dumpling command of PingCAP's documented procedure and its two TOML files
// against private MariaDB servers and the S3 stand-in, with the snapshot data as Aurora-style Parquet; then every
// fault.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import type { RowDataPacket } from 'mysql2'
import { startMariaDb, type MariaDbServer } from '../../../sandbox/lib/mariadb.js'
import type { RunningS3 } from '../../../sandbox/aws/s3-server.js'
import {
  auroraParquet,
  dumplingConn,
  logLines,
  run,
  DOCUMENTED_SCHEMA_DUMP,
  startTestS3,
  type RunResult,
  type SourceColumn
} from './helpers.js'

jest.setTimeout(120_000)

let dir: string
let source: MariaDbServer
let target: MariaDbServer
let s3: RunningS3
let env: NodeJS.ProcessEnv
let kvDir: string

const TABLES = ['my_db1.table1', 'my_db1.table2', 'mydb.Orders', 'mydb.order-items']

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightning-test-'))
  kvDir = path.join(dir, 'sorted-kv')
  mkdirSync(kvDir)
  ;[source, target] = await Promise.all([
    startMariaDb({
      name: 'source',
      dir: path.join(dir, 'source'),
      serverId: 1,
      logBin: 'mysql-bin-changelog',
      rootPassword: 'src-pw'
    }),
    startMariaDb({
      name: 'target',
      dir: path.join(dir, 'target'),
      serverId: 2,
      logBin: undefined,
      rootPassword: 'tgt-pw'
    })
  ])
  const started = await startTestS3(dir)
  s3 = started.s3
  env = {
    ...started.awsEnv,
    TMPDIR: dir,
    SANDBOX_DIR: dir,
    TZ: 'UTC'
  }
  await source.query(`
    CREATE DATABASE my_db1; CREATE DATABASE mydb;
    CREATE TABLE my_db1.table1 (id BIGINT PRIMARY KEY, ub BIGINT UNSIGNED, i INT, ui INT UNSIGNED, tu TINYINT UNSIGNED,
      d5 DECIMAL(5,2), d15 DECIMAL(15,4), d30 DECIMAL(30,6), f DOUBLE, fl FLOAT, s VARCHAR(20), ch CHAR(3), b VARBINARY(8), bl BLOB,
      dt DATETIME(6), ts TIMESTAMP(6) NULL, day DATE, tm TIME, y YEAR, e ENUM('a','b'), j JSON, KEY k_s (s));
    CREATE TABLE my_db1.table2 (id INT PRIMARY KEY, note TEXT);
    CREATE TABLE mydb.Orders (id INT PRIMARY KEY, amount DECIMAL(10,2));
    CREATE TABLE mydb.\`order-items\` (id INT PRIMARY KEY, qty INT);
    INSERT INTO my_db1.table1 VALUES
      (1, 18446744073709551615, -2147483648, 4294967295, 255, -999.99, 12345678901.2345, 123456789012345678901234.567891, 0.1, 3.14159,
       'ünï''"\\\\x', 'ab', x'00ff', x'DEADBEEF', '2024-01-02 03:04:05.123456', '2038-01-19 03:14:07.999999', '2024-02-29', '-838:59:59', 2155, 'b', '{"a": [1, 2]}'),
      (2, 0, 0, 0, 0, 0, 0, 0, -1.5e300, -0, '', '', x'', x'', '1000-01-01 00:00:00', '1970-01-01 00:00:01', '1000-01-01', '00:00:00', 1901, 'a', 'null'),
      (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    INSERT INTO my_db1.table2 SELECT seq, REPEAT('x', seq % 50) FROM my_db1.seq_1_to_5000;
    INSERT INTO mydb.Orders VALUES (1, 10.50), (2, 20.25);
    INSERT INTO mydb.\`order-items\` VALUES (1, 3);
  `)
  // PingCAP's documented procedure, step 1.1: the schema with Dumpling, to S3.
  const dump = await run(
    'tiup/dumpling.js',
    [...dumplingConn(source.port), ...DOCUMENTED_SCHEMA_DUMP],
    {
      env
    }
  )
  expect(dump.code).toBe(0)
  await writeExport('exports', 'export-1')
})

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop(), s3?.close()])
  rmSync(dir, { recursive: true, force: true })
})

/**
 * Writes what an Aurora snapshot export of the source looks like: one gzip Parquet file per table, plus metadata files.
 */
async function writeExport(prefix: string, id: string): Promise<void> {
  for (const full of TABLES) {
    const [db = '', table = ''] = full.split('.')
    const cols = await source.query<RowDataPacket[]>(
      'SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, NUMERIC_PRECISION, NUMERIC_SCALE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      [db, table]
    )
    const columns: SourceColumn[] = cols.map((c) => ({
      name: String(c['COLUMN_NAME']),
      dataType: String(c['DATA_TYPE']),
      columnType: String(c['COLUMN_TYPE']),
      precision: Number(c['NUMERIC_PRECISION'] ?? 0),
      scale: Number(c['NUMERIC_SCALE'] ?? 0)
    }))
    const c = await source.connect()
    const [rows] = await c.query({
      sql: `SELECT * FROM \`${db}\`.\`${table}\` ORDER BY 1`,
      rowsAsArray: true,
      typeCast: (f: { type: string; buffer(): Buffer | null; string(): string | null }) =>
        /BLOB|BIT|STRING/.test(f.type) ? f.buffer() : f.string()
    })
    await c.end()
    const key = `${prefix}/${id}/${db}/${db}.${table}/1/part-00000-5e2f1a3c-${table.length}-c000.gz.parquet`
    const data = auroraParquet(columns, rows as (string | Buffer | null)[][])
    s3.store.put('my-bucket', key, data, 'application/octet-stream', {})
    s3.store.put(
      'my-bucket',
      `${prefix}/${id}/${db}/${db}.${table}/1/_SUCCESS`,
      Buffer.alloc(0),
      'application/octet-stream',
      {}
    )
  }
  s3.store.put(
    'my-bucket',
    `${prefix}/${id}/export_info_${id}.json`,
    Buffer.from('{"status":"COMPLETE"}'),
    'application/json',
    {}
  )
}

/**
 * The tidb-lightning-*.toml of PingCAP's documented procedure with its placeholders filled (quoted as TOML needs them).
 */
function documentedToml(dataSourceDir: string, extra = '', files = false): string {
  return `[tidb]

# The target TiDB cluster information.
host = "127.0.0.1"
port = ${target.port}
user = "root"
password = "tgt-pw"
status-port = 10080  # The TiDB status port. Usually the port is 10080.
pd-addr = "127.0.0.1:2379"     # The cluster PD address. Usually the port is 2379.

[tikv-importer]
backend = "local"
sorted-kv-dir = "${kvDir}"

[mydumper]
data-source-dir = "${dataSourceDir}"
${
  files
    ? `
[[mydumper.files]]
# The expression that parses the parquet file.
pattern = '(?i)^(?:[^/]*/)*([a-z0-9_]+)\\.([a-z0-9_]+)/(?:[^/]*/)*(?:[a-z0-9\\-_.]+\\.(parquet))$'
schema = '$1'
table = '$2'
type = '$3'
`
    : ''
}${extra}`
}

let n = 0
function writeConfig(text: string): string {
  const file = path.join(dir, `task-${++n}.toml`)
  writeFileSync(file, text)
  return file
}

const lightning = (
  file: string,
  extraEnv: NodeJS.ProcessEnv = {},
  hooks: { onSpawn?: (pid: number) => void; onStdout?: (stdout: string) => void } = {}
): Promise<RunResult> =>
  run('tiup/tidb-lightning.js', ['-config', file], { env: { ...env, ...extraEnv }, ...hooks })

/** The log file a run announced on stdout. */
function logOf(r: RunResult): string {
  const m = /^Verbose debug logs will be written to (.+)\n\n/.exec(r.stdout)
  if (!m?.[1]) throw new Error(`no log file announced in ${r.stdout}`)
  // Runs started within the same second share the timestamped log file (as with the real tool): keep this run's part.
  const text = readFileSync(m[1], 'utf8')
  const start = text.lastIndexOf('Welcome to TiDB-Lightning')
  return start < 0 ? text : text.slice(text.lastIndexOf('\n', start) + 1)
}

async function dump(server: MariaDbServer, table: string): Promise<string> {
  const c = await server.connect()
  const [rows] = await c.query({
    sql: `SELECT * FROM ${table} ORDER BY 1`,
    rowsAsArray: true,
    typeCast: (f: { buffer(): Buffer | null }) => f.buffer()?.toString('hex') ?? null
  })
  await c.end()
  return JSON.stringify(rows)
}

async function resetTarget(): Promise<void> {
  await target.query('DROP DATABASE IF EXISTS my_db1; DROP DATABASE IF EXISTS mydb')
  rmSync(path.join(dir, 'tmp'), { recursive: true, force: true })
}

async function importSchema(): Promise<void> {
  const r = await lightning(writeConfig(documentedToml('s3://my-bucket/schema-backup')))
  expect(r.code).toBe(0)
}

describe("TiDB Lightning stand-in: PingCAP's documented procedure", () => {
  test("PingCAP's documented template filled in verbatim is not valid TOML: exit 2, the parse error on stdout", async () => {
    const verbatim = `[tidb]\n\n# The target TiDB cluster information.\nhost = 127.0.0.1\nport = ${target.port}\nuser = "root\npassword = "tgt-pw"\n`
    const file = writeConfig(verbatim)
    const r = await lightning(file)
    expect(r.code).toBe(2)
    expect(r.stdout).toMatch(
      new RegExp(
        `^\\[Lightning:Config:ErrParseConfigFile\\]parse config file '${file.replace(/[.]/g, '\\.')}' failed: toml: line 4 \\(last key "tidb\\.host"\\): .+\\n$`
      )
    )
  })

  test('schema (tidb-lightning-schema.toml) then the Aurora Parquet snapshot (tidb-lightning-data.toml): exact rows', async () => {
    await resetTarget()
    const schema = await lightning(writeConfig(documentedToml('s3://my-bucket/schema-backup')))
    expect(schema.code).toBe(0)
    expect(schema.stdout).toMatch(
      /^Verbose debug logs will be written to .+\/lightning\.log\.\d{4}-\d\d-\d\dT\d\d\.\d\d\.\d\d(Z|[+-]\d{4})\n\n/
    )
    expect(schema.stdout.endsWith('tidb lightning exit successfully\n')).toBe(true)
    const schemaLog = logOf(schema)
    expect(logLines(schemaLog, 'file is filtered by file router')[0]).toContain(
      '[path=metadata] [category=loader]'
    )
    expect(logLines(schemaLog, 'the whole procedure completed')).toHaveLength(1)
    const tables = await target.query<RowDataPacket[]>(
      "SELECT CONCAT(TABLE_SCHEMA, '.', TABLE_NAME) AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA IN ('my_db1', 'mydb') ORDER BY 1"
    )
    expect(tables.map((t) => String(t['t'])).sort()).toEqual([
      'my_db1.table1',
      'my_db1.table2',
      'mydb.Orders',
      'mydb.order-items'
    ])

    const data = await lightning(
      writeConfig(documentedToml('s3://my-bucket/exports/export-1', '', true))
    )
    expect(data.code).toBe(0)
    expect(data.stdout).toContain('| all importing tables on the target are empty ')
    const log = logOf(data)
    // the dashed table name escapes the documented [a-z0-9_] pattern: its file is left out, the table stays empty
    expect(
      logLines(log, 'file is filtered by file router').map((l) => /\[path=([^\]]+)\]/.exec(l)?.[1])
    ).toEqual([
      'export_info_export-1.json',
      'my_db1/my_db1.table1/1/_SUCCESS',
      'my_db1/my_db1.table2/1/_SUCCESS',
      'mydb/mydb.Orders/1/_SUCCESS',
      'mydb/mydb.order-items/1/_SUCCESS',
      'mydb/mydb.order-items/1/part-00000-5e2f1a3c-11-c000.gz.parquet'
    ])
    expect(logLines(log, 'checksum pass')).toHaveLength(3)
    expect(logLines(log, 'tidb lightning exit').at(-1)).toMatch(
      /\["tidb lightning exit"\] \[finished=true\]$/
    )
    for (const t of ['my_db1.table1', 'my_db1.table2', 'mydb.Orders'])
      expect(await dump(target, t)).toBe(await dump(source, t))
    expect(
      await target.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM mydb.`order-items`')
    ).toEqual([{ n: '0' }])
  })

  // Lightning v8.5 reads a Parquet TIMESTAMP as `…Z` text and TiDB converts it into the import session's zone (the
  // target's @@global.time_zone here): a DATETIME shifts by the target's offset, a TIMESTAMP keeps its instant, and
  // Lightning's own process zone plays no part.
  const importTable1 = async (procTz: string): Promise<RowDataPacket | undefined> => {
    await resetTarget()
    await importSchema()
    const r = await lightning(
      writeConfig(
        documentedToml('s3://my-bucket/exports/export-1', '', true).replace(
          '[[mydumper.files]]',
          'filter = ["my_db1.table1"]\n\n[[mydumper.files]]'
        )
      ),
      { TZ: procTz }
    )
    expect(r.code).toBe(0)
    const rows = await target.query<RowDataPacket[]>(
      "SET time_zone = '+00:00'; SELECT CAST(dt AS CHAR) AS dt, CAST(ts AS CHAR) AS ts FROM my_db1.table1 WHERE id = 1"
    )
    return (rows as unknown as RowDataPacket[][])[1]?.[0]
  }

  test('a target in UTC: DATETIME and TIMESTAMP arrive as the source has them, whatever the process zone', async () => {
    expect(await importTable1('Asia/Shanghai')).toEqual({
      dt: '2024-01-02 03:04:05.123456',
      ts: '2038-01-19 03:14:07.999999'
    })
  })

  test('a target at +08:00: DATETIME arrives 8 hours later, TIMESTAMP keeps its instant', async () => {
    await target.query("SET GLOBAL time_zone = '+08:00'")
    try {
      expect(await importTable1('UTC')).toEqual({
        dt: '2024-01-02 11:04:05.123456',
        ts: '2038-01-19 03:14:07.999999'
      })
    } finally {
      await target.query("SET GLOBAL time_zone = '+00:00'")
    }
  })

  test('[tidb.session-vars] time_zone decides the zone, as in DBFromConfig and ObtainImportantVariables', async () => {
    await target.query("SET GLOBAL time_zone = '+08:00'")
    try {
      await resetTarget()
      await importSchema()
      const toml = documentedToml(
        's3://my-bucket/exports/export-1',
        '\n[tidb.session-vars]\ntime_zone = "+00:00"\n',
        true
      ).replace('[[mydumper.files]]', 'filter = ["my_db1.table1"]\n\n[[mydumper.files]]')
      expect((await lightning(writeConfig(toml))).code).toBe(0)
      const [row] = await target.query<RowDataPacket[]>(
        'SELECT CAST(dt AS CHAR) AS dt FROM my_db1.table1 WHERE id = 1'
      )
      expect(row?.['dt']).toBe('2024-01-02 03:04:05.123456')
    } finally {
      await target.query("SET GLOBAL time_zone = '+00:00'")
    }
  })

  test('tidb backend with Dumpling SQL data files (default file routing) and progress lines', async () => {
    await resetTarget()
    const out = path.join(dir, 'sql-dump')
    const d = await run(
      'tiup/dumpling.js',
      [
        '-h',
        '127.0.0.1',
        '-P',
        String(source.port),
        '-u',
        'root',
        '-p',
        'src-pw',
        '-f',
        'my_db1.*',
        '--consistency',
        'none',
        '-o',
        out
      ],
      { env }
    )
    expect(d.code).toBe(0)
    const cfg = `[lightning]\nfile = "${path.join(dir, 'tidb.log')}"\n[tidb]\nhost = "127.0.0.1"\nport = ${target.port}\nuser = "root"\npassword = "tgt-pw"\n[tikv-importer]\nbackend = "tidb"\n[mydumper]\ndata-source-dir = "${out}"\n[cron]\nlog-progress = "1s"\n`
    const r = await lightning(writeConfig(cfg), { SANDBOX_TIMINGS: 'lightning=2.5' })
    expect(r.code).toBe(0)
    const log = readFileSync(path.join(dir, 'tidb.log'), 'utf8')
    const progress = logLines(log, 'progress')
    expect(progress.length).toBeGreaterThanOrEqual(1)
    expect(progress[0]).toMatch(
      /\[progress\] \[total=100\.0%\] \[tables="2\/2 \(100\.0%\)"\] \[chunks="2\/2 \(100\.0%\)"\] \[engines="4\/4 \(100\.0%\)"\] \[restore-bytes=[\d.]+K?i?B\/[\d.]+K?i?B\] \[restore-rows=5003\/5003\(estimated\)\] \[\] \["encode speed\(MiB\/s\)"=[\d.e-]+\] \[state=post-processing\] \[\]$/
    )
    expect(logLines(log, 'local checksum')).toHaveLength(0)
    for (const t of ['my_db1.table1', 'my_db1.table2'])
      expect(await dump(target, t)).toBe(await dump(source, t))
  })
})

describe('TiDB Lightning stand-in: checks and faults', () => {
  const dataToml = (extra = ''): string =>
    writeConfig(documentedToml('s3://my-bucket/exports/export-1', extra, true))

  test('non-empty target tables are refused by the pre-check; without it the checksum catches them', async () => {
    await resetTarget()
    await importSchema()
    await target.query('INSERT INTO mydb.Orders VALUES (99, 1.00)')
    const r = await lightning(dataToml())
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /\|\s+\d+ \| table\(s\) \[`mydb`\.`Orders`\] are not empty\s+\| critical\s+\| false\s+\|/
    )
    expect(r.stderr).toBe(
      'tidb lightning encountered error: [Lightning:PreCheck:ErrPreCheckFailed]tidb-lightning pre-check failed: table(s) [`mydb`.`Orders`] are not empty\n'
    )
    rmSync(path.join(dir, 'tmp'), { recursive: true, force: true })
    const noCheck = await lightning(
      writeConfig(
        `[lightning]\ncheck-requirements = false\n${documentedToml('s3://my-bucket/exports/export-1', '', true)}`
      )
    )
    expect(noCheck.code).toBe(1)
    expect(noCheck.stderr).toMatch(
      /^tidb lightning encountered error: \[Lightning:Restore:ErrChecksumMismatch\]checksum mismatched remote vs local => \(checksum: \d+ vs \d+\) \(total_kvs: 3 vs 2\) \(total_bytes:\d+ vs \d+\)\n$/
    )
  })

  test('lightning-error: a real error mid-import, exit 1, checkpoint left failed so a rerun is blocked', async () => {
    await resetTarget()
    await importSchema()
    const r = await lightning(dataToml(), { SANDBOX_FAULTS: 'lightning-error' })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^tidb lightning encountered error: \[Lightning:Restore:ErrRestoreTable\]restore table `[\w]+`\.`\w+` failed: rpc error: code = Unavailable desc = /
    )
    const log = logOf(r)
    expect(logLines(log, 'failed to import table')).toHaveLength(1)
    expect(logLines(log, 'run failed')[0]).toContain('[step=4]')
    expect(logLines(log, 'the whole procedure failed')).toHaveLength(1)
    expect(logLines(log, 'tables failed to be imported')[0]).toContain('[count=1]')
    expect(logLines(log, '-')[0]).toMatch(
      /\[-\] \[table=`\w+`\.`\w+`\] \[status=written\] \[error="\[Lightning:Restore:ErrRestoreTable\]/
    )
    const again = await lightning(dataToml())
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(
      /^tidb lightning encountered error: \[Lightning:PreCheck:ErrPreCheckFailed\]tidb-lightning pre-check failed: TiDB Lightning has failed last time\. To prevent data loss, this run will stop now, `\w+`\.`\w+` failed in step\(written\), please run command \.\/tidb-lightning-ctl --checkpoint-error-destroy='`\w+`\.`\w+`' --config=\.\.\.,You may also run `\.\/tidb-lightning-ctl --checkpoint-error-destroy=all --config=\.\.\.` to start from scratch,For details of this failure, read the log file from the PREVIOUS run\n$/
    )
  })

  test('lightning-cancel and SIGTERM: "tidb lightning canceled", exit 0; the rerun completes the import', async () => {
    await resetTarget()
    await importSchema()
    const r = await lightning(dataToml(), { SANDBOX_FAULTS: 'lightning-cancel' })
    expect([r.code, r.stdout.endsWith('tidb lightning canceled\n')]).toEqual([0, true])
    const log = logOf(r)
    expect(logLines(log, 'got signal to exit')[0]).toContain('[signal=interrupt]')
    expect(logLines(log, 'task canceled')[0]).toContain('[step=4] [error="context canceled"]')
    expect(logLines(log, 'tidb lightning exit').at(-1)).toMatch(/\[finished=false\]$/)
    const rerun = await lightning(dataToml())
    expect(rerun.code).toBe(0)
    for (const t of ['my_db1.table1', 'my_db1.table2', 'mydb.Orders'])
      expect(await dump(target, t)).toBe(await dump(source, t))

    await resetTarget()
    await importSchema()
    // The signal goes once the tool has announced its log file: its handlers are installed by then, however slowly
    // a loaded machine started the process (a fixed delay sent it before, and the default action killed it).
    let pid = 0
    let signalled = false
    const running = lightning(
      dataToml(),
      { SANDBOX_TIMINGS: 'lightning=60' },
      {
        onSpawn: (p) => (pid = p),
        onStdout: (out) => {
          if (signalled || !out.includes('Verbose debug logs will be written to')) return
          signalled = true
          setTimeout(() => process.kill(pid, 'SIGTERM'), 200)
        }
      }
    )
    const sig = await running
    expect([sig.code, sig.stdout.endsWith('tidb lightning canceled\n')]).toEqual([0, true])
    expect(logLines(logOf(sig), 'got signal to exit')[0]).toContain('[signal=terminated]')
  })

  test('status port: a busy address (or the fault) prints "failed to start HTTP server" and exits 0', async () => {
    const holder = net.createServer()
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve))
    const port = (holder.address() as net.AddressInfo).port
    try {
      const r = await lightning(
        writeConfig(
          `[lightning]\nstatus-addr = "127.0.0.1:${port}"\n${documentedToml('s3://my-bucket/exports/export-1', '', true)}`
        )
      )
      expect([r.code, r.stderr]).toEqual([
        0,
        `failed to start HTTP server: listen tcp 127.0.0.1:${port}: bind: address already in use\n`
      ])
      expect(logLines(logOf(r), 'failed to start HTTP server')).toHaveLength(1)
    } finally {
      holder.close()
    }
    const f = await lightning(dataToml(), { SANDBOX_FAULTS: 'lightning-status-port-busy' })
    expect([f.code, f.stderr]).toEqual([
      0,
      'failed to start HTTP server: listen tcp :8289: bind: address already in use\n'
    ])
  })

  test('unknown keys: the real key list (and the lightning-unknown-key fault), exit 1', async () => {
    const r = await lightning(dataToml('\n[conflict]\nstrategy = "replace"\nbogus = 1\n'))
    expect([r.code, r.stderr]).toEqual([
      1,
      'tidb lightning encountered error: config file contained unknown configuration options: conflict.bogus\n'
    ])
    expect(logLines(logOf(r), 'tidb lightning encountered error stack info')[0]).toContain(
      '[error="config file contained unknown configuration options: conflict.bogus"]'
    )
    const f = await lightning(dataToml('\n[conflict]\nstrategy = "replace"\n'), {
      SANDBOX_FAULTS: 'lightning-unknown-key=conflict.strategy'
    })
    expect([f.code, f.stderr]).toEqual([
      1,
      'tidb lightning encountered error: config file contained unknown configuration options: conflict.strategy\n'
    ])
  })
})
