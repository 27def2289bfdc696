// Manual cluster snapshots: CreateDBClusterSnapshot fixes a consistent view of the source at once and writes its data
// under `<dir>/rds/snapshots/<id>/`; the snapshot is `creating` until both the data is on disk and
// `timing('snapshot', 1)` seconds have passed, then `available`.
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { errors } from './rds-errors.js'
import { paginate, type QueryParams, type XmlValue } from './rds-protocol.js'
import { checkIdentifier, parseRdsArn, rdsArn } from './rds-validation.js'
import { beginCapture, type BinlogPosition, type SnapshotManifest } from './snapshot-capture.js'
import { kmsKeyArn, sleepUntil, type RdsContext } from './rds-context.js'
import { parseTags, tagList, type Tag } from './rds-tags.js'

/** One cluster snapshot. */
export interface ClusterSnapshot {
  readonly id: string
  readonly arn: string
  readonly createdAt: Date
  readonly dir: string
  readonly binlog: BinlogPosition | null
  /** When the configured creation time is over (ms epoch). */
  readonly readyAt: number
  status: 'creating' | 'available' | 'failed'
  manifest: SnapshotManifest | undefined
  /** Export tasks reading this snapshot's data now; deletion waits for them before removing files. */
  readers: number
  deleted: boolean
  readonly tags: readonly Tag[]
}

/** Seconds a snapshot stays `creating` unless SANDBOX_TIMINGS says otherwise. */
export const DEFAULT_SNAPSHOT_SECONDS = 1

/** The cluster snapshots of one stand-in. */
export class SnapshotRegistry {
  private readonly snapshots = new Map<string, ClusterSnapshot>()

  constructor(private readonly ctx: RdsContext) {}

  /** The snapshot named by an identifier or a cluster-snapshot ARN of this account and region. */
  find(idOrArn: string): ClusterSnapshot | undefined {
    const arn = parseRdsArn(idOrArn)
    const id =
      arn &&
      arn.resourceType === 'cluster-snapshot' &&
      arn.region === this.ctx.region &&
      arn.account === this.ctx.accountId
        ? arn.name
        : idOrArn
    return this.snapshots.get(id.toLowerCase())
  }

  /** CreateDBClusterSnapshot. */
  async create(params: QueryParams): Promise<ClusterSnapshot> {
    const rawId = params.get('DBClusterSnapshotIdentifier')
    const clusterId = params.get('DBClusterIdentifier')
    if (rawId === undefined) throw errors.missingParameter('DBClusterSnapshotIdentifier')
    if (clusterId === undefined) throw errors.missingParameter('DBClusterIdentifier')
    const id = checkIdentifier('DBClusterSnapshotIdentifier', rawId)
    if (clusterId.toLowerCase() !== this.ctx.cluster.identifier.toLowerCase())
      throw errors.clusterNotFound(clusterId)
    if (this.snapshots.has(id)) throw errors.snapshotAlreadyExists(id)
    const dir = path.join(this.ctx.dir, 'rds', 'snapshots', id)
    const capture = await beginCapture(this.ctx.source, dir, this.ctx.signal)
    const s: ClusterSnapshot = {
      id,
      arn: rdsArn(this.ctx.region, this.ctx.accountId, 'cluster-snapshot', id),
      createdAt: capture.takenAt,
      dir,
      binlog: capture.binlog,
      readyAt: Date.now() + this.ctx.timing('snapshot', DEFAULT_SNAPSHOT_SECONDS) * 1000,
      status: 'creating',
      manifest: undefined,
      readers: 0,
      deleted: false,
      tags: parseTags(params)
    }
    this.snapshots.set(id, s)
    this.announce(s, 'Creating manual cluster snapshot', ['backup'])
    this.ctx.background.track(this.finish(s, capture.done))
    return s
  }

  private announce(s: ClusterSnapshot, message: string, categories: string[]): void {
    this.ctx.events.add({
      SourceIdentifier: s.id,
      SourceType: 'db-cluster-snapshot',
      Message: message,
      EventCategories: categories,
      SourceArn: s.arn
    })
  }

  private async finish(s: ClusterSnapshot, done: Promise<SnapshotManifest>): Promise<void> {
    try {
      s.manifest = await done
    } catch {
      s.status = 'failed'
      return
    }
    if (!(await sleepUntil(s.readyAt, this.ctx.signal)) || s.deleted) return
    s.status = 'available'
    // A snapshot announces no binlog position of its own: `Binlog position from crash recovery is …` is an event of
    // the writer instance of a cluster restored from it (db-instances.ts).
    this.announce(s, 'Manual cluster snapshot created', ['backup'])
  }

