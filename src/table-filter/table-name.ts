// A table as the migration names it everywhere: the source's database (schema) and table, spelled as the source
// spells them. The filter selects these, the catalog lists them, the export, the import, the verification and the
// report speak of them; DM's block-allow-list entries are another thing (escaped patterns: translate.ts DmTableRef).

/** A table: its database and its name. */
export interface TableName {
  readonly database: string
  readonly table: string
}

/** `db.table`: the key the phases and the run state use for a table (not quoted; names may hold dots). */
export function tableKey(t: TableName): string {
  return `${t.database}.${t.table}`
}
