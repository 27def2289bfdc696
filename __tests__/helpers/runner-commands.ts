// Reads a step's output the way the GitHub Actions runner does, to see which workflow commands it would execute
// (actions/runner: src/Runner.Common/ActionCommand.cs TryParseV2 and TryParse, src/Runner.Worker/ActionCommandManager.cs
// TryProcessCommand):
//   - the output is split into lines at \n, \r and \r\n (.NET StreamReader.ReadLine);
//   - `::name props::data` when the line, leading white space trimmed (.NET Char.IsWhiteSpace, which includes
//     U+0085), starts with `::`; props are `k=v` separated by commas;
//   - otherwise `##[name props]data` anywhere in the line; props separated by semicolons;
//   - the name must be a registered command (case-insensitive);
//   - `::stop-commands::<token>` stops every command until one named <token>.
// Data is unescaped as the runner does (%0D, %0A, %25 and, in the old form, %3B, %5D).

/** A command the runner would execute. */
export interface RunnerCommand {
  readonly command: string
  readonly properties: Readonly<Record<string, string>>
  readonly data: string
  /** The output line it came from. */
  readonly line: string
}

/** Commands the runner registers (its IActionCommandExtension implementations), plus stop-commands. */
const REGISTERED = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo'
]

const DOTNET_WHITESPACE = /^[\s\u0085]+/

function unescape(text: string, pairs: readonly [string, string][]): string {
  let out = text
  for (const [from, to] of pairs) out = out.split(from).join(to)
  return out
}

const DATA_V2: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
]
const PROPERTY_V2: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
]
const OLD: [string, string][] = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
]

function parseV2(line: string, registered: Set<string>): RunnerCommand | undefined {
  const message = line.replace(DOTNET_WHITESPACE, '')
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (!registered.has(command.toLowerCase())) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const p of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter((x) => x !== '')) {
      const eq = p.indexOf('=')
      if (eq > 0 && eq < p.length - 1)
        properties[p.slice(0, eq)] = unescape(p.slice(eq + 1), PROPERTY_V2)
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), DATA_V2), line }
}

function parseOld(line: string, registered: Set<string>): RunnerCommand | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const rb = line.indexOf(']', start)
  if (rb < 0) return undefined
  const info = line.slice(start + 3, rb)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (!registered.has(command.toLowerCase())) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const p of info
      .slice(space + 1)
      .split(';')
      .filter((x) => x !== '')) {
      const eq = p.indexOf('=')
      if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq)] = unescape(p.slice(eq + 1), OLD)
    }
  }
  return { command, properties, data: unescape(line.slice(rb + 1), OLD), line }
}

/**
 * The commands the runner would execute for this output, in order (stop-commands and its resume token included).
 * @param output everything the step printed (stdout; the runner reads stderr the same way)
 */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED)
  const out: RunnerCommand[] = []
  let stopToken: string | undefined
  for (const line of output.split(/\r\n|\r|\n/)) {
    if (line === '') continue
    const cmd = parseV2(line, registered) ?? parseOld(line, registered)
    if (cmd === undefined) continue
    const name = cmd.command.toLowerCase()
    if (stopToken !== undefined) {
      if (name !== stopToken.toLowerCase()) continue
      registered.delete(stopToken.toLowerCase())
      stopToken = undefined
      out.push(cmd)
      continue
    }
    if (name === 'stop-commands') {
      stopToken = cmd.data
      registered.add(cmd.data.toLowerCase())
    }
    out.push(cmd)
  }
  return out
}

/** What a hostile payload's commands carry: every payload's data starts with this. */
export const PWNED = 'PWNED'

/**
 * Hostile payloads: each would be a command if printed raw, in every form the runner reads (new form after a line
 * break of each kind, with leading white space, the old form anywhere in a line, and the %-encoded forms).
 */
export const HOSTILE_PAYLOADS: readonly string[] = [
  `\n::error::${PWNED}-error`,
  `\n::add-mask::${PWNED}-mask`,
  `\n::set-output name=x::${PWNED}-output`,
  `\n::stop-commands::${PWNED}-stop`,
  `\r::warning title=t::${PWNED}-cr`,
  `\r\n \t::notice::${PWNED}-crlf`,
  `\n\u0085::debug::${PWNED}-nel`,
  `x ##[error]${PWNED}-old`,
  `\n##[add-mask]${PWNED}-old-mask`,
  `%0A::error::${PWNED}-pct`,
  `%0D%0A::add-mask::${PWNED}-pct-mask`,
  `\n::save-state name=summary-written::${PWNED}-state`
]

/** One string holding every payload. */
export const HOSTILE = HOSTILE_PAYLOADS.join(' ')

/**
 * The commands a hostile payload made: any whose data starts with the marker, any stop-commands, any add-mask of
 * text holding the marker. The action's own commands (a warning quoting the hostile text, an output) are not.
 */
export function hostileCommands(output: string): RunnerCommand[] {
  return runnerCommands(output).filter(
    (c) =>
      c.data.trimStart().startsWith(PWNED) ||
      c.command.toLowerCase() === 'stop-commands' ||
      (c.command.toLowerCase() === 'add-mask' && c.data.includes(PWNED))
  )
}
