import { createAwsClients, effectiveS3Endpoint } from '../../src/aws/clients.js'

describe('AWS clients', () => {
  test('the s3-endpoint input wins over AWS_ENDPOINT_URL_S3, which wins over AWS_ENDPOINT_URL', () => {
    const env = {
      AWS_ENDPOINT_URL_S3: 'http://s3.local:9000',
      AWS_ENDPOINT_URL: 'http://all.local'
    }
    expect(effectiveS3Endpoint({ s3Endpoint: 'https://minio.example:9000' }, env)).toBe(
      'https://minio.example:9000'
    )
    expect(effectiveS3Endpoint({ s3Endpoint: undefined }, env)).toBe('http://s3.local:9000')
    expect(
      effectiveS3Endpoint({ s3Endpoint: undefined }, { AWS_ENDPOINT_URL: 'http://all.local' })
    ).toBe('http://all.local')
    expect(effectiveS3Endpoint({ s3Endpoint: undefined }, {})).toBeUndefined()
  })

  test('a custom S3 endpoint means path-style requests and checksums only when required', async () => {
    const custom = createAwsClients(
      { region: 'eu-west-1', s3Endpoint: 'http://127.0.0.1:9000' },
      {}
    )
    expect(custom.s3.config.forcePathStyle).toBe(true)
    expect(await custom.s3.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED')
    expect(await custom.s3.config.region()).toBe('eu-west-1')
    const aws = createAwsClients({ region: 'eu-west-1', s3Endpoint: undefined }, {})
    expect(aws.s3.config.forcePathStyle).toBe(false)
    expect(await aws.rds.config.region()).toBe('eu-west-1')
  })
})
