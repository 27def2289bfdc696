// The restore adapter: what it sends (Engine, class, groups, tags, SkipFinalSnapshot), how it reads the answers,
// the crash-recovery position from a real describe-events output, and the removal's retries of "not yet" refusals.
import {
  CreateDBInstanceCommand,
  DBClusterNotFoundFault,
  DBInstanceNotFoundFault,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  InvalidDBClusterStateFault,
  RestoreDBClusterFromSnapshotCommand
} from '@aws-sdk/client-rds'
import { AwsApiError } from '../../src/aws/aws-call.js'
import { crashRecoveryPosition, createRestoreRds, type RestoreRds } from '../../src/aws/restore.js'
import { removeRestoredCopy } from '../../src/aws/restore-removal.js'
import { describeReal, readReal } from '../fixtures/real-outputs.js'
import { ManualClock } from '../helpers/manual-clock.js'

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

const opts = { clock: new ManualClock(), retries: 0 }

const params = {
  clusterIdentifier: 'a2t-copy',
  instanceIdentifier: 'a2t-copy-1',
  snapshot: 'snap-1',
  engineVersion: '8.0.mysql_aurora.3.08.2',
  instanceClass: 'db.t4g.medium',
  subnetGroup: 'sub',
  securityGroupIds: ['sg-1'],
  parameterGroup: 'binlog-on',
  tags: { 'aurora-to-tidb:run-key': 'k' }
}

test('the restore names the engine, groups, tags and no deletion protection; the instance joins the cluster', async () => {
  const c = client((cmd) =>
    cmd instanceof RestoreDBClusterFromSnapshotCommand
      ? { DBCluster: { DBClusterIdentifier: 'a2t-copy', Status: 'creating' } }
      : { DBInstance: { DBInstanceIdentifier: 'a2t-copy-1', DBInstanceStatus: 'creating' } }
  )
  const rds = createRestoreRds(c, opts)
  expect(await rds.restoreCluster(params)).toMatchObject({ status: 'creating' })
  expect(await rds.createInstance(params)).toMatchObject({
    status: 'creating',
    endpoint: undefined
  })
  const [restore, create] = c.sent as [RestoreDBClusterFromSnapshotCommand, CreateDBInstanceCommand]
  expect(restore.input).toEqual({
    DBClusterIdentifier: 'a2t-copy',
    SnapshotIdentifier: 'snap-1',
    Engine: 'aurora-mysql',
    EngineVersion: '8.0.mysql_aurora.3.08.2',
    DBSubnetGroupName: 'sub',
    VpcSecurityGroupIds: ['sg-1'],
    DBClusterParameterGroupName: 'binlog-on',
    DeletionProtection: false,
    Tags: [{ Key: 'aurora-to-tidb:run-key', Value: 'k' }]
  })
  expect(create.input).toEqual({
    DBInstanceIdentifier: 'a2t-copy-1',
    DBClusterIdentifier: 'a2t-copy',
    DBInstanceClass: 'db.t4g.medium',
    Engine: 'aurora-mysql',
    Tags: [{ Key: 'aurora-to-tidb:run-key', Value: 'k' }]
  })
})

test('an instance has an endpoint once RDS gives one; a missing one reads as undefined', async () => {
  const rds = createRestoreRds(
    client(() => ({
      DBInstances: [
        {
          DBInstanceIdentifier: 'a2t-copy-1',
          DBInstanceStatus: 'available',
          DBClusterIdentifier: 'a2t-copy',
          Endpoint: { Address: 'h.rds.amazonaws.com', Port: 3306 }
        }
      ]
    })),
    opts
  )
  expect(await rds.describeInstance('a2t-copy-1')).toMatchObject({
    status: 'available',
    endpoint: { address: 'h.rds.amazonaws.com', port: 3306 }
  })
  const missing = createRestoreRds(
    client(() => {
      throw new DBInstanceNotFoundFault({ message: 'DBInstance x not found.', $metadata: {} })
    }),
    opts
  )
  expect(await missing.describeInstance('x')).toBeUndefined()
})

test('the cluster settings a copy inherits are read from DescribeDBClusters', async () => {
  const rds = createRestoreRds(
    client(() => ({
      DBClusters: [
        {
          DBClusterIdentifier: 'src',
          Status: 'available',
          DBSubnetGroup: 'sub',
          VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-1', Status: 'active' }],
          DBClusterParameterGroup: 'binlog-on',
          EngineVersion: '8.0.mysql_aurora.3.08.2',
          Port: 3306
        }
      ]
    })),
    opts
  )
  expect(await rds.describeClusterSettings('src')).toMatchObject({
    subnetGroup: 'sub',
    securityGroupIds: ['sg-1'],
    parameterGroup: 'binlog-on',
    engineVersion: '8.0.mysql_aurora.3.08.2'
  })
})

