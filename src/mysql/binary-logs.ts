// Whether a binlog file is still on the source (`SHOW BINARY LOGS`). DM can only start from a recorded position
// whose file the source still keeps; Aurora purges binlogs after `binlog retention hours`, and a migration whose
// export and import took longer than that must not start DM and fail later with a vaguer error.
import type { DbEndpoint } from '../inputs/types.js'
import { parseBinlogFile } from './binlog-file.js'

/** What `SHOW BINARY LOGS` says about one file. */
export interface BinlogFileAvailability {
  readonly available: boolean
  /** The oldest and newest files the source keeps (undefined when it lists none). */
  readonly oldest: string | undefined
  readonly newest: string | undefined
}

/**
 * Whether `file` is among the listed binary logs. Pure.
 * @param logs `Log_name` values of `SHOW BINARY LOGS`, in the server's order (oldest first)
 */
export function binlogFileAvailability(
  logs: readonly string[],
  file: string
): BinlogFileAvailability {
  const sorted = [...logs].sort(
    (a, b) => (parseBinlogFile(a)?.seq ?? 0) - (parseBinlogFile(b)?.seq ?? 0)
  )
  return { available: logs.includes(file), oldest: sorted[0], newest: sorted.at(-1) }
}

/** The sentence for a recorded binlog file the source no longer has. */
export function purgedBinlogMessage(file: string, availability: BinlogFileAvailability): string {
  const kept =
    availability.oldest === undefined
      ? 'the source lists no binary log at all'
      : `the oldest binary log it keeps is ${availability.oldest}`
  return (
    `The binlog file ${file} recorded before the snapshot is no longer on the source (${kept}), so DM cannot ` +
    `replicate the changes made since the snapshot: refusing to start DM. Raise the source's binlog retention ` +
    `(CALL mysql.rds_set_configuration('binlog retention hours', 168)) and run the migration again from a new ` +
    'snapshot.'
  )
}

/**
 * Lists the source's binary logs (`Log_name` of `SHOW BINARY LOGS`, oldest first).
 * @throws DbConnectError naming the inputs when the source cannot be reached; the server's error when binary
 *   logging is off or the user lacks REPLICATION CLIENT
 */
export async function listBinaryLogs(source: DbEndpoint): Promise<string[]> {
  // mysql2 is loaded on first use, not at bundle start-up (see phases/aws-deps.ts for why).
  const { connectDb } = await import('./connect.js')
  const conn = await connectDb(source, 'source')
  try {
    const [rows] = await conn.query('SHOW BINARY LOGS')
    return (rows as { Log_name?: unknown }[])
      .map((r) => r.Log_name)
      .filter((name): name is string => typeof name === 'string')
  } finally {
    await conn.end().catch(() => undefined)
  }
}
