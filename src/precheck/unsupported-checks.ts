// The precheck's verdict on what TiDB cannot hold (unsupported.ts finds it): with `unsupported-objects: warn` the
// objects are named and everything else migrates (a table TiDB cannot create is left out of every phase); with
// `fail` the precheck fails naming them, before any side effect. Accounts and grants are named but never fail the
// precheck: they are not part of the selection, and no migration to TiDB carries them. Pure.
import type { CheckRow } from '../report/types.js'
import { describeUnsupported } from '../report/unsupported-text.js'
import { plural } from '../util/format.js'
import type { CheckContext, Outcome } from './facts.js'
import { listSome, row } from './facts.js'
import { hasOnDatabase, type GrantSet } from '../mysql/grants.js'
import type { SourceObjects } from '../mysql/source-objects.js'
import { selectionObjects, type UnsupportedFindings } from './unsupported.js'

const ID = 'selection.unsupported-objects'
const TITLE = 'Nothing selected is something TiDB cannot hold'

function accountsText(found: UnsupportedFindings): string {
  const accounts = found.objects.filter((o) => o.kind === 'account').map((o) => o.name)
  if (found.accountsUnlisted)
    return 'User accounts and grants are never migrated (the source user may not read mysql.user, so they are not listed): create them on TiDB.'
  if (accounts.length === 0) return 'No user accounts besides the system ones.'
  return `User accounts and grants are never migrated: ${listSome(accounts, 10)}; create them on TiDB.`
}

/**
 * Databases whose triggers or events the source user cannot see: information_schema lists a table's triggers only
 * to a user with the TRIGGER privilege on it, and a schema's events only with EVENT (MySQL 8.0 Reference Manual,
 * "The INFORMATION_SCHEMA TRIGGERS Table" and "… EVENTS Table"). Roles may grant them unseen, so this is a caveat.
 */
function invisibleText(grants: Outcome<GrantSet>, databases: readonly string[]): string {
  if (!grants.ok || grants.value.roles.length > 0) return ''
  const lacking = (privilege: string): string[] =>
    databases.filter((d) => !hasOnDatabase(grants.value, privilege, d, true))
  const parts = [
    ['TRIGGER', 'triggers'],
    ['EVENT', 'events']
  ].flatMap(([privilege, what]) => {
    const dbs = lacking(privilege ?? '')
    return dbs.length === 0
      ? []
      : [`${what} of ${listSome(dbs.map((d) => `\`${d}\``))} (no ${privilege ?? ''} privilege)`]
  })
  return parts.length === 0
    ? ''
    : ` The source user cannot see the ${parts.join(' or the ')}: grant it, or look with SHOW TRIGGERS / SHOW EVENTS as the master user.`
}

/**
 * The verdict row.
 * @param found the findings
 * @param objects whether triggers, routines and events could be read
 * @param ctx the inputs (`unsupported-objects`, `tidb-version`)
 */
export function unsupportedRow(
  found: UnsupportedFindings,
  objects: Outcome<SourceObjects>,
  ctx: CheckContext,
  visibility: { readonly grants: Outcome<GrantSet>; readonly databases: readonly string[] } = {
    grants: { ok: false, message: '' },
    databases: []
  }
): CheckRow {
  const version = ctx.inputs.tools.tidbVersion
  const selection = selectionObjects(found.objects)
  const unread = objects.ok
    ? invisibleText(visibility.grants, visibility.databases)
    : ` Triggers, routines and events could not be read (${objects.message}); check them by hand.`
  const accounts = accountsText(found)
  if (selection.length === 0) {
    return row(
      ID,
      TITLE,
      unread === '' ? 'pass' : 'warn',
      `No trigger, stored procedure or function, event, spatial column or index, FULLTEXT index, or column type, ` +
        `character set or collation TiDB ${version} lacks in the selection.${unread} ${accounts}`
    )
  }
  const list = listSome(selection.map(describeUnsupported), 10)
  const left = found.leftOut.map((t) => `\`${t.database}\`.\`${t.table}\``)
  const leftText =
    left.length > 0
      ? ` ${plural(left.length, 'table')} TiDB cannot create ${left.length === 1 ? 'is' : 'are'} left out of every phase (schema, data, verify, DM): ${listSome(left, 10)}.`
      : ''
  if (ctx.inputs.unsupportedObjects === 'fail') {
    return row(
      ID,
      TITLE,
      'fail',
      `TiDB ${version} cannot hold ${plural(selection.length, 'object')} of the selection: ${list}. ` +
        "Input 'unsupported-objects' is 'fail': drop or rework them on the source, leave their tables out of 'filter', " +
        `or set 'unsupported-objects: warn' to migrate everything else and name these.${unread} ${accounts}`
    )
  }
  return row(
    ID,
    TITLE,
    'warn',
    `TiDB ${version} cannot hold ${plural(selection.length, 'object')} of the selection, which ${selection.length === 1 ? 'is' : 'are'} not migrated: ${list}.` +
      `${leftText} Recreate what the application needs on TiDB another way.${unread} ${accounts}`
  )
}
