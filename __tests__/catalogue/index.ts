// The reliability catalogues as pure data, for the tests that run them and for the README's "Reliability" section
// (which counts them instead of typing numbers by hand). Importable without jest: `npm run tools:build` compiles this
// directory to .build/__tests__/catalogue/.
import { BAD_ENVIRONMENTS } from './bad-environments.js'
import { BAD_INPUTS } from './bad-inputs.js'
import { EXTRA_SECRET_RUNS, FAULT_CASES, SECRET_PLACES } from './faults.js'
import { RERUN_CASES } from './reruns.js'

export { BAD_ENVIRONMENTS, type BadEnvironment } from './bad-environments.js'
export { BAD_INPUTS, type BadInput } from './bad-inputs.js'
export { RERUN_CASES, type RerunCase } from './reruns.js'
export {
  EXTRA_SECRET_RUNS,
  FAULT_CASES,
  SECRET_PLACES,
  type FaultCase,
  type SecretPlace
} from './faults.js'

/** How many cases each catalogue holds. */
export interface CatalogueCounts {
  /** Input sets refused before anything runs. */
  readonly badInputs: number
  /** Broken environments refused by the precheck. */
  readonly badEnvironments: number
  /** Both together: distinct bad cases, each with one message. */
  readonly totalBad: number
  /** Faults the sandbox can inject, each run through the whole action. */
  readonly faults: number
  /** Places searched for secrets after every whole run. */
  readonly secretPlaces: number
  /** Whole runs the secrets check follows: every fault case, a clean migrate with DM, and a cancel. */
  readonly secretRuns: number
  /** Re-runs and concurrent runs of one run key, each an e2e test. */
  readonly reruns: number
}

/** The catalogue sizes. */
export function catalogueCounts(): CatalogueCounts {
  return {
    badInputs: BAD_INPUTS.length,
    badEnvironments: BAD_ENVIRONMENTS.length,
    totalBad: BAD_INPUTS.length + BAD_ENVIRONMENTS.length,
    faults: FAULT_CASES.length,
    secretPlaces: SECRET_PLACES.length,
    secretRuns: FAULT_CASES.length + EXTRA_SECRET_RUNS.length,
    reruns: RERUN_CASES.length
  }
}
