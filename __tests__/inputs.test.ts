import { afterAll, afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { hostname } from 'node:os'
import { INPUT_DEFAULTS } from '../src/input-rules.js'
import { readInputs, type Inputs } from '../src/inputs.js'
import { InputError } from '../src/util/input-error.js'
import { actionDefaults, setInputs } from './helpers/action-inputs.js'
import { caught } from './helpers/caught.js'

const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
const ROLE_ARN = 'arn:aws:iam::123456789012:role/rds-s3-export'
const ENDPOINT = 'shop.cluster-c9akciq32.us-east-1.rds.amazonaws.com'

/** What a typical `migrate` step sets in `with:`. */
const MIGRATE: Record<string, string> = {
  'source-host': ENDPOINT,
  'source-user': 'admin',
  'source-password': ' src pw ',
  'target-host': 'tidb.internal',
  'target-password': 'tidb-pw',
  'aws-region': 'us-east-1',
  'cluster-identifier': 'shop',
  'export-role-arn': ROLE_ARN,
  'kms-key-id': KEY_ARN,
  's3-uri': 's3://migration-bucket/aurora/shop/',
  filter: 'shop.*\n!shop.tmp_*\n\n# audit trail\naudit.events'
}
const DM = { 'dm-master-addr': '10.0.0.5:8261', 'dm-task-name': 'shop-sync' }
const STATUS = { operation: 'status', ...DM }

const saved = { ...process.env }
let stdout: string[]
beforeEach(() => {
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk))
    return true
  })
  process.env['GITHUB_RUN_ID'] = '987654321'
  process.env['GITHUB_REPOSITORY'] = 'acme/shop'
  process.env['GITHUB_WORKFLOW'] = 'Migrate shop'
})
afterEach(() => {
  jest.restoreAllMocks()
})
afterAll(() => {
  process.env = saved
})

function errorOf(inputs: Record<string, string | undefined>): string {
  setInputs(inputs)
  return caught(readInputs, InputError).message
}

