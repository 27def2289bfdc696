// Read-only AWS lookups for the precheck: the cluster, a snapshot to reuse, the bucket's Region and listing, the
// export role's trust policy and the export key (RDS API Reference: DescribeDBClusters, DescribeDBClusterSnapshots;
// Aurora User Guide, "Setting up access to an Amazon S3 bucket"). Each returns a Lookup instead of throwing, so the
// checks can say "not found", "could not verify (missing permission X)" or "could not reach AWS" per resource and
// still run all the others. Only Describe*/Get*/List*/Head* calls: nothing here changes anything.
import { GetRoleCommand, type IAMClient } from '@aws-sdk/client-iam'
import { DescribeKeyCommand, type KMSClient } from '@aws-sdk/client-kms'
import {
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  type RDSClient
} from '@aws-sdk/client-rds'
import { GetBucketLocationCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { splitArn } from '../inputs/aws-parsers.js'
import { errorMessage } from '../util/errors.js'

/** What a lookup found. */
export type Lookup<T> =
  | { readonly kind: 'found'; readonly value: T }
  | { readonly kind: 'missing'; readonly message: string }
  /** The caller may not make the call: the resource could not be verified. */
  | { readonly kind: 'denied'; readonly permission: string; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }

/** Error names meaning "no such resource", per service. */
const MISSING = new Set([
  'DBClusterNotFoundFault',
  'DBClusterSnapshotNotFoundFault',
  'NoSuchBucket',
  'NoSuchEntity',
  'NoSuchEntityException',
  'NotFoundException'
])

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'Forbidden'
])

/** Errors meaning the credentials themselves were refused. */
const BAD_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'ExpiredToken',
  'ExpiredTokenException',
  'CredentialsProviderError'
])

/** Turns an SDK error into a Lookup: missing, denied (naming the permission), or an error with AWS's own words. */
export function classifyAwsError(e: unknown, permission: string): Lookup<never> {
  const err = e as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } }
  const name = typeof err.name === 'string' ? err.name : ''
  const message = errorMessage(e)
  if (MISSING.has(name)) return { kind: 'missing', message }
  if (DENIED.has(name) || err.$metadata?.httpStatusCode === 403)
    return { kind: 'denied', permission, message: `${name || 'HTTP 403'}: ${message}` }
  if (BAD_CREDENTIALS.has(name))
    return { kind: 'error', message: `AWS refused the credentials (${name}: ${message})` }
  // A socket error has a code (ECONNREFUSED, ENOTFOUND…). The SDK's retry layer re-wraps a thrown value it does not
  // recognise as an Error (one from another realm, e.g. a test VM) as "AWS SDK error wrapper for Error: connect
  // ECONNREFUSED …", losing the code: read it from the text then.
  const text = message.replace(/^AWS SDK error wrapper for (?:Error: )?/, '')
  const code = typeof err.code === 'string' ? err.code : /\b(E[A-Z]{4,})\b/.exec(text)?.[1]
  if (code && /^E[A-Z]+$/.test(code)) return { kind: 'error', message: `cannot reach AWS: ${text}` }
  const named = name !== '' && name !== 'Error' && !text.startsWith(name)
  return { kind: 'error', message: named ? `${name}: ${text}` : text }
}

/** Per-call deadline: a lookup that hangs (a black-holed endpoint) must not hold the precheck. */
const CALL_TIMEOUT_MS = 30_000

function callSignal(signal?: AbortSignal): AbortSignal {
  const deadline = AbortSignal.timeout(CALL_TIMEOUT_MS)
  return signal ? AbortSignal.any([signal, deadline]) : deadline
}

async function lookup<T>(
  permission: string,
  call: () => Promise<T | undefined>,
  missing: string
): Promise<Lookup<T>> {
  try {
    const value = await call()
    return value === undefined ? { kind: 'missing', message: missing } : { kind: 'found', value }
  } catch (e) {
    return classifyAwsError(e, permission)
  }
}

