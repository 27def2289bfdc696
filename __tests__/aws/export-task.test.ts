import fc from 'fast-check'
import {
  exportProgress,
  formatDuration,
  isTerminalExportStatus,
  normaliseExportStatus,
  parseWarningMessage,
  toExportTaskView,
  warningLines
} from '../../src/aws/export-task.js'
import {
  describeReal,
  readReal,
  realSamples,
  stripDocsLineNumbers
} from '../fixtures/real-outputs.js'

const tasksOf = (rel: string): unknown[] => {
  const doc = JSON.parse(stripDocsLineNumbers(readReal(rel))) as { ExportTasks: unknown[] }
  return doc.ExportTasks
}

/** The API outputs of real-outputs/aurora (start/cancel/describe-export-task[s]); each is read by a test below. */
const API_OUTPUTS = [
  'cancel-export-task-awscli-example.json',
  'cancel-export-task-output-line-numbered-docs.txt',
  'describe-export-tasks-awscli-example.json',
  'describe-export-tasks-cluster-export-line-numbered-docs.txt',
  'describe-export-tasks-snapshot-line-numbered-docs.txt',
  'start-export-task-awscli-example.json',
  'start-export-task-output-docs.json'
].map((f) => `aurora/${f}`)

describeReal('export tasks from the API outputs in real-outputs/aurora', () => {
  test('every API output sample is covered by a test below', () => {
    expect(
      realSamples('aurora').filter((f) => /\/(start|cancel|describe)-export-/.test(f))
    ).toEqual(API_OUTPUTS)
  })

  test('describe-export-tasks (AWS CLI example): COMPLETE and a STARTING task without times', () => {
    const [done, starting] = tasksOf('aurora/describe-export-tasks-awscli-example.json').map(
      toExportTaskView
    )
    expect(done).toMatchObject({
      id: 'test-snapshot-export',
      status: 'COMPLETE',
      percent: 100,
      totalExtractedGB: 0,
      s3Bucket: 'mybucket',
      s3Prefix: '', // `"S3Prefix": ""`: the files are at the bucket root, not at an unknown place
      snapshotTime: new Date('2020-03-02T18:26:28.163Z'),
      taskStartTime: new Date('2020-03-02T18:57:56.896Z'),
      taskEndTime: new Date('2020-03-02T19:10:31.985Z'),
      warnings: undefined
    })
    expect(starting).toMatchObject({
      id: 'my-s3-export',
      status: 'STARTING',
      percent: 0,
      taskStartTime: undefined,
      taskEndTime: undefined
    })
  })

  test.each([
    ['aurora/describe-export-tasks-cluster-export-line-numbered-docs.txt', ':cluster:'],
    ['aurora/describe-export-tasks-snapshot-line-numbered-docs.txt', ':snapshot:']
  ])(
    '%s: CANCELED, COMPLETE with a JSON-in-a-string warning, FAILED with its cause',
    (rel, arn) => {
      const [canceled, complete, failed] = tasksOf(rel).map(toExportTaskView)
      expect(canceled).toMatchObject({ id: 'anewtest', status: 'CANCELED', s3Prefix: 'something' })
      expect(canceled?.sourceArn).toContain(arn)
      expect(complete).toMatchObject({
        id: 'thursday-events-test',
        status: 'COMPLETE',
        percent: 100,
        totalExtractedGB: 263,
        warnings: {
          skippedTables: [],
          skippedObjectives: [],
          general: ['FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE'],
          text: undefined
        }
      })
      expect(warningLines(complete?.warnings)).toEqual([
        'export warning: FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE'
      ])
      expect(failed?.status).toBe('FAILED')
      expect(failed?.failureCause).toMatch(
        /^The S3 bucket \S+ isn't located in the current AWS Region/
      )
    }
  )

  test('the 2019 ExportTime is read as the snapshot time', () => {
    const [canceled] = tasksOf('aurora/describe-export-tasks-snapshot-line-numbered-docs.txt').map(
      toExportTaskView
    )
    expect(canceled?.snapshotTime).toEqual(new Date('2019-10-24T20:23:48.364Z'))
  })

  test('start-export-task and cancel-export-task outputs', () => {
    const start = toExportTaskView(
      JSON.parse(readReal('aurora/start-export-task-output-docs.json'))
    )
    expect(start).toMatchObject({
      id: 'my-snapshot-export',
      status: 'STARTING',
      percent: 0,
      iamRoleArn: 'iam-role',
      kmsKeyId: 'my-key'
    })
    const cancel = toExportTaskView(
      JSON.parse(
        stripDocsLineNumbers(readReal('aurora/cancel-export-task-output-line-numbered-docs.txt'))
      )
    )
    expect(cancel).toMatchObject({
      id: 'my_export',
      status: 'CANCELING',
      s3Bucket: 'examplebucket'
    })
  })

  test('AWS CLI start-export-task example: STARTING an instance snapshot export, no S3Prefix key, no times', () => {
    const start = toExportTaskView(
      JSON.parse(readReal('aurora/start-export-task-awscli-example.json'))
    )
    expect(start).toMatchObject({
      id: 'my-s3-export',
      status: 'STARTING',
      percent: 0,
      totalExtractedGB: 0,
      s3Bucket: 'mybucket',
      s3Prefix: undefined,
      snapshotTime: new Date('2020-03-27T20:48:42.023Z'),
      taskStartTime: undefined,
      taskEndTime: undefined,
      failureCause: undefined,
      warnings: undefined
    })
    expect(start.sourceArn).toMatch(/:snapshot:db5-snapshot-test$/)
    expect(isTerminalExportStatus(start.status)).toBe(false)
    expect(exportProgress(start, new Date()).text).toBe('STARTING 0% · 0 GB')
  })

  test('AWS CLI cancel-export-task example: CANCELING is not an end yet; the empty S3Prefix is the bucket root', () => {
    const cancel = toExportTaskView(
      JSON.parse(readReal('aurora/cancel-export-task-awscli-example.json'))
    )
    expect(cancel).toMatchObject({
      id: 'my-s3-export-1',
      status: 'CANCELING',
      percent: 0,
      s3Bucket: 'mybucket',
      s3Prefix: '',
      snapshotTime: new Date('2019-03-24T20:01:09.815Z'),
      taskStartTime: undefined
    })
    expect(cancel.kmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//)
    expect(isTerminalExportStatus(cancel.status)).toBe(false)
  })
})

describe('S3Prefix', () => {
  test('an empty prefix is a value (bucket root), an absent or non-string one is unknown', () => {
    expect(toExportTaskView({ S3Prefix: '' }).s3Prefix).toBe('')
    expect(toExportTaskView({ S3Prefix: 'exports/2024' }).s3Prefix).toBe('exports/2024')
    expect(toExportTaskView({}).s3Prefix).toBeUndefined()
    expect(toExportTaskView({ S3Prefix: null }).s3Prefix).toBeUndefined()
  })
})

describe('status, warnings and progress', () => {
  test('statuses are normalised (moto answers lower case)', () => {
    expect(normaliseExportStatus('complete')).toBe('COMPLETE')
    expect(normaliseExportStatus('in_progress')).toBe('IN_PROGRESS')
    expect(normaliseExportStatus('Canceled')).toBe('CANCELED')
    expect(normaliseExportStatus('done')).toBeUndefined()
    expect(toExportTaskView({ status: 'failed', exporttaskidentifier: 'x' })).toMatchObject({
      id: 'x',
      status: 'FAILED',
      rawStatus: 'failed'
    })
  })

  test('warning messages: object and string table entries, double-encoded JSON, plain text, empty', () => {
    const w = parseWarningMessage(
      JSON.stringify({
        skippedTables: [{ target: 'shop.bad', reason: 'COLUMN_NAME_NOT_SUPPORTED' }, 'crm.big'],
        skippedObjectives: [{ reason: 'X' }],
        general: []
      })
    )
    expect(warningLines(w)).toEqual([
      'skipped table shop.bad: COLUMN_NAME_NOT_SUPPORTED',
      'skipped table crm.big',
      'skipped: X'
    ])
    expect(
      parseWarningMessage(JSON.stringify(JSON.stringify({ general: [{ reason: 'Y' }] })))?.general
    ).toEqual(['Y'])
    expect(parseWarningMessage('Some tables were skipped.')?.text).toBe('Some tables were skipped.')
    expect(
      parseWarningMessage('{"skippedTables":[],"skippedObjectives":[],"general":[]}')
    ).toBeUndefined()
    expect(parseWarningMessage(undefined)).toBeUndefined()
  })

  test('progress: elapsed and a linear ETA while running, none at 0 % or after the end', () => {
    const start = new Date('2024-01-01T10:00:00Z')
    const now = new Date('2024-01-01T10:10:00Z')
    const running = toExportTaskView({
      ExportTaskIdentifier: 'x',
      Status: 'IN_PROGRESS',
      PercentProgress: 25,
      TotalExtractedDataInGB: 12,
      TaskStartTime: start
    })
    expect(exportProgress(running, now)).toEqual({
      percent: 25,
      gb: 12,
      elapsedMs: 600_000,
      etaMs: 1_800_000,
      text: 'IN_PROGRESS 25% · 12 GB · 10m00s elapsed · about 30m00s left'
    })
    expect(exportProgress({ ...running, percent: 0 }, now).etaMs).toBeUndefined()
    const done = { ...running, status: 'COMPLETE' as const, percent: 100, taskEndTime: now }
    expect(exportProgress(done, new Date('2024-01-02T00:00:00Z'))).toMatchObject({
      elapsedMs: 600_000,
      etaMs: undefined
    })
    expect(exportProgress(toExportTaskView({ Status: 'STARTING' }), now).text).toBe('STARTING 0%')
    expect(formatDuration(3_723_000)).toBe('1h02m03s')
  })

  test('any JSON value reads as a task without throwing (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const t = toExportTaskView(v)
        expect(typeof t.percent).toBe('number')
        expect(typeof exportProgress(t, new Date()).text).toBe('string')
      })
    )
  })
})