describe('readInputs: good input sets', () => {
  test('a full migrate with DM reads every input into the typed object', () => {
    setInputs({
      ...MIGRATE,
      ...DM,
      'source-port': '3307',
      'target-port': '4001',
      'target-user': 'migrator',
      'target-status-port': '10081',
      'pd-addr': 'pd-0.tidb:2379, pd-1.tidb:2379',
      's3-endpoint': 'https://s3.us-east-1.amazonaws.com/',
      'export-task-identifier': 'shop-export-1',
      'tidb-version': 'v8.5.1',
      'tiup-version': 'v1.16.1',
      'tiup-mirror': 'https://mirror.internal/tiup/',
      'sorted-kv-dir': '/mnt/nvme/sorted-kv',
      checksum: 'optional',
      'dm-source-id': 'aurora-shop',
      'safe-mode': 'False',
      'snapshot-timeout-minutes': '90',
      'export-timeout-minutes': '600',
      'import-timeout-minutes': '1440',
      'dm-sync-timeout-minutes': '20',
      'wait-timeout-minutes': '45',
      'fail-on-short-retention': 'TRUE',
      'fail-on-verify-mismatch': 'false',
      resume: 'true',
      'run-key': 'shop-2026-11'
    })
    const expected: Inputs = {
      operation: 'migrate',
      source: { host: ENDPOINT, port: 3307, user: 'admin', password: ' src pw ' },
      target: {
        host: 'tidb.internal',
        port: 4001,
        user: 'migrator',
        password: 'tidb-pw',
        statusPort: 10081,
        pdAddr: 'pd-0.tidb:2379,pd-1.tidb:2379'
      },
      aws: {
        region: 'us-east-1',
        clusterIdentifier: 'shop',
        snapshotIdentifier: undefined,
        exportRoleArn: ROLE_ARN,
        kmsKeyId: KEY_ARN,
        s3: {
          uri: 's3://migration-bucket/aurora/shop',
          bucket: 'migration-bucket',
          prefix: 'aurora/shop'
        },
        s3Endpoint: 'https://s3.us-east-1.amazonaws.com',
        exportTaskIdentifier: 'shop-export-1'
      },
      filter: ['shop.*', '!shop.tmp_*', 'audit.events'],
      tools: {
        tidbVersion: 'v8.5.1',
        tiupVersion: '1.16.1',
        tiupMirror: 'https://mirror.internal/tiup'
      },
      import: { backend: 'local', sortedKvDir: '/mnt/nvme/sorted-kv', checksum: 'optional' },
      dm: {
        masterAddr: '10.0.0.5:8261',
        sourceId: 'aurora-shop',
        taskName: 'shop-sync',
        safeMode: false
      },
      timeouts: {
        snapshotMs: 90 * 60_000,
        exportMs: 600 * 60_000,
        importMs: 1440 * 60_000,
        dmSyncMs: 20 * 60_000
      },
      waitForLagSeconds: undefined,
      waitTimeoutMs: 45 * 60_000,
      failOnShortRetention: true,
      failOnVerifyMismatch: false,
      resume: true,
      runKey: 'shop-2026-11'
    }
    expect(readInputs()).toEqual(expected)
  })

  test('a minimal migrate gets action.yml defaults and a run key derived from the workflow run', () => {
    setInputs(MIGRATE)
    const inputs = readInputs()
    expect(inputs.source.port).toBe(3306)
    expect(inputs.target).toEqual({
      host: 'tidb.internal',
      port: 4000,
      user: 'root',
      password: 'tidb-pw',
      statusPort: 10080,
      pdAddr: undefined
    })
    expect(inputs.tools).toEqual({
      tidbVersion: 'v8.5.2',
      tiupVersion: 'auto',
      tiupMirror: 'https://tiup-mirrors.pingcap.com'
    })
    expect(inputs.import).toEqual({
      backend: 'local',
      sortedKvDir: undefined,
      checksum: 'required'
    })
    expect(inputs.dm).toEqual({
      masterAddr: undefined,
      sourceId: 'aurora-source',
      taskName: undefined,
      safeMode: true
    })
    expect(inputs.timeouts).toEqual({
      snapshotMs: 3_600_000,
      exportMs: 28_800_000,
      importMs: 43_200_000,
      dmSyncMs: 900_000
    })
    expect([inputs.waitForLagSeconds, inputs.waitTimeoutMs]).toEqual([undefined, 1_800_000])
    expect([inputs.failOnShortRetention, inputs.failOnVerifyMismatch, inputs.resume]).toEqual([
      false,
      true,
      false
    ])
    expect(inputs.runKey).toMatch(/^gh-987654321-[0-9a-f]{8}$/)
  })

  test('without the runner (a local run) the same defaults come from the code', () => {
    setInputs(MIGRATE, false)
    const local = readInputs()
    setInputs(MIGRATE)
    expect(local).toEqual(readInputs())
    expect(INPUT_DEFAULTS).toEqual(
      Object.fromEntries(Object.entries(actionDefaults()).filter(([, v]) => v !== ''))
    )
  })

  test('a re-run attempt of the same run gets the same key; another run or workflow does not', () => {
    setInputs(MIGRATE)
    process.env['GITHUB_RUN_ATTEMPT'] = '1'
    const first = readInputs().runKey
    process.env['GITHUB_RUN_ATTEMPT'] = '2'
    expect(readInputs().runKey).toBe(first)
    process.env['GITHUB_WORKFLOW'] = 'Other'
    expect(readInputs().runKey).not.toBe(first)
    process.env['GITHUB_WORKFLOW'] = 'Migrate shop'
    process.env['GITHUB_RUN_ID'] = '987654322'
    expect(readInputs().runKey).not.toBe(first)
  })

  test('outside GitHub Actions the key comes from the host and working directory', () => {
    delete process.env['GITHUB_RUN_ID']
    setInputs(MIGRATE)
    const key = readInputs().runKey
    expect(key).toMatch(/^local-[0-9a-f]{8}$/)
    expect(readInputs().runKey).toBe(key)
    expect(hostname()).not.toBe('')
  })

  test('plan needs what migrate needs, and may reuse a snapshot by ARN instead of naming the cluster', () => {
    setInputs({
      ...MIGRATE,
      operation: 'plan',
      'cluster-identifier': undefined,
      'snapshot-identifier':
        'arn:aws:rds:us-east-1:210987654321:cluster-snapshot:shop-before-cutover'
    })
    const inputs = readInputs()
    expect(inputs.operation).toBe('plan')
    expect(inputs.aws.clusterIdentifier).toBeUndefined()
    expect(inputs.aws.snapshotIdentifier).toBe(
      'arn:aws:rds:us-east-1:210987654321:cluster-snapshot:shop-before-cutover'
    )
  })

  test('an automated snapshot, alias key, IPv6 hosts and the tidb backend are accepted', () => {
    setInputs({
      ...MIGRATE,
      'source-host': '[2001:db8::10]',
      'target-host': '[::1]',
      'snapshot-identifier': 'rds:shop-2026-11-20-03-10',
      'kms-key-id': 'alias/aurora-export',
      'lightning-backend': 'tidb',
      'dm-master-addr': '[2001:db8::5]:8261'
    })
    const inputs = readInputs()
    expect([inputs.source.host, inputs.target.host]).toEqual(['2001:db8::10', '::1'])
    expect(inputs.dm.masterAddr).toBe('[2001:db8::5]:8261')
    expect(inputs.aws.kmsKeyId).toBe('alias/aurora-export')
    expect(inputs.import.backend).toBe('tidb')
  })

  test.each(['pause', 'resume', 'stop'])(
    '%s needs only the DM-master and the task',
    (operation) => {
      setInputs({ operation, ...DM })
      const inputs = readInputs()
      expect(inputs.operation).toBe(operation)
      expect(inputs.dm).toEqual({
        masterAddr: '10.0.0.5:8261',
        sourceId: 'aurora-source',
        taskName: 'shop-sync',
        safeMode: true
      })
      expect([inputs.source.host, inputs.aws.region, inputs.filter]).toEqual(['', '', []])
    }
  )

  test('status reports a DM task, waits for lag, or reports an export task alone', () => {
    setInputs({ ...STATUS, 'wait-for-lag-seconds': '0', 'wait-timeout-minutes': '5' })
    expect(readInputs()).toMatchObject({
      operation: 'status',
      waitForLagSeconds: 0,
      waitTimeoutMs: 300_000
    })
    setInputs({
      operation: 'status',
      'export-task-identifier': 'shop-export-1',
      'aws-region': 'eu-central-1'
    })
    expect(readInputs().aws).toMatchObject({
      region: 'eu-central-1',
      exportTaskIdentifier: 'shop-export-1'
    })
  })
})

