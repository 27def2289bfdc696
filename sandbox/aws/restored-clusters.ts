// RestoreDBClusterFromSnapshot and DeleteDBCluster: a cluster restored from a cluster snapshot is `creating` while
// its volume is filled from the snapshot (restored-server.ts) and for `timing('restore', 1)` s, then `available`
// with no instance ("This operation only restores the DB cluster, not the DB instances for that DB cluster",
// RestoreDBClusterFromSnapshot, RDS API reference). Its server starts when CreateDBInstance gives it a writer
// (db-instances.ts). DeleteDBCluster needs every instance deleting first and, as here, SkipFinalSnapshot.
import path from 'node:path'
import type { MariaDbServer } from '../lib/mariadb.js'
import { freePort } from '../lib/ports.js'
import { errors } from './rds-errors.js'
import type { QueryParams } from './rds-protocol.js'
import { checkIdentifier, parseRdsArn, rdsArn } from './rds-validation.js'
import { kmsKeyArn, sleepUntil, type RdsContext } from './rds-context.js'
import type { ClusterSnapshot, SnapshotRegistry } from './cluster-snapshots.js'
import { parseTags } from './rds-tags.js'
import {
  DEFAULT_AURORA_MYSQL_VERSION,
  DEFAULT_CLUSTER_PARAMETER_GROUP,
  DEFAULT_SECURITY_GROUP,
  DEFAULT_SUBNET_GROUP,
  clusterGroupBinlog,
  securityGroupExists,
  subnetGroupExists
} from './rds-account.js'
import { buildVolume, removeVolume, startVolume, type ClusterVolume } from './restored-server.js'
import type { BinlogPosition, SnapshotManifest } from './snapshot-capture.js'
import type { ClusterView } from './rds-cluster.js'

/** Seconds a restored cluster stays `creating` unless SANDBOX_TIMINGS says otherwise. */
export const DEFAULT_RESTORE_SECONDS = 1
/** How long `deleting` is visible before a deleted cluster or instance is gone. */
export const DELETING_MS = 300

/** One restored cluster. */
export interface RestoredCluster extends ClusterView {
  status: string
  /** Instance ids in creation order; the first is the writer. */
  readonly members: string[]
  /** Whether its parameter group had binary logging on when it was restored. */
  readonly binlog: boolean
  /** The snapshot's binlog position (where crash recovery of its writer ends), null without a binlog. */
  readonly position: BinlogPosition | null
  readonly volume: ClusterVolume
  /** The running (or starting) server; undefined without an instance. */
  server: Promise<MariaDbServer> | undefined
  /** The first start with binary logging continues the binlog after the snapshot's position; later ones don't. */
  binlogContinued: boolean
  /** Settles when the volume is loaded (or failed). */
  loaded: Promise<void>
  readonly stop: AbortController
}

/** The restored clusters of one stand-in. */
export class RestoredClusters {
  private readonly clusters = new Map<string, RestoredCluster>()
  private nextServerId = 101

  constructor(
    private readonly ctx: RdsContext,
    private readonly snapshots: SnapshotRegistry
  ) {}

  /** All restored clusters, in restore order. */
  list(): RestoredCluster[] {
    return [...this.clusters.values()]
  }

  /** A restored cluster by identifier or ARN of this account and Region. */
  find(idOrArn: string): RestoredCluster | undefined {
    const arn = parseRdsArn(idOrArn)
    const id =
      arn?.resourceType === 'cluster' &&
      arn.region === this.ctx.region &&
      arn.account === this.ctx.accountId
        ? arn.name
        : idOrArn
    return this.clusters.get(id.toLowerCase())
  }

  /** The snapshot a restore names (identifier or ARN), which must be available. */
  private snapshotFor(name: string): { snapshot: ClusterSnapshot; manifest: SnapshotManifest } {
    const s = this.snapshots.find(name)
    if (!s) {
      const arn = parseRdsArn(name)
      if (arn?.resourceType === 'snapshot') throw errors.dbSnapshotNotFound(arn.name)
      throw errors.snapshotNotFound(arn?.name ?? name)
    }
    if (s.status !== 'available' || !s.manifest) throw errors.snapshotNotAvailable(s.id, s.status)
    return { snapshot: s, manifest: s.manifest }
  }

