// The AWS SDK clients the action uses, configured once from the inputs and the environment. Credentials and
// endpoints come from the environment (aws-actions/configure-aws-credentials, AWS_ENDPOINT_URL_*: the SDK reads
// AWS_ENDPOINT_URL_RDS, _IAM and _KMS itself); the only endpoint input is `s3-endpoint`, for S3-compatible stores.
// IAM and KMS serve only the precheck's read-only GetRole and DescribeKey of the export role and key, so they are
// loaded on their own (createCheckClients): the phases that need RDS and S3 do not pay for loading them.
import type { IAMClient } from '@aws-sdk/client-iam'
import type { KMSClient } from '@aws-sdk/client-kms'
import { RDSClient } from '@aws-sdk/client-rds'
import { S3Client } from '@aws-sdk/client-s3'
import type { AwsInputs } from '../inputs/types.js'
import { effectiveS3Endpoint } from './endpoint.js'

export { effectiveS3Endpoint } from './endpoint.js'

/** The clients of one run. */
export interface AwsClients {
  readonly rds: RDSClient
  readonly s3: S3Client
}

/** The precheck's extra clients. */
export interface CheckClients {
  /** GetRole on the export role (IAM is global; the Region only picks the partition's endpoint). */
  readonly iam: IAMClient
  /** DescribeKey on the export key. */
  readonly kms: KMSClient
}

/** SDK retries for throttling and transient faults, on top of which phases poll with their own backoff. */
const MAX_ATTEMPTS = 6

/**
 * Creates the RDS and S3 clients for a run.
 * @param aws the AWS inputs (region, s3-endpoint)
 */
export function createAwsClients(
  aws: Pick<AwsInputs, 'region' | 's3Endpoint'>,
  env: NodeJS.ProcessEnv = process.env
): AwsClients {
  const s3Endpoint = effectiveS3Endpoint(aws, env)
  return {
    rds: new RDSClient({ region: aws.region, maxAttempts: MAX_ATTEMPTS }),
    s3: new S3Client({
      region: aws.region,
      maxAttempts: MAX_ATTEMPTS,
      ...(s3Endpoint
        ? {
            endpoint: s3Endpoint,
            // S3-compatible stores rarely serve virtual-hosted buckets, and many mishandle the SDK's default
            // CRC32 trailers (aws-sdk-js-v3#6810), so use path style and checksums only where the API needs them.
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED'
          }
        : {})
    })
  }
}

/**
 * Creates the IAM and KMS clients of the precheck, loading their SDK packages now (only the precheck needs them).
 * @param aws the AWS inputs (region)
 */
export async function createCheckClients(aws: Pick<AwsInputs, 'region'>): Promise<CheckClients> {
  const [{ IAMClient }, { KMSClient }] = await Promise.all([
    import('@aws-sdk/client-iam'),
    import('@aws-sdk/client-kms')
  ])
  return {
    iam: new IAMClient({ region: aws.region, maxAttempts: MAX_ATTEMPTS }),
    kms: new KMSClient({ region: aws.region, maxAttempts: MAX_ATTEMPTS })
  }
}