describe('readInputs: secrets and freezing', () => {
  test('passwords are masked before anything else is printed, untrimmed, even when another input is bad', () => {
    setInputs({ ...MIGRATE, 'source-port': 'not-a-port' })
    expect(() => readInputs()).toThrow(
      "Input 'source-port' must be a TCP port from 1 to 65535; got 'not-a-port'."
    )
    expect(stdout.slice(0, 2)).toEqual([
      `::add-mask:: src pw ${'\n'}`,
      `::add-mask::tidb-pw${'\n'}`
    ])
  })

  test('no password appears in any error message', () => {
    const message = errorOf({
      ...MIGRATE,
      'source-password': 'hunter2',
      'target-host': 'hunter2:4000'
    })
    expect(message).toBe(
      "Input 'target-host' must be a host name or IP address without scheme or port (bracket IPv6 addresses: [2001:db8::1]); got 'hunter2:4000' (put the port in 'target-port')."
    )
    expect(stdout[0]).toBe('::add-mask::hunter2\n')
  })

  test('an empty password is not masked (there is nothing to hide)', () => {
    setInputs({ ...MIGRATE, 'source-password': '', 'target-password': '' })
    readInputs()
    expect(stdout.filter((l) => l.startsWith('::add-mask::'))).toEqual([])
  })

  test('the result is deeply frozen', () => {
    setInputs({ ...MIGRATE, ...DM })
    const inputs = readInputs()
    const nested = [
      inputs,
      inputs.source,
      inputs.target,
      inputs.aws,
      inputs.aws.s3,
      inputs.filter,
      inputs.tools
    ]
    expect(nested.every((o) => Object.isFrozen(o))).toBe(true)
    expect(() => {
      ;(inputs.source as { port: number }).port = 1
    }).toThrow(TypeError)
    expect(() => (inputs.filter as string[]).push('x.y')).toThrow(TypeError)
  })
})