  /** RestoreDBClusterFromSnapshot: validates, then restores in the background. */
  async restore(params: QueryParams): Promise<RestoredCluster> {
    const need = (name: string): string => {
      const v = params.get(name)
      if (v === undefined || v === '') throw errors.missingParameter(name)
      return v
    }
    const id = checkIdentifier('DBClusterIdentifier', need('DBClusterIdentifier'))
    const snapshotName = need('SnapshotIdentifier')
    const engine = need('Engine')
    // "Constraint: Must be compatible with the engine of the source" (RestoreDBClusterFromSnapshot, Engine).
    if (engine !== 'aurora-mysql')
      throw errors.invalidParameterCombination(
        `The engine ${engine} is not compatible with the engine of the snapshot (aurora-mysql).`
      )
    if (this.clusters.has(id) || id === this.ctx.cluster.identifier.toLowerCase())
      throw errors.clusterAlreadyExists()
    const { snapshot, manifest } = this.snapshotFor(snapshotName)
    const subnetGroup = params.get('DBSubnetGroupName') ?? DEFAULT_SUBNET_GROUP
    if (!subnetGroupExists(subnetGroup)) throw errors.subnetGroupNotFound(subnetGroup)
    const groups = params.list('VpcSecurityGroupIds', 'VpcSecurityGroupId')
    for (const g of groups) if (!securityGroupExists(g)) throw errors.invalidSecurityGroup(g)
    const parameterGroup =
      params.get('DBClusterParameterGroupName') ?? DEFAULT_CLUSTER_PARAMETER_GROUP
    const binlog = clusterGroupBinlog(this.ctx, parameterGroup)
    if (binlog === undefined) throw errors.clusterParameterGroupNotFound(parameterGroup)
    const key = params.get('KmsKeyId')
    if (key !== undefined && !this.ctx.kmsKeys.includes(key)) throw errors.kmsKeyNotAccessible(key)
    const port = params.int('Port') ?? (await freePort())
    if (!(port >= 1150 && port <= 65535))
      throw errors.invalidParameterValue(
        `Invalid port ${params.get('Port') ?? ''}: must be 1150-65535.`
      )
    const serverId = this.nextServerId++
    const c: RestoredCluster = {
      id,
      arn: rdsArn(this.ctx.region, this.ctx.accountId, 'cluster', id),
      resourceId: `cluster-${id.toUpperCase().replace(/[^A-Z0-9]/g, '')}${serverId}`,
      status: 'creating',
      createdAt: new Date(),
      endpoint: '127.0.0.1',
      port,
      engineVersion: params.get('EngineVersion') ?? DEFAULT_AURORA_MYSQL_VERSION,
      parameterGroup,
      subnetGroup,
      securityGroups: groups.length ? groups : [DEFAULT_SECURITY_GROUP],
      kmsKeyId: kmsKeyArn(
        key ?? this.ctx.kmsKeys[0] ?? 'sandbox-storage-key',
        this.ctx.region,
        this.ctx.accountId
      ),
      masterUsername: this.ctx.cluster.masterUsername,
      deletionProtection: params.get('DeletionProtection') === 'true',
      tags: parseTags(params),
      members: [],
      binlog,
      position: snapshot.binlog,
      volume: {
        dir: path.join(this.ctx.dir, 'rds', 'clusters', id),
        port,
        rootPassword: this.ctx.source.password,
        serverId,
        name: `restored-${id}`
      },
      server: undefined,
      binlogContinued: false,
      loaded: Promise.resolve(),
      stop: new AbortController()
    }
    this.clusters.set(id, c)
    snapshot.readers++ // a snapshot deleted meanwhile keeps its files until the volume is built
    const readyAt = Date.now() + this.ctx.timing('restore', DEFAULT_RESTORE_SECONDS) * 1000
    c.loaded = buildVolume(
      c.volume,
      snapshot.dir,
      manifest,
      AbortSignal.any([c.stop.signal, this.ctx.signal])
    ).finally(() => this.snapshots.release(snapshot))
    this.ctx.background.track(this.finish(c, readyAt))
    return c
  }

