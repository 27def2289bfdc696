// Safe reruns, part 2, on a sandbox of its own: a run cancelled during the snapshot export re-attaches to
// its export task in the re-run attempt (no second snapshot, no second export), and a re-run whose recorded binlog
// file was purged on the source meanwhile refuses to start DM before any DM call.
import { jest } from '@jest/globals'
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { RequestEntry } from '../../sandbox/lib/request-log.js'
import { purgeBinlogsBefore } from '../helpers/dm-world.js'
import { runAction, useHarness, type ActionRun } from '../helpers/sandbox-harness.js'

jest.setTimeout(120_000)

const sandbox = useHarness()
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')

const ops = (requests: readonly RequestEntry[], op: string): RequestEntry[] =>
  requests.filter((r) => r.op === op)

const attemptEnv = (n: number): Record<string, string> => ({ GITHUB_RUN_ATTEMPT: String(n) })

/** Runs the bundled action and sends it SIGINT (as the runner does on cancel) once `line` appears on stdout. */
async function cancelWhen(
  overrides: Record<string, string>,
  line: string
): Promise<{ exitCode: number | null; stdout: string }> {
  const env = { ...process.env, ...sandbox.h.env(overrides), ...attemptEnv(1) }
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'index.js')], { env, cwd: ROOT })
  let stdout = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    if (stdout.includes(line) && child.exitCode === null && !child.killed) child.kill('SIGINT')
  })
  child.stderr.resume()
  const exitCode = await new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code))
  )
  return { exitCode, stdout }
}

/** RDS and DM requests made while `fn` ran. */
async function requestsDuring(
  fn: () => Promise<ActionRun>
): Promise<{ run: ActionRun; rds: RequestEntry[]; dm: RequestEntry[] }> {
  const rds = sandbox.h.sb.requests('rds').length
  const dm = sandbox.h.sb.requests('dm').length
  const run = await fn()
  return {
    run,
    rds: sandbox.h.sb.requests('rds').slice(rds),
    dm: sandbox.h.sb.requests('dm').slice(dm)
  }
}

afterEach(async () => {
  sandbox.h.sb.clearFaults()
  for (const db of ['shop', 'analytics', 'crm'])
    await sandbox.h.sb.target.query(`DROP DATABASE IF EXISTS \`${db}\``)
})

test('a run cancelled during the export re-attaches to its export task in the re-run attempt', async () => {
  const key = 'rr-cancel'
  const inputs = { 'run-key': key, 'dm-master-addr': '' }
  sandbox.h.sb.setTiming('export', 6)
  const first = await cancelWhen(inputs, 'Started export task')
  expect(first.exitCode).toBe(1)
  expect(first.stdout).toContain('The task was not cancelled: it keeps running on AWS')

  const { run, rds } = await requestsDuring(() =>
    runAction(sandbox.h, inputs, 'index.js', attemptEnv(2))
  )
  expect(run.exitCode).toBe(0)
  expect(ops(rds, 'CreateDBClusterSnapshot')).toEqual([])
  // StartExportTask is asked once more and refused (the id is taken): the phase re-attaches instead.
  expect(ops(rds, 'StartExportTask').map((r) => r.status)).toEqual([400])
  expect(run.stdout).toContain(`Export task aurora-to-tidb-${key} already exists (started`)
  expect(run.stdout).toContain('Re-attaching to it instead of starting another.')
  expect(run.summary).toMatch(/Cluster snapshot<br><sub>done in an earlier attempt at/)
  expect(run.outputs['import-result']).toBe('succeeded')
  sandbox.h.sb.setTiming('export', 0)
})

test('a re-run whose recorded binlog file was purged refuses to start DM before any DM call', async () => {
  const key = 'rr-purged'
  sandbox.h.sb.setFault('dm-check-task-fail')
  const first = await runAction(sandbox.h, { 'run-key': key }, 'index.js', attemptEnv(1))
  expect(first.exitCode).toBe(1)
  expect(first.summary).toMatch(/Incremental replication \(DM\)[^\n]*failed/)
  sandbox.h.sb.clearFaults()
  const recorded = first.outputs['binlog-file'] ?? ''
  expect(recorded).not.toBe('')

  const newest = await purgeBinlogsBefore(sandbox.h, recorded)

  const { run, dm } = await requestsDuring(() =>
    runAction(sandbox.h, { 'run-key': key }, 'index.js', attemptEnv(2))
  )
  expect(run.exitCode).toBe(1)
  expect(dm).toEqual([])
  expect(run.stdout).toContain(
    `::error::The binlog file ${recorded} recorded before the snapshot is no longer on the source (the oldest binary log it keeps is ${newest}), so DM cannot replicate the changes made since the snapshot: refusing to start DM.`
  )
  expect(run.summary).toMatch(/Data import[^\n]*done in an earlier attempt at/)
  expect(run.outputs['binlog-file']).toBe(recorded)
})
