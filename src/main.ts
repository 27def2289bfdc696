// Entry point of the action's main step. All logic lives in run.ts so tests can import it without side effects.
import { run } from './run.js'

await run()
