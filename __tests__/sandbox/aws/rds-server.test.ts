// The RDS stand-in through @aws-sdk/client-rds: shapes, statuses, the real error codes, filters and pagination,
// faults, and the request log.
import { writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import {
  CancelExportTaskCommand,
  CreateDBClusterSnapshotCommand,
  DeleteDBClusterSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeEventsCommand,
  DescribeExportTasksCommand,
  StartExportTaskCommand,
  paginateDescribeExportTasks,
  waitUntilDBClusterSnapshotAvailable,
  type RDSClient,
  type StartExportTaskCommandInput
} from '@aws-sdk/client-rds'
import { readRequests } from '../../../sandbox/lib/request-log.js'
import {
  ACCOUNT,
  BUCKET,
  CLUSTER,
  CLUSTER_ARN,
  KMS_KEY,
  KMS_KEY_ID,
  REGION,
  ROLE,
  exportReaches,
  rdsClient,
  snapshotAvailable,
  startRdsWorld,
  waitFor,
  type RdsWorld
} from './rds-world.js'
import { docsJson, realOutputs, sample, withSamples } from './real-samples.js'

let w: RdsWorld
/** A client that does not retry, so the first error is what the test sees. */
let once: RDSClient
let baseArn: string

interface Failure {
  name: string
  fault: string
  status: number | undefined
  message: string
}

async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p
  } catch (e) {
    const err = e as Error & { $fault: string; $metadata: { httpStatusCode?: number } }
    return {
      name: err.name,
      fault: err.$fault,
      status: err.$metadata.httpStatusCode,
      message: err.message
    }
  }
  throw new Error('expected the call to fail')
}

function exportInput(
  id: string,
  extra: Partial<StartExportTaskCommandInput> = {}
): StartExportTaskCommandInput {
  return {
    ExportTaskIdentifier: id,
    SourceArn: baseArn,
    S3BucketName: BUCKET,
    IamRoleArn: ROLE,
    KmsKeyId: KMS_KEY,
    ...extra
  }
}

const start = (id: string, extra: Partial<StartExportTaskCommandInput> = {}) =>
  once.send(new StartExportTaskCommand(exportInput(id, extra)))

beforeAll(async () => {
  w = await startRdsWorld({ timings: 'snapshot=0.2,export=0.3' })
  once = rdsClient(w.rds.url, 1)
  await w.db.query(`CREATE DATABASE app; CREATE TABLE app.t (id INT PRIMARY KEY, v VARCHAR(10));
    INSERT INTO app.t VALUES (1, 'a'), (2, 'b'), (3, NULL)`)
  await w.client.send(
    new CreateDBClusterSnapshotCommand({
      DBClusterIdentifier: CLUSTER,
      DBClusterSnapshotIdentifier: 'base'
    })
  )
  baseArn = await snapshotAvailable(w.client, 'base')
}, 60_000)

afterAll(async () => {
  once.destroy()
  await w.close()
})

beforeEach(() => {
  w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=0.3'
  delete w.env['SANDBOX_FAULTS']
})

describe('DescribeDBClusters', () => {
  test('describes the Aurora MySQL cluster whose writer is the source', async () => {
    const out = await w.client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: CLUSTER }))
    expect(out.DBClusters).toHaveLength(1)
    expect(out.DBClusters?.[0]).toMatchObject({
      DBClusterIdentifier: CLUSTER,
      DBClusterArn: CLUSTER_ARN,
      Engine: 'aurora-mysql',
      EngineVersion: '8.0.mysql_aurora.3.05.2',
      EngineMode: 'provisioned',
      Status: 'available',
      Endpoint: '127.0.0.1',
      Port: w.db.port,
      DBClusterParameterGroup: 'sandbox-aurora-binlog',
      MasterUsername: 'admin',
      StorageEncrypted: true,
      KmsKeyId: KMS_KEY,
      DBClusterMembers: [
        { DBInstanceIdentifier: `${CLUSTER}-instance-1`, IsClusterWriter: true, PromotionTier: 1 }
      ]
    })
    expect(out.DBClusters?.[0]?.ClusterCreateTime).toBeInstanceOf(Date)
  })

  test('finds the cluster by ARN and filters, and reports an unknown one as DBClusterNotFoundFault', async () => {
    const byArn = await w.client.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: CLUSTER_ARN })
    )
    expect(byArn.DBClusters?.map((c) => c.DBClusterIdentifier)).toEqual([CLUSTER])
    const engine = await w.client.send(
      new DescribeDBClustersCommand({
        Filters: [{ Name: 'engine', Values: ['aurora-postgresql'] }]
      })
    )
    expect(engine.DBClusters).toEqual([])
    expect(
      await failure(once.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'nope' })))
    ).toEqual({
      name: 'DBClusterNotFoundFault',
      fault: 'client',
      status: 404,
      message: 'DBCluster nope not found.'
    })
  })
})

