// Bad input catalogue, part 1: one input with a malformed value (operations, ports, hosts, Regions, identifiers,
// ARNs, KMS key ids, S3 URIs, filters) and inputs a migrate needs but lacks. Pure data, no jest: the README's
// "Reliability" section counts it, inputs.test.ts checks every message, e2e/bad-inputs-action.test.ts runs the
// action on each. Each case is [what is wrong, the step's `with:` (undefined = not set), the exact message].
import { ENDPOINT, KEY_ARN, MIGRATE, type BadInputRow } from './input-sets.js'

/** Malformed single inputs and missing required ones. */
export const BAD_VALUE_INPUTS: readonly BadInputRow[] = [
  [
    'operation in the wrong case',
    { ...MIGRATE, operation: 'Migrate' },
    "Input 'operation' must be one of migrate, plan, status, pause, resume, stop, verify; got 'Migrate' (did you mean 'migrate'?)."
  ],
  [
    'unknown operation',
    { ...MIGRATE, operation: 'sync' },
    "Input 'operation' must be one of migrate, plan, status, pause, resume, stop, verify; got 'sync'."
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
  ]
]
