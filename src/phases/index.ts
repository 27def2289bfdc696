// The phase graph of each operation (design.md §2). The phases themselves arrive with later work; until then every
// operation fails with a clear message instead of pretending to migrate.
import type { Inputs } from '../inputs.js'
import type { Phase } from '../orchestrator/phase.js'
import { NotImplementedError } from '../util/errors.js'

/**
 * The phases that carry out `inputs.operation`.
 * @throws NotImplementedError for an operation this version cannot run yet
 */
export function phasesForOperation(inputs: Inputs): Phase[] {
  throw new NotImplementedError(
    `operation '${inputs.operation}' is not implemented yet in this version`
  )
}
