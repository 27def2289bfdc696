// DescribeDBClusters for the one Aurora MySQL cluster of the sandbox, whose writer endpoint is the source MariaDB.
// Field set follows the AWS CLI example output of describe-db-clusters.
import { errors } from './rds-errors.js'
import { paginate, type QueryParams, type XmlValue } from './rds-protocol.js'
import { kmsKeyArn, type RdsContext } from './rds-context.js'

/** The DBCluster shape of the sandbox cluster. */
export function clusterToApi(ctx: RdsContext): Record<string, XmlValue> {
  const { cluster, region, accountId } = ctx
  return {
    AllocatedStorage: 1,
    AvailabilityZones: [`${region}a`, `${region}b`, `${region}c`],
    BackupRetentionPeriod: 1,
    DBClusterIdentifier: cluster.identifier,
    DBClusterParameterGroup: cluster.parameterGroup,
    DBSubnetGroup: 'default',
    Status: 'available',
    Endpoint: cluster.endpoint,
    ReaderEndpoint: cluster.endpoint,
    MultiAZ: false,
    Engine: 'aurora-mysql',
    EngineVersion: cluster.engineVersion,
    Port: cluster.port,
    MasterUsername: cluster.masterUsername,
    PreferredBackupWindow: '09:09-09:39',
    PreferredMaintenanceWindow: 'sat:04:09-sat:04:39',
    ReadReplicaIdentifiers: [],
    DBClusterMembers: [
      {
        DBInstanceIdentifier: `${cluster.identifier}-instance-1`,
        IsClusterWriter: true,
        DBClusterParameterGroupStatus: 'in-sync',
        PromotionTier: 1
      }
    ],
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0sandbox', Status: 'active' }],
    HostedZoneId: 'Z2R2ITUGPM61AM',
    StorageEncrypted: true,
    KmsKeyId: kmsKeyArn(ctx.kmsKeys[0] ?? 'sandbox-storage-key', region, accountId),
    DbClusterResourceId: `cluster-${cluster.identifier.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
    DBClusterArn: ctx.clusterArn,
    AssociatedRoles: [],
    IAMDatabaseAuthenticationEnabled: false,
    ClusterCreateTime: ctx.clusterCreateTime,
    EngineMode: 'provisioned',
    DeletionProtection: false,
    HttpEndpointEnabled: false,
    StorageType: 'aurora'
  }
}

/** DescribeDBClusters: by identifier or ARN (unknown → DBClusterNotFoundFault), Filters db-cluster-id / engine. */
export function describeClusters(ctx: RdsContext, params: QueryParams): Record<string, XmlValue> {
  const names = (v: string): boolean =>
    v.toLowerCase() === ctx.cluster.identifier.toLowerCase() || v === ctx.clusterArn
  const wanted = params.get('DBClusterIdentifier')
  if (wanted !== undefined && !names(wanted)) throw errors.clusterNotFound(wanted)
  let found = true
  for (const f of params.filters()) {
    if (f.name === 'db-cluster-id') found &&= f.values.some(names)
    else if (f.name === 'engine') found &&= f.values.includes('aurora-mysql')
    else if (['clone-group-id', 'db-cluster-resource-id', 'domain'].includes(f.name)) found = false
    else throw errors.invalidParameterValue(`Unrecognized filter name: ${f.name}`)
  }
  const page = paginate(found ? [clusterToApi(ctx)] : [], params)
  return { DBClusters: page.items, Marker: page.marker }
}
