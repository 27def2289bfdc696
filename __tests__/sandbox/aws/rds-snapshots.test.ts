// DescribeDBClusters, cluster snapshots and DescribeEvents through @aws-sdk/client-rds.
import {
  CreateDBClusterSnapshotCommand,
  DeleteDBClusterSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeEventsCommand,
  waitUntilDBClusterSnapshotAvailable
} from '@aws-sdk/client-rds'
import { existsSync } from 'node:fs'
import path from 'node:path'
import {
  ACCOUNT,
  CLUSTER,
  CLUSTER_ARN,
  KMS_KEY,
  REGION,
  failure,
  snapshotAvailable,
  useApiWorld
} from './rds-world.js'

const api = useApiWorld()

describe('DescribeDBClusters', () => {
  test('describes the Aurora MySQL cluster whose writer is the source', async () => {
    const out = await api.w.client.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: CLUSTER })
    )
    expect(out.DBClusters).toHaveLength(1)
    expect(out.DBClusters?.[0]).toMatchObject({
      DBClusterIdentifier: CLUSTER,
      DBClusterArn: CLUSTER_ARN,
      Engine: 'aurora-mysql',
      EngineVersion: '8.0.mysql_aurora.3.05.2',
      EngineMode: 'provisioned',
      Status: 'available',
      Endpoint: '127.0.0.1',
      Port: api.w.db.port,
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
    const byArn = await api.w.client.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: CLUSTER_ARN })
    )
    expect(byArn.DBClusters?.map((c) => c.DBClusterIdentifier)).toEqual([CLUSTER])
    const engine = await api.w.client.send(
      new DescribeDBClustersCommand({
        Filters: [{ Name: 'engine', Values: ['aurora-postgresql'] }]
      })
    )
    expect(engine.DBClusters).toEqual([])
    expect(
      await failure(api.once.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'nope' })))
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
    const created = await api.w.client.send(
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
      { client: api.w.client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { DBClusterSnapshotIdentifier: 'mixed-case-1' }
    )
    expect(result.state).toBe('SUCCESS')
    const listed = await api.w.client.send(
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
          api.once.send(
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
        api.once.send(
          new CreateDBClusterSnapshotCommand({
            DBClusterIdentifier: CLUSTER,
            DBClusterSnapshotIdentifier: 'BASE'
          })
        )
      )
    ).toMatchObject({ name: 'DBClusterSnapshotAlreadyExistsFault', fault: 'client', status: 400 })
    expect(
      await failure(
        api.once.send(
          new CreateDBClusterSnapshotCommand({
            DBClusterIdentifier: 'other',
            DBClusterSnapshotIdentifier: 'x1'
          })
        )
      )
    ).toMatchObject({ name: 'DBClusterNotFoundFault', status: 404 })
    expect(
      await failure(
        api.once.send(
          new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'missing' })
        )
      )
    ).toEqual({
      name: 'DBClusterSnapshotNotFoundFault',
      fault: 'client',
      status: 404,
      message: 'DBClusterSnapshot not found: missing'
    })
    expect(
      await failure(
        api.once.send(
          new DescribeDBClusterSnapshotsCommand({
            DBClusterIdentifier: CLUSTER,
            DBClusterSnapshotIdentifier: 'base'
          })
        )
      )
    ).toMatchObject({ name: 'InvalidParameterCombination', status: 400 })
  })

  test('delete: not while creating; afterwards gone from the API and from disk', async () => {
    api.w.env['SANDBOX_TIMINGS'] = 'snapshot=0.8,export=0.3'
    await api.w.client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: CLUSTER,
        DBClusterSnapshotIdentifier: 'to-delete'
      })
    )
    expect(
      await failure(
        api.once.send(
          new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'to-delete' })
        )
      )
    ).toMatchObject({ name: 'InvalidDBClusterSnapshotStateFault', status: 400 })
    await snapshotAvailable(api.w.client, 'to-delete')
    const dir = path.join(api.w.dir, 'rds', 'snapshots', 'to-delete')
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(true)
    const deleted = await api.w.client.send(
      new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'to-delete' })
    )
    expect(deleted.DBClusterSnapshot?.DBClusterSnapshotIdentifier).toBe('to-delete')
    expect(existsSync(dir)).toBe(false)
    expect(
      await failure(
        api.once.send(
          new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'to-delete' })
        )
      )
    ).toMatchObject({ name: 'DBClusterSnapshotNotFoundFault' })
  })
})

describe('DescribeEvents', () => {
  test('snapshot events (no binlog position of their own), and the parameter rules of DescribeEvents', async () => {
    const out = await api.w.client.send(
      new DescribeEventsCommand({
        SourceType: 'db-cluster-snapshot',
        SourceIdentifier: 'base',
        Duration: 60
      })
    )
    // No binlog position: that is an event of the writer of a cluster restored from the snapshot.
    expect(out.Events?.map((e) => e.Message)).toEqual([
      'Creating manual cluster snapshot',
      'Manual cluster snapshot created'
    ])
    expect(out.Events?.[0]).toMatchObject({
      SourceType: 'db-cluster-snapshot',
      SourceArn: api.baseArn,
      EventCategories: ['backup']
    })
    expect(
      await failure(api.once.send(new DescribeEventsCommand({ SourceIdentifier: 'base' })))
    ).toMatchObject({ name: 'InvalidParameterCombination', status: 400 })
    expect(
      await failure(
        api.once.send(new DescribeEventsCommand({ SourceType: 'db-table' as 'db-cluster' }))
      )
    ).toMatchObject({ name: 'InvalidParameterValue' })
  })
})
