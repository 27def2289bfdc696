// dm-status / dm-pause… with a scripted dmctl and RDS: export task reporting, what fails and what only warns.
import type { Inputs } from '../../src/inputs/types.js'
import { runGraph } from '../../src/orchestrator/run-graph.js'
import { dmOperationPhase, type DmOperation } from '../../src/phases/dm-operation.js'
import { newMigrationState } from '../../src/phases/migration-state.js'
import { newReport } from '../../src/report/types.js'
import { taskStatusFromQuery } from '../../src/tidb/dm/status.js'
import type { Dmctl, DmctlCall } from '../../src/tidb/dm/dmctl.js'
import { parseDmctlOutput } from '../../src/tidb/dm/dmctl-output.js'
import { fakeInputs } from '../helpers/inputs.js'
import { ManualClock } from '../helpers/manual-clock.js'
import { fixture, SCRIPTED_TIUP } from '../tidb/dm/dmctl-samples.js'

/** A dmctl whose query-status answers the given fixtures in turn (the last one repeats). */
function scriptedDmctl(answers: string[], calls: string[] = []): Dmctl {
  let i = 0
  const call = (command: DmctlCall['command'], text: string): DmctlCall => ({
    command,
    output: parseDmctlOutput(text),
    commandLine: command,
    tail: []
  })
  return {
    getSourceConfig: () => Promise.reject(new Error('not used')),
    createSource: () => Promise.reject(new Error('not used')),
    stopSource: () => Promise.reject(new Error('not used')),
    listTasks: () => Promise.reject(new Error('not used')),
    checkTask: () => Promise.reject(new Error('not used')),
    startTask: () => Promise.reject(new Error('not used')),
    queryStatus(task) {
      calls.push(`query-status ${task}`)
      const c = call('query-status', fixture(answers[Math.min(i++, answers.length - 1)] ?? ''))
      return Promise.resolve({ ...c, status: taskStatusFromQuery(c.output, task) })
    },
    operateTask(op, task) {
      calls.push(`${op}-task ${task}`)
      return Promise.resolve(call(`${op}-task`, fixture('stop-task-success-v8.txt')))
    },
    writeConfig: () => Promise.reject(new Error('not used')),
    removeFiles: () => Promise.resolve([])
  }
}

interface Run {
  failure: { message: string; toolLine?: string | undefined } | undefined
  outputs: Record<string, string>
  warnings: string[]
  note: string | undefined
}

async function run(
  operation: DmOperation,
  inputs: Partial<Inputs>,
  deps: Parameters<typeof dmOperationPhase>[2]
): Promise<Run> {
  const state = { ...newMigrationState('r'), tiup: SCRIPTED_TIUP }
  const i: Inputs = { ...fakeInputs(operation), ...inputs }
  const report = newReport(operation)
  await runGraph([{ ...dmOperationPhase(state, operation, deps), dependsOn: [] }], {
    inputs: i,
    report,
    sink: { info: () => undefined, startGroup: () => undefined, endGroup: () => undefined }
  })
  const p = report.phases[0]
  return {
    failure: p?.failure,
    outputs: report.outputs,
    warnings: p?.warnings ?? [],
    note: p?.note
  }
}

const dm = (taskName = 'aurora-task') => ({
  ...fakeInputs('status').dm,
  masterAddr: '10.0.0.1:8261',
  taskName
})

describe('status of a DM task', () => {
  test('a running task is reported and succeeds', async () => {
    const r = await run(
      'status',
      { dm: dm() },
      { dmctl: () => scriptedDmctl(['query-status-running-lag-v8.txt']) }
    )
    expect(r.failure).toBeUndefined()
    expect(r.outputs).toEqual({
      'dm-task': 'aurora-task',
      'dm-stage': 'Running',
      'dm-lag-seconds': '42',
      'dm-synced-position': 'mysql-bin-changelog.018129:52806'
    })
    expect(r.note).toBe(
      'Running · lag 42 s · synced to (mysql-bin-changelog.018129, 52806) · source at (mysql-bin-changelog.018130, 1204)'
    )
  })

  test('a task paused with an error fails with DM’s error text', async () => {
    const r = await run(
      'status',
      { dm: dm() },
      {
        dmctl: () => scriptedDmctl(['query-status-paused-36069-relay-v8.txt'])
      }
    )
    expect(r.outputs['dm-stage']).toBe('Error')
    expect(r.failure?.toolLine).toMatch(
      /^\[code=36069:class=sync-unit:scope=upstream:level=high\], Message: /
    )
  })

  test('the gate waits while the lag shrinks and reports ready-for-cutover', async () => {
    const clock = new ManualClock()
    const calls: string[] = []
    const r = await run(
      'status',
      { dm: dm(), waitForLagSeconds: 60, waitTimeoutMs: 600_000 },
      {
        dmctl: () => scriptedDmctl(['query-status-running-lag-v8.txt'], calls),
        clock
      }
    )
    expect(r.failure).toBeUndefined()
    expect(r.outputs['ready-for-cutover']).toBe('true')
    expect(calls).toEqual(['query-status aurora-task'])
  })

  test('the gate times out with ready-for-cutover false, naming both inputs', async () => {
    const clock = new ManualClock()
    const start = clock.now()
    const r = await run(
      'status',
      { dm: dm(), waitForLagSeconds: 10, waitTimeoutMs: 120_000 },
      { dmctl: () => scriptedDmctl(['query-status-running-lag-v8.txt']), clock }
    )
    expect(r.outputs['ready-for-cutover']).toBe('false')
    expect(r.failure?.message).toBe(
      'Not ready for cut-over: DM task aurora-task was Running with lag 42 s, not within wait-for-lag-seconds (10 s), after 2m 00s (wait-timeout-minutes).'
    )
    expect(clock.now() - start).toBe(120_000)
  })

  test('a paused task (by a user) is reported with a warning, not a failure', async () => {
    const paused = fixture('query-status-running-lag-v8.txt').replace(
      '"stage": "Running"',
      '"stage": "Paused"'
    )
    const dmctl = scriptedDmctl(['query-status-running-lag-v8.txt'])
    dmctl.queryStatus = (task) => {
      const output = parseDmctlOutput(paused)
      return Promise.resolve({
        command: 'query-status',
        output,
        commandLine: '',
        tail: [],
        status: taskStatusFromQuery(output, task)
      })
    }
    const r = await run('status', { dm: dm() }, { dmctl: () => dmctl })
    expect(r.failure).toBeUndefined()
    expect(r.warnings).toEqual(['DM task aurora-task is Paused: it does not replicate now.'])
  })
})

