import { describe, expect, test } from '@jest/globals'
import { deriveRunKey, missingInputs, runIdentity } from '../../src/inputs/rules.js'
import { InputError } from '../../src/inputs/input-error.js'
import * as aws from '../../src/inputs/aws-parsers.js'
import * as generic from '../../src/inputs/parsers.js'
import { caught } from '../helpers/caught.js'
import { parseFilter } from '../../src/table-filter/parse.js'

const p = { ...generic, ...aws }

const rejects = (fn: () => unknown): string => caught(fn, InputError).message

describe('accepted forms', () => {
  test('hosts: names, IPv4, bracketed IPv6 (returned bare), trailing-dot FQDN', () => {
    expect(
      ['db.example.com', 'db_1.internal', '10.1.2.3', '[fe80::1%eth0]', 'db.example.com.'].map(
        (v) => p.parseHost('h', v)
      )
    ).toEqual(['db.example.com', 'db_1.internal', '10.1.2.3', 'fe80::1%eth0', 'db.example.com.'])
    expect([p.formatHostPort('::1', 4000), p.formatHostPort('tidb', 4000)]).toEqual([
      '[::1]:4000',
      'tidb:4000'
    ])
  })

  test('address lists are normalized', () => {
    expect(p.parseAddressList('a', ' pd-0:2379 ,[::1]:2379,10.0.0.1:2379')).toEqual(
      'pd-0:2379,[::1]:2379,10.0.0.1:2379'
    )
  })

  test('S3 URIs: bucket root, trailing slashes, safe characters', () => {
    expect(p.parseS3Uri('s', 's3://my.bucket-1')).toEqual({
      uri: 's3://my.bucket-1',
      bucket: 'my.bucket-1',
      prefix: ''
    })
    expect(p.parseS3Uri('s', 's3://b12/a/b=1/(x)/')).toEqual({
      uri: 's3://b12/a/b=1/(x)',
      bucket: 'b12',
      prefix: 'a/b=1/(x)'
    })
  })

  test('KMS keys: key ID, multi-Region key, key ARN, alias, alias ARN', () => {
    const forms = [
      '1234abcd-12ab-34cd-56ef-1234567890ab',
      'mrk-1234abcd12ab34cd56ef1234567890ab',
      'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab',
      'alias/team/aurora_export-1',
      'arn:aws:kms:eu-west-2:111122223333:alias/aurora-export'
    ]
    expect(forms.map((f) => p.parseKmsKey('k', f).value)).toEqual(forms)
    expect(p.parseKmsKey('k', forms[4] ?? '').arn?.region).toBe('eu-west-2')
  })

  test('snapshots: identifier, automated, shared ARN; role ARNs with paths', () => {
    expect(p.parseSnapshotIdentifier('s', 'rds:shop-2026-11-20-03-10').arn).toBeUndefined()
    expect(
      p.parseSnapshotIdentifier(
        's',
        'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:shop-2026'
      ).arn?.account
    ).toBe('123456789012')
    expect(
      p.parseRoleArn('r', 'arn:aws:iam::123456789012:role/service-role/rds-export').resource
    ).toBe('role/service-role/rds-export')
  })

  test('versions, regions and partitions', () => {
    expect([
      p.parseTiupVersion('t', 'v1.16.1'),
      p.parseTiupVersion('t', 'latest'),
      p.parseTidbVersion('v', 'nightly')
    ]).toEqual(['1.16.1', 'latest', 'nightly'])
    expect(
      ['us-gov-west-1', 'cn-northwest-1', 'eusc-de-east-1', 'ap-southeast-5'].map((r) =>
        p.partitionOf(p.parseAwsRegion('r', r))
      )
    ).toEqual(['aws-us-gov', 'aws-cn', 'aws-eusc', 'aws'])
  })

  test('booleans follow the YAML core schema, with the default for an empty value', () => {
    expect(
      ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', ''].map((v) =>
        p.parseBoolean('b', v, true)
      )
    ).toEqual([true, true, true, false, false, false, true])
  })

  test('a mirror may be a local directory', () => {
    expect(p.parseMirror('m', '/srv/tiup-mirror')).toBe('/srv/tiup-mirror')
  })
})

describe('rejected forms', () => {
  test.each([
    ['s3://ab/x', 'a bucket name has 3 to 63 characters'],
    ['s3://-bucket/x', 'a bucket name starts and ends with a letter or digit'],
    ['s3://my..bucket/x', 'a bucket name has no two adjacent dots'],
    ['s3://192.168.1.10/x', 'a bucket name is not an IP address'],
    ['s3://xn--bucket/x', "bucket names starting with 'xn--' are reserved"],
    ['s3://logs-s3alias/x', "bucket names ending with '-s3alias' are reserved"],
    ['s3://bucket/a/../b', "the prefix has an empty, '.' or '..' path segment"],
    [
      's3://bucket/a b',
      "' ' is not a safe S3 key character (letters, digits and / ! - _ . * ' ( ) =)"
    ],
    ['s3://bucket/x?versionId=1', 'no query or fragment'],
    [`s3://bucket/${'a'.repeat(601)}`, 'the prefix is longer than 600 bytes']
  ])('%s', (uri, why) => {
    expect(rejects(() => p.parseS3Uri('s3-uri', uri))).toContain(`(${why}).`)
  })

  test('messages show control characters escaped and long values cut', () => {
    expect(p.show('a\tb')).toBe("'a\\tb'")
    expect(p.show('x'.repeat(100))).toBe(`'${'x'.repeat(80)}…'`)
  })

  test('KMS ARNs must name a key or alias of the kms service in a Region', () => {
    expect(
      rejects(() =>
        p.parseKmsKey(
          'kms-key-id',
          'arn:aws:kms::123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
        )
      )
    ).toBe(
      "Input 'kms-key-id' must be a KMS key ID, key ARN, alias name (alias/my-key) or alias ARN; got 'arn:aws:kms::123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'."
    )
  })

  test('an ARN given as cluster identifier names the identifier to use', () => {
    expect(
      rejects(() =>
        p.parseClusterIdentifier('c', 'arn:aws:rds:us-east-1:123456789012:cluster:shop')
      )
    ).toContain("(not an ARN; the identifier is 'shop')")
  })
})