describe('cluster snapshots', () => {
  test('creating → available (the SDK waiter agrees), id stored lowercase, with progress and ARN', async () => {
    const created = await w.client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: CLUSTER,
        DBClusterSnapshotIdentifier: 'Mixed-Case-1'
      })
    )
    expect(created.DBClusterSnapshot).toMatchObject({
      DBClusterSnapshotIdentifier: 'mixed-case-1',
      DBClusterIdentifier: CLUSTER,
      DBClusterSnapshotArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:mixed-case-1`,
      Status: 'creating',
      Engine: 'aurora-mysql',
      SnapshotType: 'manual'
    })
    expect(created.DBClusterSnapshot?.PercentProgress).toBeLessThan(100)
    expect(created.DBClusterSnapshot?.SnapshotCreateTime).toBeInstanceOf(Date)
    const result = await waitUntilDBClusterSnapshotAvailable(
      { client: w.client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { DBClusterSnapshotIdentifier: 'mixed-case-1' }
    )
    expect(result.state).toBe('SUCCESS')
    const listed = await w.client.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterIdentifier: CLUSTER })
    )
    expect(
      listed.DBClusterSnapshots?.map((s) => [
        s.DBClusterSnapshotIdentifier,
        s.Status,
        s.PercentProgress
      ])
    ).toEqual([
      ['base', 'available', 100],
      ['mixed-case-1', 'available', 100]
    ])
  })

  test('identifiers are validated the way RDS does', async () => {
    for (const bad of ['1abc', 'a--b', 'abc-', 'a_b', 'a'.repeat(64)]) {
      expect(
        await failure(
          once.send(
            new CreateDBClusterSnapshotCommand({
              DBClusterIdentifier: CLUSTER,
              DBClusterSnapshotIdentifier: bad
            })
          )
        )
      ).toEqual({
        name: 'InvalidParameterValue',
        fault: 'client',
        status: 400,
        message:
          'The parameter DBClusterSnapshotIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.'
      })
    }
  })

  test('duplicate, unknown cluster and unknown snapshot give their faults', async () => {
    expect(
      await failure(
        once.send(
          new CreateDBClusterSnapshotCommand({
            DBClusterIdentifier: CLUSTER,
            DBClusterSnapshotIdentifier: 'BASE'
          })
        )
      )
    ).toMatchObject({ name: 'DBClusterSnapshotAlreadyExistsFault', fault: 'client', status: 400 })
    expect(
      await failure(
        once.send(
          new CreateDBClusterSnapshotCommand({
            DBClusterIdentifier: 'other',
            DBClusterSnapshotIdentifier: 'x1'
          })
        )
      )
    ).toMatchObject({ name: 'DBClusterNotFoundFault', status: 404 })
    expect(
      await failure(
        once.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'missing' }))
      )
    ).toEqual({
      name: 'DBClusterSnapshotNotFoundFault',
      fault: 'client',
      status: 404,
      message: 'DBClusterSnapshot not found: missing'
    })
    expect(
      await failure(
        once.send(
          new DescribeDBClusterSnapshotsCommand({
            DBClusterIdentifier: CLUSTER,
            DBClusterSnapshotIdentifier: 'base'
          })
        )
      )
    ).toMatchObject({ name: 'InvalidParameterCombination', status: 400 })
  })

  test('delete: not while creating; afterwards gone from the API and from disk', async () => {
    w.env['SANDBOX_TIMINGS'] = 'snapshot=0.8,export=0.3'
    await w.client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: CLUSTER,
        DBClusterSnapshotIdentifier: 'to-delete'
      })
    )
    expect(
      await failure(
        once.send(new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'to-delete' }))
      )
    ).toMatchObject({ name: 'InvalidDBClusterSnapshotStateFault', status: 400 })
    await snapshotAvailable(w.client, 'to-delete')
    const dir = path.join(w.dir, 'rds', 'snapshots', 'to-delete')
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(true)
    const deleted = await w.client.send(
      new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'to-delete' })
    )
    expect(deleted.DBClusterSnapshot?.DBClusterSnapshotIdentifier).toBe('to-delete')
    expect(existsSync(dir)).toBe(false)
    expect(
      await failure(
        once.send(
          new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'to-delete' })
        )
      )
    ).toMatchObject({ name: 'DBClusterSnapshotNotFoundFault' })
  })
})

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
    expect(await failure(start('never-started', extra))).toMatchObject({
      name,
      fault: 'client',
      status
    })
  })

  test('an export task identifier follows the identifier rule', async () => {
    const f = await failure(start('my_export'))
    expect(f).toMatchObject({ name: 'InvalidParameterValue', status: 400 })
    expect(f.message).toMatch(/^The parameter ExportTaskIdentifier is not a valid identifier\./)
  })

  test('a missing required parameter is MissingParameter', async () => {
    const input = exportInput('no-key') as Partial<StartExportTaskCommandInput>
    delete input.KmsKeyId
    expect(
      await failure(once.send(new StartExportTaskCommand(input as StartExportTaskCommandInput)))
    ).toMatchObject({
      name: 'MissingParameter',
      status: 400,
      message: 'The request must contain the parameter KmsKeyId'
    })
  })

  test('a snapshot still creating is InvalidExportSourceState', async () => {
    w.env['SANDBOX_TIMINGS'] = 'snapshot=60,export=0.3'
    await w.client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: CLUSTER,
        DBClusterSnapshotIdentifier: 'slow'
      })
    )
    const slowArn = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:slow`
    expect(await failure(start('from-slow', { SourceArn: slowArn }))).toEqual({
      name: 'InvalidExportSourceStateFault',
      fault: 'client',
      status: 400,
      message: "Export source should be 'available' but current status is creating."
    })
  })

  test('the identifier can never be reused, and one source runs one export at a time', async () => {
    const first = await start('reused', { KmsKeyId: 'alias/sandbox-export' })
    expect(first).toMatchObject({
      Status: 'STARTING',
      PercentProgress: 0,
      S3Bucket: BUCKET,
      SourceType: 'SNAPSHOT'
    })
    expect(first.TaskStartTime).toBeUndefined()
    expect(await failure(start('second-same-source'))).toMatchObject({
      name: 'InvalidExportSourceStateFault'
    })
    await exportReaches(w.client, 'reused')
    const again = await failure(start('reused'))
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
      await failure(once.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'ghost' })))
    ).toMatchObject({
      name: 'ExportTaskNotFoundFault',
      fault: 'client',
      status: 404
    })
    expect(
      await failure(once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'ghost' })))
    ).toMatchObject({
      name: 'ExportTaskNotFoundFault'
    })
  })

  test('STARTING → IN_PROGRESS with rising PercentProgress → COMPLETE', async () => {
    w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=2'
    await start('watched')
    const seen: string[] = []
    const percents: number[] = []
    const last = await waitFor(
      async () => {
        const t = (
          await w.client.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'watched' }))
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
    w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=5'
    await start('to-cancel')
    const canceling = await once.send(
      new CancelExportTaskCommand({ ExportTaskIdentifier: 'to-cancel' })
    )
    expect(canceling).toMatchObject({ ExportTaskIdentifier: 'to-cancel', Status: 'CANCELING' })
    const done = await exportReaches(w.client, 'to-cancel')
    expect(done).toMatchObject({ Status: 'CANCELED' })
    expect(done.TaskEndTime).toBeInstanceOf(Date)
    expect(
      await failure(once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'to-cancel' })))
    ).toMatchObject({
      name: 'InvalidExportTaskStateFault',
      fault: 'client',
      status: 400
    })
  })

  test('filters (lowercase status values), SourceArn, SourceType and pagination over many tasks', async () => {
    w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=0'
    for (let i = 1; i <= 22; i++) {
      await start(`bulk-${i}`)
      await exportReaches(w.client, `bulk-${i}`)
    }
    const all: string[] = []
    for await (const page of paginateDescribeExportTasks({ client: w.client, pageSize: 20 }, {}))
      all.push(...(page.ExportTasks ?? []).map((t) => t.ExportTaskIdentifier ?? ''))
    expect(new Set(all).size).toBe(all.length)
    expect(all.filter((id) => id.startsWith('bulk-'))).toHaveLength(22)

    const first = await w.client.send(new DescribeExportTasksCommand({ MaxRecords: 20 }))
    expect(first.ExportTasks).toHaveLength(20)
    expect(first.Marker).toBeDefined()
    const second = await w.client.send(
      new DescribeExportTasksCommand({ MaxRecords: 20, Marker: first.Marker })
    )
    expect(
      [...(first.ExportTasks ?? []), ...(second.ExportTasks ?? [])].map(
        (t) => t.ExportTaskIdentifier
      )
    ).toEqual(all)

    const statuses = async (value: string) =>
      (
        await w.client.send(
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
    const byId = await w.client.send(
      new DescribeExportTasksCommand({
        Filters: [{ Name: 'export-task-identifier', Values: ['bulk-3', 'bulk-7'] }]
      })
    )
    expect(byId.ExportTasks?.map((t) => t.ExportTaskIdentifier)).toEqual(['bulk-3', 'bulk-7'])
    const byBucket = await w.client.send(
      new DescribeExportTasksCommand({ Filters: [{ Name: 's3-bucket', Values: ['other-bucket'] }] })
    )
    expect(byBucket.ExportTasks).toEqual([])
    const bySource = await w.client.send(
      new DescribeExportTasksCommand({ SourceArn: baseArn, SourceType: 'SNAPSHOT' })
    )
    expect(bySource.ExportTasks?.length).toBe(all.length)
    const clusters = await w.client.send(new DescribeExportTasksCommand({ SourceType: 'CLUSTER' }))
    expect(clusters.ExportTasks).toEqual([])
    expect(
      await failure(once.send(new DescribeExportTasksCommand({ MaxRecords: 10 })))
    ).toMatchObject({
      name: 'InvalidParameterValue'
    })
    expect(
      await failure(
        once.send(new DescribeExportTasksCommand({ Filters: [{ Name: 'color', Values: ['red'] }] }))
      )
    ).toMatchObject({ name: 'InvalidParameterValue' })
  }, 60_000)
})

