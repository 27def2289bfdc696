// DB instances: the sandbox cluster's writer (the source MariaDB) and the instances created in restored clusters.
// CreateDBInstance into a restored cluster is `creating` until the cluster's server is up and
// `timing('instance', 1)` s have passed, then `available` with its Endpoint (the endpoint "might not be shown for
// instances with the status of creating", DBInstance.Endpoint in the RDS API reference). The first instance of a
// restored cluster is its writer: when it comes up with binary logging on it announces, as an event of the DB
// instance, `Binlog position from crash recovery is <file> <position>` — the snapshot's own coordinates (Aurora user
// guide "Replication between Aurora and MySQL…"; the event's real form, SourceType db-instance and empty
// EventCategories, is in the AuroraMySQL.mysql80-upgrade-procedure describe-events example), then "DB instance
// created". DeleteDBInstance stops the server with the cluster's last instance.
import { errors } from './rds-errors.js'
import { paginate, type QueryParams, type XmlValue } from './rds-protocol.js'
import { checkIdentifier, parseRdsArn, rdsArn } from './rds-validation.js'
import { sleepUntil, type RdsContext } from './rds-context.js'
import { parseTags, tagList, type Tag } from './rds-tags.js'
import {
  DEFAULT_DB_PARAMETER_GROUP,
  DEFAULT_OPTION_GROUP,
  SMALLEST_AURORA_MYSQL3_CLASS,
  dbParameterGroupExists,
  isAuroraMysql3Class
} from './rds-account.js'
import { sourceClusterView, sourceWriterId, type ClusterView } from './rds-cluster.js'
import { DELETING_MS, type RestoredCluster, type RestoredClusters } from './restored-clusters.js'

/** Seconds an instance stays `creating` unless SANDBOX_TIMINGS says otherwise. */
export const DEFAULT_INSTANCE_SECONDS = 1

/** One instance of a restored cluster. */
export interface DbInstance {
  readonly id: string
  readonly arn: string
  readonly resourceId: string
  readonly instanceClass: string
  readonly parameterGroup: string
  readonly cluster: RestoredCluster
  readonly createdAt: Date
  readonly tags: readonly Tag[]
  status: string
}

interface InstanceView {
  readonly id: string
  readonly arn: string
  readonly resourceId: string
  readonly instanceClass: string
  readonly parameterGroup: string
  readonly status: string
  readonly createdAt: Date
  readonly cluster: ClusterView
  readonly writer: boolean
  readonly tags: readonly Tag[]
}

/** The DBInstance shape of an Aurora instance (fields of the AWS CLI describe-db-instances example). */
function instanceToApi(ctx: RdsContext, v: InstanceView): Record<string, XmlValue> {
  const { cluster: c } = v
  const up = v.status !== 'creating'
  return {
    DBInstanceIdentifier: v.id,
    DBInstanceClass: v.instanceClass,
    Engine: 'aurora-mysql',
    DBInstanceStatus: v.status,
    MasterUsername: c.masterUsername,
    Endpoint: up
      ? { Address: c.endpoint, Port: c.port, HostedZoneId: 'Z2R2ITUGPM61AM' }
      : undefined,
    AllocatedStorage: 1,
    InstanceCreateTime: up ? v.createdAt : undefined,
    PreferredBackupWindow: '09:09-09:39',
    BackupRetentionPeriod: 1,
    DBSecurityGroups: [],
    VpcSecurityGroups: c.securityGroups.map((g) => ({ VpcSecurityGroupId: g, Status: 'active' })),
    DBParameterGroups: [
      { DBParameterGroupName: v.parameterGroup, ParameterApplyStatus: 'in-sync' }
    ],
    AvailabilityZone: `${ctx.region}a`,
    DBSubnetGroup: { DBSubnetGroupName: c.subnetGroup, SubnetGroupStatus: 'Complete' },
    PreferredMaintenanceWindow: 'sat:04:09-sat:04:39',
    PendingModifiedValues: {},
    MultiAZ: false,
    EngineVersion: c.engineVersion,
    AutoMinorVersionUpgrade: true,
    ReadReplicaDBInstanceIdentifiers: [],
    LicenseModel: 'general-public-license',
    OptionGroupMemberships: [{ OptionGroupName: DEFAULT_OPTION_GROUP, Status: 'in-sync' }],
    PubliclyAccessible: false,
    StorageType: 'aurora',
    DbInstancePort: 0,
    DBClusterIdentifier: c.id,
    StorageEncrypted: true,
    KmsKeyId: c.kmsKeyId,
    DbiResourceId: v.resourceId,
    CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    PromotionTier: 1,
    DBInstanceArn: v.arn,
    IAMDatabaseAuthenticationEnabled: false,
    PerformanceInsightsEnabled: false,
    DeletionProtection: false,
    TagList: tagList(v.tags)
  }
}

