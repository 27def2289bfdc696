// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `schema-import` phase. */
export function schemaImportPhase(_state: MigrationState): PhaseBody {
  return {
    id: 'schema-import',
    title: 'Schema import (Lightning)',
    run() {
      return Promise.reject(
        new NotImplementedError('phase schema-import is not implemented yet in this version')
      )
    }
  }
}
