// One whole-action run on the sandbox as the runner does it, for the fault catalogue and the secrets test: reset the
// target and DM, switch the fault on, run the bundled main step with its own run key and a $GITHUB_STATE file, watch
// RUNNER_TEMP while it runs, switch the fault off, run the bundled post step with the state main saved, then gather
// what is left (files, processes, export tasks, the argv log of the tiup stand-in).
import { DescribeExportTasksCommand, RDSClient } from '@aws-sdk/client-rds'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { FaultName } from '../../sandbox/lib/faults.js'
import { stopAllTasks } from './dm-world.js'
import { stateFileToEnv } from './env.js'
import { runAction, type ActionRun, type Harness } from './sandbox-harness.js'

/** The databases of the sample filter, dropped from the target before each run. */
const SAMPLE_DATABASES = ['shop', 'analytics', 'crm']

/** The environment variable that marks every process of one run (children inherit it). */
export const RUN_MARKER = 'AURORA_TO_TIDB_TEST_RUN'

/** What to run. */
export interface CaseSpec {
  readonly runKey: string
  readonly fault?: FaultName
  readonly value?: string
  /** Inputs on top of the sandbox's. */
  readonly inputs?: Readonly<Record<string, string>>
  /** Restart the source with the fault on (before) and off (after): `binlog-off`. */
  readonly restartSource?: boolean
  /** Runs alongside the main step (e.g. to cancel it the way the runner does). */
  readonly during?: () => Promise<void>
  /** Values whose presence in a temp file makes it secret-bearing (checked for mode 0600). */
  readonly secrets: readonly string[]
}

/** A file seen under RUNNER_TEMP while the main step ran. */
export interface SeenFile {
  readonly mode: number
  /** Whether a secret was in it when it was read. */
  readonly secret: boolean
}

/** Everything a case run left to assert on. */
export interface CaseRun {
  readonly main: ActionRun
  readonly post: ActionRun
  /** result.json as text ('' when missing). */
  readonly resultText: string
  readonly result: ResultJson | undefined
  /** Files seen under RUNNER_TEMP during the main step, by path (secret-bearing sightings win). */
  readonly seen: ReadonlyMap<string, SeenFile>
  /** Files under RUNNER_TEMP after the post step, with their text. */
  readonly left: ReadonlyMap<string, string>
  /** Command lines (pid: argv) of processes of this run still alive after the main step ended. */
  readonly aliveAfterMain: readonly string[]
  /** Every argv the tiup stand-in recorded during the run: tiup's own and the component's it started. */
  readonly argv: readonly (readonly string[])[]
  /** Status of this run's export task after the run, if there is one. */
  readonly exportStatus: string | undefined
  /** RDS calls answered with an error status during the run. */
  readonly rdsErrors: number
}

/** The part of result.json the tests read. */
export interface ResultJson {
  readonly status: string
  readonly error?: string
  readonly phases: readonly { id: string; title: string; status: string }[]
  readonly tables: readonly { database: string; table: string; status: string }[]
  readonly logs?: { dir: string; files: number; note?: string }
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
  } catch {
    return []
  }
}

function readSmall(file: string): string {
  try {
    return statSync(file).size <= 256 * 1024 ? readFileSync(file, 'utf8') : ''
  } catch {
    return ''
  }
}

/** Polls RUNNER_TEMP while the main step runs, noting each file's mode and whether it held a secret then. */
function watchTemp(dir: string, secrets: readonly string[]): () => Map<string, SeenFile> {
  const seen = new Map<string, SeenFile>()
  const look = (): void => {
    for (const file of filesUnder(dir)) {
      try {
        const mode = statSync(file).mode & 0o777
        const secret = secrets.some((s) => readSmall(file).includes(s))
        if (!seen.get(file)?.secret) seen.set(file, { mode, secret })
      } catch {
        // gone between the listing and the stat
      }
    }
  }
  const timer = setInterval(look, 40)
  return () => {
    clearInterval(timer)
    look()
    return seen
  }
}

/** Processes whose environment carries this run's marker: the action's children and theirs. */
export function processesOf(runKey: string): string[] {
  const needle = `${RUN_MARKER}=${runKey}\0`
  const out: string[] = []
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle)) continue
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
      out.push(`${pid}: ${argv}`)
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return out
}

async function exportStatusOf(h: Harness, runKey: string): Promise<string | undefined> {
  const rds = new RDSClient({ region: h.sb.endpoints.region })
  try {
    const { ExportTasks: tasks = [] } = await rds.send(new DescribeExportTasksCommand({}))
    return tasks.find((t) => t.ExportTaskIdentifier === `aurora-to-tidb-${runKey}`)?.Status
  } finally {
    rds.destroy()
  }
}

/** Drops the sample databases from the target and stops every DM task: each run starts from an empty target. */
export async function resetWorld(h: Harness): Promise<void> {
  await stopAllTasks(h)
  for (const db of SAMPLE_DATABASES) await h.sb.target.query(`DROP DATABASE IF EXISTS \`${db}\``)
}

/**
 * Runs one case: main step, then post step, as the runner does. The fault is on only while the main step runs.
 * @returns everything there is to assert on
 */
export async function runCase(h: Harness, spec: CaseSpec): Promise<CaseRun> {
  await resetWorld(h)
  if (spec.fault) h.sb.setFault(spec.fault, spec.value ?? '')
  if (spec.restartSource) await h.sb.restartSource()
  const stateFile = path.join(h.sb.dir, `state-${spec.runKey}`)
  writeFileSync(stateFile, '')
  const marker = { [RUN_MARKER]: spec.runKey }
  const temp = h.sb.env['RUNNER_TEMP'] ?? ''
  const since = new Date().toISOString()
  const stopWatching = watchTemp(temp, spec.secrets)
  let main: ActionRun
  let aliveAfterMain: string[]
  try {
    ;[main] = await Promise.all([
      runAction(h, { 'run-key': spec.runKey, ...spec.inputs }, 'index.js', {
        ...marker,
        GITHUB_STATE: stateFile
      }),
      spec.during?.()
    ])
    aliveAfterMain = processesOf(spec.runKey)
  } finally {
    if (spec.fault) h.sb.clearFaults(spec.fault)
    if (spec.restartSource) await h.sb.restartSource()
  }
  const seen = stopWatching()
  const resultFile = main.outputs['result-file'] ?? ''
  const resultText = resultFile ? readSmall(resultFile) : ''
  const post = await runAction(h, {}, path.join('post', 'index.js'), {
    ...marker,
    ...stateFileToEnv(readFileSync(stateFile, 'utf8'))
  })
  const left = new Map(filesUnder(temp).map((f) => [f, readSmall(f)]))
  const during = (t: string): boolean => t >= since
  return {
    main,
    post,
    resultText,
    result: resultText ? (JSON.parse(resultText) as ResultJson) : undefined,
    seen,
    left,
    aliveAfterMain,
    argv: h.sb
      .requests('tiup')
      .filter((r) => during(r.t))
      .map((r) => JSON.parse(r.detail ?? '[]') as string[]),
    exportStatus: await exportStatusOf(h, spec.runKey),
    rdsErrors: h.sb.requests('rds').filter((r) => during(r.t) && r.status >= 400).length
  }
}
