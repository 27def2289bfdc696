// Dumpling's file names and the schema files of a view, as pingcap/tidb dumpling/export writes them:
// - names go through the output template's `fn` (prepare.go filenameEscapeRegexp): every byte 0x00–0x1F and each of
//   % " * . / : < > ? \ | becomes %XX (upper-case hex), and in any case-insensitive `-schema` only the dash becomes
//   %2D; everything else, multibyte UTF-8 and spaces included, stays. Lightning ≥ v5.4 unescapes them
//   (pkg/lightning/mydump/router.go, url.PathUnescape; pingcap/tidb#31513).
// - a view is written as two files (writer.go WriteViewMeta, sql.go ShowCreateView): `<db>.<view>-schema.sql` with a
//   placeholder table of the view's columns, every one `int`, and `<db>.<view>-schema-view.sql` that drops that table
//   and creates the view between SET statements of its character set; every meta file starts with the special comment
//   `/*!40101 SET NAMES binary*/;` (writer.go writeMetaToFile).
import type mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2'

/** The special comment every meta file starts with. */
export const META_HEADER = '/*!40101 SET NAMES binary*/;\n'

/** The output template's `fn`: a database or table name as it appears in a file name. */
export function dumplingFileName(name: string): string {
  return name.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what gets percent-encoded
    /[\x00-\x1f%"*./:<>?\\|]|-(?:[sS][cC][hH][eE][mM][aA])/g,
    (m) => `%${m.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}${m.slice(1)}`
  )
}

/** Dumpling's escapeString for a name between backticks. */
function ident(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``
}

/** The two files of a view: the placeholder table and the view itself (ShowCreateView's texts, meta header added). */
export interface ViewMeta {
  readonly tableSql: string
  readonly viewSql: string
}

/** Reads a view as ShowCreateView does: `SHOW FIELDS FROM` for the placeholder, `SHOW CREATE VIEW` for the view. */
export async function showCreateView(
  conn: mysql.Connection,
  db: string,
  view: string,
  onError: (sql: string, e: unknown) => Error
): Promise<ViewMeta> {
  const run = async (sql: string): Promise<RowDataPacket[]> => {
    try {
      const [rows] = await conn.query<RowDataPacket[]>(sql)
      return rows
    } catch (e) {
      throw onError(sql, e)
    }
  }
  const fields = await run(`SHOW FIELDS FROM ${ident(db)}.${ident(view)}`)
  const columns = fields.map((f) => `${ident(String(f['Field']))} int`)
  const tableSql = `CREATE TABLE ${ident(view)}(\n${columns.join(',\n')}\n)ENGINE=MyISAM;\n`
  const [row] = await run(`SHOW CREATE VIEW ${ident(db)}.${ident(view)}`)
  const charset = String(row?.['character_set_client'] ?? '')
  const collation = String(row?.['collation_connection'] ?? '')
  const viewSql =
    `DROP TABLE IF EXISTS ${ident(view)};\n` +
    `DROP VIEW IF EXISTS ${ident(view)};\n` +
    'SET @PREV_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT;\n' +
    'SET @PREV_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS;\n' +
    'SET @PREV_COLLATION_CONNECTION=@@COLLATION_CONNECTION;\n' +
    `SET character_set_client = ${charset};\n` +
    `SET character_set_results = ${charset};\n` +
    `SET collation_connection = ${collation};\n` +
    `${String(row?.['Create View'] ?? '')};\n` +
    'SET character_set_client = @PREV_CHARACTER_SET_CLIENT;\n' +
    'SET character_set_results = @PREV_CHARACTER_SET_RESULTS;\n' +
    'SET collation_connection = @PREV_COLLATION_CONNECTION;\n'
  return { tableSql: META_HEADER + tableSql, viewSql: META_HEADER + viewSql }
}
