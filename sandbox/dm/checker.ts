// check-task's pre-check (pingcap/tiflow dm/checker, dm/pkg/checker) for incremental tasks: the checks DM runs, with
// DM's names, descriptions, messages and instructions; results are numbered by their place in the check list.
// The answer is `pre-check is passed. `, a warnings text, or error 26005 whose message embeds the detail as
// `json.MarshalIndent(results, "\t", "\t")` — dmctl splices that into its output unescaped.
import { spawn } from 'node:child_process'
import mysql from 'mysql2/promise'
import { binlogClientArgs, binlogErrorText } from './binlog-stream.js'
import type { DbConfig, InstanceConfig, SourceConfig, TaskConfig } from './config.js'
import { renderGoJson, type GoJson } from './jsonpb.js'
import { annotate, delegate, ERR, generate, type Terror } from './terror.js'

/** `CheckTaskMsgHeader`. */
export const CHECK_TASK_MSG_HEADER = 'fail to check synchronization configuration with type'
/** `CheckTaskSuccess` (with DM's trailing space). */
export const CHECK_TASK_SUCCESS = 'pre-check is passed. '

/** One check result (`checker.Result`). */
export interface CheckResult {
  id: number
  name: string
  desc: string
  state: 'success' | 'fail' | 'warn'
  errors: { severity: 'fail' | 'warn'; short_error: string; instruction?: string }[]
  instruction: string
  extra: string
}

function resultJson(r: CheckResult): GoJson {
  const o: Record<string, GoJson> = { id: r.id, name: r.name, desc: r.desc, state: r.state }
  if (r.errors.length) {
    o['errors'] = r.errors.map((e) => {
      const eo: Record<string, GoJson> = { severity: e.severity, short_error: e.short_error }
      if (e.instruction) eo['instruction'] = e.instruction
      return eo
    })
  }
  if (r.instruction) o['instruction'] = r.instruction
  if (r.extra) o['extra'] = r.extra
  return o
}

/**
 * Turns results into check-task's answer (`CheckSyncConfig` + `filterResults`): the message on success or warnings,
 * or the 26005 error. errCnt / warnCnt cap what the detail lists, as `--error` / `--warn` do.
 */
export function checkTaskOutcome(
  results: readonly CheckResult[],
  errCnt: number,
  warnCnt: number
): { msg: string } | { error: Terror } {
  const failed = results.filter((r) => r.state === 'fail').length
  const warning = results.filter((r) => r.state === 'warn').length
  const successful = results.length - failed - warning
  if (failed === 0 && warning === 0) return { msg: CHECK_TASK_SUCCESS }
  let e = errCnt
  let w = warnCnt
  const shown: CheckResult[] = []
  for (const r of results) {
    if (r.state === 'success') continue
    const errors = r.errors.filter((x) => {
      if (x.severity === 'warn') return w-- > 0
      return e-- > 0
    })
    if (errors.length) shown.push({ ...r, errors })
  }
  const detail = renderGoJson(
    {
      results: shown.map(resultJson),
      summary: {
        passed: failed === 0,
        total: results.length,
        successful,
        failed,
        warning
      }
    },
    '\t',
    '\t'
  )
  if (failed === 0)
    return { msg: `${CHECK_TASK_MSG_HEADER}: no errors but some warnings\n detail: ${detail}` }
  return {
    error: generate(
      ERR.TaskCheckSyncConfigError,
      CHECK_TASK_MSG_HEADER,
      'check was failed, please see detail',
      detail
    )
  }
}

type Probe = (db: mysql.Connection) => Promise<Omit<CheckResult, 'id'>>

const address = (c: DbConfig): string => `address of db instance - ${c.host}:${c.port}`

async function variable(db: mysql.Connection, name: string): Promise<string> {
  const [rows] = await db.query<mysql.RowDataPacket[]>('SHOW GLOBAL VARIABLES LIKE ?', [name])
  return String(rows[0]?.['Value'] ?? '')
}

function result(
  name: string,
  desc: string,
  extra: string,
  failure?: { msg: string; instruction: string; severity?: 'fail' | 'warn' }
): Omit<CheckResult, 'id'> {
  if (!failure) return { name, desc, state: 'success', errors: [], instruction: '', extra }
  const severity = failure.severity ?? 'fail'
  return {
    name,
    desc,
    state: severity,
    errors: [{ severity, short_error: failure.msg }],
    instruction: failure.instruction,
    extra
  }
}

async function guarded(
  name: string,
  desc: string,
  extra: string,
  body: () => Promise<Omit<CheckResult, 'id'>>
): Promise<Omit<CheckResult, 'id'>> {
  try {
    return await body()
  } catch (err) {
    return result(name, desc, extra, { msg: mysqlErrorText(err), instruction: '' })
  }
}

