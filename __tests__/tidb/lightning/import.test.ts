// runLightningImport and its checkpoint policy against a scripted Lightning (fixtures/fake-lightning.mjs) run through
// the real runComponent/runTool: files, environment, streaming, verdicts and reruns. The sandbox's stand-in runs
// the same code in __tests__/e2e.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  lightningFailure,
  lightningWorkPaths,
  runLightningImport,
  type LightningImportOptions
} from '../../../src/tidb/lightning/import.js'
import { isWorthEchoing } from '../../../src/tidb/lightning/echo.js'
import type { TableName } from '../../../src/table-filter/table-name.js'
import type { TiupSetup } from '../../../src/tidb/tiup/tiup.js'
import { CancelledError, PhaseError } from '../../../src/util/errors.js'
import { tempDir, withEnv } from '../../helpers/env.js'
import { fixturePath } from '../../helpers/paths.js'

const tmp = tempDir('lightning-import-')
const runnerTemp = path.join(tmp.dir, 'runner-temp')
const recordFile = path.join(tmp.dir, 'runs.jsonl')
let restoreEnv: () => void

beforeAll(() => {
  mkdirSync(runnerTemp)
  const tiup = path.join(tmp.dir, 'tiup')
  writeFileSync(
    tiup,
    `#!/bin/sh\nexec "${process.execPath}" "${fixturePath('fake-lightning.mjs')}" "$@"\n`
  )
  chmodSync(tiup, 0o755)
  restoreEnv = withEnv({ RUNNER_TEMP: runnerTemp, FAKE_LIGHTNING_RECORD: recordFile })
})
afterAll(() => {
  restoreEnv()
  tmp.remove()
})

const tiup: TiupSetup = {
  tiupPath: path.join(tmp.dir, 'tiup'),
  version: '1.16.1',
  source: 'path',
  tiupHome: path.join(tmp.dir, 'tiup-home'),
  mirror: '',
  components: {}
}

interface Captured {
  readonly lines: string[]
  readonly warnings: string[]
  readonly progress: string[]
}

let runKeys = 0
/** Options for one import with a fresh run key; what it logs is captured. */
function options(
  scenario: string,
  over: Partial<LightningImportOptions> = {}
): [LightningImportOptions, Captured] {
  const c: Captured = { lines: [], warnings: [], progress: [] }
  process.env['FAKE_LIGHTNING'] = scenario
  const opts: LightningImportOptions = {
    name: 'data-import',
    runKey: `run-${++runKeys}`,
    tiup,
    version: 'v8.5.2',
    config: {
      tidb: {
        host: '127.0.0.1',
        port: 4000,
        user: 'root',
        password: 'p@ss"word',
        statusPort: 10080,
        pdAddr: '127.0.0.1:2379'
      },
      backend: 'local',
      dataSourceDir: 's3://bucket/export/task?endpoint=http%3A%2F%2F127.0.0.1%3A9000'
    },
    useCheckpoint: true,
    nonEmptyTables: () => Promise.resolve([]),
    timeoutMs: 60_000,
    signal: new AbortController().signal,
    log: { info: (l) => c.lines.push(l), debug: () => undefined },
    warn: (w) => c.warnings.push(w),
    progress: (p) => c.progress.push(p),
    ...over
  }
  return [opts, c]
}

const runs = (): { argv: string[]; tz: string; mode: string; checkpoint: string | null }[] =>
  existsSync(recordFile)
    ? readFileSync(recordFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { argv: string[]; tz: string; mode: string; checkpoint: null })
    : []

