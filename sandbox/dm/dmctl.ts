#!/usr/bin/env node
// dmctl: the executable the tiup stand-in runs as component `dmctl` (`.build/sandbox/dm/dmctl.js`). Importing this
// module runs the CLI with the process's arguments; the logic lives in dmctl-cli.ts.
import { runDmctl } from './dmctl-cli.js'

process.exitCode = await runDmctl(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd()
})
