// `npm run sandbox -- <command>`: bring the local world up and down, print its environment, run commands in it,
// switch faults and timings, and look inside its databases. See sandbox/README.md.
import { sandboxDir } from './lib/paths.js'
import { formatDotenv, sandboxEnv } from './env.js'
import { CliError } from './cli/errors.js'
import { NPM, down, requireRunning, restartSource, summary, up } from './cli/lifecycle.js'
import { faultCommand, timingCommand } from './cli/switches.js'
import { formatResults, runSql } from './cli/sql.js'
import { exec } from './cli/exec.js'
import { updateReadme } from './docs.js'

const USAGE = `usage: ${NPM} <command>

  up                          start the sandbox in the background (SANDBOX_SCALE, SANDBOX_TIDB_VERSION apply)
  down                        stop everything and remove the sandbox directory
  status                      what runs where, active faults and timings
  env                         the environment as dotenv lines (stdout)
  exec [KEY=value…] -- <cmd…> run a command with the environment added (later KEY=value words override it)
  fault list [--markdown]     every fault and whether it is on
  fault set <name>[=value]    switch a fault on
  fault clear [name]          switch one fault, or all, off
  timing list [--markdown]    every timing and its value
  timing set <name>=<seconds> slow a piece down in a controlled way
  timing clear [name]         back to the default durations
  restart-source              restart the source (applies binlog-off)
  sql source|target "<sql>"   run SQL as root and print the result
  docs                        regenerate the fault, timing and sample-data tables of sandbox/README.md

The sandbox lives in SANDBOX_DIR (default: a per-user folder under the system temp directory).`

async function main(argv: readonly string[]): Promise<number> {
  const dir = sandboxDir()
  const [command, ...args] = argv
  switch (command) {
    case 'up': {
      const state = await up(dir, process.env)
      console.error(summary(state, process.env))
      return 0
    }
    case 'down': {
      const { wasUp, stopped } = await down(dir)
      console.error(
        wasUp || stopped > 0
          ? `sandbox down: ${dir} removed, no process of it left`
          : `no sandbox is up in ${dir}; nothing to do`
      )
      return 0
    }
    case 'status':
      console.log(summary(requireRunning(dir), process.env))
      return 0
    case 'env':
      process.stdout.write(formatDotenv(sandboxEnv(requireRunning(dir).endpoints, process.env)))
      return 0
    case 'exec':
      return exec(dir, args)
    case 'fault':
      console.log(faultCommand(dir, args, process.env))
      return 0
    case 'timing':
      console.log(timingCommand(dir, args))
      return 0
    case 'restart-source': {
      const state = await restartSource(dir)
      console.error(
        `source restarted on port ${state.endpoints.source.port} (mariadbd pid ${state.pids.source})`
      )
      return 0
    }
    case 'docs':
      console.error(
        updateReadme() ? 'sandbox/README.md tables regenerated' : 'sandbox/README.md is up to date'
      )
      return 0
    case 'sql': {
      const [server = '', sql, ...rest] = args
      if (sql === undefined || rest.length > 0)
        throw new CliError(`usage: ${NPM} sql source|target "<sql>"`, 2)
      console.log(formatResults(await runSql(requireRunning(dir), server, sql)))
      return 0
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE)
      return command === undefined ? 2 : 0
    default:
      throw new CliError(`unknown command '${command}'\n${USAGE}`, 2)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error(`sandbox: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = e instanceof CliError ? e.exitCode : 1
  }
)
