/**
 * Parsers for the AWS inputs: Region, ARNs (IAM role, KMS key, cluster snapshot), RDS identifiers and S3 URIs.
 * Same contract as `parsers.ts`: name and raw value in, typed value out or an InputError naming the input.
 */
import { isIPv4 } from 'node:net'
import type { S3Location } from './types.js'
import { reject, rejecter } from './parsers.js'

/** The AWS partition a Region belongs to (`aws`, `aws-cn`, `aws-us-gov`, …). */
export function partitionOf(region: string): string {
  const prefixes: [string, string][] = [
    ['cn-', 'aws-cn'],
    ['us-gov-', 'aws-us-gov'],
    ['us-isob-', 'aws-iso-b'],
    ['us-iso-', 'aws-iso'],
    ['eu-isoe-', 'aws-iso-e'],
    ['us-isof-', 'aws-iso-f'],
    ['eusc-', 'aws-eusc']
  ]
  return prefixes.find(([p]) => region.startsWith(p))?.[1] ?? 'aws'
}

/** An AWS Region code such as `us-east-1`. */
export function parseAwsRegion(name: string, value: string): string {
  if (/^[a-z]{2,4}(?:-[a-z]+){1,3}-[0-9]{1,2}$/.test(value)) return value
  const az = /^([a-z]{2,4}(?:-[a-z]+){1,3}-[0-9]{1,2})[a-z]$/.exec(value)
  const hint = az ? `that is an Availability Zone; use the Region '${az[1] ?? ''}'` : undefined
  return reject(name, 'an AWS Region code such as us-east-1', value, hint)
}

/** The parts of an ARN. */
export interface Arn {
  readonly partition: string
  readonly service: string
  readonly region: string
  readonly account: string
  readonly resource: string
}

/** Splits `arn:partition:service:region:account:resource`; undefined when it is not one. */
export function splitArn(value: string): Arn | undefined {
  const m = /^arn:(aws(?:-[a-z]+)*):([a-z0-9-]+):([a-z0-9-]*):([0-9]*):(.+)$/.exec(value)
  if (!m) return undefined
  const [, partition = '', service = '', region = '', account = '', resource = ''] = m
  return { partition, service, region, account, resource }
}

const IAM_NAME = /^[\w+=,.@-]{1,64}$/

/** The ARN of an IAM role (`arn:aws:iam::123456789012:role/path/name`). */
export function parseRoleArn(name: string, value: string): Arn {
  const what = 'an IAM role ARN such as arn:aws:iam::123456789012:role/rds-s3-export'
  const fail = rejecter(name, what, value)
  const arn = splitArn(value)
  if (!arn) return fail(value.startsWith('arn:') ? undefined : 'the full ARN, not the role name')
  if (arn.service === 'sts') return fail('that is an assumed-role session; use the role ARN')
  const roleOf = /^role\/((?:[\w+=,.@-]+\/)*)([^/]+)$/.exec(arn.resource)
  if (arn.service === 'iam' && !roleOf && /^role\/(?:.*\/)?$/.test(arn.resource)) {
    return fail('the role name after role/ is missing')
  }
  if (arn.service !== 'iam' || !roleOf) {
    return fail(`that is not a role (${arn.service}:${arn.resource.split('/')[0] ?? ''})`)
  }
  if (arn.region !== '') return fail('IAM ARNs have no Region')
  if (!/^[0-9]{12}$/.test(arn.account)) return fail('the account ID has 12 digits')
  if (!IAM_NAME.test(roleOf[2] ?? '')) return fail('not a valid role name')
  return arn
}

/** A KMS key: key ID, multi-Region key ID, key ARN, alias name or alias ARN. */
export interface KmsKey {
  readonly value: string
  /** Set for ARNs. */
  readonly arn: Arn | undefined
}

const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/
const ALIAS = /^alias\/[A-Za-z0-9/_-]{1,250}$/

/** A KMS key ID, key ARN, alias name (`alias/x`) or alias ARN. */
export function parseKmsKey(name: string, value: string): KmsKey {
  const what = 'a KMS key ID, key ARN, alias name (alias/my-key) or alias ARN'
  const fail = rejecter(name, what, value)
  if (KEY_ID.test(value) || ALIAS.test(value)) return { value, arn: undefined }
  const arn = splitArn(value)
  if (!arn) return fail(value.startsWith('alias') ? 'alias names are alias/<name>' : undefined)
  const [kind, ...rest] = arn.resource.split('/')
  const id = rest.join('/')
  const valid =
    arn.service === 'kms' &&
    /^[0-9]{12}$/.test(arn.account) &&
    arn.region !== '' &&
    ((kind === 'key' && KEY_ID.test(id)) || (kind === 'alias' && ALIAS.test(`alias/${id}`)))
  if (!valid) return fail()
  return { value, arn }
}

/**
 * Why an RDS-style identifier is invalid (1 to max letters, digits or hyphens, first a letter, no `--`, no trailing
 * hyphen), or undefined when it is valid.
 */
