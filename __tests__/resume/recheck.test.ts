// Re-runs verify, then skip (resume/recheck.ts): a finished phase whose effect is gone runs again with the phases
// after it, or the run is refused with the fix; a record that contradicts AWS or the source is refused.
import { newMigrationState } from '../../src/phases/migration-state.js'
import { decideResume, restoreState, TOOL_PHASES } from '../../src/resume/decide.js'
import { RunStateError } from '../../src/resume/parse.js'
import { recheckDone, type EffectProbes } from '../../src/resume/recheck.js'
import { newRunState, withFinishedPhase, type RunStateRecord } from '../../src/resume/record.js'
import { fakeInputs } from '../helpers/inputs.js'

const WHERE = 's3://bucket/prefix/.state/k.json'
const GRAPH = new Map<string, string[]>([
  ['precheck', []],
  ['tiup', ['precheck']],
  ['schema-export', ['tiup']],
  ['schema-import', ['schema-export']],
  ['binlog-capture', ['precheck']],
  ['snapshot', ['binlog-capture']],
  ['export', ['snapshot']],
  ['data-import', ['export', 'schema-import']],
  ['verify', ['data-import']],
  ['replicate', ['verify']]
])
const TABLES = [
  { database: 'shop', table: 'orders' },
  { database: 'shop', table: 'items' }
]

/** A record in which `ids` finished, with what those phases learn. */
function recordWith(ids: readonly string[]): RunStateRecord {
  const inputs = fakeInputs()
  const state = newMigrationState(inputs.runKey)
  state.tables = TABLES
  state.binlog = { file: 'mysql-bin.000003', position: 1200, gtid: undefined, capturedAt: 1 }
  state.snapshot = { identifier: 'snap', arn: 'arn:snap', createdAt: 2, reused: false }
  state.export = {
    taskId: 'exp',
    bucket: 'bucket',
    prefix: 'prefix/export/exp',
    uri: 's3://bucket/prefix/export/exp/',
    status: 'COMPLETE',
    skipped: []
  }
  state.schemaUri = 's3://bucket/prefix/schema/k/'
  state.imported = { total: 3, perTable: { 'shop.orders': 3 } }
  state.restored = {
    cluster: 'aurora-to-tidb-copy-k',
    instance: 'aurora-to-tidb-copy-k-1',
    keep: false,
    endpoint: { host: 'copy.cluster-x.rds.amazonaws.com', port: 3306 },
    binlog: { file: 'mysql-bin.000003', position: 880 }
  }
  let record = newRunState(inputs.runKey, inputs, new Date(0))
  for (const id of ids)
    record = withFinishedPhase(
      record,
      { id, endedAt: '2026-01-01T00:00:00.000Z', outputs: {}, numbers: [] },
      state,
      { tables: [], links: [] }
    )
  return record
}

/** Probes of a world where everything the record names exists, with `changes`. */
function world(changes: Partial<EffectProbes> = {}): EffectProbes & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    missingTargetTables: () => (asked.push('tables'), Promise.resolve([])),
    objectCount: (b, p) => (asked.push(`objects ${p}`), Promise.resolve(12)),
    snapshot: () => (asked.push('snapshot'), Promise.resolve({ arn: 'arn:snap' })),
    binlogSize: () => (asked.push('binlog'), Promise.resolve(5000)),
    ...changes
  }
}

/** The graph of a run with a restored copy (`restore-snapshot`): verify and replicate wait for it. */
const GRAPH_WITH_COPY = new Map<string, string[]>([
  ...GRAPH,
  ['restore', ['snapshot']],
  ['verify', ['data-import', 'restore']],
  ['replicate', ['verify', 'restore']]
])

async function recheck(
  done: readonly string[],
  probes: EffectProbes,
  opts: { graph?: ReadonlyMap<string, readonly string[]>; verifyUsesCopy?: boolean } = {}
) {
  const record = recordWith(done)
  const graph = opts.graph ?? GRAPH
  const decision = decideResume({
    record,
    inputs: { ...fakeInputs(), resume: true },
    attempt: 2,
    where: WHERE,
    phaseIds: [...graph.keys()]
  })
  if (decision.kind !== 'resume') throw new Error('expected a resume')
  const out = await recheckDone({
    record,
    skip: decision.skip,
    dependsOn: graph,
    probes,
    toolPhases: TOOL_PHASES,
    where: WHERE,
    ...(opts.verifyUsesCopy === undefined ? {} : { verifyUsesCopy: opts.verifyUsesCopy })
  })
  const state = newMigrationState(record.runKey)
  restoreState(state, record, out.skip)
  return { ...out, state }
}

const UP_TO_IMPORT = [
  'precheck',
  'schema-export',
  'schema-import',
  'binlog-capture',
  'snapshot',
  'export'
]
const ALL = [...UP_TO_IMPORT, 'data-import', 'verify']

test('with every effect in place, the skip stands', async () => {
  const probes = world()
  const out = await recheck(UP_TO_IMPORT, probes)
  expect(out.redo).toEqual([])
  expect([...out.skip.keys()].sort()).toEqual(
    ['binlog-capture', 'export', 'schema-export', 'schema-import', 'snapshot'].sort()
  )
  // The export's files are checked (the data import needs them); the schema files are not (the import is done).
  expect(probes.asked).toContain('objects prefix/export/exp')
  expect(probes.asked).not.toContain('objects prefix/schema/k/')
})

