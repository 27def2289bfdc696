// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `plan` phase. */
export function planPhase(_state: MigrationState): PhaseBody {
  return {
    id: 'plan',
    title: 'Plan: tables, sizes, estimates',
    run() {
      return Promise.reject(
        new NotImplementedError('phase plan is not implemented yet in this version')
      )
    }
  }
}
