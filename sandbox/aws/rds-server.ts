// The RDS API stand-in: the AWS Query protocol over HTTP (`POST /`, form body), reached by @aws-sdk/client-rds
// through `AWS_ENDPOINT_URL_RDS`. It runs one Aurora MySQL cluster whose writer is the source MariaDB, takes cluster
// snapshots that carry real data (cluster-snapshots.ts), exports them to the S3 stand-in as Parquet in AWS's
// layout (export-tasks.ts, export-writer.ts) and restores them into clusters whose instances are real private
// servers (restored-clusters.ts, db-instances.ts). Every request is recorded in the request log (piece `rds`).
import { randomUUID } from 'node:crypto'
import { RequestLog } from '../lib/request-log.js'
import { listen, readBody, type RunningServer } from '../lib/http-server.js'
import type { S3Store } from './s3-store.js'
import { RdsError, errors } from './rds-errors.js'
import { QueryParams, renderError, renderResult, type XmlValue } from './rds-protocol.js'
import { Background, makeContext, type RdsContext, type SandboxCluster } from './rds-context.js'
import { EventLog } from './rds-events.js'
import { SnapshotRegistry } from './cluster-snapshots.js'
import { ExportTasks } from './export-tasks.js'
import { taskToApi } from './export-task-model.js'
import { clusterToApi, describeClusters, sourceClusterView } from './rds-cluster.js'
import { throttleGate } from './rds-throttle.js'
import { RestoredClusters } from './restored-clusters.js'
import { DbInstances } from './db-instances.js'
import { listTags } from './rds-tags.js'

export type { SandboxCluster }

/** Options of the RDS stand-in. */
export interface RdsServerOptions {
  /** Sandbox directory: snapshots live under `<dir>/rds/`, requests are logged under `<dir>/requests/`. */
  readonly dir: string
  readonly port?: number
  readonly region: string
  readonly accountId: string
  readonly cluster: SandboxCluster
  /** Root access to the source server, used to take consistent snapshots. */
  readonly source: {
    readonly host: string
    readonly port: number
    readonly user: string
    readonly password: string
  }
  /** The S3 stand-in's store: exports are written straight into it. */
  readonly s3: S3Store
  /** IAM role ARNs that exist (StartExportTask with another gives IamRoleNotFound). */
  readonly roles: readonly string[]
  /** KMS key ids / ARNs / aliases that exist and are usable. */
  readonly kmsKeys: readonly string[]
  /**
   * Environment to read faults and timings from (defaults to process.env), consulted on every request. Without
   * `SANDBOX_DIR` in it, `dir` is the sandbox directory whose faults.json / timings.json count.
   */
  readonly env?: NodeJS.ProcessEnv
  /** Rows per exported Parquet file (default 100 000); small values force many files and batch folders. */
  readonly exportRowsPerFile?: number
  /** Data files per batch folder `1/`, `2/`, … of a table (default 5). */
  readonly exportFilesPerBatch?: number
}

/** Actions that change state: recorded with write=true when they succeed. */
const WRITES = new Set([
  'CreateDBClusterSnapshot',
  'DeleteDBClusterSnapshot',
  'StartExportTask',
  'CancelExportTask',
  'RestoreDBClusterFromSnapshot',
  'CreateDBInstance',
  'DeleteDBInstance',
  'DeleteDBCluster'
])

/** Parameters worth showing in the request log. */
const DETAIL_PARAMS = [
  'DBClusterIdentifier',
  'DBInstanceIdentifier',
  'DBClusterSnapshotIdentifier',
  'SnapshotIdentifier',
  'ResourceName',
  'ExportTaskIdentifier',
  'SourceArn',
  'SourceIdentifier'
]

type Handler = (p: QueryParams) => Record<string, XmlValue> | Promise<Record<string, XmlValue>>

/** The stand-in's registries. */
interface Registries {
  readonly snapshots: SnapshotRegistry
  readonly exports: ExportTasks
  readonly restored: RestoredClusters
  readonly instances: DbInstances
}

