// PLACEHOLDER — being implemented; fails loudly until then.
import type { Operation } from '../inputs.js'
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The DM lifecycle operation phase (`status`, `pause`, `resume`, `stop`). */
export function dmOperationPhase(
  _state: MigrationState,
  operation: Exclude<Operation, 'migrate' | 'plan'>
): PhaseBody {
  return {
    id: `dm-${operation}`,
    title: `DM ${operation}`,
    run() {
      return Promise.reject(
        new NotImplementedError(`operation '${operation}' is not implemented yet in this version`)
      )
    }
  }
}