/** go-sql-driver's error text: `Error 1227 (42000): Access denied; …`. */
export function mysqlErrorText(err: unknown): string {
  const e = err as { errno?: number; sqlState?: string; message?: string }
  return e.errno
    ? `Error ${e.errno} (${e.sqlState ?? 'HY000'}): ${e.message ?? ''}`
    : String(e.message ?? err)
}

const AURORA_PARAMS =
  'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_WorkingWithDBInstanceParamGroups.html'

/** Privileges named in SHOW GRANTS lines that grant them globally (`ON *.*`). */
export function globalPrivileges(grants: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const g of grants) {
    const m = /^GRANT (.+?) ON \*\.\* TO /i.exec(g)
    if (!m) continue
    for (const p of (m[1] ?? '').split(',')) out.add(p.trim().toUpperCase())
  }
  if (out.has('ALL PRIVILEGES')) out.add('*')
  // MariaDB 10.5 renamed REPLICATION CLIENT to BINLOG MONITOR; SHOW GRANTS prints the new name.
  if (out.has('BINLOG MONITOR')) out.add('REPLICATION CLIENT')
  return out
}

function lackOf(grants: readonly string[], needed: readonly string[]): string {
  const have = globalPrivileges(grants)
  if (have.has('*')) return ''
  return needed
    .filter((p) => !have.has(p))
    .map((p) => `lack of ${p} global (*.*) privilege; `)
    .join('')
}

async function grantsOf(db: mysql.Connection): Promise<string[]> {
  const [rows] = await db.query<mysql.RowDataPacket[]>('SHOW GRANTS')
  return rows.map((r) => String(Object.values(r)[0]))
}

/** Whether a binlog position can be read, the way MetaPositionChecker tries it; '' when it can. */
export function probeBinlogPosition(from: DbConfig, file: string, pos: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(
      'mariadb-binlog',
      [...binlogClientArgs(from), `--start-position=${pos}`, file],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let stderr = ''
    let seenEvent = false
    const timer = setTimeout(() => child.kill('SIGTERM'), 15_000)
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.stdout.on('data', (d: Buffer) => {
      // One event header past the position is proof enough; stop reading the rest of the file.
      if (!seenEvent && /end_log_pos [1-9]/.test(d.toString('latin1'))) {
        seenEvent = true
        child.kill('SIGTERM')
      }
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve(seenEvent || code === 0 ? '' : binlogErrorText(stderr))
    })
  })
}

function probesFor(
  task: TaskConfig,
  inst: InstanceConfig,
  src: SourceConfig,
  forceFail: boolean
): Probe[] {
  const from = src.from
  const extra = address(from)
  const probes: Probe[] = []
  const skip = new Set(task.ignoreCheckingItems)
  const meta = inst.meta
  if (!skip.has('version')) {
    probes.push(() =>
      Promise.resolve(result('mysql_version', 'check whether mysql version is satisfied', extra))
    )
  }
  if (!skip.has('meta_position') && meta && meta.binlogName) {
    const name = 'meta position check'
    const desc = 'check whether meta position is valid for db'
    probes.push(async () => {
      const err = await probeBinlogPosition(from, meta.binlogName, meta.binlogPos || 4)
      return result(
        name,
        desc,
        extra,
        err
          ? {
              msg: err,
              instruction:
                "you should make sure your meta's binlog position is valid and not purged, and the user has REPLICATION SLAVE privilege"
            }
          : undefined
      )
    })
  }
  const varCheck = (
    item: string,
    name: string,
    desc: string,
    variableName: string,
    ok: (v: string) => string | undefined,
    instruction: string
  ): void => {
    if (skip.has(item)) return
    probes.push((db) =>
      guarded(name, desc, extra, async () => {
        const bad = ok(await variable(db, variableName))
        return result(name, desc, extra, bad === undefined ? undefined : { msg: bad, instruction })
      })
    )
  }
  varCheck(
    'server_id',
    'mysql_server_id',
    'check whether mysql server_id has been greater than 0',
    'server_id',
    (v) => (v === '' ? 'server_id not set' : v === '0' ? 'server_id is 0' : undefined),
    'Set server_id greater than 0, or errors might happen in master/slave switchover'
  )
  varCheck(
    'binlog_enable',
    'mysql_binlog_enable',
    'check whether mysql binlog is enabled',
    'log_bin',
    (v) => (v.toUpperCase() === 'ON' ? undefined : `log_bin is ${v}, and should be ON`),
    'MySQL as source: please refer to the document to enable the binlog https://dev.mysql.com/doc/refman/5.7/en/replication-howto-masterbaseconfig.html'
  )
  varCheck(
    'binlog_format',
    'mysql_binlog_format',
    'check whether mysql binlog_format is ROW',
    'binlog_format',
    (v) => {
      // The dm-check-task-fail fault reports the source as Aurora with binlog_format left at STATEMENT.
      const value = forceFail ? 'STATEMENT' : v
      return value.toUpperCase() === 'ROW'
        ? undefined
        : `binlog_format is ${value}, and should be ROW`
    },
    `MySQL as source: please execute 'set global binlog_format=ROW;'; AWS Aurora (MySQL)/RDS MySQL as source: please refer to the document to create a new DB parameter group and set the binlog_format=row: ${AURORA_PARAMS}. Then modify the instance to use the new DB parameter group and restart the instance to take effect.`
  )
  varCheck(
    'binlog_row_image',
    'mysql_binlog_row_image',
    'check whether mysql binlog_row_image is FULL',
    'binlog_row_image',
    (v) =>
      v.toUpperCase() === 'FULL' ? undefined : `binlog_row_image is ${v}, and should be FULL`,
    `MySQL as source: please execute 'set global binlog_row_image = FULL;'; AWS Aurora (MySQL)/RDS MySQL as source: please refer to the document to create a new DB parameter group and set the binlog_row_image = FULL: ${AURORA_PARAMS} Then modify the instance to use the new DB parameter group and restart the instance to take effect.`
  )
  if (!skip.has('replication_privilege')) {
    const name = 'source db replication privilege checker'
    const desc = 'check replication privileges of source DB'
    probes.push((db) =>
      guarded(name, desc, extra, async () => {
        const lack = lackOf(await grantsOf(db), ['REPLICATION CLIENT', 'REPLICATION SLAVE'])
        return result(
          name,
          desc,
          extra,
          lack
            ? { msg: lack, instruction: 'Grant the required privileges to the account.' }
            : undefined
        )
      })
    )
  }
  if (!skip.has('binlog_db')) {
    const name = 'binlog_do_db/binlog_ignore_db check'
    const desc = 'check whether migrated dbs are in binlog_do_db/binlog_ignore_db'
    probes.push((db) =>
      guarded(name, desc, extra, async () => {
        await db.query('SHOW MASTER STATUS')
        return result(name, desc, extra)
      })
    )
  }
  return probes
}

