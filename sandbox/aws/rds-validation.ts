// Validation of identifiers, ARNs, IAM roles, KMS keys and ExportOnly the way RDS does it (RDS API Reference:
// StartExportTask, CreateDBClusterSnapshot; AWS, Aurora User Guide, "Considerations for DB cluster snapshot
// exports"). Pure functions; the server turns their verdicts into the real error codes.
import { errors } from './rds-errors.js'

/**
 * RDS identifier rule (cluster snapshots, export tasks): 1–max ASCII letters, digits or hyphens, first a letter, no
 * trailing hyphen and no `--`. The same rule and message apply to ExportTaskIdentifier (a boto3 user hit
 * "The parameter ExportTaskIdentifier is not a valid identifier…" on StartExportTask).
 */
export function isValidIdentifier(id: string, max = 63): boolean {
  return (
    id.length >= 1 &&
    id.length <= max &&
    /^[A-Za-z][A-Za-z0-9-]*$/.test(id) &&
    !id.endsWith('-') &&
    !id.includes('--')
  )
}

/**
 * Throws InvalidParameterValue when a parameter is not a valid identifier; returns it lowercased (RDS stores it so).
 */
export function checkIdentifier(param: string, id: string, max = 63): string {
  if (!isValidIdentifier(id, max)) throw errors.invalidIdentifier(param)
  return id.toLowerCase()
}

/** The parts of an RDS ARN. */
export interface RdsArn {
  readonly region: string
  readonly account: string
  /** `cluster`, `cluster-snapshot`, `snapshot` (DB instance snapshot), `db`, … */
  readonly resourceType: string
  /** The identifier, with an automated snapshot's `rds:` prefix kept. */
  readonly name: string
}

/** Parses `arn:aws:rds:<region>:<account>:<type>:<name>`; undefined when it is not an RDS ARN. */
export function parseRdsArn(arn: string): RdsArn | undefined {
  const m = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):([a-z-]+):(.+)$/.exec(arn)
  if (!m) return undefined
  return {
    region: m[1] as string,
    account: m[2] as string,
    resourceType: m[3] as string,
    name: m[4] as string
  }
}

/** Builds an RDS ARN. */
export function rdsArn(region: string, account: string, type: string, name: string): string {
  return `arn:aws:rds:${region}:${account}:${type}:${name}`
}

/** Whether a string has the shape of an IAM role ARN. */
export function isIamRoleArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(arn)
}

/**
 * A predicate telling whether a KmsKeyId names one of the known keys. KMS accepts a key ARN, a key id, an alias ARN
 * or an alias name for the same key (RDS API Reference, StartExportTask, KmsKeyId), so each known key is expanded
 * into all forms it can be written in.
 */
export function kmsKeyMatcher(
  known: readonly string[],
  region: string,
  account: string
): (key: string) => boolean {
  const accepted = new Set<string>()
  const prefix = `arn:aws:kms:${region}:${account}:`
  for (const k of known) {
    accepted.add(k)
    const arn = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:((?:key|alias)\/.+)$/.exec(k)
    const local = arn ? (arn[1] as string) : k.startsWith('alias/') ? k : `key/${k}`
    accepted.add(`${prefix}${local}`)
    accepted.add(local.startsWith('key/') ? local.slice(4) : local)
  }
  return (key) => accepted.has(key)
}

/** One ExportOnly entry: a whole database or one table of it. */
export interface ExportOnlyEntry {
  readonly value: string
  readonly db: string
  readonly table: string | undefined
}

/**
 * Parses ExportOnly (`database` or `database.table` for Aurora MySQL). Partial export is unsupported for names with
 * characters other than Latin letters, digits, `$` and `_` (AWS, Aurora User Guide, "Considerations for DB cluster
 * snapshot exports") → InvalidExportOnly.
 */
export function parseExportOnly(values: readonly string[]): ExportOnlyEntry[] {
  return values.map((value) => {
    const m = /^([A-Za-z0-9$_]+)(?:\.([A-Za-z0-9$_]+))?$/.exec(value)
    if (!m) throw errors.invalidExportOnly(value)
    return { value, db: m[1] as string, table: m[2] }
  })
}

/** Whether an ExportOnly list selects a table (an empty list selects everything). */
export function selectedBy(
  entries: readonly ExportOnlyEntry[],
  db: string,
  table: string
): boolean {
  if (entries.length === 0) return true
  return entries.some((e) => e.db === db && (e.table === undefined || e.table === table))
}
