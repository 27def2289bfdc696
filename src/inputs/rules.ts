/**
 * The rules that relate inputs to each other: defaults, what each operation requires, and the combinations a user
 * gets wrong. Pure functions over already-parsed values, so they are tested without an environment; `readInputs()`
 * applies them before anything has a side effect.
 */
import { createHash } from 'node:crypto'
import { dmEnabled, type Inputs, type Operation } from './types.js'
import { partitionOf, type Arn } from './aws-parsers.js'
import { formatHostPort } from './parsers.js'
import { filterRules } from '../table-filter/parse.js'

/** The defaults of action.yml, applied in code too so a run without the runner (local, tests) behaves the same. */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  operation: 'migrate',
  'source-port': '3306',
  'target-port': '4000',
  'target-user': 'root',
  'target-status-port': '10080',
  'tidb-version': 'v8.5.2',
  'tiup-version': 'auto',
  'tiup-mirror': 'https://tiup-mirrors.pingcap.com',
  'lightning-backend': 'local',
  checksum: 'required',
  'dm-source-id': 'aurora-source',
  'safe-mode': 'true',
  'snapshot-timeout-minutes': '60',
  'export-timeout-minutes': '480',
  'import-timeout-minutes': '720',
  'dm-sync-timeout-minutes': '15',
  'wait-timeout-minutes': '30',
  'fail-on-short-retention': 'false',
  'fail-on-verify-mismatch': 'true',
  resume: 'false',
  'upload-logs': 'on-failure',
  'unsupported-objects': 'warn',
  'restore-snapshot': 'auto',
  'keep-restored-copy': 'false',
  'skipped-tables': 'copy'
}

/** What `migrate` (and `plan`, which checks everything `migrate` would do) needs, and why. */
const MIGRATE_NEEDS: readonly [string, string][] = [
  ['source-host', 'the Aurora MySQL writer endpoint'],
  ['source-user', 'the MySQL user that dumps the schema and reads the binlog position'],
  ['target-host', 'the TiDB server to import into'],
  ['aws-region', 'the Region of the cluster and the bucket'],
  ['s3-uri', 'where the schema, the export and the run state are written'],
  ['export-role-arn', 'the IAM role RDS assumes to write the export'],
  ['kms-key-id', 'the KMS key that encrypts the export'],
  ['filter', 'the tables to migrate, e.g. mydb.*']
]

/** What `verify` needs: both databases and the tables to compare. */
const VERIFY_NEEDS: readonly [string, string][] = [
  ['source-host', 'the Aurora MySQL writer endpoint to compare with'],
  ['source-user', 'the MySQL user that reads the source tables'],
  ['target-host', 'the TiDB server to compare'],
  ['filter', 'the tables to compare, e.g. mydb.*']
]

const DM_OPERATIONS: readonly Operation[] = ['pause', 'resume', 'stop']

/**
 * The inputs the operation needs that are empty, one message each.
 * @param has whether an input has a (non-empty) value
 */
export function missingInputs(operation: Operation, has: (input: string) => boolean): string[] {
  const when = `when 'operation' is '${operation}'`
  const problems: string[] = []
  if (operation === 'migrate' || operation === 'plan') {
    for (const [input, why] of MIGRATE_NEEDS) {
      if (!has(input)) problems.push(`Input '${input}' is required ${when}: ${why}.`)
    }
    if (!has('cluster-identifier') && !has('snapshot-identifier')) {
      problems.push(
        `Input 'cluster-identifier' is required ${when} and 'snapshot-identifier' is empty: the cluster to snapshot and export.`
      )
    }
  } else if (operation === 'verify') {
    for (const [input, why] of VERIFY_NEEDS) {
      if (!has(input)) problems.push(`Input '${input}' is required ${when}: ${why}.`)
    }
  } else if (DM_OPERATIONS.includes(operation)) {
    if (!has('dm-master-addr'))
      problems.push(
        `Input 'dm-master-addr' is required ${when}: the DM-master that manages the task.`
      )
    if (!has('dm-task-name'))
      problems.push(`Input 'dm-task-name' is required ${when}: the DM task to ${operation}.`)
  } else {
    const dm = has('dm-master-addr') || has('dm-task-name')
    if (!dm && !has('export-task-identifier')) {
      problems.push(
        `Input 'dm-master-addr' (with 'dm-task-name') or 'export-task-identifier' is required ${when}: what to report on.`
      )
    } else if (dm && !has('dm-master-addr')) {
      problems.push(
        `Input 'dm-master-addr' is required with 'dm-task-name' ${when}: the DM-master that manages the task.`
      )
    } else if (dm && !has('dm-task-name')) {
      problems.push(
        `Input 'dm-task-name' is required with 'dm-master-addr' ${when}: the DM task to report on.`
      )
    }
    if (has('export-task-identifier') && !has('aws-region')) {
      problems.push(
        `Input 'aws-region' is required ${when} and 'export-task-identifier' is set: the Region of the export task.`
      )
    }
  }
  return problems
}

