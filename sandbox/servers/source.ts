// The source: a private MariaDB standing in for the Aurora MySQL writer. Binary log named like Aurora's, ROW format,
// FULL row image, a server id, GTID (native in MariaDB); a migration user with exactly the privileges Dumpling and
// DM need (PingCAP docs: "Dumpling Overview", "DM-worker Introduction"); and Aurora's binlog-retention procedures
// (Aurora User Guide, mysql.rds_set_configuration) so the real call works.
import type mysql from 'mysql2/promise'
import { startMariaDb, type MariaDbServer } from '../lib/mariadb.js'
import { loadSampleData } from './sample-data.js'

/** Aurora's binary log base name: files are `mysql-bin-changelog.000001`, … (as the Aurora User Guide's
 * describe-events example shows). */
export const AURORA_BINLOG_BASENAME = 'mysql-bin-changelog'

/**
 * The migration user's global privileges: Dumpling's and DM's (PingCAP docs: "Dumpling Overview",
 * "DM-worker Introduction"), and TRIGGER and EVENT, without which
 * information_schema.TRIGGERS and .EVENTS show it nothing (MySQL 8.0 Reference Manual, "The INFORMATION_SCHEMA
 * TRIGGERS Table": "You must have the TRIGGER privilege"; MariaDB likewise), so the precheck could not name the
 * triggers and events TiDB cannot hold. Nothing more.
 */
export const MIGRATION_PRIVILEGES = [
  'SELECT',
  'RELOAD',
  'LOCK TABLES',
  'REPLICATION CLIENT',
  'PROCESS',
  'SHOW VIEW',
  'REPLICATION SLAVE',
  'TRIGGER',
  'EVENT'
] as const

/** Hosts the migration user may connect from: TCP from 127.0.0.1 and the socket (`localhost`). */
export const MIGRATION_USER_HOSTS = ['127.0.0.1', 'localhost'] as const

/** Aurora's text for the only configuration `rds_show_configuration` lists on Aurora MySQL. */
const RETENTION_DESCRIPTION =
  'binlog retention hours specifies the duration in hours before binary logs are automatically deleted.'

/** Upper bound of `binlog retention hours` on Aurora MySQL 2.11+ and 3; larger values are capped (Aurora
 * User Guide, mysql.rds_set_configuration). */
export const MAX_RETENTION_HOURS = 2160

/** How to start the source server process. */
export interface SourceServerOptions {
  /** Directory of this server (data folder, socket, error log). */
  readonly dir: string
  readonly rootPassword: string
  /** Fixed port (a restart keeps the port), or undefined for a free one. */
  readonly port?: number
  /** False starts without `--log-bin` (fault `binlog-off`). */
  readonly binlog: boolean
  /** Name in logs (default `source`); a cluster restored from a snapshot runs the same server under its own name. */
  readonly name?: string
  /** Server id (default 1). */
  readonly serverId?: number
}

/** Starts (or restarts, on an existing directory) the source `mariadbd`, or another Aurora writer like it. */
export function startSourceServer(opts: SourceServerOptions): Promise<MariaDbServer> {
  return startMariaDb({
    name: opts.name ?? 'source',
    dir: opts.dir,
    serverId: opts.serverId ?? 1,
    logBin: opts.binlog ? AURORA_BINLOG_BASENAME : undefined,
    rootPassword: opts.rootPassword,
    ...(opts.port === undefined ? {} : { port: opts.port }),
    // Aurora runs in UTC by default; TIMESTAMP values and the export's microsecond timestamps depend on it.
    extraArgs: ['--default-time-zone=+00:00', '--max-allowed-packet=64M']
  })
}

function quoteString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

/**
 * The SQL that creates the migration user on every host with exactly its privileges and EXECUTE on the procedures.
 */
export function migrationUserStatements(user: string, password: string): string[] {
  const out: string[] = []
  for (const host of MIGRATION_USER_HOSTS) {
    const account = `${quoteString(user)}@${quoteString(host)}`
    out.push(`CREATE USER ${account} IDENTIFIED BY ${quoteString(password)}`)
    out.push(`GRANT ${MIGRATION_PRIVILEGES.join(', ')} ON *.* TO ${account}`)
    for (const proc of ['rds_show_configuration', 'rds_set_configuration']) {
      out.push(`GRANT EXECUTE ON PROCEDURE mysql.${proc} TO ${account}`)
    }
  }
  return out
}

/**
 * Aurora's `mysql.rds_show_configuration` and `mysql.rds_set_configuration(name, value)`, kept in a table so the
 * setting survives restarts as on Aurora. Rules from the Aurora guide: NULL restores the default (lazy cleanup),
 * 0 is refused, values above 2160 are capped.
 */
export function auroraProcedureStatements(retentionHours: number | null): string[] {
  return [
    `CREATE TABLE mysql.rds_configuration (
       name VARCHAR(64) NOT NULL PRIMARY KEY,
       value VARCHAR(64) NULL,
       description VARCHAR(300) NOT NULL
     ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
    `INSERT INTO mysql.rds_configuration VALUES ('binlog retention hours', ${
      retentionHours === null ? 'NULL' : `'${retentionHours}'`
    }, ${quoteString(RETENTION_DESCRIPTION)})`,
    `CREATE PROCEDURE mysql.rds_show_configuration()
       SQL SECURITY DEFINER READS SQL DATA
       SELECT name, value, description FROM mysql.rds_configuration ORDER BY name`,
    `CREATE PROCEDURE mysql.rds_set_configuration(IN p_name VARCHAR(64), IN p_value INT)
       SQL SECURITY DEFINER MODIFIES SQL DATA
     BEGIN
       IF p_name IS NULL OR NOT EXISTS (SELECT 1 FROM mysql.rds_configuration WHERE name = p_name) THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Invalid configuration name';
       END IF;
       IF p_value IS NOT NULL AND p_value <= 0 THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'For binlog retention hours, value must be greater than 0';
       END IF;
       UPDATE mysql.rds_configuration
          SET value = IF(p_value IS NULL, NULL, CAST(LEAST(p_value, ${MAX_RETENTION_HOURS}) AS CHAR))
        WHERE name = p_name;
     END`
  ]
}

/** What `prepareSource` sets up. */
export interface SourcePreparation {
  readonly user: string
  readonly password: string
  readonly scale: number
  /** Initial `binlog retention hours` (null: Aurora's default, lazy cleanup). */
  readonly retentionHours: number | null
}

/**
 * Creates Aurora's procedures, the migration user and the sample data on a fresh source, without writing any of it
 * to the binary log (none of it is history a migration replays).
 */
export async function prepareSource(server: MariaDbServer, prep: SourcePreparation): Promise<void> {
  const conn: mysql.Connection = await server.connect()
  try {
    await conn.query('SET SESSION sql_log_bin = 0')
    for (const sql of auroraProcedureStatements(prep.retentionHours)) await conn.query(sql)
    for (const sql of migrationUserStatements(prep.user, prep.password)) await conn.query(sql)
    await loadSampleData(conn, prep.scale)
  } finally {
    await conn.end()
  }
}
