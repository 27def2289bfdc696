// Precheck, binlog capture and plan on the sandbox: a clean precheck passes without a single write request, the
// captured position is what the source itself reports, and `operation: plan` (the bundled action, as the runner
// runs it) writes plan.json and the plan section of the summary.
import { readFile } from 'node:fs/promises'
import type { Phase } from '../../src/orchestrator/phase.js'
import { migratePhases, phasesForOperation } from '../../src/phases/index.js'
import { newMigrationState, type MigrationState } from '../../src/phases/migration-state.js'
import { runAction, useHarness } from '../helpers/sandbox-harness.js'

const sandbox = useHarness()

/** The migrate graph cut down to the phases named (their dependencies among them kept). */
function only(state: MigrationState, ids: readonly string[]): Phase[] {
  return migratePhases(sandbox.h.inputs(), state)
    .filter((p) => ids.includes(p.id))
    .map((p) => ({ ...p, dependsOn: p.dependsOn.filter((d) => ids.includes(d)) }))
}

test('a clean precheck passes and makes no write request to any stand-in', async () => {
  const { h } = sandbox
  const before = h.sb.requests().length
  const state = newMigrationState('e2e')
  const run = await h.runPhases(only(state, ['precheck']))
  expect(run.result.error).toBeUndefined()
  expect(run.report.checks.filter((c) => c.status === 'fail')).toEqual([])
  // The sample data's traps are warnings: a table without a key (DM is set), one the export skips, and the objects
  // TiDB cannot hold (the spatial table among them, left out of the selection).
  expect(run.report.checks.filter((c) => c.status === 'warn').map((c) => c.id)).toEqual([
    'selection.unique-keys',
    'selection.export-skips',
    'selection.unsupported-objects'
  ])
  expect(state.leftOut?.map((t) => `${t.database}.${t.table}`)).toEqual(['shop.store_locations'])
  const during = h.sb.requests().slice(before)
  expect(during.filter((r) => r.write)).toEqual([])
  expect(new Set(during.map((r) => `${r.piece} ${r.op}`))).toEqual(
    new Set([
      'rds DescribeDBClusters',
      's3 GetBucketLocation',
      's3 ListObjectsV2',
      'iam GetRole',
      'kms DescribeKey',
      'status GET /status'
    ])
  )
  expect(state.tables).toHaveLength(13)
  expect(state.source).toEqual({
    version: expect.stringMatching(/MariaDB/),
    flavor: 'mariadb',
    gtidEnabled: true
  })
})

test('the captured binlog position equals SHOW MASTER STATUS and the GTID position on the source', async () => {
  const { h } = sandbox
  await h.sb.source.query(
    "INSERT INTO shop.returns (id, order_id, reason) VALUES (1, 1, 'e2e'), (2, 2, 'e2e')"
  )
  const state = newMigrationState('e2e')
  const run = await h.runPhases(only(state, ['precheck', 'binlog-capture']))
  expect(run.result.error).toBeUndefined()
  const [status] =
    await h.sb.source.query<{ File: string; Position: number | string }[]>('SHOW MASTER STATUS')
  const [gtid] = await h.sb.source.query<{ g: string }[]>('SELECT @@gtid_binlog_pos AS g')
  expect(state.binlog).toMatchObject({
    file: status?.File,
    position: Number(status?.Position),
    gtid: gtid?.g
  })
  expect(state.binlog?.gtid).toMatch(/^0-1-\d+$/)
  expect(run.report.outputs).toMatchObject({
    'binlog-file': status?.File,
    'binlog-position': String(status?.Position),
    'binlog-gtid': gtid?.g
  })
  expect(run.report.binlog?.capturedBy).toMatch(/^SHOW MASTER STATUS at .*, before the snapshot$/)
})

test('plan in-process: report.plan and plan.json, and a BIT column fails the run after the plan is written', async () => {
  const { h } = sandbox
  const inputs = h.inputs({ operation: 'plan', filter: '*.*' })
  const run = await h.runPhases(phasesForOperation(inputs), inputs)
  expect(run.report.phases.map((p) => [p.id, p.status])).toEqual([
    ['precheck', 'succeeded'],
    ['plan', 'failed']
  ])
  expect((run.result.error as Error).message).toContain('`legacy`.`flags` (bits)')
  expect(run.report.plan?.databases.map((d) => d.database)).toEqual([
    'analytics',
    'crm',
    'legacy',
    'shop'
  ])
  const doc = JSON.parse(await readFile(run.report.outputs['plan-file'] ?? '', 'utf8')) as {
    risks: { table: string }[]
  }
  expect(doc.risks.map((r) => r.table)).toContain('`legacy`.`flags`')
})

test('operation plan through the bundled action: exit 0, plan-file, and the plan in the job summary', async () => {
  const { h } = sandbox
  const before = h.sb.requests().length
  const run = await runAction(h, { operation: 'plan' })
  expect(run.stderr).not.toMatch(/::error::/)
  expect(run.exitCode).toBe(0)
  expect(run.summary).toContain('<h3>Plan: 13 tables')
  expect(run.summary).toMatch(/<td>Export cost<\/td><td>\$\d+\.\d\d<\/td>/)
  expect(run.summary).toMatch(/<h2>⚠️ Go, after reading 3 warnings: 13 tables, ~[\d,]+ rows<\/h2>/)
  expect(run.summary).toMatch(/<h3>Prechecks \(3 warnings · \d+ passed\)<\/h3>/)
  // The spatial table is left out of the 13 and named, with the other objects TiDB cannot hold.
  expect(run.summary).toContain('Not migrated (TiDB cannot hold them):')
  expect(run.outputs['unsupported-objects']).toContain('"store_locations"')
  const plan = JSON.parse(await readFile(run.outputs['plan-file'] ?? '', 'utf8')) as {
    totals: { tables: number }
    checks: unknown[]
  }
  expect(plan.totals.tables).toBe(13)
  expect(plan.checks.length).toBeGreaterThan(20)
  expect(
    h.sb
      .requests()
      .slice(before)
      .filter((r) => r.write)
  ).toEqual([])
}, 60_000)
