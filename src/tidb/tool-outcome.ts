// What the Dumpling and Lightning monitors conclude from a finished run. Both tools can exit 0 without having done
// their job (Lightning when cancelled or when its status port is busy), so a verdict always combines the exit code
// with the tool's own success line (Lightning: `the whole procedure completed`, pingcap/tidb
// lightning/pkg/importer/import.go; Dumpling: `dump data successfully`, dumpling/cmd/dumpling/main.go).

import type { LogLine } from './log-line.js'

/** How a tool run ended. */
export type ToolOutcome = 'succeeded' | 'cancelled' | 'failed'

/** A run's outcome with the tool's own words. */
export interface ToolVerdict {
  readonly outcome: ToolOutcome
  /** The tool's own error line on failure; its success or cancel line otherwise. */
  readonly message: string
  /** Next steps the tool itself suggested (e.g. Lightning's checkpoint commands); empty when none. */
  readonly advice: readonly string[]
}

/** The first error a tool printed: the raw line and a one-line rendering of it. */
export interface FirstError {
  /** `message: error` for zap lines (with the table when the line names one), the line itself otherwise. */
  readonly text: string
  /** The line as received (prefixes stripped). */
  readonly line: string
}

/** Renders a parsed error line in one line, keeping the tool's wording. */
export function describeLogLine(parsed: LogLine): string {
  if (parsed.format === 'plain') return parsed.message
  const error = parsed.fields['error']
  const table = parsed.fields['table']
  const where = table === undefined ? '' : ` (${table})`
  if (error === undefined || error === '') return `${parsed.message}${where}`
  if (parsed.message === '') return error
  return `${parsed.message}${where}: ${error}`
}

/** The message used when a tool gives no reason for a non-zero exit. */
export function exitMessage(
  tool: string,
  exitCode: number | null,
  lastLine: string | undefined
): string {
  const how = exitCode === null ? 'was killed by a signal' : `exited with code ${exitCode}`
  return lastLine === undefined
    ? `${tool} ${how} without printing an error`
    : `${tool} ${how}; its last output line: ${lastLine}`
}
