// The metrics that run the bundled action's full `migrate` on the sandbox: overlap and "vs one step at a time" (tool
// and export durations fixed by SANDBOX_TIMINGS, compared with the critical path and the sequential sum of the phase
// graph), and data volume (a sandbox scale with ≥ 1 M source rows: end-to-end time, and the Lightning stand-in's rows/s
// against `mariadb-dump | mariadb` of the same databases, so the stand-in is known not to be the bottleneck).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import type { TimingName } from '../sandbox/lib/faults.js'
import { repoRoot } from '../sandbox/lib/paths.js'
import { rowsAt, sampleTables, SAMPLE_DATABASES } from '../sandbox/servers/sample-data.js'
import type { Inputs } from '../src/inputs/types.js'
import { migratePhases } from '../src/phases/index.js'
import { newMigrationState } from '../src/phases/migration-state.js'
import type { Report } from '../src/report/types.js'
import { criticalPath, sequentialSum, type GraphNode, type Metric } from './report.js'
import { parseOutputFile as parseOutputs } from '../sandbox/lib/output-file.js'

/** Which sandbox timing fixes the duration of which phase. */
const PHASE_TIMING: Readonly<Record<string, TimingName>> = {
  'schema-export': 'dumpling',
  'schema-import': 'lightning',
  snapshot: 'snapshot',
  export: 'export',
  'data-import': 'lightning'
}

/** The migrate graph of the action (without DM: the bench measures the migration up to verify). */
export function migrateGraph(): GraphNode[] {
  const inputs = { dm: { masterAddr: undefined } } as unknown as Inputs
  return migratePhases(inputs, newMigrationState('bench')).map((p) => ({
    id: p.id,
    dependsOn: p.dependsOn ?? []
  }))
}

/** Phase id → seconds, from the sandbox timings. */
export function phaseSeconds(
  timings: Readonly<Partial<Record<TimingName, number>>>
): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [phase, timing] of Object.entries(PHASE_TIMING)) out[phase] = timings[timing] ?? 0
  return out
}

interface MigrateRun {
  readonly wallMs: number
  readonly report: Report
  readonly outputs: Record<string, string>
}

