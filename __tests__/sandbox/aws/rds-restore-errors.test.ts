// The restore path's refusals (RDS's codes and statuses) and its faults: a restore that fails, an instance stuck
// creating, and a restored copy without binary log (the default parameter group, or `restore-binlog-off`).
import mysql from 'mysql2/promise'
import {
  CreateDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeEventsCommand,
  ListTagsForResourceCommand,
  RestoreDBClusterFromSnapshotCommand,
  type RestoreDBClusterFromSnapshotCommandInput
} from '@aws-sdk/client-rds'
import {
  ACCOUNT,
  CLUSTER,
  CLUSTER_ARN,
  REGION,
  failure,
  useApiWorld,
  waitFor
} from './rds-world.js'

const api = useApiWorld()

const restore = (id: string, extra: Partial<RestoreDBClusterFromSnapshotCommandInput> = {}) =>
  api.once.send(
    new RestoreDBClusterFromSnapshotCommand({
      DBClusterIdentifier: id,
      SnapshotIdentifier: 'base',
      Engine: 'aurora-mysql',
      DBClusterParameterGroupName: 'sandbox-aurora-binlog',
      ...extra
    })
  )

const clusterStatus = async (id: string): Promise<string | undefined> =>
  (await api.w.client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id })))
    .DBClusters?.[0]?.Status

const instance = (id: string, cluster: string, cls = 'db.t4g.medium', engine = 'aurora-mysql') =>
  api.once.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: id,
      DBClusterIdentifier: cluster,
      DBInstanceClass: cls,
      Engine: engine
    })
  )

const instanceStatus = async (id: string) =>
  (await api.w.client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })))
    .DBInstances?.[0]

async function available(cluster: string): Promise<void> {
  await waitFor(
    () => clusterStatus(cluster),
    (s) => s === 'available',
    `${cluster} available`
  )
}

/** Deletes an instance and its cluster, waiting until both are gone. */
async function cleanUp(cluster: string, instances: string[]): Promise<void> {
  for (const id of instances)
    await api.w.client.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: id }))
  await waitFor(
    () =>
      failure(
        api.once.send(
          new DeleteDBClusterCommand({ DBClusterIdentifier: cluster, SkipFinalSnapshot: true })
        )
      ).catch(() => undefined),
    (f) => f?.name === 'DBClusterNotFoundFault',
    `${cluster} deleted`
  )
}

