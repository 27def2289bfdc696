import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Phase } from '../src/orchestrator/phase.js'
import { run } from '../src/run.js'
import { PhaseError } from '../src/util/errors.js'
import { runTool } from '../src/util/run-tool.js'
import { writeSecretFile } from '../src/util/temp-files.js'
import { stateFileToEnv, tempDir, withEnv } from './helpers/env.js'
import { fakeInputs } from './helpers/inputs.js'
import { captureStdout } from './helpers/stdout.js'

// One runner for the whole file: core.summary remembers the first summary file it opened.
const runner = tempDir('run-test-')
const files = {
  output: path.join(runner.dir, 'output'),
  summary: path.join(runner.dir, 'summary.md'),
  state: path.join(runner.dir, 'state')
}
let restoreEnv: () => void
let stdout: string[]
/** What GITHUB_OUTPUT held when the step's ::error:: line was printed. */
let outputsAtError: string | undefined
let stopCapture: () => void

beforeAll(() => {
  restoreEnv = withEnv({
    RUNNER_TEMP: runner.dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ACTION: 'migrate-step'
  })
})

afterAll(() => {
  restoreEnv()
  runner.remove()
})

beforeEach(() => {
  for (const f of Object.values(files)) writeFileSync(f, '')
  outputsAtError = undefined
  const capture = captureStdout((s) => {
    if (s.startsWith('::error::')) outputsAtError = readFileSync(files.output, 'utf8')
  })
  stdout = capture.lines
  stopCapture = capture.restore
})

afterEach(() => {
  stopCapture()
  process.exitCode = undefined
})

