// PLACEHOLDER — being implemented; fails loudly until then.
import { NotImplementedError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** The `data-import` phase. */
export function dataImportPhase(_state: MigrationState): PhaseBody {
  return {
    id: 'data-import',
    title: 'Data import (Lightning, Parquet)',
    run() {
      return Promise.reject(
        new NotImplementedError('phase data-import is not implemented yet in this version')
      )
    }
  }
}
