// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `precheck` phase. */
export function precheckPhase(_state: MigrationState): PhaseBody {
  return {
    id: 'precheck',
    title: 'Precheck: source, target, AWS and selection',
    run() {
      return Promise.reject(
        new NotImplementedError('phase precheck is not implemented yet in this version')
      )
    }
  }
}
