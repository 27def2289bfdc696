import { newMigrationState } from '../../src/phases/migration-state.js'
import {
  decideResume,
  restoreReport,
  restoreState,
  type ResumeContext
} from '../../src/resume/decide.js'
import { RunStateError, parseRunState } from '../../src/resume/parse.js'
import {
  changedInputs,
  inputFingerprint,
  newRunState,
  withFinishedPhase,
  type RunStateRecord
} from '../../src/resume/record.js'
import { RunStateWriter, openRunState, type RunStateStore } from '../../src/resume/store.js'
import { newReport } from '../../src/report/types.js'
import { MIGRATE_PHASES } from '../catalogue/faults.js'
import { fakeInputs } from '../helpers/inputs.js'
import { parseFilter } from '../../src/table-filter/parse.js'

const WHERE = 's3://bucket/prefix/.state/test-run.json'
// The migrate phases without DM's replicate, in graph order.
const IDS: string[] = MIGRATE_PHASES.filter((id) => id !== 'replicate')
const T0 = new Date('2025-01-02T03:04:05.000Z')

/** A record in which `ids` finished, with what those phases learn set on the state. */
function recordWith(...ids: string[]): RunStateRecord {
  const inputs = fakeInputs()
  const state = newMigrationState(inputs.runKey)
  state.tables = [{ database: 'shop', table: 'orders' }]
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
  state.schemaUri = 's3://bucket/prefix/schema/test-run/'
  state.imported = { total: 5, perTable: { 'shop.orders': 5 } }
  state.restored = {
    cluster: 'aurora-to-tidb-copy-test-run',
    instance: 'aurora-to-tidb-copy-test-run-1',
    keep: false,
    endpoint: { host: 'copy.cluster-x.rds.amazonaws.com', port: 3306 },
    binlog: { file: 'mysql-bin.000003', position: 880 }
  }
  const report = newReport('migrate', T0)
  report.binlog = { file: 'mysql-bin.000003', position: 1200 }
  report.links.push({ label: 'Export', url: 's3://bucket/prefix/export/exp/' })
  let rec = newRunState(inputs.runKey, inputs, T0)
  ids.forEach((id, i) => {
    rec = withFinishedPhase(
      rec,
      {
        id,
        endedAt: new Date(T0.getTime() + i * 1000).toISOString(),
        outputs: id === 'snapshot' ? { 'snapshot-id': 'snap' } : {},
        note: `${id} note`,
        numbers: [{ label: 'n', value: i }]
      },
      state,
      report
    )
  })
  return rec
}

const ctx = (over: Partial<ResumeContext> = {}): ResumeContext => ({
  record: undefined,
  inputs: fakeInputs(),
  attempt: 1,
  where: WHERE,
  phaseIds: IDS,
  ...over
})

describe('run-state record', () => {
  test('round-trips through JSON and keeps only what each phase owns', () => {
    const rec = recordWith('precheck', 'binlog-capture', 'snapshot')
    const back = parseRunState(JSON.stringify(rec), WHERE, 'test-run')
    expect(back).toEqual(rec)
    expect(Object.keys(back.phases['snapshot']?.learned ?? {})).toEqual(['snapshot'])
    expect(back.phases['precheck']?.learned.tables).toEqual([{ database: 'shop', table: 'orders' }])
    expect(back.phases['binlog-capture']?.learned.binlog?.file).toBe('mysql-bin.000003')
    expect(JSON.stringify(back)).not.toContain('secret')
  })

  test.each([
    ['not JSON', '{', /is not JSON/],
    ['foreign JSON', '{"hello":1}', /is not a run-state file of aurora-to-tidb/],
    [
      'a newer format',
      JSON.stringify({ ...recordWith(), version: 2 }),
      /newer version of this action/
    ],
    [
      'a damaged phase',
      JSON.stringify({ ...recordWith(), phases: { snapshot: { endedAt: 'x' } } }),
      /is damaged: state\.phases\.snapshot\.endedAt must be an ISO time/
    ],
    [
      'a damaged learned field',
      JSON.stringify(
        (() => {
          const r = recordWith('binlog-capture') as unknown as Record<string, never>
          const p = JSON.parse(JSON.stringify(r)) as { phases: Record<string, { learned: object }> }
          p.phases['binlog-capture'] = {
            ...p.phases['binlog-capture'],
            learned: { binlog: { file: 3 } }
          }
          return { ...r, phases: p.phases }
        })()
      ),
      /state\.phases\.binlog-capture\.learned\.binlog\.file must be a string/
    ],
    [
      'a damaged restored copy',
      JSON.stringify(
        (() => {
          const r = JSON.parse(JSON.stringify(recordWith('restore'))) as {
            phases: Record<string, { learned: object }>
          }
          r.phases['restore'] = {
            ...r.phases['restore'],
            learned: {
              restored: { cluster: 'c', instance: 'c-1', keep: false, binlog: { file: 'f' } }
            }
          }
          return r
        })()
      ),
      /state\.phases\.restore\.learned\.restored\.binlog\.position must be a number/
    ],
    [
      "another run's file",
      JSON.stringify({ ...recordWith(), runKey: 'other' }),
      /belongs to run key 'other', not 'test-run'/
    ]
  ])('%s is a RunStateError naming the file', (_what, text, message) => {
    const parse = (): unknown => parseRunState(text, WHERE, 'test-run')
    expect(parse).toThrow(RunStateError)
    expect(parse).toThrow(message)
    expect(parse).toThrow(WHERE)
  })

  test('the fingerprint holds no password and names every changed input', () => {
    const inputs = fakeInputs()
    const fp = inputFingerprint(inputs)
    expect(Object.values(fp).join(' ')).not.toMatch(/secret/)
    const other = {
      ...inputs,
      filter: parseFilter(['crm.*']),
      source: { ...inputs.source, port: 3307 }
    }
    expect(changedInputs(fp, inputFingerprint(other))).toEqual([
      { name: 'source-port', was: '3306', now: '3307' },
      { name: 'filter', was: 'shop.*', now: 'crm.*' }
    ])
    const newPassword = { ...inputs, source: { ...inputs.source, password: 'x' } }
    expect(changedInputs(fp, inputFingerprint(newPassword))).toEqual([])
  })
})

