// Runs the bad-environment catalogue (catalogue/bad-environments.ts) through the whole migrate graph on the sandbox:
// each case must end in the precheck — before any side effect (no snapshot, no export, no S3 write, no DM call, no
// tool download, per the stand-ins' request logs) — with one clear message naming what to fix.
import { newMigrationState } from '../../src/phases/migration-state.js'
import { migratePhases } from '../../src/phases/index.js'
import { BAD_ENVIRONMENTS } from '../catalogue/bad-environments.js'
import { withEnv } from '../helpers/env.js'
import { useHarness } from '../helpers/sandbox-harness.js'

const sandbox = useHarness()
afterEach(() => {
  sandbox.h.sb.clearFaults()
})

test.each(BAD_ENVIRONMENTS.map((c) => [c.name, c] as const))(
  '%s',
  async (_name, c) => {
    const { h } = sandbox
    const inputs = c.inputs ? await c.inputs(h.sb) : {}
    const env = c.env ? await c.env(h.sb) : {}
    if (c.fault) h.sb.setFault(c.fault)
    const undo = c.setup ? await c.setup(h.sb) : undefined
    const before = h.sb.requests().length
    const restoreEnv = withEnv(env)
    try {
      const parsed = h.inputs(inputs)
      const run = await h.runPhases(migratePhases(parsed, newMigrationState(parsed.runKey)), parsed)

      // It ends in the precheck, and nothing after it started.
      expect(run.report.phases.map((p) => [p.id, p.status])).toEqual(
        run.report.phases.map((p) => [p.id, p.id === 'precheck' ? 'failed' : 'skipped'])
      )
      const row = run.report.checks.find((r) => r.id === c.check)
      expect(row?.status).toBe('fail')
      const message = (run.result.error as Error | undefined)?.message ?? ''
      expect(message).toMatch(/^(A precheck|\d+ prechecks) failed; nothing was changed\./)
      expect(message).toMatch(c.message)

      // No side effect: no write to any stand-in, no DM call, no tool download.
      const during = h.sb.requests().slice(before)
      expect(during.filter((r) => r.write)).toEqual([])
      expect(during.filter((r) => r.piece === 'dm' || r.piece === 'mirror')).toEqual([])
    } finally {
      restoreEnv()
      if (undo) await undo()
    }
  },
  60_000
)

test('the catalogue covers every check that can fail on the sandbox at least once', () => {
  expect(new Set(BAD_ENVIRONMENTS.map((c) => c.check)).size).toBeGreaterThanOrEqual(17)
  expect(BAD_ENVIRONMENTS.length).toBeGreaterThanOrEqual(25)
})