test('tables gone from the target: the schema import runs again, and every finished phase after it', async () => {
  const out = await recheck(ALL, world({ missingTargetTables: (t) => Promise.resolve([...t]) }))
  expect(out.redo).toEqual([
    {
      id: 'schema-import',
      why: '2 selected table(s) are no longer on the target (`shop`.`orders`, `shop`.`items`)'
    },
    { id: 'data-import', why: 'it depends on schema-import, which runs again' },
    { id: 'verify', why: 'it depends on data-import, which runs again' }
  ])
  expect(out.skip.has('schema-export')).toBe(true)
  // The precheck and tiup run again too (everything was done before, so both were "not needed").
  expect(out.skip.has('precheck')).toBe(false)
  expect(out.skip.has('tiup')).toBe(false)
})

test('tables gone and the schema files gone too: the schema export runs again', async () => {
  const out = await recheck(
    UP_TO_IMPORT,
    world({
      missingTargetTables: (t) => Promise.resolve([...t]),
      objectCount: (b, p) => Promise.resolve(p.includes('/schema/') ? 0 : 3)
    })
  )
  expect(out.redo.map((r) => r.id)).toEqual(['schema-import', 'schema-export'])
})

test('tables gone while DM replication already started: refused with the fix', async () => {
  await expect(
    recheck([...ALL, 'replicate'], world({ missingTargetTables: (t) => Promise.resolve([...t]) }))
  ).rejects.toThrow(
    /DM replication of this run already started.*stop the DM task \(operation: stop\)/
  )
})

test('the export files gone while the data import must still run: refused with the fix', async () => {
  const e = recheck(
    UP_TO_IMPORT,
    world({ objectCount: (b, p) => Promise.resolve(p.includes('/export/') ? 0 : 3) })
  )
  await expect(e).rejects.toThrow(RunStateError)
  await expect(e).rejects.toThrow(
    'The export exp of an earlier attempt is no longer in s3://bucket/prefix/export/exp/ (deleted?)'
  )
})

test('a record that contradicts AWS or the source is refused', async () => {
  await expect(
    recheck(UP_TO_IMPORT, world({ snapshot: () => Promise.resolve({ arn: 'arn:other' }) }))
  ).rejects.toThrow(
    'records snapshot snap as arn:snap, but AWS says arn:other: the record was changed or belongs to another account or Region'
  )
  await expect(
    recheck(UP_TO_IMPORT, world({ binlogSize: () => Promise.resolve(1000) }))
  ).rejects.toThrow(
    'records binlog position mysql-bin.000003:1200, but that file on the source ends at 1000'
  )
})

test('a deleted snapshot matters only while the export must still run', async () => {
  const gone = world({ snapshot: () => Promise.resolve(undefined) })
  expect((await recheck(UP_TO_IMPORT, gone)).redo).toEqual([])
  await expect(recheck(['precheck', 'binlog-capture', 'snapshot'], gone)).rejects.toThrow(
    'The cluster snapshot snap of an earlier attempt no longer exists'
  )
})

describe('the restored copy on a resumed run', () => {
  const WITH_COPY = { graph: GRAPH_WITH_COPY }

  test('verify and restore done, replicate left: restore is skipped and DM gets the copy’s position', async () => {
    const out = await recheck([...ALL, 'restore'], world(), WITH_COPY)
    expect(out.redo).toEqual([])
    expect(out.skip.has('restore')).toBe(true)
    expect(out.skip.has('replicate')).toBe(false)
    // Its names and position come back; not the endpoint of a copy removed when the earlier attempt ended.
    expect(out.state.restored).toEqual({
      cluster: 'aurora-to-tidb-copy-k',
      instance: 'aurora-to-tidb-copy-k-1',
      keep: false,
      binlog: { file: 'mysql-bin.000003', position: 880 }
    })
  })

  test('verify still to run and comparing contents: the copy is restored again', async () => {
    const out = await recheck([...UP_TO_IMPORT, 'data-import', 'restore'], world(), WITH_COPY)
    expect(out.redo).toEqual([
      {
        id: 'restore',
        why: 'verify compares the contents with the restored copy, which a run removes when it ends (its endpoint is not recorded); it is restored again from the same snapshot'
      }
    ])
    expect(out.skip.has('restore')).toBe(false)
    expect(out.state.restored).toBeUndefined()
  })

  test('verify still to run by counts (verify: counts): restore stays skipped', async () => {
    const out = await recheck([...UP_TO_IMPORT, 'data-import', 'restore'], world(), {
      ...WITH_COPY,
      verifyUsesCopy: false
    })
    expect(out.redo).toEqual([])
    expect(out.state.restored?.binlog).toEqual({ file: 'mysql-bin.000003', position: 880 })
  })

  test('the copy to restore again but the snapshot deleted: refused, naming verify: counts', async () => {
    const gone = world({ snapshot: () => Promise.resolve(undefined) })
    await expect(
      recheck([...UP_TO_IMPORT, 'data-import', 'restore'], gone, WITH_COPY)
    ).rejects.toThrow(
      /snapshot snap of an earlier attempt no longer exists, and the restore phase must still restore a copy from it\. Set input verify to counts/
    )
  })
})
