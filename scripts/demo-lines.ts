// What the demo shows of the action's log: quiet by default (the phases' closing lines, warnings, errors), every
// line with --verbose, and never a secret: the runner's masking is done here, since no runner reads these lines.

/** A phase's closing line (the orchestrator writes one per phase, outside any log group). */
const PHASE_END = /^(✅|❌|🚫|⏭)\S* Phase \d+\/\d+ · /

/**
 * What the demo shows of one line of the action's stdout, or undefined for nothing. The runner consumes
 * `::add-mask::` lines and hides `::debug::` unless step debugging is on; quiet mode keeps only the phases' closing
 * lines, warnings and errors.
 */
export function shownLine(
  line: string,
  secrets: readonly string[],
  all: boolean
): string | undefined {
  if (line.startsWith('::add-mask::')) return undefined
  let text = line
  for (const s of secrets) if (s !== '') text = text.split(s).join('***')
  const command = /^::(warning|error)[^:]*::(.*)$/.exec(text)
  if (command)
    return `${command[1] === 'error' ? '✖ error' : '⚠ warning'}: ${command[2]?.replace(/%0A/g, ' ')}`
  if (all) return text.startsWith('::debug::') ? undefined : text
  return PHASE_END.test(text) ? text : undefined
}
