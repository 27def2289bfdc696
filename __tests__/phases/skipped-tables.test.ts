// The pure parts of the skipped-tables phase and of what it hands on: which selected tables the export skipped,
// the fail message, the ⚠ rows, Dumpling's and Lightning's settings for the copy, what DM and the data import then
// leave out, and verify's verdict on a copied or excluded table.
import { dumpImportConfig } from '../../src/tidb/lightning/dump-import.js'
import {
  describeSkipped,
  skippedFailure,
  skippedRow,
  skippedSelected,
  tableDumpArgs
} from '../../src/phases/skipped-tables.js'
import {
  excludedSkipped,
  exportedSelection,
  replicatedTables,
  selectionFilter
} from '../../src/phases/selection-filter.js'
import { newMigrationState, type SkippedTableFacts } from '../../src/phases/migration-state.js'
import { judgeTable, type TableEvidence } from '../../src/phases/verify-rows.js'
import { matchesTable } from '../../src/table-filter/match.js'
import { fakeInputs } from '../helpers/inputs.js'

// The reason as the export task's WarningMessage gives it (skippedTables[].reason).
const REASON = 'UNSUPPORTED_CHARACTERS_IN_COLUMN_NAME'
const selected = [
  { database: 'crm', table: 'contacts' },
  { database: 'crm', table: 'legacy_contacts' },
  { database: 'shop', table: 'a.b' }
]

describe('skippedSelected', () => {
  test('keeps the selected tables the export names, in selection order, dotted names included', () => {
    expect(
      skippedSelected(
        [
          { table: 'shop.a.b', reason: 'x' },
          { table: 'crm.legacy_contacts', reason: REASON },
          { table: 'other.not_selected', reason: 'y' }
        ],
        selected
      )
    ).toEqual([
      { database: 'crm', table: 'legacy_contacts', reason: REASON },
      { database: 'shop', table: 'a.b', reason: 'x' }
    ])
  })

  test('names differing only in case match, as TiDB compares them', () => {
    expect(skippedSelected([{ table: 'CRM.Legacy_Contacts', reason: REASON }], selected)).toEqual([
      { database: 'crm', table: 'legacy_contacts', reason: REASON }
    ])
    expect(skippedSelected([], selected)).toEqual([])
  })
})

test('skipped-tables: fail names each table with its reason and the two ways out', () => {
  const message = skippedFailure([{ database: 'crm', table: 'legacy_contacts', reason: REASON }])
  expect(message).toBe(
    `The snapshot export skipped 1 selected table(s): \`crm\`.\`legacy_contacts\` (${REASON}). ` +
      "Input skipped-tables is 'fail', so nothing was imported. Set skipped-tables: copy to copy them with " +
      'Dumpling and TiDB Lightning (the default), or exclude to leave them out of the migration.'
  )
  expect(describeSkipped([])).toBe('')
})

describe('summary rows', () => {
  const base = { database: 'crm', table: 'legacy_contacts', reason: REASON }
  test('copied and excluded tables are marked ⚠ with how they were filled', () => {
    expect(skippedRow({ ...base, filled: 'copied', copiedRows: 50 })).toEqual({
      ...{ database: 'crm', table: 'legacy_contacts' },
      rowsImported: 50,
      status: 'copied',
      note: `⚠ skipped by the export (${REASON}); filled by a Dumpling dump imported by Lightning: 50 rows`
    })
    expect(skippedRow({ ...base, filled: 'excluded' })).toEqual({
      database: 'crm',
      table: 'legacy_contacts',
      status: 'excluded',
      note: `⚠ skipped by the export (${REASON}); left out of the import, DM and verify (skipped-tables: exclude)`
    })
  })
})

