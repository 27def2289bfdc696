// Bad input catalogue, part 2: tool, import, DM and timeout inputs, and combinations of inputs that conflict or
// need each other (per operation). Pure data, no jest; see bad-input-values.ts for the format.
import { DM, MIGRATE, STATUS, TOO_LONG, type BadInputRow } from './input-sets.js'

/** Bad tool, import, DM and timeout inputs, and conflicting or incomplete combinations. */
export const BAD_OPTION_INPUTS: readonly BadInputRow[] = [
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
    'upload-logs as boolean',
    { ...MIGRATE, 'upload-logs': 'true' },
    "Input 'upload-logs' must be one of on-failure, always, never; got 'true'."
  ],
  [
    'skipped-tables as boolean',
    { ...MIGRATE, 'skipped-tables': 'true' },
    "Input 'skipped-tables' must be one of copy, fail, exclude; got 'true'."
  ],
  [
    'skipped-tables with a word of another input',
    { ...MIGRATE, 'skipped-tables': 'warn' },
    "Input 'skipped-tables' must be one of copy, fail, exclude; got 'warn'."
  ],
  [
    'unsupported-objects as boolean',
    { ...MIGRATE, 'unsupported-objects': 'false' },
    "Input 'unsupported-objects' must be one of warn, fail; got 'false'."
  ],
  [
    'unsupported-objects with a word TiDB tools use elsewhere',
    { ...MIGRATE, 'unsupported-objects': 'skip' },
    "Input 'unsupported-objects' must be one of warn, fail; got 'skip'."
  ],
  [
    'verify operation without a filter',
    {
      operation: 'verify',
      'source-host': 'aurora.internal',
      'source-user': 'admin',
      'target-host': 'tidb.internal'
    },
    "Input 'filter' is required when 'operation' is 'verify': the tables to compare, e.g. mydb.*."
  ],
  [
    'restore-snapshot as yes',
    { ...MIGRATE, 'restore-snapshot': 'yes' },
    "Input 'restore-snapshot' must be one of auto, true, false; got 'yes'."
  ],
  [
    'keep-restored-copy as keep',
    { ...MIGRATE, 'keep-restored-copy': 'keep' },
    "Input 'keep-restored-copy' must be true or false; got 'keep'."
  ],
  [
    'restore-instance-class without db.',
    { ...MIGRATE, 'restore-instance-class': 't4g.medium' },
    "Input 'restore-instance-class' must be a DB instance class such as db.t4g.medium or db.r6g.large; got 't4g.medium'."
  ],
  [
    'restore-security-groups by name',
    { ...MIGRATE, 'restore-security-groups': 'sg-0123abcd, default' },
    "Input 'restore-security-groups' must be VPC security group ids such as sg-0123456789abcdef0, separated by commas; got 'sg-0123abcd, default' ('default' is not a security group id)."
  ],
  [
    'restore-subnet-group with a slash',
    { ...MIGRATE, 'restore-subnet-group': 'vpc/private' },
    "Input 'restore-subnet-group' must be a DB subnet group name (letters, digits, . _ - and spaces); got 'vpc/private'."
  ],
  [
    'restore-parameter-group with an underscore',
    { ...MIGRATE, 'restore-parameter-group': 'binlog_on' },
    "Input 'restore-parameter-group' must be a DB cluster parameter group name (letters, digits and hyphens, starting with a letter); got 'binlog_on' (contains '_')."
  ],
  [
    'verify as rows',
    { ...MIGRATE, verify: 'rows' },
    "Input 'verify' must be one of counts, checksum; got 'rows'."
  ],
  [
    'verify checksum without a restored copy',
    { ...MIGRATE, verify: 'checksum', 'restore-snapshot': 'false' },
    "Input 'verify' is 'checksum' but 'restore-snapshot' is 'false': a migrate compares checksums against a restored copy of the snapshot (the export's own state). Set restore-snapshot to auto or true, or verify to counts."
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
    'safe-mode-duration without a unit',
    { ...MIGRATE, 'safe-mode-duration': '90' },
    "Input 'safe-mode-duration' must be a duration in Go's format such as 60s, 5m or 1h30m (units ns, us, ms, s, m, h); got '90'."
  ],
  [
    'safe-mode-duration in days',
    { ...MIGRATE, 'safe-mode-duration': '1d' },
    "Input 'safe-mode-duration' must be a duration in Go's format such as 60s, 5m or 1h30m (units ns, us, ms, s, m, h); got '1d'."
  ],
  [
    'safe-mode-duration negative',
    { ...MIGRATE, 'safe-mode-duration': '-5m' },
    "Input 'safe-mode-duration' must be a duration in Go's format such as 60s, 5m or 1h30m (units ns, us, ms, s, m, h); got '-5m' (it cannot be negative)."
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
