import { afterAll, afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { hostname } from 'node:os'
import { INPUT_DEFAULTS } from '../../src/inputs/rules.js'
import { readInputs } from '../../src/inputs/read.js'
import type { Inputs } from '../../src/inputs/types.js'
import { InputError } from '../../src/inputs/input-error.js'
import { actionDefaults, setInputs } from '../helpers/action-inputs.js'
import { caught } from '../helpers/caught.js'
import { BAD_INPUTS } from '../catalogue/bad-inputs.js'
import { DM, ENDPOINT, KEY_ARN, MIGRATE, ROLE_ARN, STATUS } from '../catalogue/input-sets.js'
import { parseFilter } from '../../src/table-filter/parse.js'

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
      'safe-mode-duration': '1h30m',
      'snapshot-timeout-minutes': '90',
      'export-timeout-minutes': '600',
      'import-timeout-minutes': '1440',
      'dm-sync-timeout-minutes': '20',
      'wait-timeout-minutes': '45',
      'fail-on-short-retention': 'TRUE',
      'fail-on-verify-mismatch': 'false',
      resume: 'true',
      'upload-logs': 'always',
      'unsupported-objects': 'fail',
      'restore-snapshot': 'true',
      'keep-restored-copy': 'true',
      'restore-instance-class': 'db.r6g.large',
      'restore-subnet-group': 'private subnets',
      'restore-security-groups': 'sg-0123456789abcdef0, sg-0fedcba9876543210',
      'restore-parameter-group': 'binlog-row',
      verify: 'checksum',
      'skipped-tables': 'exclude',
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
      filter: parseFilter(['shop.*', '!shop.tmp_*', 'audit.events']),
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
        safeMode: false,
        safeModeDuration: '1h30m'
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
      restore: {
        mode: 'true',
        keep: true,
        instanceClass: 'db.r6g.large',
        subnetGroup: 'private subnets',
        securityGroupIds: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'],
        parameterGroup: 'binlog-row'
      },
      verify: 'checksum',
      uploadLogs: 'always',
      unsupportedObjects: 'fail',
      skippedTables: 'exclude',
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

  test('two jobs of one run, or two matrix legs with another filter, never share a key', () => {
    process.env['GITHUB_JOB'] = 'migrate'
    setInputs(MIGRATE)
    const first = readInputs().runKey
    expect(first).toMatch(/^gh-987654321-migrate-[0-9a-f]{8}$/)
    setInputs({ ...MIGRATE, filter: 'crm.*' })
    expect(readInputs().runKey).not.toBe(first)
    setInputs({ ...MIGRATE, 's3-uri': 's3://other-bucket/migrations' })
    expect(readInputs().runKey).not.toBe(first)
    setInputs(MIGRATE)
    process.env['GITHUB_JOB'] = 'migrate-again'
    expect(readInputs().runKey).not.toBe(first)
    delete process.env['GITHUB_JOB']
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
      'dm-master-addr': '[2001:db8::5]:8261',
      // A reused snapshot with DM: the position SHOW MASTER STATUS printed when it was taken.
      'binlog-file': 'mysql-bin-changelog.000123',
      'binlog-position': '4512',
      'binlog-gtid':
        '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5, 3E11FA47-71CA-11E1-9E33-C80AA9429563:1-9:11'
    })
    const inputs = readInputs()
    expect([inputs.source.host, inputs.target.host]).toEqual(['2001:db8::10', '::1'])
    expect(inputs.dm.masterAddr).toBe('[2001:db8::5]:8261')
    expect(inputs.dm.start).toEqual({
      file: 'mysql-bin-changelog.000123',
      position: 4512,
      gtid: '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5,3E11FA47-71CA-11E1-9E33-C80AA9429563:1-9:11'
    })
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
      expect([inputs.source.host, inputs.aws.region, inputs.filter.rules]).toEqual(['', '', []])
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
      inputs.filter.rules,
      inputs.tools
    ]
    expect(nested.every((o) => Object.isFrozen(o))).toBe(true)
    expect(() => {
      ;(inputs.source as { port: number }).port = 1
    }).toThrow(TypeError)
    expect(() => (inputs.filter.rules as unknown[]).push('x.y')).toThrow(TypeError)
  })
})

describe('readInputs: bad input sets (the catalogue in catalogue/bad-inputs.ts)', () => {
  test('the catalogue holds at least 60 cases, each with a distinct name', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(60)
    expect(new Set(BAD_INPUTS.map((c) => c.name)).size).toBe(BAD_INPUTS.length)
  })

  test.each(BAD_INPUTS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(errorOf(c.inputs)).toBe(c.message)
  })
})
