// A table as the migration names it everywhere: the source's database (schema) and table, spelled as the source
// spells them. The filter selects these, the catalog lists them, the export, the import, the verification and the
// report speak of them; DM's block-allow-list entries are another thing (escaped patterns: translate.ts DmTableRef).

/** A table: its database and its name. */
export interface TableName {
  readonly database: string
  readonly table: string
}

/** A dot or backslash in a name, escaped so that the joined key stays one pair. */
const escapePart = (name: string): string => name.replace(/[\\.]/g, (c) => `\\${c}`)

/**
 * `db.table`: the key the phases and the run state use for a table. A dot or backslash inside a name is escaped
 * with a backslash, so database `rtk` with table `x.y` (`rtk.x\.y`) and database `rtk.x` with table `y`
 * (`rtk\.x.y`) are two keys, as they are two tables; names without either read as before.
 */
export function tableKey(t: TableName): string {
  return `${escapePart(t.database)}.${escapePart(t.table)}`
}
