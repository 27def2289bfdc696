// The source's objects that are not tables or views — triggers, stored routines, events — in the databases the
// filter selects, and the server's user accounts: what a migration to TiDB leaves behind, read before anything
// is changed so the precheck can name them. Reads only (information_schema and mysql.user). information_schema
// shows only what the user has some privilege on (TRIGGER for triggers, EVENT for events, the routine's
// privileges for routines), so an object the migration user cannot see is not found; the precheck says so.
import type mysql from 'mysql2/promise'
import { queryRows } from './catalog.js'
import { cellText } from './source.js'

/** A trigger on a table. */
export interface SourceTrigger {
  readonly database: string
  readonly table: string
  readonly name: string
  /** `BEFORE INSERT`, `AFTER UPDATE`… */
  readonly timing: string
}

/** A stored procedure or function. */
export interface SourceRoutine {
  readonly database: string
  readonly name: string
  readonly type: 'procedure' | 'function'
}

/** A scheduled event. */
export interface SourceEvent {
  readonly database: string
  readonly name: string
  /** `ENABLED`, `DISABLED`, `SLAVESIDE_DISABLED`. */
  readonly status: string
}

/** A user account, `'user'@'host'` once quoted. */
export interface SourceAccount {
  readonly user: string
  readonly host: string
}

/** The non-table objects of the selected databases, and the accounts (undefined: mysql.user could not be read). */
export interface SourceObjects {
  readonly triggers: readonly SourceTrigger[]
  readonly routines: readonly SourceRoutine[]
  readonly events: readonly SourceEvent[]
  /** undefined when the user may not read mysql.user; then the precheck says accounts exist but are not listed. */
  readonly accounts: readonly SourceAccount[] | undefined
}

/** The raw rows (each query aliases its columns to these names). */
export interface SourceObjectRows {
  /** db, tbl, name, timing, event */
  readonly triggers: readonly Record<string, unknown>[]
  /** db, name, type */
  readonly routines: readonly Record<string, unknown>[]
  /** db, name, status */
  readonly events: readonly Record<string, unknown>[]
  /** user, host; undefined when mysql.user could not be read */
  readonly accounts: readonly Record<string, unknown>[] | undefined
}

/**
 * Accounts the server or Aurora keeps for itself (MySQL's `mysql.sys`, `mysql.session`, `mysql.infoschema`,
 * MariaDB's `mariadb.sys`, Aurora's `rdsadmin` and friends): no one would migrate them.
 */
const SYSTEM_ACCOUNT =
  /^(mysql\.|mariadb\.sys$|rdsadmin$|rdsrepladmin$|rdsproxyadmin$|rds_superuser_role$)/

/** Builds the objects from the query rows. Pure. */
export function buildSourceObjects(rows: SourceObjectRows): SourceObjects {
  const s = cellText
  return {
    triggers: rows.triggers.map((r) => ({
      database: s(r['db']),
      table: s(r['tbl']),
      name: s(r['name']),
      timing: `${s(r['timing'])} ${s(r['event'])}`.trim().toUpperCase()
    })),
    routines: rows.routines.map((r) => ({
      database: s(r['db']),
      name: s(r['name']),
      type:
        s(r['type']).toUpperCase() === 'FUNCTION' ? ('function' as const) : ('procedure' as const)
    })),
    events: rows.events.map((r) => ({
      database: s(r['db']),
      name: s(r['name']),
      status: s(r['status']).toUpperCase()
    })),
    accounts: rows.accounts
      ?.map((r) => ({ user: s(r['user']), host: s(r['host']) }))
      // An empty user is an anonymous account, an empty host a MariaDB role (PUBLIC): neither is someone's login.
      .filter((a) => a.user !== '' && a.host !== '' && !SYSTEM_ACCOUNT.test(a.user))
  }
}

/**
 * Reads the triggers, routines and events of `databases` and the accounts of the server.
 * @param conn the source connection
 * @param databases the databases the filter selects tables in
 */
export async function readSourceObjects(
  conn: mysql.Connection,
  databases: readonly string[]
): Promise<SourceObjects> {
  const accounts = await queryRows(
    conn,
    'SELECT User AS user, Host AS host FROM mysql.user ORDER BY User, Host',
    []
  ).catch(() => undefined)
  if (databases.length === 0)
    return buildSourceObjects({ triggers: [], routines: [], events: [], accounts })
  const inList = databases.map(() => '?').join(', ')
  const dbs = [...databases]
  const [triggers, routines, events] = await Promise.all([
    queryRows(
      conn,
      `SELECT TRIGGER_SCHEMA AS db, EVENT_OBJECT_TABLE AS tbl, TRIGGER_NAME AS name,
              ACTION_TIMING AS timing, EVENT_MANIPULATION AS event
         FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA IN (${inList})
        ORDER BY TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, TRIGGER_NAME`,
      dbs
    ),
    queryRows(
      conn,
      `SELECT ROUTINE_SCHEMA AS db, ROUTINE_NAME AS name, ROUTINE_TYPE AS type
         FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA IN (${inList})
        ORDER BY ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME`,
      dbs
    ),
    queryRows(
      conn,
      `SELECT EVENT_SCHEMA AS db, EVENT_NAME AS name, STATUS AS status
         FROM information_schema.EVENTS WHERE EVENT_SCHEMA IN (${inList})
        ORDER BY EVENT_SCHEMA, EVENT_NAME`,
      dbs
    )
  ])
  return buildSourceObjects({ triggers, routines, events, accounts })
}
