// What the source user may do, from the lines of `SHOW GRANTS` (MySQL 5.7/8.0, Aurora, MariaDB), and what the
// migration needs of it (PingCAP docs: "Dumpling Overview" and "DM-worker Introduction" list the
// privileges):
//   - every run: SELECT on each selected table (Dumpling reads the schema; the data comes from the snapshot) and
//     REPLICATION CLIENT, for `SHOW MASTER STATUS` right before the snapshot;
//   - with DM: REPLICATION SLAVE too (DM reads the binlog as a replica); DM's full-mode RELOAD and LOCK TABLES are
//     not needed because DM only replicates from the recorded position (incremental mode);
//   - recommended: PROCESS (Dumpling lists sessions) and SHOW VIEW (Dumpling dumps the selected views' DDL).
// MariaDB 10.5.2+ prints `BINLOG MONITOR` where MySQL prints REPLICATION CLIENT (it is the same grant under a new
// name, and the one SHOW MASTER STATUS needs there); SUPER also allows SHOW MASTER STATUS on MySQL. Roles are not
// expanded by SHOW GRANTS, so a privilege that may come from a granted role is "unknown", not "missing". Pure.

/** The level a GRANT applies at. */
export type GrantLevel = 'global' | 'database' | 'table' | 'routine'

/** One `GRANT … ON … TO …` line. */
export interface Grant {
  /** Upper-case privilege names; `ALL PRIVILEGES` is `ALL`; column privileges keep their list (`SELECT (a, b)`). */
  readonly privileges: readonly string[]
  readonly level: GrantLevel
  /** Database pattern as written (LIKE wildcards `%`, `_`; `\` escapes them), for database and table levels. */
  readonly database?: string
  readonly table?: string
}

/** The parsed output of SHOW GRANTS. */
export interface GrantSet {
  readonly grants: readonly Grant[]
  /** Roles granted to the user (`GRANT \`r\`@\`%\` TO …`): their privileges are not listed by SHOW GRANTS. */
  readonly roles: readonly string[]
}

/** Privileges a requirement accepts instead of itself. */
const SATISFIED_BY: Readonly<Record<string, readonly string[]>> = {
  'REPLICATION CLIENT': ['REPLICATION CLIENT', 'BINLOG MONITOR', 'SUPER'],
  'REPLICATION SLAVE': ['REPLICATION SLAVE', 'REPLICATION REPLICA']
}

/** Splits on `sep` (compared case-insensitively) outside backticks, quotes and parentheses. */
function splitTopLevel(text: string, sep: string): string[] {
  const wanted = sep.toUpperCase()
  const out: string[] = []
  let depth = 0
  let quote: string | undefined
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quote) {
      if (c === quote) quote = undefined
    } else if (c === '`' || c === "'" || c === '"') quote = c
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (depth === 0 && text.slice(i, i + sep.length).toUpperCase() === wanted) {
      out.push(text.slice(start, i))
      start = i + sep.length
      i += sep.length - 1
    }
  }
  out.push(text.slice(start))
  return out
}

