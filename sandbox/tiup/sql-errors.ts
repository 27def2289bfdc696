// How Go programs print MySQL errors: go-sql-driver's `Error 1045 (28000): Access denied …` and Go's net
// errors (`dial tcp 127.0.0.1:3306: connect: connection refused`). The stand-ins talk to MariaDB through mysql2
// and reword its errors this way so the action sees the real tools' text.

interface DriverError {
  code?: string
  errno?: number
  sqlState?: string
  sqlMessage?: string
  message?: string
  address?: string
  port?: number
  hostname?: string
}

/** The error text a Go tool would show for a mysql2 error raised while talking to host:port. */
export function goSqlErrorText(e: unknown, host: string, port: number): string {
  const err = (e ?? {}) as DriverError
  const hostPort = `${host.includes(':') ? `[${host}]` : host}:${port}`
  switch (err.code) {
    case 'ECONNREFUSED':
      return `dial tcp ${hostPort}: connect: connection refused`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `dial tcp: lookup ${host}: no such host`
    case 'ETIMEDOUT':
      return `dial tcp ${hostPort}: i/o timeout`
    case 'ECONNRESET':
    case 'PROTOCOL_CONNECTION_LOST':
      return 'invalid connection'
    case 'EHOSTUNREACH':
      return `dial tcp ${hostPort}: connect: no route to host`
  }
  if (err.errno !== undefined && err.sqlState !== undefined) {
    return `Error ${err.errno} (${err.sqlState}): ${err.sqlMessage ?? err.message ?? ''}`
  }
  return err.message ?? String(e)
}
