import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { publishToolLogs, shouldUploadLogs, type LogUploader } from '../../src/report/tool-logs.js'
import { renderSummary } from '../../src/report/summary.js'
import { newReport, type Report } from '../../src/report/types.js'
import { runTool } from '../../src/util/run-tool.js'
import { recordToolLogFile, startToolLogs, stopToolLogs } from '../../src/util/tool-log.js'

const SECRET = 'Pw-7q3Zsecret'
const ENV = {
  ACTIONS_RUNTIME_TOKEN: 'x',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/migrations',
  GITHUB_RUN_ID: '42'
}
let dir: string

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tool-logs-'))
})
afterEach(() => {
  stopToolLogs()
  rmSync(dir, { recursive: true, force: true })
})

/** A run that printed the secret through runTool, and a tool log file of its own that holds it too. */
async function runWithLogs(status: Report['status']): Promise<Report> {
  await startToolLogs(path.join(dir, 'logs'))
  await runTool({
    command: process.execPath,
    args: ['-e', `console.log('connecting with ${SECRET}'); console.error('done')`],
    redact: [SECRET],
    log: () => undefined
  })
  const own = path.join(dir, 'tidb-lightning.log')
  writeFileSync(own, `[INFO] ["load config"] [password=${SECRET}]\n[ERROR] ["restore failed"]\n`)
  recordToolLogFile(own)
  const r = newReport('migrate')
  r.status = status
  return r
}

describe('tool logs', () => {
  test('on-failure uploads every tool’s log with the secrets redacted and links the artifact', async () => {
    const r = await runWithLogs('failed')
    const calls: { name: string; files: string[]; root: string }[] = []
    const uploader: LogUploader = (name, files, root) => {
      calls.push({ name, files: [...files], root })
      return Promise.resolve({ id: 7 })
    }
    await publishToolLogs(r, {
      mode: 'on-failure',
      runKey: 'k1',
      secrets: [SECRET],
      uploader,
      env: ENV
    })
    expect(calls).toHaveLength(1)
    const call = calls[0]
    expect(call?.name).toBe('aurora-to-tidb-logs-k1')
    expect(call?.files.map((f) => path.basename(f))).toEqual([
      '01-node.log',
      '02-tidb-lightning.log'
    ])
    const text = call?.files.map((f) => readFileSync(f, 'utf8')).join('')
    expect(text).toContain('connecting with ***')
    expect(text).toContain('[password=***]')
    expect(text).toContain('[ERROR] ["restore failed"]')
    expect(text).not.toContain(SECRET)
    expect(r.logs?.artifact?.url).toBe(
      'https://github.com/acme/migrations/actions/runs/42/artifacts/7'
    )
    expect(renderSummary(r)).toContain(
      '<li><a href="https://github.com/acme/migrations/actions/runs/42/artifacts/7">Tool logs (2 files, passwords redacted): artifact aurora-to-tidb-logs-k1</a></li>'
    )
  })

  test('a successful run keeps them on the runner unless upload-logs is always; never never uploads', async () => {
    expect(shouldUploadLogs('on-failure', 'succeeded')).toBe(false)
    expect(shouldUploadLogs('on-failure', 'cancelled')).toBe(true)
    expect(shouldUploadLogs('always', 'succeeded')).toBe(true)
    expect(shouldUploadLogs('never', 'failed')).toBe(false)
    const r = await runWithLogs('succeeded')
    const uploader = jest.fn<LogUploader>()
    await publishToolLogs(r, {
      mode: 'on-failure',
      runKey: 'k',
      secrets: [SECRET],
      uploader,
      env: ENV
    })
    expect(uploader).not.toHaveBeenCalled()
    expect(r.logs).toMatchObject({ files: 2, note: 'not uploaded (upload-logs: on-failure)' })
    expect(renderSummary(r)).toContain('Tool logs (2 files, passwords redacted), not uploaded')
  })

  test('outside a GitHub Actions job, or when the upload fails, the logs stay and the summary says where', async () => {
    const r = await runWithLogs('failed')
    await publishToolLogs(r, { mode: 'always', runKey: 'k', secrets: [SECRET], env: {} })
    expect(r.logs?.note).toBe('not uploaded: not running in a GitHub Actions job')
    expect(r.logs?.dir).toBe(path.join(dir, 'logs'))
    const failing: LogUploader = () => Promise.reject(new Error('artifact service unavailable'))
    await publishToolLogs(r, {
      mode: 'always',
      runKey: 'k',
      secrets: [],
      uploader: failing,
      env: ENV
    })
    expect(r.logs?.note).toBe('upload failed: artifact service unavailable')
  })
})
