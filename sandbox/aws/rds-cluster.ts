// DescribeDBClusters: the sandbox's Aurora MySQL cluster, whose writer endpoint is the source MariaDB, and the
// clusters restored from its snapshots. Field set follows the AWS CLI example output of describe-db-clusters and
// the RestoreDBClusterFromSnapshot example in the RDS API reference.
import { errors } from './rds-errors.js'
import { paginate, type QueryParams, type XmlValue } from './rds-protocol.js'
import { kmsKeyArn, type RdsContext } from './rds-context.js'
import { tagList, type Tag } from './rds-tags.js'
import { SOURCE_SECURITY_GROUP } from './rds-account.js'

/** What a DBCluster answer says about one cluster. */
export interface ClusterView {
  readonly id: string
  readonly arn: string
  readonly resourceId: string
  readonly status: string
  readonly createdAt: Date
  readonly endpoint: string
  readonly port: number
  readonly engineVersion: string
  readonly parameterGroup: string
  readonly subnetGroup: string
  readonly securityGroups: readonly string[]
  readonly kmsKeyId: string
  readonly masterUsername: string
  readonly deletionProtection: boolean
  readonly tags: readonly Tag[]
  /** Instance ids in creation order; the first is the writer. */
  readonly members: readonly string[]
}

/** The writer instance of the sandbox's own cluster. */
export function sourceWriterId(ctx: RdsContext): string {
  return `${ctx.cluster.identifier}-instance-1`
}

/**
 * The sandbox's own cluster. Deletion protection is on, as on a production cluster: DeleteDBCluster on it gets
 * RDS's refusal, and the source is never deleted.
 */
export function sourceClusterView(ctx: RdsContext): ClusterView {
  const { cluster } = ctx
  return {
    id: cluster.identifier,
    arn: ctx.clusterArn,
    resourceId: `cluster-${cluster.identifier.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
    status: 'available',
    createdAt: ctx.clusterCreateTime,
    endpoint: cluster.endpoint,
    port: cluster.port,
    engineVersion: cluster.engineVersion,
    parameterGroup: cluster.parameterGroup,
    subnetGroup: 'default',
    securityGroups: [SOURCE_SECURITY_GROUP],
    kmsKeyId: kmsKeyArn(ctx.kmsKeys[0] ?? 'sandbox-storage-key', ctx.region, ctx.accountId),
    masterUsername: cluster.masterUsername,
    deletionProtection: true,
    tags: [],
    members: [sourceWriterId(ctx)]
  }
}

/** The DBCluster shape. */
export function clusterToApi(ctx: RdsContext, v: ClusterView): Record<string, XmlValue> {
  const { region } = ctx
  return {
    AllocatedStorage: 1,
    AvailabilityZones: [`${region}a`, `${region}b`, `${region}c`],
    BackupRetentionPeriod: 1,
    DBClusterIdentifier: v.id,
    DBClusterParameterGroup: v.parameterGroup,
    DBSubnetGroup: v.subnetGroup,
    Status: v.status,
    Endpoint: v.endpoint,
    ReaderEndpoint: v.endpoint,
    MultiAZ: false,
    Engine: 'aurora-mysql',
    EngineVersion: v.engineVersion,
    Port: v.port,
    MasterUsername: v.masterUsername,
    PreferredBackupWindow: '09:09-09:39',
    PreferredMaintenanceWindow: 'sat:04:09-sat:04:39',
    ReadReplicaIdentifiers: [],
    DBClusterMembers: v.members.map((id, i) => ({
      DBInstanceIdentifier: id,
      IsClusterWriter: i === 0,
      DBClusterParameterGroupStatus: 'in-sync',
      PromotionTier: 1
    })),
    VpcSecurityGroups: v.securityGroups.map((g) => ({ VpcSecurityGroupId: g, Status: 'active' })),
    HostedZoneId: 'Z2R2ITUGPM61AM',
    StorageEncrypted: true,
    KmsKeyId: v.kmsKeyId,
    DbClusterResourceId: v.resourceId,
    DBClusterArn: v.arn,
    AssociatedRoles: [],
    IAMDatabaseAuthenticationEnabled: false,
    ClusterCreateTime: v.createdAt,
    EngineMode: 'provisioned',
    DeletionProtection: v.deletionProtection,
    HttpEndpointEnabled: false,
    CopyTagsToSnapshot: false,
    StorageType: 'aurora',
    TagList: tagList(v.tags)
  }
}

/**
 * DescribeDBClusters over the given clusters: by identifier or ARN (unknown → DBClusterNotFoundFault), Filters
 * db-cluster-id / engine.
 */
export function describeClusters(
  ctx: RdsContext,
  params: QueryParams,
  clusters: readonly ClusterView[]
): Record<string, XmlValue> {
  const names = (c: ClusterView) => (v: string) =>
    v.toLowerCase() === c.id.toLowerCase() || v === c.arn
  let list = [...clusters]
  const wanted = params.get('DBClusterIdentifier')
  if (wanted !== undefined) {
    list = list.filter((c) => names(c)(wanted))
    if (list.length === 0) throw errors.clusterNotFound(wanted)
  }
  for (const f of params.filters()) {
    if (f.name === 'db-cluster-id') list = list.filter((c) => f.values.some(names(c)))
    else if (f.name === 'engine') list = f.values.includes('aurora-mysql') ? list : []
    else if (['clone-group-id', 'db-cluster-resource-id', 'domain'].includes(f.name))
      list =
        f.name === 'db-cluster-resource-id'
          ? list.filter((c) => f.values.includes(c.resourceId))
          : []
    else throw errors.invalidParameterValue(`Unrecognized filter name: ${f.name}`)
  }
  const page = paginate(list, params)
  return { DBClusters: page.items.map((c) => clusterToApi(ctx, c)), Marker: page.marker }
}
