// The last step of Lightning's schema import (pkg/lightning/mydump/schema_import.go importViews): after every
// database and table, including the placeholder tables Dumpling writes for views, each view is created serially,
// "since views can cross database"; one that already exists downstream, or whose file is empty, is skipped.
import type mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2'
import type { ExternalStorage } from '../storage.js'
import type { ToolLogger } from '../tool-log.js'
import type { DbMeta } from './loader.js'
import { rewriteViewStatement, splitStatements } from './sql-data.js'

/** Lightning's ErrCreateSchema for a failed statement of `table`'s job of the given kind. */
export type SchemaError = (table: string, kind: string, cause: unknown) => Error

/** `db`.`table` as Lightning names it. */
type Unique = (db: string, table: string) => string

/** Creates the views of every database, in file order, after the tables. */
export async function restoreViews(
  dbs: readonly DbMeta[],
  pool: mysql.Pool,
  storage: ExternalStorage,
  log: ToolLogger,
  fail: SchemaError,
  unique: Unique
): Promise<void> {
  for (const db of dbs) {
    if (!db.views.length) continue
    const [rows] = await pool.query<RowDataPacket[]>(
      'SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?',
      [db.name]
    )
    const existing = new Set(rows.map((r) => String(r['TABLE_NAME']).toLowerCase()))
    for (const view of db.views) {
      if (existing.has(view.name.toLowerCase())) {
        log.info('schema_import.go:259', 'view already exists in downstream, skip', [
          ['db', db.name],
          ['view-name', view.name]
        ])
        continue
      }
      const text = (await storage.readFile(view.schemaFile)).toString('utf8')
      if (!text.trim()) {
        log.info('schema_import.go:269', 'view schema is empty, skip', [
          ['db', db.name],
          ['view-name', view.name]
        ])
        continue
      }
      // One connection per view (runJob): the SET statements around CREATE VIEW are session state.
      const conn = await pool.getConnection()
      try {
        for (const s of splitStatements(text).filter((x) => x.trim())) {
          await conn.query(rewriteViewStatement(s, db.name, view.name)).catch((e: unknown) => {
            throw fail(unique(db.name, view.name), 'restore view schema', e)
          })
        }
      } finally {
        conn.release()
      }
    }
  }
}
