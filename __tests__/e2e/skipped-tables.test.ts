// The tables the Aurora export skips, on the sandbox: the export skips crm.legacy_contacts (a column named
// `first name`), and a whole migrate (the real phase graph, DM included) copies it with Dumpling and Lightning
// (skipped-tables: copy, the default). Rows written to it after the recorded position — before the dump and after
// DM started — converge, so every selected table ends equal to the source row for row, and the sample view is there.
import { jest } from '@jest/globals'
import { phasesForOperation } from '../../src/phases/index.js'
import { newMigrationState, type MigrationState } from '../../src/phases/migration-state.js'
import { eventually } from '../helpers/dm-world.js'
import { useHarness, type PhaseRun } from '../helpers/sandbox-harness.js'
import { differingTables, rowOf } from '../helpers/table-compare.js'

jest.setTimeout(300_000)

const ref = useHarness()
let run: PhaseRun
let state: MigrationState

beforeAll(async () => {
  const { h } = ref
  const inputs = h.inputs({ 'run-key': 'e2e-skipped-copy', 'dm-sync-timeout-minutes': '2' })
  state = newMigrationState(inputs.runKey)
  // A change the export cannot hold and DM must replay: written before the run records its position, so it is in
  // the source before the dump too (the dump holds it, DM replays it in safe mode).
  await h.sb.source.query("UPDATE crm.legacy_contacts SET phone = 'before-run' WHERE id = 1")
  run = await h.runPhases(phasesForOperation(inputs, state), inputs)
}, 300_000)

test('the migrate succeeds; the skipped table is copied, marked ⚠ and verified against the source', () => {
  expect({ error: run.result.error, log: run.log.slice(-30) }).toMatchObject({ error: undefined })
  const phase = run.report.phases.find((p) => p.id === 'skipped-tables')
  expect(phase?.status).toBe('succeeded')
  expect(phase?.note).toBe('1 copied by Dumpling → Lightning: `crm`.`legacy_contacts`')
  expect(state.skippedTables).toEqual([
    expect.objectContaining({
      database: 'crm',
      table: 'legacy_contacts',
      filled: 'copied',
      copiedRows: 50,
      sourceRows: { before: 50, after: 50 }
    })
  ])
  const row = rowOf(run.report, 'crm', 'legacy_contacts')
  expect(row).toMatchObject({ status: 'verified', rowsImported: 50 })
  expect(row?.note).toMatch(
    /^⚠ skipped by the export \(.+\); filled by a Dumpling dump imported by Lightning: 50 rows, as on the source at the dump \(50\)$/
  )
  expect(run.report.phases.flatMap((p) => p.warnings).join('\n')).toMatch(
    /The snapshot export skipped 1 selected table\(s\): `crm`\.`legacy_contacts`/
  )
  expect(run.report.outputs['verify-result']).toBe('passed')
  // The dump is in the run's own folder, linked from the summary.
  expect(run.report.links.map((l) => l.url)).toContainEqual(
    expect.stringMatching(/\/skipped-tables\/e2e-skipped-copy\/$/)
  )
})

test('the sample view is on the target and verified', async () => {
  expect(rowOf(run.report, 'shop', 'customers_by_country')?.status).toBe('view present')
  const [rows] = await ref.h.sb.target.query<{ n: number }[]>(
    'SELECT SUM(customers) AS n FROM shop.customers_by_country'
  )
  expect(Number(rows?.n)).toBeGreaterThan(0)
})

test('after DM applies UPDATEs (and an INSERT and a DELETE) to it, every selected table equals the source', async () => {
  const { h } = ref
  await h.sb.source.query(
    "UPDATE crm.legacy_contacts SET `first name` = 'Zoë', phone = CONCAT('upd-', id) WHERE id IN (2, 3, 4)"
  )
  await h.sb.source.query(
    "INSERT INTO crm.legacy_contacts (id, `first name`, `last name`, phone) VALUES (1001, 'New', 'Row', 'x')"
  )
  await h.sb.source.query('DELETE FROM crm.legacy_contacts WHERE id = 5')
  const differing = await eventually(
    'the target to equal the source',
    () => differingTables(h.sb.source, h.sb.target, state.tables ?? []),
    (d) => d.length === 0,
    90_000
  )
  expect(differing).toEqual([])
  // Every selected table took part, crm.legacy_contacts included.
  expect(state.tables?.map((t) => `${t.database}.${t.table}`)).toContain('crm.legacy_contacts')
  expect(state.tables?.length).toBeGreaterThan(10)
  const [copied] = await h.sb.target.query<{ n: number }[]>(
    "SELECT COUNT(*) AS n FROM crm.legacy_contacts WHERE phone LIKE 'upd-%' OR phone = 'before-run'"
  )
  expect(Number(copied?.n)).toBe(4)
})