describe('faults', () => {
  test('export-failed: FAILED with the real FailureCause, or the fault value', async () => {
    w.env['SANDBOX_FAULTS'] = 'export-failed'
    await start('fails-default')
    expect(await exportReaches(w.client, 'fails-default')).toMatchObject({
      Status: 'FAILED',
      PercentProgress: 0,
      FailureCause: `The S3 bucket ${BUCKET} isn't located in the current AWS Region. Please, review your S3 bucket name and retry the export.`
    })
    w.env['SANDBOX_FAULTS'] =
      'export-failed=KMS key check failed. Please check that the KMS key exists.'
    await start('fails-custom')
    expect(await exportReaches(w.client, 'fails-custom')).toMatchObject({
      Status: 'FAILED',
      FailureCause: 'KMS key check failed. Please check that the KMS key exists.'
    })
  })

  test('export-stuck-starting holds the task in STARTING until the fault is cleared', async () => {
    w.env['SANDBOX_FAULTS'] = 'export-stuck-starting'
    await start('stuck')
    await new Promise((r) => setTimeout(r, 1000)) // more than three times the configured 0.3 s
    const t = await w.client.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'stuck' }))
    expect(t.ExportTasks?.[0]).toMatchObject({ Status: 'STARTING', PercentProgress: 0 })
    delete w.env['SANDBOX_FAULTS']
    expect(await exportReaches(w.client, 'stuck')).toMatchObject({ Status: 'COMPLETE' })
  })

  test('export-canceled ends the task CANCELED without anyone calling CancelExportTask', async () => {
    w.env['SANDBOX_FAULTS'] = 'export-canceled'
    await start('canceled-by-fault')
    expect(await exportReaches(w.client, 'canceled-by-fault')).toMatchObject({ Status: 'CANCELED' })
    expect(
      readRequests(w.dir, 'rds').some(
        (r) => r.op === 'CancelExportTask' && r.detail?.includes('canceled-by-fault')
      )
    ).toBe(false)
  })

  test('rds-throttle=N: the next N calls get Throttling; the SDK retries through them', async () => {
    w.env['SANDBOX_FAULTS'] = 'rds-throttle=2'
    const describe = () => once.send(new DescribeDBClustersCommand({}))
    expect(await failure(describe())).toEqual({
      name: 'Throttling',
      fault: 'client',
      status: 400,
      message: 'Rate exceeded'
    })
    expect(await failure(describe())).toMatchObject({ name: 'Throttling' })
    expect((await describe()).DBClusters).toHaveLength(1)
    w.env['SANDBOX_FAULTS'] = 'rds-throttle=1'
    const retried = await w.client.send(new DescribeDBClustersCommand({}))
    expect(retried.$metadata.attempts).toBe(2)
  })

  test('a fault written to faults.json reaches the running stand-in', async () => {
    const cause = 'S3 credential check failed for the export role.'
    await writeFile(path.join(w.dir, 'faults.json'), JSON.stringify({ 'export-failed': cause }))
    try {
      await start('fails-from-file')
      expect(await exportReaches(w.client, 'fails-from-file')).toMatchObject({
        Status: 'FAILED',
        FailureCause: cause
      })
    } finally {
      await writeFile(path.join(w.dir, 'faults.json'), '{}')
    }
  })
})

