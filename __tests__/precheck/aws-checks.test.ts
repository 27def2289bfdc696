import { awsChecks } from '../../src/precheck/aws-checks.js'
import type { AwsSide } from '../../src/precheck/facts.js'
import { context, goodFacts, NOW, rowOf, withDmContext } from './facts-fixture.js'

const good = goodFacts().aws
const withAws = (aws: Partial<AwsSide>) => goodFacts({ aws: { ...good, ...aws } })
const cluster = good.cluster?.kind === 'found' ? good.cluster.value : undefined
const key = good.key?.kind === 'found' ? good.key.value : undefined
if (!cluster || !key) throw new Error('fixture')

describe('credentials', () => {
  test('missing credentials are one failed row explaining how to configure them', () => {
    const rows = awsChecks(
      withAws({ credentialsProblem: 'Could not load credentials from any providers' }),
      context()
    )
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'aws.credentials',
        status: 'fail',
        reason: expect.stringMatching(
          /Could not load credentials from any providers.*aws-actions\/configure-aws-credentials/
        )
      })
    ])
  })
})

describe('cluster', () => {
  test('not found fails naming the inputs; denied warns naming the permission; unreachable fails', () => {
    const missing = rowOf(
      awsChecks(
        withAws({ cluster: { kind: 'missing', message: 'DBCluster aurora-1 not found.' } }),
        context()
      ),
      'aws.cluster'
    )
    expect(missing).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining("check 'cluster-identifier' and 'aws-region' (us-east-1)")
    })
    const denied = rowOf(
      awsChecks(
        withAws({
          cluster: {
            kind: 'denied',
            permission: 'rds:DescribeDBClusters',
            message: 'AccessDenied: no'
          }
        }),
        context()
      ),
      'aws.cluster'
    )
    expect(denied).toMatchObject({
      status: 'warn',
      reason: expect.stringContaining('(missing permission rds:DescribeDBClusters)')
    })
    const error = rowOf(
      awsChecks(
        withAws({ cluster: { kind: 'error', message: 'cannot reach AWS: connect ECONNREFUSED' } }),
        context()
      ),
      'aws.cluster'
    )
    expect(error.status).toBe('fail')
  })

  test('wrong engine, serverless v1 and a cluster that is not available fail', () => {
    const bad = withAws({
      cluster: {
        kind: 'found',
        value: {
          ...cluster,
          engine: 'aurora-postgresql',
          engineMode: 'serverless',
          status: 'stopped'
        }
      }
    })
    const r = rowOf(awsChecks(bad, context()), 'aws.cluster')
    expect(r.status).toBe('fail')
    expect(r.reason).toContain('not aurora-mysql')
    expect(r.reason).toContain('Serverless v1')
    expect(r.reason).toContain('it is stopped')
  })

  test('source-host: the writer endpoint passes, the reader endpoint fails, anything else warns', () => {
    expect(rowOf(awsChecks(goodFacts(), context()), 'aws.cluster-endpoint').status).toBe('pass')
    const reader = context((i) => ({ source: { ...i.source, host: cluster.readerEndpoint ?? '' } }))
    expect(rowOf(awsChecks(goodFacts(), reader), 'aws.cluster-endpoint').status).toBe('fail')
    const alias = context((i) => ({ source: { ...i.source, host: 'db.internal.example' } }))
    const r = rowOf(awsChecks(goodFacts(), alias), 'aws.cluster-endpoint')
    expect(r).toMatchObject({
      status: 'warn',
      reason: expect.stringContaining('not the writer endpoint')
    })
  })
})

