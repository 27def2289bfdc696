// The source (Aurora MySQL writer) as the precheck and the binlog capture read it: small functions over a mysql2
// connection, each one query, with the parsing kept pure beside them. Reads only: SELECT, SHOW, and the read-only
// Aurora procedure `mysql.rds_show_configuration`.
//
// Flavours: Aurora MySQL / MySQL (`SHOW MASTER STATUS` with `Executed_Gtid_Set`, `SHOW BINARY LOG STATUS` from
// MySQL 8.4, `@@gtid_executed`) and MariaDB (the sandbox: `BINLOG MONITOR`, GTIDs always on, `@@gtid_binlog_pos` and
// `BINLOG_GTID_POS(file, pos)` for the GTID of an exact position).
import type mysql from 'mysql2/promise'
import { parseMasterStatus } from './binlog.js'

/** `mysql` (Aurora MySQL, MySQL) or `mariadb`. */
export type Flavor = 'mysql' | 'mariadb'

/** The server's version. */
export interface ServerVersion {
  /** `VERSION()`, e.g. `8.0.32` or `10.11.19-MariaDB-0+deb12u1-log`. */
  readonly text: string
  readonly flavor: Flavor
  readonly major: number
  readonly minor: number
  /** `AURORA_VERSION()` (`3.05.2`) on Aurora MySQL, else undefined. */
  readonly aurora: string | undefined
}

/** A row of a query result as mysql2 returns it. */
type Row = Record<string, unknown>

async function rows(conn: mysql.Connection, sql: string, values: unknown[] = []): Promise<Row[]> {
  const [result] = await conn.query(sql, values)
  return Array.isArray(result) ? (result as Row[]) : []
}

/** A result cell as text: strings as they are, numbers and bigints printed, bytes as UTF-8, NULL as ''. */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v)
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8')
  return ''
}

/** mysql2's error number of a failed query (`errno`), or undefined. */
export function sqlErrno(e: unknown): number | undefined {
  const n = (e as { errno?: unknown }).errno
  return typeof n === 'number' ? n : undefined
}

/** MySQL error numbers the readers tell apart. */
export const ER = {
  PARSE_ERROR: 1064,
  UNKNOWN_SYSTEM_VARIABLE: 1193,
  SP_DOES_NOT_EXIST: 1305,
  PROCACCESS_DENIED: 1370,
  DBACCESS_DENIED: 1044,
  TABLEACCESS_DENIED: 1142,
  SPECIFIC_ACCESS_DENIED: 1227
} as const

/** Parses `VERSION()`. */
export function parseServerVersion(text: string, aurora?: string): ServerVersion {
  const m = /^(\d+)\.(\d+)/.exec(text)
  return {
    text,
    flavor: /mariadb/i.test(text) ? 'mariadb' : 'mysql',
    major: Number(m?.[1] ?? 0),
    minor: Number(m?.[2] ?? 0),
    aurora
  }
}

/** Reads the server version, and Aurora's own version where the function exists. */
export async function readServerVersion(conn: mysql.Connection): Promise<ServerVersion> {
  const [row] = await rows(conn, 'SELECT VERSION() AS v')
  let aurora: string | undefined
  try {
    const [a] = await rows(conn, 'SELECT AURORA_VERSION() AS v')
    aurora = cellText(a?.['v']) || undefined
  } catch {
    aurora = undefined // not Aurora: the function does not exist
  }
  return parseServerVersion(cellText(row?.['v']), aurora)
}

/** The global variables the checks look at (absent ones are simply not returned). */
export const SOURCE_VARIABLES = [
  'log_bin',
  'binlog_format',
  'binlog_row_image',
  'server_id',
  'binlog_transaction_compression',
  'gtid_mode',
  'enforce_gtid_consistency',
  'aurora_enhanced_binlog',
  'lower_case_table_names',
  'binlog_expire_logs_seconds',
  'expire_logs_days',
  'sql_mode'
] as const

/** `SHOW GLOBAL VARIABLES` for the given names, as name → value. */
export async function readGlobalVariables(
  conn: mysql.Connection,
  names: readonly string[] = SOURCE_VARIABLES
): Promise<Record<string, string>> {
  const result = await rows(
    conn,
    `SHOW GLOBAL VARIABLES WHERE Variable_name IN (${names.map(() => '?').join(', ')})`,
    [...names]
  )
  return Object.fromEntries(
    result.map((r) => [cellText(r['Variable_name']).toLowerCase(), cellText(r['Value'])])
  )
}

