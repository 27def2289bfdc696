/**
 * Pure parsers for the action's inputs. Each takes the input's name and its raw (trimmed, non-empty) value and
 * returns the typed value or throws an {@link InputError} that names the input, says what it accepts and shows what
 * it got. No parser reads the environment: `readInputs()` does, and decides what an empty value means.
 */
import { isIPv4, isIPv6 } from 'node:net'
import type { S3Location } from '../inputs.js'
import { InputError } from './input-error.js'

/** Longest value echoed back in an error message. */
const SHOWN = 80

/** The value as shown in messages: quoted, control characters escaped, long values cut. */
export function show(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1).replaceAll("'", "\\'")
  return `'${escaped.length > SHOWN ? `${escaped.slice(0, SHOWN)}…` : escaped}'`
}

/** Throws the standard "Input 'x' must be …; got '…'." error. */
export function reject(name: string, expectation: string, value: string, hint?: string): never {
  throw new InputError(
    `Input '${name}' must be ${expectation}; got ${show(value)}${hint ? ` (${hint})` : ''}.`
  )
}

/** A whole number in [min, max]. `what` describes the unit, e.g. "TCP port" or "minutes". */
export function parseInteger(
  name: string,
  value: string,
  min: number,
  max: number,
  what = 'a whole number'
): number {
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max)
    reject(name, `${what} from ${min} to ${max}`, value)
  return n
}

/** A TCP port, 1 to 65535. */
export function parsePort(name: string, value: string): number {
  return parseInteger(name, value, 1, 65535, 'a TCP port')
}

/** The longest a job can run on a self-hosted runner (5 days), the cap of every timeout. */
export const MAX_TIMEOUT_MINUTES = 7200

/** A duration given in whole minutes (1 to 7200), returned in milliseconds. */
export function parseMinutes(name: string, value: string): number {
  return parseInteger(name, value, 1, MAX_TIMEOUT_MINUTES, 'a whole number of minutes') * 60_000
}

/** A duration given in whole seconds (0 to max), returned in seconds. */
export function parseSeconds(name: string, value: string, max: number): number {
  return parseInteger(name, value, 0, max, 'a whole number of seconds')
}

/** One of the allowed words, exactly (case matters: `Migrate` is refused with the right spelling suggested). */
export function parseEnum<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value)
  if (found !== undefined) return found
  const near = allowed.find((a) => a === value.toLowerCase())
  return reject(
    name,
    `one of ${allowed.join(', ')}`,
    value,
    near ? `did you mean '${near}'?` : undefined
  )
}

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them, with a default for an empty value. */
export function parseBoolean(name: string, value: string, defaultValue: boolean): boolean {
  if (value === '') return defaultValue
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  return reject(name, 'true or false', value)
}

const HOST_LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/

/**
 * A host name, IPv4 address or bracketed IPv6 address, without scheme or port. Returns IPv6 without brackets (as
 * MySQL clients and tools take it); use {@link formatHostPort} to write `host:port`.
 * @param portInput the input that holds the port, named in the hint when a port is appended
 */
export function parseHost(name: string, value: string, portInput?: string): string {
  const what =
    'a host name or IP address without scheme or port (bracket IPv6 addresses: [2001:db8::1])'
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value)
  if (scheme) return reject(name, what, value, `remove '${scheme[0]}'`)
  const bracketed = /^\[([^\]]*)\](.*)$/.exec(value)
  if (bracketed) {
    if (!isIPv6(bracketed[1] ?? '')) return reject(name, what, value, 'not a valid IPv6 address')
    if (bracketed[2] !== '') return reject(name, what, value, portHint(portInput))
    return bracketed[1] ?? ''
  }
  if (isIPv6(value)) return reject(name, what, value, `write it as [${value}]`)
  if (/^[^:]+:[0-9]*$/.test(value)) return reject(name, what, value, portHint(portInput))
  if (/^[0-9.]+$/.test(value)) {
    if (!isIPv4(value)) reject(name, what, value, 'not a valid IPv4 address')
    return value
  }
  const labels = value.replace(/\.$/, '').split('.')
  if (value.length > 253 || !labels.every((l) => HOST_LABEL.test(l)))
    return reject(name, what, value)
  return value
}

