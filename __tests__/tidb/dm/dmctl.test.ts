// createDmctl with a fake tiup that prints a recorded dmctl answer: success is read from the content (exit 0 with
// "result": false fails), DM's own error text is the tool line, configs are private, dmctl runs in the private
// directory, deadlines and cancellation hold.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createDmctl, requireAnswered, requireOk } from '../../../src/tidb/dm/dmctl.js'
import type { TiupSetup } from '../../../src/tidb/tiup/tiup.js'
import { CancelledError, PhaseError } from '../../../src/util/errors.js'
import { withEnv } from '../../helpers/env.js'
import { fixture } from './dmctl-samples.js'

let dir: string
let tiup: TiupSetup
let restore: () => void

// The fake prints $FAKE_OUT on stdout, exits $FAKE_EXIT (after $FAKE_SLEEP ms), records its argv and cwd, and
// creates dmctl.log in its cwd as dmctl does.
const FAKE = `#!/usr/bin/env node
const fs = require('node:fs')
fs.appendFileSync('dmctl.log', '')
fs.writeFileSync(process.env.FAKE_RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }))
setTimeout(() => {
  process.stdout.write(fs.readFileSync(process.env.FAKE_OUT, 'utf8'))
  if (process.env.FAKE_ERR) process.stderr.write(fs.readFileSync(process.env.FAKE_ERR, 'utf8'))
  process.exit(Number(process.env.FAKE_EXIT || 0))
}, Number(process.env.FAKE_SLEEP || 0))
`

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dmctl-unit-'))
  const tiupPath = path.join(dir, 'tiup.cjs')
  await writeFile(tiupPath, FAKE)
  await chmod(tiupPath, 0o755)
  tiup = { tiupPath, version: '1.16.1', source: 'path', tiupHome: dir, mirror: dir, components: {} }
  restore = withEnv({ RUNNER_TEMP: dir, FAKE_RECORD: path.join(dir, 'record.json') })
})

afterAll(async () => {
  restore()
  await rm(dir, { recursive: true, force: true })
})

async function answer(text: string, exit = 0, sleep = 0, stderr = ''): Promise<void> {
  const file = path.join(dir, 'out.txt')
  await writeFile(file, text)
  await writeFile(path.join(dir, 'err.txt'), stderr)
  process.env['FAKE_ERR'] = path.join(dir, 'err.txt')
  process.env['FAKE_OUT'] = file
  process.env['FAKE_EXIT'] = String(exit)
  process.env['FAKE_SLEEP'] = String(sleep)
}

// A fake dmctl is a Node process: under a loaded machine it can take seconds to start, so calls get a generous
// deadline; only the deadline test gives query-status a short one (the fake then sleeps far longer than that).
const GENEROUS_MS = 60_000

function make(
  lines: string[] = [],
  debug: string[] = [],
  signal?: AbortSignal,
  queryStatusMs = GENEROUS_MS
) {
  return createDmctl({
    tiup,
    version: 'v8.5.2',
    masterAddr: '10.0.0.1:8261,10.0.0.2:8261',
    secrets: ['s3cret-pw'],
    log: (l) => lines.push(l),
    debug: (l) => debug.push(l),
    phase: 'replicate',
    deadlines: { 'query-status': queryStatusMs },
    ...(signal === undefined ? {} : { signal })
  })
}

const recorded = (): { argv: string[]; cwd: string } =>
  JSON.parse(readFileSync(path.join(dir, 'record.json'), 'utf8')) as { argv: string[]; cwd: string }

test('runs the pinned dmctl with --master-addr in the private directory, never in the workspace', async () => {
  await answer(fixture('start-task-success-v8.txt'))
  const dm = make()
  const file = await dm.writeConfig('task', 'name: t\npassword: "s3cret-pw"\n')
  const call = await dm.startTask(file)
  expect(call.output.ok).toBe(true)
  const r = recorded()
  expect(r.argv).toEqual([
    'dmctl:v8.5.2',
    '--master-addr',
    '10.0.0.1:8261,10.0.0.2:8261',
    'start-task',
    file
  ])
  expect(path.dirname(file)).toBe(r.cwd)
  expect(path.basename(r.cwd)).toMatch(/^aurora-to-tidb-/)
  expect(path.dirname(r.cwd)).toBe(dir)
  expect(statSync(file).mode & 0o777).toBe(0o600)
  expect(existsSync(path.join(r.cwd, 'dmctl.log'))).toBe(true)
  expect(existsSync(path.join(process.cwd(), 'dmctl.log'))).toBe(false)
  await dm.startTask(file, { removeMeta: true })
  expect(recorded().argv.slice(3)).toEqual(['start-task', '--remove-meta', file])
  expect(await dm.removeFiles([file])).toEqual([])
  expect(existsSync(file)).toBe(false)
})