describe('decideResume', () => {
  test('no state: a fresh run, but resume: true is an error', () => {
    expect(decideResume(ctx())).toEqual({ kind: 'fresh' })
    const resume = { ...fakeInputs(), resume: true }
    expect(() => decideResume(ctx({ inputs: resume }))).toThrow(
      /^Nothing to resume: there is no run state for run-key 'test-run'/
    )
  })

  test('a state on a first attempt without resume is refused, naming run-key and resume', () => {
    const record = recordWith('precheck', 'binlog-capture')
    expect(() => decideResume(ctx({ record }))).toThrow(
      `Run-key 'test-run' was used by an earlier run (state ${WHERE}; its last finished phase is binlog-capture, at 2025-01-02T03:04:06.000Z). Set resume: true`
    )
  })

  test('changed inputs are refused even on a re-run attempt', () => {
    const record = recordWith('precheck')
    const inputs = { ...fakeInputs(), filter: parseFilter(['crm.*']) }
    expect(() => decideResume(ctx({ record, inputs, attempt: 2 }))).toThrow(
      "Cannot resume run-key 'test-run': input filter (was 'shop.*', now 'crm.*') changed"
    )
  })

  test('a re-run skips what finished, always re-runs the precheck, and tiup while a tool phase is left', () => {
    const record = recordWith('precheck', 'tiup', 'schema-export', 'binlog-capture', 'snapshot')
    const d = decideResume(ctx({ record, attempt: 2 }))
    if (d.kind !== 'resume') throw new Error('expected resume')
    expect([...d.skip.keys()]).toEqual(['schema-export', 'binlog-capture', 'snapshot'])
    expect(d.skip.get('snapshot')?.note).toBe(
      'done in an earlier attempt at 2025-01-02T03:04:09.000Z · snapshot note'
    )
    expect(d.complete).toBe(false)
    expect(d.summary).toContain('running schema-import, export, data-import, verify')
  })

  test('tiup is skipped when no tool phase is left; a complete run skips everything', () => {
    const partial = recordWith(...IDS.filter((i) => i !== 'verify'))
    const p = decideResume(ctx({ record: partial, inputs: { ...fakeInputs(), resume: true } }))
    if (p.kind !== 'resume') throw new Error('expected resume')
    expect(p.skip.has('tiup')).toBe(true)
    expect(p.skip.has('precheck')).toBe(false)
    const all = decideResume(ctx({ record: recordWith(...IDS), attempt: 3 }))
    if (all.kind !== 'resume') throw new Error('expected resume')
    expect(all.complete).toBe(true)
    expect([...all.skip.keys()].sort()).toEqual([...IDS].sort())
    expect(all.summary).toContain('nothing to do')
  })

  test('restores what skipped phases learned and published, and the earlier selection', () => {
    const record = recordWith('precheck', 'binlog-capture', 'snapshot', 'export')
    const d = decideResume(ctx({ record, attempt: 2 }))
    if (d.kind !== 'resume') throw new Error('expected resume')
    const state = newMigrationState('test-run')
    restoreState(state, record, d.skip)
    expect(state.snapshot?.identifier).toBe('snap')
    expect(state.export?.status).toBe('COMPLETE')
    expect(state.tables).toEqual([{ database: 'shop', table: 'orders' }])
    expect(state.imported).toBeUndefined()
    expect(Object.keys(state.resumed?.phasesDone ?? {})).toEqual([
      'precheck',
      'binlog-capture',
      'snapshot',
      'export'
    ])
    const report = newReport('migrate')
    restoreReport(report, record, d.skip)
    expect(report.outputs).toEqual({ 'snapshot-id': 'snap' })
    expect(report.binlog?.file).toBe('mysql-bin.000003')
    expect(report.links).toHaveLength(1)
  })
})