describe('refusals', () => {
  test('restore: identifiers, snapshots, groups and engine are checked as RDS checks them', async () => {
    expect(await failure(restore('1bad'))).toMatchObject({
      name: 'InvalidParameterValue',
      status: 400
    })
    expect(await failure(restore(CLUSTER))).toEqual({
      name: 'DBClusterAlreadyExistsFault',
      fault: 'client',
      status: 400,
      message: 'DB Cluster already exists'
    })
    expect(await failure(restore('x1', { SnapshotIdentifier: 'nope' }))).toMatchObject({
      name: 'DBClusterSnapshotNotFoundFault',
      status: 404
    })
    expect(
      await failure(
        restore('x1', { SnapshotIdentifier: `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:nope` })
      )
    ).toMatchObject({ name: 'DBSnapshotNotFoundFault', status: 404 })
    expect(await failure(restore('x1', { DBClusterParameterGroupName: 'nope' }))).toMatchObject({
      name: 'DBClusterParameterGroupNotFoundFault',
      status: 404
    })
    expect(await failure(restore('x1', { DBSubnetGroupName: 'nope' }))).toMatchObject({
      name: 'DBSubnetGroupNotFoundFault',
      status: 404
    })
    expect(await failure(restore('x1', { VpcSecurityGroupIds: ['sg-0nope'] }))).toEqual({
      name: 'InvalidParameterValue',
      fault: 'client',
      status: 400,
      message: 'Invalid security group , groupId= sg-0nope, groupName=.'
    })
    expect(await failure(restore('x1', { Engine: 'aurora-postgresql' }))).toMatchObject({
      name: 'InvalidParameterCombination'
    })
    expect(await failure(restore('x1', { KmsKeyId: 'alias/nope' }))).toMatchObject({
      name: 'KMSKeyNotAccessibleFault'
    })
    api.w.env['SANDBOX_TIMINGS'] = 'snapshot=5'
    await api.w.client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: CLUSTER,
        DBClusterSnapshotIdentifier: 'slow'
      })
    )
    expect(await failure(restore('x1', { SnapshotIdentifier: 'slow' }))).toMatchObject({
      name: 'InvalidDBClusterSnapshotStateFault',
      status: 400
    })
    // Nothing of the refused restores exists.
    expect(
      await failure(api.once.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'x1' })))
    ).toMatchObject({
      name: 'DBClusterNotFoundFault'
    })
  })

  test('instances: class, engine, cluster and names; the source cluster is protected', async () => {
    await restore('r-err')
    await available('r-err')
    expect(await failure(instance('r-err-1', 'r-err', 'db.t3.small'))).toEqual({
      name: 'InvalidParameterCombination',
      fault: 'client',
      status: 400,
      message:
        'RDS does not support creating a DB instance with the following combination: DBInstanceClass=db.t3.small, Engine=aurora-mysql, EngineVersion=8.0.mysql_aurora.3.08.2, LicenseModel=general-public-license. For supported combinations of instance class and database engine version, see the documentation.'
    })
    expect(await failure(instance('r-err-1', 'r-err', 'db.t4g.medium', 'mysql'))).toMatchObject({
      name: 'InvalidParameterCombination',
      message:
        "The engine name requested for your DB instance (mysql) doesn't match the engine name of your DB cluster (aurora-mysql)."
    })
    expect(await failure(instance('r-err-1', 'ghost'))).toMatchObject({
      name: 'DBClusterNotFoundFault',
      status: 404
    })
    await instance('r-err-1', 'r-err')
    expect(await failure(instance('r-err-1', 'r-err'))).toEqual({
      name: 'DBInstanceAlreadyExistsFault',
      fault: 'client',
      status: 400,
      message: 'DB instance already exists'
    })
    expect(
      await failure(
        api.once.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'ghost' }))
      )
    ).toMatchObject({
      name: 'DBInstanceNotFoundFault',
      status: 404
    })
    // The sandbox cluster and its writer: deletion protection on the cluster.
    expect(
      await failure(
        api.once.send(
          new DeleteDBClusterCommand({ DBClusterIdentifier: CLUSTER, SkipFinalSnapshot: true })
        )
      )
    ).toMatchObject({
      name: 'InvalidParameterCombination',
      message: 'Cannot delete protected Cluster, please disable deletion protection and try again.'
    })
    const writer = await instanceStatus(`${CLUSTER}-instance-1`)
    expect(writer).toMatchObject({
      Engine: 'aurora-mysql',
      DBClusterIdentifier: CLUSTER,
      DBInstanceStatus: 'available'
    })
    expect(writer?.Endpoint?.Port).toBe(api.w.db.port)
    expect(
      (await api.w.client.send(new ListTagsForResourceCommand({ ResourceName: CLUSTER_ARN })))
        .TagList
    ).toEqual([])
    expect(
      await failure(
        api.once.send(
          new ListTagsForResourceCommand({
            ResourceName: `arn:aws:rds:${REGION}:${ACCOUNT}:db:ghost`
          })
        )
      )
    ).toMatchObject({ name: 'DBInstanceNotFoundFault' })
    expect(
      await failure(api.once.send(new ListTagsForResourceCommand({ ResourceName: 'ghost' })))
    ).toEqual({
      name: 'InvalidParameterValue',
      fault: 'client',
      status: 400,
      message: 'The specified resource name does not match an RDS resource in this region.'
    })
    await cleanUp('r-err', ['r-err-1'])
  })
})

