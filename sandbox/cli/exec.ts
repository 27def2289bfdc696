// `exec [KEY=value…] -- <command…>`: runs a command with the sandbox's environment added, passing its exit code.
import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { sandboxEnv } from '../env.js'
import { CliError } from './errors.js'
import { NPM, requireRunning } from './lifecycle.js'

/** Splits `exec` arguments into KEY=value overrides and the command after `--`. */
export function parseExecArgs(args: readonly string[]): {
  overrides: Record<string, string>
  command: string[]
} {
  const sep = args.indexOf('--')
  if (sep < 0 || sep === args.length - 1) {
    throw new CliError(`usage: ${NPM} exec [KEY=value…] -- <command…>`, 2)
  }
  const overrides: Record<string, string> = {}
  for (const word of args.slice(0, sep)) {
    const eq = word.indexOf('=')
    if (eq <= 0)
      throw new CliError(`exec: '${word}' is not KEY=value (the command goes after --)`, 2)
    overrides[word.slice(0, eq)] = word.slice(eq + 1)
  }
  return { overrides, command: args.slice(sep + 1) }
}

/** Runs a command with the sandbox's environment; resolves to its exit code (128+n when killed by signal n). */
export function exec(dir: string, args: readonly string[]): Promise<number> {
  const { overrides, command } = parseExecArgs(args)
  const state = requireRunning(dir)
  const env = { ...process.env, ...sandboxEnv(state.endpoints, process.env), ...overrides }
  const [file = '', ...rest] = command
  return new Promise((resolve, reject) => {
    const child = spawn(file, rest, { stdio: 'inherit', env })
    child.once('error', (e) => reject(new CliError(`exec: cannot run ${file}: ${e.message}`, 127)))
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0))
    })
  })
}
