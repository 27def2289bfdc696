// The Dumpling stand-in's executable entry (`tiup dumpling …` imports it): runs the CLI with the process
// arguments. The behaviour lives in dumpling/cli.ts.
import { runMain } from './entry.js'
import { runDumpling } from './dumpling/cli.js'

runMain(() => runDumpling(process.argv.slice(2)))
