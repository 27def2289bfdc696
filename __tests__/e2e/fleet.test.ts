// Two jobs of one workflow run — the legs of a `matrix:` over databases: same GITHUB_RUN_ID, workflow, repository and
// job id, different `filter` — run the bundled action side by side on one sandbox. Each derives its own run key, so
// each takes its own snapshot, starts its own export and migrates its own tables; neither adopts the other's as "an
// earlier attempt of this run".
import { jest } from '@jest/globals'
import { startAction, useHarness, type ActionRun } from '../helpers/sandbox-harness.js'

jest.setTimeout(240_000)

const sandbox = useHarness()

/** The variables GitHub gives every leg of one matrix job of one run (GitHub docs, "Variables reference"). */
const SAME_RUN = {
  GITHUB_RUN_ID: '7301234567',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_REPOSITORY: 'acme/migrations',
  GITHUB_WORKFLOW: 'Migrate to TiDB',
  GITHUB_JOB: 'migrate'
}

async function rowCounts(side: 'source' | 'target', db: string): Promise<Record<string, number>> {
  const conn = side === 'source' ? sandbox.h.sb.source : sandbox.h.sb.target
  const tables = await conn.query<{ t: string }[]>(
    'SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1',
    [db]
  )
  const out: Record<string, number> = {}
  for (const { t } of tables) {
    const [row] = await conn.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM \`${db}\`.\`${t}\``)
    out[t] = Number(row?.n)
  }
  return out
}

afterEach(async () => {
  for (const db of ['shop', 'analytics'])
    await sandbox.h.sb.target.query(`DROP DATABASE IF EXISTS \`${db}\``)
})

test('two matrix legs of one run with different filters each migrate their own tables', async () => {
  const leg = (filter: string) =>
    startAction(sandbox.h, { filter, 'dm-master-addr': '' }, 'index.js', SAME_RUN)
  const [shop, analytics] = await Promise.all([leg('shop.*').done, leg('analytics.*').done])
  for (const run of [shop, analytics]) {
    const log = run.exitCode === 0 ? '' : run.stdout.slice(-4000)
    expect({ exit: run.exitCode, log }).toEqual({ exit: 0, log: '' })
    expect(run.outputs['verify-result']).toBe('passed')
    expect(run.stdout).not.toMatch(/earlier attempt/)
  }
  expect(shop.outputs['snapshot-id']).not.toBe(analytics.outputs['snapshot-id'])
  expect(shop.outputs['export-task-id']).not.toBe(analytics.outputs['export-task-id'])
  expect(shop.outputs['snapshot-id']).toMatch(/^aurora-to-tidb-gh-7301234567-migrate-[0-9a-f]{8}$/)

  for (const db of ['shop', 'analytics']) {
    const source = await rowCounts('source', db)
    expect(Object.keys(source).length).toBeGreaterThan(0)
    expect(await rowCounts('target', db)).toEqual(source)
  }
  const tables = (run: ActionRun): string[] =>
    (JSON.parse(run.outputs['tables'] ?? '[]') as { database: string }[]).map((t) => t.database)
  expect(new Set(tables(shop))).toEqual(new Set(['shop']))
  expect(new Set(tables(analytics))).toEqual(new Set(['analytics']))
})
