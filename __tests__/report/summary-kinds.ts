// Every kind of job summary the action writes, as reports: a successful migrate, a migrate that failed in each of its
// phases, a cancelled one, plan (go, go with warnings, no-go) and the DM operations. The render tests run each
// through a CommonMark/GFM renderer; scripts/summary-png.ts renders them to PNG for the docs.
//
// The log tails hold what tool output really holds and Markdown would mangle: blank lines, quotes, backticks, `*`,
// `#`, `|` tables with `+---+` rules, lines indented by tabs or four spaces, `---` under a line (a setext heading),
// `<` and `&`. The titles are the phases' own (src/phases/).
import { newReport, type CheckRow, type PhaseRecord, type Report } from '../../src/report/types.js'

const T0 = new Date('2026-03-02T09:00:00.000Z')

/** The phases of a migrate with DM, in run order. */
export const MIGRATE_PHASES: readonly (readonly [string, string])[] = [
  ['precheck', 'Precheck: source, target, AWS and selection'],
  ['tiup', 'Set up tiup and the PingCAP tools'],
  ['schema-export', 'Schema export (Dumpling → S3)'],
  ['schema-import', 'Schema import (Lightning)'],
  ['binlog-capture', 'Binlog position'],
  ['snapshot', 'Cluster snapshot'],
  ['export', 'Snapshot export to S3'],
  ['data-import', 'Data import (Lightning, Parquet)'],
  ['verify', 'Verify row counts'],
  ['replicate', 'Incremental replication (DM)']
]

/** Lightning's pre-check table as it prints it (tidb `lightning/pkg/importer`, `precheck` output). */
const LIGHTNING_CHECK_TABLE = [
  '+----+--------------------------------------------+-------------+--------+',
  '|  # | CHECK ITEM                                 | TYPE        | PASSED |',
  '+----+--------------------------------------------+-------------+--------+',
  '|  1 | Source data files size is proper           | performance | true   |',
  '+----+--------------------------------------------+-------------+--------+',
  '|  2 | Cluster resources are rich for this import | critical    | false  |',
  '+----+--------------------------------------------+-------------+--------+'
]

const LIGHTNING_TAIL = [
  '[2026/03/02 09:41:02.118 +00:00] [INFO] [import.go:1470] ["restore table completed"] [table=`shop`.`orders`] [takeTime=1.2s] []',
  '',
  ...LIGHTNING_CHECK_TABLE,
  '',
  '[2026/03/02 09:41:07.512 +00:00] [ERROR] [main.go:103] ["tidb lightning encountered error stack info"] [error="[Lightning:Restore:ErrEncodeKV]encode kv error in file shop.order_items/1/part-00000.gz.parquet at offset 0: column `price` is *not* a number"] [errorVerbose="github.com/pingcap/errors.AddStack\\n\\tgithub.com/pingcap/errors@v0.11.5/errors.go:174"]',
  '    at importer.(*TableImporter).importEngine',
  '\tgithub.com/pingcap/tidb/lightning/pkg/importer/table_import.go:1075',
  'Error: [Lightning:Restore:ErrEncodeKV]encode kv error: `price` <"12.5x"> & more',
  '---',
  '# tidb lightning exit',
  '> 1. not a quote'
]

const DUMPLING_TAIL = [
  'Starting component dumpling: /root/.tiup/components/dumpling/v8.5.2/dumpling --host 10.0.0.5 --password ****** --no-data',
  '[2026/03/02 09:03:11.400 +00:00] [INFO] [versions.go:54] ["Welcome to dumpling"] ["Release Version"=v8.5.2]',
  '',
  "[2026/03/02 09:03:11.912 +00:00] [ERROR] [main.go:78] [\"dump failed error stack info\"] [error=\"sql: SHOW CREATE TABLE `shop`.`Order-Items`: Error 1142 (42000): SHOW command denied to user 'migrator'@'10.0.0.9' for table 'Order-Items'\"]",
  '',
  'dump failed: sql: SHOW CREATE TABLE `shop`.`Order-Items`: Error 1142 (42000): SHOW command denied',
  'Error: run `/root/.tiup/components/dumpling/v8.5.2/dumpling` (wd:/root/.tiup/data/Uw3) failed: exit status 1'
]

