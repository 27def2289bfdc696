// One run per key, through the bundled action on a private sandbox: two runs started at once with one run key (two
// workflow runs given the same explicit `run-key`, `lightning-backend: tidb`, which would insert every row twice)
// — exactly one migrates, the other refuses before anything else, naming the holder; the lock is gone afterwards.
import { jest } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startAction, useHarness, type ActionRun } from '../helpers/sandbox-harness.js'

jest.setTimeout(240_000)

const sandbox = useHarness()
const DATABASES = ['shop', 'analytics', 'crm']

afterEach(async () => {
  for (const db of DATABASES) await sandbox.h.sb.target.query(`DROP DATABASE IF EXISTS \`${db}\``)
})

async function count(side: 'source' | 'target', db: string, table: string): Promise<number> {
  const conn = side === 'source' ? sandbox.h.sb.source : sandbox.h.sb.target
  const rows = await conn.query(`SELECT COUNT(*) AS n FROM \`${db}\`.\`${table}\``)
  return Number(rows[0]?.['n'])
}

/** A run of another workflow run with its own runner files. */
function runOf(runId: string, key: string): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), `lock-${runId}-`))
  for (const file of ['output', 'summary.md']) writeFileSync(path.join(dir, file), '')
  return startAction(
    sandbox.h,
    { 'run-key': key, 'dm-master-addr': '', 'lightning-backend': 'tidb', 'pd-addr': '' },
    'index.js',
    {
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'migrate',
      GITHUB_REPOSITORY: 'acme/migrations',
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md')
    }
  ).done
}

test('two runs of one run key at once: one migrates, the other refuses naming the holder; rows arrive once', async () => {
  const key = 'rl-twice'
  const runs = await Promise.all([runOf('8100000001', key), runOf('8100000002', key)])
  const winners = runs.filter((r) => r.exitCode === 0)
  const losers = runs.filter((r) => r.exitCode !== 0)
  expect({ winners: winners.length, losers: losers.length }).toEqual({ winners: 1, losers: 1 })
  const [winner, loser] = [winners[0] as ActionRun, losers[0] as ActionRun]
  const holder = winner === runs[0] ? '8100000001' : '8100000002'
  expect(loser.stdout).toMatch(
    new RegExp(
      `::error::Run-key '${key}' is in use by run ${holder} \\(job migrate, attempt 1, https://github\\.com/acme/migrations/actions/runs/${holder}\\) on host [^,]+, pid \\d+, which holds its lock s3://\\S+/\\.state/${key}\\.lock since \\S+Z \\(last renewed \\S+Z\\)\\.`
    )
  )
  // The refused run started no phase.
  expect(loser.stdout).not.toMatch(/Precheck|Binlog capture|Snapshot/)
  expect(winner.outputs['import-result']).toBe('succeeded')

  // Every imported table holds the source's rows once (with the tidb backend, a second import would double them).
  const tables = JSON.parse(winner.outputs['tables'] ?? '[]') as {
    database: string
    table: string
    rowsImported: number | null
  }[]
  const imported = tables.filter((t) => t.rowsImported !== null)
  expect(imported.length).toBeGreaterThan(5)
  for (const t of imported) {
    const name = `${t.database}.${t.table}`
    expect({ name, rows: await count('target', t.database, t.table) }).toEqual({
      name,
      rows: t.rowsImported
    })
    if (t.rowsImported !== (await count('source', t.database, t.table)))
      expect(name).toBe('crm.legacy_contacts')
  }
  // Released at the end: the next run of the key is not refused by a lock.
  const snapshots = sandbox.h.sb.requests('rds').filter((r) => r.op === 'CreateDBClusterSnapshot')
  expect(snapshots.filter((r) => r.detail?.includes(key))).toHaveLength(1)
  const locks = sandbox.h.sb
    .requests('s3')
    .filter((r) => r.detail?.endsWith(`/.state/${key}.lock`) && r.op === 'DeleteObject')
  expect(locks.map((r) => r.status)).toEqual([204])
})