/** The DB cluster facts the checks need (RDS API Reference, "DBCluster" data type). */
export interface ClusterFacts {
  readonly identifier: string
  readonly arn: string
  readonly account: string | undefined
  readonly engine: string
  readonly engineVersion: string
  readonly engineMode: string | undefined
  readonly status: string
  readonly endpoint: string | undefined
  readonly readerEndpoint: string | undefined
  readonly port: number | undefined
  readonly parameterGroup: string | undefined
}

/** DescribeDBClusters for one identifier. */
export function describeCluster(
  rds: RDSClient,
  identifier: string,
  signal?: AbortSignal
): Promise<Lookup<ClusterFacts>> {
  return lookup(
    'rds:DescribeDBClusters',
    async () => {
      const out = await rds.send(
        new DescribeDBClustersCommand({ DBClusterIdentifier: identifier }),
        {
          abortSignal: callSignal(signal)
        }
      )
      const c = out.DBClusters?.[0]
      if (!c) return undefined
      const arn = c.DBClusterArn ?? ''
      return {
        identifier: c.DBClusterIdentifier ?? identifier,
        arn,
        account: splitArn(arn)?.account,
        engine: c.Engine ?? '',
        engineVersion: c.EngineVersion ?? '',
        engineMode: c.EngineMode,
        status: c.Status ?? '',
        endpoint: c.Endpoint,
        readerEndpoint: c.ReaderEndpoint,
        port: c.Port,
        parameterGroup: c.DBClusterParameterGroup
      }
    },
    `DBCluster ${identifier} not found.`
  )
}

/** A cluster snapshot (RDS API Reference, "DBClusterSnapshot" data type). */
export interface SnapshotFacts {
  readonly identifier: string
  readonly arn: string
  readonly clusterIdentifier: string
  readonly status: string
  readonly engine: string
  readonly createdAt: Date | undefined
  /** AllocatedStorage, GiB: what AWS bills an export by. */
  readonly allocatedGb: number | undefined
}

/** DescribeDBClusterSnapshots for one identifier (`rds:` ones are automated snapshots). */
export function describeClusterSnapshot(
  rds: RDSClient,
  identifier: string,
  signal?: AbortSignal
): Promise<Lookup<SnapshotFacts>> {
  const automated = /(^|:)rds:/.test(identifier)
  return lookup(
    'rds:DescribeDBClusterSnapshots',
    async () => {
      const out = await rds.send(
        new DescribeDBClusterSnapshotsCommand({
          DBClusterSnapshotIdentifier: identifier,
          ...(automated ? { SnapshotType: 'automated' } : {})
        }),
        { abortSignal: callSignal(signal) }
      )
      const s = out.DBClusterSnapshots?.[0]
      if (!s) return undefined
      return {
        identifier: s.DBClusterSnapshotIdentifier ?? identifier,
        arn: s.DBClusterSnapshotArn ?? '',
        clusterIdentifier: s.DBClusterIdentifier ?? '',
        status: s.Status ?? '',
        engine: s.Engine ?? '',
        createdAt: s.SnapshotCreateTime,
        allocatedGb: s.AllocatedStorage
      }
    },
    `DBClusterSnapshot not found: ${identifier}`
  )
}

/** S3's LocationConstraint as a Region: empty is us-east-1, the legacy `EU` is eu-west-1. */
export function regionOfLocation(constraint: string | undefined): string {
  if (!constraint) return 'us-east-1'
  return constraint === 'EU' ? 'eu-west-1' : constraint
}

/** GetBucketLocation: the bucket's Region. */
export function bucketRegion(
  s3: S3Client,
  bucket: string,
  signal?: AbortSignal
): Promise<Lookup<string>> {
  return lookup(
    's3:GetBucketLocation',
    async () => {
      const out = await s3.send(new GetBucketLocationCommand({ Bucket: bucket }), {
        abortSignal: callSignal(signal)
      })
      return regionOfLocation(out.LocationConstraint)
    },
    `The specified bucket does not exist`
  )
}

/** ListObjectsV2 with MaxKeys 1 under the prefix: may we list it, and is anything there already. */
export function listPrefix(
  s3: S3Client,
  bucket: string,
  prefix: string,
  signal?: AbortSignal
): Promise<Lookup<{ readonly empty: boolean }>> {
  return lookup(
    's3:ListBucket',
    async () => {
      const out = await s3.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix === '' ? undefined : `${prefix}/`,
          MaxKeys: 1
        }),
        { abortSignal: callSignal(signal) }
      )
      return { empty: (out.KeyCount ?? out.Contents?.length ?? 0) === 0 }
    },
    `The specified bucket does not exist`
  )
}

