// skipped-tables: fail and exclude on the sandbox, whose export skips crm.legacy_contacts (a column named
// `first name`). fail stops before the data import naming the table; exclude migrates everything else, leaves the
// table out of the import, DM and verify, and says so (warning, ⚠ row). One sandbox: the fail run leaves only empty
// tables behind (its schema import), which the exclude run's precheck accepts.
import { jest } from '@jest/globals'
import { phasesForOperation } from '../../src/phases/index.js'
import { newMigrationState } from '../../src/phases/migration-state.js'
import { eventually } from '../helpers/dm-world.js'
import { useHarness } from '../helpers/sandbox-harness.js'
import { differingTables, rowOf } from '../helpers/table-compare.js'

jest.setTimeout(300_000)

const ref = useHarness()

const migrate = async (runKey: string, mode: string) => {
  const inputs = ref.h.inputs({
    'run-key': runKey,
    'skipped-tables': mode,
    'dm-sync-timeout-minutes': '2'
  })
  const state = newMigrationState(inputs.runKey)
  return { state, run: await ref.h.runPhases(phasesForOperation(inputs, state), inputs) }
}

test('fail: the run fails naming the table and AWS’s reason, and imports nothing', async () => {
  const { run } = await migrate('e2e-skipped-fail', 'fail')
  const phase = run.report.phases.find((p) => p.id === 'skipped-tables')
  expect(phase?.status).toBe('failed')
  expect(String(run.result.error)).toMatch(
    /The snapshot export skipped 1 selected table\(s\): `crm`\.`legacy_contacts` \(.+\)\. Input skipped-tables is 'fail'/
  )
  expect(run.report.phases.find((p) => p.id === 'data-import')?.status).toBe('skipped')
  const [row] = await ref.h.sb.target.query<{ n: number }[]>(
    'SELECT COUNT(*) AS n FROM shop.customers'
  )
  expect(Number(row?.n)).toBe(0)
}, 300_000)

test('exclude: everything else migrates; the table is named, not imported, not replicated', async () => {
  const { h } = ref
  const { run, state } = await migrate('e2e-skipped-exclude', 'exclude')
  expect({ error: run.result.error, log: run.log.slice(-20) }).toMatchObject({ error: undefined })
  expect(state.skippedTables?.map((t) => [t.table, t.filled])).toEqual([
    ['legacy_contacts', 'excluded']
  ])
  expect(rowOf(run.report, 'crm', 'legacy_contacts')).toMatchObject({ status: 'excluded' })
  expect(rowOf(run.report, 'crm', 'legacy_contacts')?.note).toMatch(/^⚠ skipped by the export/)
  const warnings = run.report.phases.flatMap((p) => p.warnings).join('\n')
  expect(warnings).toMatch(
    /leaves out of the import, DM and the verification \(skipped-tables: exclude\)/
  )
  expect(warnings).toMatch(/not verified and not on the target: .*crm\.legacy_contacts/)
  expect(run.report.outputs['verify-result']).toBe('passed')

  // DM leaves the table alone: a change to it neither arrives nor pauses the task, while other tables follow.
  await h.sb.source.query("UPDATE crm.legacy_contacts SET phone = 'changed' WHERE id <= 3")
  await h.sb.source.query("UPDATE shop.customers SET country = 'NZ' WHERE id <= 3")
  const differing = await eventually(
    'the other tables to equal the source',
    () =>
      differingTables(
        h.sb.source,
        h.sb.target,
        (state.tables ?? []).filter((t) => t.table !== 'legacy_contacts')
      ),
    (d) => d.length === 0,
    90_000
  )
  expect(differing).toEqual([])
  const [row] = await h.sb.target.query<{ n: number }[]>(
    'SELECT COUNT(*) AS n FROM crm.legacy_contacts'
  )
  expect(Number(row?.n)).toBe(0)
}, 300_000)
