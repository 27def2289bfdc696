// The RDS API stand-in (AWS Query protocol). PLACEHOLDER: answers 501 until the Sandbox I work implements it.
import { RequestLog } from '../lib/request-log.js'
import { notImplemented, type RunningServer } from '../lib/http-server.js'
import type { S3Store } from './s3-store.js'

/** The Aurora cluster the stand-in pretends to run. */
export interface SandboxCluster {
  readonly identifier: string
  /** Writer endpoint host and port (the source MariaDB). */
  readonly endpoint: string
  readonly port: number
  readonly engineVersion: string
  readonly parameterGroup: string
  readonly masterUsername: string
}

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
  /** Environment to read faults and timings from (defaults to process.env). */
  readonly env?: NodeJS.ProcessEnv
}

/** Starts the RDS stand-in on 127.0.0.1. */
export function startRdsServer(opts: RdsServerOptions): Promise<RunningServer> {
  return notImplemented('RDS', new RequestLog('rds', opts.dir), opts.port)
}
