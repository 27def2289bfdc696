// Finds what TiDB cannot hold among the selected objects (tidb-compatibility.ts has the facts): triggers, stored
// routines and events of the selected databases, and per selected table its spatial columns and indexes, FULLTEXT
// indexes, column types, character sets and collations the chosen TiDB version lacks; plus the server's accounts,
// which are never migrated. A table TiDB cannot create is left out of every phase — dropped from the catalog the
// checks, the plan and the next phases see — rather than failing the schema import halfway. Pure: catalog rows in,
// findings out.
import type { SourceCatalog, SourceTable } from '../mysql/catalog.js'
import type { SourceObjects } from '../mysql/source-objects.js'
import type { UnsupportedObject } from '../report/types.js'
import type { TableName } from '../table-filter/table-name.js'
import {
  SPATIAL_TYPES,
  tidbHasCharset,
  tidbHasCollation,
  tidbHasDataType,
  tidbRelease,
  type TidbRelease
} from './tidb-compatibility.js'

/** A selected table TiDB cannot create, and why (the first reason found). */
export interface LeftOutTable extends TableName {
  readonly reason: string
}

/** What the precheck found. */
export interface UnsupportedFindings {
  /** Every object, tables' first, then triggers, routines, events and accounts. */
  readonly objects: readonly UnsupportedObject[]
  /** The tables left out of every phase. */
  readonly leftOut: readonly LeftOutTable[]
  /** True when mysql.user could not be read, so accounts exist but are not named. */
  readonly accountsUnlisted: boolean
}

/** `utf8mb4_general_ci` → `utf8mb4`; `binary` → `binary`. */
const charsetOf = (collation: string): string => collation.split('_')[0] ?? collation

/** The findings on one table, and whether they keep TiDB from creating it. */
export function tableFindings(t: SourceTable, version: TidbRelease): UnsupportedObject[] {
  const at = { database: t.database, table: t.table }
  const out: UnsupportedObject[] = []
  const lacks = (what: string): string => `TiDB has no ${what}`
  if (t.collation !== null) {
    const cs = charsetOf(t.collation)
    if (!tidbHasCharset(cs, version))
      out.push({
        ...at,
        kind: 'character-set',
        name: t.table,
        detail: lacks(`character set ${cs} (table default)`),
        effect: 'table-left-out'
      })
    else if (!tidbHasCollation(t.collation, version))
      out.push({
        ...at,
        kind: 'collation',
        name: t.table,
        detail: lacks(`collation ${t.collation} (table default)`),
        effect: 'table-left-out'
      })
  }
  for (const c of t.columns) {
    if (SPATIAL_TYPES.has(c.dataType))
      out.push({
        ...at,
        kind: 'spatial-column',
        name: c.name,
        detail: `${c.dataType.toUpperCase()} column: ${lacks('spatial types')}`,
        effect: 'table-left-out'
      })
    else if (!tidbHasDataType(c.dataType))
      out.push({
        ...at,
        kind: 'column-type',
        name: c.name,
        detail: lacks(`type ${c.columnType}`),
        effect: 'table-left-out'
      })
    if (c.charset !== null && !tidbHasCharset(c.charset, version))
      out.push({
        ...at,
        kind: 'character-set',
        name: c.name,
        detail: lacks(`character set ${c.charset}`),
        effect: 'table-left-out'
      })
    else if (c.collation !== null && !tidbHasCollation(c.collation, version))
      out.push({
        ...at,
        kind: 'collation',
        name: c.name,
        detail: lacks(`collation ${c.collation}`),
        effect: 'table-left-out'
      })
  }
  const leftOut = out.length > 0
  for (const i of t.indexes) {
    if (i.type === 'SPATIAL')
      out.push({
        ...at,
        kind: 'spatial-index',
        name: i.name,
        detail: lacks('SPATIAL indexes'),
        effect: 'table-left-out'
      })
    else if (i.type === 'FULLTEXT')
      out.push({
        ...at,
        kind: 'fulltext-index',
        name: i.name,
        detail: `${lacks('FULLTEXT indexes')} (it creates the table without the index, warning 1214)`,
        effect: leftOut ? 'table-left-out' : 'index-dropped'
      })
  }
  return out
}

/**
 * Everything TiDB `tidbVersion` cannot hold among the selected tables and their databases.
 * @param catalog the selected tables, before any is left out
 * @param objects triggers, routines and events of the selected databases; accounts
 * @param tidbVersion the `tidb-version` input
 */
export function findUnsupported(
  catalog: SourceCatalog,
  objects: SourceObjects,
  tidbVersion: string
): UnsupportedFindings {
  const version = tidbRelease(tidbVersion)
  const found: UnsupportedObject[] = []
  const leftOut: LeftOutTable[] = []
  for (const t of catalog.tables) {
    const f = tableFindings(t, version)
    found.push(...f)
    const first = f.find((o) => o.effect === 'table-left-out')
    if (first)
      leftOut.push({
        database: t.database,
        table: t.table,
        reason: `${first.name === t.table ? '' : `${first.name}: `}${first.detail}`
      })
  }
  const selected = new Set(catalog.tables.map((t) => `${t.database}\u0000${t.table}`))
  const dbs = new Set(catalog.tables.map((t) => t.database))
  for (const tr of objects.triggers) {
    if (!selected.has(`${tr.database}\u0000${tr.table}`)) continue
    found.push({
      kind: 'trigger',
      database: tr.database,
      table: tr.table,
      name: tr.name,
      detail: tr.timing,
      effect: 'not-migrated'
    })
  }
  for (const r of objects.routines) {
    if (dbs.has(r.database))
      found.push({
        kind: r.type,
        database: r.database,
        name: r.name,
        detail: '',
        effect: 'not-migrated'
      })
  }
  for (const e of objects.events) {
    if (dbs.has(e.database))
      found.push({
        kind: 'event',
        database: e.database,
        name: e.name,
        detail: e.status === 'ENABLED' ? '' : e.status.toLowerCase(),
        effect: 'not-migrated'
      })
  }
  for (const a of objects.accounts ?? []) {
    found.push({
      kind: 'account',
      name: `'${a.user}'@'${a.host}'`,
      detail: 'accounts and grants are never migrated',
      effect: 'not-migrated'
    })
  }
  return { objects: found, leftOut, accountsUnlisted: objects.accounts === undefined }
}

/** The catalog without the tables left out: what the checks, the plan and the next phases work on. Pure. */
export function withoutLeftOut(
  catalog: SourceCatalog,
  leftOut: readonly TableName[]
): SourceCatalog {
  if (leftOut.length === 0) return catalog
  const gone = new Set(leftOut.map((t) => `${t.database}\u0000${t.table}`))
  return {
    ...catalog,
    tables: catalog.tables.filter((t) => !gone.has(`${t.database}\u0000${t.table}`))
  }
}

/** The objects that concern the selection (all but accounts, which are never migrated whatever the filter). */
export const selectionObjects = (objects: readonly UnsupportedObject[]): UnsupportedObject[] =>
  objects.filter((o) => o.kind !== 'account')