async function connect(c: DbConfig): Promise<mysql.Connection> {
  return mysql.createConnection({
    host: c.host,
    port: c.port,
    user: c.user,
    password: c.password,
    connectTimeout: 10_000
  })
}

/**
 * Runs the pre-check of a task against its sources and target. Sources must exist (the caller checked).
 * `forceFail` (fault dm-check-task-fail) makes the binlog_format check fail as on a misconfigured Aurora.
 * Returns check-task's message, or the error DM-master puts in `msg` / `checkResult`.
 */
export async function runCheckTask(
  task: TaskConfig,
  sources: ReadonlyMap<string, SourceConfig>,
  errCnt: number,
  warnCnt: number,
  forceFail = false
): Promise<{ msg: string } | { error: Terror }> {
  if (task.ignoreCheckingItems.includes('all')) return { msg: '' }
  const results: CheckResult[] = []
  const add = (r: Omit<CheckResult, 'id'>): void => {
    results.push({ id: results.length, ...r })
  }
  let target: mysql.Connection
  try {
    target = await connect(task.targetDatabase)
  } catch (err) {
    const t = task.targetDatabase
    return {
      error: annotate(
        delegate(ERR.TaskCheckFailedOpenDB, mysqlErrorText(err), t.user, t.host, t.port),
        'fail to initialize checker'
      )
    }
  }
  try {
    if (!task.ignoreCheckingItems.includes('target_privilege')) {
      const t = task.targetDatabase
      const lack = lackOf(await grantsOf(target), [
        'CREATE',
        'SELECT',
        'INSERT',
        'UPDATE',
        'DELETE',
        'DROP',
        'ALTER',
        'INDEX'
      ])
      add(
        result(
          'target db privilege checker',
          'check privileges of target DB',
          address(t),
          lack
            ? { msg: lack, instruction: 'You need grant related privileges.', severity: 'warn' }
            : undefined
        )
      )
    }
    for (const inst of task.instances) {
      const src = sources.get(inst.sourceId)
      if (!src) continue
      let db: mysql.Connection
      try {
        db = await connect(src.from)
      } catch (err) {
        const f = src.from
        return {
          error: annotate(
            delegate(ERR.TaskCheckFailedOpenDB, mysqlErrorText(err), f.user, f.host, f.port),
            'fail to initialize checker'
          )
        }
      }
      try {
        for (const probe of probesFor(task, inst, src, forceFail)) add(await probe(db))
      } finally {
        await db.end()
      }
    }
  } finally {
    await target.end()
  }
  return checkTaskOutcome(results, errCnt, warnCnt)
}