function portHint(portInput: string | undefined): string {
  return portInput ? `put the port in '${portInput}'` : 'no port here'
}

/** `host:port`, bracketing an IPv6 host. */
export function formatHostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`
}

/** A comma-separated list of `host:port` addresses (PD, DM-master). Returns the list normalized (no spaces). */
export function parseAddressList(name: string, value: string): string {
  const what = 'host:port, or several separated by commas (bracket IPv6 hosts: [2001:db8::1]:2379)'
  const parts = value.split(',').map((p) => p.trim())
  const out = parts.map((part) => {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(part))
      return reject(name, what, value, `no scheme: '${part}'`)
    const m = /^(\[[^\]]*\]|[^:[\]]+):([0-9]+)$/.exec(part)
    if (!m)
      return reject(name, what, value, part === '' ? 'empty address' : `'${part}' has no port`)
    let host: string
    try {
      host = parseHost(name, m[1] ?? '')
    } catch {
      return reject(name, what, value, `'${m[1] ?? ''}' is not a host name or IP address`)
    }
    const port = Number(m[2])
    if (port < 1 || port > 65535)
      return reject(name, what, value, `port ${m[2] ?? ''} is out of range`)
    return formatHostPort(host, port)
  })
  return out.join(',')
}

/** An `http://` or `https://` URL without credentials, query or fragment; returned without a trailing slash. */
export function parseHttpUrl(name: string, value: string): string {
  const what = 'an http:// or https:// URL'
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) {
    return reject(name, what, value, 'the scheme is missing; tools reject an endpoint without one')
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return reject(name, what, value, 'not a valid URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return reject(name, what, value)
  if (url.username || url.password) return reject(name, what, value, 'no credentials in the URL')
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    return reject(name, what, value, 'no query or fragment')
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

/** `tiup-mirror`: an http(s) URL or a local mirror directory. */
export function parseMirror(name: string, value: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) && !/^https?:\/\//i.test(value)) {
    return reject(name, 'an http:// or https:// URL or a local directory', value)
  }
  return /^https?:\/\//i.test(value) ? parseHttpUrl(name, value) : value
}

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
  const arn = splitArn(value)
  if (!arn)
    return reject(
      name,
      what,
      value,
      value.startsWith('arn:') ? undefined : 'the full ARN, not the role name'
    )
  if (arn.service === 'sts')
    return reject(name, what, value, 'that is an assumed-role session; use the role ARN')
  const roleOf = /^role\/((?:[\w+=,.@-]+\/)*)([^/]+)$/.exec(arn.resource)
  if (arn.service !== 'iam' || !roleOf) {
    return reject(
      name,
      what,
      value,
      `that is not a role (${arn.service}:${arn.resource.split('/')[0] ?? ''})`
    )
  }
  if (arn.region !== '') return reject(name, what, value, 'IAM ARNs have no Region')
  if (!/^[0-9]{12}$/.test(arn.account))
    return reject(name, what, value, 'the account ID has 12 digits')
  if (!IAM_NAME.test(roleOf[2] ?? '')) return reject(name, what, value, 'not a valid role name')
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
  if (KEY_ID.test(value) || ALIAS.test(value)) return { value, arn: undefined }
  const arn = splitArn(value)
  if (!arn)
    return reject(
      name,
      what,
      value,
      value.startsWith('alias') ? 'alias names are alias/<name>' : undefined
    )
  const [kind, ...rest] = arn.resource.split('/')
  const id = rest.join('/')
  const valid =
    arn.service === 'kms' &&
    /^[0-9]{12}$/.test(arn.account) &&
    arn.region !== '' &&
    ((kind === 'key' && KEY_ID.test(id)) || (kind === 'alias' && ALIAS.test(`alias/${id}`)))
  if (!valid) return reject(name, what, value)
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
  const endpoint = /^([A-Za-z][A-Za-z0-9-]*)\.cluster-/.exec(value)
  if (endpoint)
    return reject(
      name,
      what,
      value,
      `that is an endpoint; the identifier is '${endpoint[1] ?? ''}'`
    )
  const arn = splitArn(value)
  if (arn)
    return reject(
      name,
      what,
      value,
      `not an ARN; the identifier is '${arn.resource.split(':').pop() ?? ''}'`
    )
  const problem = rdsIdentifierProblem(value, 63)
  return problem ? reject(name, what, value, problem) : value
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
  const arn = splitArn(value)
  const id = arn ? arn.resource.replace(/^cluster-snapshot:/, '') : value
  if (
    arn &&
    !(arn.service === 'rds' && arn.resource.startsWith('cluster-snapshot:') && arn.region !== '')
  ) {
    return reject(
      name,
      what,
      value,
      arn.resource.startsWith('snapshot:')
        ? 'that is a DB instance snapshot; Aurora exports a cluster snapshot'
        : undefined
    )
  }
  const problem = rdsIdentifierProblem(id.replace(/^rds:/, ''), 255)
  return problem ? reject(name, what, value, problem) : { value, arn }
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