describe('snapshot to reuse', () => {
  const snap = (over: object) =>
    withAws({
      snapshot: {
        kind: 'found',
        value: {
          identifier: 'snap-1',
          arn: 'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:snap-1',
          clusterIdentifier: 'aurora-1',
          status: 'available',
          engine: 'aurora-mysql',
          createdAt: new Date(NOW - 60_000),
          allocatedGb: 100,
          ...over
        }
      }
    })
  const reuse = (dm: boolean) =>
    (dm ? withDmContext : context)((i) => ({ aws: { ...i.aws, snapshotIdentifier: 'snap-1' } }))

  test('an available snapshot of the cluster passes', () => {
    expect(rowOf(awsChecks(snap({}), reuse(true)), 'aws.snapshot').status).toBe('pass')
  })

  test("another cluster's snapshot, or one not available, fails", () => {
    expect(
      rowOf(awsChecks(snap({ clusterIdentifier: 'other' }), reuse(false)), 'aws.snapshot').reason
    ).toContain("belongs to cluster 'other'")
    expect(rowOf(awsChecks(snap({ status: 'failed' }), reuse(false)), 'aws.snapshot').status).toBe(
      'fail'
    )
  })

  test('with DM, a snapshot older than 5 minutes warns: the position recorded now is after it', () => {
    const r = rowOf(
      awsChecks(snap({ createdAt: new Date(NOW - 3600_000) }), reuse(true)),
      'aws.snapshot'
    )
    expect(r.status).toBe('warn')
    expect(r.reason).toContain('DM would miss the writes made in between')
    expect(
      rowOf(awsChecks(snap({ createdAt: new Date(NOW - 3600_000) }), reuse(false)), 'aws.snapshot')
        .status
    ).toBe('pass')
  })
})

describe('bucket, role and key', () => {
  test('a bucket in another Region fails; a missing one fails; an unlistable prefix warns', () => {
    expect(
      rowOf(
        awsChecks(withAws({ bucket: { kind: 'found', value: 'eu-west-1' } }), context()),
        'aws.bucket'
      ).reason
    ).toContain('is in eu-west-1 but the cluster is in us-east-1')
    expect(
      rowOf(
        awsChecks(
          withAws({ bucket: { kind: 'missing', message: 'The specified bucket does not exist' } }),
          context()
        ),
        'aws.bucket'
      ).status
    ).toBe('fail')
    const denied = withAws({
      prefix: {
        kind: 'denied',
        permission: 's3:ListBucket',
        message: 'AccessDenied: Access Denied'
      }
    })
    expect(rowOf(awsChecks(denied, context()), 'aws.s3-prefix').status).toBe('warn')
    expect(rowOf(awsChecks(goodFacts(), context()), 'aws.s3-prefix').reason).toContain(
      'Writes are not tested'
    )
  })

  test('a role that does not trust the export service fails with the principal to add', () => {
    const facts = withAws({
      role: {
        kind: 'found',
        value: {
          arn: 'arn:aws:iam::123456789012:role/export',
          name: 'export',
          trustedServices: ['ec2.amazonaws.com']
        }
      }
    })
    const r = rowOf(awsChecks(facts, context()), 'aws.export-role')
    expect(r.status).toBe('fail')
    expect(r.reason).toContain('trusts ec2.amazonaws.com, not export.rds.amazonaws.com')
  })

  test('a role in another account cannot be verified: warn', () => {
    const facts = withAws({
      role: { kind: 'missing', message: 'The role with name export cannot be found.' }
    })
    const other = context((i) => ({
      aws: { ...i.aws, exportRoleArn: 'arn:aws:iam::999999999999:role/export' }
    }))
    expect(rowOf(awsChecks(facts, other), 'aws.export-role').status).toBe('warn')
    expect(rowOf(awsChecks(facts, context()), 'aws.export-role').status).toBe('fail')
  })

  test('a disabled, asymmetric or foreign-Region key fails; an AWS managed key warns', () => {
    const r = rowOf(
      awsChecks(
        withAws({
          key: {
            kind: 'found',
            value: {
              ...key,
              enabled: false,
              keyState: 'Disabled',
              keySpec: 'RSA_2048',
              region: 'eu-west-1'
            }
          }
        }),
        context()
      ),
      'aws.kms-key'
    )
    expect(r.status).toBe('fail')
    expect(r.reason).toContain('it is Disabled')
    expect(r.reason).toContain('symmetric encryption key')
    expect(r.reason).toContain('it is in eu-west-1')
    expect(
      rowOf(
        awsChecks(
          withAws({ key: { kind: 'found', value: { ...key, keyManager: 'AWS' } } }),
          context()
        ),
        'aws.kms-key'
      ).status
    ).toBe('warn')
  })
})
