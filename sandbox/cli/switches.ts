// `fault set|clear|list` and `timing set|clear|list`: the switches every sandbox piece reads on each question.
import { FAULTS, TIMINGS, activeFaults } from '../lib/faults.js'
import {
  clearFaultFile,
  clearTimingFile,
  isFaultName,
  isTimingName,
  readTimingFile,
  setFaultFile,
  setTimingFile
} from '../state.js'
import { faultTableMarkdown, timingTableMarkdown } from '../docs.js'
import { CliError } from './errors.js'
import { NPM, requireRunning } from './lifecycle.js'

function unknown(kind: 'fault' | 'timing', name: string, known: object): CliError {
  return new CliError(
    `unknown ${kind} '${name}'; known ${kind}s: ${Object.keys(known).join(', ')} (\`${NPM} ${kind} list\`)`
  )
}

function list(
  known: Readonly<Record<string, string>>,
  active: Readonly<Record<string, string | number>>
): string {
  const width = Math.max(...Object.keys(known).map((k) => k.length))
  return Object.entries(known)
    .map(([name, what]) => {
      const value = active[name]
      const mark = value === undefined ? '  ' : '* '
      const shown = value === undefined ? '' : value === '' ? ' [on]' : ` [${value}]`
      return `${mark}${name.padEnd(width)}  ${what}${shown}`
    })
    .join('\n')
}

/** `fault …`: returns what to print on stdout. */
export function faultCommand(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): string {
  const [verb, arg, ...rest] = args
  if (verb === 'list') {
    if (arg === '--markdown') return faultTableMarkdown()
    const active = activeFaults({ ...env, SANDBOX_DIR: dir })
    return `${list(FAULTS, active)}\n(* on; switch with \`${NPM} fault set <name>[=value]\` / \`fault clear [name]\`)`
  }
  if (verb === 'set' && arg !== undefined && rest.length === 0) {
    const eq = arg.indexOf('=')
    const name = eq < 0 ? arg : arg.slice(0, eq)
    if (!isFaultName(name)) throw unknown('fault', name, FAULTS)
    requireRunning(dir)
    setFaultFile(dir, name, eq < 0 ? '' : arg.slice(eq + 1))
    const note =
      name === 'binlog-off'
        ? ` (takes effect when the source restarts: \`${NPM} restart-source\`)`
        : ''
    return `fault ${name} on${note}`
  }
  if (verb === 'clear' && rest.length === 0) {
    if (arg !== undefined && !isFaultName(arg)) throw unknown('fault', arg, FAULTS)
    requireRunning(dir)
    clearFaultFile(dir, arg)
    return arg === undefined ? 'all faults off' : `fault ${arg} off`
  }
  throw new CliError(
    `usage: ${NPM} fault set <name>[=value] | fault clear [name] | fault list [--markdown]`,
    2
  )
}

/** `timing …`: returns what to print on stdout. */
export function timingCommand(dir: string, args: readonly string[]): string {
  const [verb, arg, ...rest] = args
  if (verb === 'list') {
    if (arg === '--markdown') return timingTableMarkdown()
    return `${list(TIMINGS, readTimingFile(dir))}\n(* set; seconds in brackets)`
  }
  if (verb === 'set' && arg !== undefined && arg.includes('=') && rest.length === 0) {
    const [name = '', value = ''] = arg.split('=', 2)
    if (!isTimingName(name)) throw unknown('timing', name, TIMINGS)
    const seconds = Number(value)
    if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
      throw new CliError(`timing ${name} needs a number of seconds ≥ 0, got '${value}'`, 2)
    }
    requireRunning(dir)
    setTimingFile(dir, name, seconds)
    return `timing ${name} = ${seconds} s`
  }
  if (verb === 'clear' && rest.length === 0) {
    if (arg !== undefined && !isTimingName(arg)) throw unknown('timing', arg, TIMINGS)
    requireRunning(dir)
    clearTimingFile(dir, arg)
    return arg === undefined
      ? 'all timings back to their defaults'
      : `timing ${arg} back to its default`
  }
  throw new CliError(
    `usage: ${NPM} timing set <name>=<seconds> | timing clear [name] | timing list [--markdown]`,
    2
  )
}