describe('a Lightning run', () => {
  test('success: TOML 0600 removed after the run, TZ=UTC, no password on the command line, progress and milestones', async () => {
    const before = runs().length
    const [opts, c] = options('success')
    const run = await runLightningImport(opts)
    expect(run.verdict).toEqual({
      outcome: 'succeeded',
      message: 'tidb lightning exit successfully',
      advice: []
    })
    expect(lightningFailure('data-import', run, opts.signal, opts.timeoutMs)).toBeUndefined()
    const [rec] = runs().slice(before)
    expect(rec?.argv.slice(0, 2)).toEqual(['tidb-lightning:v8.5.2', '-config'])
    expect(rec?.argv.join(' ')).not.toContain('p@ss')
    expect([rec?.tz, rec?.mode]).toEqual(['UTC', '600'])
    // The TOML (with the password) is gone; no file under RUNNER_TEMP holds the password.
    expect(existsSync(rec?.argv[2] ?? '')).toBe(false)
    const leftovers = readdirSync(runnerTemp, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    expect(leftovers.join('\n')).not.toContain('p@ss')
    expect(c.progress).toContain(
      '50.0% · tables 1/2 · 1.00/2.00 GiB · 500/1000 rows · writing · ~1m30s left'
    )
    // From the log file only milestones; Lightning's stdout in full.
    expect(c.lines.some((l) => l.includes('["the whole procedure completed"]'))).toBe(true)
    expect(c.lines.some((l) => l.includes('Welcome to TiDB-Lightning'))).toBe(false)
    expect(c.lines).toContain('tidb lightning exit successfully')
    expect(run.resumed).toBe(false)
    expect(existsSync(run.paths.checkpoint)).toBe(false)
  })

  test('exit 0 with "exit successfully" but no "the whole procedure completed" in the log is a failure', async () => {
    const [opts] = options('success-no-log')
    const run = await runLightningImport(opts)
    expect(run.result.exitCode).toBe(0)
    expect(run.verdict.outcome).toBe('failed')
    expect(run.verdict.message).toMatch(/does not say "the whole procedure completed"$/)
  })

  test('exit 0 after a cancel nobody in the action asked for is a failure with the tool line', async () => {
    const [opts] = options('cancel')
    const run = await runLightningImport(opts)
    expect([run.result.exitCode, run.verdict.outcome]).toEqual([0, 'cancelled'])
    const e = lightningFailure('data-import', run, opts.signal, opts.timeoutMs)
    expect(e).toBeInstanceOf(PhaseError)
    expect((e as PhaseError).toolLine).toBe('tidb lightning canceled')
    expect(e?.message).toMatch(
      /^TiDB Lightning stopped before finishing: "tidb lightning canceled" \(it exits 0/
    )
    expect(e?.message).toContain(`a rerun of this run on this runner resumes from it`)
  })

  test('the deadline stops Lightning and fails with what it reached; a cancel of the action is a cancel', async () => {
    const [opts] = options('hang', { timeoutMs: 1500 })
    const run = await runLightningImport(opts)
    expect(run.result.timedOut).toBe(true)
    const e = lightningFailure('data-import', run, opts.signal, opts.timeoutMs)
    expect(e?.message).toMatch(
      /^TiDB Lightning did not finish within import-timeout-minutes \(1\.5 s\) and was stopped\. It had reached 50\.0%/
    )

    const controller = new AbortController()
    const [cancelled] = options('hang', { signal: controller.signal })
    setTimeout(() => controller.abort(), 500)
    const stopped = await runLightningImport(cancelled)
    expect(lightningFailure('data-import', stopped, controller.signal, 60_000)).toBeInstanceOf(
      CancelledError
    )
  })

  test('a failure shows the first error line', async () => {
    const [opts] = options('error')
    const run = await runLightningImport(opts)
    const e = lightningFailure('data-import', run, opts.signal, opts.timeoutMs) as PhaseError
    expect(e.message).toMatch(
      /^TiDB Lightning failed: run failed: rpc error: code = Unavailable desc = connection error\. .*Suggested by the tool: \.\/tidb-lightning-ctl .* Its checkpoint is kept in /
    )
    expect(e.toolLine).toMatch(/\[ERROR\] \[import\.go:463\] \["run failed"\]/)
    expect(e.tail?.some((l) => l.startsWith('tidb lightning encountered error:'))).toBe(true)
  })

  test('the schema import keeps no checkpoint and asks nothing of the target', async () => {
    const before = runs().length
    let asked = false
    const [opts] = options('success', {
      name: 'schema-import',
      useCheckpoint: false,
      nonEmptyTables: () => {
        asked = true
        return Promise.resolve([])
      }
    })
    await runLightningImport(opts)
    expect(asked).toBe(false)
    expect(
      runs()
        .slice(before)
        .map((r) => r.checkpoint)
    ).toEqual([null])
  })
})

describe('checkpoint policy on reruns', () => {
  const shopOrders: TableName = { database: 'shop', table: 'orders' }

  test('no checkpoint and a table with rows: refuses before starting Lightning', async () => {
    const before = runs().length
    const [opts] = options('success', { nonEmptyTables: () => Promise.resolve([shopOrders]) })
    await expect(runLightningImport(opts)).rejects.toThrow(
      /^no checkpoint of run run-\d+ on this runner, but 1 target table\(s\) already hold rows: `shop`\.`orders`\. Importing now could load rows twice/
    )
    expect(runs().length).toBe(before)
  })

  test('after a cancel, the rerun resumes from the checkpoint without the emptiness check', async () => {
    const [first, c1] = options('cancel')
    await runLightningImport(first)
    expect(c1.lines.some((l) => l.startsWith('Checkpoint policy: no checkpoint of run'))).toBe(true)
    const before = runs().length
    let asked = false
    const [again, c2] = options('success', {
      runKey: first.runKey,
      nonEmptyTables: () => {
        asked = true
        return Promise.resolve([shopOrders])
      }
    })
    const run = await runLightningImport(again)
    expect([run.verdict.outcome, run.resumed, asked]).toEqual(['succeeded', true, false])
    expect(
      runs()
        .slice(before)
        .map((r) => r.checkpoint)
    ).toEqual(['running'])
    expect(
      c2.lines.some((l) => /^Checkpoint policy: .* is left from an earlier attempt/.test(l))
    ).toBe(true)
  })

  test('a resumed import that fails anew keeps its checkpoint and its own error (the tool’s advice is no refusal)', async () => {
    const [first] = options('cancel')
    await runLightningImport(first)
    const before = runs().length
    const [again, c] = options('error', { runKey: first.runKey })
    const run = await runLightningImport(again)
    expect([run.verdict.outcome, run.resumed, runs().length - before]).toEqual(['failed', true, 1])
    expect(run.verdict.message).toBe(
      'run failed: rpc error: code = Unavailable desc = connection error'
    )
    expect(run.verdict.advice).toContain(
      "Suggested by the tool: ./tidb-lightning-ctl --checkpoint-error-destroy='`shop`.`orders`' --config=..."
    )
    expect(c.warnings).toEqual([])
    expect(existsSync(run.paths.checkpoint)).toBe(true)
  })

  test('with the tidb backend a checkpoint is never resumed: destroyed, logged, and the import starts over into empty tables', async () => {
    const [first] = options('cancel')
    const tidb = { ...first.config, backend: 'tidb' as const }
    await runLightningImport({ ...first, config: tidb })
    const before = runs().length
    const [again, c] = options('success', { runKey: first.runKey })
    const run = await runLightningImport({ ...again, config: tidb })
    expect([run.verdict.outcome, run.resumed]).toEqual(['succeeded', false])
    expect(
      runs()
        .slice(before)
        .map((r) => r.checkpoint)
    ).toEqual([null])
    expect(c.warnings).toEqual([
      expect.stringMatching(
        /is left from an earlier attempt of run run-\d+, but the tidb backend cannot resume without possibly inserting rows twice\. Checkpoint policy: the checkpoint .* is destroyed/
      )
    ])
  })

  test('after a failure Lightning refuses to resume: the checkpoint is destroyed, logged, and the import starts over into empty tables', async () => {
    const [first] = options('error')
    await runLightningImport(first)
    const paths = lightningWorkPaths(first.runKey, 'data-import', runnerTemp)
    expect(readFileSync(paths.checkpoint, 'utf8')).toBe('failed')
    const before = runs().length
    const [again, c] = options('success', { runKey: first.runKey })
    const run = await runLightningImport(again)
    expect(run.verdict.outcome).toBe('succeeded')
    expect(run.resumed).toBe(false)
    // Two Lightning runs: the refused resume, then a fresh import without a checkpoint.
    expect(
      runs()
        .slice(before)
        .map((r) => r.checkpoint)
    ).toEqual(['failed', null])
    expect(c.warnings).toEqual([
      expect.stringMatching(
        /^Lightning cannot resume from the checkpoint of the earlier attempt \(.*TiDB Lightning has failed last time.*\)\. Checkpoint policy: the checkpoint .* is destroyed/
      )
    ])
  })

  test('after a failure with rows already in a table: the checkpoint is destroyed and the phase refuses to import twice', async () => {
    const [first] = options('error')
    await runLightningImport(first)
    const [again] = options('success', {
      runKey: first.runKey,
      nonEmptyTables: () => Promise.resolve([shopOrders])
    })
    await expect(runLightningImport(again)).rejects.toThrow(
      /^the checkpoint of the earlier attempt was destroyed, but 1 target table\(s\) already hold rows: `shop`\.`orders`\..*TRUNCATE TABLE/
    )
    expect(existsSync(lightningWorkPaths(first.runKey, 'data-import', runnerTemp).checkpoint)).toBe(
      false
    )
  })
})

test('work paths are per run key and import; each attempt logs to a new file', () => {
  const a = lightningWorkPaths('run-1', 'data-import', '/tmp/rt')
  expect(a.checkpoint).toBe('/tmp/rt/aurora-to-tidb-lightning/run-1/data-import.checkpoint.pb')
  expect(a.sortedKvDir).toBe('/tmp/rt/aurora-to-tidb-lightning/run-1/data-import.sorted-kv')
  const now = new Date('2025-01-02T03:04:05.678Z')
  expect(a.logFile(2, now)).toBe(
    '/tmp/rt/aurora-to-tidb-lightning/run-1/data-import-2025-01-02T030405678Z-2.log'
  )
  expect(lightningWorkPaths('run-2', 'data-import', '/tmp/rt').checkpoint).not.toBe(a.checkpoint)
})

test('only warnings, errors, progress and milestones of the log file are echoed', () => {
  const head = { levelAt: 0, messageAt: 0 }
  const at = '[2025/01/02 03:04:05.678 +00:00]'
  const echo = (l: string): boolean => isWorthEchoing(l, head)
  expect(
    echo(`${at} [INFO] [chunk_process.go:720] ["restore chunk completed"] [table=\`a\`.\`b\`]`)
  ).toBe(false)
  expect(echo(`${at} [INFO] [import.go:1284] [progress] [total=1.0%]`)).toBe(true)
  expect(echo(`${at} [INFO] [import.go:476] ["the whole procedure completed"] [takeTime=2s]`)).toBe(
    true
  )
  expect(echo(`${at} [WARN] [x.go:1] ["anything"]`)).toBe(true)
  expect(echo(`${at} [ERROR] [x.go:1] ["anything"]`)).toBe(true)
  expect(echo('')).toBe(false)
})