/** A TiDB release (`v8.5.2`, `v8.5.0-alpha`) or `nightly`. */
export function parseTidbVersion(name: string, value: string): string {
  if (/^v[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?$/.test(value) || value === 'nightly')
    return value
  const hint = /^[0-9]+\.[0-9]+\.[0-9]+/.test(value) ? `write v${value}` : undefined
  return reject(name, 'a TiDB version such as v8.5.2', value, hint)
}

/** `auto`, `latest`, or a TiUP version (`1.16.1` or `v1.16.1`, returned without the `v`). */
export function parseTiupVersion(name: string, value: string): string {
  if (value === 'auto' || value === 'latest') return value
  const m = /^v?([0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?)$/.exec(value)
  return m?.[1] ?? reject(name, 'auto, latest or a TiUP version such as 1.16.1', value)
}

/** A DM source ID: at most 32 characters (DM's `MaxSourceIDLength`), no spaces or control characters. */
export function parseDmSourceId(name: string, value: string): string {
  if (value.length <= 32 && /^[\x21-\x7e]+$/.test(value)) return value
  return reject(name, 'a DM source ID of at most 32 characters without spaces', value)
}

/** A DM task name: letters, digits, `_`, `-`, `.`, starting with a letter or digit, at most 64 characters. */
export function parseDmTaskName(name: string, value: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value)) return value
  return reject(
    name,
    "a DM task name (letters, digits, '_', '-' or '.', at most 64 characters)",
    value
  )
}

/** A run key: lowercase letters, digits, single hyphens, starting with a letter, at most 40 characters. */
export function parseRunKey(name: string, value: string): string {
  if (/^[a-z](?:[a-z0-9]|-(?!-)){0,39}$/.test(value) && !value.endsWith('-')) return value
  return reject(
    name,
    'lowercase letters, digits and single hyphens, starting with a letter, at most 40 characters',
    value
  )
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
  if (/^https?:\/\//i.test(value))
    return reject(name, what, value, 'not an HTTP URL; write s3://<bucket>/<prefix>')
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(value)
  if (!m)
    return reject(
      name,
      what,
      value,
      /^[A-Za-z0-9]+:\/\//.test(value) ? 'the scheme is s3://' : undefined
    )
  const bucket = m[1] ?? ''
  const prefix = (m[2] ?? '').replace(/\/+$/, '')
  const problem = bucketProblem(bucket) ?? (prefix === '' ? undefined : prefixProblem(prefix))
  if (problem) return reject(name, what, value, problem)
  return { uri: `s3://${bucket}${prefix === '' ? '' : `/${prefix}`}`, bucket, prefix }
}

/** A MySQL/TiDB user name: at most 32 characters, no control characters. */
export function parseUserName(name: string, value: string): string {
  if (value.length <= 32 && !/\p{Cc}/u.test(value)) return value
  return reject(name, 'a MySQL user name of at most 32 characters', value)
}

/** A file system path without control characters. */
export function parsePath(name: string, value: string): string {
  if (!/\p{Cc}/u.test(value)) return value
  return reject(name, 'a directory path', value)
}
