// A reused snapshot (snapshot-identifier) with DM on the sandbox: without the position recorded when it was taken (and
// without a restored copy to tell it) the run is refused before anything runs; with it, DM's start is that position,
// not a later one read now, so the rows written since the snapshot are replicated rather than lost.
import { binlogCapturePhase } from '../../src/phases/binlog-capture.js'
import { newMigrationState } from '../../src/phases/migration-state.js'
import { InputError } from '../../src/inputs/input-error.js'
import { useHarness } from '../helpers/sandbox-harness.js'

const sandbox = useHarness()

test('refused before any side effect without the snapshot’s position; with it, DM starts there', async () => {
  const { h } = sandbox
  const base = { 'snapshot-identifier': 'taken-yesterday', 'restore-snapshot': 'false' }
  expect(h.inputs({}).dm.masterAddr).toBeDefined()
  const before = h.sb.requests().length
  expect(() => h.inputs(base)).toThrow(InputError)
  expect(() => h.inputs(base)).toThrow(
    /reuses snapshot 'taken-yesterday' and 'dm-master-addr' starts DM/
  )
  expect(h.sb.requests().length).toBe(before)

  // "When the snapshot was taken": the source's position then; rows are written after it.
  const [then] = await h.sb.source.query<{ File: string; Position: number }[]>('SHOW MASTER STATUS')
  if (then === undefined) throw new Error('no binlog on the source')
  await h.sb.source.query('CREATE DATABASE IF NOT EXISTS later_rows')
  await h.sb.source.query('CREATE TABLE IF NOT EXISTS later_rows.t (id INT PRIMARY KEY)')
  await h.sb.source.query('INSERT INTO later_rows.t VALUES (1), (2), (3)')
  const [now] = await h.sb.source.query<{ File: string; Position: number }[]>('SHOW MASTER STATUS')
  expect(`${now?.File}:${now?.Position}`).not.toBe(`${then.File}:${then.Position}`)

  const inputs = h.inputs({
    ...base,
    'binlog-file': then.File,
    'binlog-position': String(then.Position)
  })
  const state = newMigrationState(inputs.runKey)
  const run = await h.runPhases([{ ...binlogCapturePhase(state), dependsOn: [] }], inputs)
  expect(run.result.error).toBeUndefined()
  expect(state.binlog).toMatchObject({
    file: then.File,
    position: Number(then.Position),
    given: true
  })
  expect(run.report.outputs['binlog-position']).toBe(String(then.Position))
})
