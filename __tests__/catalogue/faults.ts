// The fault catalogue and the places the secrets test searches, as plain data: the
// faults*.test.ts suites run every case through the bundled action, faults.test.ts checks that every fault the
// sandbox can inject has an entry, and the README's "Reliability" counts are generated from it. No jest globals
// here, so scripts can import it.
import type { FaultName } from '../../sandbox/lib/faults.js'

/** A phase of `operation: migrate`, by id. */
export type MigratePhase =
  | 'precheck'
  | 'tiup'
  | 'schema-export'
  | 'schema-import'
  | 'binlog-capture'
  | 'snapshot'
  | 'restore'
  | 'export'
  | 'data-import'
  | 'verify'
  | 'replicate'

/** Every phase of a full migrate with DM, in the order the summary lists them. */
export const MIGRATE_PHASES: readonly MigratePhase[] = [
  'precheck',
  'tiup',
  'schema-export',
  'schema-import',
  'binlog-capture',
  'snapshot',
  'export',
  'data-import',
  'verify',
  'replicate'
]

/** Phases a migrate runs only when its inputs ask for them (restore-snapshot: the restored copy). */
export const OPTIONAL_MIGRATE_PHASES: readonly MigratePhase[] = ['restore']

/** Which suite runs a case: the cases are split so the three files run in parallel at similar lengths. */
export type FaultSuite = 'export' | 'tools' | 'dm'

/** How a run with the fault ends. */
export type FaultOutcome =
  /** The step fails in this phase. */
  | { readonly fails: MigratePhase }
  /** The whole run succeeds: `after retries` when the fault's calls are retried within bounds. */
  | { readonly succeeds: 'after retries' | 'cleanly' }

/** What a whole `migrate` run must show. */
export interface RunExpectation {
  readonly outcome: FaultOutcome
  /** The tool's or AWS's own error line the step's error must contain (a regular expression's source). */
  readonly message: string
  /** Phases that must have succeeded before the failure (all of them for a successful run). */
  readonly completed: readonly MigratePhase[]
  /** Outputs that must be set: what was learned before the failure. */
  readonly outputs: readonly string[]
  /** The fault keeps the export task running on AWS (the action never cancels an export): allowed after the run. */
  readonly exportLeftRunning?: boolean
  /** Statuses the per-table results must include (kept on failure: what finished is shown). */
  readonly tableStatuses?: readonly string[]
  /** The tools' logs are left beside result.json for the artifact upload, Lightning's own log among them. */
  readonly logsLeft?: boolean
}

/** One fault, run through a whole `migrate` with DM. */
export interface FaultCase extends RunExpectation {
  readonly fault: FaultName
  /** The fault's value (none when omitted). */
  readonly value?: string
  /** Inputs the case needs besides the sandbox's (which include `dm-master-addr`, so DM runs). */
  readonly inputs?: Readonly<Record<string, string>>
  /** The fault applies when the source starts (`binlog-off`): restart it before and after the case. */
  readonly restartSource?: boolean
  /** What makes the case a lie the action must see through (exit 0 on failure), if it is one. */
  readonly lie?: string
  readonly suite: FaultSuite
}

/** Outputs of a run that got as far as the snapshot export. */
const EXPORT_OUTPUTS = [
  'binlog-file',
  'binlog-position',
  'snapshot-id',
  'export-task-id',
  'export-uri',
  'result-file'
] as const
/** Outputs of a run whose data import ran. */
const IMPORT_OUTPUTS = [...EXPORT_OUTPUTS, 'schema-uri', 'tool-versions', 'import-result'] as const
const DM_OUTPUTS = [
  ...IMPORT_OUTPUTS,
  'rows-imported',
  'tables',
  'verify-result',
  'dm-task'
] as const

type Where = Pick<RunExpectation, 'outcome' | 'completed' | 'outputs'>
const where = (
  fails: MigratePhase,
  completed: readonly MigratePhase[],
  outputs: readonly string[]
): Where => ({
  outcome: { fails },
  completed,
  outputs
})
/** Where a case fails, what completed before and what was learned. The schema track runs beside the export track,
 * so a failure in one says nothing about how far the other got: only what is certain is listed. */
