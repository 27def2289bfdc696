// The filter the phases hand to Dumpling, Lightning and DM: the `filter` input, less the tables the precheck left
// out because TiDB cannot create them (MigrationState.leftOut), so no phase dumps, imports, verifies or replicates
// them.
import type { Inputs } from '../inputs/types.js'
import { excludingTables } from '../table-filter/exclude.js'
import type { TableFilter } from '../table-filter/parse.js'
import type { MigrationState } from './migration-state.js'

/** The `filter` input with the left-out tables excluded. */
export function selectionFilter(
  inputs: Pick<Inputs, 'filter'>,
  state: MigrationState
): TableFilter {
  return excludingTables(inputs.filter, state.leftOut ?? [])
}
