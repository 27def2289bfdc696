// Verdicts on AWS: credentials, the cluster (Aurora MySQL, available, provisioned, its writer endpoint is the
// source), the snapshot to reuse, the bucket (exists, in the cluster's Region, listable), the export role (trusts the
// RDS export service) and the KMS key (enabled, symmetric, in the Region). A lookup the caller may not make is a
// warning naming the missing permission, never a failure: the resource may well be fine. Pure.
import type { Lookup } from '../aws/lookups.js'
import type { CheckRow } from '../report/types.js'
import { formatDuration } from '../util/format.js'
import { splitArn } from '../inputs/aws-parsers.js'
import { dmEnabled } from '../inputs/types.js'
import type { AwsSide, CheckContext, PrecheckFacts } from './facts.js'
import { row } from './facts.js'

/**
 * The service principal an export role must trust (Aurora User Guide, "Setting up access to an Amazon S3 bucket").
 */
export const EXPORT_SERVICE = 'export.rds.amazonaws.com'

/** The rows for a lookup that found nothing usable; undefined when it found the resource. */
function notFound<T>(
  l: Lookup<T>,
  id: string,
  title: string,
  what: string,
  fix: string
): CheckRow | undefined {
  switch (l.kind) {
    case 'found':
      return undefined
    case 'missing':
      return row(id, title, 'fail', `${l.message} — ${fix}`)
    case 'denied':
      return row(
        id,
        title,
        'warn',
        `Could not verify ${what} (missing permission ${l.permission}): ${l.message}`
      )
    case 'error':
      return row(id, title, 'fail', `Could not look up ${what}: ${l.message}`)
  }
}

function clusterRows(aws: AwsSide, ctx: CheckContext): CheckRow[] {
  const id = ctx.inputs.aws.clusterIdentifier
  if (id === undefined || aws.cluster === undefined) return []
  const title = 'Aurora MySQL cluster exists and is available'
  const region = ctx.inputs.aws.region
  const missing = notFound(
    aws.cluster,
    'aws.cluster',
    title,
    `cluster '${id}'`,
    `check 'cluster-identifier' and 'aws-region' (${region})`
  )
  if (missing || aws.cluster.kind !== 'found') return missing ? [missing] : []
  const c = aws.cluster.value
  const problems: string[] = []
  if (c.engine !== 'aurora-mysql') problems.push(`its engine is ${c.engine}, not aurora-mysql`)
  if (c.engineMode && c.engineMode !== 'provisioned')
    problems.push(
      `its engine mode is ${c.engineMode} (Aurora Serverless v1 has no binlog and cannot be exported)`
    )
  const reuse = ctx.inputs.aws.snapshotIdentifier !== undefined
  if (c.status !== 'available' && !reuse)
    problems.push(`it is ${c.status}, and a snapshot can only be taken of an available cluster`)
  const rows = [
    problems.length > 0
      ? row('aws.cluster', title, 'fail', `Cluster '${c.identifier}': ${problems.join('; ')}.`)
      : row(
          'aws.cluster',
          title,
          'pass',
          `${c.identifier}: ${c.engine} ${c.engineVersion}, ${c.status}`
        )
  ]
  const host = ctx.inputs.source.host.toLowerCase()
  const title2 = "'source-host' is the cluster's writer endpoint"
  if (
    c.endpoint &&
    host === c.endpoint.toLowerCase() &&
    (c.port === undefined || c.port === ctx.inputs.source.port)
  ) {
    rows.push(row('aws.cluster-endpoint', title2, 'pass', `${c.endpoint}:${c.port ?? ''}`))
  } else if (
    c.readerEndpoint &&
    host === c.readerEndpoint.toLowerCase() &&
    host !== c.endpoint?.toLowerCase()
  ) {
    rows.push(
      row(
        'aws.cluster-endpoint',
        title2,
        'fail',
        `'source-host' is the reader endpoint; use the writer endpoint ${c.endpoint ?? ''}: the binlog position and DM need the writer.`
      )
    )
  } else {
    rows.push(
      row(
        'aws.cluster-endpoint',
        title2,
        'warn',
        `'source-host' ${ctx.inputs.source.host}:${ctx.inputs.source.port} is not the writer endpoint ${c.endpoint ?? '?'}:${c.port ?? '?'}. ` +
          'Fine for a proxy or DNS alias of the writer; if it is a reader instance, the binlog position and DM would be wrong.'
      )
    )
  }
  return rows
}

