// `sql source|target "<sql>"`: runs SQL as root on one of the sandbox's servers and prints the results as the
// mariadb client's table format does, so demos and users can look inside without a client of their own.
import mysql from 'mysql2/promise'
import type { SandboxState } from '../state.js'
import { CliError } from './errors.js'
import { NPM } from './lifecycle.js'

/** One statement's outcome: rows with their column names, or an OK packet. */
export type SqlResult =
  | {
      readonly kind: 'rows'
      readonly columns: readonly string[]
      readonly rows: readonly unknown[][]
    }
  | { readonly kind: 'ok'; readonly affectedRows: number }

function show(v: unknown): string {
  if (v === null || v === undefined) return 'NULL'
  if (Buffer.isBuffer(v)) return `0x${v.toString('hex').toUpperCase()}`
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}

/** Renders results like the mariadb client: a boxed table and `N rows in set`, or `Query OK, N rows affected`. */
export function formatResults(results: readonly SqlResult[]): string {
  return results
    .map((r) => {
      if (r.kind === 'ok')
        return `Query OK, ${r.affectedRows} row${r.affectedRows === 1 ? '' : 's'} affected`
      if (r.rows.length === 0) return 'Empty set'
      const cells = r.rows.map((row) => row.map(show))
      const widths = r.columns.map((c, i) =>
        Math.max(c.length, ...cells.map((row) => row[i]?.length ?? 0))
      )
      const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`
      const fmt = (row: readonly string[]): string =>
        `| ${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
      const count = `${r.rows.length} row${r.rows.length === 1 ? '' : 's'} in set`
      return [line, fmt(r.columns), line, ...cells.map(fmt), line, count].join('\n')
    })
    .join('\n\n')
}

type Packet = mysql.RowDataPacket[] | mysql.ResultSetHeader

function toResult(packet: Packet, fields: mysql.FieldPacket[] | undefined): SqlResult {
  if (!Array.isArray(packet)) return { kind: 'ok', affectedRows: packet.affectedRows }
  const columns = fields?.map((f) => f.name) ?? Object.keys(packet[0] ?? {})
  return { kind: 'rows', columns, rows: packet.map((row) => columns.map((c): unknown => row[c])) }
}

/** Runs SQL (several statements allowed) as root on `source` or `target`. */
export async function runSql(
  state: SandboxState,
  server: string,
  sql: string
): Promise<SqlResult[]> {
  if (server !== 'source' && server !== 'target') {
    throw new CliError(`usage: ${NPM} sql source|target "<sql>"`, 2)
  }
  const e = server === 'source' ? state.endpoints.source : state.endpoints.target
  const conn = await mysql.createConnection({
    host: e.host,
    port: e.port,
    user: 'root',
    password: state.rootPasswords[server],
    multipleStatements: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true
  })
  try {
    const [packets, fields] = (await conn.query(sql)) as [Packet | Packet[], unknown]
    // Several statements answer with one packet and one field list per statement.
    const multi = Array.isArray(packets) && packets.some((p) => Array.isArray(p) || isHeader(p))
    if (!multi) return [toResult(packets as Packet, fields as mysql.FieldPacket[] | undefined)]
    const fieldLists = fields as (mysql.FieldPacket[] | undefined)[]
    return (packets as Packet[]).map((p, i) => toResult(p, fieldLists[i]))
  } catch (e) {
    const err = e as { code?: string; errno?: number; message?: string }
    throw new CliError(
      `${server}: ERROR ${err.errno ?? ''} (${err.code ?? 'unknown'}): ${err.message ?? String(e)}`
    )
  } finally {
    await conn.end()
  }
}

function isHeader(p: unknown): boolean {
  return (
    typeof p === 'object' &&
    p !== null &&
    !Array.isArray(p) &&
    'affectedRows' in p &&
    'fieldCount' in p
  )
}
