/**
 * `readInputs()`: the only place that calls `core.get*Input`. It reads every input, applies the rules (rules.ts) and
 * the parsers (parsers.ts, aws-parsers.ts), and returns the frozen typed object (types.ts) everything else receives.
 *
 * Names map 1:1 to the kebab-case inputs of action.yml (`source-host` → `source.host`).
 */
import * as core from '@actions/core'
import { hostname } from 'node:os'
import {
  crossFieldProblems,
  deriveRunKey,
  INPUT_DEFAULTS,
  missingInputs,
  runIdentity
} from './rules.js'
import { InputError } from './input-error.js'
import {
  binlogStartOf,
  binlogStartProblems,
  parseBinlogFileName,
  parseBinlogGtid,
  parseBinlogPosition
} from './binlog-start.js'
import * as aws from './aws-parsers.js'
import * as parse from './parsers.js'
import * as restore from './restore-parsers.js'
import {
  OPERATIONS,
  RESTORE_MODES,
  SKIPPED_TABLES,
  UNSUPPORTED_OBJECTS,
  UPLOAD_LOGS,
  VERIFY_MODES,
  type Inputs
} from './types.js'
import {
  parseFilter,
  TableFilterError,
  type TableFilter,
  type TableRule
} from '../table-filter/parse.js'
import { translateFilter } from '../table-filter/translate.js'

/** Reads a password untrimmed (spaces at either end belong to it) and masks it at once. */
function readSecret(name: string): string {
  const value = core.getInput(name, { trimWhitespace: false })
  if (value !== '') core.setSecret(value)
  return value
}

function filterHint(rule: string, error: TableFilterError): string {
  if (/^['‘’]|['‘’]$/.test(rule)) return ' (rules are not shell-quoted: remove the quotes)'
  if (error.message.endsWith('wrong table pattern')) {
    return ' (each rule is schema-pattern.table-pattern, e.g. mydb.* or mydb.orders)'
  }
  const special = /unexpected special character '(.)'$/.exec(error.message)
  if (special && special[1] !== '.') return ' (quote names with other characters, e.g. `my-db`.*)'
  return ''
}

/** The filter's lines with their index; `rule` is '' for a blank line or a comment. */
function filterLines(text: string): { rule: string; index: number }[] {
  return text.split(/\r?\n/).map((line, index) => {
    const rule = line.trim()
    return { rule: rule.startsWith('#') ? '' : rule, index }
  })
}

/**
 * The filter, parsed: one rule per line, every rule the tool (or this action) would reject reported with its line.
 * This is the one place the filter is parsed; everything after reads `inputs.filter`.
 */
function readFilter(text: string, problems: string[]): TableFilter {
  const rules: TableRule[] = []
  const before = problems.length
  filterLines(text).forEach(({ rule, index }) => {
    if (rule === '') return
    try {
      rules.push(...parseFilter([rule]).rules)
    } catch (e) {
      if (!(e instanceof TableFilterError)) throw e
      problems.push(
        `Input 'filter' line ${index + 1} ${parse.show(rule)} is not a valid rule: ${e.message}${filterHint(rule, e)}.`
      )
    }
  })
  // Case-insensitive, as Dumpling's default (`--case-sensitive=false`), which the action does not change.
  const filter: TableFilter = { rules, caseSensitive: false }
  if (problems.length === before && rules.length > 0) {
    if (!filter.rules.some((r) => r.include)) {
      problems.push(
        "Input 'filter' has only exclusion rules (starting with '!'), so it selects no table: the last matching " +
          'rule wins and a table no rule matches is skipped. Start with an inclusion rule such as *.* or mydb.*.'
      )
    } else if (translateFilter(filter).selectsNothing) {
      problems.push(
        "Input 'filter' selects no table: its exclusion rules remove every table its inclusion rules select."
      )
    }
  }
  return filter
}