  private announce(c: RestoredCluster, message: string, categories: string[]): void {
    this.ctx.events.add({
      SourceIdentifier: c.id,
      SourceType: 'db-cluster',
      Message: message,
      EventCategories: categories,
      SourceArn: c.arn
    })
  }

  private async finish(c: RestoredCluster, readyAt: number): Promise<void> {
    let failed = false
    await c.loaded.catch(() => (failed = true))
    if (!(await sleepUntil(readyAt, this.ctx.signal)) || c.status !== 'creating') return
    const fault = this.ctx.fault('restore-failed')
    if (failed || fault !== undefined) {
      c.status = fault || 'failed'
      return
    }
    c.status = 'available'
    this.announce(c, 'DB cluster created', ['creation'])
  }

  /**
   * Starts the cluster's server for its instances (once: instances share it), the first start with binary logging
   * continuing the binlog after the snapshot's position.
   */
  startServer(c: RestoredCluster): Promise<MariaDbServer> {
    if (!c.server) {
      const continueAfter = c.binlog && !c.binlogContinued ? (c.position ?? undefined) : undefined
      if (continueAfter) c.binlogContinued = true
      c.server = startVolume(c.volume, c.binlog, continueAfter)
      c.server.catch(() => (c.server = undefined))
    }
    return c.server
  }

  /** Stops the cluster's server (its last instance is being deleted). */
  async stopServer(c: RestoredCluster): Promise<void> {
    const s = c.server
    c.server = undefined
    await (await s?.catch(() => undefined))?.stop()
  }

  /** DeleteDBCluster: `deleting`, then gone with its data. */
  delete(params: QueryParams, liveMembers: (c: RestoredCluster) => number): RestoredCluster {
    const id = params.get('DBClusterIdentifier')
    if (id === undefined) throw errors.missingParameter('DBClusterIdentifier')
    const c = this.find(id)
    if (!c) {
      if (id.toLowerCase() === this.ctx.cluster.identifier.toLowerCase())
        throw errors.clusterDeletionProtected()
      throw errors.clusterNotFound(id)
    }
    const skip = params.get('SkipFinalSnapshot') === 'true'
    const final = params.get('FinalDBSnapshotIdentifier')
    if (!skip && final === undefined) throw errors.finalSnapshotRequired()
    if (!skip)
      throw errors.notImitated('a final DB cluster snapshot (delete with SkipFinalSnapshot)')
    if (final !== undefined)
      throw errors.invalidParameterCombination(
        'FinalDBSnapshotIdentifier can not be specified when deleting a DB cluster with SkipFinalSnapshot set to true.'
      )
    if (c.deletionProtection) throw errors.clusterDeletionProtected()
    if (c.status === 'creating' || c.status === 'deleting') throw errors.clusterNotAvailable(c.id)
    if (liveMembers(c) > 0) throw errors.clusterHasInstances()
    const shown = { ...c }
    c.status = 'deleting'
    this.ctx.background.track(this.remove(c))
    return shown
  }

  private async remove(c: RestoredCluster): Promise<void> {
    c.stop.abort()
    await c.loaded.catch(() => undefined)
    await this.stopServer(c)
    await removeVolume(c.volume)
    await sleepUntil(Date.now() + DELETING_MS, this.ctx.signal)
    this.clusters.delete(c.id)
    this.announce(c, 'DB cluster deleted', ['deletion'])
  }

  /** Stops every restored server (the stand-in is closing); the files go with the sandbox directory. */
  async shutdown(): Promise<void> {
    for (const c of this.clusters.values()) c.stop.abort()
    await Promise.allSettled(
      [...this.clusters.values()].map(async (c) => {
        await c.loaded.catch(() => undefined)
        await this.stopServer(c)
      })
    )
  }
}
