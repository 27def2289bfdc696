// The metrics that need no full migration: cold start (the bundle to its first log line), polling (the export
// phase's DescribeExportTasks calls for a 60-minute export, on a fake clock), warm tiup (setup against the sandbox
// mirror with the tool cache filled) and many tables (the per-table work of a 10 000-table migration).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { FakeRds } from '../__tests__/helpers/fake-rds.js'
import { ManualClock } from '../__tests__/helpers/manual-clock.js'
import { inputsWith, runPhase } from '../__tests__/helpers/run-phase.js'
import { startSandbox } from '../sandbox/index.js'
import { repoRoot } from '../sandbox/lib/paths.js'
import { exportPhase } from '../src/phases/export.js'
import { newMigrationState } from '../src/phases/migration-state.js'
import { dmSelectionFor, safeModeFor, taskConfigFor } from '../src/phases/replicate-config.js'
import { newReport } from '../src/report/types.js'
import { renderSummary } from '../src/report/summary.js'
import { exportOnlyFor } from '../src/aws/export-naming.js'
import type { TableName } from '../src/table-filter/table-name.js'
import { auroraFileRules } from '../src/tidb/lightning/aurora-rules.js'
import { renderTaskConfig } from '../src/tidb/dm/config.js'
import { setupTiup } from '../src/tidb/tiup/tiup.js'
import { errorMessage } from '../src/util/errors.js'
import { parseFilter } from '../src/table-filter/parse.js'
import { matchesTable } from '../src/table-filter/match.js'
import { median, type Metric } from './report.js'

/** Milliseconds from spawning `node <args>` to its first byte on stdout (or its exit, if it prints nothing). */
function firstOutputMs(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] })
    let at: number | undefined
    child.stdout.once('data', () => {
      at = performance.now() - t0
      child.kill('SIGKILL') // only the start-up is measured
    })
    child.on('error', reject)
    child.on('close', () => resolve(at ?? performance.now() - t0))
  })
}