const DMCTL_TAIL = [
  '{',
  '    "result": false,',
  '    "msg": "",',
  '    "sources": [',
  '        {',
  '            "result": false,',
  '            "msg": "[code=38032:class=dm-master:scope=internal:level=high], Message: some error occurs in dm-worker: ErrorCode: 10001 *Access denied* for user \'dm\'@\'%\' (using password: YES)",',
  '            "source": "aurora-shop"',
  '        }',
  '    ]',
  '}'
]

const TIUP_TAIL = [
  'download https://tiup-mirrors.pingcap.com/dumpling-v8.5.2-linux-amd64.tar.gz 36.80 MiB / 36.80 MiB 100.00% ? MiB/s',
  '',
  'Error: unknown component `dumpling-v8.5.2` (use --help to see the usage)',
  '    | retry | 3 |'
]

function phase(id: string, title: string, over: Partial<PhaseRecord> = {}): PhaseRecord {
  return { id, title, status: 'succeeded', numbers: [], warnings: [], durationMs: 2_000, ...over }
}

const PASSING_CHECKS: readonly (readonly [string, string])[] = [
  ['Source reachable', 'connected as migrator to 10.0.0.5:3306 (Aurora MySQL 3.08.0)'],
  ['Source binlog_format is ROW', 'binlog_format = ROW'],
  ['Source binlog_row_image is FULL', 'binlog_row_image = FULL'],
  [
    'Migration user privileges',
    'SELECT, RELOAD, LOCK TABLES, REPLICATION SLAVE, REPLICATION CLIENT'
  ],
  ['Target reachable', 'connected as root to tidb.internal:4000 (TiDB v8.5.2)'],
  ['Target tables are empty', '13 selected tables absent or empty on the target'],
  ['Cluster', 'shop is available, aurora-mysql 8.0.mysql_aurora.3.08.0'],
  ['Export role trusts export.rds.amazonaws.com', 'arn:aws:iam::123456789012:role/rds-s3-export'],
  ['KMS key', 'alias/aurora-export is Enabled, symmetric, in us-east-1'],
  ['Bucket', 'migration-bucket in us-east-1, writable'],
  ['Filter selects tables', '13 tables in 1 database'],
  ['Table names the export keeps', 'every selected name is exported as is']
]

/** Prechecks: 12 that passed, then the warnings and failures given. */
function checks(extra: readonly CheckRow[] = []): CheckRow[] {
  const passed = PASSING_CHECKS.map(([title, reason], i) => ({
    id: `check-${i}`,
    title,
    status: 'pass' as const,
    reason
  }))
  return [...passed.slice(0, 6), ...extra, ...passed.slice(6)]
}

const RETENTION_WARNING: CheckRow = {
  id: 'source.binlog-retention',
  title: 'Binlog retention covers export and import',
  status: 'warn',
  reason:
    "binlog retention hours = 24, the export and import may take ~30 h: CALL mysql.rds_set_configuration('binlog retention hours', 48)"
}

const TABLES = [
  'customers',
  'orders',
  'order_items',
  'products',
  'Order-Items',
  'payments',
  'shipments',
  'invoices',
  'refunds',
  'reviews',
  'carts',
  'coupons',
  'audit.log'
]

function tableRows(status: (name: string, i: number) => string): Report['tables'] {
  return TABLES.map((table, i) => {
    const s = status(table, i)
    const rows = 1000 * (i + 1)
    return s === 'failed'
      ? { database: 'shop', table, rowsExported: rows, status: s }
      : { database: 'shop', table, rowsExported: rows, rowsImported: rows, status: s }
  })
}

