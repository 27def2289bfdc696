// The IAM and KMS stand-ins answered by the real SDK clients the action creates (createCheckClients), reached through
// AWS_ENDPOINT_URL_IAM / AWS_ENDPOINT_URL_KMS as on a runner: shapes, errors, faults, and the RDS stand-in agreeing.
import { randomUUID } from 'node:crypto'
import { GetRoleCommand } from '@aws-sdk/client-iam'
import { DescribeKeyCommand } from '@aws-sdk/client-kms'
import { createCheckClients, type CheckClients } from '../../../src/aws/clients.js'
import { startIamServer, rfc3986, trustPolicy } from '../../../sandbox/aws/iam-server.js'
import { startKmsServer } from '../../../sandbox/aws/kms-server.js'
import type { RunningServer } from '../../../sandbox/lib/http-server.js'
import { withEnv, tempDir } from '../../helpers/env.js'
import { clearFaultFile, setFaultFile } from '../../../sandbox/state.js'

const account = '123456789012'
const region = 'us-east-1'
const roleArn = `arn:aws:iam::${account}:role/service-role/rds-s3-export`
const keyId = randomUUID()
const keyArn = `arn:aws:kms:${region}:${account}:key/${keyId}`

let iam: RunningServer
let kms: RunningServer
let clients: CheckClients
let restore: () => void
let dir: { dir: string; remove: () => void }

beforeAll(async () => {
  dir = tempDir('iam-kms-test-')
  const env = { SANDBOX_DIR: dir.dir }
  iam = await startIamServer({ roles: [roleArn], env })
  kms = await startKmsServer({
    region,
    accountId: account,
    keys: [{ keyId, alias: 'alias/export' }],
    env
  })
  restore = withEnv({
    AWS_ENDPOINT_URL_IAM: iam.url,
    AWS_ENDPOINT_URL_KMS: kms.url,
    AWS_ENDPOINT_URL: undefined,
    AWS_ACCESS_KEY_ID: 'AKIATEST',
    AWS_SECRET_ACCESS_KEY: 'secret',
    SANDBOX_FAULTS: undefined
  })
  clients = await createCheckClients({ region })
})

afterAll(async () => {
  restore()
  clients.iam.destroy()
  clients.kms.destroy()
  await Promise.all([iam.close(), kms.close()])
  dir.remove()
})

describe('IAM GetRole', () => {
  test('returns the role with its trust policy URL-encoded, as IAM does', async () => {
    const { Role } = await clients.iam.send(new GetRoleCommand({ RoleName: 'rds-s3-export' }))
    expect(Role).toMatchObject({ Arn: roleArn, RoleName: 'rds-s3-export', Path: '/service-role/' })
    expect(Role?.CreateDate).toBeInstanceOf(Date)
    expect(Role?.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22/)
    const policy = JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '')) as unknown
    expect(policy).toEqual(JSON.parse(trustPolicy('export.rds.amazonaws.com')))
    expect(iam.requests.entries.at(-1)).toMatchObject({ op: 'GetRole', status: 200, write: false })
  })

  test('an unknown role is NoSuchEntity with IAM’s message', async () => {
    await expect(clients.iam.send(new GetRoleCommand({ RoleName: 'nope' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name nope cannot be found.'
    })
  })

  test('fault iam-role-untrusted: the role trusts EC2, not the export service', async () => {
    setFaultFile(dir.dir, 'iam-role-untrusted')
    try {
      const { Role } = await clients.iam.send(new GetRoleCommand({ RoleName: 'rds-s3-export' }))
      expect(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '')).toContain(
        'ec2.amazonaws.com'
      )
    } finally {
      clearFaultFile(dir.dir)
    }
  })

  test('RFC 3986 encoding escapes what encodeURIComponent leaves', () => {
    expect(rfc3986(`{"a":"it's (x)*!"}`)).toBe('%7B%22a%22%3A%22it%27s%20%28x%29%2A%21%22%7D')
  })
})

describe('KMS DescribeKey', () => {
  test.each([keyId, keyArn, 'alias/export', `arn:aws:kms:${region}:${account}:alias/export`])(
    'finds the key by %s',
    async (given) => {
      const { KeyMetadata } = await clients.kms.send(new DescribeKeyCommand({ KeyId: given }))
      expect(KeyMetadata).toMatchObject({
        KeyId: keyId,
        Arn: keyArn,
        Enabled: true,
        KeyState: 'Enabled',
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyManager: 'CUSTOMER'
      })
      expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date)
    }
  )

  test('unknown keys and aliases are NotFoundException with KMS’s texts', async () => {
    const other = randomUUID()
    await expect(clients.kms.send(new DescribeKeyCommand({ KeyId: other }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:${region}:${account}:key/${other}' does not exist`
    })
    await expect(
      clients.kms.send(new DescribeKeyCommand({ KeyId: 'alias/missing' }))
    ).rejects.toMatchObject({
      name: 'NotFoundException',
      message: `Alias arn:aws:kms:${region}:${account}:alias/missing is not found.`
    })
    expect(kms.requests.entries.every((e) => !e.write)).toBe(true)
  })

  test('fault kms-key-disabled: Disabled and not enabled', async () => {
    setFaultFile(dir.dir, 'kms-key-disabled')
    try {
      const { KeyMetadata } = await clients.kms.send(new DescribeKeyCommand({ KeyId: keyId }))
      expect(KeyMetadata).toMatchObject({ Enabled: false, KeyState: 'Disabled' })
    } finally {
      clearFaultFile(dir.dir)
    }
  })
})
