// Lightning's error for a schema statement the target refused. pkg/lightning/mydump/schema_import.go (pingcap/tidb)
// runs every statement of a schema job and, on failure, returns
//   common.ErrCreateSchema.Wrap(err).GenWithStackByArgs(common.UniqueTable(job.dbName, job.tblName), job.stmtType.String())
// where ErrCreateSchema's text is `create schema failed, table: %s, stmt: %s` and the statement types print as
// `restore database schema`, `restore table schema` and `restore view schema`. Views are created last, after every
// database and table, one at a time, so a failed view job means the tables are in place and this view (and those
// after it) are not. Pure.
import { parseQualifiedName } from '../log-line.js'
import type { TableName } from '../../table-filter/table-name.js'

/** A view the target refused to create, and the target's reason. */
export interface FailedView {
  readonly view: TableName
  /** The target's error (what follows the statement type), e.g. `Error 1305 (42000): FUNCTION crm.f does not exist`. */
  readonly cause: string
}

const VIEW_FAILURE =
  /create schema failed, table: (`(?:[^`]|``)*`\.`(?:[^`]|``)*`|[^,\s]+), stmt: restore view schema(?::\s*(.*))?/

/** The view a Lightning failure text names, when the failure is a view job's; undefined otherwise. */
export function failedViewOf(text: string): FailedView | undefined {
  const m = VIEW_FAILURE.exec(text)
  if (m === null) return undefined
  const view = parseQualifiedName(m[1] ?? '')
  if (view === undefined) return undefined
  return { view, cause: (m[2] ?? '').trim() || 'the target refused the CREATE VIEW statement' }
}

/** The first view failure among several texts (the verdict, the first error line, the tail). */
export function findFailedView(texts: Iterable<string | undefined>): FailedView | undefined {
  for (const t of texts) {
    const hit = t === undefined ? undefined : failedViewOf(t)
    if (hit !== undefined) return hit
  }
  return undefined
}
