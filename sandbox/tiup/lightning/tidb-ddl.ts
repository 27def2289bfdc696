// What TiDB v8.5 does with two CREATE TABLE statements that the target stand-in (MariaDB) would take as they are,
// so the schema import behaves as it would against TiDB:
// - a spatial column type is a syntax error of TiDB's parser: `ERROR 1064 (42000): You have an error in your SQL
//   syntax; check the manual that corresponds to your TiDB version for the right syntax to use line 1 column 29
//   near "POINT)"` for `CREATE TABLE t_point (c POINT)` (pingcap/tidb#30604; the column is where the type ends, the
//   quote the rest of the statement from the type on, as in pingcap/tidb#29370);
// - a FULLTEXT key is accepted with warning 1214 and the table is created without it (pkg/ddl/create_table.go,
//   buildTableInfo: `AppendWarning(dbterror.ErrTableCantHandleFt)`, then `continue`).

/** A MySQL-protocol error as mysql2 reports one (what goSqlErrorText formats). */
export class TidbSqlError extends Error {
  override name = 'TidbSqlError'
  readonly errno: number
  readonly sqlState: string
  readonly sqlMessage: string
  constructor(errno: number, sqlState: string, sqlMessage: string) {
    super(sqlMessage)
    this.errno = errno
    this.sqlState = sqlState
    this.sqlMessage = sqlMessage
  }
}

const SPATIAL_TYPE =
  /(^|[(,])(\s*`(?:[^`]|``)*`\s+)(geometrycollection|geomcollection|multilinestring|multipolygon|multipoint|linestring|polygon|geometry|point)\b/i
const FULLTEXT_KEY = /^\s*FULLTEXT\s+(?:KEY|INDEX)\b/i

/**
 * The CREATE TABLE as TiDB would run it: FULLTEXT keys dropped; a spatial column refused with TiDB's parser error.
 * @throws TidbSqlError for a spatial column
 */
export function asTidbCreateTable(sql: string): string {
  const lines = sql.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = SPATIAL_TYPE.exec(lines[i] ?? '')
    if (!m) continue
    const start = m.index + (m[1] ?? '').length + (m[2] ?? '').length
    const end = start + (m[3] ?? '').length
    const near = [(lines[i] ?? '').slice(start), ...lines.slice(i + 1)]
      .join('\n')
      .replace(/;\s*$/, '')
    throw new TidbSqlError(
      1064,
      '42000',
      `You have an error in your SQL syntax; check the manual that corresponds to your TiDB version for the right syntax to use line ${i + 1} column ${end} near "${near}" `
    )
  }
  const kept = lines.filter((l) => !FULLTEXT_KEY.test(l))
  if (kept.length === lines.length) return sql
  // The key was the last definition: the one before it loses its comma.
  for (let i = 1; i < kept.length; i++) {
    if (/^\s*\)/.test(kept[i] ?? '')) kept[i - 1] = (kept[i - 1] ?? '').replace(/,\s*$/, '')
  }
  return kept.join('\n')
}
