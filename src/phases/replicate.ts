// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `replicate` phase. */
export function replicatePhase(_state: MigrationState): PhaseBody {
  return {
    id: 'replicate',
    title: 'Incremental replication (DM)',
    run() {
      return Promise.reject(
        new NotImplementedError('phase replicate is not implemented yet in this version')
      )
    }
  }
}
