// Entry point of the action's post step (runs even after failure or cancellation).
import { cleanup } from './cleanup.js'

await cleanup()