/** The binlog settings that decide whether the recorded position and DM work. */
export interface BinlogSettings {
  readonly logBin: boolean
  /** `ROW`, `STATEMENT`, `MIXED`, or undefined when the variable is absent. */
  readonly format: string | undefined
  /** `FULL`, `MINIMAL`, `NOBLOB`. */
  readonly rowImage: string | undefined
  readonly serverId: number | undefined
  /** undefined: the server has no such variable (MariaDB, MySQL < 8.0.20). */
  readonly transactionCompression: boolean | undefined
  /** MySQL's gtid_mode (`OFF` … `ON`); undefined on MariaDB. */
  readonly gtidMode: string | undefined
  /**
   * Whether DM may run with `enable-gtid: true` (MariaDB: always). On MySQL only `gtid_mode = ON`: DM-master refuses
   * enable-gtid for any other mode, ON_PERMISSIVE included (pingcap/tiflow dm/config/source_config.go `Adjust`:
   * `if val != "ON" { return terror.ErrSourceCheckGTID… }`), and under ON_PERMISSIVE anonymous transactions may
   * still be written, which a GTID set does not cover. Other modes start DM from the binlog file and position.
   */
  readonly gtidEnabled: boolean
  /**
   * Aurora's enhanced binlog (Aurora User Guide, "Setting up enhanced binlog for Aurora MySQL"); undefined where the
   * variable does not exist.
   */
  readonly enhancedBinlog: boolean | undefined
  readonly lowerCaseTableNames: number
  readonly sqlMode: string
}

const on = (v: string | undefined): boolean | undefined =>
  v === undefined ? undefined : ['ON', '1', 'TRUE'].includes(v.toUpperCase())

/** Interprets the variables of {@link readGlobalVariables}. Pure. */
export function binlogSettings(
  vars: Readonly<Record<string, string>>,
  flavor: Flavor
): BinlogSettings {
  const gtidMode = flavor === 'mysql' ? vars['gtid_mode']?.toUpperCase() : undefined
  const serverId = vars['server_id'] === undefined ? undefined : Number(vars['server_id'])
  return {
    logBin: on(vars['log_bin']) ?? false,
    format: vars['binlog_format']?.toUpperCase(),
    rowImage: vars['binlog_row_image']?.toUpperCase(),
    serverId: Number.isFinite(serverId) ? serverId : undefined,
    transactionCompression: on(vars['binlog_transaction_compression']),
    gtidMode,
    gtidEnabled: flavor === 'mariadb' || gtidMode === 'ON',
    enhancedBinlog: on(vars['aurora_enhanced_binlog']),
    lowerCaseTableNames: Number(vars['lower_case_table_names'] ?? 0) || 0,
    sqlMode: vars['sql_mode'] ?? ''
  }
}

/** How long the source keeps binary logs. */
export type BinlogRetention =
  /** Aurora's `binlog retention hours`; null is Aurora's default: purged lazily, with no guarantee
   * (Aurora User Guide, mysql.rds_set_configuration). */
  | { readonly kind: 'aurora'; readonly hours: number | null }
  /** MySQL/MariaDB expiry; `seconds` null means never purged automatically. */
  | { readonly kind: 'expire'; readonly seconds: number | null; readonly variable: string }
  | { readonly kind: 'unknown'; readonly reason: string }

/** `binlog retention hours` from the rows of `CALL mysql.rds_show_configuration`; undefined when not listed. */
export function retentionFromConfiguration(result: unknown): number | null | undefined {
  const list = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : result
  if (!Array.isArray(list)) return undefined
  for (const r of list as Row[]) {
    if (cellText(r['name']).toLowerCase() !== 'binlog retention hours') continue
    const v = cellText(r['value']).trim()
    if (v === '' || /^null$/i.test(v)) return null
    const n = Number(v)
    return Number.isFinite(n) ? n : null
  }
  return undefined
}

