// A restored copy in a sandbox run by the CLI: no extra server until something is restored, one private `mariadbd`
// once its instance is up, and `down` leaves none of it behind.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse as dotenvParse } from 'dotenv'
import {
  CreateDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  RestoreDBClusterFromSnapshotCommand
} from '@aws-sdk/client-rds'
import { serversUsing } from '../../../sandbox/cli/processes.js'
import { snapshotAvailable, waitFor } from './rds-world.js'
import { runCli } from '../cli-run.js'

const SLOW = 120_000
let base: string
let dir: string

const cli = (...args: string[]) => runCli(dir, ...args)

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'sandbox-restore-test-'))
  dir = path.join(base, 'sandbox')
})

afterAll(async () => {
  await cli('down')
  await rm(base, { recursive: true, force: true })
}, SLOW)

test(
  'up starts no restored server; a restore with an instance runs one; down removes it and its files',
  async () => {
    expect((await cli('up')).code).toBe(0)
    expect(serversUsing(dir)).toHaveLength(2)
    const env = dotenvParse((await cli('env')).stdout)
    const client = new RDSClient({
      region: env['AWS_REGION'] ?? '',
      endpoint: env['AWS_ENDPOINT_URL_RDS'] ?? '',
      credentials: {
        accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? '',
        secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? ''
      }
    })
    const cluster = env['INPUT_CLUSTER-IDENTIFIER'] ?? ''
    const parameterGroup = (
      await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: cluster }))
    ).DBClusters?.[0]?.DBClusterParameterGroup
    await client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: cluster,
        DBClusterSnapshotIdentifier: 'life'
      })
    )
    await snapshotAvailable(client, 'life')
    await client.send(
      new RestoreDBClusterFromSnapshotCommand({
        DBClusterIdentifier: 'life-copy',
        SnapshotIdentifier: 'life',
        Engine: 'aurora-mysql',
        DBClusterParameterGroupName: parameterGroup
      })
    )
    await waitFor(
      async () =>
        (await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'life-copy' })))
          .DBClusters?.[0]?.Status,
      (s) => s === 'available',
      'restored cluster',
      60_000
    )
    await client.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'life-copy-1',
        DBClusterIdentifier: 'life-copy',
        DBInstanceClass: 'db.t4g.medium',
        Engine: 'aurora-mysql'
      })
    )
    await waitFor(
      async () =>
        (await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'life-copy-1' })))
          .DBInstances?.[0]?.DBInstanceStatus,
      (s) => s === 'available',
      'restored instance',
      60_000
    )
    client.destroy()
    expect(serversUsing(dir)).toHaveLength(3)
    expect(existsSync(path.join(dir, 'rds', 'clusters', 'life-copy', 'data'))).toBe(true)
    const down = await cli('down')
    expect(down.code).toBe(0)
    expect(serversUsing(dir)).toEqual([])
    expect(existsSync(dir)).toBe(false)
  },
  SLOW
)