describe('the copy', () => {
  test('Dumpling reads one table at a consistent point into the run folder, from the given server', () => {
    const inputs = fakeInputs()
    const from = { host: 'copy.example', port: 3306, user: 'u', password: 'p' }
    const args = tableDumpArgs(inputs, from, { database: 'crm', table: 'legacy_contacts' }, 'r-1')
    expect(args.slice(0, 2)).toEqual(['--host', 'copy.example'])
    expect(args).toEqual(expect.arrayContaining(['--filter', '`crm`.`legacy_contacts`']))
    expect(args.slice(args.indexOf('--consistency'), args.indexOf('--consistency') + 4)).toEqual([
      '--consistency',
      'lock',
      '--output',
      's3://bucket/prefix/skipped-tables/r-1/'
    ])
    expect(args).not.toContain('--no-data')
  })

  test('Lightning imports the dump with its default routes, filtered to exactly those tables', () => {
    expect(
      dumpImportConfig('s3://b/p/skipped-tables/r', [{ database: 'crm', table: 'x*y' }], 'required')
    ).toEqual({
      dataSourceDir: 's3://b/p/skipped-tables/r',
      filter: ['`crm`.`x*y`'],
      checksum: 'required'
    })
    expect(() => dumpImportConfig('s3://b/p', [], 'off')).toThrow(/at least one table/)
  })
})

describe('what the other phases leave out', () => {
  const state = newMigrationState('r')
  state.tables = selected
  const copied: SkippedTableFacts = {
    database: 'crm',
    table: 'legacy_contacts',
    reason: REASON,
    filled: 'copied'
  }

  test('copied: the data import skips it, DM replicates it, the filter keeps it', () => {
    state.skippedTables = [copied]
    expect(exportedSelection(state)?.map((t) => t.table)).toEqual(['contacts', 'a.b'])
    expect(replicatedTables(state)).toEqual(selected)
    expect(excludedSkipped(state)).toEqual([])
    expect(matchesTable(selectionFilter(fakeInputs(), state), 'crm', 'legacy_contacts')).toBe(
      matchesTable(fakeInputs().filter, 'crm', 'legacy_contacts')
    )
  })

  test('excluded: left out of the import, of DM and of the filter every tool gets', () => {
    state.skippedTables = [{ ...copied, filled: 'excluded' }]
    const inputs = { ...fakeInputs(), filter: { ...fakeInputs().filter } }
    expect(exportedSelection(state)?.map((t) => t.table)).toEqual(['contacts', 'a.b'])
    expect(replicatedTables(state)?.map((t) => t.table)).toEqual(['contacts', 'a.b'])
    expect(excludedSkipped(state)).toEqual([{ database: 'crm', table: 'legacy_contacts' }])
    const filter = selectionFilter(inputs, state)
    expect(filter.rules.at(-1)?.text).toBe('!`crm`.`legacy_contacts`')
    expect(matchesTable(filter, 'crm', 'legacy_contacts')).toBe(false)
  })
})

describe('verify on a table the export skipped', () => {
  const evidence = (filled: SkippedTableFacts, rows: number): TableEvidence => ({
    database: 'crm',
    table: 'legacy_contacts',
    exported: {
      database: 'crm',
      table: 'legacy_contacts',
      status: undefined,
      rows: undefined,
      sizeGB: undefined,
      skipped: true,
      reason: REASON
    },
    metadataPresent: true,
    exportRows: undefined,
    sharedFolderWith: [],
    target: { rows },
    lightningRows: undefined,
    checksum: undefined,
    filled
  })
  const copied: SkippedTableFacts = {
    database: 'crm',
    table: 'legacy_contacts',
    reason: REASON,
    filled: 'copied',
    sourceRows: { before: 50, after: 50 },
    copiedRows: 50
  }

  test('copied with the source rows at the dump: verified, ⚠ and how', () => {
    expect(judgeTable(evidence(copied, 50))).toEqual({
      database: 'crm',
      table: 'legacy_contacts',
      rowsExported: 50,
      rowsImported: 50,
      status: 'verified',
      note: `⚠ skipped by the export (${REASON}); filled by a Dumpling dump imported by Lightning: 50 rows, as on the source at the dump (50)`
    })
  })

  test('a source that changed during the dump bounds the rows; outside the bounds is a mismatch', () => {
    const moving = { ...copied, sourceRows: { before: 50, after: 53 }, copiedRows: 52 }
    expect(judgeTable(evidence(moving, 52)).status).toBe('verified')
    const short = judgeTable(evidence(copied, 3))
    expect(short.status).toBe('mismatch')
    expect(short.note).toMatch(
      /the target has 3 rows, the source had 50 at the dump; the copy counted 50 rows after Lightning$/
    )
  })

  test('excluded: named, not a mismatch', () => {
    const row = judgeTable(evidence({ ...copied, filled: 'excluded' }, 0))
    expect(row.status).toBe('excluded')
    expect(row.note).toMatch(/^⚠ skipped by the export/)
  })
})
