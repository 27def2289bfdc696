// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `export` phase. */
export function exportPhase(_state: MigrationState): PhaseBody {
  return {
    id: 'export',
    title: 'Snapshot export to S3',
    run() {
      return Promise.reject(
        new NotImplementedError('phase export is not implemented yet in this version')
      )
    }
  }
}
