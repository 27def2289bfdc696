// What TiDB cannot hold, near the top of the summary (after the verdict): a ✅ run still left these behind, and a
// reader must see them before the tables. One row per object: what and where, what TiDB lacks, what became of it.
// Accounts are folded into one line (every server has some; they are never migrated). Pure.
import { formatCount } from '../../util/format.js'
import { el, inline, table } from '../html.js'
import type { UnsupportedObject } from '../types.js'
import { EFFECT_TEXT, unsupportedPlace } from '../unsupported-text.js'
import { capped, type SummarySection } from './section.js'

const KIND_TEXT: Record<UnsupportedObject['kind'], string> = {
  trigger: 'Trigger',
  procedure: 'Stored procedure',
  function: 'Stored function',
  event: 'Event',
  'spatial-column': 'Spatial column',
  'spatial-index': 'SPATIAL index',
  'fulltext-index': 'FULLTEXT index',
  'column-type': 'Column type',
  'character-set': 'Character set',
  collation: 'Collation',
  account: 'Account'
}

const some = (names: readonly string[], max: number): string =>
  names.length <= max
    ? names.join(', ')
    : `${names.slice(0, max).join(', ')} and ${formatCount(names.length - max)} more`

/** The objects TiDB cannot hold, when the precheck found any. */
export const unsupportedSection: SummarySection = (report, limits) => {
  const all = report.unsupported
  if (all === undefined) return undefined
  const objects = all.filter((o) => o.kind !== 'account')
  const accounts = all.filter((o) => o.kind === 'account').map((o) => o.name)
  if (objects.length === 0 && accounts.length === 0) return undefined
  const parts: string[] = []
  if (objects.length > 0) {
    const leftOut = new Set(
      objects.filter((o) => o.effect === 'table-left-out').map((o) => unsupportedPlace(o))
    ).size
    const head =
      `Not migrated: ${objects.length} object${objects.length === 1 ? '' : 's'} TiDB cannot hold` +
      (leftOut > 0 ? ` (${leftOut} table${leftOut === 1 ? '' : 's'} left out)` : '')
    parts.push(el('h3', head))
    const { shown, more } = capped(objects, Math.max(50, limits.tableRows), 'objects')
    parts.push(
      table(
        ['What', 'Where', 'Name', 'Why', 'Outcome'],
        shown.map((o) => [
          inline(KIND_TEXT[o.kind]),
          inline(unsupportedPlace(o)),
          inline(o.name),
          inline(o.detail),
          inline(EFFECT_TEXT[o.effect])
        ])
      )
    )
    if (more) parts.push(el('p', more))
  }
  if (accounts.length > 0)
    parts.push(
      el(
        'p',
        `User accounts and grants are never migrated; create them on TiDB: ${some(accounts, 10)}.`
      )
    )
  return parts.join('\n')
}
