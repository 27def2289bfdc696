// Verdicts on the source: reachable, binary log on and usable by DM, retention long enough, privileges. Pure: facts
// in, CheckRows out.
//
// Policy: the binlog must be on for every migrate (PingCAP's documented procedure records the position before the
// snapshot, and the binlog-capture phase fails without it). ROW format, FULL row image, no transaction compression
// and a server id are what DM needs to replay from that position: a failure when `dm-master-addr` is set, a warning
// otherwise (the position is still recorded for a DM started later, which would then fail the same way).
import { dmEnabled } from '../inputs/types.js'
import type { AwsSide, CheckContext, Outcome, PrecheckFacts, SourceSide } from './facts.js'
import { listSome, row, tableName } from './facts.js'
import { AURORA_MAX_RETENTION_HOURS, estimateRun, type RunEstimate } from './estimates.js'
import { canSelect, globalPrivilegeNeeds, hasGlobal, hasOnDatabase } from '../mysql/grants.js'
import { exportSkip } from './selection-checks.js'
import type { BinlogRetention } from '../mysql/source.js'
import type { CheckRow } from '../report/types.js'

/** Where the binlog settings live on Aurora, for messages: the cluster's parameter group when known. */
function parameterGroup(aws: AwsSide): string {
  const pg = aws.cluster?.kind === 'found' ? aws.cluster.value.parameterGroup : undefined
  return pg ? `the DB cluster parameter group '${pg}'` : 'a custom DB cluster parameter group'
}

/** Fail with DM, warn without: for settings only DM depends on. */
function dmSetting(
  ctx: CheckContext,
  id: string,
  title: string,
  ok: boolean,
  passReason: string,
  problem: string
): CheckRow {
  if (ok) return row(id, title, 'pass', passReason)
  return dmEnabled(ctx.inputs)
    ? row(id, title, 'fail', problem)
    : row(
        id,
        title,
        'warn',
        `${problem} This matters once DM replicates from the recorded position ('dm-master-addr' is empty now).`
      )
}

function binlogRows(src: SourceSide, facts: PrecheckFacts, ctx: CheckContext): CheckRow[] {
  const s = src.settings
  const pg = parameterGroup(facts.aws)
  const noRow = src.position.ok && src.position.value === undefined
  if (!s.logBin || noRow) {
    return [
      row(
        'source.binlog',
        'Source binary log is on',
        'fail',
        `The binary log is off (log_bin=${s.logBin ? 'ON but SHOW MASTER STATUS returns no row' : 'OFF'}): the ` +
          `migration records the binlog position before the snapshot. Set binlog_format=ROW in ${pg} and reboot the ` +
          'writer instance (Aurora Serverless v1 has no binlog).'
      )
    ]
  }
  const rows: CheckRow[] = [row('source.binlog', 'Source binary log is on', 'pass', 'log_bin=ON')]
  rows.push(
    src.position.ok
      ? row(
          'source.binlog-status',
          'SHOW MASTER STATUS works for this user',
          'pass',
          `${src.position.value?.file ?? ''}:${src.position.value?.position ?? ''} (${src.position.value?.statement ?? ''})`
        )
      : row(
          'source.binlog-status',
          'SHOW MASTER STATUS works for this user',
          'fail',
          `${src.position.message} — grant REPLICATION CLIENT (BINLOG MONITOR on MariaDB) to the source user.`
        )
  )
  const set = (
    name: string,
    value: string | undefined,
    want: string
  ): [boolean, string, string] => [
    value === want,
    `${name}=${value ?? ''}`,
    `${name} is ${value ?? 'not set'}, DM needs ${want}: set ${name}=${want} in ${pg} and reboot the writer.`
  ]
  rows.push(
    dmSetting(
      ctx,
      'source.binlog-format',
      'Source binlog_format is ROW',
      ...set('binlog_format', s.format, 'ROW')
    )
  )
  rows.push(
    dmSetting(
      ctx,
      'source.binlog-row-image',
      'Source binlog_row_image is FULL',
      ...set('binlog_row_image', s.rowImage, 'FULL')
    )
  )
  if (s.transactionCompression !== undefined || dmEnabled(ctx.inputs)) {
    rows.push(
      dmSetting(
        ctx,
        'source.binlog-compression',
        'Source binlog_transaction_compression is OFF',
        s.transactionCompression !== true,
        s.transactionCompression === undefined ? 'not supported by this server (off)' : 'OFF',
        `binlog_transaction_compression is ON, which DM cannot read: set it to OFF in ${pg}.`
      )
    )
  }
  if (dmEnabled(ctx.inputs)) {
    rows.push(
      dmSetting(
        ctx,
        'source.server-id',
        'Source server_id is set',
        (s.serverId ?? 0) > 0,
        `server_id=${s.serverId ?? ''}`,
        'server_id is 0: DM needs the source to have a server id.'
      )
    )
  }
  rows.push(
    row(
      'source.gtid',
      'Source GTID mode',
      'pass',
      s.gtidEnabled
        ? `GTIDs are written (${s.gtidMode ? `gtid_mode=${s.gtidMode}` : 'MariaDB GTID'}); the recorded GTID set lets DM start with enable-gtid`
        : `gtid_mode=${s.gtidMode ?? 'OFF'}: DM starts from the binlog file and position (DM uses GTIDs only when gtid_mode is ON)`
    )
  )
  if (s.enhancedBinlog !== undefined) {
    rows.push(
      s.enhancedBinlog
        ? row(
            'source.enhanced-binlog',
            'Aurora enhanced binlog',
            'warn',
            'aurora_enhanced_binlog=1: enhanced binlog files are not copied to cloned or restored clusters, and ' +
              'positions after a snapshot restore have been reported wrong; verify the recorded position before cutover.'
          )
        : row(
            'source.enhanced-binlog',
            'Aurora enhanced binlog',
            'pass',
            'aurora_enhanced_binlog=0'
          )
    )
  }
  return rows
}

