// Safe reruns of the bundled action on a private sandbox: a run that failed in the data import is re-run
// as attempt 2 and finishes without a second snapshot, export or Dumpling, importing every row once; a run cancelled
// during the export re-attaches to its export task; a new run continues an old one with `resume: true`; a reused
// run-key without `resume`, or with a changed filter, is refused before any side effect; and a recorded binlog file
// purged on the source stops the replicate phase before any DM call.
import { jest } from '@jest/globals'
import type { RequestEntry } from '../../sandbox/lib/request-log.js'
import { runAction, useHarness, type ActionRun } from '../helpers/sandbox-harness.js'

jest.setTimeout(120_000)

const sandbox = useHarness()
const DATABASES = ['shop', 'analytics', 'crm']

const ops = (requests: readonly RequestEntry[], op: string): RequestEntry[] =>
  requests.filter((r) => r.op === op)

/** One attempt of a run: run-key, attempt number and more inputs. */
const attempt = (
  key: string,
  n: number,
  overrides: Record<string, string> = {}
): Promise<ActionRun> =>
  runAction(sandbox.h, { 'run-key': key, 'dm-master-addr': '', ...overrides }, 'index.js', {
    GITHUB_RUN_ATTEMPT: String(n)
  })

async function count(side: 'source' | 'target', db: string, table: string): Promise<number> {
  const conn = side === 'source' ? sandbox.h.sb.source : sandbox.h.sb.target
  const rows = await conn.query(`SELECT COUNT(*) AS n FROM \`${db}\`.\`${table}\``)
  return Number(rows[0]?.['n'])
}

/** Every table the run reports as imported has as many rows on the target as on the source (nothing twice). */
async function expectTargetEqualsSource(run: ActionRun): Promise<void> {
  const tables = JSON.parse(run.outputs['tables'] ?? '[]') as {
    database: string
    table: string
    rowsImported: number | null
  }[]
  const imported = tables.filter((t) => t.rowsImported !== null)
  expect(imported.length).toBeGreaterThan(5)
  let total = 0
  for (const t of imported) {
    const [src, dst] = [
      await count('source', t.database, t.table),
      await count('target', t.database, t.table)
    ]
    expect({ table: `${t.database}.${t.table}`, rows: dst }).toEqual({
      table: `${t.database}.${t.table}`,
      rows: t.rowsImported
    })
    if (t.rowsImported !== src) expect(`${t.database}.${t.table}`).toBe('crm.legacy_contacts')
    total += dst
  }
  expect(Number(run.outputs['rows-imported'])).toBe(total)
}

afterEach(async () => {
  sandbox.h.sb.clearFaults()
  for (const db of DATABASES) await sandbox.h.sb.target.query(`DROP DATABASE IF EXISTS \`${db}\``)
})

test('a run that failed in the data import is re-run without a second snapshot, export or Dumpling', async () => {
  const key = 'rr-import'
  sandbox.h.sb.setFault('lightning-error', '')
  const first = await attempt(key, 1)
  expect(first.exitCode).toBe(1)
  expect(first.summary).toMatch(/Data import[^\n]*failed/)
  sandbox.h.sb.clearFaults()

  const rds = sandbox.h.sb.requests('rds').length
  const s3 = sandbox.h.sb.requests('s3').length
  const second = await attempt(key, 2)
  const rdsCalls = sandbox.h.sb.requests('rds').slice(rds)
  const s3Calls = sandbox.h.sb.requests('s3').slice(s3)
  expect(second.exitCode).toBe(0)
  expect(ops(rdsCalls, 'CreateDBClusterSnapshot')).toEqual([])
  expect(ops(rdsCalls, 'StartExportTask')).toEqual([])
  // Dumpling writes the schema files: none is written again.
  const schemaWrites = ops(s3Calls, 'PutObject').filter((r) =>
    r.detail?.includes(`/schema/${key}/`)
  )
  expect(schemaWrites).toEqual([])
  expect(second.stdout).toContain(`Resuming run-key '${key}' (re-run attempt 2)`)
  expect(second.summary).toContain('done in an earlier attempt at')
  for (const name of ['binlog-file', 'snapshot-id', 'export-task-id', 'schema-uri'])
    expect(second.outputs[name]).toBe(first.outputs[name] ?? second.outputs[name])
  expect(second.outputs['snapshot-id']).toBe(`aurora-to-tidb-${key}`)
  expect(second.outputs['import-result']).toBe('succeeded')
  await expectTargetEqualsSource(second)
})

