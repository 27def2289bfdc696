// What a cluster snapshot holds besides table rows, so a cluster restored from it is the whole database as it was:
// the DDL of every database, table, view, routine, trigger and event, the accounts with their grants, and Aurora's
// `mysql.rds_configuration` setting. An Aurora snapshot is a copy of the cluster volume, so a restored cluster keeps
// all of them, the master user and its password included (RestoreDBClusterFromSnapshot has no password parameter;
// the RDS API reference lists none). Read with the capture's own root connection, inside its consistent-snapshot
// transaction: a table whose definition changes after the view was fixed fails the capture, as it would the data.
import type { Connection, RowDataPacket } from 'mysql2/promise'

/** One schema object: where it lives, its `SHOW CREATE …` text and the sql_mode it was created under. */
export interface SchemaObject {
  readonly db: string
  readonly name: string
  readonly createSql: string
  /** The object's own sql_mode (routines, triggers, events); undefined for tables, views and databases. */
  readonly sqlMode?: string
}

/** One account with its `SHOW CREATE USER` and `SHOW GRANTS` statements (password hashes, not passwords). */
export interface SnapshotAccount {
  readonly user: string
  readonly host: string
  readonly create: string
  readonly grants: readonly string[]
}

/** Everything of a snapshot that is not table rows. */
export interface SnapshotSchema {
  readonly databases: readonly SchemaObject[]
  readonly tables: readonly SchemaObject[]
  readonly views: readonly SchemaObject[]
  readonly routines: readonly SchemaObject[]
  readonly triggers: readonly SchemaObject[]
  readonly events: readonly SchemaObject[]
  readonly accounts: readonly SnapshotAccount[]
  /** `mysql.rds_configuration` rows (`binlog retention hours`), empty when the table does not exist. */
  readonly rdsConfiguration: readonly { readonly name: string; readonly value: string | null }[]
}

/** Databases and accounts every MariaDB server has of its own (a restore keeps the new server's). */
export const SYSTEM_DATABASES = ['mysql', 'information_schema', 'performance_schema', 'sys']
const SERVER_ACCOUNTS = new Set(['mariadb.sys@localhost', 'mysql@localhost'])
/** Root accounts on the loopback: the restored server sets root's password itself when it starts. */
const ROOT_HOSTS = new Set(['localhost', '127.0.0.1', '::1'])

const q = (s: string): string => `\`${s.replace(/`/g, '``')}\``
type Row = RowDataPacket

async function rows(conn: Connection, sql: string, values: unknown[] = []): Promise<Row[]> {
  const [r] = await conn.query<Row[]>(sql, values)
  return r
}

/** The text column of a SHOW CREATE result whose name ends with `label` (`Create Table`, `Create Procedure`, …). */
function createText(row: Row | undefined, label: string): string {
  const key = Object.keys(row ?? {}).find((k) => k.toLowerCase() === label.toLowerCase())
  const v: unknown = key === undefined ? undefined : row?.[key]
  if (typeof v !== 'string' || v === '') throw new Error(`SHOW CREATE gave no '${label}'`)
  return v
}

async function objects(
  conn: Connection,
  list: string,
  kind: 'TABLE' | 'VIEW' | 'PROCEDURE' | 'FUNCTION' | 'TRIGGER' | 'EVENT',
  label: string,
  excluded: string
): Promise<SchemaObject[]> {
  const out: SchemaObject[] = []
  for (const r of await rows(conn, list.replace('$EXCLUDED', excluded))) {
    const db = String(r['db'])
    const name = String(r['name'])
    const [shown] = await rows(conn, `SHOW CREATE ${kind} ${q(db)}.${q(name)}`)
    const mode: unknown = shown?.['sql_mode']
    out.push({
      db,
      name,
      createSql: createText(shown, label),
      ...(typeof mode === 'string' ? { sqlMode: mode } : {})
    })
  }
  return out
}

async function accounts(conn: Connection): Promise<SnapshotAccount[]> {
  const out: SnapshotAccount[] = []
  for (const r of await rows(conn, 'SELECT User AS u, Host AS h FROM mysql.user ORDER BY 1, 2')) {
    const user = String(r['u'])
    const host = String(r['h'])
    if (user === '' || SERVER_ACCOUNTS.has(`${user}@${host}`)) continue
    if (user === 'root' && ROOT_HOSTS.has(host)) continue
    const [create] = await rows(conn, 'SHOW CREATE USER ?@?', [user, host])
    const grants = await rows(conn, 'SHOW GRANTS FOR ?@?', [user, host])
    out.push({
      user,
      host,
      create: String(Object.values(create ?? {})[0] ?? ''),
      grants: grants.map((g) => String(Object.values(g)[0]))
    })
  }
  return out
}

async function rdsConfiguration(conn: Connection): Promise<SnapshotSchema['rdsConfiguration']> {
  const [exists] = await rows(
    conn,
    "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME = 'rds_configuration'"
  )
  if (Number(exists?.['n']) === 0) return []
  return (await rows(conn, 'SELECT name, value FROM mysql.rds_configuration ORDER BY name')).map(
    (r) => ({ name: String(r['name']), value: r['value'] === null ? null : String(r['value']) })
  )
}

/** Reads every schema object, account and setting of the user databases (system databases left out). */
export async function captureSchema(conn: Connection): Promise<SnapshotSchema> {
  const excluded = SYSTEM_DATABASES.map((d) => conn.escape(d)).join(',')
  const databases: SchemaObject[] = []
  for (const r of await rows(
    conn,
    `SELECT SCHEMA_NAME AS db FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN (${excluded}) ORDER BY 1`
  )) {
    const db = String(r['db'])
    const [shown] = await rows(conn, `SHOW CREATE DATABASE ${q(db)}`)
    databases.push({ db, name: db, createSql: createText(shown, 'Create Database') })
  }
  const tables = (type: string): string =>
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name FROM information_schema.TABLES
     WHERE TABLE_TYPE = '${type}' AND TABLE_SCHEMA NOT IN ($EXCLUDED) ORDER BY 1, 2`
  const routines = (type: string): string =>
    `SELECT ROUTINE_SCHEMA AS db, ROUTINE_NAME AS name FROM information_schema.ROUTINES
     WHERE ROUTINE_TYPE = '${type}' AND ROUTINE_SCHEMA NOT IN ($EXCLUDED) ORDER BY 1, 2`
  return {
    databases,
    tables: await objects(conn, tables('BASE TABLE'), 'TABLE', 'Create Table', excluded),
    views: await objects(conn, tables('VIEW'), 'VIEW', 'Create View', excluded),
    routines: [
      ...(await objects(conn, routines('FUNCTION'), 'FUNCTION', 'Create Function', excluded)),
      ...(await objects(conn, routines('PROCEDURE'), 'PROCEDURE', 'Create Procedure', excluded))
    ],
    triggers: await objects(
      conn,
      `SELECT TRIGGER_SCHEMA AS db, TRIGGER_NAME AS name FROM information_schema.TRIGGERS
       WHERE TRIGGER_SCHEMA NOT IN ($EXCLUDED) ORDER BY 1, ACTION_ORDER`,
      'TRIGGER',
      'SQL Original Statement',
      excluded
    ),
    events: await objects(
      conn,
      `SELECT EVENT_SCHEMA AS db, EVENT_NAME AS name FROM information_schema.EVENTS
       WHERE EVENT_SCHEMA NOT IN ($EXCLUDED) ORDER BY 1, 2`,
      'EVENT',
      'Create Event',
      excluded
    ),
    accounts: await accounts(conn),
    rdsConfiguration: await rdsConfiguration(conn)
  }
}
