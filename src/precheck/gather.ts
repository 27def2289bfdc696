// Gathers the precheck's facts: the source over one connection, the target over SQL and its status port, AWS with
// read-only lookups, and the runner's free disk. Reads only — no statement here writes, and no AWS call creates,
// starts or puts anything. The three sides are read concurrently; a side that cannot be reached becomes a fact
// ("cannot connect: …") instead of an exception, so every check still runs.
import { mkdtemp, rm, stat, statfs } from 'node:fs/promises'
import path from 'node:path'
import type mysql from 'mysql2/promise'
import {
  createAwsClients,
  createCheckClients,
  type AwsClients,
  type CheckClients
} from '../aws/clients.js'
import {
  bucketRegion,
  describeCluster,
  describeClusterSnapshot,
  describeKey,
  getRole,
  listPrefix,
  missingCredentials
} from '../aws/lookups.js'
import type { DbEndpoint, Inputs } from '../inputs/types.js'
import { readCatalog, type SourceCatalog } from '../mysql/catalog.js'
import { connectDb, dbErrorMessage, type DbRole } from '../mysql/connect.js'
import { parseGrants } from '../mysql/grants.js'
import { readSourceObjects } from '../mysql/source-objects.js'
import {
  binlogSettings,
  readBinlogCoordinates,
  readGlobalVariables,
  readGrants,
  readRetention,
  readServerVersion
} from '../mysql/source.js'
import { readTargetTables, readTidbStatus } from '../mysql/target.js'
import { errorMessage } from '../util/errors.js'
import { runnerTemp } from '../util/temp-files.js'
import type {
  AwsSide,
  Outcome,
  PrecheckFacts,
  RunnerSide,
  SourceSide,
  TargetSide
} from './facts.js'

/** The effectful edges, replaceable in unit tests. */
export interface GatherDeps {
  readonly connect: (endpoint: DbEndpoint, role: DbRole) => Promise<mysql.Connection>
  readonly awsClients: (inputs: Inputs) => Promise<AwsClients & CheckClients>
  readonly tidbStatus: typeof readTidbStatus
  readonly freeBytes: (dir: string) => Promise<number | undefined>
  /** Why `dir` is not a writable directory (undefined when it is); `mayCreate`: a missing one is created later. */
  readonly dirProblem: (dir: string, mayCreate: boolean) => Promise<string | undefined>
}

/**
 * Why `dir` cannot hold the run's files, or undefined when it can: it must be a directory this process can create
 * files in (tried by creating and removing an empty directory inside, which also catches a read-only mount). A
 * missing directory that will be created (`mayCreate`, Lightning's sorted-kv-dir) is judged by its nearest parent.
 */
