// DM's block-allow-list (MySQL replication-rule style filter, pingcap/tidb pkg/util/filter):
//  - schema level: with do-dbs, a table passes only if its schema matches one; else ignore-dbs rejects matches;
//  - table level: a statement without a table (CREATE/DROP DATABASE) passes; a table matching do-tables passes;
//    one matching ignore-tables is rejected; otherwise it passes only when there are no do-tables;
//  - patterns: `~regex` (Go syntax, unanchored), or wildcards `*` (last character only), `?`, `[a-z]`, `[!a-z]`;
//  - case-insensitive unless the task sets case-sensitive; system schemas never pass.
import type { BAListRules } from './config.js'

const SYSTEM_SCHEMAS = new Set([
  'information_schema',
  'performance_schema',
  'mysql',
  'sys',
  'metrics_schema'
])

type Matcher = (s: string) => boolean

function wildcard(pattern: string, ci: boolean): Matcher {
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? ''
    if (c === '*') {
      if (i !== pattern.length - 1) throw new Error(`pattern ${pattern} not valid`)
      re += '.*'
    } else if (c === '?') re += '.'
    else if (c === '[' && pattern.indexOf(']', i) > i + 1) {
      const end = pattern.indexOf(']', i)
      let body = pattern.slice(i + 1, end)
      const not = body.startsWith('!')
      if (not) body = body.slice(1)
      re += `[${not ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`
      i = end
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  const r = new RegExp(`${re}$`, ci ? 'i' : '')
  return (s) => r.test(s)
}

function matcher(pattern: string, ci: boolean): Matcher {
  if (pattern.startsWith('~')) {
    const r = new RegExp(pattern.slice(1), ci ? 'i' : '')
    return (s) => r.test(s)
  }
  return wildcard(ci ? pattern.toLowerCase() : pattern, ci)
}

/** A compiled block-allow-list. */
export interface BAFilter {
  /** Whether a change to `db`.`table` (table '' for schema-level statements) is replicated. */
  match(db: string, table: string): boolean
}

/** Compiles rules (null: no list, everything but system schemas passes). */
export function compileBAList(rules: BAListRules | null, caseSensitive = false): BAFilter {
  const ci = !caseSensitive
  const dbs = (list: string[]): Matcher[] => list.map((p) => matcher(p, ci))
  const tables = (list: { db: string; table: string }[]): [Matcher, Matcher][] =>
    list.map((t) => [matcher(t.db, ci), matcher(t.table, ci)])
  const doDbs = dbs(rules?.doDbs ?? [])
  const ignoreDbs = dbs(rules?.ignoreDbs ?? [])
  const doTables = tables(rules?.doTables ?? [])
  const ignoreTables = tables(rules?.ignoreTables ?? [])
  const any = (ms: Matcher[], s: string): boolean => ms.some((m) => m(s))
  const anyTable = (ms: [Matcher, Matcher][], db: string, t: string): boolean =>
    ms.some(([d, tb]) => d(db) && tb(t))
  return {
    match(db: string, table: string): boolean {
      if (SYSTEM_SCHEMAS.has(db.toLowerCase())) return false
      if (doDbs.length > 0) {
        if (!any(doDbs, db)) return false
      } else if (ignoreDbs.length > 0 && any(ignoreDbs, db)) return false
      if (table === '') return true
      if (doTables.length > 0 && anyTable(doTables, db, table)) return true
      if (ignoreTables.length > 0 && anyTable(ignoreTables, db, table)) return false
      return doTables.length === 0
    }
  }
}
