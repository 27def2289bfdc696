// Fault catalogue, AWS side: the export faults and the IAM/KMS ones, each through a whole `migrate` of the bundled
// action (main and post step) on a private sandbox, with the secrets check. Cases: catalogue/faults.ts (suite `export`).
import { faultSuite } from '../helpers/fault-suite.js'

faultSuite('export')