test('deletion skips the final snapshot; already gone reads as false', async () => {
  const c = client((cmd) => {
    if (cmd instanceof DeleteDBClusterCommand)
      throw new DBClusterNotFoundFault({ message: 'DBCluster a2t-copy not found.', $metadata: {} })
    return {}
  })
  const rds = createRestoreRds(c, opts)
  expect(await rds.deleteInstance('a2t-copy-1')).toBe(true)
  expect(await rds.deleteCluster('a2t-copy')).toBe(false)
  const [inst, cluster] = c.sent as [DeleteDBInstanceCommand, DeleteDBClusterCommand]
  expect(inst.input).toEqual({ DBInstanceIdentifier: 'a2t-copy-1', SkipFinalSnapshot: true })
  expect(cluster.input).toEqual({ DBClusterIdentifier: 'a2t-copy', SkipFinalSnapshot: true })
})

describeReal('crash-recovery position from a real describe-events output', () => {
  test('the Aurora user guide sample: file and position separated by a space', () => {
    const text = readReal('mysql/describe-events-binlog-position-from-crash-recovery-docs.txt')
    // The published JSON is cut by the docs ('...') and hard-wraps a message: read the messages and dates as text.
    const events = [...text.matchAll(/"Message": "([^"]*)"[\s\S]*?"Date": "([^"]+)"/g)].map(
      (m) => ({ message: m[1] ?? '', date: new Date(m[2] ?? ''), sourceIdentifier: 'i' })
    )
    expect(events.length).toBeGreaterThan(1)
    expect(crashRecoveryPosition(events)).toEqual({
      file: 'mysql-bin-changelog.000001',
      position: 154
    })
  })
})

test('no crash-recovery event (binary logging off) gives no position; the latest of several wins', () => {
  expect(
    crashRecoveryPosition([
      { message: 'DB instance created', date: undefined, sourceIdentifier: 'i' }
    ])
  ).toBeUndefined()
  const ev = (message: string, at: number) => ({
    message,
    date: new Date(at),
    sourceIdentifier: 'i'
  })
  expect(
    crashRecoveryPosition([
      ev('Binlog position from crash recovery is mysql-bin-changelog.000009 900', 2000),
      ev('Binlog position from crash recovery is mysql-bin-changelog.000008 400', 1000)
    ])
  ).toEqual({ file: 'mysql-bin-changelog.000009', position: 900 })
})

function fakeRestore(over: Partial<RestoreRds>): RestoreRds {
  const no = (): Promise<never> => Promise.reject(new Error('not expected'))
  return {
    describeClusterSettings: no,
    restoreCluster: no,
    createInstance: no,
    describeInstance: no,
    writerClass: no,
    deleteInstance: () => Promise.resolve(true),
    deleteCluster: () => Promise.resolve(true),
    ...over
  }
}

// What the adapter throws: AWS's fault wrapped with the operation, as callAws does.
const notYet = (): AwsApiError =>
  new AwsApiError(
    'DeleteDBCluster',
    new InvalidDBClusterStateFault({
      message: 'DB cluster a2t-copy is not currently in the available state.',
      $metadata: {}
    }),
    1
  )

test('removal waits out a cluster still creating, then deletes it', async () => {
  const clock = new ManualClock()
  let refusals = 2
  const lines: string[] = []
  const result = await removeRestoredCopy(
    fakeRestore({
      deleteCluster: () => (refusals-- > 0 ? Promise.reject(notYet()) : Promise.resolve(true)),
      describeClusterSettings: (id) =>
        Promise.resolve({ identifier: id, status: 'creating' } as never)
    }),
    { cluster: 'a2t-copy', instance: 'a2t-copy-1' },
    { clock, deadlineMs: 60_000, log: (l) => lines.push(l) }
  )
  expect(result).toEqual({ instance: 'deleted', cluster: 'deleted' })
  expect(clock.sleeps).toEqual([5000, 5000])
  expect(lines.join('\n')).toContain('not currently in the available state')
})

test('removal stops at its deadline with AWS’s line; a cluster already deleting counts as removed', async () => {
  const clock = new ManualClock()
  const stuck = removeRestoredCopy(
    fakeRestore({
      deleteCluster: () => Promise.reject(notYet()),
      describeClusterSettings: (id) =>
        Promise.resolve({ identifier: id, status: 'creating' } as never)
    }),
    { cluster: 'a2t-copy', instance: 'a2t-copy-1' },
    { clock, deadlineMs: 20_000, log: () => undefined }
  )
  await expect(stuck).rejects.toThrow(
    'Deleting DB cluster a2t-copy failed: InvalidDBClusterStateFault: DB cluster a2t-copy is not currently in the available state.'
  )
  expect(
    await removeRestoredCopy(
      fakeRestore({
        deleteInstance: () => Promise.resolve(false),
        deleteCluster: () => Promise.reject(notYet()),
        describeClusterSettings: (id) =>
          Promise.resolve({ identifier: id, status: 'deleting' } as never)
      }),
      { cluster: 'a2t-copy', instance: 'a2t-copy-1' },
      { clock, deadlineMs: 20_000, log: () => undefined }
    )
  ).toEqual({ instance: 'gone', cluster: 'deleted' })
})
