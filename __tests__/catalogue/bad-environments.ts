// The bad-environment catalogue (the part that is not a pure input error): each case breaks one thing
// in the sandbox or in the action's environment and names the precheck that must fail and what its message must say.
// Pure data plus the setup functions that break the sandbox (no jest globals): e2e/bad-environments.test.ts runs
// each through the migrate graph; the README's "Reliability" section counts them. Each case undoes what it set up.
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { FaultName } from '../../sandbox/lib/faults.js'
import { freePort } from '../../sandbox/lib/ports.js'
import type { Sandbox } from '../../sandbox/index.js'

/** One bad environment. */
export interface BadEnvironment {
  readonly name: string
  /** Input overrides (names without INPUT_, e.g. `filter`), resolved once the sandbox is up. */
  readonly inputs?: (sb: Sandbox) => Promise<Record<string, string>> | Record<string, string>
  /** Process environment overrides for the run (AWS credentials, endpoints); undefined removes a variable. */
  readonly env?: (
    sb: Sandbox
  ) => Promise<Record<string, string | undefined>> | Record<string, string | undefined>
  readonly fault?: FaultName
  /** Changes the sandbox before the run; returns what undoes it. */
  readonly setup?: (sb: Sandbox) => Promise<() => Promise<void>>
  /** The check that must fail. */
  readonly check: string
  /** What the run's message must say (the fix, in the user's terms). */
  readonly message: RegExp
}

const sourceRoot = (sb: Sandbox, sql: string) => sb.source.query(sql)

/** A plain file in the sandbox's folder, where the run expects a directory. */
const aFile = (sb: Sandbox, name: string): string => {
  const file = path.join(sb.dir, name)
  writeFileSync(file, 'not a directory\n')
  return file
}
const targetRoot = (sb: Sandbox, sql: string) => sb.target.query(sql)

/** Sets a global variable on the source and restores it afterwards. */
const sourceVariable = (name: string, value: string) => async (sb: Sandbox) => {
  const [row] = (await sourceRoot(sb, `SELECT @@GLOBAL.${name} AS v`)) as { v: unknown }[]
  const before = String(row?.v)
  await sourceRoot(sb, `SET GLOBAL ${name} = '${value}'`)
  return async () => void (await sourceRoot(sb, `SET GLOBAL ${name} = '${before}'`))
}

/** Aurora's retention setting, restored to the sandbox's 24 h afterwards. */
const retention = (hours: number | null) => async (sb: Sandbox) => {
  await sourceRoot(
    sb,
    `CALL mysql.rds_set_configuration('binlog retention hours', ${hours === null ? 'NULL' : hours})`
  )
  return async () =>
    void (await sourceRoot(sb, `CALL mysql.rds_set_configuration('binlog retention hours', 24)`))
}

const noCredentials = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_ROLE_ARN: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_EC2_METADATA_DISABLED: 'true'
}

const closedUrl = async () => `http://127.0.0.1:${await freePort()}`

