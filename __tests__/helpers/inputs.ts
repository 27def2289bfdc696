import type { Inputs, Operation } from '../../src/inputs/types.js'
import { parseFilter } from '../../src/table-filter/parse.js'

/** A complete, valid Inputs object for tests that do not go through readInputs. */
export function fakeInputs(operation: Operation = 'migrate'): Inputs {
  return {
    operation,
    source: { host: '127.0.0.1', port: 3306, user: 'admin', password: 'source-secret' },
    target: {
      host: '127.0.0.1',
      port: 4000,
      user: 'root',
      password: 'target-secret',
      statusPort: 10080,
      pdAddr: undefined
    },
    aws: {
      region: 'us-east-1',
      clusterIdentifier: 'aurora-1',
      snapshotIdentifier: undefined,
      exportRoleArn: 'arn:aws:iam::123456789012:role/export',
      kmsKeyId: 'alias/export',
      s3: { uri: 's3://bucket/prefix', bucket: 'bucket', prefix: 'prefix' },
      s3Endpoint: undefined,
      exportTaskIdentifier: undefined
    },
    filter: parseFilter(['shop.*']),
    tools: {
      tidbVersion: 'v8.5.2',
      tiupVersion: 'auto',
      tiupMirror: 'https://tiup-mirrors.pingcap.com'
    },
    import: { backend: 'local', sortedKvDir: undefined, checksum: 'required' },
    dm: { masterAddr: undefined, sourceId: 'aurora', taskName: undefined, safeMode: false },
    timeouts: { snapshotMs: 1, exportMs: 1, importMs: 1, dmSyncMs: 1 },
    waitForLagSeconds: undefined,
    waitTimeoutMs: 1,
    failOnShortRetention: true,
    failOnVerifyMismatch: true,
    uploadLogs: 'on-failure',
    unsupportedObjects: 'warn',
    skippedTables: 'copy',
    resume: false,
    restore: {
      mode: 'false',
      keep: false,
      instanceClass: undefined,
      subnetGroup: undefined,
      securityGroupIds: undefined,
      parameterGroup: undefined
    },
    verify: undefined,
    runKey: 'test-run'
  }
}
