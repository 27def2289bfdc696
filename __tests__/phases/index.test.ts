import { validateGraph } from '../../src/orchestrator/run-graph.js'
import { phasesForOperation } from '../../src/phases/index.js'
import { fakeInputs } from '../helpers/inputs.js'
import type { Inputs } from '../../src/inputs/types.js'

const graph = (inputs: Inputs): Record<string, readonly string[]> =>
  Object.fromEntries(phasesForOperation(inputs).map((p) => [p.id, p.dependsOn]))

describe('phase graph', () => {
  test('migrate runs the schema track beside binlog → snapshot → export, then import and verify', () => {
    const phases = phasesForOperation(fakeInputs('migrate'))
    validateGraph(phases)
    expect(graph(fakeInputs('migrate'))).toEqual({
      precheck: [],
      tiup: ['precheck'],
      'schema-export': ['tiup'],
      'schema-import': ['schema-export'],
      // The binlog position is read right before the snapshot, never after the (slow) tool install.
      'binlog-capture': ['precheck'],
      snapshot: ['binlog-capture'],
      export: ['snapshot'],
      'skipped-tables': ['export', 'schema-import'],
      'data-import': ['export', 'schema-import', 'skipped-tables'],
      verify: ['data-import']
    })
  })

  test('migrate with a DM-master replicates after the verification', () => {
    const inputs = {
      ...fakeInputs('migrate'),
      dm: { ...fakeInputs().dm, masterAddr: '127.0.0.1:8261' }
    }
    expect(graph(inputs)['replicate']).toEqual(['verify'])
  })

  test('plan only checks and estimates', () => {
    expect(graph(fakeInputs('plan'))).toEqual({ precheck: [], plan: ['precheck'] })
  })

  test('DM operations install dmctl first when a DM-master is given', () => {
    const withDm = (op: 'status' | 'pause' | 'resume' | 'stop'): Inputs => ({
      ...fakeInputs(op),
      dm: { ...fakeInputs().dm, masterAddr: '127.0.0.1:8261', taskName: 't' }
    })
    for (const op of ['status', 'pause', 'resume', 'stop'] as const) {
      expect(graph(withDm(op))).toEqual({ tiup: [], [`dm-${op}`]: ['tiup'] })
    }
    expect(graph(fakeInputs('status'))).toEqual({ 'dm-status': [] })
  })
})
