// A private world for RDS stand-in tests: a source MariaDB with binlog, the S3 stand-in and the RDS stand-in, plus
// SDK clients pointed at them. Each test file starts its own and closes it in afterAll.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  CreateDBClusterSnapshotCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeExportTasksCommand,
  RDSClient,
  StartExportTaskCommand,
  type ExportTask,
  type StartExportTaskCommandInput,
  type StartExportTaskCommandOutput
} from '@aws-sdk/client-rds'
import { S3Client } from '@aws-sdk/client-s3'
import { startMariaDb, type MariaDbServer } from '../../../sandbox/lib/mariadb.js'
import { startS3Server, type RunningS3 } from '../../../sandbox/aws/s3-server.js'
import { startRdsServer } from '../../../sandbox/aws/rds-server.js'
import type { RunningServer } from '../../../sandbox/lib/http-server.js'

export const REGION = 'us-east-1'
export const ACCOUNT = '123456789012'
export const CLUSTER = 'sandbox-aurora'
export const CLUSTER_ARN = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${CLUSTER}`
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/sandbox-export`
export const KMS_KEY_ID = '0d4b7b3e-1f3c-4c1e-9c1e-5a2b1c0d9e8f'
export const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${KMS_KEY_ID}`
export const BUCKET = 'sandbox-exports'

/** The running pieces and clients. */
export interface RdsWorld {
  readonly dir: string
  readonly db: MariaDbServer
  readonly s3: RunningS3
  readonly rds: RunningServer
  /** The environment the stand-in reads faults and timings from; tests change it while it runs. */
  readonly env: Record<string, string>
  readonly client: RDSClient
  readonly s3Client: S3Client
  close(): Promise<void>
}

/** An RDS client for the stand-in (maxAttempts 1 shows the first error instead of retrying it). */
export function rdsClient(url: string, maxAttempts?: number): RDSClient {
  return new RDSClient({
    region: REGION,
    endpoint: url,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox-secret' },
    ...(maxAttempts ? { maxAttempts } : {})
  })
}

/** Starts the world with the given export file sizes and timings. */
export async function startRdsWorld(
  o: { rowsPerFile?: number; filesPerBatch?: number; timings?: string } = {}
): Promise<RdsWorld> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rds-test-'))
  const db = await startMariaDb({
    name: 'source',
    dir: path.join(dir, 'source'),
    serverId: 1,
    logBin: 'mysql-bin-changelog',
    rootPassword: 'root-pw'
  })
  const s3 = await startS3Server({
    dir: path.join(dir, 's3'),
    buckets: [BUCKET],
    logDir: dir,
    env: {}
  })
  const env: Record<string, string> = {
    SANDBOX_DIR: dir,
    SANDBOX_TIMINGS: o.timings ?? 'snapshot=0.2,export=0.6'
  }
  const rds = await startRdsServer({
    dir,
    region: REGION,
    accountId: ACCOUNT,
    cluster: {
      identifier: CLUSTER,
      endpoint: '127.0.0.1',
      port: db.port,
      engineVersion: '8.0.mysql_aurora.3.05.2',
      parameterGroup: 'sandbox-aurora-binlog',
      masterUsername: 'admin'
    },
    source: { host: '127.0.0.1', port: db.port, user: 'root', password: 'root-pw' },
    s3: s3.store,
    roles: [ROLE],
    kmsKeys: [KMS_KEY, 'alias/sandbox-export'],
    env,
    ...(o.rowsPerFile ? { exportRowsPerFile: o.rowsPerFile } : {}),
    ...(o.filesPerBatch ? { exportFilesPerBatch: o.filesPerBatch } : {})
  })
  const client = rdsClient(rds.url)
  const s3Client = new S3Client({
    region: REGION,
    endpoint: s3.url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox-secret' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED'
  })
  return {
    dir,
    db,
    s3,
    rds,
    env,
    client,
    s3Client,
    async close() {
      client.destroy()
      s3Client.destroy()
      await rds.close()
      await s3.close()
      await db.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/** Polls until the condition holds (a bounded wait for a state, not a timing assertion). */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  what: string,
  timeoutMs = 30_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await read()
    if (done(v)) return v
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Waits until a cluster snapshot is available and returns its ARN. */
export async function snapshotAvailable(client: RDSClient, id: string): Promise<string> {
  const s = await waitFor(
    async () =>
      (
        await client.send(
          new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: id })
        )
      ).DBClusterSnapshots?.[0],
    (s) => s?.Status === 'available',
    `snapshot ${id}`
  )
  return s?.DBClusterSnapshotArn ?? ''
}

/** Waits until an export task reaches one of the statuses and returns it. */
export async function exportReaches(
  client: RDSClient,
  id: string,
  statuses: readonly string[] = ['COMPLETE', 'FAILED', 'CANCELED']
): Promise<ExportTask> {
  const t = await waitFor(
    async () =>
      (await client.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: id })))
        .ExportTasks?.[0],
    (t) => statuses.includes(t?.Status ?? ''),
    `export ${id} to reach ${statuses.join('/')}`
  )
  if (!t) throw new Error(`export ${id} vanished`)
  return t
}

/** How a failed SDK call looked. */
export interface Failure {
  name: string
  fault: string
  status: number | undefined
  message: string
}

/** The error a call fails with (and an error when it does not fail). */
export async function failure(p: Promise<unknown>): Promise<Failure> {
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

/** A world with a small `app` database and an available snapshot `base`, set up by useApiWorld. */
export interface ApiWorld {
  w: RdsWorld
  /** A client that does not retry, so the first error is what the test sees. */
  once: RDSClient
  baseArn: string
  /** A valid StartExportTask input from `base`, with overrides. */
  exportInput(id: string, extra?: Partial<StartExportTaskCommandInput>): StartExportTaskCommandInput
  start(
    id: string,
    extra?: Partial<StartExportTaskCommandInput>
  ): Promise<StartExportTaskCommandOutput>
}

/** Timings every API test starts from (tests may change them; they are reset before each test). */
export const API_TIMINGS = 'snapshot=0.2,export=0.3,restore=0.2,instance=0.2'

/**
 * Registers beforeAll/afterAll/beforeEach for a test file that talks to the API: one world per file, timings reset
 * and faults cleared before each test. The returned object is filled in beforeAll.
 */
export function useApiWorld(): ApiWorld {
  const api = {
    exportInput(id: string, extra: Partial<StartExportTaskCommandInput> = {}) {
      return {
        ExportTaskIdentifier: id,
        SourceArn: api.baseArn,
        S3BucketName: BUCKET,
        IamRoleArn: ROLE,
        KmsKeyId: KMS_KEY,
        ...extra
      }
    },
    start(id: string, extra: Partial<StartExportTaskCommandInput> = {}) {
      return api.once.send(new StartExportTaskCommand(api.exportInput(id, extra)))
    }
  } as ApiWorld
  beforeAll(async () => {
    api.w = await startRdsWorld({ timings: API_TIMINGS })
    api.once = rdsClient(api.w.rds.url, 1)
    await api.w.db
      .query(`CREATE DATABASE app; CREATE TABLE app.t (id INT PRIMARY KEY, v VARCHAR(10));
      INSERT INTO app.t VALUES (1, 'a'), (2, 'b'), (3, NULL)`)
    await api.w.client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: CLUSTER,
        DBClusterSnapshotIdentifier: 'base'
      })
    )
    api.baseArn = await snapshotAvailable(api.w.client, 'base')
  }, 60_000)
  afterAll(async () => {
    api.once.destroy()
    await api.w.close()
  })
  beforeEach(() => {
    api.w.env['SANDBOX_TIMINGS'] = API_TIMINGS
    delete api.w.env['SANDBOX_FAULTS']
  })
  return api
}
