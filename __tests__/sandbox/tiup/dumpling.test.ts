import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RowDataPacket } from 'mysql2'
import { startMariaDb, type MariaDbServer } from '../../../sandbox/lib/mariadb.js'
import { freePort } from '../../../sandbox/lib/ports.js'
import type { RunningS3 } from '../../../sandbox/aws/s3-server.js'
import { dumplingConn, logLines, run, DOCUMENTED_SCHEMA_DUMP, startTestS3 } from './helpers.js'

let dir: string
let source: MariaDbServer
let s3: RunningS3
let awsEnv: NodeJS.ProcessEnv

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dumpling-test-'))
  source = await startMariaDb({
    name: 'source',
    dir: path.join(dir, 'source'),
    serverId: 1,
    logBin: 'mysql-bin-changelog',
    rootPassword: 'src-pw'
  })
  ;({ s3, awsEnv } = await startTestS3(dir))
  await source.query(`
    CREATE DATABASE my_db1; CREATE DATABASE mydb; CREATE DATABASE other;
    CREATE TABLE my_db1.table1 (id INT PRIMARY KEY, v VARCHAR(10)); CREATE TABLE my_db1.table2 (id BIGINT PRIMARY KEY, t DATETIME(6), b BLOB);
    CREATE TABLE my_db1.table3 (id INT); CREATE TABLE mydb.\`order-items\` (id INT PRIMARY KEY, amount DECIMAL(10,2));
    CREATE TABLE other.t (x INT);
    INSERT INTO my_db1.table1 VALUES (1, 'a''b'), (2, NULL);
    INSERT INTO my_db1.table2 VALUES (1, '2024-01-02 03:04:05.123456', x'00ff0a');
    CREATE USER 'noreload'@'%' IDENTIFIED BY 'pw'; GRANT SELECT, SHOW VIEW, LOCK TABLES ON *.* TO 'noreload'@'%';
  `)
})
afterAll(async () => {
  await source?.stop()
  await s3?.close()
  rmSync(dir, { recursive: true, force: true })
})

