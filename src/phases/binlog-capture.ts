// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `binlog-capture` phase. */
export function binlogCapturePhase(_state: MigrationState): PhaseBody {
  return {
    id: 'binlog-capture',
    title: 'Binlog position',
    run() {
      return Promise.reject(
        new NotImplementedError('phase binlog-capture is not implemented yet in this version')
      )
    }
  }
}
