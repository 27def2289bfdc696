// The TiDB Lightning stand-in's executable entry (`tiup tidb-lightning …` imports it): runs the CLI with the
// process arguments. The behaviour lives in lightning/.
import { runMain } from './entry.js'
import { runLightning } from './lightning/cli.js'

runMain(() => runLightning(process.argv.slice(2)))
