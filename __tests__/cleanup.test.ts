import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import path from 'node:path'
import { cleanup } from '../src/cleanup.js'
import { processStartTime } from '../src/util/children.js'
import { PRIVATE_DIR_PREFIX } from '../src/util/temp-files.js'
import { tempDir, withEnv } from './helpers/env.js'
import { fixturePath } from './helpers/paths.js'
import { captureStdout, type StdoutCapture } from './helpers/stdout.js'

// One summary file for the whole file: core.summary remembers the first summary file it opened.
const runner = tempDir('post-test-')
const summaryFile = path.join(runner.dir, 'summary.md')
let stdout: string[]
let capture: StdoutCapture
const started: ChildProcess[] = []

beforeEach(() => {
  writeFileSync(summaryFile, '')
  capture = captureStdout()
  stdout = capture.lines
})

afterEach(() => {
  capture.restore()
  for (const c of started.splice(0))
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
})

afterAll(() => runner.remove())

/** Starts the fixture tool as a process-group leader, as runTool does, and waits until it is ready. */
async function startChild(mode: 'sleep' | 'ignore-term'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fixturePath('tool.mjs'), mode, '60000'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore']
  })
  started.push(child)
  await once(child.stdout, 'data')
  return child
}

function state(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [`STATE_${k}`, JSON.stringify(v)])
  )
}

function secretFile(name: string): string {
  const dir = path.join(runner.dir, `${PRIVATE_DIR_PREFIX}${name}`)
  const file = path.join(dir, 'lightning.toml')
  mkdirSync(dir, { recursive: true })
  writeFileSync(file, 'password = "x"')
  return file
}

describe('cleanup (post step)', () => {
  test('removes the recorded secret files and ends recorded children, SIGKILL for one that ignores SIGTERM', async () => {
    const file = secretFile('a')
    const polite = await startChild('sleep')
    const stubborn = await startChild('ignore-term')
    const records = [polite, stubborn].map((c) => ({
      pid: c.pid,
      command: `tool ${c.pid}`,
      startTime: processStartTime(c.pid ?? 0)
    }))
    const politeExit = once(polite, 'exit')
    const stubbornExit = once(stubborn, 'exit')
    const restore = withEnv({
      GITHUB_STEP_SUMMARY: summaryFile,
      ...state({ 'temp-files': [file], 'child-processes': records, 'summary-written': true })
    })
    try {
      await cleanup({ graceMs: 300 })
    } finally {
      restore()
    }
    expect(existsSync(file)).toBe(false)
    expect(await politeExit).toEqual([null, 'SIGTERM'])
    expect(await stubbornExit).toEqual([null, 'SIGKILL'])
    const log = stdout.join('')
    expect(log).toContain('Removed 1 temporary file(s) holding credentials.')
    expect(log).toContain(
      `::warning::The main step left 'tool ${polite.pid}' (pid ${polite.pid}) running`
    )
    expect(log).toContain(
      `::warning::'tool ${stubborn.pid}' (pid ${stubborn.pid}) ignored SIGTERM; killing it.`
    )
    // main wrote its summary: no fallback
    expect(readFileSync(summaryFile, 'utf8')).toBe('')
  })

  test('never signals a process whose pid was reused (start time differs)', async () => {
    const other = await startChild('sleep')
    const restore = withEnv({
      GITHUB_STEP_SUMMARY: summaryFile,
      ...state({
        'child-processes': [{ pid: other.pid, command: 'old tool', startTime: '1' }],
        'summary-written': true
      })
    })
    try {
      await cleanup({ graceMs: 100 })
    } finally {
      restore()
    }
    expect(other.exitCode).toBeNull()
    expect(other.signalCode).toBeNull()
    expect(stdout.join('')).not.toContain('old tool')
  })

  test('writes a fallback summary naming the phases that were running when main never wrote one', async () => {
    const restore = withEnv({
      GITHUB_STEP_SUMMARY: summaryFile,
      ...state({
        'summary-written': false,
        operation: 'migrate',
        'running-phases': [
          { id: 'export', title: 'Snapshot export', startedAt: '2025-03-01T10:00:00.000Z' }
        ]
      })
    })
    try {
      await cleanup()
    } finally {
      restore()
    }
    const summary = readFileSync(summaryFile, 'utf8')
    expect(summary).toContain('<h2>🚫 Migrate cancelled during Snapshot export</h2>')
    expect(summary).toContain(
      'The main step was cancelled or killed during phase Snapshot export before it could write its report.'
    )
    expect(summary).toContain(
      '<td>Snapshot export<br><sub>running since 2025-03-01T10:00:00.000Z</sub></td>'
    )
    expect(stdout.join('')).toContain(
      '::warning::The main step was cancelled or killed during phase'
    )
  })

  test('with no state at all on a runner (main died at once) it still explains, and does not fail', async () => {
    const restore = withEnv({ GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: 'true' })
    try {
      await cleanup()
    } finally {
      restore()
    }
    expect(readFileSync(summaryFile, 'utf8')).toContain('<h2>🚫 aurora-to-tidb cancelled</h2>')
    expect(process.exitCode).toBeUndefined()
  })

  test('with no state on a local run it writes no fallback', async () => {
    const restore = withEnv({ GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: undefined })
    try {
      await cleanup()
    } finally {
      restore()
    }
    expect(readFileSync(summaryFile, 'utf8')).toBe('')
    expect(stdout.join('')).toContain(
      'No state from the main step (a local run?): no fallback summary.'
    )
  })

  test('AURORA_TO_TIDB_SKIP_CLEANUP=true keeps files and processes', async () => {
    const file = secretFile('b')
    const child = await startChild('sleep')
    const restore = withEnv({
      AURORA_TO_TIDB_SKIP_CLEANUP: 'true',
      GITHUB_STEP_SUMMARY: summaryFile,
      ...state({
        'temp-files': [file],
        'child-processes': [
          { pid: child.pid, command: 'tool', startTime: processStartTime(child.pid ?? 0) }
        ],
        'summary-written': true
      })
    })
    try {
      await cleanup({ graceMs: 100 })
    } finally {
      restore()
    }
    expect(existsSync(file)).toBe(true)
    expect(child.exitCode).toBeNull()
    expect(stdout.join('')).toContain('AURORA_TO_TIDB_SKIP_CLEANUP=true: leaving temporary files')
  })

  test('malformed state and unwritable places give warnings, never a failure', async () => {
    const restore = withEnv({
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: undefined,
      'STATE_temp-files': '{not json',
      'STATE_child-processes': '"nope"',
      'STATE_summary-written': 'maybe'
    })
    try {
      await expect(cleanup()).resolves.toBeUndefined()
    } finally {
      restore()
    }
    expect(process.exitCode).toBeUndefined()
    expect(stdout.join('')).toContain('GITHUB_STEP_SUMMARY is not set')
  })
})
