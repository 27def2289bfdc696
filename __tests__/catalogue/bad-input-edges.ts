// Bad input catalogue, part 3: empty and blank values, and near misses of valid values (a version without its patch
// number, an ARN without its name, a regexp that does not compile). Pure data, no jest; see bad-input-values.ts.
import { MIGRATE, STATUS, type BadInputRow } from './input-sets.js'

const HOST_RULE =
  'must be a host name or IP address without scheme or port (bracket IPv6 addresses: [2001:db8::1]); got'
const KMS_RULE =
  "Input 'kms-key-id' must be a KMS key ID, key ARN, alias name (alias/my-key) or alias ARN; got"

/** Empty values and near misses. */
export const BAD_EDGE_INPUTS: readonly BadInputRow[] = [
  [
    'source host of blanks only',
    { ...MIGRATE, 'source-host': '   ' },
    "Input 'source-host' is required when 'operation' is 'migrate': the Aurora MySQL writer endpoint."
  ],
  [
    'empty target host',
    { ...MIGRATE, 'target-host': '' },
    "Input 'target-host' is required when 'operation' is 'migrate': the TiDB server to import into."
  ],
  [
    'empty source user',
    { ...MIGRATE, 'source-user': '' },
    "Input 'source-user' is required when 'operation' is 'migrate': the MySQL user that dumps the schema and reads the binlog position."
  ],
  [
    'filter of only comments and blank lines',
    { ...MIGRATE, filter: '\n# shop.*\n  \n' },
    "Input 'filter' is required when 'operation' is 'migrate': the tables to migrate, e.g. mydb.*."
  ],
  [
    'IPv6 host with a bad group',
    { ...MIGRATE, 'target-host': '[2001:db8::zz]' },
    `Input 'target-host' ${HOST_RULE} '[2001:db8::zz]' (not a valid IPv6 address).`
  ],
  [
    'port with a fraction',
    { ...MIGRATE, 'source-port': '3306.5' },
    "Input 'source-port' must be a TCP port from 1 to 65535; got '3306.5'."
  ],
  [
    'target user longer than MySQL allows',
    { ...MIGRATE, 'target-user': 'u'.repeat(40) },
    `Input 'target-user' must be a MySQL user name of at most 32 characters; got '${'u'.repeat(40)}'.`
  ],
  [
    'two operations in one',
    { ...MIGRATE, operation: 'migrate plan' },
    "Input 'operation' must be one of migrate, plan, status, pause, resume, stop, verify; got 'migrate plan'."
  ],
  [
    'made-up Region',
    { ...MIGRATE, 'aws-region': 'mars-1' },
    "Input 'aws-region' must be an AWS Region code such as us-east-1; got 'mars-1'."
  ],
  [
    'role ARN without the role name',
    { ...MIGRATE, 'export-role-arn': 'arn:aws:iam::123456789012:role/' },
    "Input 'export-role-arn' must be an IAM role ARN such as arn:aws:iam::123456789012:role/rds-s3-export; got 'arn:aws:iam::123456789012:role/' (the role name after role/ is missing)."
  ],
  [
    'key ARN without the key ID',
    { ...MIGRATE, 'kms-key-id': 'arn:aws:kms:us-east-1:123456789012:key/' },
    `${KMS_RULE} 'arn:aws:kms:us-east-1:123456789012:key/'.`
  ],
  ['key name with a space', { ...MIGRATE, 'kms-key-id': 'my key' }, `${KMS_RULE} 'my key'.`],
  [
    'S3 URI without a bucket',
    { ...MIGRATE, 's3-uri': 's3://' },
    "Input 's3-uri' must be an S3 URI such as s3://my-bucket/migrations; got 's3://' (a bucket name has 3 to 63 characters)."
  ],
  [
    'S3 endpoint with an FTP URL',
    { ...MIGRATE, 's3-endpoint': 'ftp://x' },
    "Input 's3-endpoint' must be an http:// or https:// URL; got 'ftp://x'."
  ],
  [
    'snapshot identifier with an underscore',
    { ...MIGRATE, 'snapshot-identifier': 'shop_snap' },
    "Input 'snapshot-identifier' must be a DB cluster snapshot identifier, an automated snapshot (rds:…) or a cluster-snapshot ARN; got 'shop_snap' (contains '_')."
  ],
  [
    'filter with an open character class',
    { ...MIGRATE, filter: 'shop.[a-' },
    "Input 'filter' line 1 'shop.[a-' is not a valid rule: at <cmdline>:1: syntax error: failed to parse character class."
  ],
  [
    'filter regexp with an unclosed group',
    { ...MIGRATE, filter: '/(/.*' },
    "Input 'filter' line 1 '/(/.*' is not a valid rule: at <cmdline>:1: invalid pattern: error parsing regexp: missing closing ): `(`."
  ],
  [
    'TiDB version without the patch number',
    { ...MIGRATE, 'tidb-version': 'v8.5' },
    "Input 'tidb-version' must be a TiDB version such as v8.5.2; got 'v8.5'."
  ],
  [
    'TiDB version latest (not pinned)',
    { ...MIGRATE, 'tidb-version': 'latest' },
    "Input 'tidb-version' must be a TiDB version such as v8.5.2; got 'latest'."
  ],
  [
    'DM-master address without a port',
    { ...STATUS, 'dm-master-addr': 'dm-master' },
    "Input 'dm-master-addr' must be host:port, or several separated by commas (bracket IPv6 hosts: [2001:db8::1]:2379); got 'dm-master' ('dm-master' has no port)."
  ],
  [
    'lag gate longer than a day',
    { ...STATUS, 'wait-for-lag-seconds': '90000' },
    "Input 'wait-for-lag-seconds' must be a whole number of seconds from 0 to 86400; got '90000'."
  ]
]
