// What DM-master checks when a source is registered (`operate-source create|update`): it connects, detects the
// flavor, and refuses `enable-gtid: true` on a MySQL source whose GTID_MODE is not ON.
import mysql from 'mysql2/promise'
import { mysqlErrorText } from './checker.js'
import type { SourceConfig } from './config.js'
import { delegate, ERR, generate, withScope, type Terror } from './terror.js'

/**
 * DM-master's verdict on a MySQL source's GTID_MODE when `enable-gtid: true`: pingcap/tiflow
 * dm/config/source_config.go `Adjust` accepts exactly `"ON"` and otherwise returns `ErrSourceCheckGTID`
 * (dm/pkg/terror/error_list.go: "%s has GTID_MODE = %s instead of ON"), so ON_PERMISSIVE, OFF_PERMISSIVE and OFF
 * are refused alike.
 */
export function gtidModeRefusal(sourceId: string, mode: string): Terror | undefined {
  return mode === 'ON' ? undefined : generate(ERR.SourceCheckGTID, sourceId, mode)
}

/** Connects to a source as DM-master does before accepting it (`GetUpstreamDB` + `SourceConfig.Adjust`). */
export async function adjustSource(cfg: SourceConfig): Promise<Terror | undefined> {
  let c: mysql.Connection
  try {
    c = await mysql.createConnection({ ...cfg.from, connectTimeout: 10_000 })
  } catch (err) {
    return delegate(ERR.DBDriverError, mysqlErrorText(err))
  }
  try {
    const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT @@server_id AS id, @@version AS v')
    if (!cfg.flavor) cfg.flavor = /mariadb/i.test(String(rows[0]?.['v'])) ? 'mariadb' : 'mysql'
    // dm/config/source_config.go Adjust: MariaDB always writes GTIDs; a MySQL source needs GTID_MODE exactly ON
    // (dm/pkg/conn/utils.go getVariable reads it with SHOW GLOBAL VARIABLES).
    if (!cfg.enableGtid || cfg.flavor === 'mariadb') return undefined
    const [vars] = await c.query<mysql.RowDataPacket[]>("SHOW GLOBAL VARIABLES LIKE 'gtid_mode'")
    const row = vars[0]
    if (!row) {
      const e = { ...generate(ERR.DBDriverError), message: 'variable gtid_mode not found' }
      return withScope(e, 'upstream')
    }
    return gtidModeRefusal(cfg.sourceId, String(row['Value'] as string))
  } catch (err) {
    return delegate(ERR.DBDriverError, mysqlErrorText(err))
  } finally {
    await c.end().catch(() => undefined)
  }
}
