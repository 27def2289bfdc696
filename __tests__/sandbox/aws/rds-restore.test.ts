// RestoreDBClusterFromSnapshot → CreateDBInstance → a real server holding exactly the snapshot, through
// @aws-sdk/client-rds and mysql2: every table equal to the source at snapshot time (CHECKSUM TABLE over every type),
// none of the later writes, the schema objects and accounts of the snapshot, the binlog continuing after the
// snapshot's position, and the crash-recovery event on the restored DB instance only; then deletion.
import { existsSync } from 'node:fs'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
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
  waitUntilDBInstanceAvailable
} from '@aws-sdk/client-rds'
import {
  ACCOUNT,
  CLUSTER,
  REGION,
  failure,
  snapshotAvailable,
  startRdsWorld,
  waitFor,
  type RdsWorld
} from './rds-world.js'
import { createFixture } from './rds-export-fixture.js'

const execFileP = promisify(execFile)
const TAGS = [
  { Key: 'aurora-to-tidb:run', Value: 'r-1' },
  { Key: 'purpose', Value: 'restored copy' }
]

let w: RdsWorld
let atSnapshot: Map<string, string>
let sourceStatus: { file: string; position: number }
let port: number

async function checksums(conn: mysql.Connection): Promise<Map<string, string>> {
  const [tables] = await conn.query<mysql.RowDataPacket[]>(
    "SELECT CONCAT('`', TABLE_SCHEMA, '`.`', REPLACE(TABLE_NAME, '`', '``'), '`') AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA IN ('shop', 'crm') AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1"
  )
  const out = new Map<string, string>()
  for (const { t } of tables) {
    const [[row]] = await conn.query<mysql.RowDataPacket[]>(`CHECKSUM TABLE ${String(t)}`)
    out.set(String(t), String(row?.['Checksum']))
  }
  return out
}

const connect = (user = 'root', password = 'root-pw') =>
  mysql.createConnection({ host: '127.0.0.1', port, user, password, multipleStatements: true })

const clusterStatus = async (id: string) =>
  (await w.client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }))).DBClusters?.[0]

beforeAll(async () => {
  w = await startRdsWorld({ timings: 'snapshot=0.2,export=0.3,restore=0.3,instance=0.3' })
  await createFixture(w.db)
  await w.db.query(`CREATE VIEW shop.v_orders AS SELECT OrderId, Qty FROM shop.\`Order-Items\`;
    CREATE VIEW shop.v_big AS SELECT OrderId FROM shop.v_orders WHERE Qty > 1;
    CREATE FUNCTION shop.twice(x INT) RETURNS INT DETERMINISTIC RETURN 2 * x;
    CREATE PROCEDURE crm.count_events() SELECT COUNT(*) AS n FROM crm.events;
    CREATE TRIGGER crm.tidy BEFORE INSERT ON crm.contacts FOR EACH ROW SET NEW.email = LOWER(NEW.email);
    CREATE EVENT crm.nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM crm.events WHERE id < 0;
    CREATE USER 'migrator'@'127.0.0.1' IDENTIFIED BY 'migrator-pw';
    GRANT SELECT, REPLICATION CLIENT, REPLICATION SLAVE ON *.* TO 'migrator'@'127.0.0.1'`)
  const conn = await w.db.connect()
  atSnapshot = await checksums(conn)
  const [[status]] = await conn.query<mysql.RowDataPacket[]>('SHOW MASTER STATUS')
  sourceStatus = { file: String(status?.['File']), position: Number(status?.['Position']) }
  await conn.end()
  await w.client.send(
    new CreateDBClusterSnapshotCommand({
      DBClusterIdentifier: CLUSTER,
      DBClusterSnapshotIdentifier: 'cut'
    })
  )
  // After the snapshot: in neither the restored copy nor its binlog; in the source's binlog after the position.
  await w.db.query(`INSERT INTO shop.all_types (id, c_varchar) VALUES (100, 'after');
    UPDATE crm.contacts SET email = 'changed@example.com' WHERE id = 1;
    DELETE FROM shop.no_pk WHERE a = 2;
    INSERT INTO crm.events (payload) VALUES ('late')`)
  await snapshotAvailable(w.client, 'cut')
}, 120_000)

