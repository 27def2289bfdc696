// The RDS adapter: what it sends and how it reads the answers — "not found" in either of AWS's two ways reads as
// undefined, statuses are normalised, events are read across pages.
import {
  DBClusterNotFoundFault,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeEventsCommand,
  DescribeExportTasksCommand,
  ExportTaskNotFoundFault,
  StartExportTaskCommand
} from '@aws-sdk/client-rds'
import { createRds } from '../../src/aws/rds.js'
import { ManualClock } from '../helpers/manual-clock.js'

/** A client answering by command class; records the inputs it was sent. */
function client(answer: (command: object) => unknown): {
  sent: object[]
  send: (c: object) => Promise<unknown>
} {
  const sent: object[] = []
  return {
    sent,
    send: (c) => {
      sent.push(c)
      return new Promise((resolve) => resolve(answer(c)))
    }
  }
}

const opts = { clock: new ManualClock() }

test('an unknown export task reads as undefined whether AWS answers ExportTaskNotFound or an empty list', async () => {
  const notFound = createRds(
    client(() => {
      throw new ExportTaskNotFoundFault({ message: 'not found', $metadata: {} })
    }),
    opts
  )
  expect(await notFound.describeExportTask('x')).toBeUndefined()
  const empty = createRds(
    client(() => ({ ExportTasks: [] })),
    opts
  )
  expect(await empty.describeExportTask('x')).toBeUndefined()
})

test('an export task is read with its status normalised (moto answers lower case)', async () => {
  const rds = createRds(
    client(() => ({
      ExportTasks: [{ ExportTaskIdentifier: 'exp-1', Status: 'in_progress', PercentProgress: 40 }]
    })),
    opts
  )
  expect(await rds.describeExportTask('EXP-1')).toMatchObject({
    id: 'exp-1',
    status: 'IN_PROGRESS',
    percent: 40
  })
})

test('StartExportTask gets every parameter, and ExportOnly only when there is a list', async () => {
  const c = client((cmd) => ({
    ExportTaskIdentifier: (cmd as StartExportTaskCommand).input.ExportTaskIdentifier,
    Status: 'STARTING'
  }))
  const rds = createRds(c, opts)
  const base = {
    taskId: 't',
    sourceArn: 'arn',
    bucket: 'b',
    prefix: 'p/export',
    roleArn: 'role',
    kmsKeyId: 'key'
  }
  await rds.startExportTask({ ...base, exportOnly: ['db.t'] })
  await rds.startExportTask({ ...base, exportOnly: undefined })
  const inputs = c.sent.map((s) => (s as StartExportTaskCommand).input)
  expect(inputs[0]).toEqual({
    ExportTaskIdentifier: 't',
    SourceArn: 'arn',
    S3BucketName: 'b',
    S3Prefix: 'p/export',
    IamRoleArn: 'role',
    KmsKeyId: 'key',
    ExportOnly: ['db.t']
  })
  expect(inputs[1]).not.toHaveProperty('ExportOnly')
})

test('a missing cluster reads as undefined; the cluster is read otherwise', async () => {
  const missing = createRds(
    client(() => {
      throw new DBClusterNotFoundFault({ message: 'DBCluster x not found.', $metadata: {} })
    }),
    opts
  )
  expect(await missing.describeCluster('x')).toBeUndefined()
  const c = client(() => ({
    DBClusters: [
      {
        DBClusterIdentifier: 'a',
        DBClusterArn: 'arn:a',
        Status: 'available',
        Engine: 'aurora-mysql'
      }
    ]
  }))
  expect(await createRds(c, opts).describeCluster('a')).toMatchObject({
    arn: 'arn:a',
    engine: 'aurora-mysql'
  })
  expect((c.sent[0] as DescribeDBClustersCommand).input).toEqual({ DBClusterIdentifier: 'a' })
})

test('events are read across pages', async () => {
  const c = client((cmd) => {
    const marker = (cmd as DescribeEventsCommand).input.Marker
    return marker
      ? { Events: [{ Message: 'second' }] }
      : { Events: [{ Message: 'first', SourceIdentifier: 's' }], Marker: 'm1' }
  })
  const events = await createRds(c, opts).describeEvents({
    sourceType: 'db-cluster-snapshot',
    sourceIdentifier: 's',
    startTime: new Date(0)
  })
  expect(events.map((e) => e.message)).toEqual(['first', 'second'])
  expect(c.sent).toHaveLength(2)
  expect(c.sent[0]).toBeInstanceOf(DescribeEventsCommand)
  expect(c.sent.some((s) => s instanceof DescribeExportTasksCommand)).toBe(false)
})

test('an automated snapshot is asked for by type, by id or ARN', async () => {
  const c = client(() => ({
    DBClusterSnapshots: [{ DBClusterSnapshotIdentifier: 'rds:a-2024', Status: 'Available' }]
  }))
  const rds = createRds(c, opts)
  expect(await rds.describeClusterSnapshot('rds:a-2024')).toMatchObject({ status: 'available' })
  await rds.describeClusterSnapshot(
    'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:a-2024'
  )
  await rds.describeClusterSnapshot('manual-1')
  expect(c.sent.map((s) => (s as DescribeDBClusterSnapshotsCommand).input.SnapshotType)).toEqual([
    'automated',
    'automated',
    undefined
  ])
})
