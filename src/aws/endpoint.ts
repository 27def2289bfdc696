// The S3 endpoint in effect, apart from the SDK clients (clients.ts): the phases that only pass it on to the PingCAP
// tools must not load the SDK at bundle start-up to learn it (the bench's cold-start metric, bench/README.md).
import type { AwsInputs } from '../inputs/types.js'

/**
 * The S3 endpoint in effect: the `s3-endpoint` input, else `AWS_ENDPOINT_URL_S3`, else undefined (AWS itself).
 * The PingCAP tools do not read AWS_ENDPOINT_URL_S3, so whatever this returns is also passed to them explicitly.
 */
export function effectiveS3Endpoint(
  aws: Pick<AwsInputs, 's3Endpoint'>,
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  return aws.s3Endpoint ?? (env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined)
}
