// The filter the phases hand to Dumpling, Lightning and DM: the `filter` input, less the tables the precheck left
// out because TiDB cannot create them (MigrationState.leftOut), so no phase dumps, imports, verifies or replicates
// them, and less the tables the export skipped that `skipped-tables: exclude` leaves out (MigrationState.skippedTables).
import type { Inputs } from '../inputs/types.js'
import { excludingTables } from '../table-filter/exclude.js'
import type { TableFilter } from '../table-filter/parse.js'
import { tableKey, type TableName } from '../table-filter/table-name.js'
import type { MigrationState, SelectedTable } from './migration-state.js'

/** The `filter` input with the left-out tables excluded. */
export function selectionFilter(
  inputs: Pick<Inputs, 'filter'>,
  state: MigrationState
): TableFilter {
  return excludingTables(inputs.filter, [...(state.leftOut ?? []), ...excludedSkipped(state)])
}

/** The tables the export skipped that the run leaves out (`skipped-tables: exclude`). */
export function excludedSkipped(state: Pick<MigrationState, 'skippedTables'>): TableName[] {
  return (state.skippedTables ?? [])
    .filter((t) => t.filled === 'excluded')
    .map((t) => ({ database: t.database, table: t.table }))
}

/** The selected tables DM replicates: all of them but those the run leaves out (`skipped-tables: exclude`). */
export function replicatedTables(state: MigrationState): SelectedTable[] | undefined {
  const out = new Set(excludedSkipped(state).map(tableKey))
  return state.tables?.filter((t) => !out.has(tableKey(t)))
}

/** The selected tables whose rows come from the export: all of them but those it skipped (filled another way). */
export function exportedSelection(state: MigrationState): SelectedTable[] | undefined {
  const skipped = new Set((state.skippedTables ?? []).map(tableKey))
  return state.tables?.filter((t) => !skipped.has(tableKey(t)))
}
