import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { RunningServer } from '../../../sandbox/lib/http-server.js'
import { RequestLog, readRequests } from '../../../sandbox/lib/request-log.js'
import {
  fakeGitHash,
  startPdStub,
  startTidbStatusServer
} from '../../../sandbox/servers/tidb-status.js'

let dir: string
let pd: RunningServer
let status: RunningServer

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tidb-status-test-'))
  const requests = new RequestLog('status', dir)
  pd = await startPdStub({ requests, version: 'v7.5.1' })
  status = await startTidbStatusServer({
    requests,
    version: 'v7.5.1',
    sqlPort: 4321,
    pdAddr: `127.0.0.1:${pd.port}`
  })
})

afterAll(async () => {
  await status?.close()
  await pd?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('TiDB status port and PD stub', () => {
  test('/status answers TiDB-shaped JSON with the configured version', async () => {
    const res = await fetch(`${status.url}/status`)
    expect(res.headers.get('content-type')).toBe('application/json')
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({
      connections: 0,
      version: '8.0.11-TiDB-v7.5.1',
      git_hash: fakeGitHash('tidb', 'v7.5.1'),
      status: { init_stats_percentage: 100 }
    })
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'connections',
      'version',
      'git_hash',
      'status'
    ])
  })

  test('/settings gives Lightning the SQL port and the PD address (path)', async () => {
    const settings = (await (await fetch(`${status.url}/settings`)).json()) as Record<
      string,
      unknown
    >
    expect(settings['port']).toBe(4321)
    expect(settings['path']).toBe(`127.0.0.1:${pd.port}`)
    expect(settings['store']).toBe('tikv')
    expect((settings['status'] as Record<string, unknown>)['status-port']).toBe(status.port)
  })

  test('PD answers version, status and members', async () => {
    expect(await (await fetch(`${pd.url}/pd/api/v1/version`)).json()).toEqual({ version: 'v7.5.1' })
    const st = (await (await fetch(`${pd.url}/pd/api/v1/status`)).json()) as Record<string, unknown>
    expect(st).toMatchObject({ version: 'v7.5.1', git_hash: fakeGitHash('pd', 'v7.5.1') })
    expect(st['start_timestamp']).toEqual(expect.any(Number))
    const membersText = await (await fetch(`${pd.url}/pd/api/v1/members`)).text()
    // uint64 ids are bare JSON numbers, as Go prints them.
    expect(membersText).toMatch(/"cluster_id":\d{19}/)
    const members = JSON.parse(membersText) as { members: { client_urls: string[] }[] }
    expect(members.members[0]?.client_urls).toEqual([pd.url])
  })

  test('unknown paths get Go’s 404, and every request is recorded as piece "status"', async () => {
    const res = await fetch(`${status.url}/nope`)
    expect(res.status).toBe(404)
    expect(await res.text()).toBe('404 page not found\n')
    const ops = readRequests(dir, 'status').map((r) => `${r.detail ?? ''} ${r.op} ${r.status}`)
    expect(ops).toEqual(
      expect.arrayContaining([
        'tidb GET /status 200',
        'tidb GET /settings 200',
        'pd GET /pd/api/v1/version 200',
        'pd GET /pd/api/v1/members 200',
        'tidb GET /nope 404'
      ])
    )
    expect(readRequests(dir, 'status').every((r) => r.piece === 'status' && !r.write)).toBe(true)
  })
})