function snapshotRow(aws: AwsSide, ctx: CheckContext): CheckRow | undefined {
  const given = ctx.inputs.aws.snapshotIdentifier
  if (given === undefined || aws.snapshot === undefined) return undefined
  const id = 'aws.snapshot'
  const title = 'The snapshot to reuse exists and is available'
  const missing = notFound(
    aws.snapshot,
    id,
    title,
    `snapshot '${given}'`,
    "check 'snapshot-identifier' and 'aws-region'"
  )
  if (missing || aws.snapshot.kind !== 'found') return missing
  const s = aws.snapshot.value
  const cluster = ctx.inputs.aws.clusterIdentifier
  if (cluster !== undefined && s.clusterIdentifier.toLowerCase() !== cluster.toLowerCase())
    return row(
      id,
      title,
      'fail',
      `Snapshot '${s.identifier}' belongs to cluster '${s.clusterIdentifier}', not '${cluster}'.`
    )
  if (s.engine !== 'aurora-mysql')
    return row(id, title, 'fail', `Snapshot '${s.identifier}' is ${s.engine}, not aurora-mysql.`)
  if (s.status !== 'available' && s.status !== 'creating')
    return row(
      id,
      title,
      'fail',
      `Snapshot '${s.identifier}' is ${s.status}; only an available snapshot can be exported.`
    )
  const age = s.createdAt ? ctx.now - s.createdAt.getTime() : undefined
  const taken = s.createdAt ? `taken ${s.createdAt.toISOString()}` : 'creation time unknown'
  if (dmEnabled(ctx.inputs) && (age === undefined || age > 5 * 60_000)) {
    return row(
      id,
      title,
      'warn',
      `Snapshot '${s.identifier}' is ${s.status}, ${taken}${age === undefined ? '' : ` (${formatDuration(age)} ago)`}: the binlog ` +
        'position is recorded now, after it, so DM would miss the writes made in between (PingCAP’s documented procedure records it at most 5 minutes before the snapshot). Let the action take a fresh snapshot instead.'
    )
  }
  return row(
    id,
    title,
    s.status === 'available' ? 'pass' : 'warn',
    `${s.identifier}: ${s.status}, ${taken}`
  )
}

function bucketRows(aws: AwsSide, ctx: CheckContext): CheckRow[] {
  const s3 = ctx.inputs.aws.s3
  if (s3 === undefined || aws.bucket === undefined) return []
  const title = "The bucket exists in the cluster's Region"
  const missing = notFound(
    aws.bucket,
    'aws.bucket',
    title,
    `bucket '${s3.bucket}'`,
    `check the bucket in 's3-uri' (${s3.uri})`
  )
  const rows: CheckRow[] = []
  if (missing) rows.push(missing)
  else if (aws.bucket.kind === 'found') {
    const region = ctx.inputs.aws.region
    rows.push(
      aws.bucket.value === region
        ? row('aws.bucket', title, 'pass', `${s3.bucket} is in ${region}`)
        : row(
            'aws.bucket',
            title,
            'fail',
            `Bucket '${s3.bucket}' is in ${aws.bucket.value} but the cluster is in ${region}: Aurora exports only to a bucket in the cluster's Region.`
          )
    )
  }
  const p = aws.prefix
  const title2 = "The 's3-uri' prefix can be listed"
  if (p?.kind === 'found') {
    rows.push(
      row(
        'aws.s3-prefix',
        title2,
        'pass',
        `${s3.uri} is ${p.value.empty ? 'empty' : 'not empty'}. Writes are not tested (the precheck makes none): the schema export is the first write, and RDS writes the export with the export role.`
      )
    )
  } else if (p?.kind === 'denied') {
    rows.push(
      row(
        'aws.s3-prefix',
        title2,
        'warn',
        `Could not list ${s3.uri} (missing permission ${p.permission}); Lightning must read it later: ${p.message}`
      )
    )
  }
  return rows
}

