// A thin adapter over @aws-sdk/client-rds for the restored copy of a cluster snapshot: restore the cluster, give it
// one instance, watch both, read the instance's crash-recovery binlog position, and delete both again.
//
// The AWS facts it relies on (RDS API reference):
// - RestoreDBClusterFromSnapshot "only restores the DB cluster, not the DB instances"; Engine is required, and the
//   cluster parameter group, DB subnet group and VPC security groups are the Region's defaults unless given.
// - CreateDBInstance with DBClusterIdentifier adds an instance to that cluster; Engine must match the cluster's
//   (aurora-mysql) and DBInstanceClass is required.
// - DeleteDBCluster refuses a cluster that still has instances not `deleting`, and without SkipFinalSnapshot asks for
//   FinalDBSnapshotIdentifier: so DeleteDBInstance first, then DeleteDBCluster with SkipFinalSnapshot=true.
// - A cluster restored from a snapshot announces, as an event of its writer instance (SourceType db-instance), the
//   binlog coordinates of the snapshot: `Binlog position from crash recovery is mysql-bin-changelog.000001 154`
//   (Aurora user guide, AuroraMySQL.mysql80-upgrade-procedure, describe-events output), when binary logging is on in
//   the cluster's parameter group.
// "Not found" is `undefined`, not an error, as in rds.ts.
import {
  CreateDBInstanceCommand,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  RestoreDBClusterFromSnapshotCommand,
  type DBCluster,
  type DBInstance,
  type DescribeDBClustersCommandOutput,
  type DescribeDBInstancesCommandOutput,
  type RestoreDBClusterFromSnapshotCommandOutput,
  type CreateDBInstanceCommandOutput,
  type Tag
} from '@aws-sdk/client-rds'
import { callAws, isAwsError, type AwsCallOptions, type AwsSender } from './aws-call.js'
import type { RdsEventView } from './rds.js'

/** The network and parameter settings of a cluster, which a restored copy inherits by default. */
export interface ClusterSettings {
  readonly identifier: string
  readonly status: string
  readonly engine: string | undefined
  readonly engineVersion: string | undefined
  readonly port: number | undefined
  readonly subnetGroup: string | undefined
  readonly securityGroupIds: readonly string[]
  readonly parameterGroup: string | undefined
  /** The KMS key of an encrypted cluster; a restore keeps the snapshot's unless told otherwise. */
  readonly kmsKeyId: string | undefined
}

/** A DB instance, as far as the restore phase needs it. `status` is RDS's (`creating`, `available`, …). */
export interface InstanceView {
  readonly identifier: string
  readonly clusterIdentifier: string | undefined
  readonly status: string
  readonly instanceClass: string | undefined
  /** Set once the instance has an endpoint (not while `creating`). */
  readonly endpoint: { readonly address: string; readonly port: number } | undefined
}

/** What RestoreDBClusterFromSnapshot and CreateDBInstance get. */
export interface RestoreParams {
  readonly clusterIdentifier: string
  readonly instanceIdentifier: string
  /** Identifier or ARN of the cluster snapshot. */
  readonly snapshot: string
  readonly engineVersion: string | undefined
  readonly instanceClass: string
  readonly subnetGroup: string | undefined
  readonly securityGroupIds: readonly string[]
  readonly parameterGroup: string | undefined
  readonly tags: Readonly<Record<string, string>>
}

/** The RDS calls of a restored copy. Every method throws AwsApiError with AWS's code and message. */
export interface RestoreRds {
  /** Undefined when the cluster does not exist. */
  describeClusterSettings(identifier: string): Promise<ClusterSettings | undefined>
  restoreCluster(p: RestoreParams): Promise<ClusterSettings>
  createInstance(p: RestoreParams): Promise<InstanceView>
  /** Undefined when the instance does not exist. */
  describeInstance(identifier: string): Promise<InstanceView | undefined>
  /** The DB instance class of the cluster's writer; undefined when the cluster has no writer. */
  writerClass(clusterIdentifier: string): Promise<string | undefined>
  /** Deletes the instance; false when it was already gone. */
  deleteInstance(identifier: string): Promise<boolean>
  /** Deletes the cluster without a final snapshot; false when it was already gone. */
  deleteCluster(identifier: string): Promise<boolean>
}

function settingsView(c: DBCluster, identifier: string): ClusterSettings {
  return {
    identifier: c.DBClusterIdentifier ?? identifier,
    status: (c.Status ?? 'unknown').toLowerCase(),
    engine: c.Engine,
    engineVersion: c.EngineVersion,
    port: c.Port,
    subnetGroup: c.DBSubnetGroup,
    securityGroupIds: (c.VpcSecurityGroups ?? [])
      .map((g) => g.VpcSecurityGroupId ?? '')
      .filter((g) => g !== ''),
    parameterGroup: c.DBClusterParameterGroup,
    kmsKeyId: c.KmsKeyId
  }
}

function instanceView(i: DBInstance, identifier: string): InstanceView {
  const address = i.Endpoint?.Address
  const port = i.Endpoint?.Port
  return {
    identifier: i.DBInstanceIdentifier ?? identifier,
    clusterIdentifier: i.DBClusterIdentifier,
    status: (i.DBInstanceStatus ?? 'unknown').toLowerCase(),
    instanceClass: i.DBInstanceClass,
    endpoint: address && port !== undefined ? { address, port } : undefined
  }
}

