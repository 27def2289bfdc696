// The restored copy through the bundled action on the sandbox: a migrate with DM from a snapshot taken BEFORE rows
// were written (snapshot-identifier, nothing recorded its position) restores a copy, starts DM at the copy's
// crash-recovery position and ends with those rows in the target; the import is compared with the copy by checksum;
// `operation: verify` finds a value changed in the target after the import, naming table and key; and no restored
// copy is left after a success or a failure.
import {
  CreateDBClusterSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  RDSClient
} from '@aws-sdk/client-rds'
import type { RowDataPacket } from 'mysql2/promise'
import { eventually, stopAllTasks } from '../helpers/dm-world.js'
import {
  runAction,
  startHarness,
  type ActionRun,
  type Harness
} from '../helpers/sandbox-harness.js'

let h: Harness
let rds: RDSClient
const EMAILS = ['after-snapshot-1@example.com', 'after-snapshot-2@example.com']

beforeAll(async () => {
  h = await startHarness({ timings: { export: 1, snapshot: 0, restore: 0, instance: 0 } })
  rds = new RDSClient({ region: h.inputs().aws.region })
}, 60_000)

afterAll(async () => {
  rds?.destroy()
  await h?.stop()
})

/** Takes a cluster snapshot of the sandbox cluster and waits until it is available. */
async function snapshot(id: string): Promise<void> {
  await rds.send(
    new CreateDBClusterSnapshotCommand({
      DBClusterIdentifier: h.inputs().aws.clusterIdentifier,
      DBClusterSnapshotIdentifier: id
    })
  )
  await eventually(
    `snapshot ${id}`,
    async () =>
      (await rds.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: id })))
        .DBClusterSnapshots?.[0]?.Status,
    (s) => s === 'available',
    60_000
  )
}

/** Restored clusters that are still there (not gone, not being deleted). */
async function copiesLeft(): Promise<string[]> {
  const out = await rds.send(new DescribeDBClustersCommand({}))
  return (out.DBClusters ?? [])
    .filter(
      (c) => c.DBClusterIdentifier?.startsWith('aurora-to-tidb-copy-') && c.Status !== 'deleting'
    )
    .map((c) => `${c.DBClusterIdentifier ?? ''} ${c.Status ?? ''}`)
}

async function emailsOn(server: Harness['sb']['target']): Promise<string[]> {
  const rows = await server.query<RowDataPacket[]>(
    `SELECT email FROM shop.customers WHERE email IN (?, ?) ORDER BY email`,
    EMAILS
  )
  return rows.map((r) => String(r['email']))
}

/** The exit code, with what the action printed when it is not the expected one (jest shows it then). */
const exitOf = (run: ActionRun, expected: number): number | string =>
  run.exitCode === expected
    ? expected
    : `exit ${String(run.exitCode)}:\n${run.stdout.slice(-6000)}\n${run.stderr.slice(-2000)}`

test('a migrate with DM from a snapshot taken before rows were written ends with those rows in the target', async () => {
  await snapshot('e2e-before-rows')
  for (const email of EMAILS)
    await h.sb.source.query(
      "INSERT INTO shop.customers (name, email, country, created_at) VALUES ('after the snapshot', ?, 'NZ', NOW(6))",
      [email]
    )
  const run = await runAction(h, {
    operation: 'migrate',
    'run-key': 'e2e-restored-copy',
    'snapshot-identifier': 'e2e-before-rows'
  })
  expect(exitOf(run, 0)).toBe(0)
  expect(run.stdout).toContain("The snapshot's own binlog position (crash recovery of the copy)")
  expect(run.stdout).toContain("DM starts from the snapshot's own binlog position")
  expect(run.stdout).toMatch(
    /The contents of all \d+ tables match the snapshot \(its restored copy\)/
  )
  expect(run.outputs['binlog-file']).toMatch(/^mysql-bin-changelog\.\d+$/)
  expect(run.outputs['recorded-binlog-file']).toMatch(/^mysql-bin-changelog\.\d+$/)
  expect(JSON.parse(run.outputs['restored-copy'] ?? '{}')).toMatchObject({
    cluster: 'aurora-to-tidb-copy-e2e-restored-copy',
    kept: false
  })
  expect(run.outputs['verify-result']).toBe('passed')
  // The snapshot does not hold the rows: DM brought them, from the copy's position.
  await eventually(
    'the rows written after the snapshot',
    () => emailsOn(h.sb.target),
    (e) => e.length === 2,
    60_000
  )
  await eventually('no restored copy left', copiesLeft, (c) => c.length === 0)
}, 300_000)

test('operation: verify finds a value changed in the target after the import, naming the table and key', async () => {
  const [row] = await h.sb.target.query<RowDataPacket[]>(
    'SELECT id FROM shop.customers WHERE email = ?',
    [EMAILS[0]]
  )
  const id = Number(row?.['id'])
  await h.sb.target.query("UPDATE shop.customers SET name = 'changed in TiDB' WHERE id = ?", [id])
  const run = await runAction(h, { operation: 'verify', 'run-key': 'e2e-verify-op' })
  expect(exitOf(run, 1)).toBe(1)
  expect(run.outputs['verify-result']).toBe('mismatch')
  const tables = JSON.parse(run.outputs['tables'] ?? '[]') as {
    database: string
    table: string
    status: string
    differingRows?: string[]
  }[]
  expect(tables.find((t) => t.database === 'shop' && t.table === 'customers')).toMatchObject({
    status: 'content mismatch',
    differingRows: [`id=${id} changed`]
  })
  expect(run.summary).toContain(`id=${id} changed`)
}, 300_000)

test('a run that fails after restoring leaves no restored copy', async () => {
  // A fresh target for a new migration: the first test's DM task stopped, its databases dropped.
  await stopAllTasks(h)
  await h.sb.target.query(
    'DROP DATABASE IF EXISTS shop; DROP DATABASE IF EXISTS analytics; DROP DATABASE IF EXISTS crm'
  )
  await snapshot('e2e-binlog-off')
  h.sb.setFault('restore-binlog-off')
  try {
    const run = await runAction(h, {
      operation: 'migrate',
      'run-key': 'e2e-restore-fails',
      'snapshot-identifier': 'e2e-binlog-off'
    })
    expect(exitOf(run, 1)).toBe(1)
    expect(run.stdout).toContain(
      "announced no 'Binlog position from crash recovery' event: binary logging is off"
    )
  } finally {
    h.sb.clearFaults()
  }
  await eventually('no restored copy left', copiesLeft, (c) => c.length === 0)
}, 300_000)