function roleRow(aws: AwsSide, ctx: CheckContext): CheckRow | undefined {
  const arn = ctx.inputs.aws.exportRoleArn
  if (arn === undefined || aws.role === undefined) return undefined
  const id = 'aws.export-role'
  const title = 'The export role exists and trusts export.rds.amazonaws.com'
  const roleAccount = splitArn(arn)?.account
  const clusterAccount = aws.cluster?.kind === 'found' ? aws.cluster.value.account : undefined
  if (
    aws.role.kind === 'missing' &&
    roleAccount &&
    clusterAccount &&
    roleAccount !== clusterAccount
  )
    return row(
      id,
      title,
      'warn',
      `Role ${arn} is in account ${roleAccount}, the cluster in ${clusterAccount}: GetRole cannot see it, so it was not verified.`
    )
  const missing = notFound(aws.role, id, title, `role ${arn}`, "check 'export-role-arn'")
  if (missing || aws.role.kind !== 'found') return missing
  const trusted = aws.role.value.trustedServices
  return trusted.includes(EXPORT_SERVICE)
    ? row(id, title, 'pass', `${aws.role.value.name} trusts ${EXPORT_SERVICE}`)
    : row(
        id,
        title,
        'fail',
        `Role ${aws.role.value.name} trusts ${trusted.length > 0 ? trusted.join(', ') : 'no service'}, not ${EXPORT_SERVICE}: ` +
          `the export would fail once started. Add "Principal": {"Service": "${EXPORT_SERVICE}"} with sts:AssumeRole to its trust policy.`
      )
}

function keyRow(aws: AwsSide, ctx: CheckContext): CheckRow | undefined {
  const given = ctx.inputs.aws.kmsKeyId
  if (given === undefined || aws.key === undefined) return undefined
  const id = 'aws.kms-key'
  const title = 'The KMS key is enabled, symmetric and in the Region'
  const missing = notFound(
    aws.key,
    id,
    title,
    `KMS key ${given}`,
    `check 'kms-key-id' and 'aws-region' (${ctx.inputs.aws.region})`
  )
  if (missing || aws.key.kind !== 'found') return missing
  const k = aws.key.value
  const problems: string[] = []
  if (!k.enabled || k.keyState !== 'Enabled')
    problems.push(`it is ${k.keyState || 'not enabled'} (enable it)`)
  if (k.keyUsage !== 'ENCRYPT_DECRYPT' || k.keySpec !== 'SYMMETRIC_DEFAULT')
    problems.push(
      `it is a ${k.keySpec} ${k.keyUsage} key; the export needs a symmetric encryption key`
    )
  if (k.region && k.region !== ctx.inputs.aws.region)
    problems.push(`it is in ${k.region}, not ${ctx.inputs.aws.region}`)
  if (problems.length > 0) return row(id, title, 'fail', `Key ${k.arn}: ${problems.join('; ')}.`)
  if (k.keyManager === 'AWS')
    return row(
      id,
      title,
      'warn',
      `${k.arn} is an AWS managed key; AWS documents snapshot export with a customer managed key.`
    )
  return row(id, title, 'pass', `${k.arn}: ${k.keyState}, ${k.keySpec}`)
}

/** Every AWS verdict. */
export function awsChecks(facts: PrecheckFacts, ctx: CheckContext): CheckRow[] {
  const aws = facts.aws
  if (aws.credentialsProblem !== undefined) {
    return [
      row(
        'aws.credentials',
        'AWS credentials are available',
        'fail',
        `The AWS SDK found no usable credentials (${aws.credentialsProblem}). Configure them before this step, e.g. ` +
          'aws-actions/configure-aws-credentials with role-to-assume (OIDC), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
      )
    ]
  }
  const rows: CheckRow[] = [
    row('aws.credentials', 'AWS credentials are available', 'pass', 'the AWS SDK found credentials')
  ]
  rows.push(...clusterRows(aws, ctx))
  for (const r of [snapshotRow(aws, ctx)]) if (r) rows.push(r)
  rows.push(...bucketRows(aws, ctx))
  for (const r of [roleRow(aws, ctx), keyRow(aws, ctx)]) if (r) rows.push(r)
  return rows
}
