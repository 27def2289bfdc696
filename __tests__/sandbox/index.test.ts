import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import mysql from 'mysql2/promise'
import { HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { startSandbox, type Sandbox } from '../../sandbox/index.js'
import { CONTRACT_KEYS, RUNNER_KEYS } from '../../sandbox/env.js'
import { serversUsing, isAlive } from '../../sandbox/cli/processes.js'
import { repoRoot } from '../../sandbox/lib/paths.js'

let base: string
let sb: Sandbox

function envConnection(side: 'SOURCE' | 'TARGET'): Promise<mysql.Connection> {
  const input = (name: string): string => sb.env[`INPUT_${side}-${name}`] ?? ''
  return mysql.createConnection({
    host: input('HOST'),
    port: Number(input('PORT')),
    user: input('USER'),
    password: input('PASSWORD')
  })
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'sandbox-index-test-'))
  sb = await startSandbox({ dir: path.join(base, 'sb'), tidbVersion: 'v8.1.0' })
})

afterAll(async () => {
  await sb?.stop()
  await rm(base, { recursive: true, force: true })
})

describe('startSandbox', () => {
  test('the environment has every key of the contract, the runner files exist', async () => {
    for (const key of [...CONTRACT_KEYS, ...RUNNER_KEYS])
      expect(sb.env[key]).toEqual(expect.any(String))
    expect(sb.env['SANDBOX_DIR']).toBe(sb.dir)
    expect(sb.env['PATH']?.split(path.delimiter)[0]).toBe(path.join(repoRoot(), 'sandbox', 'bin'))
    expect(sb.env['INPUT_TIDB-VERSION']).toBe('v8.1.0')
    expect(sb.env['INPUT_S3-URI']).toBe('s3://sandbox-migrations/aurora-to-tidb')
    expect(sb.env['INPUT_KMS-KEY-ID']).toMatch(
      /^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    for (const key of RUNNER_KEYS) expect(existsSync(sb.env[key] ?? '')).toBe(true)
    expect(await readFile(sb.env['GITHUB_OUTPUT'] ?? '', 'utf8')).toBe('')
  })

  test('the action can log in to source and target with the environment, and passwords are random', async () => {
    for (const side of ['SOURCE', 'TARGET'] as const) {
      const c = await envConnection(side)
      const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT CURRENT_USER() AS u')
      expect(String(rows[0]?.['u'])).toMatch(side === 'SOURCE' ? /^migrator@/ : /^root@/)
      await c.end()
    }
    expect(sb.env['INPUT_SOURCE-PASSWORD']).toMatch(/^[A-Za-z0-9]{24}$/)
    expect(sb.env['INPUT_SOURCE-PASSWORD']).not.toBe(sb.env['INPUT_TARGET-PASSWORD'])
    // The target has no binary log, as TiDB has none.
    expect(await sb.target.query('SHOW MASTER STATUS')).toEqual([])
  })

  test('S3 accepts the environment credentials and has the bucket of INPUT_S3-URI', async () => {
    const s3 = new S3Client({
      region: sb.env['AWS_REGION'] ?? '',
      endpoint: sb.env['AWS_ENDPOINT_URL_S3'] ?? '',
      forcePathStyle: true,
      credentials: {
        accessKeyId: sb.env['AWS_ACCESS_KEY_ID'] ?? '',
        secretAccessKey: sb.env['AWS_SECRET_ACCESS_KEY'] ?? ''
      }
    })
    try {
      await expect(
        s3.send(new HeadBucketCommand({ Bucket: 'sandbox-migrations' }))
      ).resolves.toBeDefined()
      await s3.send(new PutObjectCommand({ Bucket: 'sandbox-migrations', Key: 'x/y', Body: 'z' }))
    } finally {
      s3.destroy()
    }
    expect(sb.requests('s3').map((r) => r.op)).toEqual(
      expect.arrayContaining(['HeadBucket', 'PutObject'])
    )
  })

  test('the status port reports the TiDB version and names the PD stub; both are recorded', async () => {
    const port = sb.env['INPUT_TARGET-STATUS-PORT'] ?? ''
    const st = (await (await fetch(`http://127.0.0.1:${port}/status`)).json()) as {
      version: string
    }
    expect(st.version).toBe('8.0.11-TiDB-v8.1.0')
    const settings = (await (await fetch(`http://127.0.0.1:${port}/settings`)).json()) as {
      path: string
      port: number
    }
    expect(settings).toMatchObject({
      path: sb.env['INPUT_PD-ADDR'],
      port: Number(sb.env['INPUT_TARGET-PORT'])
    })
    const pd = await fetch(`http://${settings.path}/pd/api/v1/version`)
    expect(pd.status).toBe(200)
    expect(sb.requests('status').map((r) => r.op)).toEqual(
      expect.arrayContaining(['GET /status', 'GET /settings', 'GET /pd/api/v1/version'])
    )
  })

  test('faults and timings land in the files every piece reads', async () => {
    sb.setFault('rds-throttle', '2')
    sb.setTiming('export', 7)
    expect(JSON.parse(await readFile(path.join(sb.dir, 'faults.json'), 'utf8'))).toEqual({
      'rds-throttle': '2'
    })
    expect(JSON.parse(await readFile(path.join(sb.dir, 'timings.json'), 'utf8'))).toEqual({
      export: 7
    })
    sb.clearFaults()
    sb.clearTimings()
    expect(JSON.parse(await readFile(path.join(sb.dir, 'faults.json'), 'utf8'))).toEqual({})
  })

  test('restartSource applies binlog-off, and back; the port and the data stay', async () => {
    const port = sb.source.port
    sb.setFault('binlog-off')
    await sb.restartSource()
    expect(await sb.source.query('SHOW MASTER STATUS')).toEqual([])
    sb.clearFaults('binlog-off')
    await sb.restartSource()
    const status = await sb.source.query<mysql.RowDataPacket[]>('SHOW MASTER STATUS')
    expect(status[0]?.['File']).toMatch(/^mysql-bin-changelog\.\d{6}$/)
    expect(sb.source.port).toBe(port)
    const c = await envConnection('SOURCE')
    const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM shop.customers')
    expect(rows).toEqual([{ n: 200 }])
    await c.end()
  })

  test('refuses a directory that holds something else, so stop() never removes it', async () => {
    const other = path.join(base, 'precious')
    await mkdir(other)
    await writeFile(path.join(other, 'keep.txt'), 'mine')
    await expect(startSandbox({ dir: other })).rejects.toThrow(/not a sandbox directory/)
    expect(await readFile(path.join(other, 'keep.txt'), 'utf8')).toBe('mine')
  })

  test('stop() leaves no process and no directory', async () => {
    const pids = sb.pids()
    const ports = sb.ports()
    await sb.stop()
    expect(existsSync(sb.dir)).toBe(false)
    expect(isAlive(pids.source) || isAlive(pids.target)).toBe(false)
    expect(serversUsing(sb.dir)).toEqual([])
    await expect(fetch(`http://127.0.0.1:${ports['s3']}/`)).rejects.toThrow()
  })
})