describe('DescribeEvents and the request log', () => {
  test('snapshot events, and the parameter rules of DescribeEvents', async () => {
    const out = await w.client.send(
      new DescribeEventsCommand({
        SourceType: 'db-cluster-snapshot',
        SourceIdentifier: 'base',
        Duration: 60
      })
    )
    expect(out.Events?.map((e) => e.Message)).toEqual([
      'Creating manual cluster snapshot',
      'Manual cluster snapshot created',
      expect.stringMatching(
        /^Binlog position from crash recovery is mysql-bin-changelog\.\d{6} \d+$/
      )
    ])
    expect(out.Events?.[0]).toMatchObject({
      SourceType: 'db-cluster-snapshot',
      SourceArn: baseArn,
      EventCategories: ['backup']
    })
    expect(
      await failure(once.send(new DescribeEventsCommand({ SourceIdentifier: 'base' })))
    ).toMatchObject({ name: 'InvalidParameterCombination', status: 400 })
    expect(
      await failure(
        once.send(new DescribeEventsCommand({ SourceType: 'db-table' as 'db-cluster' }))
      )
    ).toMatchObject({ name: 'InvalidParameterValue' })
  })

  test('every request is logged; only successful state changes are writes', async () => {
    const before = readRequests(w.dir, 'rds').length
    await start('logged')
    await once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'logged' }))
    await exportReaches(w.client, 'logged')
    await failure(start('logged'))
    const log = readRequests(w.dir, 'rds').slice(before)
    expect(log.every((r) => r.piece === 'rds')).toBe(true)
    const summary = log.map((r) => `${r.op} ${r.status} ${r.write ? 'write' : 'read'}`)
    expect(summary[0]).toBe('StartExportTask 200 write')
    expect(summary[1]).toBe('CancelExportTask 200 write')
    expect(summary.at(-1)).toBe('StartExportTask 400 read')
    expect(summary.slice(2, -1).every((s) => s === 'DescribeExportTasks 200 read')).toBe(true)
    expect(log[0]?.detail).toContain('ExportTaskIdentifier=logged')
    const all = readRequests(w.dir, 'rds')
    expect(all.some((r) => r.op === 'CreateDBClusterSnapshot' && r.write)).toBe(true)
    expect(all.some((r) => r.op === 'DeleteDBClusterSnapshot' && r.write)).toBe(true)
  })
})