const dumpling = (args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof run> =>
  run('tiup/dumpling.js', args, { env: { ...awsEnv, ...env }, cwd: dir })
const conn = (user?: string, password?: string): string[] =>
  dumplingConn(source.port, user, password)

describe('Dumpling stand-in', () => {
  test("PingCAP's documented schema export to S3", async () => {
    const status = await source.query<RowDataPacket[]>('SHOW MASTER STATUS')
    const gtid = await source.query<RowDataPacket[]>('SELECT @@global.gtid_binlog_pos AS g')
    const r = await dumpling([...conn(), ...DOCUMENTED_SCHEMA_DUMP])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(
      /^Release version: v[\d.]+\nGit commit hash: [0-9a-f]{40}\nGit branch: {6}heads\/refs\/tags\/v[\d.]+\nBuild timestamp: [\d-]+ [\d:]+Z\nGo version: {6}go version go[\d.]+ \w+\/\w+\n\n$/
    )
    expect(logLines(r.stdout, 'Welcome to dumpling')).toHaveLength(1)
    expect(logLines(r.stdout, 'dump data successfully, dumpling will exit now')).toHaveLength(1)
    expect(logLines(r.stdout, 'begin to run Dump')[0]).toContain('\\"Consistency\\":\\"none\\"')
    const keys = s3.store
      .list('my-bucket', { prefix: 'schema-backup/', maxKeys: 100 })
      .contents.map((o) => o.key)
      .sort()
    expect(keys).toEqual([
      'schema-backup/metadata',
      'schema-backup/my_db1-schema-create.sql',
      'schema-backup/my_db1.table1-schema.sql',
      'schema-backup/my_db1.table2-schema.sql',
      'schema-backup/mydb-schema-create.sql',
      'schema-backup/mydb.order-items-schema.sql'
    ])
    const read = (key: string): string => {
      const meta = s3.store.head('my-bucket', key)
      if (!meta) throw new Error(`missing ${key}`)
      return s3.store.read(meta).toString()
    }
    const metadata = read('schema-backup/metadata')
    expect(metadata).toMatch(
      new RegExp(
        `^Started dump at: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\nSHOW MASTER STATUS:\\n\\tLog: ${status[0]?.['File'] as string}\\n\\tPos: ${status[0]?.['Position'] as number}\\n\\tGTID:${gtid[0]?.['g'] as string}\\n\\nFinished dump at: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\n$`
      )
    )
    const create = await source.query<RowDataPacket[]>('SHOW CREATE TABLE my_db1.table2')
    expect(read('schema-backup/my_db1.table2-schema.sql')).toBe(
      `/*!40101 SET NAMES binary*/;\n/*!40014 SET FOREIGN_KEY_CHECKS=0*/;\n\n${create[0]?.['Create Table'] as string};\n`
    )
    expect(read('schema-backup/my_db1-schema-create.sql')).toMatch(
      /^\/\*!40101 SET NAMES binary\*\/;\nCREATE DATABASE `my_db1` .*;\n$/
    )
  })

  test('URL parameters endpoint/force-path-style and --s3.region are honoured; S3 failures read like the real tool', async () => {
    const noEndpoint = { AWS_ENDPOINT_URL_S3: '' }
    const ok = await dumpling(
      [
        ...conn(),
        '-f',
        'mydb.*',
        '--consistency',
        'none',
        '-d',
        '-o',
        `s3://my-bucket/p2?endpoint=${s3.url}&force-path-style=true`
      ],
      noEndpoint
    )
    expect(ok.code).toBe(0)
    expect(s3.store.head('my-bucket', 'p2/mydb-schema-create.sql')).toBeDefined()
    const region = await dumpling([
      ...conn(),
      '-f',
      'mydb.*',
      '-d',
      '--s3.region',
      'eu-west-1',
      '-o',
      's3://my-bucket/p3'
    ])
    expect([region.code, region.stdout.split('\n').slice(-2)[0]]).toEqual([
      1,
      'create dumper failed: s3 bucket and region are not matched, bucket=my-bucket, input region=eu-west-1, real region=us-east-1'
    ])
    const bucket = await dumpling([...conn(), '-d', '-o', 's3://no-such-bucket/x'])
    expect(bucket.stdout).toContain(
      '\ncreate dumper failed: failed to get region of bucket no-such-bucket: bucket not found\n'
    )
    const denied = await dumpling([...conn(), '-d', '-o', 's3://my-bucket/x'], {
      AWS_ACCESS_KEY_ID: 'AKIAWRONG'
    })
    expect(denied.code).toBe(1)
    expect(denied.stdout).toMatch(
      /create dumper failed: failed to get region of bucket my-bucket: operation error S3: HeadBucket, https response error StatusCode: 403, RequestID: \w*, HostID: .*, api error \w+: /
    )
    const scheme = await dumpling([
      ...conn(),
      '-d',
      '--s3.endpoint',
      '127.0.0.1:9',
      '-o',
      's3://my-bucket/x'
    ])
    expect(scheme.stdout).toContain('\ncreate dumper failed: scheme not found in endpoint\n')
  })

  test('the default filter leaves out system schemas; an explicit filter replaces it', async () => {
    const def = await dumpling([...conn(), '--consistency', 'none', '-d', '-o', 'default'])
    expect(def.code).toBe(0)
    const files = readdirSync(path.join(dir, 'default')).sort()
    expect(files).toEqual(
      expect.arrayContaining([
        'my_db1.table3-schema.sql',
        'other.t-schema.sql',
        'mydb.order-items-schema.sql'
      ])
    )
    expect(files.some((f) => f.startsWith('mysql.'))).toBe(false)
    await dumpling([...conn(), '--consistency', 'none', '-d', '-f', '*.*', '-o', 'all'])
    expect(readdirSync(path.join(dir, 'all')).some((f) => f.startsWith('mysql.'))).toBe(true)
  })

  test('flush needs RELOAD: without it the dump fails as the real one does', async () => {
    const r = await dumpling([
      ...conn('noreload', 'pw'),
      '-f',
      'my_db1.*',
      '--consistency',
      'flush',
      '-o',
      'noreload'
    ])
    expect(r.code).toBe(1)
    expect(
      r.stdout.endsWith(
        '\ndump failed: sql: FLUSH TABLES WITH READ LOCK: Error 1227 (42000): Access denied; you need (at least one of) the RELOAD privilege(s) for this operation\n'
      )
    ).toBe(true)
    expect(logLines(r.stdout, 'dump failed error stack info')[0]).toContain(
      '[errorVerbose="sql: FLUSH TABLES WITH READ LOCK: Error 1227 (42000)'
    )
    const auto = await dumpling([...conn('noreload', 'pw'), '-f', 'my_db1.*', '-o', 'noreload2'])
    expect(auto.stdout).toContain('dump failed: sql: FLUSH TABLES WITH READ LOCK: Error 1227')
    const lock = await dumpling([
      ...conn('noreload', 'pw'),
      '-f',
      'my_db1.*',
      '--consistency',
      'lock',
      '-d',
      '-o',
      'lock'
    ])
    expect(lock.code).toBe(0)
  })

  test('data files: INSERT statements (or CSV) from a real SELECT, consistency flush as root', async () => {
    const r = await dumpling([
      ...conn(),
      '-f',
      'my_db1.table[12]',
      '--consistency',
      'flush',
      '-o',
      'data',
      '-L',
      path.join(dir, 'dumpling.log')
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    const log = readFileSync(path.join(dir, 'dumpling.log'), 'utf8')
    expect(
      logLines(log, 'All the dumping transactions have started. Start to unlock tables')
    ).toHaveLength(1)
    expect(readFileSync(path.join(dir, 'data', 'my_db1.table1.000000000.sql'), 'utf8')).toBe(
      "/*!40101 SET NAMES binary*/;\nSET FOREIGN_KEY_CHECKS=0;\nINSERT INTO `table1` VALUES\n(1,'a\\'b'),\n(2,NULL);\n"
    )
    expect(readFileSync(path.join(dir, 'data', 'my_db1.table2.000000000.sql'), 'utf8')).toContain(
      "(1,'2024-01-02 03:04:05.123456',x'00ff0a');"
    )
    const csv = await dumpling([
      ...conn(),
      '-f',
      'my_db1.table1',
      '--consistency',
      'none',
      '--filetype',
      'csv',
      '-o',
      'csv'
    ])
    expect(csv.code).toBe(0)
    expect(readFileSync(path.join(dir, 'csv', 'my_db1.table1.000000000.csv'), 'utf8')).toBe(
      '"id","v"\n1,"a\'b"\n2,\\N\n'
    )
  })

  test('connection failures: the real driver text, exit 1 (also the dumpling-connection-refused fault, default port 4000)', async () => {
    const closed = await freePort()
    const r = await dumpling(['-h', '127.0.0.1', '-P', String(closed), '-d', '-o', 'x'])
    expect([r.code, r.stdout.split('\n').slice(-2)[0]]).toEqual([
      1,
      `create dumper failed: dial tcp 127.0.0.1:${closed}: connect: connection refused`
    ])
    const f = await dumpling(['-d', '-o', 'x'], { SANDBOX_FAULTS: 'dumpling-connection-refused' })
    expect(f.stdout).toContain(
      '\ncreate dumper failed: dial tcp 127.0.0.1:4000: connect: connection refused\n'
    )
    const denied = await dumpling([...conn('root', 'wrong'), '-d', '-o', 'x'])
    expect(denied.stdout).toContain(
      "create dumper failed: Error 1045 (28000): Access denied for user 'root'@'127.0.0.1' (using password: YES)"
    )
  })

  test('argument errors: pflag usage (exit 2), parse arguments failed and unparsed arguments (exit 1)', async () => {
    const flag = await dumpling(['--nope'])
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(
      /^unknown flag: --nope\nDumpling is a CLI tool that helps you dump MySQL\/TiDB data\n\nUsage:\n {2}dumpling \[flags\]\n\nFlags:\n/
    )
    expect(flag.stderr).toContain('  -P, --port int ')
    expect(flag.stderr).toContain('TCP/IP port to connect to (default 4000)\n')
    const both = await dumpling(['-T', 'a.b', '-f', 'a.*'])
    expect(both.code).toBe(1)
    expect(both.stdout).toMatch(
      /^\nparse arguments failed: failed to parse filter: cannot pass --tables-list and --filter together\ngithub\.com\/pingcap\/tidb\/dumpling\/export\.\(\*Config\)\.ParseFromFlags\n\t\S+config\.go:\d+\n/
    )
    const bad = await dumpling(['-f', 'my-db.*'])
    expect(bad.stdout).toContain(
      "\nparse arguments failed: failed to parse filter: at <cmdline>:1: unexpected special character '-'\n"
    )
    const extra = await dumpling(['-P', '4000', '-r', '20', 'where', 'id<5'])
    expect([extra.code, extra.stdout]).toEqual([
      1,
      '\nmeet some unparsed arguments, please check again: [where id<5]\n'
    ])
    expect(existsSync(path.join(dir, 'x'))).toBe(false)
  })
})