  /** DescribeDBClusterSnapshots. */
  describe(params: QueryParams): Record<string, XmlValue> {
    const byId = params.get('DBClusterSnapshotIdentifier')
    const byCluster = params.get('DBClusterIdentifier')
    if (byId !== undefined && byCluster !== undefined)
      throw errors.invalidParameterCombination(
        'Cannot specify both DBClusterIdentifier and DBClusterSnapshotIdentifier.'
      )
    let list = [...this.snapshots.values()]
    if (byId !== undefined) {
      const s = this.find(byId)
      if (!s) throw errors.snapshotNotFound(byId)
      list = [s]
    }
    const type = params.get('SnapshotType')
    const filters: { name: string; values: string[] }[] = [
      ...(byCluster !== undefined ? [{ name: 'db-cluster-id', values: [byCluster] }] : []),
      ...(type !== undefined ? [{ name: 'snapshot-type', values: [type] }] : []),
      ...params.filters()
    ]
    for (const f of filters) {
      const field = (s: ClusterSnapshot): string[] => {
        switch (f.name) {
          case 'db-cluster-id':
            return [this.ctx.cluster.identifier, this.ctx.clusterArn]
          case 'db-cluster-snapshot-id':
            return [s.id, s.arn]
          case 'snapshot-type':
            return ['manual']
          case 'engine':
            return ['aurora-mysql']
          default:
            throw errors.invalidParameterValue(`Unrecognized filter name: ${f.name}`)
        }
      }
      list = list.filter((s) =>
        field(s).some((v) => f.values.some((x) => x.toLowerCase() === v.toLowerCase()))
      )
    }
    const page = paginate(list, params)
    return { DBClusterSnapshots: page.items.map((s) => this.toApi(s)), Marker: page.marker }
  }

  /** DeleteDBClusterSnapshot: gone from the API at once; its files stay until running exports are done with them. */
  async delete(params: QueryParams): Promise<Record<string, XmlValue>> {
    const id = params.get('DBClusterSnapshotIdentifier')
    if (id === undefined) throw errors.missingParameter('DBClusterSnapshotIdentifier')
    const s = this.find(id)
    if (!s) throw errors.snapshotNotFound(id)
    if (s.status === 'creating') throw errors.invalidSnapshotState(s.id, s.status)
    const shown = this.toApi(s)
    this.snapshots.delete(s.id)
    s.deleted = true
    this.announce(s, 'Deleted manual snapshot', ['deletion'])
    if (s.readers === 0) await rm(s.dir, { recursive: true, force: true })
    return shown
  }

  /** Called by an export that has finished reading a snapshot. */
  async release(s: ClusterSnapshot): Promise<void> {
    s.readers--
    if (s.deleted && s.readers === 0) await rm(s.dir, { recursive: true, force: true })
  }

  /** The DBClusterSnapshot shape (fields of the AWS CLI example). */
  toApi(s: ClusterSnapshot): Record<string, XmlValue> {
    const total = Math.max(1, s.readyAt - s.createdAt.getTime())
    const percent =
      s.status === 'available'
        ? 100
        : Math.min(99, Math.floor(((Date.now() - s.createdAt.getTime()) / total) * 100))
    const { cluster, region, accountId } = this.ctx
    return {
      AvailabilityZones: [`${region}a`, `${region}b`, `${region}c`],
      DBClusterSnapshotIdentifier: s.id,
      DBClusterIdentifier: cluster.identifier,
      SnapshotCreateTime: s.createdAt,
      Engine: 'aurora-mysql',
      EngineMode: 'provisioned',
      AllocatedStorage: 0,
      Status: s.status,
      Port: 0,
      VpcId: 'vpc-0sandbox',
      ClusterCreateTime: this.ctx.clusterCreateTime,
      MasterUsername: cluster.masterUsername,
      EngineVersion: cluster.engineVersion,
      LicenseModel: 'aurora-mysql',
      SnapshotType: 'manual',
      PercentProgress: percent,
      StorageEncrypted: true,
      KmsKeyId: kmsKeyArn(this.ctx.kmsKeys[0] ?? 'sandbox-storage-key', region, accountId),
      DBClusterSnapshotArn: s.arn,
      IAMDatabaseAuthenticationEnabled: false,
      StorageType: 'aurora',
      TagList: tagList(s.tags)
    }
  }
}
