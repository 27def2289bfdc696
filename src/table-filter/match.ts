// Matching table names with a parsed table filter (parse.ts), the way Dumpling selects tables.
import { compileGoRegexp } from './go-regexp.js'
import { goToLower, type NameMatcher, type TableFilter, type TableRule } from './parse.js'

function matchName(m: NameMatcher, name: string, caseSensitive: boolean): boolean {
  switch (m.kind) {
    case 'all':
      return true
    case 'literal':
      return caseSensitive ? m.name === name : goToLower(m.name) === name
    case 'pattern':
      return compileGoRegexp(m.goRegexp, m.foldCase).test(name)
  }
}

const normalize = (filter: TableFilter, name: string): string =>
  filter.caseSensitive ? name : goToLower(name)

/** Whether the filter selects the table (the last matching rule decides; no match means excluded). */
export function matchesTable(filter: TableFilter, schema: string, table: string): boolean {
  const s = normalize(filter, schema)
  const t = normalize(filter, table)
  for (let i = filter.rules.length - 1; i >= 0; i--) {
    const rule = filter.rules[i] as TableRule
    if (
      matchName(rule.schema, s, filter.caseSensitive) &&
      matchName(rule.table, t, filter.caseSensitive)
    ) {
      return rule.include
    }
  }
  return false
}

/**
 * Whether the filter may select tables of the schema (the tool's MatchSchema): an including rule on the schema
 * says yes, an excluding rule says no only when it excludes every table of it (`!db.*`).
 */
export function matchesSchema(filter: TableFilter, schema: string): boolean {
  const s = normalize(filter, schema)
  for (let i = filter.rules.length - 1; i >= 0; i--) {
    const rule = filter.rules[i] as TableRule
    if (
      matchName(rule.schema, s, filter.caseSensitive) &&
      (rule.include || rule.table.kind === 'all')
    ) {
      return rule.include
    }
  }
  return false
}
