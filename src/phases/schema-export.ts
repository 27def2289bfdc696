// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `schema-export` phase. */
export function schemaExportPhase(_state: MigrationState): PhaseBody {
  return {
    id: 'schema-export',
    title: 'Schema export (Dumpling → S3)',
    run() {
      return Promise.reject(
        new NotImplementedError('phase schema-export is not implemented yet in this version')
      )
    }
  }
}
