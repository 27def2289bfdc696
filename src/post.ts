// Entry point of the action's post step (runs even after failure or cancellation).
import { cleanup } from './cleanup.js'
import { mapStackTraces } from './util/source-mapped-stacks.js'

mapStackTraces()
await cleanup()
