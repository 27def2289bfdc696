// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `verify` phase. */
export function verifyPhase(_state: MigrationState): PhaseBody {
  return {
    id: 'verify',
    title: 'Verify row counts',
    run() {
      return Promise.reject(
        new NotImplementedError('phase verify is not implemented yet in this version')
      )
    }
  }
}
