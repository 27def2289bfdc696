// A filter that also leaves out named tables: the rules as written, then one exclusion rule per table
// (`` !`db`.`table` ``, back-quoted, back-quotes doubled). The last matching rule wins in the table-filter syntax
// (pingcap/tidb pkg/util/table-filter, README "Multiple rules"), so the exclusions beat any earlier inclusion, in
// Dumpling's --filter, Lightning's mydumper.filter and the DM translation alike.
import { parseFilter, type TableFilter } from './parse.js'
import type { TableName } from './table-name.js'

const quoted = (name: string): string => `\`${name.replaceAll('`', '``')}\``

/** `` !`db`.`table` ``: the exclusion rule of one table. */
export const exclusionRule = (t: TableName): string => `!${quoted(t.database)}.${quoted(t.table)}`

/**
 * `filter` with `tables` excluded (the same filter when there are none).
 * @param filter the parsed `filter` input
 * @param tables the tables to leave out
 */
export function excludingTables(filter: TableFilter, tables: readonly TableName[]): TableFilter {
  if (tables.length === 0) return filter
  const extra = parseFilter(tables.map(exclusionRule), { caseSensitive: filter.caseSensitive })
  return { ...filter, rules: [...filter.rules, ...extra.rules] }
}
