// The body of each faults*.test.ts file: one private sandbox with distinctive passwords, then every catalogue case
// of the file's suite run through the bundled action (main and post step), each asserted for its outcome and for
// secrets. Each file runs its own suite, so the three files run in parallel.
import { describe, expect, jest, test } from '@jest/globals'
import type { FaultName } from '../../sandbox/lib/faults.js'
import { FAULT_CASES, type FaultSuite, type RunExpectation } from '../catalogue/faults.js'
import { expectCaseOutcome, expectNoSecrets, type Secrets } from './fault-assert.js'
import { runCase, type CaseRun } from './fault-run.js'
import { useHarness, type Harness } from './sandbox-harness.js'

/** Inputs every case gets: small waits, so a stuck piece fails fast. */
const FAST_INPUTS = { 'dm-sync-timeout-minutes': '1' }

/** What {@link FaultSuiteContext.run} runs: an expectation, with the fault that should produce it (or none). */
export interface RunCase extends RunExpectation {
  readonly fault?: FaultName
  readonly value?: string
  readonly inputs?: Readonly<Record<string, string>>
  readonly restartSource?: boolean
}

/** A suite's sandbox and how to run a case on it with the secrets check. */
export interface FaultSuiteContext {
  readonly h: () => Harness
  readonly secrets: () => Secrets
  /** Runs a case (a catalogue entry, or no fault) and checks its outcome and the secrets. */
  run(c: RunCase, runKey: string): Promise<CaseRun>
}

/**
 * Declares the tests of one suite of the catalogue on a sandbox of its own.
 * @param suite which cases
 * @returns the context, for further tests in the same file
 */
export function faultSuite(suite: FaultSuite): FaultSuiteContext {
  jest.setTimeout(240_000)
  // Distinctive passwords, so a leak is found by a plain substring search.
  const passwords = {
    source: `SourcePw${suite}7q3ZsecretA`,
    target: `TargetPw${suite}9k1XsecretB`
  }
  const ref = useHarness({ passwords, timings: { snapshot: 0, export: 1 } })
  const secrets = (): Secrets => ({
    values: [passwords.source, passwords.target, ref.h.sb.endpoints.secretAccessKey],
    dumplingPassword: passwords.source
  })
  const ctx: FaultSuiteContext = {
    h: () => ref.h,
    secrets,
    async run(c, runKey) {
      const run = await runCase(ref.h, {
        runKey,
        ...(c.fault === undefined ? {} : { fault: c.fault, value: c.value ?? '' }),
        inputs: { ...FAST_INPUTS, ...c.inputs },
        restartSource: c.restartSource === true,
        secrets: secrets().values
      })
      expectCaseOutcome(run, c)
      expectNoSecrets(run, secrets())
      return run
    }
  }
  describe(`fault catalogue: ${suite}`, () => {
    for (const [i, c] of FAULT_CASES.filter((x) => x.suite === suite).entries()) {
      const title = c.value ? `${c.fault}=${c.value}` : c.fault
      test(`${title}: ${'fails' in c.outcome ? `fails in ${c.outcome.fails}` : `succeeds ${c.outcome.succeeds}`}`, async () => {
        const run = await ctx.run(c, `fault-${suite}-${i + 1}`)
        if ('succeeds' in c.outcome && c.outcome.succeeds === 'after retries')
          expect(run.rdsErrors).toBeGreaterThan(0)
      })
    }
  })
  return ctx
}