const TOO_LONG = 'a'.repeat(33)
/** [what is wrong, inputs, exact message] */
const BAD: [string, Record<string, string | undefined>, string][] = [
  [
    'operation in the wrong case',
    { ...MIGRATE, operation: 'Migrate' },
    "Input 'operation' must be one of migrate, plan, status, pause, resume, stop; got 'Migrate' (did you mean 'migrate'?)."
  ],
  [
    'unknown operation',
    { ...MIGRATE, operation: 'sync' },
    "Input 'operation' must be one of migrate, plan, status, pause, resume, stop; got 'sync'."
  ],
  [
    'source port zero',
    { ...MIGRATE, 'source-port': '0' },
    "Input 'source-port' must be a TCP port from 1 to 65535; got '0'."
  ],
  [
    'target port too large',
    { ...MIGRATE, 'target-port': '70000' },
    "Input 'target-port' must be a TCP port from 1 to 65535; got '70000'."
  ],
  [
    'status port with a unit',
    { ...MIGRATE, 'target-status-port': '10080/tcp' },
    "Input 'target-status-port' must be a TCP port from 1 to 65535; got '10080/tcp'."
  ],
  [
    'host with a scheme',
    { ...MIGRATE, 'source-host': 'mysql://db.example.com' },
    "Input 'source-host' must be a host name or IP address without scheme or port (bracket IPv6 addresses: [2001:db8::1]); got 'mysql://db.example.com' (remove 'mysql://')."
  ],
  [
    'host with a port',
    { ...MIGRATE, 'source-host': 'db.example.com:3306' },
    "Input 'source-host' must be a host name or IP address without scheme or port (bracket IPv6 addresses: [2001:db8::1]); got 'db.example.com:3306' (put the port in 'source-port')."
  ],
  [
    'bare IPv6 host',
    { ...MIGRATE, 'target-host': '2001:db8::1' },
    "Input 'target-host' must be a host name or IP address without scheme or port (bracket IPv6 addresses: [2001:db8::1]); got '2001:db8::1' (write it as [2001:db8::1])."
  ],
  [
    'IPv4 out of range',
    { ...MIGRATE, 'target-host': '10.0.0.300' },
    "Input 'target-host' must be a host name or IP address without scheme or port (bracket IPv6 addresses: [2001:db8::1]); got '10.0.0.300' (not a valid IPv4 address)."
  ],
  [
    'host label ending in a hyphen',
    { ...MIGRATE, 'target-host': 'tidb-.internal' },
    "Input 'target-host' must be a host name or IP address without scheme or port (bracket IPv6 addresses: [2001:db8::1]); got 'tidb-.internal'."
  ],
  [
    'Aurora reader endpoint as source',
    { ...MIGRATE, 'source-host': 'shop.cluster-ro-c9akciq32.us-east-1.rds.amazonaws.com' },
    "Input 'source-host' is the Aurora reader endpoint 'shop.cluster-ro-c9akciq32.us-east-1.rds.amazonaws.com'; use the cluster (writer) endpoint 'shop.cluster-c9akciq32.us-east-1.rds.amazonaws.com': the binlog position and DM replication need the writer."
  ],
  [
    'endpoint in another Region',
    { ...MIGRATE, 'source-host': 'shop.cluster-c9akciq32.eu-west-1.rds.amazonaws.com' },
    "Input 'source-host' is an endpoint in 'eu-west-1' but 'aws-region' is 'us-east-1'."
  ],
  [
    'endpoint of another cluster',
    { ...MIGRATE, 'cluster-identifier': 'billing' },
    "Input 'source-host' is an endpoint of cluster 'shop' but 'cluster-identifier' is 'billing'."
  ],
  [
    'Region in upper case',
    { ...MIGRATE, 'aws-region': 'US-EAST-1' },
    "Input 'aws-region' must be an AWS Region code such as us-east-1; got 'US-EAST-1'."
  ],
  [
    'Availability Zone instead of Region',
    { ...MIGRATE, 'aws-region': 'us-east-1a' },
    "Input 'aws-region' must be an AWS Region code such as us-east-1; got 'us-east-1a' (that is an Availability Zone; use the Region 'us-east-1')."
  ],
  [
    'migrate without source host',
    { ...MIGRATE, 'source-host': undefined },
    "Input 'source-host' is required when 'operation' is 'migrate': the Aurora MySQL writer endpoint."
  ],
  [
    'migrate without filter',
    { ...MIGRATE, filter: undefined },
    "Input 'filter' is required when 'operation' is 'migrate': the tables to migrate, e.g. mydb.*."
  ],
  [
    'plan without cluster or snapshot',
    { ...MIGRATE, operation: 'plan', 'cluster-identifier': undefined },
    "Input 'cluster-identifier' is required when 'operation' is 'plan' and 'snapshot-identifier' is empty: the cluster to snapshot and export."
  ],
  [
    'several problems at once',
    { ...MIGRATE, 'aws-region': undefined, 'kms-key-id': undefined, 'source-port': 'x' },
    "3 input problems:\n- Input 'aws-region' is required when 'operation' is 'migrate': the Region of the cluster and the bucket.\n- Input 'kms-key-id' is required when 'operation' is 'migrate': the KMS key that encrypts the export.\n- Input 'source-port' must be a TCP port from 1 to 65535; got 'x'."
  ],
  [
    'cluster identifier with an underscore',
    { ...MIGRATE, 'cluster-identifier': 'shop_db' },
    "Input 'cluster-identifier' must be a DB cluster identifier (1 to 63 letters, digits or hyphens, starting with a letter); got 'shop_db' (contains '_')."
  ],
  [
    'cluster identifier starting with a digit',
    { ...MIGRATE, 'cluster-identifier': '1shop' },
    "Input 'cluster-identifier' must be a DB cluster identifier (1 to 63 letters, digits or hyphens, starting with a letter); got '1shop' (does not start with a letter)."
  ],
  [
    'cluster identifier with a double hyphen',
    { ...MIGRATE, 'cluster-identifier': 'shop--1' },
    "Input 'cluster-identifier' must be a DB cluster identifier (1 to 63 letters, digits or hyphens, starting with a letter); got 'shop--1' (contains two consecutive hyphens)."
  ],
  [
    'endpoint as cluster identifier',
    { ...MIGRATE, 'cluster-identifier': ENDPOINT },
    `Input 'cluster-identifier' must be a DB cluster identifier (1 to 63 letters, digits or hyphens, starting with a letter); got '${ENDPOINT}' (that is an endpoint; the identifier is 'shop').`
  ],
  [
    'DB instance snapshot ARN',
    { ...MIGRATE, 'snapshot-identifier': 'arn:aws:rds:us-east-1:123456789012:snapshot:shop-1' },
    "Input 'snapshot-identifier' must be a DB cluster snapshot identifier, an automated snapshot (rds:…) or a cluster-snapshot ARN; got 'arn:aws:rds:us-east-1:123456789012:snapshot:shop-1' (that is a DB instance snapshot; Aurora exports a cluster snapshot)."
  ],
  [
    'snapshot in another Region',
    {
      ...MIGRATE,
      'snapshot-identifier': 'arn:aws:rds:us-west-2:123456789012:cluster-snapshot:shop-1'
    },
    "Input 'snapshot-identifier' is in 'us-west-2' but 'aws-region' is 'us-east-1': Aurora exports a snapshot in its own Region."
  ],
  [
    'role name instead of ARN',
    { ...MIGRATE, 'export-role-arn': 'rds-s3-export' },
    "Input 'export-role-arn' must be an IAM role ARN such as arn:aws:iam::123456789012:role/rds-s3-export; got 'rds-s3-export' (the full ARN, not the role name)."
  ],
  [
    'IAM user ARN',
    { ...MIGRATE, 'export-role-arn': 'arn:aws:iam::123456789012:user/deploy' },
    "Input 'export-role-arn' must be an IAM role ARN such as arn:aws:iam::123456789012:role/rds-s3-export; got 'arn:aws:iam::123456789012:user/deploy' (that is not a role (iam:user))."
  ],
  [
    'assumed-role session ARN',
    { ...MIGRATE, 'export-role-arn': 'arn:aws:sts::123456789012:assumed-role/deploy/gh' },
    "Input 'export-role-arn' must be an IAM role ARN such as arn:aws:iam::123456789012:role/rds-s3-export; got 'arn:aws:sts::123456789012:assumed-role/deploy/gh' (that is an assumed-role session; use the role ARN)."
  ],
  [
    'role ARN with a short account',
    { ...MIGRATE, 'export-role-arn': 'arn:aws:iam::12345:role/x' },
    "Input 'export-role-arn' must be an IAM role ARN such as arn:aws:iam::123456789012:role/rds-s3-export; got 'arn:aws:iam::12345:role/x' (the account ID has 12 digits)."
  ],
  [
    'role in the China partition',
    { ...MIGRATE, 'export-role-arn': 'arn:aws-cn:iam::123456789012:role/rds-s3-export' },
    "Input 'export-role-arn' is in partition 'aws-cn' but 'aws-region' 'us-east-1' is in 'aws'."
  ],
  [
    'alias written with a colon',
    { ...MIGRATE, 'kms-key-id': 'alias:aurora-export' },
    "Input 'kms-key-id' must be a KMS key ID, key ARN, alias name (alias/my-key) or alias ARN; got 'alias:aurora-export' (alias names are alias/<name>)."
  ],
  [
    'key in another Region',
    { ...MIGRATE, 'kms-key-id': KEY_ARN.replace('us-east-1', 'eu-west-1') },
    "Input 'kms-key-id' is in 'eu-west-1' but 'aws-region' is 'us-east-1': the export needs a KMS key in the Region of the cluster."
  ],
  [
    'S3 URI as HTTPS URL',
    { ...MIGRATE, 's3-uri': 'https://migration-bucket.s3.amazonaws.com/aurora' },
    "Input 's3-uri' must be an S3 URI such as s3://my-bucket/migrations; got 'https://migration-bucket.s3.amazonaws.com/aurora' (not an HTTP URL; write s3://<bucket>/<prefix>)."
  ],
  [
    'S3 bucket with upper case',
    { ...MIGRATE, 's3-uri': 's3://Migration_Bucket/x' },
    "Input 's3-uri' must be an S3 URI such as s3://my-bucket/migrations; got 's3://Migration_Bucket/x' (a bucket name has only lowercase letters, digits, dots and hyphens)."
  ],
  [
    'colon in the S3 prefix',
    { ...MIGRATE, 's3-uri': 's3://migration-bucket/run:1' },
    "Input 's3-uri' must be an S3 URI such as s3://my-bucket/migrations; got 's3://migration-bucket/run:1' (the prefix must not contain ':', which Aurora snapshot export does not support)."
  ],
  [
    's3a scheme',
    { ...MIGRATE, 's3-uri': 's3a://migration-bucket/x' },
    "Input 's3-uri' must be an S3 URI such as s3://my-bucket/migrations; got 's3a://migration-bucket/x' (the scheme is s3://)."
  ],
  [
    'empty prefix segment',
    { ...MIGRATE, 's3-uri': 's3://migration-bucket/a//b' },
    "Input 's3-uri' must be an S3 URI such as s3://my-bucket/migrations; got 's3://migration-bucket/a//b' (the prefix has an empty, '.' or '..' path segment)."
  ],
  [
    'S3 endpoint without scheme',
    { ...MIGRATE, 's3-endpoint': 'minio.internal:9000' },
    "Input 's3-endpoint' must be an http:// or https:// URL; got 'minio.internal:9000' (the scheme is missing; tools reject an endpoint without one)."
  ],
  [
    'S3 endpoint with credentials',
    { ...MIGRATE, 's3-endpoint': 'https://key:secret@minio.internal' },
    "Input 's3-endpoint' must be an http:// or https:// URL; got 'https://key:secret@minio.internal' (no credentials in the URL)."
  ],
  [
    'filter rule without a table part',
    { ...MIGRATE, filter: 'shop' },
    "Input 'filter' line 1 'shop' is not a valid rule: at <cmdline>:1: wrong table pattern (each rule is schema-pattern.table-pattern, e.g. mydb.* or mydb.orders)."
  ],
  [
    'shell-quoted filter rule',
    { ...MIGRATE, filter: "shop.*\n'audit.*'" },
    "Input 'filter' line 2 '\\'audit.*\\'' is not a valid rule: at <cmdline>:1: unexpected special character ''' (rules are not shell-quoted: remove the quotes)."
  ],
  [
    'hyphenated name unquoted',
    { ...MIGRATE, filter: 'my-shop.*' },
    "Input 'filter' line 1 'my-shop.*' is not a valid rule: at <cmdline>:1: unexpected special character '-' (quote names with other characters, e.g. `my-db`.*)."
  ],
  [
    'comma-separated rules on one line',
    { ...MIGRATE, filter: 'shop.*,audit.*' },
    "Input 'filter' line 1 'shop.*,audit.*' is not a valid rule: a rule must not contain ',': Dumpling's --filter flag is a comma-separated list and would split 'shop.*,audit.*' into several rules; write each rule on its own line (and a regular expression without {m,n})."
  ],
  [
    'filter file import',
    { ...MIGRATE, filter: '@rules.txt' },
    "Input 'filter' line 1 '@rules.txt' is not a valid rule: importing rules from a file ('@rules.txt') is not supported: the action has no file to point at; write the rules in the filter input, one per line."
  ],
  [
    'lookahead in a regexp rule',
    { ...MIGRATE, filter: '/^t[0-9]+((?!_copy).)*$/.*' },
    "Input 'filter' line 1 '/^t[0-9]+((?!_copy).)*$/.*' is not a valid rule: at <cmdline>:1: invalid pattern: error parsing regexp: invalid or unsupported Perl syntax: `(?!`."
  ],
  [
    'filter with only exclusions',
    { ...MIGRATE, filter: '!shop.tmp' },
    "Input 'filter' has only exclusion rules (starting with '!'), so it selects no table: the last matching rule wins and a table no rule matches is skipped. Start with an inclusion rule such as *.* or mydb.*."
  ],
  [
    'filter whose rules cancel out',
    { ...MIGRATE, filter: 'shop.orders\n!SHOP.orders' },
    "Input 'filter' selects no table: its exclusion rules remove every table its inclusion rules select."
  ],
  [
    'TiDB version without v',
    { ...MIGRATE, 'tidb-version': '8.5.2' },
    "Input 'tidb-version' must be a TiDB version such as v8.5.2; got '8.5.2' (write v8.5.2)."
  ],
  [
    'unknown TiUP version word',
    { ...MIGRATE, 'tiup-version': 'newest' },
    "Input 'tiup-version' must be auto, latest or a TiUP version such as 1.16.1; got 'newest'."
  ],
  [
    'FTP mirror',
    { ...MIGRATE, 'tiup-mirror': 'ftp://mirror.internal' },
    "Input 'tiup-mirror' must be an http:// or https:// URL or a local directory; got 'ftp://mirror.internal'."
  ],
  [
    'retired importer backend',
    { ...MIGRATE, 'lightning-backend': 'importer' },
    "Input 'lightning-backend' must be one of local, tidb; got 'importer'."
  ],
  [
    'checksum as boolean',
    { ...MIGRATE, checksum: 'true' },
    "Input 'checksum' must be one of required, optional, off; got 'true'."
  ],
  [
    'sorted-kv-dir with the tidb backend',
    { ...MIGRATE, 'lightning-backend': 'tidb', 'sorted-kv-dir': '/mnt/kv' },
    "Input 'sorted-kv-dir' is only used when 'lightning-backend' is 'local' (it is 'tidb')."
  ],
  [
    'pd-addr with the tidb backend',
    { ...MIGRATE, 'lightning-backend': 'tidb', 'pd-addr': 'pd:2379' },
    "Input 'pd-addr' is only used when 'lightning-backend' is 'local' (it is 'tidb')."
  ],
  [
    'PD address without port',
    { ...MIGRATE, 'pd-addr': 'pd-0.tidb' },
    "Input 'pd-addr' must be host:port, or several separated by commas (bracket IPv6 hosts: [2001:db8::1]:2379); got 'pd-0.tidb' ('pd-0.tidb' has no port)."
  ],
  [
    'PD address with scheme',
    { ...MIGRATE, 'pd-addr': 'http://pd-0.tidb:2379' },
    "Input 'pd-addr' must be host:port, or several separated by commas (bracket IPv6 hosts: [2001:db8::1]:2379); got 'http://pd-0.tidb:2379' (no scheme: 'http://pd-0.tidb:2379')."
  ],
  [
    'DM-master list with an empty entry',
    { ...STATUS, 'dm-master-addr': 'dm-0:8261,' },
    "Input 'dm-master-addr' must be host:port, or several separated by commas (bracket IPv6 hosts: [2001:db8::1]:2379); got 'dm-0:8261,' (empty address)."
  ],
  [
    'DM source ID too long',
    { ...MIGRATE, ...DM, 'dm-source-id': TOO_LONG },
    `Input 'dm-source-id' must be a DM source ID of at most 32 characters without spaces; got '${TOO_LONG}'.`
  ],
  [
    'DM task name with a space',
    { ...STATUS, 'dm-task-name': 'shop sync' },
    "Input 'dm-task-name' must be a DM task name (letters, digits, '_', '-' or '.', at most 64 characters); got 'shop sync'."
  ],
  [
    'safe-mode as yes',
    { ...MIGRATE, 'safe-mode': 'yes' },
    "Input 'safe-mode' must be true or false; got 'yes'."
  ],
  [
    'timeout with a unit',
    { ...MIGRATE, 'export-timeout-minutes': '2h' },
    "Input 'export-timeout-minutes' must be a whole number of minutes from 1 to 7200; got '2h'."
  ],
  [
    'zero timeout',
    { ...MIGRATE, 'import-timeout-minutes': '0' },
    "Input 'import-timeout-minutes' must be a whole number of minutes from 1 to 7200; got '0'."
  ],
  [
    'timeout beyond a job',
    { ...MIGRATE, 'snapshot-timeout-minutes': '7201' },
    "Input 'snapshot-timeout-minutes' must be a whole number of minutes from 1 to 7200; got '7201'."
  ],
  [
    'lag wait with migrate',
    { ...MIGRATE, ...DM, 'wait-for-lag-seconds': '5' },
    "Input 'wait-for-lag-seconds' is only used when 'operation' is 'status' (it is 'migrate')."
  ],
  [
    'negative lag',
    { ...STATUS, 'wait-for-lag-seconds': '-1' },
    "Input 'wait-for-lag-seconds' must be a whole number of seconds from 0 to 86400; got '-1'."
  ],
  [
    'lag wait on an export task only',
    {
      operation: 'status',
      'export-task-identifier': 'shop-export-1',
      'aws-region': 'us-east-1',
      'wait-for-lag-seconds': '5'
    },
    "Input 'wait-for-lag-seconds' needs 'dm-master-addr' and 'dm-task-name': it waits for the DM task's lag."
  ],
  [
    'status with nothing to report on',
    { operation: 'status' },
    "Input 'dm-master-addr' (with 'dm-task-name') or 'export-task-identifier' is required when 'operation' is 'status': what to report on."
  ],
  [
    'status with a DM-master but no task',
    { operation: 'status', 'dm-master-addr': '10.0.0.5:8261' },
    "Input 'dm-task-name' is required with 'dm-master-addr' when 'operation' is 'status': the DM task to report on."
  ],
  [
    'status on an export task without Region',
    { operation: 'status', 'export-task-identifier': 'shop-export-1' },
    "Input 'aws-region' is required when 'operation' is 'status' and 'export-task-identifier' is set: the Region of the export task."
  ],
  [
    'pause without DM-master',
    { operation: 'pause', 'dm-task-name': 'shop-sync' },
    "Input 'dm-master-addr' is required when 'operation' is 'pause': the DM-master that manages the task."
  ],
  [
    'stop without task',
    { operation: 'stop', 'dm-master-addr': '10.0.0.5:8261' },
    "Input 'dm-task-name' is required when 'operation' is 'stop': the DM task to stop."
  ],
  [
    'resume flag with status',
    { ...STATUS, resume: 'true' },
    "Input 'resume' is only used when 'operation' is 'migrate' or 'plan' (it is 'status')."
  ],
  [
    'SQL and status port equal',
    { ...MIGRATE, 'target-status-port': '4000' },
    "Inputs 'target-port' and 'target-status-port' are both 4000: TiDB serves SQL and its status API on different ports (by default 4000 and 10080)."
  ],
  [
    'target is the source',
    { ...MIGRATE, 'source-host': '10.0.0.7', 'target-host': '10.0.0.7', 'target-port': '3306' },
    "Inputs 'source-host'/'source-port' and 'target-host'/'target-port' are the same server (10.0.0.7:3306); the target must be the TiDB server."
  ],
  [
    'DM task name without DM-master',
    { ...MIGRATE, 'dm-task-name': 'shop-sync' },
    "Input 'dm-task-name' is set but 'dm-master-addr' is empty, so 'migrate' would start no DM task; set 'dm-master-addr' or remove 'dm-task-name'."
  ],
  [
    'retention gate without DM',
    { ...MIGRATE, 'fail-on-short-retention': 'true' },
    "Input 'fail-on-short-retention' is true but 'dm-master-addr' is empty: binlog retention only matters when DM replicates from the recorded position."
  ],
  [
    'run key with upper case',
    { ...MIGRATE, 'run-key': 'Shop-Run' },
    "Input 'run-key' must be lowercase letters, digits and single hyphens, starting with a letter, at most 40 characters; got 'Shop-Run'."
  ],
  [
    'run key with a double hyphen',
    { ...MIGRATE, 'run-key': 'shop--1' },
    "Input 'run-key' must be lowercase letters, digits and single hyphens, starting with a letter, at most 40 characters; got 'shop--1'."
  ],
  [
    'export task identifier with an underscore',
    { ...MIGRATE, 'export-task-identifier': 'export_1' },
    "Input 'export-task-identifier' must be an export task identifier (1 to 60 letters, digits or hyphens, starting with a letter); got 'export_1' (contains '_')."
  ],
  [
    'verify flag as maybe',
    { ...MIGRATE, 'fail-on-verify-mismatch': 'maybe' },
    "Input 'fail-on-verify-mismatch' must be true or false; got 'maybe'."
  ],
  [
    'user name with a newline',
    { ...MIGRATE, 'source-user': 'admin\nroot' },
    "Input 'source-user' must be a MySQL user name of at most 32 characters; got 'admin\\nroot'."
  ]
]

describe('readInputs: bad input sets', () => {
  test('the table holds at least 40 cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(40)
  })

  test.each(BAD)('%s', (_what, inputs, message) => {
    expect(errorOf(inputs)).toBe(message)
  })
})
