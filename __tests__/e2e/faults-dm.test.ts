// Fault catalogue, DM side, and the secrets test's clean runs: a full successful `migrate` with DM, RDS throttling
// (retried, then the run succeeds), dmctl's exit-0 `result: false`, a failing check-task and a task that pauses —
// each through the bundled action (main and post step) on a private sandbox with distinctive passwords — plus a
// run cancelled by the runner's signal mid-import, after which the post step leaves no secret behind.
import { expect, test } from '@jest/globals'
import { CLEAN_RUN } from '../catalogue/faults.js'
import { expectNoSecrets } from '../helpers/fault-assert.js'
import { processesOf, runCase } from '../helpers/fault-run.js'
import { faultSuite } from '../helpers/fault-suite.js'

const suite = faultSuite('dm')

test('a full successful migrate with DM leaks no secret and leaves nothing running', async () => {
  const run = await suite.run(CLEAN_RUN, 'clean-migrate')
  expect(run.main.outputs['verify-result']).toBe('passed')
  expect(run.main.outputs['dm-stage']).toBe('Running')
  expect(run.rdsErrors).toBe(0)
})

test('cancelled mid-import (SIGINT, as the runner does): the post step removes every secret-bearing file', async () => {
  const h = suite.h()
  const runKey = 'cancel-mid-import'
  h.sb.setTiming('lightning', 30)
  try {
    const run = await runCase(h, {
      runKey,
      secrets: suite.secrets().values,
      during: async () => {
        // Wait for Lightning's schema import, then signal the action like a cancelled job.
        for (let i = 0; i < 600; i++) {
          const procs = processesOf(runKey)
          const action = procs.find((p) => /dist\/index\.js$/.test(p))
          if (action && procs.some((p) => /tidb-lightning .*-config/.test(p))) {
            process.kill(Number(action.split(':')[0]), 'SIGINT')
            return
          }
          await new Promise((r) => setTimeout(r, 100))
        }
        throw new Error('Lightning never started')
      }
    })
    expect(run.main.exitCode).not.toBe(0)
    expect(run.result?.status).toBe('cancelled')
    expect(run.aliveAfterMain).toEqual([])
    expect([...run.seen.values()].some((f) => f.secret)).toBe(true)
    expectNoSecrets(run, suite.secrets())
  } finally {
    h.sb.clearTimings()
  }
})
