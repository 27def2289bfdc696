// A thin adapter over @aws-sdk/client-rds: the calls the snapshot and export phases make, each with bounded
// retries of transient failures (aws-call.ts) and answers reduced to what the phases read. "Not found" is
// `undefined`, not an error: DescribeExportTasks answers an unknown id with ExportTaskNotFound on some
// endpoints and with an empty list on others (hashicorp/terraform-provider-aws,
// internal/service/rds/export_task.go: "won't return a NotFound error"), so both read the same here.
import {
  CancelExportTaskCommand,
  CreateDBClusterSnapshotCommand,
  DeleteDBClusterSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeEventsCommand,
  DescribeExportTasksCommand,
  StartExportTaskCommand,
  type CancelExportTaskCommandOutput,
  type CreateDBClusterSnapshotCommandOutput,
  type DBClusterSnapshot,
  type DescribeDBClustersCommandOutput,
  type DescribeDBClusterSnapshotsCommandOutput,
  type DescribeEventsCommandOutput,
  type DescribeExportTasksCommandOutput,
  type SourceType,
  type StartExportTaskCommandOutput
} from '@aws-sdk/client-rds'
import { callAws, isAwsError, type AwsCallOptions, type AwsSender } from './aws-call.js'
import { toExportTaskView, type ExportTaskView } from './export-task.js'

/** The cluster, as far as the phases need it. */
export interface ClusterView {
  readonly identifier: string
  readonly arn: string
  readonly status: string
  readonly engine: string | undefined
  readonly engineVersion: string | undefined
}

/** A cluster snapshot. `status` is lower case, as RDS spells it (`creating`, `available`, …). */
export interface SnapshotView {
  readonly identifier: string
  readonly arn: string
  readonly clusterIdentifier: string
  readonly status: string
  readonly percent: number
  /** SnapshotCreateTime: when the snapshot's point in time was fixed. */
  readonly createdAt: Date | undefined
  readonly snapshotType: string | undefined
}

/** An RDS event. */
export interface RdsEventView {
  readonly message: string
  readonly date: Date | undefined
  readonly sourceIdentifier: string | undefined
}

/** What StartExportTask needs. */
export interface StartExportParams {
  readonly taskId: string
  readonly sourceArn: string
  readonly bucket: string
  /** Key prefix; the export's files land under `<prefix>/<task id>/`. */
  readonly prefix: string
  readonly roleArn: string
  readonly kmsKeyId: string
  /** Omitted (the whole snapshot) when undefined. */
  readonly exportOnly?: readonly string[] | undefined
}

/** The RDS calls of the migration. Every method throws AwsApiError with AWS's code and message. */
export interface Rds {
  describeCluster(identifier: string): Promise<ClusterView | undefined>
  createClusterSnapshot(snapshotId: string, clusterId: string): Promise<SnapshotView>
  /** By identifier or ARN; undefined when it does not exist. */
  describeClusterSnapshot(idOrArn: string): Promise<SnapshotView | undefined>
  deleteClusterSnapshot(snapshotId: string): Promise<void>
  startExportTask(params: StartExportParams): Promise<ExportTaskView>
  /** Undefined when no task has this identifier. */
  describeExportTask(taskId: string): Promise<ExportTaskView | undefined>
  cancelExportTask(taskId: string): Promise<ExportTaskView>
  /** Events of one source since `startTime`, oldest first (all pages). */
  describeEvents(query: {
    readonly sourceType: SourceType
    readonly sourceIdentifier: string
    readonly startTime: Date
  }): Promise<RdsEventView[]>
}

function snapshotView(s: DBClusterSnapshot | undefined): SnapshotView {
  return {
    identifier: s?.DBClusterSnapshotIdentifier ?? '',
    arn: s?.DBClusterSnapshotArn ?? '',
    clusterIdentifier: s?.DBClusterIdentifier ?? '',
    status: (s?.Status ?? 'unknown').toLowerCase(),
    percent: s?.PercentProgress ?? 0,
    createdAt: s?.SnapshotCreateTime,
    snapshotType: s?.SnapshotType
  }
}

/**
 * The RDS adapter over a client (clients.ts `createAwsClients(...).rds`, or a fake with `send`).
 * @param client the SDK client
 * @param opts retry bounds, clock, cancellation, and where retry lines go
 */
