// The precheck and plan phases with injected facts: every check recorded, the failure raised after all of them with
// one line per failed check, what the next phases get, and the plan written even when a check failed (operation
// plan).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Inputs } from '../../src/inputs/types.js'
import type { Phase } from '../../src/orchestrator/phase.js'
import { newMigrationState, type MigrationState } from '../../src/phases/migration-state.js'
import { planPhase } from '../../src/phases/plan.js'
import { precheckPhase } from '../../src/phases/precheck.js'
import type { PrecheckFacts } from '../../src/precheck/facts.js'
import { PhaseError } from '../../src/util/errors.js'
import { tempDir } from '../helpers/env.js'
import { runPhaseList } from '../helpers/run-phases.js'
import { col, context, goodFacts, NOW, tbl, withCatalog } from '../precheck/facts-fixture.js'

const dir = tempDir('plan-phase-test-')
afterAll(() => dir.remove())

function phases(
  state: MigrationState,
  facts: PrecheckFacts,
  operation: Inputs['operation']
): Phase[] {
  const pre: Phase = {
    ...precheckPhase(state, { gather: () => Promise.resolve(facts), now: () => NOW }),
    dependsOn: []
  }
  if (operation !== 'plan') return [pre]
  const plan = planPhase(state, { dir: () => dir.dir, now: () => new Date(NOW) })
  return [pre, { ...plan, dependsOn: ['precheck'] }]
}

const inputsFor = (operation: Inputs['operation']): Inputs => ({ ...context().inputs, operation })

const bitFacts = (): PrecheckFacts =>
  withCatalog(
    { tables: [tbl('shop', 'orders'), tbl('legacy', 'flags', { columns: [col('b', 'bit')] })] },
    {
      target: {
        ...goodFacts().target,
        connect: {
          ok: false,
          message: "Cannot connect to the target (TiDB) at 127.0.0.1:4000 as 'root'"
        }
      }
    }
  )

describe('precheck phase', () => {
  test('healthy facts: every check in the report, tables and flavour handed on, key numbers recorded', async () => {
    const state = newMigrationState('k')
    const run = await runPhaseList(phases(state, goodFacts(), 'migrate'), inputsFor('migrate'))
    expect(run.result.error).toBeUndefined()
    expect(run.report.checks.length).toBeGreaterThan(20)
    expect(run.report.checks.every((c) => c.status === 'pass')).toBe(true)
    expect(state.tables?.map((t) => `${t.database}.${t.table}`)).toEqual([
      'shop.orders',
      'shop.customers'
    ])
    expect(state.source).toEqual({ version: '8.0.32', flavor: 'mysql', gtidEnabled: false })
    expect(state.precheck).toBeDefined()
    const record = run.report.phases[0]
    expect(record?.numbers).toEqual([
      { label: 'tables', value: 2 },
      { label: 'estimated rows', value: 2000 },
      { label: 'size', value: 2 * 1024 * 1024, unit: 'bytes' }
    ])
    expect(record?.note).toMatch(/^\d+ passed · 0 warnings · 0 failed$/)
  })

  test('failures: all checks still recorded, then one PhaseError with a line per failed check', async () => {
    const state = newMigrationState('k')
    const run = await runPhaseList(phases(state, bitFacts(), 'migrate'), inputsFor('migrate'))
    const err = run.result.error
    expect(err).toBeInstanceOf(PhaseError)
    const lines = (err as Error).message.split('\n')
    expect(lines[0]).toBe('2 prechecks failed; nothing was changed. Fix them and run again:')
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^- No BIT columns: .*`legacy`\.`flags` \(b\)/),
      expect.stringMatching(/^- Target reachable with the given user: Cannot connect to the target/)
    ])
    // AWS checks ran too, after the failing ones.
    expect(run.report.checks.some((c) => c.id === 'aws.kms-key')).toBe(true)
    expect(run.report.phases[0]?.status).toBe('failed')
    expect(state.tables).toHaveLength(2)
  })
})

describe('plan phase', () => {
  test('writes plan.json, sets plan-file and report.plan', async () => {
    const state = newMigrationState('k')
    const run = await runPhaseList(phases(state, goodFacts(), 'plan'), inputsFor('plan'))
    expect(run.result.error).toBeUndefined()
    const file = path.join(dir.dir, 'plan.json')
    expect(run.report.outputs['plan-file']).toBe(file)
    const doc = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    expect(doc).toMatchObject({
      generatedAt: new Date(NOW).toISOString(),
      runKey: 'test-run',
      filter: ['shop.*'],
      totals: { tables: 2 },
      tables: [
        expect.objectContaining({ database: 'shop', table: 'orders', risks: [] }),
        expect.objectContaining({ database: 'shop', table: 'customers' })
      ]
    })
    expect(JSON.stringify(doc)).not.toContain('source-secret')
    expect(run.report.plan?.estimates.length).toBeGreaterThan(4)
  })

  test('a failed check still yields the plan; then the plan phase fails with the precheck message', async () => {
    const state = newMigrationState('k')
    const run = await runPhaseList(phases(state, bitFacts(), 'plan'), inputsFor('plan'))
    expect(run.report.phases.map((p) => p.status)).toEqual(['succeeded', 'failed'])
    expect(run.report.phases[0]?.note).toContain('the plan is written all the same')
    expect(run.report.plan?.risks).toEqual([
      { table: '`legacy`.`flags`', risks: [expect.stringContaining('BIT column b')] }
    ])
    expect((run.result.error as Error).message).toMatch(/^2 prechecks failed/)
  })

  test('without a readable source there is no plan, only the precheck message', async () => {
    const state = newMigrationState('k')
    const facts = goodFacts({ source: { ok: false, message: 'Cannot connect to the source' } })
    const run = await runPhaseList(phases(state, facts, 'plan'), inputsFor('plan'))
    expect(run.report.plan).toBeUndefined()
    expect((run.result.error as Error).message).toContain(
      'Source reachable with the given user: Cannot connect to the source'
    )
  })
})