/** Every bad environment, one failing precheck each. */
export const BAD_ENVIRONMENTS: readonly BadEnvironment[] = [
  {
    name: 'wrong source password',
    inputs: () => ({ 'source-password': 'not-the-password' }),
    check: 'source.connect',
    message:
      /Cannot connect to the source.*check inputs source-host, source-port, source-user, source-password.*Access denied/s
  },
  {
    name: 'source unreachable',
    inputs: async () => ({ 'source-port': String(await freePort()) }),
    check: 'source.connect',
    message: /Cannot connect to the source .*ECONNREFUSED/s
  },
  {
    name: 'source user without REPLICATION CLIENT',
    setup: async (sb) => {
      await sourceRoot(sb, "CREATE USER 'weak'@'127.0.0.1' IDENTIFIED BY 'weak-pw'")
      await sourceRoot(sb, "GRANT SELECT ON *.* TO 'weak'@'127.0.0.1'")
      return async () => void (await sourceRoot(sb, "DROP USER 'weak'@'127.0.0.1'"))
    },
    inputs: () => ({ 'source-user': 'weak', 'source-password': 'weak-pw' }),
    check: 'source.binlog-status',
    message: /SHOW MASTER STATUS works for this user: .*grant REPLICATION CLIENT/
  },
  {
    name: 'source user without privileges on databases the filter names',
    setup: async (sb) => {
      await sourceRoot(sb, "CREATE USER 'noselect'@'127.0.0.1' IDENTIFIED BY 'pw'")
      await sourceRoot(
        sb,
        "GRANT BINLOG MONITOR, REPLICATION SLAVE, PROCESS ON *.* TO 'noselect'@'127.0.0.1'"
      )
      await sourceRoot(sb, "GRANT SELECT ON shop.* TO 'noselect'@'127.0.0.1'")
      return async () => void (await sourceRoot(sb, "DROP USER 'noselect'@'127.0.0.1'"))
    },
    inputs: () => ({ 'source-user': 'noselect', 'source-password': 'pw' }),
    check: 'selection.named-databases',
    message: /Input 'filter' names `analytics`, `crm`, which the source user cannot see/
  },
  {
    name: 'binary log off',
    fault: 'binlog-off',
    setup: async (sb) => {
      await sb.restartSource()
      return async () => {
        sb.clearFaults('binlog-off')
        await sb.restartSource()
      }
    },
    check: 'source.binlog',
    message:
      /The binary log is off.*Set binlog_format=ROW in the DB cluster parameter group 'sandbox-aurora-binlog'/s
  },
  {
    name: 'binlog_format STATEMENT with DM',
    setup: sourceVariable('binlog_format', 'STATEMENT'),
    check: 'source.binlog-format',
    message: /binlog_format is STATEMENT, DM needs ROW/
  },
  {
    name: 'binlog_row_image MINIMAL with DM',
    setup: sourceVariable('binlog_row_image', 'MINIMAL'),
    check: 'source.binlog-row-image',
    message: /binlog_row_image is MINIMAL, DM needs FULL/
  },
  {
    name: 'retention too short with fail-on-short-retention',
    setup: retention(1),
    inputs: () => ({ 'fail-on-short-retention': 'true' }),
    check: 'source.binlog-retention',
    message:
      /'binlog retention hours' is 1, shorter than .*CALL mysql\.rds_set_configuration\('binlog retention hours', \d+\)/s
  },
  {
    name: "Aurora's NULL retention with fail-on-short-retention",
    setup: retention(null),
    inputs: () => ({ 'fail-on-short-retention': 'true' }),
    check: 'source.binlog-retention',
    message: /is NULL \(Aurora's default/
  },
  {
    name: 'filter selecting nothing',
    inputs: () => ({ filter: 'nosuchdb.*' }),
    check: 'selection.tables',
    message:
      /Input 'filter' \(nosuchdb\.\*\) selects no table on the source.*Databases there: .*`shop`/s
  },
  {
    name: 'a BIT column in the selection',
    inputs: () => ({ filter: 'legacy.*' }),
    check: 'selection.bit-columns',
    message: /`legacy`\.`flags` \(bits\)/
  },
  {
    name: 'two tables whose names differ only in case',
    setup: async (sb) => {
      await sourceRoot(sb, 'CREATE DATABASE casedb')
      await sourceRoot(sb, 'CREATE TABLE casedb.Items (id INT PRIMARY KEY)')
      await sourceRoot(sb, 'CREATE TABLE casedb.items (id INT PRIMARY KEY)')
      return async () => void (await sourceRoot(sb, 'DROP DATABASE casedb'))
    },
    inputs: () => ({ filter: 'casedb.*' }),
    check: 'selection.case-collisions',
    message: /`casedb`\.`Items` and `casedb`\.`items`/
  },
  {
    name: 'target table not empty',
    setup: async (sb) => {
      await targetRoot(sb, 'CREATE DATABASE shop')
      await targetRoot(sb, 'CREATE TABLE shop.orders (id INT PRIMARY KEY)')
      await targetRoot(sb, 'INSERT INTO shop.orders VALUES (1)')
      return async () => void (await targetRoot(sb, 'DROP DATABASE shop'))
    },
    check: 'target.tables',
    message: /Rows already on the target in `shop`\.`orders`/
  },
  {
    name: 'pre-created empty target table with a narrower column',
    setup: async (sb) => {
      await targetRoot(sb, 'CREATE DATABASE shop')
      await targetRoot(sb, 'CREATE TABLE shop.orders (id TINYINT PRIMARY KEY)')
      return async () => void (await targetRoot(sb, 'DROP DATABASE shop'))
    },
    check: 'target.columns',
    message:
      /Columns narrower than the source's \(or missing\) in tables already on the target: `shop`\.`orders`: `id` tinyint(\(\d+\))? on the target, \w+(\(\d+\))?( unsigned)? on the source/
  },
  {
    name: 'wrong target password',
    inputs: () => ({ 'target-password': 'nope' }),
    check: 'target.connect',
    message: /Cannot connect to the target \(TiDB\).*target-password.*Access denied/s
  },
  {
    name: 'target unreachable',
    inputs: async () => ({ 'target-port': String(await freePort()) }),
    check: 'target.connect',
    message: /Cannot connect to the target \(TiDB\).*ECONNREFUSED/s
  },
  {
    name: 'TiDB status port unreachable (local backend, no pd-addr)',
    inputs: async () => ({ 'target-status-port': String(await freePort()), 'pd-addr': '' }),
    check: 'target.version',
    message: /status failed: .*check 'target-status-port'.*or set 'pd-addr'/s
  },
  {
    name: 'no AWS credentials',
    env: () => noCredentials,
    check: 'aws.credentials',
    message:
      /The AWS SDK found no usable credentials \(Could not load credentials from any providers\).*configure-aws-credentials/s
  },
  {
    name: 'RDS endpoint unreachable',
    env: async () => ({ AWS_ENDPOINT_URL_RDS: await closedUrl() }),
    check: 'aws.cluster',
    message: /Could not look up cluster 'sandbox-aurora': cannot reach AWS/
  },
  {
    name: 'unknown cluster',
    inputs: () => ({ 'cluster-identifier': 'no-such-cluster' }),
    check: 'aws.cluster',
    message: /DBCluster no-such-cluster not found\. — check 'cluster-identifier' and 'aws-region'/
  },
  {
    name: 'unknown snapshot to reuse',
    inputs: () => ({ 'snapshot-identifier': 'no-such-snapshot' }),
    check: 'aws.snapshot',
    message: /DBClusterSnapshot not found: no-such-snapshot — check 'snapshot-identifier'/
  },
  {
    name: 'unknown bucket',
    inputs: () => ({ 's3-uri': 's3://no-such-bucket/migrations' }),
    check: 'aws.bucket',
    message: /The specified bucket does not exist — check the bucket in 's3-uri'/
  },
  {
    name: 'S3 endpoint unreachable',
    inputs: async () => ({ 's3-endpoint': await closedUrl() }),
    check: 'aws.bucket',
    message: /Could not look up bucket 'sandbox-migrations': cannot reach AWS/
  },
  {
    name: 'bucket in another Region than the cluster',
    inputs: () => ({ 'aws-region': 'eu-west-1', 'kms-key-id': 'alias/sandbox-export' }),
    check: 'aws.bucket',
    message: /Bucket 'sandbox-migrations' is in us-east-1 but the cluster is in eu-west-1/
  },
  {
    name: 'unknown export role',
    inputs: () => ({ 'export-role-arn': 'arn:aws:iam::123456789012:role/no-such-role' }),
    check: 'aws.export-role',
    message: /The role with name no-such-role cannot be found\. — check 'export-role-arn'/
  },
  {
    name: 'export role that does not trust RDS exports',
    fault: 'iam-role-untrusted',
    check: 'aws.export-role',
    message: /trusts ec2\.amazonaws\.com, not export\.rds\.amazonaws\.com/
  },
  {
    name: 'unknown KMS key',
    inputs: () => ({ 'kms-key-id': randomUUID() }),
    check: 'aws.kms-key',
    message:
      /Key 'arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]+' does not exist — check 'kms-key-id'/
  },
  {
    name: 'unknown KMS alias',
    inputs: () => ({ 'kms-key-id': 'alias/no-such-key' }),
    check: 'aws.kms-key',
    message: /Alias arn:aws:kms:us-east-1:123456789012:alias\/no-such-key is not found\./
  },
  {
    name: 'disabled KMS key',
    fault: 'kms-key-disabled',
    check: 'aws.kms-key',
    message: /it is Disabled \(enable it\)/
  },
  {
    name: 'RUNNER_TEMP that is a file',
    env: (sb) => ({ RUNNER_TEMP: aFile(sb, 'runner-temp-is-a-file') }),
    check: 'runner.temp-dir',
    message:
      /RUNNER_TEMP: \S+runner-temp-is-a-file is not a directory\. The action writes its tool configs/
  },
  {
    name: 'sorted-kv-dir under a file',
    inputs: (sb) => ({ 'sorted-kv-dir': path.join(aFile(sb, 'kv-parent-is-a-file'), 'kv') }),
    check: 'runner.sorted-kv-disk',
    message:
      /sorted-kv-dir: \S+kv-parent-is-a-file is not a directory\. Point 'sorted-kv-dir' at a writable directory/
  }
]