/** Parsed values the relational rules look at besides the `Inputs` themselves. */
export interface RuleContext {
  readonly inputs: Inputs
  readonly roleArn: Arn | undefined
  readonly kmsArn: Arn | undefined
  readonly snapshotArn: Arn | undefined
}

/** An Aurora endpoint host name: `<id>.cluster-[ro-|custom-]<hash>.<region>.rds.amazonaws.com[.cn]` or an instance. */
const RDS_ENDPOINT =
  /^([a-z][a-z0-9-]*)\.(cluster-ro-|cluster-custom-|cluster-)?[a-z0-9]+\.([a-z0-9-]+)\.rds\.amazonaws\.com(?:\.cn)?\.?$/

function endpointProblems(inputs: Inputs): string[] {
  const m = RDS_ENDPOINT.exec(inputs.source.host.toLowerCase())
  if (!m) return []
  const [, id = '', kind, region = ''] = m
  const problems: string[] = []
  if (kind === 'cluster-ro-') {
    problems.push(
      `Input 'source-host' is the Aurora reader endpoint '${inputs.source.host}'; use the cluster (writer) endpoint ` +
        `'${inputs.source.host.replace(/\.cluster-ro-/i, '.cluster-')}': the binlog position and DM replication need the writer.`
    )
  }
  if (region !== inputs.aws.region) {
    problems.push(
      `Input 'source-host' is an endpoint in '${region}' but 'aws-region' is '${inputs.aws.region}'.`
    )
  }
  const cluster = inputs.aws.clusterIdentifier
  if (
    (kind === 'cluster-' || kind === 'cluster-ro-') &&
    cluster !== undefined &&
    cluster.toLowerCase() !== id
  ) {
    problems.push(
      `Input 'source-host' is an endpoint of cluster '${id}' but 'cluster-identifier' is '${cluster}'.`
    )
  }
  return problems
}

function awsProblems(ctx: RuleContext): string[] {
  const { region } = ctx.inputs.aws
  const problems: string[] = []
  const partition = partitionOf(region)
  if (ctx.roleArn && ctx.roleArn.partition !== partition) {
    problems.push(
      `Input 'export-role-arn' is in partition '${ctx.roleArn.partition}' but 'aws-region' '${region}' is in '${partition}'.`
    )
  }
  for (const [input, arn, what] of [
    ['kms-key-id', ctx.kmsArn, 'the export needs a KMS key in the Region of the cluster'],
    ['snapshot-identifier', ctx.snapshotArn, 'Aurora exports a snapshot in its own Region']
  ] as const) {
    if (arn && arn.region !== region) {
      problems.push(
        `Input '${input}' is in '${arn.region}' but 'aws-region' is '${region}': ${what}.`
      )
    }
  }
  return problems
}

function migrateProblems(ctx: RuleContext): string[] {
  const { inputs } = ctx
  const { source, target } = inputs
  const problems: string[] = [...endpointProblems(inputs), ...awsProblems(ctx)]
  if (target.port === target.statusPort) {
    problems.push(
      `Inputs 'target-port' and 'target-status-port' are both ${target.port}: TiDB serves SQL and its status API on different ports (by default 4000 and 10080).`
    )
  }
  if (source.host.toLowerCase() === target.host.toLowerCase() && source.port === target.port) {
    problems.push(
      `Inputs 'source-host'/'source-port' and 'target-host'/'target-port' are the same server (${formatHostPort(source.host, source.port)}); the target must be the TiDB server.`
    )
  }
  if (inputs.dm.taskName !== undefined && !dmEnabled(inputs)) {
    problems.push(
      `Input 'dm-task-name' is set but 'dm-master-addr' is empty, so '${inputs.operation}' would start no DM task; set 'dm-master-addr' or remove 'dm-task-name'.`
    )
  }
  const v = /^v(\d+)\.(\d+)\./.exec(inputs.tools.tidbVersion)
  if (v && (Number(v[1]) < 7 || (Number(v[1]) === 7 && Number(v[2]) < 5))) {
    // Lightning reads the export's DATETIME values as UTC text that TiDB converts into the import session's time
    // zone; only from v7.5.0 can its config set that zone ([tidb.session-vars], pingcap/tidb#47414).
    problems.push(
      `Input 'tidb-version' is ${inputs.tools.tidbVersion}, whose TiDB Lightning cannot set the time zone of its import session ([tidb.session-vars] arrived in v7.5.0), so DATETIME values would arrive shifted by the target's time zone; use v7.5.0 or later (the default is ${INPUT_DEFAULTS['tidb-version'] ?? ''}).`
    )
  }
  if (inputs.failOnShortRetention && !dmEnabled(inputs)) {
    problems.push(
      `Input 'fail-on-short-retention' is true but 'dm-master-addr' is empty: binlog retention only matters when DM replicates from the recorded position.`
    )
  }
  return problems
}