/** The export role and the services its trust policy lets assume it. */
export interface RoleFacts {
  readonly arn: string
  readonly name: string
  /** Service principals allowed `sts:AssumeRole` by an Allow statement (conditions are not evaluated). */
  readonly trustedServices: readonly string[]
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])

/** The service principals an (already decoded) trust policy allows to assume the role. Pure. */
export function trustedServices(policyJson: string): string[] {
  let policy: unknown
  try {
    policy = JSON.parse(policyJson)
  } catch {
    return []
  }
  const services: string[] = []
  for (const st of list((policy as { Statement?: unknown } | null)?.Statement)) {
    const s = st as { Effect?: unknown; Action?: unknown; Principal?: unknown }
    if (s.Effect !== 'Allow') continue
    const assumes = list(s.Action).some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')
    if (!assumes) continue
    services.push(...list((s.Principal as { Service?: unknown } | undefined)?.Service).map(String))
  }
  return services
}

/** The role name in a role ARN (the part after the last `/`). */
export function roleNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1)
}

/** IAM GetRole: whether the role exists and whom it trusts (the document comes URL-encoded, RFC 3986). */
export function getRole(
  iam: IAMClient,
  roleArn: string,
  signal?: AbortSignal
): Promise<Lookup<RoleFacts>> {
  const name = roleNameOf(roleArn)
  return lookup(
    'iam:GetRole',
    async () => {
      const out = await iam.send(new GetRoleCommand({ RoleName: name }), {
        abortSignal: callSignal(signal)
      })
      if (!out.Role) return undefined
      const doc = out.Role.AssumeRolePolicyDocument ?? ''
      let decoded: string
      try {
        decoded = decodeURIComponent(doc)
      } catch {
        decoded = doc // not percent-encoded after all: read it as plain JSON
      }
      return { arn: out.Role.Arn ?? roleArn, name, trustedServices: trustedServices(decoded) }
    },
    `The role with name ${name} cannot be found.`
  )
}

/**
 * The KMS key facts the export depends on: a symmetric encryption key the caller may DescribeKey and CreateGrant on
 * (RDS API Reference, StartExportTask, KmsKeyId).
 */
export interface KeyFacts {
  readonly arn: string
  readonly keyId: string
  readonly enabled: boolean
  readonly keyState: string
  readonly keyUsage: string
  readonly keySpec: string
  /** `CUSTOMER` or `AWS` (an AWS managed key such as aws/rds). */
  readonly keyManager: string
  readonly region: string | undefined
}

/** KMS DescribeKey by key id, key ARN, alias name or alias ARN. */
export function describeKey(
  kms: KMSClient,
  keyId: string,
  signal?: AbortSignal
): Promise<Lookup<KeyFacts>> {
  return lookup(
    'kms:DescribeKey',
    async () => {
      const out = await kms.send(new DescribeKeyCommand({ KeyId: keyId }), {
        abortSignal: callSignal(signal)
      })
      const k = out.KeyMetadata
      if (!k) return undefined
      return {
        arn: k.Arn ?? '',
        keyId: k.KeyId ?? '',
        enabled: k.Enabled === true,
        keyState: k.KeyState ?? '',
        keyUsage: k.KeyUsage ?? '',
        keySpec: k.KeySpec ?? k.CustomerMasterKeySpec ?? '',
        keyManager: k.KeyManager ?? '',
        region: splitArn(k.Arn ?? '')?.region
      }
    },
    `Key '${keyId}' does not exist`
  )
}

/**
 * Whether the SDK finds credentials (environment, web identity, shared files, container or instance metadata).
 * @returns undefined when it does, else the message to show
 */
export async function missingCredentials(client: RDSClient): Promise<string | undefined> {
  try {
    const provider = client.config.credentials
    const creds = await provider()
    return creds.accessKeyId ? undefined : 'the credentials found have no access key id'
  } catch (e) {
    return errorMessage(e)
  }
}
