// Entry point of the action's main step. All logic lives in run.ts so tests can import it without side effects.
import { run } from './run.js'
import { mapStackTraces } from './util/source-mapped-stacks.js'

mapStackTraces()
await run()