function migrateReport(): Report {
  const r = newReport('migrate', T0)
  r.checks = checks([RETENTION_WARNING])
  r.toolVersions = {
    tiup: '1.16.1',
    dumpling: 'v8.5.2',
    'tidb-lightning': 'v8.5.2',
    dmctl: 'v8.5.2'
  }
  return r
}

/** Facts each phase records when it succeeds: numbers, note, outputs. */
function succeed(r: Report, id: string, rec: PhaseRecord): void {
  switch (id) {
    case 'precheck':
      rec.note = '12 passed · 1 warnings · 0 failed'
      rec.numbers.push(
        { label: 'tables', value: 13 },
        { label: 'size', value: 3.4e9, unit: 'bytes' }
      )
      break
    case 'schema-export':
      r.outputs['schema-uri'] = 's3://migration-bucket/aurora/shop/schema/run-7f3a'
      rec.note = '13 table schema(s) in s3://migration-bucket/aurora/shop/schema/run-7f3a'
      break
    case 'binlog-capture':
      r.binlog = {
        file: 'mysql-bin-changelog.000123',
        position: 4_711_904,
        capturedBy: 'SHOW MASTER STATUS immediately before the snapshot (gap 0.8 s)'
      }
      rec.note = 'mysql-bin-changelog.000123:4711904'
      break
    case 'snapshot':
      r.outputs['snapshot-id'] = 'a2t-run-7f3a'
      break
    case 'export':
      r.outputs['export-task-id'] = 'a2t-run-7f3a-export'
      r.outputs['export-uri'] = 's3://migration-bucket/aurora/shop/export/a2t-run-7f3a-export/'
      rec.durationMs = 2_460_000
      rec.numbers.push({ label: 'progress', value: 100, unit: 'percent' })
      r.links.push({
        label: 'Export in the S3 console',
        url: 'https://s3.console.aws.amazon.com/s3/buckets/migration-bucket?prefix=aurora/shop/export/'
      })
      break
    case 'data-import':
      r.outputs['import-result'] = 'succeeded'
      r.outputs['rows-imported'] = String(TABLES.reduce((n, _, i) => n + 1000 * (i + 1), 0))
      rec.durationMs = 1_250_000
      rec.numbers.push({ label: 'tables', value: 13 }, { label: 'rows imported', value: 91_000 })
      r.tables = tableRows(() => 'imported')
      break
    case 'verify':
      r.outputs['verify-result'] = 'passed'
      r.tables = tableRows(() => 'verified')
      rec.note = '13 of 13 tables match the export'
      break
    case 'replicate':
      r.outputs['dm-task'] = 'shop-sync'
      r.outputs['dm-stage'] = 'Running'
      rec.note = 'task shop-sync started from (mysql-bin-changelog.000123, 4711904) in safe mode'
      break
  }
}

/** A migrate with DM that succeeded. */
export function migrateSucceeded(): Report {
  const r = migrateReport()
  for (const [id, title] of MIGRATE_PHASES) {
    const rec = phase(id, title)
    succeed(r, id, rec)
    r.phases.push(rec)
  }
  r.status = 'succeeded'
  r.durationMs = 4_020_000
  return r
}

/** How a migrate fails in each phase: the run's error, the tool's line, the tail. */
const FAILURES: Record<
  string,
  { message: string; toolLine?: string | undefined; tail?: readonly string[] }
