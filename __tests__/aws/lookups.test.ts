// How AWS errors and documents read: the SDK's real exception classes, IAM trust policies in their documented
// shapes, S3 location constraints.
import { NoSuchEntityException } from '@aws-sdk/client-iam'
import { KMSServiceException, NotFoundException } from '@aws-sdk/client-kms'
import { DBClusterNotFoundFault } from '@aws-sdk/client-rds'
import { NoSuchBucket, S3ServiceException } from '@aws-sdk/client-s3'
import {
  classifyAwsError,
  regionOfLocation,
  roleNameOf,
  trustedServices
} from '../../src/aws/lookups.js'

const meta = { $metadata: {} }

describe('classifyAwsError', () => {
  test.each([
    new DBClusterNotFoundFault({ message: 'DBCluster x not found.', ...meta }),
    new NoSuchEntityException({ message: 'The role with name x cannot be found.', ...meta }),
    new NotFoundException({ message: "Key 'arn:…' does not exist", ...meta }),
    new NoSuchBucket({ message: 'The specified bucket does not exist', ...meta })
  ])('%s is "missing" with AWS’s message', (e) => {
    expect(classifyAwsError(e, 'x:Y')).toEqual({ kind: 'missing', message: e.message })
  })

  test('AccessDenied (S3, 403) and AccessDeniedException (KMS) are "denied" with the permission', () => {
    const s3 = new S3ServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      message: 'Access Denied',
      $metadata: { httpStatusCode: 403 }
    })
    expect(classifyAwsError(s3, 's3:GetBucketLocation')).toEqual({
      kind: 'denied',
      permission: 's3:GetBucketLocation',
      message: 'AccessDenied: Access Denied'
    })
    const kms = new KMSServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      message: 'User: arn:aws:sts::1:assumed-role/ci is not authorized to perform: kms:DescribeKey',
      $metadata: { httpStatusCode: 400 }
    })
    expect(classifyAwsError(kms, 'kms:DescribeKey')).toMatchObject({ kind: 'denied' })
  })

  test('refused credentials and unreachable endpoints are errors that say so', () => {
    const token = Object.assign(
      new Error('The security token included in the request is invalid.'),
      {
        name: 'InvalidClientTokenId'
      }
    )
    expect(classifyAwsError(token, 'x')).toEqual({
      kind: 'error',
      message:
        'AWS refused the credentials (InvalidClientTokenId: The security token included in the request is invalid.)'
    })
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED'
    })
    expect(classifyAwsError(refused, 'x')).toEqual({
      kind: 'error',
      message: 'cannot reach AWS: connect ECONNREFUSED 127.0.0.1:9'
    })
    expect(
      classifyAwsError(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }), 'x')
    ).toEqual({
      kind: 'error',
      message: 'Throttling: Rate exceeded'
    })
  })
})

describe('trust policies', () => {
  test('the documented export role policy (Aurora User Guide, Setting up access to an Amazon S3 bucket)', () => {
    expect(
      trustedServices(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'export.rds.amazonaws.com' },
              Action: 'sts:AssumeRole'
            }
          ]
        })
      )
    ).toEqual(['export.rds.amazonaws.com'])
  })

  test('lists of principals and actions, Deny statements, other principals, broken JSON', () => {
    const policy = {
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: ['ec2.amazonaws.com', 'export.rds.amazonaws.com'] },
          Action: ['sts:AssumeRole', 'sts:TagSession']
        },
        {
          Effect: 'Deny',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sts:AssumeRole'
        },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 'sts:AssumeRole' },
        {
          Effect: 'Allow',
          Principal: { Service: 'glue.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity'
        }
      ]
    }
    expect(trustedServices(JSON.stringify(policy))).toEqual([
      'ec2.amazonaws.com',
      'export.rds.amazonaws.com'
    ])
    expect(trustedServices('{not json')).toEqual([])
    expect(trustedServices('null')).toEqual([])
  })
})

test('S3 location constraints and role names', () => {
  expect(regionOfLocation(undefined)).toBe('us-east-1')
  expect(regionOfLocation('')).toBe('us-east-1')
  expect(regionOfLocation('EU')).toBe('eu-west-1')
  expect(regionOfLocation('ap-northeast-1')).toBe('ap-northeast-1')
  expect(roleNameOf('arn:aws:iam::123456789012:role/service-role/rds-s3-export')).toBe(
    'rds-s3-export'
  )
})