/** Hours of binlog the source guarantees to keep: Infinity when never purged, 0 for Aurora's NULL default. */
export function retainedHours(r: BinlogRetention): number | undefined {
  if (r.kind === 'aurora') return r.hours ?? 0
  if (r.kind === 'expire') return r.seconds === null ? Infinity : r.seconds / 3600
  return undefined
}

function describeRetention(r: BinlogRetention): string {
  if (r.kind === 'aurora')
    return r.hours === null
      ? "'binlog retention hours' is NULL (Aurora's default: binlogs are purged lazily, usually within a day, with no guarantee)"
      : `'binlog retention hours' is ${r.hours}`
  if (r.kind === 'expire')
    return r.seconds === null
      ? `${r.variable} is 0 (never purged)`
      : `${r.variable} keeps ${Math.round((r.seconds / 3600) * 10) / 10} h`
  return `retention unknown: ${r.reason}`
}

function retentionFix(r: BinlogRetention, needed: number): string {
  if (r.kind === 'expire' || (r.kind === 'unknown' && !/rds_show_configuration/.test(r.reason)))
    return `SET GLOBAL binlog_expire_logs_seconds = ${needed * 3600}`
  const hours = Math.min(needed, AURORA_MAX_RETENTION_HOURS)
  const capped =
    needed > AURORA_MAX_RETENTION_HOURS ? ` (Aurora's maximum; the estimate needs ${needed} h)` : ''
  return `CALL mysql.rds_set_configuration('binlog retention hours', ${hours})${capped}`
}

/**
 * The retention guard: the binlog from the recorded position must survive export + import + margin, or DM cannot
 * start from it. Warns (fails with `fail-on-short-retention`) when DM is set; informative otherwise.
 */
export function retentionCheck(
  r: BinlogRetention,
  estimate: RunEstimate,
  ctx: CheckContext
): CheckRow {
  const id = 'source.binlog-retention'
  const title = 'Binlog retention covers export + import'
  const needed = estimate.retentionNeededHours
  const why =
    `about ${needed} h needed (export ~${estimate.exportHours} h + import ~${estimate.importHours} h, ` +
    '×1.5 and +4 h to re-run an import)'
  const have = retainedHours(r)
  if (have !== undefined && have >= needed)
    return row(id, title, 'pass', `${describeRetention(r)}; ${why}`)
  const problem =
    have === undefined
      ? `Could not verify the binlog retention (${describeRetention(r)}); ${why}.`
      : `${describeRetention(r)}, shorter than the ${why}: DM could not start from the recorded position.`
  if (!dmEnabled(ctx.inputs))
    return row(id, title, 'pass', `${problem} Only DM needs it ('dm-master-addr' is empty).`)
  const fix = ` Run ${retentionFix(r, needed)} on the source.`
  if (have === undefined) return row(id, title, 'warn', problem + fix)
  return row(id, title, ctx.inputs.failOnShortRetention ? 'fail' : 'warn', problem + fix)
}