const read = (f: string): string => readFileSync(f, 'utf8')
const outputs = (): Record<string, string> =>
  Object.fromEntries(
    [...read(files.output).matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map(
      (m): [string, string] => [m[1] ?? '', m[3] ?? '']
    )
  )
const resultFile = path.join(runner.dir, 'aurora-to-tidb', 'migrate-step', 'result.json')

/** These tests fake the phases; the run state has tests of its own (run-state-run.test.ts). */
const noRunState = (): Promise<undefined> => Promise.resolve(undefined)

function phase(id: string, body: Phase['run'], dependsOn: string[] = []): Phase {
  return { id, title: `Title ${id}`, dependsOn, run: body }
}

describe('run', () => {
  test('bad inputs fail the step with the input error, and the report says so', async () => {
    await run({
      readInputs: () => {
        throw new Error("Input 'source-port' must be a port number (1-65535); got 'abc'")
      }
    })
    expect(process.exitCode).toBe(1)
    expect(stdout.join('')).toContain(
      "::error::Input 'source-port' must be a port number (1-65535); got 'abc'"
    )
    expect(read(files.summary)).toContain('<h2>❌ aurora-to-tidb failed</h2>')
  })

  test('a successful graph sets outputs, result.json and the summary, and does not fail the step', async () => {
    await run({
      readInputs: () => fakeInputs('migrate'),
      runStateStore: noRunState,
      phasesFor: () => [
        phase('binlog', (ctx) => {
          ctx.report.binlog = { file: 'mysql-bin.000003', position: 4567 }
          ctx.setOutput('import-result', 'succeeded')
          return Promise.resolve()
        }),
        phase('verify', () => Promise.resolve(), ['binlog'])
      ]
    })
    expect(process.exitCode).toBeUndefined()
    expect(outputs()).toEqual({
      'binlog-file': 'mysql-bin.000003',
      'binlog-position': '4567',
      'import-result': 'succeeded',
      'result-file': resultFile
    })
    const summary = read(files.summary)
    expect(summary).toContain('<h2>✅ Migrate succeeded')
    expect(summary).toContain('<td>Title verify</td><td>✅ succeeded</td>')
    const state = stateFileToEnv(read(files.state))
    expect(state['STATE_summary-written']).toBe('true')
    expect(state['STATE_operation']).toBe('"migrate"')
    expect(state['STATE_running-phases']).toBe('[]')
  })

  test('records first and fails last: the outputs of phases that ran are set before the step fails', async () => {
    await run({
      readInputs: () => fakeInputs('migrate'),
      runStateStore: noRunState,
      phasesFor: () => [
        phase('binlog', (ctx) => {
          ctx.setOutput('snapshot-id', 'snap-1')
          return Promise.resolve()
        }),
        phase(
          'import',
          () =>
            Promise.reject(
              new PhaseError('import', 'tidb-lightning exited with code 1', {
                toolLine: '[ERROR] restore failed',
                tail: ['[ERROR] restore failed']
              })
            ),
          ['binlog']
        )
      ]
    })
    expect(process.exitCode).toBe(1)
    expect(outputs()['snapshot-id']).toBe('snap-1')
    const summary = read(files.summary)
    expect(summary).toContain('<h2>❌ Migrate failed at Title import</h2>')
    expect(summary).toContain('<p><b>Error:</b> tidb-lightning exited with code 1</p>')
    expect(summary).toContain('<summary><b>Title import failed</b></summary>')
    expect(summary).toContain('<pre>[ERROR] restore failed</pre>')
    expect(stdout.join('')).toContain('::error::tidb-lightning exited with code 1')
    // the step failed only after the outputs were written
    expect(outputsAtError).toContain('snap-1')
    expect(outputsAtError).toContain('result-file')
  })

  test('a failed run uploads the tool logs through the uploader and result.json and the summary say where', async () => {
    const uploads: string[][] = []
    await run({
      readInputs: () => fakeInputs('migrate'),
      runStateStore: noRunState,
      uploadLogs: (_name, files) => {
        uploads.push(files.map((f) => path.basename(f)))
        return Promise.resolve({ id: 3 })
      },
      phasesFor: () => [
        phase('tool', async () => {
          await runTool({
            command: process.execPath,
            args: ['-e', 'console.log(1)'],
            log: () => undefined
          })
          throw new Error('the tool said no')
        })
      ]
    })
    expect(process.exitCode).toBe(1)
    expect(uploads).toEqual([['01-node.log']])
    const result = JSON.parse(read(resultFile)) as {
      logs?: { files: number; artifact?: { name: string } }
    }
    expect(result.logs).toMatchObject({
      files: 1,
      artifact: { name: expect.stringMatching(/^aurora-to-tidb-logs-/) }
    })
    expect(read(files.summary)).toContain('Tool logs (1 file, passwords redacted): artifact')
  })

  test('SIGINT cancels the running phases; the report says cancelled', async () => {
    await run({
      readInputs: () => fakeInputs('migrate'),
      runStateStore: noRunState,
      phasesFor: () => [
        phase(
          'export',
          (ctx) =>
            new Promise<void>((_, reject) => {
              ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error))
              setImmediate(() => process.emit('SIGINT', 'SIGINT'))
            })
        ),
        phase('import', () => Promise.resolve(), ['export'])
      ]
    })
    expect(process.exitCode).toBe(1)
    expect(stdout.join('')).toContain('Received SIGINT: cancelling the running phases')
    expect(stdout.join('')).toContain('::error::The run was cancelled during Title export')
    expect(read(files.summary)).toContain('<h2>🚫 Migrate cancelled')
    expect(JSON.parse(read(resultFile))).toMatchObject({
      status: 'cancelled',
      phases: [
        { id: 'export', status: 'cancelled' },
        { id: 'import', status: 'skipped' }
      ]
    })
  })

  test('removes the secret files phases wrote before it ends', async () => {
    let secret = ''
    await run({
      readInputs: () => fakeInputs('migrate'),
      runStateStore: noRunState,
      phasesFor: () => [
        phase('config', async () => {
          secret = await writeSecretFile('lightning.toml', 'password = "x"')
        })
      ]
    })
    expect(secret).not.toBe('')
    expect(existsSync(secret)).toBe(false)
  })
})