/** The combinations of inputs that cannot work, one message each naming the inputs involved. */
export function crossFieldProblems(ctx: RuleContext): string[] {
  const { inputs } = ctx
  const { operation } = inputs
  const migrating = operation === 'migrate' || operation === 'plan'
  const problems: string[] = migrating ? migrateProblems(ctx) : []
  if (inputs.waitForLagSeconds !== undefined && operation !== 'status') {
    problems.push(
      `Input 'wait-for-lag-seconds' is only used when 'operation' is 'status' (it is '${operation}').`
    )
  } else if (inputs.waitForLagSeconds !== undefined && !dmEnabled(inputs)) {
    problems.push(
      `Input 'wait-for-lag-seconds' needs 'dm-master-addr' and 'dm-task-name': it waits for the DM task's lag.`
    )
  }
  if (migrating && inputs.import.backend === 'tidb') {
    for (const [input, set] of [
      ['sorted-kv-dir', inputs.import.sortedKvDir],
      ['pd-addr', inputs.target.pdAddr]
    ] as const) {
      if (set !== undefined)
        problems.push(
          `Input '${input}' is only used when 'lightning-backend' is 'local' (it is 'tidb').`
        )
    }
  }
  if (migrating && inputs.verify === 'checksum' && inputs.restore.mode === 'false') {
    problems.push(
      "Input 'verify' is 'checksum' but 'restore-snapshot' is 'false': a migrate compares checksums against a restored copy of the snapshot (the export's own state). Set restore-snapshot to auto or true, or verify to counts."
    )
  }
  if (inputs.resume && !migrating) {
    problems.push(
      `Input 'resume' is only used when 'operation' is 'migrate' or 'plan' (it is '${operation}').`
    )
  }
  return [...new Set(problems)]
}

const sha8 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8)

/** The longest run key (`parseRunKey`); `aurora-to-tidb-<key>` then fits AWS's 60-character export task ids. */
const RUN_KEY_MAX = 40

/**
 * What makes two migrations different, as one text: the cluster (or the snapshot) exported, the tables selected,
 * where the export lives and the target. Jobs that differ in any of these never share a run key. Pure.
 */
export function runIdentity(inputs: Pick<Inputs, 'aws' | 'filter' | 'target'>): string {
  const { aws, target } = inputs
  return [
    `cluster=${aws.clusterIdentifier ?? ''}`,
    `snapshot=${aws.snapshotIdentifier ?? ''}`,
    `s3=${aws.s3?.uri ?? ''}`,
    `target=${formatHostPort(target.host, target.port)}`,
    `filter=${filterRules(inputs.filter).join('\n')}`
  ].join('\n')
}

/** `GITHUB_JOB` as run-key characters (lowercase letters, digits, single hyphens), at most `max` long. */
function jobSlug(job: string, max: number): string {
  const slug = job
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
  return slug.slice(0, Math.max(0, max)).replace(/-+$/, '')
}

/**
 * The run key when `run-key` is empty.
 *
 * In GitHub Actions: `gh-<GITHUB_RUN_ID>-<GITHUB_JOB, shortened>-<hash>`, the hash over the repository, workflow,
 * job and the run's identity (runIdentity). GitHub's variables reference ("Default environment variables") says
 * GITHUB_RUN_ID "does not change if you re-run the workflow run" while GITHUB_RUN_ATTEMPT increments with each
 * re-run, and GITHUB_JOB is the `job_id` of the current job — the same for every leg of a `matrix:`. So a re-run
 * attempt of a job gets its first attempt's key (and re-attaches to its snapshot, export, state and DM task), while
 * two jobs of one run, or two matrix legs with another filter, cluster, bucket or target, never share one.
 * Outside GitHub Actions the key comes from the host name, the working directory and the identity.
 * @param identity runIdentity(inputs)
 */
export function deriveRunKey(
  env: Readonly<Record<string, string | undefined>>,
  hostname: string,
  cwd: string,
  identity: string
): string {
  const runId = env['GITHUB_RUN_ID'] ?? ''
  if (/^[0-9]{1,20}$/.test(runId)) {
    const job = env['GITHUB_JOB'] ?? ''
    const hash = sha8(
      [env['GITHUB_REPOSITORY'] ?? '', env['GITHUB_WORKFLOW'] ?? '', job, identity].join('\n')
    )
    // `gh-` + run id + `-` + slug + `-` + hash
    const slug = jobSlug(job, RUN_KEY_MAX - 3 - runId.length - 1 - 1 - hash.length)
    return ['gh', runId, slug, hash].filter((p) => p !== '').join('-')
  }
  return `local-${sha8(`${hostname}\n${cwd}\n${identity}`)}`
}
