// TiDB's status port: the version strings TiDB reports, read from the sandbox's status server (TiDB's /status shape)
// and failing with the address when the port is wrong.
import { readTidbStatus, tidbReleaseOf } from '../../src/mysql/target.js'
import { startPdStub, startTidbStatusServer } from '../../sandbox/servers/tidb-status.js'
import { RequestLog } from '../../sandbox/lib/request-log.js'
import type { RunningServer } from '../../sandbox/lib/http-server.js'
import { freePort } from '../../sandbox/lib/ports.js'

test('the release in TiDB version strings', () => {
  expect(tidbReleaseOf('8.0.11-TiDB-v8.5.2')).toBe('v8.5.2')
  expect(tidbReleaseOf('5.7.25-TiDB-v7.1.0')).toBe('v7.1.0')
  expect(tidbReleaseOf('8.0.11-TiDB-v7.5.1-serverless')).toBe('v7.5.1-serverless')
  expect(tidbReleaseOf('8.0.32')).toBeUndefined()
})

describe('readTidbStatus', () => {
  let status: RunningServer
  let pd: RunningServer
  beforeAll(async () => {
    const log = new RequestLog('status', undefined)
    pd = await startPdStub({ requests: log, version: 'v8.1.0' })
    status = await startTidbStatusServer({
      requests: log,
      version: 'v8.1.0',
      sqlPort: 4000,
      pdAddr: `127.0.0.1:${pd.port}`
    })
  })
  afterAll(async () => {
    await Promise.all([status.close(), pd.close()])
  })

  test('reads the version and git hash', async () => {
    const s = await readTidbStatus('127.0.0.1', status.port)
    expect(s).toMatchObject({ version: '8.0.11-TiDB-v8.1.0', release: 'v8.1.0' })
    expect(s.gitHash).toMatch(/^[0-9a-f]{40}$/)
  })

  test('a port that is not TiDB’s status port fails with the URL and the reason', async () => {
    await expect(readTidbStatus('127.0.0.1', pd.port)).rejects.toThrow(
      `GET http://127.0.0.1:${pd.port}/status failed: HTTP 404`
    )
    const closed = await freePort()
    await expect(readTidbStatus('127.0.0.1', closed)).rejects.toThrow(/ECONNREFUSED/)
  })
})