/** The instances of one stand-in. */
export class DbInstances {
  private readonly instances = new Map<string, DbInstance>()

  constructor(
    private readonly ctx: RdsContext,
    private readonly clusters: RestoredClusters
  ) {}

  private sourceWriter(): InstanceView {
    const id = sourceWriterId(this.ctx)
    return {
      id,
      arn: rdsArn(this.ctx.region, this.ctx.accountId, 'db', id),
      resourceId: `db-${id.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
      instanceClass: SMALLEST_AURORA_MYSQL3_CLASS,
      parameterGroup: DEFAULT_DB_PARAMETER_GROUP,
      status: 'available',
      createdAt: this.ctx.clusterCreateTime,
      cluster: sourceClusterView(this.ctx),
      writer: true,
      tags: []
    }
  }

  private view(i: DbInstance): InstanceView {
    return { ...i, cluster: i.cluster, writer: i.cluster.members[0] === i.id }
  }

  /** Every instance, the source's writer first. */
  private all(): InstanceView[] {
    return [this.sourceWriter(), ...[...this.instances.values()].map((i) => this.view(i))]
  }

  /** An instance of a restored cluster by identifier or ARN. */
  find(idOrArn: string): DbInstance | undefined {
    const arn = parseRdsArn(idOrArn)
    const id = arn?.resourceType === 'db' && arn.region === this.ctx.region ? arn.name : idOrArn
    return this.instances.get(id.toLowerCase())
  }

  /** Tags of an instance, the source's writer included; undefined when there is none. */
  tagsOf(id: string): readonly Tag[] | undefined {
    return this.all().find((v) => v.id === id.toLowerCase() || v.id === id)?.tags
  }

  /** Instances of a cluster that are not being deleted (DeleteDBCluster waits for none). */
  liveMembers(c: RestoredCluster): number {
    return c.members.filter((m) => this.instances.get(m)?.status !== 'deleting').length
  }

  /** CreateDBInstance into a restored cluster. */
  create(params: QueryParams): Record<string, XmlValue> {
    const need = (name: string): string => {
      const v = params.get(name)
      if (v === undefined || v === '') throw errors.missingParameter(name)
      return v
    }
    const id = checkIdentifier('DBInstanceIdentifier', need('DBInstanceIdentifier'))
    const instanceClass = need('DBInstanceClass')
    const engine = need('Engine')
    if (this.instances.has(id) || id === sourceWriterId(this.ctx))
      throw errors.dbInstanceAlreadyExists()
    const clusterId = params.get('DBClusterIdentifier')
    if (clusterId === undefined) throw errors.notImitated('DB instances outside a DB cluster')
    const cluster = this.clusters.find(clusterId)
    if (!cluster) {
      if (clusterId.toLowerCase() === this.ctx.cluster.identifier.toLowerCase())
        throw errors.notImitated('new instances in the source cluster')
      throw errors.clusterNotFound(clusterId)
    }
    if (engine !== 'aurora-mysql') throw errors.instanceEngineMismatch(engine, 'aurora-mysql')
    if (cluster.status !== 'available') throw errors.clusterNotAvailable(cluster.id)
    if (!isAuroraMysql3Class(instanceClass))
      throw errors.unsupportedInstanceClass(instanceClass, engine, cluster.engineVersion)
    const parameterGroup = params.get('DBParameterGroupName') ?? DEFAULT_DB_PARAMETER_GROUP
    if (!dbParameterGroupExists(parameterGroup))
      throw errors.dbParameterGroupNotFound(parameterGroup)
    const i: DbInstance = {
      id,
      arn: rdsArn(this.ctx.region, this.ctx.accountId, 'db', id),
      resourceId: `db-${id.toUpperCase().replace(/[^A-Z0-9]/g, '')}${cluster.volume.serverId}`,
      instanceClass,
      parameterGroup,
      cluster,
      createdAt: new Date(),
      tags: parseTags(params),
      status: 'creating'
    }
    this.instances.set(id, i)
    cluster.members.push(id)
    const readyAt = Date.now() + this.ctx.timing('instance', DEFAULT_INSTANCE_SECONDS) * 1000
    this.ctx.background.track(this.bringUp(i, readyAt))
    return instanceToApi(this.ctx, this.view(i))
  }

  private announce(i: DbInstance, message: string, categories: string[]): void {
    this.ctx.events.add({
      SourceIdentifier: i.id,
      SourceType: 'db-instance',
      Message: message,
      EventCategories: categories,
      SourceArn: i.arn
    })
  }

  private async bringUp(i: DbInstance, readyAt: number): Promise<void> {
    const c = i.cluster
    const creating = (): boolean => i.status === 'creating' && !this.ctx.signal.aborted
    if (!(await sleepUntil(readyAt, this.ctx.signal))) return
    while (creating() && this.ctx.fault('restore-instance-stuck-creating') !== undefined)
      await sleepUntil(Date.now() + 200, this.ctx.signal)
    if (!creating()) return
    // The writer's first start is the crash recovery that ends at the snapshot's binlog position.
    const recovering = c.members[0] === i.id && !c.server && c.binlog && !c.binlogContinued
    try {
      await this.clusters.startServer(c)
    } catch {
      if (i.status === 'creating') i.status = 'failed'
      return
    }
    // Deleted while its server was starting: nothing else needs the server.
    if (!creating()) {
      if (this.liveMembers(c) === 0) await this.clusters.stopServer(c)
      return
    }
    if (recovering && c.position)
      this.announce(
        i,
        `Binlog position from crash recovery is ${c.position.file} ${c.position.position}`,
        []
      )
    i.status = 'available'
    this.announce(i, 'DB instance created', ['creation'])
  }

  /** DescribeDBInstances: by identifier or ARN, Filters db-cluster-id / db-instance-id / dbi-resource-id / engine. */
  describe(params: QueryParams): Record<string, XmlValue> {
    const names = (v: InstanceView) => (x: string) => x.toLowerCase() === v.id || x === v.arn
    let list = this.all()
    const wanted = params.get('DBInstanceIdentifier')
    if (wanted !== undefined) {
      list = list.filter((v) => names(v)(wanted))
      if (list.length === 0) throw errors.dbInstanceNotFound(wanted)
    }
    for (const f of params.filters()) {
      const field = (v: InstanceView): string[] => {
        switch (f.name) {
          case 'db-cluster-id':
            return [v.cluster.id, v.cluster.arn]
          case 'db-instance-id':
            return [v.id, v.arn]
          case 'dbi-resource-id':
            return [v.resourceId]
          case 'engine':
            return ['aurora-mysql']
          case 'domain':
            return []
          default:
            throw errors.invalidParameterValue(`Unrecognized filter name: ${f.name}`)
        }
      }
      list = list.filter((v) => field(v).some((x) => f.values.includes(x)))
    }
    const page = paginate(list, params)
    return { DBInstances: page.items.map((v) => instanceToApi(this.ctx, v)), Marker: page.marker }
  }

  /** DeleteDBInstance: `deleting` at once (the server stops with the cluster's last instance), then gone. */
  async delete(params: QueryParams): Promise<Record<string, XmlValue>> {
    const id = params.get('DBInstanceIdentifier')
    if (id === undefined) throw errors.missingParameter('DBInstanceIdentifier')
    const i = this.find(id)
    if (!i) {
      if (id.toLowerCase() === sourceWriterId(this.ctx))
        throw errors.notImitated("deleting the source cluster's writer")
      throw errors.dbInstanceNotFound(id)
    }
    if (i.status === 'deleting') throw errors.instanceAlreadyDeleting(i.id)
    i.status = 'deleting'
    const shown = instanceToApi(this.ctx, this.view(i))
    if (this.liveMembers(i.cluster) === 0) await this.clusters.stopServer(i.cluster)
    this.ctx.background.track(this.remove(i))
    return shown
  }

  private async remove(i: DbInstance): Promise<void> {
    await sleepUntil(Date.now() + DELETING_MS, this.ctx.signal)
    this.instances.delete(i.id)
    const m = i.cluster.members
    m.splice(m.indexOf(i.id), 1)
    this.announce(i, 'DB instance deleted', ['deletion'])
  }
}
