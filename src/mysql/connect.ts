// Connections to the source (Aurora MySQL) and the target (TiDB), with a deadline and errors that name the inputs
// to fix. Passwords never appear in messages: mysql2's errors say only "using password: YES".
import mysql from 'mysql2/promise'
import type { DbEndpoint } from '../inputs/types.js'
import { formatHostPort } from '../inputs/parsers.js'
import { errorMessage } from '../util/errors.js'

/** Which database an endpoint is, for messages: its inputs are `<which>-host`, `<which>-port`, … */
export type DbRole = 'source' | 'target'

/** Options of {@link connectDb}. */
export interface ConnectOptions {
  /** Connect deadline, ms. Default 10 s. */
  readonly connectTimeoutMs?: number
  readonly database?: string
}

/** The error when a database cannot be reached or refuses the login. */
export class DbConnectError extends Error {
  override name = 'DbConnectError'
  constructor(
    message: string,
    /** mysql2's error code, e.g. `ECONNREFUSED`, `ER_ACCESS_DENIED_ERROR`. */
    readonly code: string | undefined
  ) {
    super(message)
  }
}

/**
 * mysql2's reports of a query on a connection the server had already closed: the first when mysql2 saw the close,
 * the second (Node's socket error) when the query was written before it did.
 */
const CLOSED_REPORTS = [
  "Can't add new command when connection is in closed state",
  'This socket has been ended by the other party'
]

/**
 * The message of a database error, saying plainly when the server closed the connection: mysql2 reports a query sent
 * after the server dropped the connection (a failover, a KILL, a network cut) only as "Can't add new command when
 * connection is in closed state", which does not say what happened. Worded like mysql2's own report of a drop
 * during a query, so both cases read alike.
 * @param e the error
 */
export function dbErrorMessage(e: unknown): string {
  const message = errorMessage(e)
  return CLOSED_REPORTS.some((r) => message.includes(r))
    ? `Connection lost: The server closed the connection (${message})`
    : message
}

function what(role: DbRole): string {
  return role === 'source' ? 'the source (Aurora MySQL)' : 'the target (TiDB)'
}

/**
 * Opens a connection; numbers beyond 2^53 and DATETIMEs come back as exact strings.
 * @throws DbConnectError naming the endpoint, the inputs to check and the driver's own message
 */
export async function connectDb(
  endpoint: DbEndpoint,
  role: DbRole,
  opts: ConnectOptions = {}
): Promise<mysql.Connection> {
  try {
    return await mysql.createConnection({
      host: endpoint.host,
      port: endpoint.port,
      user: endpoint.user,
      password: endpoint.password,
      connectTimeout: opts.connectTimeoutMs ?? 10_000,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
      charset: 'utf8mb4_general_ci',
      ...(opts.database ? { database: opts.database } : {})
    })
  } catch (e) {
    const code = (e as { code?: unknown }).code
    const address = formatHostPort(endpoint.host, endpoint.port)
    throw new DbConnectError(
      `Cannot connect to ${what(role)} at ${address} as '${endpoint.user}' ` +
        `(check inputs ${role}-host, ${role}-port, ${role}-user, ${role}-password): ${errorMessage(e)}`,
      typeof code === 'string' ? code : undefined
    )
  }
}