> = {
  precheck: {
    message: [
      'A precheck failed; nothing was changed. Fix it and run again:',
      '- Source binlog_format is ROW: binlog_format = MIXED; set it to ROW in the cluster parameter group'
    ].join('\n')
  },
  tiup: {
    message:
      'tiup could not install dumpling v8.5.2 (exit code 1): unknown component `dumpling-v8.5.2`',
    toolLine: 'Error: unknown component `dumpling-v8.5.2` (use --help to see the usage)',
    tail: TIUP_TAIL
  },
  'schema-export': {
    message:
      "Dumpling failed (exit code 1): SHOW command denied to user 'migrator'@'10.0.0.9' for table 'Order-Items'",
    toolLine: DUMPLING_TAIL[3],
    tail: DUMPLING_TAIL
  },
  'schema-import': {
    message:
      'TiDB Lightning failed its pre-check: Cluster resources are rich for this import (critical) is false',
    tail: LIGHTNING_CHECK_TABLE
  },
  'binlog-capture': {
    message:
      'SHOW MASTER STATUS returned no row: binary logging is off on the source. Set binlog_format = ROW in the cluster parameter group and reboot the writer.'
  },
  snapshot: {
    message:
      'Creating the cluster snapshot a2t-run-7f3a: SnapshotQuotaExceeded: Request would result in user exceeding the allowed number of DB snapshots.'
  },
  export: {
    message:
      'The export task a2t-run-7f3a-export ended FAILED: "S3 bucket migration-bucket is not accessible: <AccessDenied>" (after 12m 03s)'
  },
  'data-import': {
    message:
      'tidb-lightning exited with code 1: [Lightning:Restore:ErrEncodeKV]encode kv error in file shop.order_items/1/part-00000.gz.parquet',
    toolLine: LIGHTNING_TAIL[10],
    tail: LIGHTNING_TAIL
  },
  verify: {
    message:
      '1 of 13 tables do not match the export: shop.Order-Items (export 5,000 rows, target 4,998)'
  },
  replicate: {
    message: "dmctl start-task answered \"result\": false: Access denied for user 'dm'@'%'",
    toolLine: DMCTL_TAIL[6]?.trim(),
    tail: DMCTL_TAIL
  }
}

/**
 * A migrate that failed in the given phase: the phases before it succeeded (with what they recorded), the ones
 * after were not started.
 */
export function migrateFailedAt(failedId: string): Report {
  const r = migrateReport()
  const f = FAILURES[failedId]
  if (f === undefined) throw new Error(`no failure for phase ${failedId}`)
  const index = MIGRATE_PHASES.findIndex(([id]) => id === failedId)
  const failedTitle = MIGRATE_PHASES[index]?.[1] ?? failedId
  MIGRATE_PHASES.forEach(([id, title], i) => {
    const rec = phase(id, title)
    if (i < index) succeed(r, id, rec)
    else if (i === index) {
      rec.status = 'failed'
      rec.failure = { message: f.message, toolLine: f.toolLine, tail: [...(f.tail ?? [])] }
    } else {
      rec.status = 'skipped'
      delete rec.durationMs
      rec.note = `not started: the run stopped after ${failedTitle} failed`
    }
    r.phases.push(rec)
  })
  if (failedId === 'precheck') {
    r.checks = checks([
      {
        id: 'source.binlog-format',
        title: 'Source binlog_format is ROW',
        status: 'fail',
        reason: 'binlog_format = MIXED; set it to ROW in the cluster parameter group'
      },
      RETENTION_WARNING
    ]).filter((c) => c.title !== 'Source binlog_format is ROW' || c.status === 'fail')
  }
  if (failedId === 'data-import') {
    // What finished is kept: Lightning completed 12 of the 13 tables.
    r.outputs['import-result'] = 'failed'
    r.tables = tableRows((t) => (t === 'order_items' ? 'failed' : 'imported'))
  }
  if (failedId === 'verify') {
    r.outputs['verify-result'] = 'mismatch'
    r.tables = tableRows((t) => (t === 'Order-Items' ? 'mismatch' : 'verified'))
  }
  r.status = 'failed'
  r.error = f.message
  r.durationMs = 600_000
  return r
}

/** A migrate cancelled while the export ran. */
export function migrateCancelled(): Report {
  const r = migrateFailedAt('export')
  const rec = r.phases.find((p) => p.id === 'export')
  if (rec) {
    rec.status = 'cancelled'
    rec.failure = { message: 'Snapshot export to S3 was cancelled', tail: [] }
  }
  for (const p of r.phases)
    if (p.status === 'skipped') p.note = 'not started: the run was cancelled'
  r.status = 'cancelled'
  r.error = 'The run was cancelled during Snapshot export to S3'
  return r
}