function handlers(ctx: RdsContext, r: Registries): Record<string, Handler> {
  const { snapshots, exports, restored, instances } = r
  const clusterOf = (id: string) =>
    id === ctx.cluster.identifier.toLowerCase() ? sourceClusterView(ctx) : restored.find(id)
  return {
    DescribeDBClusters: (p) =>
      describeClusters(ctx, p, [sourceClusterView(ctx), ...restored.list()]),
    RestoreDBClusterFromSnapshot: async (p) => ({
      DBCluster: clusterToApi(ctx, await restored.restore(p))
    }),
    DeleteDBCluster: (p) => ({
      DBCluster: clusterToApi(
        ctx,
        restored.delete(p, (c) => instances.liveMembers(c))
      )
    }),
    CreateDBInstance: (p) => ({ DBInstance: instances.create(p) }),
    DescribeDBInstances: (p) => instances.describe(p),
    DeleteDBInstance: async (p) => ({ DBInstance: await instances.delete(p) }),
    ListTagsForResource: (p) =>
      listTags(p, ctx, {
        cluster: (a) => clusterOf(a.name.toLowerCase())?.tags,
        db: (a) => instances.tagsOf(a.name),
        'cluster-snapshot': (a) => snapshots.find(a.name)?.tags
      }),
    CreateDBClusterSnapshot: async (p) => ({
      DBClusterSnapshot: snapshots.toApi(await snapshots.create(p))
    }),
    DescribeDBClusterSnapshots: (p) => snapshots.describe(p),
    DeleteDBClusterSnapshot: async (p) => ({ DBClusterSnapshot: await snapshots.delete(p) }),
    StartExportTask: (p) => taskToApi(exports.start(p)),
    DescribeExportTasks: (p) => exports.describe(p),
    CancelExportTask: (p) => taskToApi(exports.cancel(p)),
    DescribeEvents: (p) => ctx.events.describe(p)
  }
}

/** Starts the RDS stand-in on 127.0.0.1. */
export async function startRdsServer(opts: RdsServerOptions): Promise<RunningServer> {
  const log = new RequestLog('rds', opts.dir)
  const abort = new AbortController()
  const env = (): NodeJS.ProcessEnv => {
    const e = opts.env ?? process.env
    return e['SANDBOX_DIR'] ? e : { ...e, SANDBOX_DIR: opts.dir }
  }
  const ctx = makeContext(
    {
      dir: opts.dir,
      region: opts.region,
      accountId: opts.accountId,
      cluster: opts.cluster,
      clusterCreateTime: new Date(),
      source: opts.source,
      s3: opts.s3,
      roles: opts.roles,
      kmsKeys: opts.kmsKeys,
      events: new EventLog(),
      rowsPerFile: opts.exportRowsPerFile ?? 100_000,
      filesPerBatch: opts.exportFilesPerBatch ?? 5,
      signal: abort.signal,
      background: new Background()
    },
    env
  )
  const snapshots = new SnapshotRegistry(ctx)
  const exports = new ExportTasks(ctx, snapshots)
  const restored = new RestoredClusters(ctx, snapshots)
  const instances = new DbInstances(ctx, restored)
  const actions = handlers(ctx, { snapshots, exports, restored, instances })
  const throttled = throttleGate(() => ctx.fault('rds-throttle'))

  const server = await listen(
    (req, res) => {
      const requestId = randomUUID()
      let action = ''
      let detail: string | undefined
      const answer = (status: number, body: string): void => {
        log.record(
          action || `${req.method ?? ''} ${req.url ?? ''}`,
          status,
          status < 400 && WRITES.has(action),
          detail
        )
        res
          .writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId })
          .end(body)
      }
      void (async () => {
        try {
          const params = new QueryParams(await readBody(req))
          action = params.action
          const shown = DETAIL_PARAMS.filter((n) => params.get(n) !== undefined)
          detail = shown.length ? shown.map((n) => `${n}=${params.get(n)}`).join(' ') : undefined
          const handler = req.method === 'POST' ? actions[action] : undefined
          if (!handler) throw errors.invalidAction(action)
          if (throttled(action)) throw errors.throttling()
          answer(200, renderResult(action, await handler(params), requestId))
        } catch (err) {
          const e =
            err instanceof RdsError
              ? err
              : new RdsError(
                  'InternalFailure',
                  500,
                  err instanceof Error ? err.message : String(err)
                )
          answer(e.status, renderError(e.code, e.message, e.status, requestId))
        }
      })()
    },
    log,
    opts.port
  )
  return {
    ...server,
    close: async () => {
      abort.abort()
      await ctx.background.settle()
      await restored.shutdown()
      await server.close()
    }
  }
}
