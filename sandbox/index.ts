// startSandbox(): the whole local world in one process — source and target MariaDB, TiDB status port and PD stub,
// S3, RDS, the tiup mirror and the DM-master — for tests (in-process) and for the daemon behind `npm run sandbox`.
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startS3Server, type RunningS3 } from './aws/s3-server.js'
import { startRdsServer } from './aws/rds-server.js'
import { startIamServer } from './aws/iam-server.js'
import { startKmsServer } from './aws/kms-server.js'
import { startDmMaster } from './dm/master.js'
import { startTiupMirror } from './tiup/mirror.js'
import { fault, type FaultName, type TimingName } from './lib/faults.js'
import type { RunningServer } from './lib/http-server.js'
import type { MariaDbServer } from './lib/mariadb.js'
import { repoRoot } from './lib/paths.js'
import { RequestLog, readRequests, type RequestEntry } from './lib/request-log.js'
import { RUNNER_KEYS, runnerPaths, sandboxEnv, type SandboxEndpoints } from './env.js'
import { SAMPLE_FILTER, parseScale } from './servers/sample-data.js'
import { prepareSource, startSourceServer } from './servers/source.js'
import { TARGET_USER, startTargetServer } from './servers/target.js'
import { DEFAULT_TIDB_VERSION, startPdStub, startTidbStatusServer } from './servers/tidb-status.js'
import { watchConnectionDrops, type ConnectionDropWatcher } from './servers/connection-drop.js'
import { allOrNothing, stopAny } from './parallel-start.js'
import {
  MARKER_FILE,
  clearFaultFile,
  clearTimingFile,
  isSandboxDir,
  setFaultFile,
  setTimingFile
} from './state.js'

export type { SandboxEndpoints } from './env.js'

/** The AWS account, cluster, role and key the sandbox pretends to have. */
export const SANDBOX_AWS = {
  accountId: '123456789012',
  region: 'us-east-1',
  clusterIdentifier: 'sandbox-aurora',
  engineVersion: '8.0.mysql_aurora.3.05.2',
  parameterGroup: 'sandbox-aurora-binlog',
  exportRoleArn: 'arn:aws:iam::123456789012:role/sandbox-rds-s3-export',
  kmsAlias: 'alias/sandbox-export',
  bucket: 'sandbox-migrations',
  prefix: 'aurora-to-tidb'
} as const

/** Options of startSandbox. */
export interface SandboxOptions {
  /** Sandbox directory (created; removed by stop()). Default: a new temp directory. */
  readonly dir?: string
  /** Row-count factor of the sample data (default SANDBOX_SCALE, else 1). */
  readonly scale?: number
  /** Faults switched on before anything starts (written to `<dir>/faults.json`). */
  readonly faults?: Readonly<Partial<Record<FaultName, string>>>
  /** Timings (seconds) set before anything starts (written to `<dir>/timings.json`). */
  readonly timings?: Readonly<Partial<Record<TimingName, number>>>
  /** Version of TiDB and its tools (`v8.5.2` by default). */
  readonly tidbVersion?: string
  /**
   * Passwords the action is given (`INPUT_SOURCE-PASSWORD` of the migration user, `INPUT_TARGET-PASSWORD` of the
   * target's root), e.g. distinctive ones a secrets test searches for. Default: random, 24 letters and digits.
   */
  readonly passwords?: { readonly source?: string; readonly target?: string }
}

/**
 * A sandbox database: the account the action uses (`migrator` on the source, `root` on the target), plus root
 * access (`connect`, `query`) to the current `mariadbd` for tests and demos — it follows a restart.
 */
export interface SandboxDb extends Pick<
  MariaDbServer,
  'host' | 'port' | 'pid' | 'rootPassword' | 'connect' | 'query'
> {
  readonly user: string
  readonly password: string
}

/** A running sandbox. */
export interface Sandbox {
  readonly dir: string
  /** The full environment of the contract (runner variables included), as a record. */
  readonly env: Readonly<Record<string, string>>
  readonly endpoints: SandboxEndpoints
  readonly scale: number
  readonly source: SandboxDb
  readonly target: SandboxDb & { readonly statusPort: number }
  readonly s3: RunningS3
  readonly rds: RunningServer
  /** IAM's GetRole, knowing the export role (`AWS_ENDPOINT_URL_IAM`). */
  readonly iam: RunningServer & { readonly roleArn: string }
  readonly mirror: RunningServer
  readonly dm: RunningServer
  /** TiDB's status port stand-in (`/status`, `/settings`). */
  readonly status: RunningServer
  readonly pd: RunningServer
  /** The export key, and KMS's DescribeKey that knows it (`AWS_ENDPOINT_URL_KMS`). */
  readonly kms: RunningServer & {
    readonly keyId: string
    readonly keyArn: string
    readonly aliasArn: string
  }
  /** Requests recorded by the HTTP stand-ins (`s3`, `rds`, `iam`, `kms`, `dm`, `mirror`, `status`), oldest first. */
  requests(piece?: string): RequestEntry[]
  setFault(name: FaultName, value?: string): void
  /** Switches one fault off, or all when no name is given. */
  clearFaults(name?: FaultName): void
  setTiming(name: TimingName, seconds: number): void
  /** Removes one timing, or all when no name is given. */
  clearTimings(name?: TimingName): void
  /** Restarts the source on the same port and data (applies `binlog-off` switched on or off since). */
  restartSource(): Promise<void>
  /** Process ids of the servers. */
  pids(): { source: number; target: number }
  /** Ports of the HTTP stand-ins, by piece. */
  ports(): Record<string, number>
  /** Stops every piece and removes the directory. */
  stop(): Promise<void>
}