describe('KMS key forms', () => {
  test('key id, key ARN, alias name and alias ARN name the same usable key', async () => {
    w.env['SANDBOX_TIMINGS'] = 'snapshot=0.2,export=0'
    const forms = [
      KMS_KEY_ID,
      KMS_KEY,
      'alias/sandbox-export',
      `arn:aws:kms:${REGION}:${ACCOUNT}:alias/sandbox-export`
    ]
    for (const [i, key] of forms.entries()) {
      const t = await start(`kms-form-${i}`, { KmsKeyId: key })
      expect(t.KmsKeyId).toBe(key)
      await exportReaches(w.client, `kms-form-${i}`)
    }
  })
})

const samples = realOutputs()

withSamples(samples)('shapes of real AWS outputs', () => {
  const dir = samples ?? ''
  const keys = (o: object): string[] =>
    Object.keys(o)
      .filter((k) => k !== '$metadata')
      .sort()
  /** Starts a task held in STARTING, hands it to `check`, then cancels it and waits until it is CANCELED. */
  const whileStarting = async (id: string, check: (t: object) => void) => {
    w.env['SANDBOX_FAULTS'] = 'export-stuck-starting'
    check(await start(id))
    await once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: id }))
    await exportReaches(w.client, id)
  }

  test('a COMPLETE and a STARTING task have the fields of the AWS CLI example, plus SourceType', async () => {
    const real = JSON.parse(sample(dir, 'aurora/describe-export-tasks-awscli-example.json')) as {
      ExportTasks: Record<string, unknown>[]
    }
    const [complete = {}, starting = {}] = real.ExportTasks
    await start('shape-complete')
    expect(keys(await exportReaches(w.client, 'shape-complete'))).toEqual(
      [...keys(complete), 'SourceType'].sort()
    )
    await whileStarting('shape-starting', (ours) => {
      expect(keys(ours)).toEqual([...keys(starting), 'SourceType'].sort())
      expect(ours).toMatchObject({
        Status: starting['Status'],
        PercentProgress: starting['PercentProgress']
      })
    })
  })

  test('the StartExportTask example: STARTING, 0 %, 0 GB', async () => {
    const real = JSON.parse(sample(dir, 'aurora/start-export-task-output-docs.json')) as Record<
      string,
      unknown
    >
    await whileStarting('shape-start', (ours) =>
      expect(ours).toMatchObject({
        Status: real['Status'],
        PercentProgress: real['PercentProgress'],
        TotalExtractedDataInGB: real['TotalExtractedDataInGB']
      })
    )
  })

  test('statuses, the FAILED cause and the WarningMessage keys of the user-guide examples', async () => {
    const docs = [
      'aurora/describe-export-tasks-snapshot-line-numbered-docs.txt',
      'aurora/describe-export-tasks-cluster-export-line-numbered-docs.txt'
    ].flatMap(
      (f) => (docsJson(sample(dir, f)) as { ExportTasks: Record<string, string>[] }).ExportTasks
    )
    expect([...new Set(docs.map((t) => t['Status']))].sort()).toEqual([
      'CANCELED',
      'COMPLETE',
      'FAILED'
    ])

    const realCause = docs.find((t) => t['Status'] === 'FAILED')?.['FailureCause'] ?? ''
    const realBucket = /^The S3 bucket (\S+) /.exec(realCause)?.[1] ?? ''
    w.env['SANDBOX_FAULTS'] = 'export-failed'
    await start('shape-failed')
    const failed = await exportReaches(w.client, 'shape-failed')
    expect(failed.FailureCause?.replace(BUCKET, '<bucket>')).toBe(
      realCause.replace(realBucket, '<bucket>')
    )

    delete w.env['SANDBOX_FAULTS']
    const realWarning = JSON.parse(
      docs.find((t) => t['WarningMessage'])?.['WarningMessage'] ?? '{}'
    ) as object
    await start('shape-warning', { ExportOnly: ['nothere'] })
    const warned = await exportReaches(w.client, 'shape-warning')
    expect(keys(JSON.parse(warned.WarningMessage ?? '{}') as object)).toEqual(keys(realWarning))
  })

  test('the binlog event has the message format of the real DescribeEvents output', async () => {
    const text = sample(dir, 'mysql/describe-events-binlog-position-from-crash-recovery-docs.txt')
    const real = /"Message": "(Binlog position from crash recovery is [^"]+)"/.exec(text)?.[1] ?? ''
    const format = /^Binlog position from crash recovery is (\S+) (\d+)$/
    expect(real).toMatch(format)
    const ours = await w.client.send(
      new DescribeEventsCommand({ SourceType: 'db-cluster-snapshot', SourceIdentifier: 'base' })
    )
    expect(ours.Events?.filter((e) => format.test(e.Message ?? ''))).toHaveLength(1)
  })
})
