// StartExportTask validation, DescribeExportTasks filters and pagination, CancelExportTask, KMS key forms and the request log, through @aws-sdk/client-rds.
import {
  CancelExportTaskCommand,
  CreateDBClusterSnapshotCommand,
  DeleteDBClusterSnapshotCommand,
  DescribeExportTasksCommand,
  StartExportTaskCommand,
  paginateDescribeExportTasks,
  type StartExportTaskCommandInput
} from '@aws-sdk/client-rds'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { readRequests } from '../../../sandbox/lib/request-log.js'
import { listKeys } from './parquet-exact.js'
import {
  ACCOUNT,
  BUCKET,
  CLUSTER,
  KMS_KEY,
  KMS_KEY_ID,
  REGION,
  exportReaches,
  failure,
  snapshotAvailable,
  useApiWorld,
  waitFor
} from './rds-world.js'

const api = useApiWorld()

describe('StartExportTask validation', () => {
  test.each([
    [
      'unknown snapshot',
      { SourceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:nope` },
      'DBClusterSnapshotNotFoundFault',
      404
    ],
    [
      'unknown cluster',
      { SourceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:nope` },
      'DBClusterNotFoundFault',
      404
    ],
    [
      'DB instance snapshot',
      { SourceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:nope` },
      'DBSnapshotNotFoundFault',
      404
    ],
    ['malformed ARN', { SourceArn: 'base' }, 'InvalidParameterValue', 400],
    [
      'other region',
      { SourceArn: `arn:aws:rds:eu-west-1:${ACCOUNT}:cluster-snapshot:base` },
      'InvalidParameterValue',
      400
    ],
    [
      'other account',
      { SourceArn: `arn:aws:rds:${REGION}:999999999999:cluster-snapshot:base` },
      'InvalidParameterValue',
      400
    ],
    ['unknown bucket', { S3BucketName: 'no-such-bucket' }, 'InvalidS3BucketFault', 400],
    [
      'unknown role',
      { IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/other` },
      'IamRoleNotFoundFault',
      404
    ],
    ['malformed role', { IamRoleArn: 'export-role' }, 'InvalidParameterValue', 400],
    ['unknown KMS key', { KmsKeyId: 'alias/other' }, 'KMSKeyNotAccessibleFault', 400],
    [
      'ExportOnly with a dash',
      { ExportOnly: ['app', 'shop.Order-Items'] },
      'InvalidExportOnlyFault',
      400
    ],
    ['prefix with a colon', { S3Prefix: 'a:b' }, 'InvalidParameterValue', 400]
  ])('%s → %s', async (_what, extra, name, status) => {
    expect(await failure(api.start('never-started', extra))).toMatchObject({
      name,
      fault: 'client',
      status
    })
  })

  test('an export task identifier follows the identifier rule', async () => {
    const f = await failure(api.start('my_export'))
    expect(f).toMatchObject({ name: 'InvalidParameterValue', status: 400 })
    expect(f.message).toMatch(/^The parameter ExportTaskIdentifier is not a valid identifier\./)
  })

  test('a missing required parameter is MissingParameter', async () => {
    const input = api.exportInput('no-key') as Partial<StartExportTaskCommandInput>
    delete input.KmsKeyId
    expect(
      await failure(api.once.send(new StartExportTaskCommand(input as StartExportTaskCommandInput)))
    ).toMatchObject({
      name: 'MissingParameter',
      status: 400,
      message: 'The request must contain the parameter KmsKeyId'
    })
  })

  test('a snapshot still creating is InvalidExportSourceState', async () => {
    api.w.env['SANDBOX_TIMINGS'] = 'snapshot=60,export=0.3'
    await api.w.client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: CLUSTER,
        DBClusterSnapshotIdentifier: 'slow'
      })
    )
    const slowArn = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:slow`
    expect(await failure(api.start('from-slow', { SourceArn: slowArn }))).toEqual({
      name: 'InvalidExportSourceStateFault',
      fault: 'client',
      status: 400,
      message: "Export source should be 'available' but current status is creating."
    })
  })

  test('the identifier can never be reused, and one source runs one export at a time', async () => {
    const first = await api.start('reused', { KmsKeyId: 'alias/sandbox-export' })
    expect(first).toMatchObject({
      Status: 'STARTING',
      PercentProgress: 0,
      S3Bucket: BUCKET,
      SourceType: 'SNAPSHOT'
    })
    expect(first.TaskStartTime).toBeUndefined()
    expect(await failure(api.start('second-same-source'))).toMatchObject({
      name: 'InvalidExportSourceStateFault'
    })
    await exportReaches(api.w.client, 'reused')
    const again = await failure(api.start('reused'))
    expect(again).toEqual({
      name: 'ExportTaskAlreadyExistsFault',
      fault: 'client',
      status: 400,
      message: 'The export task with the ID reused already exists.'
    })
  })
})

describe('DescribeExportTasks and CancelExportTask', () => {
  test('unknown id is ExportTaskNotFoundFault', async () => {
    expect(
      await failure(
        api.once.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'ghost' }))
      )
    ).toMatchObject({
      name: 'ExportTaskNotFoundFault',
      fault: 'client',
      status: 404
    })
    expect(
      await failure(api.once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'ghost' })))
    ).toMatchObject({
      name: 'ExportTaskNotFoundFault'
    })
  })

  test('STARTING → IN_PROGRESS with rising PercentProgress → COMPLETE', async () => {
    api.w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=2'
    await api.start('watched')
    const seen: string[] = []
    const percents: number[] = []
    const last = await waitFor(
      async () => {
        const t = (
          await api.w.client.send(
            new DescribeExportTasksCommand({ ExportTaskIdentifier: 'watched' })
          )
        ).ExportTasks?.[0]
        if (t?.Status && seen.at(-1) !== t.Status) seen.push(t.Status)
        if (t?.Status === 'IN_PROGRESS') percents.push(t.PercentProgress ?? -1)
        return t
      },
      (t) => t?.Status === 'COMPLETE',
      'watched to complete'
    )
    expect(seen).toEqual(['STARTING', 'IN_PROGRESS', 'COMPLETE'])
    expect(percents.length).toBeGreaterThan(1)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
    expect(percents.every((p) => p >= 0 && p < 100)).toBe(true)
    expect(last).toMatchObject({ PercentProgress: 100, TotalExtractedDataInGB: 0 })
    expect(last?.TaskEndTime?.getTime()).toBeGreaterThanOrEqual(
      last?.TaskStartTime?.getTime() ?? Infinity
    )
  })

  test('cancel: CANCELING, then CANCELED; a finished task cannot be canceled', async () => {
    api.w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=5'
    await api.start('to-cancel')
    const canceling = await api.once.send(
      new CancelExportTaskCommand({ ExportTaskIdentifier: 'to-cancel' })
    )
    expect(canceling).toMatchObject({ ExportTaskIdentifier: 'to-cancel', Status: 'CANCELING' })
    const done = await exportReaches(api.w.client, 'to-cancel')
    expect(done).toMatchObject({ Status: 'CANCELED' })
    expect(done.TaskEndTime).toBeInstanceOf(Date)
    expect(
      await failure(
        api.once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'to-cancel' }))
      )
    ).toMatchObject({
      name: 'InvalidExportTaskStateFault',
      fault: 'client',
      status: 400
    })
  })

  test('filters (lowercase status values), SourceArn, SourceType and pagination over many tasks', async () => {
    api.w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=0'
    for (let i = 1; i <= 22; i++) {
      await api.start(`bulk-${i}`)
      await exportReaches(api.w.client, `bulk-${i}`)
    }
    const all: string[] = []
    for await (const page of paginateDescribeExportTasks(
      { client: api.w.client, pageSize: 20 },
      {}
    ))
      all.push(...(page.ExportTasks ?? []).map((t) => t.ExportTaskIdentifier ?? ''))
    expect(new Set(all).size).toBe(all.length)
    expect(all.filter((id) => id.startsWith('bulk-'))).toHaveLength(22)

    const first = await api.w.client.send(new DescribeExportTasksCommand({ MaxRecords: 20 }))
    expect(first.ExportTasks).toHaveLength(20)
    expect(first.Marker).toBeDefined()
    const second = await api.w.client.send(
      new DescribeExportTasksCommand({ MaxRecords: 20, Marker: first.Marker })
    )
    expect(
      [...(first.ExportTasks ?? []), ...(second.ExportTasks ?? [])].map(
        (t) => t.ExportTaskIdentifier
      )
    ).toEqual(all)

    const statuses = async (value: string) =>
      (
        await api.w.client.send(
          new DescribeExportTasksCommand({
            Filters: [
              { Name: 'status', Values: [value] },
              { Name: 'export-task-identifier', Values: ['bulk-1', 'bulk-2', 'to-cancel'] }
            ]
          })
        )
      ).ExportTasks?.map((t) => t.ExportTaskIdentifier)
    expect(await statuses('complete')).toEqual(['bulk-1', 'bulk-2'])
    expect(await statuses('canceled')).toEqual(['to-cancel'])
    expect(await statuses('COMPLETE')).toEqual([]) // the filter wants lowercase values
    const byId = await api.w.client.send(
      new DescribeExportTasksCommand({
        Filters: [{ Name: 'export-task-identifier', Values: ['bulk-3', 'bulk-7'] }]
      })
    )
    expect(byId.ExportTasks?.map((t) => t.ExportTaskIdentifier)).toEqual(['bulk-3', 'bulk-7'])
    const byBucket = await api.w.client.send(
      new DescribeExportTasksCommand({ Filters: [{ Name: 's3-bucket', Values: ['other-bucket'] }] })
    )
    expect(byBucket.ExportTasks).toEqual([])
    const bySource = await api.w.client.send(
      new DescribeExportTasksCommand({ SourceArn: api.baseArn, SourceType: 'SNAPSHOT' })
    )
    expect(bySource.ExportTasks?.length).toBe(all.length)
    const clusters = await api.w.client.send(
      new DescribeExportTasksCommand({ SourceType: 'CLUSTER' })
    )
    expect(clusters.ExportTasks).toEqual([])
    expect(
      await failure(api.once.send(new DescribeExportTasksCommand({ MaxRecords: 10 })))
    ).toMatchObject({
      name: 'InvalidParameterValue'
    })
    expect(
      await failure(
        api.once.send(
          new DescribeExportTasksCommand({ Filters: [{ Name: 'color', Values: ['red'] }] })
        )
      )
    ).toMatchObject({ name: 'InvalidParameterValue' })
  }, 60_000)
})

describe('KMS key forms', () => {
  test('key id, key ARN, alias name and alias ARN name the same usable key', async () => {
    api.w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=0'
    const forms = [
      KMS_KEY_ID,
      KMS_KEY,
      'alias/sandbox-export',
      `arn:aws:kms:${REGION}:${ACCOUNT}:alias/sandbox-export`
    ]
    for (const [i, key] of forms.entries()) {
      const t = await api.start(`kms-form-${i}`, { KmsKeyId: key })
      expect(t.KmsKeyId).toBe(key)
      await exportReaches(api.w.client, `kms-form-${i}`)
    }
  })
})

describe('request log', () => {
  test('every request is logged; only successful state changes are writes', async () => {
    const before = readRequests(api.w.dir, 'rds').length
    await api.start('logged')
    await api.once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'logged' }))
    await exportReaches(api.w.client, 'logged')
    await failure(api.start('logged'))
    const log = readRequests(api.w.dir, 'rds').slice(before)
    expect(log.every((r) => r.piece === 'rds')).toBe(true)
    const summary = log.map((r) => `${r.op} ${r.status} ${r.write ? 'write' : 'read'}`)
    expect(summary[0]).toBe('StartExportTask 200 write')
    expect(summary[1]).toBe('CancelExportTask 200 write')
    expect(summary.at(-1)).toBe('StartExportTask 400 read')
    expect(summary.slice(2, -1).every((s) => s === 'DescribeExportTasks 200 read')).toBe(true)
    expect(log[0]?.detail).toContain('ExportTaskIdentifier=logged')
  })

  test('snapshot creation and deletion are writes, describing them is not', async () => {
    const before = readRequests(api.w.dir, 'rds').length
    await api.w.client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: CLUSTER,
        DBClusterSnapshotIdentifier: 'logged-snap'
      })
    )
    await snapshotAvailable(api.w.client, 'logged-snap')
    await api.w.client.send(
      new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'logged-snap' })
    )
    const ops = readRequests(api.w.dir, 'rds')
      .slice(before)
      .map((r) => `${r.op} ${r.write ? 'write' : 'read'}`)
    expect(ops[0]).toBe('CreateDBClusterSnapshot write')
    expect(ops.at(-1)).toBe('DeleteDBClusterSnapshot write')
    expect(ops.slice(1, -1).every((o) => o === 'DescribeDBClusterSnapshots read')).toBe(true)
  })
})

describe('deleting the source snapshot', () => {
  test('is allowed while it is exported; the export still completes, the data goes afterwards', async () => {
    await api.w.client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: CLUSTER,
        DBClusterSnapshotIdentifier: 'short-lived'
      })
    )
    const arn = await snapshotAvailable(api.w.client, 'short-lived')
    api.w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=1'
    await api.start('from-short-lived', { SourceArn: arn })
    await api.w.client.send(
      new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'short-lived' })
    )
    const dir = path.join(api.w.dir, 'rds', 'snapshots', 'short-lived')
    expect(existsSync(dir)).toBe(true)
    expect(await exportReaches(api.w.client, 'from-short-lived')).toMatchObject({
      Status: 'COMPLETE'
    })
    const keys = await listKeys(api.w.s3Client, BUCKET, 'from-short-lived/')
    expect(keys.filter((k) => k.endsWith('.parquet'))).toHaveLength(1)
    await waitFor(
      () => Promise.resolve(existsSync(dir)),
      (exists) => !exists,
      'snapshot files to go'
    )
  })
})