/** A random secret of letters and digits (no character any shell, URL or dotenv parser treats specially). */
export function randomSecret(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('')
}

async function createRunnerFiles(dir: string): Promise<void> {
  const paths = runnerPaths(dir)
  await mkdir(paths.RUNNER_TEMP, { recursive: true })
  await mkdir(paths.RUNNER_TOOL_CACHE, { recursive: true })
  await writeFile(paths.GITHUB_OUTPUT, '')
  await writeFile(paths.GITHUB_STEP_SUMMARY, '')
}

/** Starts a sandbox. Everything listens on 127.0.0.1, on free ports. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const dir = path.resolve(
    opts.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'aurora-to-tidb-sandbox-')))
  )
  // stop() removes the directory, so never adopt one that holds something else.
  if (!isSandboxDir(dir)) throw new Error(`${dir} is not empty and is not a sandbox directory`)
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, MARKER_FILE), '')
  for (const [name, value] of Object.entries(opts.faults ?? {}))
    setFaultFile(dir, name as FaultName, value)
  for (const [name, s] of Object.entries(opts.timings ?? {}))
    setTimingFile(dir, name as TimingName, s)
  await createRunnerFiles(dir)

  // What the servers read faults and timings from: this sandbox's files plus the caller's SANDBOX_FAULTS/TIMINGS.
  const serverEnv: NodeJS.ProcessEnv = { SANDBOX_DIR: dir }
  for (const k of ['SANDBOX_FAULTS', 'SANDBOX_TIMINGS'])
    if (process.env[k]) serverEnv[k] = process.env[k]

  const scale = opts.scale ?? parseScale(process.env['SANDBOX_SCALE'])
  const tidbVersion = opts.tidbVersion ?? DEFAULT_TIDB_VERSION
  const { region, accountId } = SANDBOX_AWS
  const sourceRoot = randomSecret(24)
  const migration = { user: 'migrator', password: opts.passwords?.source ?? randomSecret(24) }
  const targetRoot = opts.passwords?.target ?? randomSecret(24)
  const accessKeyId = `AKIA${randomSecret(16).toUpperCase()}`
  const secretAccessKey = randomSecret(40)
  const keyId = randomUUID()
  const kms = {
    keyId,
    keyArn: `arn:aws:kms:${region}:${accountId}:key/${keyId}`,
    aliasArn: `arn:aws:kms:${region}:${accountId}:${SANDBOX_AWS.kmsAlias}`
  }
  const statusLog = new RequestLog('status', dir)

  const startSource = (): Promise<MariaDbServer> =>
    startSourceServer({
      dir: path.join(dir, 'source'),
      rootPassword: sourceRoot,
      binlog: fault('binlog-off', serverEnv) === undefined
    })
  const [sourceServer, target, s3, pd, mirror, dm] = await allOrNothing<
    [MariaDbServer, MariaDbServer, RunningS3, RunningServer, RunningServer, RunningServer]
  >(
    [
      startSource().then(async (s) => {
        await prepareSource(s, { ...migration, scale, retentionHours: 24 }).catch(async (e) => {
          await s.stop()
          throw e
        })
        return s
      }),
      startTargetServer({ dir: path.join(dir, 'target'), rootPassword: targetRoot }),
      startS3Server({
        dir: path.join(dir, 's3'),
        buckets: [SANDBOX_AWS.bucket],
        accessKeyId,
        region,
        logDir: dir,
        env: serverEnv
      }),
      startPdStub({ requests: statusLog, version: tidbVersion }),
      startTiupMirror({ dir }),
      startDmMaster({ dir, env: serverEnv })
    ],
    stopAny
  )
  let source = sourceServer
  const pdAddr = `127.0.0.1:${pd.port}`
  const [status, rds, iam, kmsServer] = await allOrNothing<
    [RunningServer, RunningServer, RunningServer, RunningServer]
  >(
    [
      startTidbStatusServer({
        requests: statusLog,
        version: tidbVersion,
        sqlPort: target.port,
        pdAddr
      }),
      startRdsServer({
        dir,
        region,
        accountId,
        cluster: {
          identifier: SANDBOX_AWS.clusterIdentifier,
          endpoint: source.host,
          port: source.port,
          engineVersion: SANDBOX_AWS.engineVersion,
          parameterGroup: SANDBOX_AWS.parameterGroup,
          masterUsername: 'root'
        },
        source: { host: source.host, port: source.port, user: 'root', password: sourceRoot },
        s3: s3.store,
        roles: [SANDBOX_AWS.exportRoleArn],
        kmsKeys: [kms.keyId, kms.keyArn, SANDBOX_AWS.kmsAlias, kms.aliasArn],
        env: serverEnv
      }),
      // The same role and key the RDS stand-in accepts, so a precheck and an export agree.
      startIamServer({ roles: [SANDBOX_AWS.exportRoleArn], dir, env: serverEnv }),
      startKmsServer({
        region,
        accountId,
        keys: [{ keyId, alias: SANDBOX_AWS.kmsAlias }],
        dir,
        env: serverEnv
      })
    ],
    stopAny
  ).catch(async (e: unknown) => {
    await Promise.all(
      [source, target, s3, pd, mirror, dm].map((p) => stopAny(p).catch(() => undefined))
    )
    throw e
  })

  const watcher: ConnectionDropWatcher = watchConnectionDrops({
    connect: () => source.connect(),
    user: migration.user,
    env: serverEnv
  })

  const endpoints: SandboxEndpoints = {
    dir,
    binDir: path.join(repoRoot(), 'sandbox', 'bin'),
    region,
    accessKeyId,
    secretAccessKey,
    rdsUrl: rds.url,
    s3Url: s3.url,
    iamUrl: iam.url,
    kmsUrl: kmsServer.url,
    source: { host: source.host, port: source.port, ...migration },
    target: {
      host: target.host,
      port: target.port,
      user: TARGET_USER,
      password: targetRoot,
      statusPort: status.port
    },
    pdAddr,
    clusterIdentifier: SANDBOX_AWS.clusterIdentifier,
    exportRoleArn: SANDBOX_AWS.exportRoleArn,
    kmsKeyId: kms.keyArn,
    s3Uri: `s3://${SANDBOX_AWS.bucket}/${SANDBOX_AWS.prefix}`,
    filter: SAMPLE_FILTER,
    dmMasterAddr: `127.0.0.1:${dm.port}`,
    tiupMirror: mirror.url,
    tidbVersion
  }
  // Runner variables always point into the sandbox here: tests must not write into a real runner's files.
  const callerPath = process.env['PATH'] === undefined ? {} : { PATH: process.env['PATH'] }
  const env = sandboxEnv(endpoints, callerPath)
  for (const key of RUNNER_KEYS) if (!env[key]) throw new Error(`runner variable ${key} missing`)

  const db = (
    current: () => MariaDbServer,
    user: string,
    password: string,
    rootPassword: string
  ): SandboxDb => ({
    host: '127.0.0.1',
    get port() {
      return current().port
    },
    user,
    password,
    rootPassword,
    get pid() {
      return current().pid
    },
    connect: (database) => current().connect(database),
    query: (sql, values) => current().query(sql, values)
  })

  let stopped = false
  return {
    dir,
    env,
    endpoints,
    scale,
    source: db(() => source, migration.user, migration.password, sourceRoot),
    target: { ...db(() => target, TARGET_USER, targetRoot, targetRoot), statusPort: status.port },
    s3,
    rds,
    iam: { ...iam, roleArn: SANDBOX_AWS.exportRoleArn },
    mirror,
    dm,
    status,
    pd,
    kms: { ...kmsServer, ...kms },
    requests: (piece) => readRequests(dir, piece),
    setFault: (name, value) => setFaultFile(dir, name, value),
    clearFaults: (name) => clearFaultFile(dir, name),
    setTiming: (name, seconds) => setTimingFile(dir, name, seconds),
    clearTimings: (name) => clearTimingFile(dir, name),
    async restartSource() {
      const port = source.port
      await source.stop()
      source = await startSourceServer({
        dir: path.join(dir, 'source'),
        rootPassword: sourceRoot,
        port,
        binlog: fault('binlog-off', serverEnv) === undefined
      })
    },
    pids: () => ({ source: source.pid, target: target.pid }),
    ports: () => ({
      source: source.port,
      target: target.port,
      status: status.port,
      pd: pd.port,
      s3: s3.port,
      rds: rds.port,
      iam: iam.port,
      kms: kmsServer.port,
      mirror: mirror.port,
      dm: dm.port
    }),
    async stop() {
      if (stopped) return
      stopped = true
      await watcher.stop()
      await Promise.all(
        [rds, iam, kmsServer, status, pd, s3, mirror, dm].map((s) =>
          s.close().catch(() => undefined)
        )
      )
      await Promise.all([source.stop(), target.stop()])
      await rm(dir, { recursive: true, force: true })
    }
  }
}
