// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `snapshot` phase. */
export function snapshotPhase(_state: MigrationState): PhaseBody {
  return {
    id: 'snapshot',
    title: 'Cluster snapshot',
    run() {
      return Promise.reject(
        new NotImplementedError('phase snapshot is not implemented yet in this version')
      )
    }
  }
}