function privilegeRow(src: SourceSide, ctx: CheckContext): CheckRow {
  const id = 'source.privileges'
  const title = 'Source user privileges for Dumpling and DM'
  if (!src.grants.ok)
    return row(id, title, 'warn', `Could not read SHOW GRANTS: ${src.grants.message}`)
  const g = src.grants.value
  const fold = src.settings.lowerCaseTableNames !== 0
  const noSelect = src.catalog.tables.filter((t) => !canSelect(g, t.database, t.table, fold))
  const missing = globalPrivilegeNeeds(dmEnabled(ctx.inputs)).filter(
    (n) =>
      !hasGlobal(g, n.privilege) &&
      // SHOW MASTER STATUS just worked: whatever grants it, the user has it.
      !(n.privilege === 'REPLICATION CLIENT' && src.position.ok)
  )
  if (src.catalog.views.length > 0 && !hasGlobal(g, 'SHOW VIEW'))
    missing.push({
      privilege: 'SHOW VIEW',
      why: 'Dumpling dumps the selected views',
      required: false
    })
  // A table the export will skip is copied by Dumpling with --consistency lock, which runs LOCK TABLES … READ on it
  // (pingcap/tidb dumpling/export/consistency.go, ConsistencyLockDumpingTables).
  const lockDbs =
    ctx.inputs.skippedTables === 'copy'
      ? [
          ...new Set(
            src.catalog.tables.filter((t) => exportSkip(t) !== undefined).map((t) => t.database)
          )
        ].filter((db) => !hasOnDatabase(g, 'LOCK TABLES', db, fold))
      : []
  if (lockDbs.length > 0)
    missing.push({
      privilege: `LOCK TABLES on ${listSome(lockDbs.map((d) => `\`${d}\``))}`,
      why: 'Dumpling locks the tables the export skips while it copies them (skipped-tables: copy)',
      required: true
    })
  const problems = [
    ...(noSelect.length > 0
      ? [`SELECT on ${listSome(noSelect.map(tableName))} (Dumpling reads their schema)`]
      : []),
    ...missing.map((n) => `${n.privilege} (${n.why})`)
  ]
  if (problems.length === 0)
    return row(id, title, 'pass', 'SELECT on every selected table and the global privileges needed')
  const required = noSelect.length > 0 || missing.some((n) => n.required)
  const roles =
    g.roles.length > 0
      ? ` The user has roles (${listSome(g.roles)}) whose privileges SHOW GRANTS does not list.`
      : ''
  const status = required && roles === '' ? 'fail' : 'warn'
  return row(
    id,
    title,
    status,
    `Missing: ${problems.join('; ')}. GRANT them to the source user.${roles}`
  )
}

/** Every source verdict. */
export function sourceChecks(facts: PrecheckFacts, ctx: CheckContext): CheckRow[] {
  const src: Outcome<SourceSide> = facts.source
  if (!src.ok)
    return [row('source.connect', 'Source reachable with the given user', 'fail', src.message)]
  const v = src.value.version
  const rows = [
    row(
      'source.connect',
      'Source reachable with the given user',
      'pass',
      `${v.text}${v.aurora ? ` (Aurora MySQL ${v.aurora})` : ''} as '${ctx.inputs.source.user}'`
    ),
    ...binlogRows(src.value, facts, ctx)
  ]
  if (src.value.settings.logBin) {
    const selected = src.value.catalog.tables.reduce((n, t) => n + t.bytes, 0)
    rows.push(
      retentionCheck(src.value.retention, estimateRun(selected, ctx.inputs.import.backend), ctx)
    )
  }
  rows.push(privilegeRow(src.value, ctx))
  return rows
}
