// What every part of the RDS stand-in shares: the account, the cluster, the source, the S3 store, fault and timing
// lookups made at the moment of use (so `npm run sandbox -- fault set …` acts on a running sandbox), and the
// shutdown signal that stops background work.
import { setTimeout as sleep } from 'node:timers/promises'
import { fault, timing, type FaultName, type TimingName } from '../lib/faults.js'
import type { S3Store } from './s3-store.js'
import type { SourceAccess } from './snapshot-capture.js'
import type { EventLog } from './rds-events.js'
import { rdsArn } from './rds-validation.js'

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

/** Shared state and services of one running RDS stand-in. */
export interface RdsContext {
  readonly dir: string
  readonly region: string
  readonly accountId: string
  readonly cluster: SandboxCluster
  readonly clusterArn: string
  readonly clusterCreateTime: Date
  readonly source: SourceAccess
  readonly s3: S3Store
  readonly roles: readonly string[]
  readonly kmsKeys: readonly string[]
  readonly events: EventLog
  readonly rowsPerFile: number
  readonly filesPerBatch: number
  /** Aborted when the server closes. */
  readonly signal: AbortSignal
  /** Work running after a request was answered (captures, exports); close() waits for it. */
  readonly background: Background
  /** The fault's value now ('' without value), undefined when off. */
  fault(name: FaultName): string | undefined
  /** The configured duration in seconds now, or the fallback. */
  timing(name: TimingName, fallback: number): number
}

/** Builds a context; the environment is read again on every fault/timing question. */
export function makeContext(
  o: Omit<RdsContext, 'fault' | 'timing' | 'clusterArn'>,
  env: () => NodeJS.ProcessEnv
): RdsContext {
  return {
    ...o,
    clusterArn: rdsArn(o.region, o.accountId, 'cluster', o.cluster.identifier),
    fault: (name) => fault(name, env()),
    timing: (name, fallback) => timing(name, fallback, env())
  }
}

/** Background jobs of a stand-in, so closing can wait until they have stopped. */
export class Background {
  private readonly jobs = new Set<Promise<unknown>>()

  /** Runs a job in the background; its failure is its own business (jobs record their outcome themselves). */
  track(job: Promise<unknown>): void {
    this.jobs.add(job)
    const done = (): void => void this.jobs.delete(job)
    job.then(done, done)
  }

  /** Resolves when every tracked job has settled. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.jobs])
  }
}

/** Sleeps until the time (ms epoch) or the signal aborts; false when aborted. */
export async function sleepUntil(when: number, signal: AbortSignal): Promise<boolean> {
  const ms = Math.max(0, when - Date.now())
  try {
    await sleep(ms, undefined, { signal })
    return true
  } catch {
    return false
  }
}

/** A KMS key as an ARN (the form DescribeDBClusters reports for the storage key). */
export function kmsKeyArn(key: string, region: string, account: string): string {
  if (key.startsWith('arn:')) return key
  return `arn:aws:kms:${region}:${account}:${key.startsWith('alias/') ? key : `key/${key}`}`
}