/** Runs `node dist/index.js` (operation migrate, no DM) on the sandbox, as the runner would. */
async function runMigrate(sb: Sandbox): Promise<MigrateRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...sb.env, INPUT_OPERATION: 'migrate' }
  delete env['INPUT_DM-MASTER-ADDR']
  const outputFile = env['GITHUB_OUTPUT'] ?? ''
  const before = readFileSync(outputFile, 'utf8').length
  const t0 = performance.now()
  const child = spawn(process.execPath, [path.join(repoRoot(), 'dist', 'index.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  const keep = (d: Buffer): void => void (log = (log + d.toString()).slice(-20_000))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const wallMs = performance.now() - t0
  const outputs = parseOutputs(readFileSync(outputFile, 'utf8').slice(before))
  if (code !== 0)
    throw new Error(`migrate failed (exit ${code}); its log ends:\n${log.slice(-3000)}`)
  const resultFile = outputs['result-file']
  if (!resultFile) throw new Error('migrate set no result-file output')
  return { wallMs, outputs, report: JSON.parse(readFileSync(resultFile, 'utf8')) as Report }
}

const phaseTimes = (r: Report): string =>
  r.phases.map((p) => `${p.id} ${((p.durationMs ?? 0) / 1000).toFixed(1)}`).join(', ')

/**
 * Overlap and vs one step at a time: one full migrate with the tools' and the export's durations fixed by the sandbox.
 * Both ratios divide the wall time by sums of the phases' own durations as this run measured them (result.json): the
 * longest dependency chain (what a perfect scheduler of these phases could reach) and the sum of all of them (PingCAP's
 * documented procedure runs its steps one after another). So the ratios measure the orchestration, not the machine's
 * speed.
 */
export async function overlap(
  timings: Readonly<Partial<Record<TimingName, number>>>
): Promise<Metric[]> {
  const graph = migrateGraph()
  const planned = criticalPath(graph, phaseSeconds(timings))
  const sb = await startSandbox({ timings })
  try {
    const run = await runMigrate(sb)
    const wall = run.wallMs / 1000
    const measured = Object.fromEntries(
      run.report.phases.map((p) => [p.id, (p.durationMs ?? 0) / 1000])
    )
    const cp = criticalPath(graph, measured)
    const seq = sequentialSum(graph, measured)
    const fixed = Object.entries(timings)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')
    return [
      {
        name: 'overlap',
        value: wall / cp.seconds,
        unit: '×',
        goal: { kind: 'max', bound: 1.05 },
        detail: `wall ${wall.toFixed(1)} s ÷ critical path ${cp.seconds.toFixed(1)} s of the measured phases (${cp.path.join(' → ')}; planned ${planned.seconds} s from SANDBOX_TIMINGS ${fixed}); phases: ${phaseTimes(run.report)}`
      },
      {
        name: 'vs one step at a time',
        value: wall / seq,
        unit: '×',
        goal: { kind: 'max', bound: 0.7 },
        detail: `wall ${wall.toFixed(1)} s ÷ ${seq.toFixed(1)} s, the sum of the same measured phases run one after another as PingCAP's documented procedure lists them`
      }
    ]
  } finally {
    await sb.stop()
  }
}

/** `mariadb-dump | mariadb` of the sample databases from the source into the (empty) target; ms. */
async function dumpPipe(sb: Sandbox): Promise<number> {
  const conn = (port: number, password: string): string[] => [
    '-h127.0.0.1',
    `-P${port}`,
    '-uroot',
    `-p${password}`
  ]
  const t0 = performance.now()
  const dump = spawn(
    'mariadb-dump',
    [
      ...conn(sb.source.port, sb.source.rootPassword),
      '--single-transaction',
      '--databases',
      ...SAMPLE_DATABASES
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const load = spawn('mariadb', conn(sb.target.port, sb.target.rootPassword), {
    stdio: ['pipe', 'inherit', 'inherit']
  })
  dump.stdout.pipe(load.stdin)
  const codes = await Promise.all(
    [dump, load].map((c) => new Promise<number | null>((resolve) => c.on('close', resolve)))
  )
  if (codes.some((c) => c !== 0))
    throw new Error(`mariadb-dump | mariadb exited ${codes.join(', ')}`)
  const ms = performance.now() - t0
  for (const db of SAMPLE_DATABASES) await sb.target.query(`DROP DATABASE \`${db}\``)
  return ms
}

/** Rows of the sample databases at a scale. */
export function sampleRows(scale: number): number {
  const dbs = new Set<string>(SAMPLE_DATABASES)
  return sampleTables()
    .filter((t) => dbs.has(t.db))
    .reduce((n, t) => n + rowsAt(t, scale), 0)
}

/** The least whole scale at which the sample databases hold at least `rows` rows. */
export function scaleFor(rows: number): number {
  let scale = Math.max(1, Math.floor(rows / sampleRows(1)))
  while (sampleRows(scale) < rows) scale++
  return scale
}

/**
 * Data volume: the dump pipe first (then its databases are dropped), then the migration of the same data.
 * @param minRows the source holds at least this many rows
 */
export async function dataVolume(minRows: number): Promise<Metric[]> {
  const scale = scaleFor(minRows)
  const sourceRows = sampleRows(scale)
  const t0 = performance.now()
  const sb = await startSandbox({ scale })
  const upSeconds = (performance.now() - t0) / 1000
  try {
    const pipeMs = await dumpPipe(sb)
    const run = await runMigrate(sb)
    const imported = Number(run.outputs['rows-imported'] ?? 0)
    const importMs = run.report.phases.find((p) => p.id === 'data-import')?.durationMs ?? 0
    const standIn = imported / (importMs / 1000)
    const pipe = sourceRows / (pipeMs / 1000)
    return [
      {
        name: 'data volume: migrate',
        value: run.wallMs / 1000,
        unit: 's',
        goal: { kind: 'report' },
        detail: `end-to-end migrate of ${sourceRows} source rows (SANDBOX_SCALE=${scale}, loaded in ${upSeconds.toFixed(0)} s); phases: ${phaseTimes(run.report)}`
      },
      {
        name: 'data volume: stand-in speed',
        value: standIn / pipe,
        unit: '×',
        goal: { kind: 'min', bound: 0.5 },
        detail: `Lightning stand-in ${standIn.toFixed(0)} rows/s (${imported} rows in the data-import phase) ÷ mariadb-dump | mariadb ${pipe.toFixed(0)} rows/s`
      }
    ]
  } finally {
    await sb.stop()
  }
}