describe('RunStateWriter', () => {
  test('writes the whole record after each phase, one write at a time, losing no update', async () => {
    const written: RunStateRecord[] = []
    let inFlight = 0
    const store: RunStateStore = {
      uri: WHERE,
      read: () => Promise.resolve(undefined),
      write: async (rec) => {
        inFlight++
        expect(inFlight).toBe(1)
        await new Promise((r) => setTimeout(r, 5))
        written.push(rec)
        inFlight--
      }
    }
    const inputs = fakeInputs()
    const writer = new RunStateWriter(
      store,
      undefined,
      inputs,
      newMigrationState('test-run'),
      newReport('migrate'),
      () => undefined,
      T0
    )
    const done = (id: string) => ({ id, endedAt: T0.toISOString(), outputs: {}, numbers: [] })
    void writer.phaseSucceeded(done('schema-export'))
    void writer.phaseSucceeded(done('snapshot'))
    await writer.flush()
    expect(written).toHaveLength(2)
    expect(Object.keys(written[1]?.phases ?? {})).toEqual(['schema-export', 'snapshot'])
  })

  test('a failed write is a warning in the report, not a failure', async () => {
    const warnings: string[] = []
    const report = newReport('migrate')
    const store: RunStateStore = {
      uri: WHERE,
      read: () => Promise.resolve(undefined),
      write: () => Promise.reject(new Error('AccessDenied: Access Denied'))
    }
    const writer = new RunStateWriter(
      store,
      undefined,
      fakeInputs(),
      newMigrationState('test-run'),
      report,
      (m) => warnings.push(m),
      T0
    )
    await writer.phaseSucceeded({
      id: 'export',
      endedAt: T0.toISOString(),
      outputs: {},
      numbers: []
    })
    expect(warnings).toEqual([
      `Could not write the run state ${WHERE} after export: AccessDenied: Access Denied. A re-run will not know this phase finished and will do it again (safely: nothing is imported twice).`
    ])
    expect(report.warnings).toEqual(warnings)
  })
})

describe('openRunState: a re-run after the restored copy was made and removed', () => {
  // Everything up to the import and the copy finished; verify (and what follows) is left.
  const record = recordWith(
    'precheck',
    'schema-export',
    'schema-import',
    'binlog-capture',
    'snapshot',
    'export',
    'data-import',
    'restore'
  )
  async function open(verify: 'counts' | undefined) {
    const warnings: string[] = []
    const state = newMigrationState('test-run')
    const opened = await openRunState({
      inputs: { ...fakeInputs(), resume: true, verify },
      store: {
        uri: WHERE,
        read: () => Promise.resolve(JSON.stringify(record)),
        write: () => Promise.resolve()
      },
      state,
      report: newReport('migrate', T0),
      phaseIds: [...IDS, 'restore'],
      attempt: 2,
      now: T0,
      log: () => undefined,
      warn: (w) => warnings.push(w),
      probes: {
        missingTargetTables: () => Promise.resolve([]),
        objectCount: () => Promise.resolve(1),
        snapshot: () => Promise.resolve({ arn: 'arn:snap' }),
        binlogSize: () => Promise.resolve(100_000)
      },
      dependsOn: new Map([
        ['restore', ['snapshot']],
        ['verify', ['data-import', 'restore']]
      ])
    })
    return { done: opened.done, state, warnings }
  }

  test('verify comparing contents (the default with a copy): the copy is restored again', async () => {
    const { done, state, warnings } = await open(undefined)
    expect(done.has('restore')).toBe(false)
    expect(state.restored).toBeUndefined()
    expect(warnings).toEqual([
      expect.stringMatching(
        /^restore finished in an earlier attempt, but runs again: verify compares/
      )
    ])
  })

  test('verify: counts: restore stays done, and its position is kept for DM', async () => {
    const { done, state, warnings } = await open('counts')
    expect(done.has('restore')).toBe(true)
    expect(warnings).toEqual([])
    expect(state.restored).toEqual({
      cluster: 'aurora-to-tidb-copy-test-run',
      instance: 'aurora-to-tidb-copy-test-run-1',
      keep: false,
      binlog: { file: 'mysql-bin.000003', position: 880 }
    })
  })
})
