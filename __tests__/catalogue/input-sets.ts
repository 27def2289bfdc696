// The good input sets the bad-input catalogue breaks one thing at a time, shared with inputs.test.ts. Pure data.

/** A KMS key ARN in us-east-1. */
export const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
/** The export role's ARN. */
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/rds-s3-export'
/** An Aurora writer endpoint of cluster `shop` in us-east-1. */
export const ENDPOINT = 'shop.cluster-c9akciq32.us-east-1.rds.amazonaws.com'
/** One character more than a DM source ID may have. */
export const TOO_LONG = 'a'.repeat(33)

/** What a typical `migrate` step sets in `with:`. */
export const MIGRATE: Readonly<Record<string, string>> = {
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
/** The DM inputs of a migrate with replication, or of a DM operation. */
export const DM: Readonly<Record<string, string>> = {
  'dm-master-addr': '10.0.0.5:8261',
  'dm-task-name': 'shop-sync'
}
/** A `status` step on the DM task. */
export const STATUS: Readonly<Record<string, string>> = { operation: 'status', ...DM }

/** One bad input set: [what is wrong, the step's `with:` (undefined: not set), the exact message]. */
export type BadInputRow = readonly [
  name: string,
  inputs: Readonly<Record<string, string | undefined>>,
  message: string
]