function combine(problems: readonly string[]): string {
  return problems.length === 1
    ? (problems[0] ?? '')
    : `${problems.length} input problems:\n- ${problems.join('\n- ')}`
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

/**
 * Reads, validates and freezes every input. Passwords are masked with core.setSecret before anything else happens.
 * All problems are reported together, each naming its input(s) and what is accepted.
 * @throws InputError when any input is invalid, missing for the operation, or conflicts with another
 */
export function readInputs(): Inputs {
  // Masked first, so no message printed later — not even one about another input — can show them.
  const sourcePassword = readSecret('source-password')
  const targetPassword = readSecret('target-password')

  const raw = (name: string): string => core.getInput(name) || INPUT_DEFAULTS[name] || ''
  const operation = parse.parseEnum('operation', raw('operation'), OPERATIONS)
  // A filter of only comments and blank lines selects nothing: it counts as missing, not as set.
  const has = (name: string): boolean =>
    name === 'filter' ? filterLines(raw(name)).some((l) => l.rule !== '') : raw(name) !== ''
  const problems = missingInputs(operation, has)
  const opt = <T>(name: string, parser: (name: string, value: string) => T): T | undefined => {
    const value = raw(name)
    if (value === '') return undefined
    try {
      return parser(name, value)
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      problems.push(e.message)
      return undefined
    }
  }
  const host = (portInput: string) => (name: string, value: string) =>
    parse.parseHost(name, value, portInput)
  const minutes = (name: string): number => opt(name, parse.parseMinutes) ?? 0

  const role = opt('export-role-arn', aws.parseRoleArn)
  const kms = opt('kms-key-id', aws.parseKmsKey)
  const snapshot = opt('snapshot-identifier', aws.parseSnapshotIdentifier)
  const start = binlogStartOf(
    opt('binlog-file', parseBinlogFileName),
    opt('binlog-position', parseBinlogPosition),
    opt('binlog-gtid', parseBinlogGtid)
  )
  const safeModeDuration = opt('safe-mode-duration', parse.parseDuration)
  const partial: Omit<Inputs, 'runKey'> = {
    operation,
    source: {
      host: opt('source-host', host('source-port')) ?? '',
      port: opt('source-port', parse.parsePort) ?? 0,
      user: opt('source-user', parse.parseUserName) ?? '',
      password: sourcePassword
    },
    target: {
      host: opt('target-host', host('target-port')) ?? '',
      port: opt('target-port', parse.parsePort) ?? 0,
      user: opt('target-user', parse.parseUserName) ?? '',
      password: targetPassword,
      statusPort: opt('target-status-port', parse.parsePort) ?? 0,
      pdAddr: opt('pd-addr', parse.parseAddressList)
    },
    aws: {
      region: opt('aws-region', aws.parseAwsRegion) ?? '',
      clusterIdentifier: opt('cluster-identifier', aws.parseClusterIdentifier),
      snapshotIdentifier: snapshot?.value,
      exportRoleArn: role ? raw('export-role-arn') : undefined,
      kmsKeyId: kms?.value,
      s3: opt('s3-uri', aws.parseS3Uri),
      s3Endpoint: opt('s3-endpoint', parse.parseHttpUrl),
      exportTaskIdentifier: opt('export-task-identifier', aws.parseExportTaskIdentifier)
    },
    filter: readFilter(raw('filter'), problems),
    tools: {
      tidbVersion: opt('tidb-version', parse.parseTidbVersion) ?? '',
      tiupVersion: opt('tiup-version', parse.parseTiupVersion) ?? '',
      tiupMirror: opt('tiup-mirror', parse.parseMirror) ?? ''
    },
    import: {
      backend:
        opt('lightning-backend', (n, v) => parse.parseEnum(n, v, ['local', 'tidb'] as const)) ??
        'local',
      sortedKvDir: opt('sorted-kv-dir', parse.parsePath),
      checksum:
        opt('checksum', (n, v) =>
          parse.parseEnum(n, v, ['required', 'optional', 'off'] as const)
        ) ?? 'required'
    },
    dm: {
      masterAddr: opt('dm-master-addr', parse.parseAddressList),
      sourceId: opt('dm-source-id', parse.parseDmSourceId) ?? '',
      taskName: opt('dm-task-name', parse.parseDmTaskName),
      safeMode: opt('safe-mode', (n, v) => parse.parseBoolean(n, v, true)) ?? true,
      ...(safeModeDuration === undefined ? {} : { safeModeDuration }),
      ...(start === undefined ? {} : { start })
    },
    timeouts: {
      snapshotMs: minutes('snapshot-timeout-minutes'),
      exportMs: minutes('export-timeout-minutes'),
      importMs: minutes('import-timeout-minutes'),
      dmSyncMs: minutes('dm-sync-timeout-minutes')
    },
    waitForLagSeconds: opt('wait-for-lag-seconds', (n, v) => parse.parseSeconds(n, v, 86_400)),
    waitTimeoutMs: minutes('wait-timeout-minutes'),
    failOnShortRetention:
      opt('fail-on-short-retention', (n, v) => parse.parseBoolean(n, v, false)) ?? false,
    failOnVerifyMismatch:
      opt('fail-on-verify-mismatch', (n, v) => parse.parseBoolean(n, v, true)) ?? true,
    resume: opt('resume', (n, v) => parse.parseBoolean(n, v, false)) ?? false,
    unsupportedObjects:
      opt('unsupported-objects', (n, v) => parse.parseEnum(n, v, UNSUPPORTED_OBJECTS)) ?? 'warn',
    restore: {
      mode: opt('restore-snapshot', (n, v) => parse.parseEnum(n, v, RESTORE_MODES)) ?? 'auto',
      keep: opt('keep-restored-copy', (n, v) => parse.parseBoolean(n, v, false)) ?? false,
      instanceClass: opt('restore-instance-class', restore.parseInstanceClass),
      subnetGroup: opt('restore-subnet-group', restore.parseSubnetGroup),
      securityGroupIds: opt('restore-security-groups', restore.parseSecurityGroups),
      parameterGroup: opt('restore-parameter-group', restore.parseParameterGroup)
    },
    verify: opt('verify', (n, v) => parse.parseEnum(n, v, VERIFY_MODES)),
    uploadLogs: opt('upload-logs', (n, v) => parse.parseEnum(n, v, UPLOAD_LOGS)) ?? 'on-failure',
    skippedTables: opt('skipped-tables', (n, v) => parse.parseEnum(n, v, SKIPPED_TABLES)) ?? 'copy'
  }
  const runKey =
    opt('run-key', parse.parseRunKey) ??
    deriveRunKey(process.env, hostname(), process.cwd(), runIdentity(partial))
  if (problems.length > 0) throw new InputError(combine(problems))
  const inputs: Inputs = { ...partial, runKey }
  const conflicts = [
    ...crossFieldProblems({ inputs, roleArn: role, kmsArn: kms?.arn, snapshotArn: snapshot?.arn }),
    ...binlogStartProblems(inputs, {
      file: has('binlog-file'),
      position: has('binlog-position'),
      gtid: has('binlog-gtid')
    })
  ]
  if (conflicts.length > 0) throw new InputError(combine(conflicts))
  return deepFreeze(inputs)
}