const AT = {
  precheck: where('precheck', [], ['result-file']),
  schemaExport: where('schema-export', ['precheck', 'tiup'], ['result-file', 'tool-versions']),
  schemaImport: where(
    'schema-import',
    ['precheck', 'tiup', 'schema-export'],
    ['result-file', 'tool-versions', 'schema-uri']
  ),
  export: where('export', ['precheck', 'binlog-capture', 'snapshot'], EXPORT_OUTPUTS),
  /** The restored copy runs beside the export: only what came before both is certain. */
  restore: where(
    'restore',
    ['precheck', 'binlog-capture', 'snapshot'],
    ['binlog-file', 'binlog-position', 'snapshot-id', 'result-file']
  ),
  dataImport: where('data-import', MIGRATE_PHASES.slice(0, 7), IMPORT_OUTPUTS),
  replicate: where('replicate', MIGRATE_PHASES.slice(0, 9), DM_OUTPUTS)
} as const

/** The sandbox's export skips crm.legacy_contacts, and its copy is Lightning's first data import: a case that fails
 * Lightning's import of the export leaves that table out, so the fault meets the data import itself. */
const DATA_IMPORT_FIRST = { 'skipped-tables': 'exclude' } as const

/** One entry per fault the sandbox can inject (faults.test.ts keeps it complete). */
export const FAULT_CASES: readonly FaultCase[] = [
  {
    fault: 'export-failed',
    value: 'The S3 bucket sandbox-migrations could not be found.',
    ...AT.export,
    message: 'ended FAILED: The S3 bucket sandbox-migrations could not be found\\.',
    suite: 'export'
  },
  {
    fault: 'export-stuck-starting',
    inputs: { 'export-timeout-minutes': '1' },
    ...AT.export,
    message: 'STARTING',
    exportLeftRunning: true,
    suite: 'export'
  },
  { fault: 'export-canceled', ...AT.export, message: 'ended CANCELED', suite: 'export' },
  {
    fault: 'restore-failed',
    inputs: { 'restore-snapshot': 'true' },
    ...AT.restore,
    message: 'Restored cluster \\S+ is failed, not available\\.',
    suite: 'export'
  },
  {
    fault: 'restore-instance-stuck-creating',
    inputs: { 'restore-snapshot': 'true', 'snapshot-timeout-minutes': '1' },
    ...AT.restore,
    message: 'Instance \\S+ of the restored copy was still creating after',
    suite: 'dm'
  },
  {
    // A new snapshot keeps the position recorded before it: the copy without a binlog is only a warning.
    fault: 'restore-binlog-off',
    inputs: { 'restore-snapshot': 'true' },
    outcome: { succeeds: 'cleanly' },
    message: '',
    completed: MIGRATE_PHASES,
    outputs: DM_OUTPUTS,
    suite: 'tools'
  },
  {
    fault: 'rds-throttle',
    value: '3',
    outcome: { succeeds: 'after retries' },
    message: '',
    completed: MIGRATE_PHASES,
    outputs: [...DM_OUTPUTS, 'dm-stage'],
    suite: 'dm'
  },
  {
    fault: 's3-access-denied',
    value: 'sandbox-migrations/aurora-to-tidb/schema',
    ...AT.schemaExport,
    message:
      'PutObject, https response error StatusCode: 403.*api error AccessDenied: Access Denied',
    suite: 'tools'
  },
  {
    fault: 'source-connection-drop',
    // Killed as soon as seen: the precheck's connections live well beyond the watcher's 20 ms, whatever the machine.
    value: '0',
    ...AT.precheck,
    message: 'Connection lost: The server closed the connection',
    suite: 'tools'
  },
  { fault: 'binlog-off', restartSource: true, ...AT.precheck, message: 'log_bin', suite: 'tools' },
  {
    fault: 'iam-role-untrusted',
    ...AT.precheck,
    message: 'trusts ec2\\.amazonaws\\.com, not export\\.rds\\.amazonaws\\.com',
    suite: 'export'
  },
  { fault: 'kms-key-disabled', ...AT.precheck, message: 'it is Disabled', suite: 'export' },
  {
    fault: 'dumpling-connection-refused',
    ...AT.schemaExport,
    message: 'create dumper failed: dial tcp [\\d.:]+: connect: connection refused',
    suite: 'tools'
  },
  {
    fault: 'lightning-error',
    inputs: DATA_IMPORT_FIRST,
    ...AT.dataImport,
    message: '\\[Lightning:Restore:ErrRestoreTable\\]restore table',
    tableStatuses: ['not imported'],
    logsLeft: true,
    suite: 'tools'
  },
  {
    fault: 'lightning-cancel',
    inputs: DATA_IMPORT_FIRST,
    ...AT.dataImport,
    message: 'tidb lightning canceled',
    lie: 'Lightning exits 0 after it was cancelled',
    suite: 'tools'
  },
  {
    fault: 'lightning-status-port-busy',
    ...AT.schemaImport,
    message: 'failed to start HTTP server: listen tcp :\\d+: bind: address already in use',
    lie: 'Lightning exits 0 when it cannot bind its status port',
    suite: 'tools'
  },
  {
    fault: 'lightning-unknown-key',
    value: 'checkpoint.keep-after-success',
    inputs: DATA_IMPORT_FIRST,
    ...AT.dataImport,
    message: 'config file contained unknown configuration options: checkpoint\\.keep-after-success',
    suite: 'tools'
  },
  {
    fault: 'dmctl-result-false',
    value: 'start-task',
    ...AT.replicate,
    message: '\\(start-task\\) failed: \\[code=\\d+:class=scheduler',
    lie: 'dmctl prints "result": false and exits 0',
    suite: 'dm'
  },
  {
    fault: 'dm-check-task-fail',
    ...AT.replicate,
    message: 'mysql_binlog_format .*binlog_format is STATEMENT, and should be ROW',
    suite: 'dm'
  },
  {
    fault: 'dm-task-paused-error',
    ...AT.replicate,
    message: '\\[code=36069:class=sync-unit',
    suite: 'dm'
  }
]