test('exit 0 with "result": false is a failure carrying DM’s own error text', async () => {
  await answer(fixture('operate-source-create-exists.txt'))
  const lines: string[] = []
  const call = await make(lines).createSource('/x/source.yaml')
  expect(call.output.exitCode).toBe(0)
  expect(call.output.ok).toBe(false)
  let error: unknown
  try {
    requireOk('replicate', call, 'Registering DM source aurora-01')
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(PhaseError)
  const e = error as PhaseError
  expect(e.message).toMatch(/^Registering DM source aurora-01 failed: \[code=46007:/)
  expect(e.toolLine).toMatch(
    /^\[code=46007:class=scheduler:scope=internal:level=medium\], Message: /
  )
  expect(e.tail?.join('\n')).toContain('"result": false')
  expect(lines.some((l) => l.includes('operate-source create'))).toBe(true)
})

test('read-only calls log to debug; query-status is read into a task status', async () => {
  await answer(fixture('query-status-running-lag-v8.txt'))
  const lines: string[] = []
  const debug: string[] = []
  const call = await make(lines, debug).queryStatus('aurora-task')
  expect(call.status).toMatchObject({ found: true, stage: 'Running', lagSeconds: 42 })
  expect(lines).toEqual([])
  expect(debug.join('\n')).toContain('"secondsBehindMaster": "42"')
})

test('without a debug sink the lines of read-only calls are dropped, but kept in the tail for errors', async () => {
  await answer(fixture('query-status-unknown-task.txt'))
  const lines: string[] = []
  const dm = createDmctl({
    tiup,
    version: 'v8.5.2',
    masterAddr: 'm:8261',
    log: (l) => lines.push(l),
    phase: 'dm-status'
  })
  const call = await dm.queryStatus('aurora-task')
  expect(lines).toEqual([])
  expect(call.tail.join('\n')).toContain('has no source or not exist')
  expect(requireAnswered('dm-status', call)).toMatchObject({ found: false, stage: 'NotFound' })
})

test('an unreachable master (exit 1, Error: on stderr) fails with that line', async () => {
  await answer('', 1, 0, fixture('unreachable-master.stderr.txt'))
  const call = await make().getSourceConfig('aurora-01')
  expect(call.output.ok).toBe(false)
  expect(call.output.error?.kind).toBe('exit-code')
  expect(call.output.error?.terror?.code).toBe(48001)
  expect(() => requireOk('dm-status', call, 'get-config')).toThrow(
    /^get-config failed: \[code=48001:class=dmctl:scope=internal:level=high\], Message: can not create grpc connection/
  )
})

test('a call past its deadline is a PhaseError naming the master and the deadline', async () => {
  await answer(fixture('query-status-running-lag-v8.txt'), 0, 5000)
  await expect(make([], [], undefined, 400).queryStatus('t')).rejects.toThrow(
    /^dmctl query-status got no answer from the DM-master at 10\.0\.0\.1:8261,10\.0\.0\.2:8261 within 400 ms$/
  )
})

test('cancellation ends the call with a CancelledError', async () => {
  await answer(fixture('query-status-running-lag-v8.txt'), 0, 5000)
  const ac = new AbortController()
  const pending = make([], [], ac.signal).operateTask('pause', 't')
  setTimeout(() => ac.abort(), 200)
  await expect(pending).rejects.toBeInstanceOf(CancelledError)
})

test('config files are written whole, with unique names', async () => {
  const dm = make()
  const a = await dm.writeConfig('source', 'source-id: a\n')
  const b = await dm.writeConfig('source', 'source-id: b\n')
  expect(a).not.toBe(b)
  expect(await readFile(b, 'utf8')).toBe('source-id: b\n')
  await dm.removeFiles([a, b])
})
