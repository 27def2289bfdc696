// Comparing the sandbox's target with its source, table by table and row by row, for the tables the demo filter
// selects; and finding a table's row in a report.
import type { Sandbox } from '../../sandbox/index.js'
import type { Report, TableRow } from '../../src/report/types.js'
import { tableKey, type TableName } from '../../src/table-filter/table-name.js'

type Server = Sandbox['source']

/** A selected table and the columns that order its rows. */
export interface OrderedTable {
  readonly db: string
  readonly table: string
  readonly order: string
}

/** The base tables the demo filter selects on the source (`shop`, `analytics`, `crm` but `*_tmp`), with their keys. */
export async function demoTables(source: Server): Promise<OrderedTable[]> {
  const rows = await source.query<{ db: string; t: string; pk: string | null }[]>(
    `SELECT t.TABLE_SCHEMA AS db, t.TABLE_NAME AS t,
            (SELECT GROUP_CONCAT(CONCAT('\`', k.COLUMN_NAME, '\`') ORDER BY k.ORDINAL_POSITION)
               FROM information_schema.KEY_COLUMN_USAGE k
              WHERE k.TABLE_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME
                AND k.CONSTRAINT_NAME = 'PRIMARY') AS pk
       FROM information_schema.TABLES t
      WHERE t.TABLE_SCHEMA IN ('shop', 'analytics', 'crm') AND t.TABLE_NAME NOT LIKE '%\\_tmp'
        AND t.TABLE_TYPE = 'BASE TABLE'
      ORDER BY 1, 2`
  )
  return rows.map((r) => ({ db: r.db, table: r.t, order: r.pk ?? '1' }))
}

/** Every row of a table in key order, as comparable text (Buffers as hex). */
export async function tableRows(server: Server, t: OrderedTable): Promise<string[]> {
  const rows = await server.query<Record<string, unknown>[]>(
    `SELECT * FROM \`${t.db}\`.\`${t.table}\` ORDER BY ${t.order}`
  )
  return rows.map((r) =>
    JSON.stringify(Object.values(r), (_k, v: unknown) =>
      Buffer.isBuffer(v) ? v.toString('hex') : v
    )
  )
}

/**
 * The tables whose rows differ between source and target, as `db.table (source rows vs target rows)`.
 * @param tables the tables the run migrates (its selection: the demo filter's tables less those it left out)
 */
export async function differingTables(
  source: Server,
  target: Server,
  tables: readonly TableName[]
): Promise<string[]> {
  const wanted = new Set(tables.map(tableKey))
  const out: string[] = []
  for (const t of await demoTables(source)) {
    if (!wanted.has(`${t.db}.${t.table}`)) continue
    const [a, b] = await Promise.all([tableRows(source, t), tableRows(target, t)])
    if (a.join('\n') !== b.join('\n')) out.push(`${t.db}.${t.table} (${a.length} vs ${b.length})`)
  }
  return out
}

/** The report's row of a table or view. */
export function rowOf(report: Report, database: string, table: string): TableRow | undefined {
  return report.tables.find((r) => r.database === database && r.table === table)
}
