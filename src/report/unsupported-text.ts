// How an object TiDB cannot hold is named to people: one short phrase each, shared by the precheck's reason, the
// log and the job summary so they all say the same. Pure.
import type { UnsupportedEffect, UnsupportedKind, UnsupportedObject } from './types.js'

const q = (name: string): string => `\`${name.replaceAll('`', '``')}\``

const KIND: Record<UnsupportedKind, string> = {
  trigger: 'trigger',
  procedure: 'procedure',
  function: 'function',
  event: 'event',
  'spatial-column': 'spatial column',
  'spatial-index': 'SPATIAL index',
  'fulltext-index': 'FULLTEXT index',
  'column-type': 'column',
  'character-set': 'character set',
  collation: 'collation',
  account: 'account'
}

/** What becomes of it, in a few words. */
export const EFFECT_TEXT: Record<UnsupportedEffect, string> = {
  'not-migrated': 'not migrated',
  'table-left-out': 'its table is left out',
  'index-dropped': 'the table is created without it'
}

/** Where it is: `` `db`.`table` ``, `` `db` `` or nothing (accounts). */
export function unsupportedPlace(o: UnsupportedObject): string {
  if (o.database === undefined) return ''
  return o.table === undefined ? q(o.database) : `${q(o.database)}.${q(o.table)}`
}

/**
 * One object as a phrase: `trigger `shop`.`orders`.`stamp` (BEFORE INSERT)`, `spatial column location of
 * `shop`.`stores` (POINT column)`, `account 'app'@'%'`.
 */
export function describeUnsupported(o: UnsupportedObject): string {
  const kind = KIND[o.kind]
  const place = unsupportedPlace(o)
  switch (o.kind) {
    case 'account':
      return `${kind} ${o.name}`
    case 'procedure':
    case 'function':
    case 'event':
      return `${kind} ${place}.${q(o.name)}${o.detail === '' ? '' : ` (${o.detail})`}`
    case 'trigger':
      return `${kind} ${q(o.name)} on ${place} (${o.detail})`
    default:
      return o.table !== undefined && o.name === o.table
        ? `${place}: ${o.detail}`
        : `${kind} ${q(o.name)} of ${place}: ${o.detail}`
  }
}