afterAll(async () => {
  await w.close()
})

describe('restore and instance', () => {
  test('the cluster is restored creating → available, with its tags and parameter group', async () => {
    const out = await w.client.send(
      new RestoreDBClusterFromSnapshotCommand({
        DBClusterIdentifier: 'Copy-1',
        SnapshotIdentifier: 'cut',
        Engine: 'aurora-mysql',
        EngineVersion: '8.0.mysql_aurora.3.05.2',
        DBClusterParameterGroupName: 'sandbox-aurora-binlog',
        DBSubnetGroupName: 'default',
        VpcSecurityGroupIds: ['sg-0sandbox'],
        Tags: TAGS
      })
    )
    expect(out.DBCluster).toMatchObject({
      DBClusterIdentifier: 'copy-1',
      Status: 'creating',
      Engine: 'aurora-mysql',
      EngineVersion: '8.0.mysql_aurora.3.05.2',
      DBClusterParameterGroup: 'sandbox-aurora-binlog',
      DBSubnetGroup: 'default',
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0sandbox', Status: 'active' }],
      MasterUsername: 'admin',
      DBClusterMembers: [],
      DeletionProtection: false,
      TagList: TAGS,
      DBClusterArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:copy-1`
    })
    port = out.DBCluster?.Port ?? 0
    expect(port).toBeGreaterThan(1024)
    // "You can create DB instances only after … the DB cluster is available."
    expect(
      await failure(
        w.client.send(
          new CreateDBInstanceCommand({
            DBInstanceIdentifier: 'copy-1-writer',
            DBClusterIdentifier: 'copy-1',
            DBInstanceClass: 'db.t4g.medium',
            Engine: 'aurora-mysql'
          })
        )
      )
    ).toEqual({
      name: 'InvalidDBClusterStateFault',
      fault: 'client',
      status: 400,
      message: 'DB cluster copy-1 is not currently in the available state.'
    })
    await waitFor(
      () => clusterStatus('copy-1'),
      (c) => c?.Status === 'available',
      'available cluster'
    )
    const tags = await w.client.send(
      new ListTagsForResourceCommand({
        ResourceName: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:copy-1`
      })
    )
    expect(tags.TagList).toEqual(TAGS)
  })

  test('the instance is creating without an endpoint, then available at the cluster port', async () => {
    const created = await w.client.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'copy-1-writer',
        DBClusterIdentifier: 'copy-1',
        DBInstanceClass: 'db.t4g.medium',
        Engine: 'aurora-mysql',
        Tags: [TAGS[0]!]
      })
    )
    expect(created.DBInstance).toMatchObject({
      DBInstanceIdentifier: 'copy-1-writer',
      DBInstanceStatus: 'creating',
      DBClusterIdentifier: 'copy-1',
      Engine: 'aurora-mysql',
      DBInstanceClass: 'db.t4g.medium',
      TagList: [TAGS[0]]
    })
    expect(created.DBInstance?.Endpoint).toBeUndefined()
    const waited = await waitUntilDBInstanceAvailable(
      { client: w.client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 },
      { DBInstanceIdentifier: 'copy-1-writer' }
    )
    expect(waited.state).toBe('SUCCESS')
    const byCluster = await w.client.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['copy-1'] }] })
    )
    expect(
      byCluster.DBInstances?.map((i) => [i.DBInstanceIdentifier, i.DBInstanceStatus, i.Endpoint])
    ).toEqual([
      [
        'copy-1-writer',
        'available',
        { Address: '127.0.0.1', Port: port, HostedZoneId: 'Z2R2ITUGPM61AM' }
      ]
    ])
    expect((await clusterStatus('copy-1'))?.DBClusterMembers).toEqual([
      expect.objectContaining({ DBInstanceIdentifier: 'copy-1-writer', IsClusterWriter: true })
    ])
  })

  test('the copy holds exactly the snapshot: every table equal, later writes absent', async () => {
    const conn = await connect()
    expect(await checksums(conn)).toEqual(atSnapshot)
    const [[after]] = await conn.query<mysql.RowDataPacket[]>(
      "SELECT (SELECT COUNT(*) FROM shop.all_types WHERE id = 100) AS later_insert, (SELECT email FROM crm.contacts WHERE id = 1) AS email, (SELECT COUNT(*) FROM crm.events WHERE payload = 'late') AS late"
    )
    expect(after).toEqual({ later_insert: 0, email: 'ann@example.com', late: 0 })
    await conn.end()
  })

  test('views, routines, triggers, events and the accounts of the snapshot are there', async () => {
    const conn = await connect()
    const [[r]] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT shop.twice(21) AS f, (SELECT COUNT(*) FROM shop.v_big) AS v'
    )
    expect(r).toEqual({ f: 42, v: 2 })
    const [procedure] = await conn.query<mysql.RowDataPacket[][]>('CALL crm.count_events()')
    expect(procedure[0]?.[0]).toEqual({ n: 2500 })
    const [[objects]] = await conn.query<mysql.RowDataPacket[]>(
      "SELECT (SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_NAME = 'tidy') AS t, (SELECT STATUS FROM information_schema.EVENTS WHERE EVENT_NAME = 'nightly') AS e"
    )
    expect(objects).toEqual({ t: 1, e: 'DISABLED' })
    await conn.end()
    // The snapshot's accounts keep their passwords, the master user included.
    const migrator = await connect('migrator', 'migrator-pw')
    const [grants] = await migrator.query<mysql.RowDataPacket[]>('SHOW GRANTS')
    const onSource = await w.db.query<mysql.RowDataPacket[]>(
      "SHOW GRANTS FOR 'migrator'@'127.0.0.1'"
    )
    expect(grants.map((g) => String(Object.values(g)[0]))).toEqual(
      onSource.map((g) => String(Object.values(g)[0]))
    )
    await migrator.end()
    await expect(connect('root', 'wrong')).rejects.toMatchObject({ errno: 1045 })
  })

  test('the crash-recovery position is an event of the restored instance only, where the later writes begin', async () => {
    const events = async (
      SourceType: 'db-instance' | 'db-cluster' | 'db-cluster-snapshot',
      id: string
    ) =>
      (await w.client.send(new DescribeEventsCommand({ SourceType, SourceIdentifier: id })))
        .Events ?? []
    const own = await events('db-instance', 'copy-1-writer')
    expect(own.map((e) => [e.Message, e.EventCategories])).toEqual([
      [`Binlog position from crash recovery is ${sourceStatus.file} ${sourceStatus.position}`, []],
      ['DB instance created', ['creation']]
    ])
    expect(own[0]).toMatchObject({
      SourceType: 'db-instance',
      SourceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:copy-1-writer`
    })
    expect((await events('db-cluster', 'copy-1')).map((e) => e.Message)).toEqual([
      'DB cluster created'
    ])
    expect((await events('db-cluster-snapshot', 'cut')).map((e) => e.Message)).toEqual([
      'Creating manual cluster snapshot',
      'Manual cluster snapshot created'
    ])
    // From that position on, the source's binlog holds exactly the writes made after the snapshot.
    const { stdout } = await execFileP('mariadb-binlog', [
      '--no-defaults',
      '--read-from-remote-server',
      '--host=127.0.0.1',
      `--port=${w.db.port}`,
      '--user=root',
      '--password=root-pw',
      `--start-position=${sourceStatus.position}`,
      '--base64-output=decode-rows',
      '--verbose',
      sourceStatus.file
    ])
    expect(
      stdout.split('\n').filter((l) => /^### (INSERT INTO|UPDATE|DELETE FROM) /.test(l))
    ).toEqual([
      '### INSERT INTO `shop`.`all_types`',
      '### UPDATE `crm`.`contacts`',
      '### DELETE FROM `shop`.`no_pk`',
      '### INSERT INTO `crm`.`events`'
    ])
  })

  test("the copy's binlog continues after the snapshot's file, with the snapshot's GTID state", async () => {
    const conn = await connect()
    const [[status]] = await conn.query<mysql.RowDataPacket[]>('SHOW MASTER STATUS')
    const n = Number(/\.(\d+)$/.exec(sourceStatus.file)?.[1])
    expect(status?.['File']).toBe(`mysql-bin-changelog.${String(n + 1).padStart(6, '0')}`)
    const [[gtid]] = await conn.query<mysql.RowDataPacket[]>('SELECT @@gtid_binlog_pos AS g')
    const [source] = await w.db.query<mysql.RowDataPacket[]>('SELECT BINLOG_GTID_POS(?, ?) AS g', [
      sourceStatus.file,
      sourceStatus.position
    ])
    expect(source?.['g']).toMatch(/^0-1-\d+$/)
    expect(gtid?.['g']).toBe(source?.['g'])
    await conn.end()
  })
})

describe('deletion', () => {
  test('DeleteDBCluster waits for the instances; deleting stops the server and removes the data', async () => {
    const del = (extra = {}) =>
      w.client.send(new DeleteDBClusterCommand({ DBClusterIdentifier: 'copy-1', ...extra }))
    expect(await failure(del())).toMatchObject({
      name: 'InvalidParameterCombination',
      message: 'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.'
    })
    expect(await failure(del({ SkipFinalSnapshot: true }))).toEqual({
      name: 'InvalidDBClusterStateFault',
      fault: 'client',
      status: 400,
      message: 'Cluster cannot be deleted, it still contains DB instances in non-deleting state.'
    })
    const gone = await w.client.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'copy-1-writer' })
    )
    expect(gone.DBInstance?.DBInstanceStatus).toBe('deleting')
    await expect(connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(
      await failure(
        w.client.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'copy-1-writer' }))
      )
    ).toMatchObject({
      name: 'InvalidDBInstanceStateFault'
    })
    expect((await del({ SkipFinalSnapshot: true })).DBCluster?.Status).toBe('available')
    await waitFor(
      () =>
        failure(
          w.client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'copy-1' }))
        ).catch(() => undefined),
      (f) => f?.name === 'DBClusterNotFoundFault',
      'cluster gone'
    )
    expect(
      await failure(
        w.client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'copy-1-writer' }))
      )
    ).toEqual({
      name: 'DBInstanceNotFoundFault',
      fault: 'client',
      status: 404,
      message: 'DBInstance copy-1-writer not found.'
    })
    expect(existsSync(path.join(w.dir, 'rds', 'clusters', 'copy-1'))).toBe(false)
    const events = (await w.client.send(new DescribeEventsCommand({ Duration: 60 }))).Events ?? []
    expect(
      events
        .filter((e) => e.EventCategories?.includes('deletion'))
        .map((e) => [e.SourceType, e.Message])
    ).toEqual([
      ['db-instance', 'DB instance deleted'],
      ['db-cluster', 'DB cluster deleted']
    ])
    expect(
      w.rds.requests.entries
        .filter((e) => e.write && /DB(Cluster|Instance)$|Restore/.test(e.op))
        .map((e) => e.op)
    ).toEqual([
      'RestoreDBClusterFromSnapshot',
      'CreateDBInstance',
      'DeleteDBInstance',
      'DeleteDBCluster'
    ])
  })
})