export async function dirProblemAt(dir: string, mayCreate: boolean): Promise<string | undefined> {
  const at = path.resolve(dir)
  let isDir: boolean
  try {
    isDir = (await stat(at)).isDirectory()
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    // ENOTDIR: a file on the way; the parent then says which.
    if ((code === 'ENOENT' || code === 'ENOTDIR') && mayCreate && path.dirname(at) !== at)
      return dirProblemAt(path.dirname(at), true)
    return `${at} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? errorMessage(e)})`}`
  }
  if (!isDir) return `${at} is not a directory`
  try {
    await rm(await mkdtemp(path.join(at, '.aurora-to-tidb-probe-')), { recursive: true })
  } catch (e) {
    return `${at} is not writable (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)})`
  }
  return undefined
}

/** Free bytes for an unprivileged user on the file system holding `dir` (or its nearest existing parent). */
export async function freeBytesAt(dir: string): Promise<number | undefined> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      const s = await statfs(d)
      return s.bavail * s.bsize
    } catch {
      if (path.dirname(d) === d) return undefined
    }
  }
}

const DEFAULT_DEPS: GatherDeps = {
  connect: (endpoint, role) => connectDb(endpoint, role),
  awsClients: async (inputs) => ({
    ...createAwsClients(inputs.aws),
    ...(await createCheckClients(inputs.aws))
  }),
  tidbStatus: readTidbStatus,
  freeBytes: freeBytesAt,
  dirProblem: dirProblemAt
}

async function attempt<T>(read: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await read() }
  } catch (e) {
    return { ok: false, message: dbErrorMessage(e) }
  }
}

async function readSource(conn: mysql.Connection, inputs: Inputs): Promise<SourceSide> {
  const version = await readServerVersion(conn)
  const vars = await readGlobalVariables(conn)
  const settings = binlogSettings(vars, version.flavor)
  const retention = await readRetention(conn, vars)
  const grants = await attempt(async () => parseGrants(await readGrants(conn)))
  const catalog = await readCatalog(conn, inputs.filter)
  const databases = [...new Set(catalog.tables.map((t) => t.database))]
  const objects = await attempt(() => readSourceObjects(conn, databases))
  const position = await attempt(() => readBinlogCoordinates(conn, version, settings.gtidEnabled))
  return { version, settings, retention, grants, catalog, objects, position }
}

async function withConnection<T>(
  deps: GatherDeps,
  endpoint: DbEndpoint,
  role: DbRole,
  use: (conn: mysql.Connection) => Promise<T>
): Promise<Outcome<T>> {
  let conn: mysql.Connection
  try {
    conn = await deps.connect(endpoint, role)
  } catch (e) {
    return { ok: false, message: errorMessage(e) }
  }
  try {
    return await attempt(() => use(conn))
  } finally {
    await conn.end().catch(() => undefined)
  }
}

async function readAws(inputs: Inputs, deps: GatherDeps, signal?: AbortSignal): Promise<AwsSide> {
  const clients = await deps.awsClients(inputs)
  try {
    const credentialsProblem = await missingCredentials(clients.rds)
    if (credentialsProblem !== undefined) return { credentialsProblem }
    const a = inputs.aws
    const [cluster, snapshot, bucket, prefix, role, key] = await Promise.all([
      a.clusterIdentifier === undefined
        ? undefined
        : describeCluster(clients.rds, a.clusterIdentifier, signal),
      a.snapshotIdentifier === undefined
        ? undefined
        : describeClusterSnapshot(clients.rds, a.snapshotIdentifier, signal),
      a.s3 === undefined ? undefined : bucketRegion(clients.s3, a.s3.bucket, signal),
      a.s3 === undefined ? undefined : listPrefix(clients.s3, a.s3.bucket, a.s3.prefix, signal),
      a.exportRoleArn === undefined ? undefined : getRole(clients.iam, a.exportRoleArn, signal),
      a.kmsKeyId === undefined ? undefined : describeKey(clients.kms, a.kmsKeyId, signal)
    ])
    return {
      credentialsProblem,
      ...(cluster ? { cluster } : {}),
      ...(snapshot ? { snapshot } : {}),
      ...(bucket ? { bucket } : {}),
      ...(prefix ? { prefix } : {}),
      ...(role ? { role } : {}),
      ...(key ? { key } : {})
    }
  } finally {
    for (const c of [clients.rds, clients.s3, clients.iam, clients.kms]) c.destroy()
  }
}

async function readTarget(
  inputs: Inputs,
  deps: GatherDeps,
  catalog: Promise<SourceCatalog | undefined>,
  signal?: AbortSignal
): Promise<TargetSide> {
  const { target } = inputs
  const status = attempt(() => deps.tidbStatus(target.host, target.statusPort, signal))
  let tables: TargetSide['tables'] = { ok: true, value: [] }
  const connect = await withConnection(deps, target, 'target', async (conn) => {
    const selected = (await catalog)?.tables ?? []
    tables = await attempt(() => readTargetTables(conn, selected))
    return true as const
  })
  return { connect, status: await status, tables }
}

/**
 * Reads every fact the checks need.
 * @param inputs validated inputs
 * @param signal the run's cancellation
 * @param deps replaceable edges (tests)
 */
export async function gatherFacts(
  inputs: Inputs,
  signal?: AbortSignal,
  deps: GatherDeps = DEFAULT_DEPS
): Promise<PrecheckFacts> {
  const tempDir = runnerTemp()
  const sortedKvDir = inputs.import.sortedKvDir ?? tempDir
  const source = withConnection(deps, inputs.source, 'source', (conn) => readSource(conn, inputs))
  const catalog = source.then((s) => (s.ok ? s.value.catalog : undefined))
  const [src, target, aws, freeBytes, tempDirProblem, sortedKvDirProblem] = await Promise.all([
    source,
    readTarget(inputs, deps, catalog, signal),
    readAws(inputs, deps, signal),
    deps.freeBytes(sortedKvDir),
    deps.dirProblem(tempDir, false),
    inputs.import.sortedKvDir === undefined
      ? Promise.resolve(undefined)
      : deps.dirProblem(inputs.import.sortedKvDir, true)
  ])
  const runner: RunnerSide = {
    sortedKvDir,
    freeBytes,
    tempDir,
    tempDirProblem,
    sortedKvDirProblem
  }
  return { source: src, target, aws, runner }
}