function planReport(extra: readonly CheckRow[], failed: boolean): Report {
  const r = newReport('plan', T0)
  r.checks = checks(extra)
  r.phases = [
    phase('precheck', 'Precheck: source, target, AWS and selection', {
      note: `${12} passed · ${extra.filter((c) => c.status === 'warn').length} warnings · ${extra.filter((c) => c.status === 'fail').length} failed`
    }),
    phase('plan', 'Plan: tables, sizes, estimates', { note: '13 tables, ~91,000 rows, 3.2 GiB' })
  ]
  r.outputs['plan-file'] = '/home/runner/work/_temp/aurora-to-tidb/migrate/plan.json'
  r.plan = {
    totals: { tables: 13, views: 1, estimatedRows: 91_000, bytes: 3.4e9 },
    databases: [{ database: 'shop', tables: 13, estimatedRows: 91_000, bytes: 3.4e9 }],
    estimates: [
      {
        label: 'Snapshot export',
        value: '~40 min',
        basis: 'AWS: export time grows with the snapshot size'
      },
      {
        label: 'Data import',
        value: '~12 min',
        basis: 'Lightning local backend, ~300 GiB/h per TiDB node'
      }
    ],
    risks: [
      {
        table: 'shop.Order-Items',
        risks: ['name has a capital letter and a dash', 'no primary key']
      }
    ]
  }
  if (failed) {
    const plan = r.phases[1]
    const message = [
      'A precheck failed; nothing was changed. Fix it and run again:',
      ...extra.filter((c) => c.status === 'fail').map((c) => `- ${c.title}: ${c.reason}`)
    ].join('\n')
    if (plan) {
      plan.status = 'failed'
      plan.failure = { message, tail: [] }
    }
    r.error = message
  }
  r.status = failed ? 'failed' : 'succeeded'
  r.durationMs = 6_100
  return r
}

function dmReport(
  operation: string,
  title: string,
  outputs: Record<string, string>,
  note: string
): Report {
  const r = newReport(operation, T0)
  r.phases = [phase(operation, title, { note })]
  r.outputs = { 'dm-task': 'shop-sync', ...outputs }
  r.toolVersions = { dmctl: 'v8.5.2' }
  r.status = 'succeeded'
  r.durationMs = 3_400
  return r
}

/** Every summary kind, by a name usable as a file name. */
export const SUMMARY_KINDS: Readonly<Record<string, () => Report>> = {
  'migrate-succeeded': migrateSucceeded,
  ...Object.fromEntries(
    MIGRATE_PHASES.map(([id]) => [`migrate-failed-${id}`, () => migrateFailedAt(id)] as const)
  ),
  'migrate-cancelled': migrateCancelled,
  'plan-go': () => planReport([], false),
  'plan-go-with-warnings': () => planReport([RETENTION_WARNING], false),
  'plan-no-go': () =>
    planReport(
      [
        RETENTION_WARNING,
        {
          id: 'target.empty',
          title: 'Target tables are empty',
          status: 'fail',
          reason: 'shop.orders holds 3 rows on the target; empty it or leave it out of the filter'
        }
      ],
      true
    ),
  status: () =>
    dmReport(
      'status',
      'Status (DM task, export task)',
      {
        'dm-stage': 'Running',
        'dm-lag-seconds': '0',
        'dm-synced-position': 'mysql-bin-changelog.000124:1180',
        'ready-for-cutover': 'true'
      },
      'Running · lag 0 s · synced to (mysql-bin-changelog.000124, 1180)'
    ),
  pause: () => dmReport('pause', 'Pause the DM task', { 'dm-stage': 'Paused' }, 'Paused'),
  resume: () =>
    dmReport(
      'resume',
      'Resume the DM task',
      { 'dm-stage': 'Running', 'dm-lag-seconds': '4' },
      'Running · lag 4 s'
    ),
  stop: () =>
    dmReport(
      'stop',
      'Stop the DM task',
      { 'dm-stage': 'Stopped' },
      'task shop-sync stopped and removed from DM'
    )
}