export function rdsIdentifierProblem(value: string, max: number): string | undefined {
  if (value.length > max) return `longer than ${max} characters`
  if (!/^[A-Za-z]/.test(value)) return 'does not start with a letter'
  const bad = /[^A-Za-z0-9-]/.exec(value)
  if (bad) return `contains '${bad[0]}'`
  if (value.includes('--')) return 'contains two consecutive hyphens'
  if (value.endsWith('-')) return 'ends with a hyphen'
  return undefined
}

/** A DB cluster identifier. */
export function parseClusterIdentifier(name: string, value: string): string {
  const what =
    'a DB cluster identifier (1 to 63 letters, digits or hyphens, starting with a letter)'
  const fail = rejecter(name, what, value)
  const endpoint = /^([A-Za-z][A-Za-z0-9-]*)\.cluster-/.exec(value)
  if (endpoint) return fail(`that is an endpoint; the identifier is '${endpoint[1] ?? ''}'`)
  const arn = splitArn(value)
  if (arn) return fail(`not an ARN; the identifier is '${arn.resource.split(':').pop() ?? ''}'`)
  const problem = rdsIdentifierProblem(value, 63)
  return problem ? fail(problem) : value
}

/** A DB cluster snapshot: identifier, automated `rds:` identifier, or cluster-snapshot ARN. */
export interface SnapshotRef {
  readonly value: string
  readonly arn: Arn | undefined
}

/** A DB cluster snapshot to reuse. */
export function parseSnapshotIdentifier(name: string, value: string): SnapshotRef {
  const what =
    'a DB cluster snapshot identifier, an automated snapshot (rds:…) or a cluster-snapshot ARN'
  const fail = rejecter(name, what, value)
  const arn = splitArn(value)
  const id = arn ? arn.resource.replace(/^cluster-snapshot:/, '') : value
  if (
    arn &&
    !(arn.service === 'rds' && arn.resource.startsWith('cluster-snapshot:') && arn.region !== '')
  ) {
    return fail(
      arn.resource.startsWith('snapshot:')
        ? 'that is a DB instance snapshot; Aurora exports a cluster snapshot'
        : undefined
    )
  }
  const problem = rdsIdentifierProblem(id.replace(/^rds:/, ''), 255)
  return problem ? fail(problem) : { value, arn }
}

/** An export task identifier (1 to 60 letters, digits or hyphens, starting with a letter). */
export function parseExportTaskIdentifier(name: string, value: string): string {
  const problem = rdsIdentifierProblem(value, 60)
  if (problem)
    reject(
      name,
      'an export task identifier (1 to 60 letters, digits or hyphens, starting with a letter)',
      value,
      problem
    )
  return value
}

function bucketProblem(bucket: string): string | undefined {
  if (bucket.length < 3 || bucket.length > 63) return 'a bucket name has 3 to 63 characters'
  if (/[^a-z0-9.-]/.test(bucket))
    return 'a bucket name has only lowercase letters, digits, dots and hyphens'
  if (!/^[a-z0-9].*[a-z0-9]$/.test(bucket))
    return 'a bucket name starts and ends with a letter or digit'
  if (bucket.includes('..')) return 'a bucket name has no two adjacent dots'
  if (isIPv4(bucket)) return 'a bucket name is not an IP address'
  const reserved = ['xn--', 'sthree-', 'amzn-s3-demo-'].find((p) => bucket.startsWith(p))
  if (reserved) return `bucket names starting with '${reserved}' are reserved`
  const suffix = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'].find((s) =>
    bucket.endsWith(s)
  )
  return suffix ? `bucket names ending with '${suffix}' are reserved` : undefined
}

/** Longest prefix accepted: S3 keys have at most 1024 bytes and the export adds up to about 350 below the prefix. */
const MAX_PREFIX = 600

function prefixProblem(prefix: string): string | undefined {
  if (prefix.includes(':'))
    return "the prefix must not contain ':', which Aurora snapshot export does not support"
  if (/[?#]/.test(prefix)) return 'no query or fragment'
  if (prefix.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    return "the prefix has an empty, '.' or '..' path segment"
  }
  const bad = /[^A-Za-z0-9/!_.*'()=-]/u.exec(prefix)
  if (bad)
    return `'${bad[0]}' is not a safe S3 key character (letters, digits and / ! - _ . * ' ( ) =)`
  return Buffer.byteLength(prefix) > MAX_PREFIX
    ? `the prefix is longer than ${MAX_PREFIX} bytes`
    : undefined
}

/** `s3://bucket/prefix`: a valid bucket name and a prefix the snapshot export accepts (no `:`). */
export function parseS3Uri(name: string, value: string): S3Location {
  const what = 'an S3 URI such as s3://my-bucket/migrations'
  const fail = rejecter(name, what, value)
  if (/^https?:\/\//i.test(value)) return fail('not an HTTP URL; write s3://<bucket>/<prefix>')
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(value)
  if (!m) return fail(/^[A-Za-z0-9]+:\/\//.test(value) ? 'the scheme is s3://' : undefined)
  const bucket = m[1] ?? ''
  const prefix = (m[2] ?? '').replace(/\/+$/, '')
  const problem = bucketProblem(bucket) ?? (prefix === '' ? undefined : prefixProblem(prefix))
  if (problem) return fail(problem)
  return { uri: `s3://${bucket}${prefix === '' ? '' : `/${prefix}`}`, bucket, prefix }
}