/** Retention from `binlog_expire_logs_seconds` (MySQL 8, MariaDB 10.6+) or `expire_logs_days`. Pure. */
export function retentionFromVariables(vars: Readonly<Record<string, string>>): BinlogRetention {
  const seconds = Number(vars['binlog_expire_logs_seconds'])
  if (Number.isFinite(seconds) && seconds > 0)
    return { kind: 'expire', seconds, variable: 'binlog_expire_logs_seconds' }
  const days = Number(vars['expire_logs_days'])
  if (Number.isFinite(days) && days > 0)
    return { kind: 'expire', seconds: Math.round(days * 86_400), variable: 'expire_logs_days' }
  if (vars['binlog_expire_logs_seconds'] !== undefined || vars['expire_logs_days'] !== undefined)
    return { kind: 'expire', seconds: null, variable: 'binlog_expire_logs_seconds' }
  return { kind: 'unknown', reason: 'the server reports no binlog expiry setting' }
}

/**
 * Reads the binlog retention: Aurora's procedure when it exists, else the expiry variables. A procedure the user
 * may not execute gives `unknown` with the grant to add.
 */
export async function readRetention(
  conn: mysql.Connection,
  vars: Readonly<Record<string, string>>
): Promise<BinlogRetention> {
  try {
    const [result] = await conn.query('CALL mysql.rds_show_configuration')
    const hours = retentionFromConfiguration(result)
    return hours === undefined ? retentionFromVariables(vars) : { kind: 'aurora', hours }
  } catch (e) {
    const errno = sqlErrno(e)
    if (errno === ER.SP_DOES_NOT_EXIST) return retentionFromVariables(vars)
    if (errno === ER.PROCACCESS_DENIED || errno === ER.DBACCESS_DENIED)
      return {
        kind: 'unknown',
        reason:
          'the user may not run CALL mysql.rds_show_configuration (GRANT EXECUTE ON PROCEDURE mysql.rds_show_configuration)'
      }
    throw e
  }
}

/** The lines of `SHOW GRANTS` (for the current user). */
export async function readGrants(conn: mysql.Connection): Promise<string[]> {
  return (await rows(conn, 'SHOW GRANTS')).map((r) => cellText(Object.values(r)[0]))
}

/** Where the source's binary log is now. */
export interface BinlogCoordinates {
  readonly file: string
  readonly position: number
  /** MySQL's executed GTID set or MariaDB's GTID position at exactly this coordinate; undefined when none. */
  readonly gtid: string | undefined
  /** The statement that read it. */
  readonly statement: string
}

/** Whether the server has removed `SHOW MASTER STATUS` (MySQL 8.4 and later). */
function binaryLogStatusFirst(v: ServerVersion): boolean {
  return v.flavor === 'mysql' && (v.major > 8 || (v.major === 8 && v.minor >= 4))
}

/**
 * `SHOW MASTER STATUS` (or `SHOW BINARY LOG STATUS` on MySQL ≥ 8.4, each falling back to the other on a syntax
 * error) and the GTID of that very position. Undefined when the binlog is off (no row).
 */
export async function readBinlogCoordinates(
  conn: mysql.Connection,
  version: ServerVersion,
  gtidEnabled: boolean
): Promise<BinlogCoordinates | undefined> {
  const statements = ['SHOW MASTER STATUS', 'SHOW BINARY LOG STATUS']
  if (binaryLogStatusFirst(version)) statements.reverse()
  let result: Row[] | undefined
  let statement = statements[0] as string
  for (const [i, s] of statements.entries()) {
    try {
      statement = s
      result = await rows(conn, s)
      break
    } catch (e) {
      if (sqlErrno(e) !== ER.PARSE_ERROR || i === statements.length - 1) throw e
    }
  }
  const status = parseMasterStatus(result ?? [])
  if (!status.enabled) return undefined
  if (status.positionNumber === undefined)
    throw new Error(`${statement} returned a position beyond 2^53: ${status.position}`)
  let gtid = status.gtidSet
  if (version.flavor === 'mariadb') {
    // The GTID position of exactly this file/offset, not whatever @@gtid_binlog_pos is a moment later.
    const [row] = await rows(conn, 'SELECT BINLOG_GTID_POS(?, ?) AS g', [
      status.file,
      status.positionNumber
    ])
    gtid = cellText(row?.['g']).trim() || undefined
  } else if (gtid === undefined && gtidEnabled) {
    const [row] = await rows(conn, 'SELECT @@GLOBAL.gtid_executed AS g')
    gtid = cellText(row?.['g']).replace(/\s+/g, '') || undefined
  }
  return { file: status.file, position: status.positionNumber, gtid, statement }
}