/** The baseline the secrets test also runs: no fault, the whole migrate with DM succeeds and sets every output. */
export const CLEAN_RUN: RunExpectation = {
  outcome: { succeeds: 'cleanly' },
  message: '',
  completed: MIGRATE_PHASES,
  outputs: [...DM_OUTPUTS, 'dm-stage', 'dm-synced-position']
}

/** A place the secrets test searches for the passwords and the AWS secret key after every case. */
export interface SecretPlace {
  readonly id: string
  readonly what: string
}

/** Every place the secrets test checks, after a full successful migrate with DM and after every fault case. */
export const SECRET_PLACES: readonly SecretPlace[] = [
  { id: 'stdout', what: "the main step's stdout (the job log)" },
  { id: 'stderr', what: "the main step's stderr" },
  { id: 'post-log', what: "the post step's stdout and stderr" },
  { id: 'summary', what: 'the job summary' },
  { id: 'outputs', what: 'every step output' },
  { id: 'result-json', what: 'result.json' },
  { id: 'runner-temp', what: 'every file left under RUNNER_TEMP after the post step' },
  {
    id: 'argv',
    what: 'the argv of every child the action spawned (tiup and the component it starts), except Dumpling’s --password, which tiup redacts in its own line'
  },
  { id: 'temp-mode', what: 'secret-bearing temp files are 0600 while they exist' },
  { id: 'temp-gone', what: 'no secret-bearing temp file is left after the post step' }
]

/** The whole runs besides the fault cases after which the secrets test searches every place (faults-dm.test.ts). */
export const EXTRA_SECRET_RUNS: readonly string[] = [
  'a clean migrate with DM',
  'a cancel mid-import'
]
