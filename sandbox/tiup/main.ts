// The tiup stand-in's executable entry: runs the CLI with the process arguments when imported.
import { runMain } from './entry.js'
import { runTiup } from './tiup.js'

runMain(() => runTiup(process.argv.slice(2)))