/** A name as printed in a grant: `` `a``b` `` → a`b, `'x'` → x, bare names as they are. */
function unquote(name: string): string {
  const t = name.trim()
  if (t.length >= 2 && t.startsWith('`') && t.endsWith('`'))
    return t.slice(1, -1).replace(/``/g, '`')
  if (t.length >= 2 && /^['"]/.test(t) && t.endsWith(t[0] as string)) return t.slice(1, -1)
  return t
}

/** The position of `needle` (case-insensitive, surrounded by spaces) outside quotes and parentheses, or -1. */
function keywordAt(text: string, needle: string): number {
  const parts = splitTopLevel(text, ` ${needle} `)
  return parts.length < 2 ? -1 : (parts[0] as string).length
}

function parseObject(object: string): Omit<Grant, 'privileges'> {
  const routine = /^(PROCEDURE|FUNCTION|PACKAGE BODY|PACKAGE)\s+/i.exec(object)
  if (routine) return { level: 'routine' }
  const target = object.replace(/^TABLE\s+/i, '')
  const [db = '*', table] = splitTopLevel(target, '.')
  if (table === undefined)
    return db.trim() === '*' ? { level: 'global' } : { level: 'database', database: unquote(db) }
  if (db.trim() === '*') return { level: 'global' }
  if (table.trim() === '*') return { level: 'database', database: unquote(db) }
  return { level: 'table', database: unquote(db), table: unquote(table) }
}

/**
 * Parses SHOW GRANTS lines. Lines that are not GRANT statements (`GRANT PROXY`, `REVOKE` partial revokes) add
 * nothing; a `GRANT <role> TO <user>` line (no ON) is a role.
 */
export function parseGrants(lines: readonly string[]): GrantSet {
  const grants: Grant[] = []
  const roles: string[] = []
  for (const raw of lines) {
    const line = raw.trim()
    if (!/^GRANT\s/i.test(line)) continue
    const body = line.slice(6)
    const on = keywordAt(body, 'ON')
    const to = keywordAt(body, 'TO')
    if (on < 0 || (to >= 0 && to < on)) {
      if (to >= 0) roles.push(...splitTopLevel(body.slice(0, to), ',').map((r) => r.trim()))
      continue
    }
    const privileges = splitTopLevel(body.slice(0, on), ',')
      .map((p) => p.trim().replace(/\s+/g, ' ').toUpperCase())
      .map((p) => (p === 'ALL PRIVILEGES' ? 'ALL' : p))
    if (privileges.includes('PROXY')) continue
    const rest = body.slice(on + 4)
    const end = keywordAt(rest, 'TO')
    grants.push({ privileges, ...parseObject((end < 0 ? rest : rest.slice(0, end)).trim()) })
  }
  return { grants, roles }
}

const grantsPrivilege = (g: Grant, privilege: string): boolean =>
  g.privileges.includes('ALL') ||
  (SATISFIED_BY[privilege] ?? [privilege]).some((p) => g.privileges.includes(p))

/** Whether a global (`ON *.*`) grant gives the privilege (or one that stands in for it). */
export function hasGlobal(set: GrantSet, privilege: string): boolean {
  return set.grants.some((g) => g.level === 'global' && grantsPrivilege(g, privilege))
}

/** Whether a global grant, or a database grant whose pattern matches `db`, gives the privilege. */
export function hasOnDatabase(
  set: GrantSet,
  privilege: string,
  db: string,
  caseInsensitive: boolean
): boolean {
  return set.grants.some(
    (g) =>
      grantsPrivilege(g, privilege) &&
      (g.level === 'global' ||
        (g.level === 'database' && databasePatternMatches(g.database ?? '', db, caseInsensitive)))
  )
}

/** Matches a grant's database pattern (`%`, `_`, `\` escapes) against a name. */
export function databasePatternMatches(
  pattern: string,
  name: string,
  caseInsensitive: boolean
): boolean {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '\\' && i + 1 < pattern.length)
      re += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    else if (c === '%') re += '.*'
    else if (c === '_') re += '.'
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`, caseInsensitive ? 'is' : 's').test(name)
}

/**
 * Whether the user may SELECT the whole table: a global, database or table grant of SELECT (or ALL). Column-level
 * SELECT is not enough (Dumpling reads every column).
 * @param caseInsensitive compare names case-insensitively (lower_case_table_names ≠ 0)
 */
export function canSelect(
  set: GrantSet,
  db: string,
  table: string,
  caseInsensitive: boolean
): boolean {
  const same = (a: string, b: string): boolean =>
    caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b
  return set.grants.some((g) => {
    if (!grantsPrivilege(g, 'SELECT')) return false
    if (g.level === 'global') return true
    if (g.level === 'database') return databasePatternMatches(g.database ?? '', db, caseInsensitive)
    if (g.level === 'table') return same(g.database ?? '', db) && same(g.table ?? '', table)
    return false
  })
}

/** A privilege the migration needs, and for what. */
export interface PrivilegeNeed {
  readonly privilege: string
  readonly why: string
  /** Required (fail when missing) or recommended (warn). */
  readonly required: boolean
}

/** The global privileges the migration needs of the source user. */
export function globalPrivilegeNeeds(dm: boolean): PrivilegeNeed[] {
  return [
    {
      privilege: 'REPLICATION CLIENT',
      why: 'SHOW MASTER STATUS records the binlog position before the snapshot',
      required: true
    },
    ...(dm
      ? [
          {
            privilege: 'REPLICATION SLAVE',
            why: 'DM reads the binlog as a replica',
            required: true
          }
        ]
      : []),
    { privilege: 'PROCESS', why: 'Dumpling lists the server’s sessions', required: false }
  ]
}