describe('faults and the binary log of the copy', () => {
  const binlogOf = async (id: string): Promise<{ event: string | undefined; binlog: unknown }> => {
    const i = await waitFor(
      () => instanceStatus(id),
      (v) => v?.DBInstanceStatus === 'available',
      `${id} available`
    )
    const conn = await mysql.createConnection({
      host: '127.0.0.1',
      port: i?.Endpoint?.Port ?? 0,
      user: 'root',
      password: 'root-pw'
    })
    const [[v]] = await conn.query<mysql.RowDataPacket[]>('SELECT @@log_bin AS b')
    await conn.end()
    const events = await api.w.client.send(
      new DescribeEventsCommand({ SourceType: 'db-instance', SourceIdentifier: id })
    )
    return {
      event: events.Events?.map((e) => e.Message ?? '').find((m) =>
        m.startsWith('Binlog position')
      ),
      binlog: v?.['b']
    }
  }

  test('the default cluster parameter group has binary logging off: no binlog, no crash-recovery event', async () => {
    await restore('r-default', { DBClusterParameterGroupName: undefined })
    expect(await clusterStatus('r-default')).toBe('creating')
    await available('r-default')
    const c = (
      await api.w.client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'r-default' }))
    ).DBClusters?.[0]
    expect(c?.DBClusterParameterGroup).toBe('default.aurora-mysql8.0')
    await instance('r-default-1', 'r-default')
    expect(await binlogOf('r-default-1')).toEqual({ event: undefined, binlog: 0 })
    await cleanUp('r-default', ['r-default-1'])
  })

  test('restore-binlog-off: the source group reports binlog off to the restore', async () => {
    api.w.env['SANDBOX_FAULTS'] = 'restore-binlog-off'
    await restore('r-nobin')
    await available('r-nobin')
    await instance('r-nobin-1', 'r-nobin')
    expect(await binlogOf('r-nobin-1')).toEqual({ event: undefined, binlog: 0 })
    delete api.w.env['SANDBOX_FAULTS']
    await cleanUp('r-nobin', ['r-nobin-1'])
  })

  test('restore-instance-stuck-creating holds the instance until cleared; it can be deleted meanwhile', async () => {
    await restore('r-stuck')
    await available('r-stuck')
    api.w.env['SANDBOX_FAULTS'] = 'restore-instance-stuck-creating'
    await instance('r-stuck-1', 'r-stuck')
    await instance('r-stuck-2', 'r-stuck')
    await new Promise((r) => setTimeout(r, 800))
    expect((await instanceStatus('r-stuck-1'))?.DBInstanceStatus).toBe('creating')
    expect((await instanceStatus('r-stuck-1'))?.Endpoint).toBeUndefined()
    await api.w.client.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'r-stuck-2' }))
    delete api.w.env['SANDBOX_FAULTS']
    const up = await binlogOf('r-stuck-1')
    expect(up.binlog).toBe(1)
    expect(up.event).toMatch(
      /^Binlog position from crash recovery is mysql-bin-changelog\.\d{6} \d+$/
    )
    await cleanUp('r-stuck', ['r-stuck-1'])
  })

  test('restore-failed: the cluster ends in the fault status and takes no instance', async () => {
    api.w.env['SANDBOX_FAULTS'] = 'restore-failed'
    await restore('r-failed')
    await waitFor(
      () => clusterStatus('r-failed'),
      (s) => s !== 'creating',
      'restore to end'
    )
    expect(await clusterStatus('r-failed')).toBe('failed')
    expect(await failure(instance('r-failed-1', 'r-failed'))).toMatchObject({
      name: 'InvalidDBClusterStateFault'
    })
    api.w.env['SANDBOX_FAULTS'] = 'restore-failed=incompatible-restore'
    await restore('r-failed-2')
    await waitFor(
      () => clusterStatus('r-failed-2'),
      (s) => s === 'incompatible-restore',
      'restore to fail'
    )
    delete api.w.env['SANDBOX_FAULTS']
    await cleanUp('r-failed', [])
    await cleanUp('r-failed-2', [])
  })
})