describe('input rules', () => {
  test('what each operation requires', () => {
    const none = (): boolean => false
    expect(missingInputs('migrate', none)).toHaveLength(9)
    expect(missingInputs('plan', (i) => i !== 'cluster-identifier')).toEqual([])
    expect(missingInputs('resume', none)).toHaveLength(2)
    expect(
      missingInputs('status', (i) => i === 'export-task-identifier' || i === 'aws-region')
    ).toEqual([])
  })

  test('the derived run key fits export task identifiers and run keys', () => {
    const env = {
      GITHUB_RUN_ID: '99999999999999999999',
      GITHUB_REPOSITORY: 'a/b',
      GITHUB_WORKFLOW: 'w',
      GITHUB_JOB: 'migrate'
    }
    const key = deriveRunKey(env, 'h', '/w', 'id')
    expect(key).toMatch(/^gh-99999999999999999999-migrate-[0-9a-f]{8}$/)
    expect(p.parseRunKey('run-key', key)).toBe(key)
    expect(p.parseExportTaskIdentifier('e', `aurora-to-tidb-${key}`)).toBe(`aurora-to-tidb-${key}`)
    expect(deriveRunKey({ GITHUB_RUN_ID: 'x' }, 'h', '/w', 'id')).toBe(
      deriveRunKey({}, 'h', '/w', 'id')
    )
  })

  test('the job name is shortened to what fits, and the hash tells apart jobs that shorten alike', () => {
    const env = { GITHUB_RUN_ID: '12345678901', GITHUB_REPOSITORY: 'a/b', GITHUB_WORKFLOW: 'w' }
    const long = deriveRunKey(
      { ...env, GITHUB_JOB: 'Migrate_The_Orders_Database_Now' },
      'h',
      '/w',
      'id'
    )
    expect(long).toMatch(/^gh-12345678901-migrate-the-orde-[0-9a-f]{8}$/)
    expect(long.length).toBeLessThanOrEqual(40)
    const other = deriveRunKey(
      { ...env, GITHUB_JOB: 'Migrate_The_Orders_Database_Later' },
      'h',
      '/w',
      'id'
    )
    expect(other).not.toBe(long)
    expect(p.parseRunKey('run-key', long)).toBe(long)
    // A 20-digit run id leaves room for 7 characters of the job name; a job of only symbols leaves none.
    const wide = { ...env, GITHUB_RUN_ID: '99999999999999999999' }
    expect(deriveRunKey({ ...wide, GITHUB_JOB: 'a-b_c-d-e' }, 'h', '/w', 'id')).toMatch(
      /^gh-99999999999999999999-a-b-c-d-[0-9a-f]{8}$/
    )
    expect(deriveRunKey({ ...env, GITHUB_JOB: '___' }, 'h', '/w', 'id')).toMatch(
      /^gh-12345678901-[0-9a-f]{8}$/
    )
  })

  test('matrix legs (one job id) differ by their identity; a re-run attempt keeps its key', () => {
    const env = {
      GITHUB_RUN_ID: '42',
      GITHUB_REPOSITORY: 'a/b',
      GITHUB_WORKFLOW: 'w',
      GITHUB_JOB: 'migrate',
      GITHUB_RUN_ATTEMPT: '1'
    }
    const shop = runIdentity(identityOf(['shop.*']))
    const crm = runIdentity(identityOf(['crm.*']))
    expect(shop).not.toBe(crm)
    const first = deriveRunKey(env, 'h', '/w', shop)
    expect(deriveRunKey({ ...env, GITHUB_RUN_ATTEMPT: '2' }, 'h', '/w', shop)).toBe(first)
    expect(deriveRunKey(env, 'h', '/w', crm)).not.toBe(first)
    expect(deriveRunKey({ ...env, GITHUB_JOB: 'other' }, 'h', '/w', shop)).not.toBe(first)
    expect(deriveRunKey({}, 'h', '/w', shop)).not.toBe(deriveRunKey({}, 'h', '/w', crm))
  })
})

/** The inputs runIdentity reads, with a filter. */
function identityOf(filter: string[]): Parameters<typeof runIdentity>[0] {
  return {
    filter: parseFilter(filter),
    target: {
      host: 'tidb',
      port: 4000,
      user: 'root',
      password: '',
      statusPort: 10080,
      pdAddr: undefined
    },
    aws: {
      region: 'us-east-1',
      clusterIdentifier: 'shop',
      snapshotIdentifier: undefined,
      exportRoleArn: undefined,
      kmsKeyId: undefined,
      s3: { uri: 's3://b/p', bucket: 'b', prefix: 'p' },
      s3Endpoint: undefined,
      exportTaskIdentifier: undefined
    }
  }
}