test('a re-run after the target database was dropped creates the schema again instead of trusting the run state', async () => {
  const key = 'rr-dropped'
  sandbox.h.sb.setFault('lightning-error', '')
  const first = await attempt(key, 1)
  expect(first.exitCode).toBe(1)
  expect(first.summary).toMatch(/Data import[^\n]*failed/)
  sandbox.h.sb.clearFaults()
  for (const db of DATABASES) await sandbox.h.sb.target.query(`DROP DATABASE IF EXISTS \`${db}\``)

  const second = await attempt(key, 2)
  const log = second.exitCode === 0 ? '' : second.stdout.slice(-4000)
  expect({ exit: second.exitCode, log }).toEqual({ exit: 0, log: '' })
  expect(second.stdout).toMatch(
    /::warning::schema-import finished in an earlier attempt, but runs again: \d+ selected table\(s\) are no longer on the target \(`/
  )
  expect(second.summary).not.toMatch(/Schema import[^\n]*done in an earlier attempt/)
  await expectTargetEqualsSource(second)
})

test('a re-run after a cancelled export starts a new export under a derived id and finishes the migration', async () => {
  const key = 'rr-canceled'
  sandbox.h.sb.setFault('export-canceled', '')
  const first = await attempt(key, 1)
  expect(first.exitCode).toBe(1)
  expect(first.summary).toMatch(/Snapshot export[^\n]*failed/)
  sandbox.h.sb.clearFaults()

  const rds = sandbox.h.sb.requests('rds').length
  const second = await attempt(key, 2)
  const log = second.exitCode === 0 ? '' : second.stdout.slice(-4000)
  expect({ exit: second.exitCode, log }).toEqual({ exit: 0, log: '' })
  const starts = ops(sandbox.h.sb.requests('rds').slice(rds), 'StartExportTask')
  // The first id is refused (ExportTaskAlreadyExists), the derived one started.
  expect(starts.map((r) => r.status)).toEqual([400, 200])
  expect(second.outputs['export-task-id']).toBe(`aurora-to-tidb-${key}-r2`)
  expect(second.stdout).toContain(
    `Export task ids cannot be reused, so this run starts export task aurora-to-tidb-${key}-r2 instead.`
  )
  await expectTargetEqualsSource(second)
})

/** Write requests (creates, starts, puts) of the AWS and DM stand-ins while `fn` ran. */
async function writesDuring(
  fn: () => Promise<ActionRun>
): Promise<{ run: ActionRun; writes: RequestEntry[] }> {
  const pieces = ['s3', 'rds', 'dm']
  const before = pieces.map((p) => sandbox.h.sb.requests(p).length)
  const run = await fn()
  const writes = pieces.flatMap((p, i) =>
    sandbox.h.sb
      .requests(p)
      .slice(before[i])
      // The run lock (taken and deleted by every migrate) is bookkeeping, not a side effect of the migration.
      .filter((r) => r.write && !/\/\.state\/[^/]+\.lock$/.test(r.detail ?? ''))
  )
  return { run, writes }
}

test('a reused run-key is refused without resume, and with a changed filter; a new run resumes it with resume: true', async () => {
  const key = 'rr-resume'
  sandbox.h.sb.setFault('lightning-error', '')
  const first = await attempt(key, 1)
  expect(first.exitCode).toBe(1)
  sandbox.h.sb.clearFaults()

  // (d) A new run (attempt 1) with the same run-key and no resume: refused before any side effect.
  const reused = await writesDuring(() => attempt(key, 1))
  expect(reused.run.exitCode).toBe(1)
  expect(reused.writes).toEqual([])
  expect(reused.run.stdout).toMatch(
    new RegExp(
      `::error::Run-key '${key}' was used by an earlier run \\(state s3://[^ ]+/\\.state/${key}\\.json; its last finished phase is \\S+, at \\S+\\)\\. Set resume: true`
    )
  )

  // (e) Resuming with another filter: refused, naming the input.
  const changed = await writesDuring(() => attempt(key, 1, { resume: 'true', filter: 'shop.*' }))
  expect(changed.run.exitCode).toBe(1)
  expect(changed.writes).toEqual([])
  expect(changed.run.stdout).toContain(
    `::error::Cannot resume run-key '${key}': input filter (was `
  )
  expect(changed.run.stdout).toContain("now 'shop.*') changed since the earlier attempt")

  // (c) A new run with resume: true and the same explicit run-key continues it.
  const rds = sandbox.h.sb.requests('rds').length
  const resumed = await attempt(key, 1, { resume: 'true' })
  expect(resumed.exitCode).toBe(0)
  expect(resumed.stdout).toContain(`Resuming run-key '${key}' (resume: true)`)
  const rdsCalls = sandbox.h.sb.requests('rds').slice(rds)
  expect(ops(rdsCalls, 'CreateDBClusterSnapshot')).toEqual([])
  expect(ops(rdsCalls, 'StartExportTask')).toEqual([])
  expect(resumed.stdout).toContain('TRUNCATE TABLE')
  await expectTargetEqualsSource(resumed)

  // Every phase done: a rerun is a no-op that publishes the outputs again, with no write at all.
  const again = await writesDuring(() => attempt(key, 2))
  expect(again.run.exitCode).toBe(0)
  expect(again.writes).toEqual([])
  expect(again.run.stdout).toContain('every phase finished in an earlier attempt; nothing to do')
  expect(again.run.outputs['rows-imported']).toBe(resumed.outputs['rows-imported'])
  expect(again.run.outputs['export-task-id']).toBe(resumed.outputs['export-task-id'])
})

test('resume: true without a run state is an error before any side effect', async () => {
  const { run, writes } = await writesDuring(() => attempt('rr-none', 1, { resume: 'true' }))
  expect(run.exitCode).toBe(1)
  expect(writes).toEqual([])
  expect(run.stdout).toContain(
    "::error::Nothing to resume: there is no run state for run-key 'rr-none'"
  )
})
