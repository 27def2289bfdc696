// Fault catalogue, tools and source side: Dumpling, Lightning (including its exit-0 lies), S3 access, the source's
// connection drops and binary log, each through a whole `migrate` of the bundled action (main and post step) on a
// private sandbox, with the secrets check. Cases: catalogue/faults.ts (suite `tools`).
import { faultSuite } from '../helpers/fault-suite.js'

faultSuite('tools')
