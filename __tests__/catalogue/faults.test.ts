// The fault catalogue is complete: every fault the sandbox can inject has exactly one case, so a new fault without a
// catalogue entry fails CI. The cases themselves run in faults-*.test.ts.
import { FAULTS } from '../../sandbox/lib/faults.js'
import { OUTPUT_NAMES } from '../../src/report/outputs.js'
import { FAULT_CASES, MIGRATE_PHASES, OPTIONAL_MIGRATE_PHASES, SECRET_PLACES } from './faults.js'

test('every fault of the sandbox has exactly one catalogue case', () => {
  expect(FAULT_CASES.map((c) => c.fault).sort()).toEqual(Object.keys(FAULTS).sort())
})

test.each(FAULT_CASES.map((c) => [c.fault, c] as const))('%s is well formed', (_, c) => {
  expect(c.outputs.every((o) => (OUTPUT_NAMES as readonly string[]).includes(o))).toBe(true)
  if ('fails' in c.outcome) {
    const failed = [...MIGRATE_PHASES, ...OPTIONAL_MIGRATE_PHASES].indexOf(c.outcome.fails)
    expect(failed).toBeGreaterThanOrEqual(0)
    // A phase that completed before the failure cannot be the failed one; the message names the tool's own words.
    expect(c.completed).not.toContain(c.outcome.fails)
    expect(c.message.length).toBeGreaterThan(0)
    expect(() => new RegExp(c.message)).not.toThrow()
  } else {
    expect(c.completed).toEqual(MIGRATE_PHASES)
  }
})

test('the secret places are named once each', () => {
  const ids = SECRET_PLACES.map((p) => p.id)
  expect(new Set(ids).size).toBe(ids.length)
})
