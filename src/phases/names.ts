// Deterministic names of everything a run creates, derived from the run key. A re-run attempt of the same workflow
// run has the same key, so it finds (and re-attaches to) what its first attempt created instead of starting over;
// a new run gets new names, because AWS never lets an export task id be reused (AWS, Aurora User Guide,
// "Considerations for DB cluster snapshot exports": ExportTaskAlreadyExistsFault).
import type { S3Location } from '../inputs/types.js'

const PREFIX = 'aurora-to-tidb'

/** The cluster snapshot this run takes (1–63 letters, digits, hyphens; the run key is at most 40 characters). */
export function snapshotIdFor(runKey: string): string {
  return `${PREFIX}-${runKey}`
}

/** How many export tasks one run may start: the first and eight after a failed or cancelled one. */
export const MAX_EXPORT_TASKS = 9

/**
 * The export task this run starts: the `n`th (1 for the first). AWS never lets an export task id be reused, so after
 * a task that ended FAILED or CANCELED a re-run starts the next, `<id>-r2`…; at most 58 characters of AWS's 60.
 */
export function exportTaskIdFor(runKey: string, n = 1): string {
  return n === 1 ? `${PREFIX}-${runKey}` : `${PREFIX}-${runKey}-r${n}`
}

/** The DM task this run starts when `dm-task-name` is empty. */
export function dmTaskNameFor(runKey: string): string {
  return `${PREFIX}-${runKey}`
}

function join(prefix: string, ...parts: string[]): string {
  return [prefix, ...parts].filter((p) => p !== '').join('/')
}

/** Where Dumpling writes this run's schema: `<s3-uri>/schema/<run key>/` (per run, so no stale files mix in). */
export function schemaLocation(
  s3: S3Location,
  runKey: string
): { bucket: string; prefix: string; uri: string } {
  const prefix = join(s3.prefix, 'schema', runKey)
  return { bucket: s3.bucket, prefix, uri: `s3://${s3.bucket}/${prefix}/` }
}

/**
 * Where Dumpling writes the rows of the tables the export skipped: `<s3-uri>/skipped-tables/<run key>/` (per run,
 * beside the schema, so a rerun never reads another run's rows).
 */
export function skippedTablesLocation(
  s3: S3Location,
  runKey: string
): { bucket: string; prefix: string; uri: string } {
  const prefix = join(s3.prefix, 'skipped-tables', runKey)
  return { bucket: s3.bucket, prefix, uri: `s3://${s3.bucket}/${prefix}/` }
}

/** The S3Prefix given to StartExportTask: the export's files land under `<this>/<export task id>/`. */
export function exportS3Prefix(s3: S3Location): string {
  return join(s3.prefix, 'export')
}

/** Key prefix (no trailing slash) of an export task's files. */
export function exportDataPrefix(s3: S3Location, taskId: string): string {
  return join(exportS3Prefix(s3), taskId)
}

/** The run-state object of a run: `<s3-uri>/.state/<run key>.json`. */
export function stateKeyFor(s3: S3Location, runKey: string): string {
  return join(s3.prefix, '.state', `${runKey}.json`)
}

/** The run lock of a run key, beside its state file: `<s3-uri>/.state/<run key>.lock` (resume/lock.ts). */
export function lockKeyFor(s3: S3Location, runKey: string): string {
  return join(s3.prefix, '.state', `${runKey}.lock`)
}

/**
 * The restored copy's cluster and instance (`aurora-to-tidb-copy-<run key>` and `…-1`: at most 62 characters, within
 * RDS's 63 for identifiers).
 */
export function restoredCopyIdsFor(runKey: string): { cluster: string; instance: string } {
  const cluster = `${PREFIX}-copy-${runKey}`
  return { cluster, instance: `${cluster}-1` }
}
