// What the two Lightning phases (schema-import, data-import) and the Dumpling phase share: the tiup setup they need,
// S3 locations as the PingCAP tools want them, connections to the target, and running an import inside a phase.
import type mysql from 'mysql2/promise'
import { effectiveS3Endpoint } from '../aws/endpoint.js'
import type { Inputs } from '../inputs/types.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import type { LightningTomlOptions } from '../tidb/lightning/config.js'
import { s3DataSourceUri } from '../tidb/lightning/config.js'
import {
  lightningFailure,
  runLightningImport,
  type LightningImportOptions,
  type LightningImportResult
} from '../tidb/lightning/import.js'
import type { TableName } from '../table-filter/table-name.js'
import type { TiupSetup } from '../tidb/tiup/tiup.js'
import type { MigrationState } from './migration-state.js'

/** The tiup setup of the `tiup` phase; a phase that runs a tool cannot start without it. */
export function needTiup(state: Pick<MigrationState, 'tiup'>): TiupSetup {
  if (state.tiup === undefined) throw new Error('tiup is not set up: the tiup phase must run first')
  return state.tiup
}

/** The `s3-uri` input; every migrate phase has it (the inputs require it for migrate). */
export function needS3(inputs: Inputs): NonNullable<Inputs['aws']['s3']> {
  if (inputs.aws.s3 === undefined) throw new Error("input 's3-uri' is required for migrate")
  return inputs.aws.s3
}

/**
 * An S3 location as Lightning reads it: the endpoint (the `s3-endpoint` input or AWS_ENDPOINT_URL_S3, which the
 * tools do not read themselves) and the region in the URI, path style for a custom endpoint. Credentials stay in
 * the environment, never in the URI (it is logged and lands in Lightning's checkpoint).
 */
export function lightningS3Uri(inputs: Inputs, bucket: string, prefix: string): string {
  const endpoint = effectiveS3Endpoint(inputs.aws)
  return s3DataSourceUri(bucket, prefix, {
    endpoint,
    region: inputs.aws.region || undefined,
    forcePathStyle: endpoint === undefined ? undefined : true
  })
}

/** Runs `fn` with a fresh connection to the target, closed afterwards. */
export async function withTarget<T>(
  inputs: Inputs,
  fn: (conn: mysql.Connection) => Promise<T>
): Promise<T> {
  // mysql2 loads on first use, not at bundle start-up (aws-deps.ts says why).
  const { connectDb } = await import('../mysql/connect.js')
  const conn = await connectDb(inputs.target, 'target')
  try {
    return await fn(conn)
  } finally {
    await conn.end().catch(() => undefined)
  }
}

/** What a Lightning phase configures. */
export interface ImportPhaseOptions {
  readonly name: 'schema-import' | 'data-import' | 'skipped-tables'
  /** Source, file rules, filter, checksum; target, backend and sorted-kv-dir come from the inputs. */
  readonly config: Pick<LightningTomlOptions, 'dataSourceDir'> &
    Partial<Pick<LightningTomlOptions, 'files' | 'filter' | 'checksum' | 'sessionVars'>>
  readonly useCheckpoint: boolean
  readonly nonEmptyTables?: () => Promise<readonly TableName[]>
  readonly ownRows?: LightningImportOptions['ownRows']
  /** Sees the finished run before it is judged, so a failed import can still report what it completed. */
  readonly onFinished?: (run: LightningImportResult) => void
}

/**
 * Runs a Lightning import for a phase: its log, heartbeat, cancellation and `import-timeout-minutes`.
 * @throws the phase's error when the import did not succeed (the tool's line, the checkpoint advice)
 */
export async function runImportPhase(
  ctx: PhaseContext,
  state: Pick<MigrationState, 'tiup' | 'runKey'>,
  opts: ImportPhaseOptions
): Promise<LightningImportResult> {
  const { inputs } = ctx
  ctx.progress('starting TiDB Lightning')
  const run = await runLightningImport({
    name: opts.name,
    runKey: state.runKey,
    tiup: needTiup(state),
    version: inputs.tools.tidbVersion,
    config: {
      tidb: inputs.target,
      backend: inputs.import.backend,
      sortedKvDir: inputs.import.sortedKvDir,
      ...opts.config
    },
    useCheckpoint: opts.useCheckpoint,
    ...(opts.nonEmptyTables === undefined ? {} : { nonEmptyTables: opts.nonEmptyTables }),
    ...(opts.ownRows === undefined ? {} : { ownRows: opts.ownRows }),
    timeoutMs: inputs.timeouts.importMs,
    signal: ctx.signal,
    log: ctx.log,
    warn: (message) => ctx.log.warning(message),
    progress: (text) => ctx.progress(text)
  })
  opts.onFinished?.(run)
  const failure = lightningFailure(opts.name, run, ctx.signal, inputs.timeouts.importMs)
  if (failure) throw failure
  ctx.record.numbers.push({
    label: 'Lightning time',
    value: Math.round(run.result.durationMs / 1000),
    unit: 'seconds'
  })
  if (run.resumed) ctx.record.note = `resumed from the checkpoint of an earlier attempt`
  return run
}