export function createRds(client: AwsSender, opts: AwsCallOptions = {}): Rds {
  const call = <T>(operation: string, command: object): Promise<T> =>
    callAws(operation, () => client.send(command) as Promise<T>, opts)
  const unlessMissing = async <T>(p: Promise<T>, ...codes: string[]): Promise<T | undefined> => {
    try {
      return await p
    } catch (e) {
      if (isAwsError(e, ...codes)) return undefined
      throw e
    }
  }
  return {
    async describeCluster(identifier) {
      const out = await unlessMissing(
        call<DescribeDBClustersCommandOutput>(
          'DescribeDBClusters',
          new DescribeDBClustersCommand({ DBClusterIdentifier: identifier })
        ),
        'DBClusterNotFoundFault'
      )
      const c = out?.DBClusters?.[0]
      if (!c) return undefined
      return {
        identifier: c.DBClusterIdentifier ?? identifier,
        arn: c.DBClusterArn ?? '',
        status: c.Status ?? 'unknown',
        engine: c.Engine,
        engineVersion: c.EngineVersion
      }
    },

    async createClusterSnapshot(snapshotId, clusterId) {
      const out = await call<CreateDBClusterSnapshotCommandOutput>(
        'CreateDBClusterSnapshot',
        new CreateDBClusterSnapshotCommand({
          DBClusterSnapshotIdentifier: snapshotId,
          DBClusterIdentifier: clusterId
        })
      )
      return snapshotView(out.DBClusterSnapshot)
    },

    async describeClusterSnapshot(idOrArn) {
      const out = await unlessMissing(
        call<DescribeDBClusterSnapshotsCommandOutput>(
          'DescribeDBClusterSnapshots',
          // An automated snapshot (`rds:…`) is only found when the request asks for that type
          // (RDS API Reference, DescribeDBClusterSnapshots, SnapshotType).
          new DescribeDBClusterSnapshotsCommand({
            DBClusterSnapshotIdentifier: idOrArn,
            ...(/(?:^|:)rds:/.test(idOrArn) ? { SnapshotType: 'automated' } : {})
          })
        ),
        'DBClusterSnapshotNotFoundFault'
      )
      const s = out?.DBClusterSnapshots?.[0]
      return s ? snapshotView(s) : undefined
    },

    async deleteClusterSnapshot(snapshotId) {
      await call(
        'DeleteDBClusterSnapshot',
        new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: snapshotId })
      )
    },

    async startExportTask(p) {
      const out = await call<StartExportTaskCommandOutput>(
        'StartExportTask',
        new StartExportTaskCommand({
          ExportTaskIdentifier: p.taskId,
          SourceArn: p.sourceArn,
          S3BucketName: p.bucket,
          S3Prefix: p.prefix,
          IamRoleArn: p.roleArn,
          KmsKeyId: p.kmsKeyId,
          ...(p.exportOnly ? { ExportOnly: [...p.exportOnly] } : {})
        })
      )
      return toExportTaskView(out)
    },

    async describeExportTask(taskId) {
      const out = await unlessMissing(
        call<DescribeExportTasksCommandOutput>(
          'DescribeExportTasks',
          new DescribeExportTasksCommand({ ExportTaskIdentifier: taskId })
        ),
        'ExportTaskNotFoundFault'
      )
      const task = out?.ExportTasks?.find(
        (t) => t.ExportTaskIdentifier?.toLowerCase() === taskId.toLowerCase()
      )
      return task ? toExportTaskView(task) : undefined
    },

    async cancelExportTask(taskId) {
      const out = await call<CancelExportTaskCommandOutput>(
        'CancelExportTask',
        new CancelExportTaskCommand({ ExportTaskIdentifier: taskId })
      )
      return toExportTaskView(out)
    },

    async describeEvents(q) {
      const events: RdsEventView[] = []
      let marker: string | undefined
      do {
        const out: DescribeEventsCommandOutput = await call(
          'DescribeEvents',
          new DescribeEventsCommand({
            SourceType: q.sourceType,
            SourceIdentifier: q.sourceIdentifier,
            StartTime: q.startTime,
            MaxRecords: 100,
            ...(marker ? { Marker: marker } : {})
          })
        )
        for (const e of out.Events ?? []) {
          events.push({
            message: e.Message ?? '',
            date: e.Date,
            sourceIdentifier: e.SourceIdentifier
          })
        }
        marker = out.Marker
      } while (marker)
      return events
    }
  }
}
