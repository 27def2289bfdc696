// What the DM end-to-end tests share: dmctl installed through the sandbox's tiup, a database of our own on the source
// with a recorded binlog position, a "snapshot" of it copied into the target, and dmctl called directly for setup
// and cleanup.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { buildRoot } from '../../sandbox/lib/paths.js'
import type { Inputs } from '../../src/inputs/types.js'
import type { Phase } from '../../src/orchestrator/phase.js'
import {
  newMigrationState,
  type CapturedBinlog,
  type MigrationState
} from '../../src/phases/migration-state.js'
import { tiupPhase } from '../../src/phases/tiup.js'
import type { PhaseBody } from '../../src/phases/phase-body.js'
import type { TiupSetup } from '../../src/tidb/tiup/tiup.js'
import type { Harness, PhaseRun } from './sandbox-harness.js'

const execFileP = promisify(execFile)

/** tiup and dmctl installed from the sandbox's mirror by the real tiup phase, as `migrate` and the DM operations do. */
export async function installDmctl(h: Harness): Promise<TiupSetup> {
  const state = newMigrationState('dm-tools')
  const run = await runOne(h, tiupPhase(state, ['dmctl']), h.inputs())
  if (run.result.error !== undefined || state.tiup === undefined) {
    throw new Error(`tiup setup failed: ${run.log.join('\n')}`)
  }
  return state.tiup
}

/** Runs the sandbox's dmctl directly (setup and cleanup), returning stdout. */
export async function dmctl(h: Harness, args: string[]): Promise<string> {
  const addr = h.sb.env['INPUT_DM-MASTER-ADDR'] ?? ''
  const r = await execFileP(
    process.execPath,
    [path.join(buildRoot(), 'dm', 'dmctl.js'), '--master-addr', addr, ...args],
    { cwd: h.sb.dir, env: { ...process.env, SANDBOX_FAULTS: '' } }
  ).catch((e: { stdout: string }) => ({ stdout: e.stdout }))
  return r.stdout
}

/** Stops every task DM has, so one test's task cannot meet the next test's faults. */
export async function stopAllTasks(h: Harness): Promise<void> {
  const list = JSON.parse(await dmctl(h, ['query-status'])) as { tasks?: { taskName: string }[] }
  for (const t of list.tasks ?? []) await dmctl(h, ['stop-task', t.taskName])
}

/** The schema of the test database, created alike on the source and (as the schema import would) the target. */
export const APP_SCHEMA = [
  'CREATE DATABASE IF NOT EXISTS app',
  'CREATE TABLE app.items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty INT NULL)',
  'CREATE TABLE app.tmp_scratch (id INT PRIMARY KEY)'
]

/**
 * Creates `app` on the source with rows 1–3, records the binlog position (as binlog-capture does), then writes
 * rows 4–5 and changes row 1 — the changes between the capture and the snapshot — and copies what the source holds
 * then into the target (the "snapshot" the import would bring). Returns the recorded position.
 */
export async function prepareApp(h: Harness): Promise<CapturedBinlog> {
  const { source, target } = h.sb
  for (const sql of APP_SCHEMA) await source.query(sql)
  await source.query("INSERT INTO app.items VALUES (1, 'one', 1), (2, 'two', 2), (3, 'three', 3)")
  const [status] = await source.query<{ File: string; Position: number }[]>('SHOW MASTER STATUS')
  if (status === undefined) throw new Error('no binlog on the source')
  const binlog = {
    file: status.File,
    position: Number(status.Position),
    gtid: undefined,
    capturedAt: Date.now()
  }
  await source.query("INSERT INTO app.items VALUES (4, 'four', 4), (5, 'five', 5)")
  await source.query('UPDATE app.items SET qty = 10 WHERE id = 1')
  for (const sql of APP_SCHEMA) await target.query(sql.replace('app.tmp_scratch', 'app.tmp_unused'))
  const rows = await source.query<{ id: number; name: string; qty: number | null }[]>(
    'SELECT id, name, qty FROM app.items ORDER BY id'
  )
  for (const r of rows) {
    await target.query('INSERT INTO app.items VALUES (?, ?, ?)', [r.id, r.name, r.qty])
  }
  return binlog
}

/** Rows of app.items on a server, as `id:name:qty`. */
export async function appRows(db: Pick<Harness['sb']['source'], 'query'>): Promise<string[]> {
  const rows = await db.query<{ id: number; name: string; qty: number | null }[]>(
    'SELECT id, name, qty FROM app.items ORDER BY id'
  )
  return rows.map((r) => `${r.id}:${r.name}:${r.qty ?? 'NULL'}`)
}

/** Polls until `probe` holds (real time: the sandbox's DM replicates in the background). */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  ms = 20_000
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await probe()
    if (ok(v)) return v
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * Starts a new binary log on the source and purges every older one, so `file` is gone; returns the new file's name.
 * MariaDB keeps, with only a warning, a file a binlog dump thread still reads: an earlier test's reader ends with its
 * task, but the server may notice a moment later, so this purges until `file` is really gone.
 */
export async function purgeBinlogsBefore(h: Harness, file: string): Promise<string> {
  const { source } = h.sb
  await source.query('FLUSH BINARY LOGS')
  const [newest] = await source.query<{ File: string }[]>('SHOW MASTER STATUS')
  if (newest === undefined) throw new Error('no binlog on the source')
  await eventually(
    `${file} purged from the source`,
    async () => {
      await source.query(`PURGE BINARY LOGS TO '${newest.File}'`)
      return source.query<{ Log_name: string }[]>('SHOW BINARY LOGS')
    },
    (logs) => !logs.some((l) => l.Log_name === file)
  )
  return newest.File
}

/** A migration state as the earlier phases leave it for replicate (MariaDB source, GTID off). */
export function dmState(runKey: string, tiup: TiupSetup, binlog: CapturedBinlog): MigrationState {
  return {
    runKey,
    tiup,
    binlog,
    source: { version: '10.11-MariaDB', gtidEnabled: false, flavor: 'mariadb' }
  }
}

/** Runs one phase body through the real graph runner. */
export function runOne(h: Harness, body: PhaseBody, inputs: Inputs): Promise<PhaseRun> {
  const phase: Phase = { ...body, dependsOn: [] }
  return h.runPhases([phase], inputs)
}