const tagList = (tags: Readonly<Record<string, string>>): Tag[] =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))

/** The event's message: file name and position separated by a space. */
const CRASH_RECOVERY = /Binlog position from crash recovery is (\S+)\s+(\d+)/

/**
 * The crash-recovery binlog position among a restored instance's events: the last announced one (the docs say
 * describe-events output is not in chronological order, so the latest by date wins). Undefined when none was
 * announced (binary logging off in the cluster parameter group).
 */
export function crashRecoveryPosition(
  events: readonly RdsEventView[]
): { readonly file: string; readonly position: number } | undefined {
  const found: { at: number; file: string; position: number }[] = []
  for (const e of events) {
    const m = CRASH_RECOVERY.exec(e.message)
    const position = Number(m?.[2])
    if (m?.[1] && Number.isSafeInteger(position))
      found.push({ at: e.date?.getTime() ?? 0, file: m[1], position })
  }
  const last = found.sort((a, b) => a.at - b.at)[found.length - 1]
  return last && { file: last.file, position: last.position }
}

/**
 * The restore adapter over a client (clients.ts `createAwsClients(...).rds`, or a fake with `send`).
 * @param client the SDK client
 * @param opts retry bounds, clock, cancellation, and where retry lines go
 */
export function createRestoreRds(client: AwsSender, opts: AwsCallOptions = {}): RestoreRds {
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
  const describeInstances = (filter: { id?: string; cluster?: string }) =>
    call<DescribeDBInstancesCommandOutput>(
      'DescribeDBInstances',
      new DescribeDBInstancesCommand(
        filter.id !== undefined
          ? { DBInstanceIdentifier: filter.id }
          : { Filters: [{ Name: 'db-cluster-id', Values: [filter.cluster ?? ''] }] }
      )
    )
  return {
    async describeClusterSettings(identifier) {
      const out = await unlessMissing(
        call<DescribeDBClustersCommandOutput>(
          'DescribeDBClusters',
          new DescribeDBClustersCommand({ DBClusterIdentifier: identifier })
        ),
        'DBClusterNotFoundFault'
      )
      const c = out?.DBClusters?.[0]
      return c ? settingsView(c, identifier) : undefined
    },

    async restoreCluster(p) {
      const out = await call<RestoreDBClusterFromSnapshotCommandOutput>(
        'RestoreDBClusterFromSnapshot',
        new RestoreDBClusterFromSnapshotCommand({
          DBClusterIdentifier: p.clusterIdentifier,
          SnapshotIdentifier: p.snapshot,
          Engine: 'aurora-mysql',
          ...(p.engineVersion ? { EngineVersion: p.engineVersion } : {}),
          ...(p.subnetGroup ? { DBSubnetGroupName: p.subnetGroup } : {}),
          ...(p.securityGroupIds.length > 0
            ? { VpcSecurityGroupIds: [...p.securityGroupIds] }
            : {}),
          ...(p.parameterGroup ? { DBClusterParameterGroupName: p.parameterGroup } : {}),
          // A copy is deleted at the end of the run: protection would make that fail.
          DeletionProtection: false,
          Tags: tagList(p.tags)
        })
      )
      return settingsView(out.DBCluster ?? {}, p.clusterIdentifier)
    },

    async createInstance(p) {
      const out = await call<CreateDBInstanceCommandOutput>(
        'CreateDBInstance',
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: p.instanceIdentifier,
          DBClusterIdentifier: p.clusterIdentifier,
          DBInstanceClass: p.instanceClass,
          Engine: 'aurora-mysql',
          Tags: tagList(p.tags)
        })
      )
      return instanceView(out.DBInstance ?? {}, p.instanceIdentifier)
    },

    async describeInstance(identifier) {
      const out = await unlessMissing(
        describeInstances({ id: identifier }),
        'DBInstanceNotFoundFault'
      )
      const i = out?.DBInstances?.[0]
      return i ? instanceView(i, identifier) : undefined
    },

    async writerClass(clusterIdentifier) {
      const out = await call<DescribeDBClustersCommandOutput>(
        'DescribeDBClusters',
        new DescribeDBClustersCommand({ DBClusterIdentifier: clusterIdentifier })
      )
      const writer = out.DBClusters?.[0]?.DBClusterMembers?.find((m) => m.IsClusterWriter)
      if (!writer?.DBInstanceIdentifier) return undefined
      const inst = await describeInstances({ id: writer.DBInstanceIdentifier })
      return inst.DBInstances?.[0]?.DBInstanceClass
    },

    async deleteInstance(identifier) {
      const out = await unlessMissing(
        call(
          'DeleteDBInstance',
          new DeleteDBInstanceCommand({ DBInstanceIdentifier: identifier, SkipFinalSnapshot: true })
        ),
        'DBInstanceNotFoundFault'
      )
      return out !== undefined
    },

    async deleteCluster(identifier) {
      const out = await unlessMissing(
        call(
          'DeleteDBCluster',
          new DeleteDBClusterCommand({ DBClusterIdentifier: identifier, SkipFinalSnapshot: true })
        ),
        'DBClusterNotFoundFault'
      )
      return out !== undefined
    }
  }
}