/** `node dist/index.js` to its first log line ÷ `node -e 0`, medians of `runs` alternating runs. */
export async function coldStart(runs: number): Promise<Metric[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-cold-'))
  try {
    const files = ['output', 'state', 'summary', 'env'].map((f) => path.join(dir, f))
    for (const f of files) writeFileSync(f, '')
    // A runner's environment, no inputs: the action's first line is its own (the input error), not a crash.
    const env = {
      PATH: process.env['PATH'],
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: files[0],
      GITHUB_STATE: files[1],
      GITHUB_STEP_SUMMARY: files[2],
      GITHUB_ENV: files[3]
    }
    const bundle = path.join(repoRoot(), 'dist', 'index.js')
    const action: number[] = []
    const bare: number[] = []
    for (let i = 0; i < runs; i++) {
      action.push(await firstOutputMs([bundle], env))
      bare.push(await firstOutputMs(['-e', '0'], env))
    }
    const a = median(action)
    const b = median(bare)
    return [
      {
        name: 'cold start',
        value: a / b,
        unit: '×',
        goal: { kind: 'max', bound: 2 },
        detail: `first log line ${a.toFixed(0)} ms ÷ node -e 0 ${b.toFixed(0)} ms (medians of ${runs})`
      }
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The real export phase against an in-memory RDS on a manual clock, for an export of `minutes`. */
export async function polling(minutes: number): Promise<Metric[]> {
  const clock = new ManualClock()
  const rds = new FakeRds(clock)
  rds.nextTask = { durationMs: minutes * 60_000, startingShare: 0.25, totalGB: 120 }
  const state = newMigrationState('bench')
  state.snapshot = {
    identifier: 'aurora-to-tidb-bench',
    arn: rds.snapshotArn('aurora-to-tidb-bench'),
    createdAt: clock.now(),
    reused: false
  }
  state.tables = [{ database: 'shop', table: 'orders' }]
  const noS3 = { send: () => Promise.reject(new Error('no S3 in the polling benchmark')) }
  const start = clock.now()
  const { result } = await runPhase(
    exportPhase(state, { clients: { rds, s3: noS3 }, clock, random: () => 0.5 }),
    { inputs: inputsWith({}, minutes * 8), clock }
  )
  if (result.error) throw new Error(`the export phase failed: ${errorMessage(result.error)}`)
  const late = (clock.now() - start - minutes * 60_000) / 1000
  return [
    {
      name: 'polling',
      value: rds.count('DescribeExportTasks'),
      unit: 'calls',
      goal: { kind: 'max', bound: 90 },
      detail: `DescribeExportTasks for a ${minutes}-minute export (fake clock); seen complete ${late.toFixed(1)} s after it ended`
    }
  ]
}

/** tiup setup twice against the sandbox mirror: the second, with a warm tool cache, is measured. */
export async function warmTiup(): Promise<Metric[]> {
  const sb = await startSandbox()
  const saved = { ...process.env }
  try {
    Object.assign(process.env, sb.env)
    // setupTiup exports TIUP_HOME for later steps through the runner's GITHUB_ENV file.
    const envFile = path.join(sb.dir, 'bench-github-env')
    writeFileSync(envFile, '')
    process.env['GITHUB_ENV'] = envFile
    const setup = (): ReturnType<typeof setupTiup> =>
      setupTiup({
        version: 'auto',
        mirror: sb.env['INPUT_TIUP-MIRROR'] ?? '',
        components: ['dumpling', 'tidb-lightning', 'dmctl'],
        componentVersion: 'v8.5.2',
        log: () => undefined
      })
    await setup()
    const before = sb.requests('mirror').length
    const t0 = performance.now()
    await setup()
    const seconds = (performance.now() - t0) / 1000
    const downloads = sb.requests('mirror').length - before
    return [
      {
        name: 'warm tiup',
        value: seconds,
        unit: 's',
        goal: { kind: 'max', bound: 1 },
        detail: 'tiup setup of dumpling, tidb-lightning, dmctl with a warm tool cache'
      },
      {
        name: 'warm tiup downloads',
        value: downloads,
        unit: '',
        goal: { kind: 'max', bound: 0 },
        detail: 'requests to the sandbox mirror during that setup'
      }
    ]
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
    Object.assign(process.env, saved)
    await sb.stop()
  }
}

/** Filter, ExportOnly, Lightning file rules, DM block-allow-list and summary for `count` selected tables. */
export function manyTables(count: number): Metric[] {
  const dbs = Math.ceil(count / 100)
  const all: TableName[] = []
  for (let d = 0; d < dbs; d++) {
    for (let t = 0; t < 110; t++) all.push({ database: `app_${d}`, table: `Order_Items_${t}` })
  }
  // Every database, minus ten tables of each: the filter does real work and ExportOnly lists tables.
  const filter = ['app_*.*', '!app_*.Order_Items_10?']
  const t0 = performance.now()
  const parsed = parseFilter(filter)
  const selected = all.filter((t) => matchesTable(parsed, t.database, t.table)).slice(0, count)
  const plan = exportOnlyFor(selected, all)
  const rules = auroraFileRules(selected)
  const selection = dmSelectionFor(parsed, selected)
  const inputs = inputsWith()
  const dmYaml = renderTaskConfig(
    taskConfigFor(
      inputs,
      'bench',
      { file: 'mysql-bin.000042', position: 4, gtid: undefined, capturedAt: 0 },
      selection,
      safeModeFor(inputs.dm, true)
    )
  )
  const report = newReport('migrate')
  report.tables = selected.map((t, i) => ({
    database: t.database,
    table: t.table,
    rowsExported: i * 1000,
    rowsImported: i * 1000,
    status: 'verified'
  }))
  const summary = renderSummary(report)
  const seconds = (performance.now() - t0) / 1000
  const bytes = Buffer.byteLength(summary)
  const sizes = `ExportOnly ${plan.exportOnly?.length ?? 'whole cluster'} entries, ${rules.rules.length} file rules, DM YAML ${(dmYaml.length / 1024).toFixed(0)} KiB`
  return [
    {
      name: 'many tables: time',
      value: seconds,
      unit: 's',
      goal: { kind: 'max', bound: 2 },
      detail: `${selected.length} tables through filter, ExportOnly, Lightning rules, DM block-allow-list, summary (${sizes})`
    },
    {
      name: 'many tables: summary',
      value: bytes / 1024 / 1024,
      unit: 'MiB',
      goal: { kind: 'max', bound: 1 },
      detail: `job summary of ${selected.length} tables (${bytes} bytes)`
    }
  ]
}