describe('lifecycle', () => {
  test('pause that never shows in query-status fails after the verify deadline', async () => {
    const calls: string[] = []
    const r = await run(
      'pause',
      { dm: dm() },
      {
        dmctl: () => scriptedDmctl(['query-status-running-lag-v8.txt'], calls),
        clock: new ManualClock(),
        verifyDeadlineMs: 30_000
      }
    )
    expect(calls[0]).toBe('pause-task aurora-task')
    expect(r.failure?.message).toMatch(
      /^DM accepted pause-task aurora-task, but query-status still shows Running · lag 42 s .* after 30\.0 s\.$/
    )
  })

  test('resume of a task that keeps its error fails once the error outlives the settle time', async () => {
    const r = await run(
      'resume',
      { dm: dm() },
      {
        dmctl: () => scriptedDmctl(['query-status-paused-36069-relay-v8.txt']),
        clock: new ManualClock()
      }
    )
    expect(r.failure?.message).toMatch(
      /^resume-task aurora-task: DM task aurora-task is paused with an error: \[code=36069/
    )
  })
})

describe('status of an export task', () => {
  const TASK = {
    ExportTaskIdentifier: 'aurora-to-tidb-r',
    Status: 'IN_PROGRESS',
    PercentProgress: 42,
    S3Bucket: 'bucket',
    S3Prefix: 'prefix/export',
    TaskStartTime: new Date('2024-01-01T00:00:00Z')
  }
  const withExport = (id = 'aurora-to-tidb-r'): Partial<Inputs> => ({
    aws: { ...fakeInputs().aws, exportTaskIdentifier: id },
    dm: { ...fakeInputs('status').dm, masterAddr: undefined }
  })
  const rds = (send: () => Promise<unknown>) => ({
    aws: { clients: { rds: { send }, s3: { send } }, retry: { retries: 0 } }
  })

  test('reports status, progress and where the files are, read-only', async () => {
    const sent: unknown[] = []
    const r = await run('status', withExport(), {
      ...rds((cmd?: object) => {
        sent.push((cmd as { input: unknown }).input)
        return Promise.resolve({ ExportTasks: [TASK] })
      })
    })
    expect(r.failure).toBeUndefined()
    expect(sent).toEqual([{ ExportTaskIdentifier: 'aurora-to-tidb-r' }])
    expect(r.outputs).toEqual({
      'export-task-id': 'aurora-to-tidb-r',
      'export-uri': 's3://bucket/prefix/export/aurora-to-tidb-r/'
    })
  })

  test('a FAILED export fails with its FailureCause', async () => {
    const failed = {
      ...TASK,
      Status: 'FAILED',
      FailureCause: 'The S3 bucket bucket is not in us-east-1.'
    }
    const r = await run(
      'status',
      withExport(),
      rds(() => Promise.resolve({ ExportTasks: [failed] }))
    )
    expect(r.failure?.message).toBe(
      "Export task 'aurora-to-tidb-r' ended FAILED: The S3 bucket bucket is not in us-east-1."
    )
    expect(r.failure?.toolLine).toBe('The S3 bucket bucket is not in us-east-1.')
  })

  test('an unknown id fails naming the input, whether AWS faults or answers an empty list', async () => {
    const fault = Object.assign(new Error("The export task with the ID x doesn't exist."), {
      name: 'ExportTaskNotFoundFault'
    })
    for (const send of [() => Promise.reject(fault), () => Promise.resolve({ ExportTasks: [] })]) {
      const r = await run('status', withExport('x'), rds(send))
      expect(r.failure?.message).toBe(
        "Export task 'x' (input export-task-identifier) was not found in us-east-1."
      )
    }
  })

  test('an AWS error is shown with AWS’s own line', async () => {
    const denied = Object.assign(
      new Error('User is not authorized to perform rds:DescribeExportTasks'),
      {
        name: 'AccessDenied',
        $metadata: { httpStatusCode: 403 }
      }
    )
    const r = await run(
      'status',
      withExport(),
      rds(() => Promise.reject(denied))
    )
    expect(r.failure?.message).toMatch(
      /^Reading export task 'aurora-to-tidb-r' failed: AccessDenied/
    )
    expect(r.failure?.toolLine).toMatch(/^AccessDenied/)
  })

  test('with a DM task too, the DM task is still reported when the export failed', async () => {
    const failed = { ...TASK, Status: 'CANCELED' }
    const r = await run(
      'status',
      { ...withExport(), dm: dm() },
      {
        ...rds(() => Promise.resolve({ ExportTasks: [failed] })),
        dmctl: () => scriptedDmctl(['query-status-running-lag-v8.txt'])
      }
    )
    expect(r.outputs['dm-stage']).toBe('Running')
    expect(r.failure?.message).toBe(
      "Export task 'aurora-to-tidb-r' ended CANCELED: the task ended CANCELED"
    )
  })
})
