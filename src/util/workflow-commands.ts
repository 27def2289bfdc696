// Nothing the action prints becomes a workflow command unless the action means it to.
//
// The log lines of a step are read by the runner, which executes every line that looks like a command
// (actions/runner, src/Runner.Common/ActionCommand.cs and src/Runner.Worker/ActionCommandManager.cs):
//   - `::name props::data` when the line, with its leading white space trimmed (.NET String.TrimStart), starts with
//     `::` (TryParseV2);
//   - `##[name props]data` ANYWHERE in the line (TryParse, the older form, still parsed after the new one);
//   - lines end at \n, \r or \r\n.
// Much of what the action prints holds text from outside: tool output, state files, AWS messages, table names, error
// messages. A note `done\n::add-mask::x` would otherwise mask x, `\n::stop-commands::t` would stop every later command
// of the step (the `::add-mask::` of a password included), `##[set-output name=x]y` would set an output.
//
// The commands core issues itself (core.warning, core.error, core.debug, core.startGroup, core.setSecret) already
// escape their data (\n → %0A, % → %25), so the runner reads them back as one value and never as a second command;
// what needs care is the plain lines core.info writes as they are. `logLine` is the one way the action writes them:
// every line of the text is made inert before it is written.
//
// Why per line and not `::stop-commands::<token>` … `::<token>::` around outside blocks: phases run concurrently and
// their lines, heartbeats and annotations interleave; while commands are stopped the runner ignores OUR commands too
// (a warning, a group, the add-mask of a secret), so a stopped stretch would hide them. A line made inert on its own
// needs no state and cannot swallow anything.
import * as core from '@actions/core'

/**
 * U+2060 WORD JOINER: invisible, not white space for .NET (Unicode category Cf, so String.TrimStart keeps it), and
 * it separates the two characters the runner looks for.
 */
const JOINER = '\u2060'

// `\s` plus U+0085 (NEL), which .NET counts as white space and JavaScript's \s does not.
const COMMAND_START = /^([\s\u0085]*:)(?=:)/
const OLD_FORM = /##\[/g
const LINE_BREAK = /\r\n|\r|\n/

/**
 * The text with every line the runner would read as a workflow command made inert: a line starting with `::` (after
 * white space) gets a word joiner between the two colons, and every `##[` gets one before its bracket. Line breaks
 * (\r\n, \r, \n) become \n. What a reader sees is unchanged. Pure.
 * @param text any text, single- or multi-line
 */
export function inert(text: string): string {
  // Fast path: a command needs `::` or `##[`; most log lines have neither.
  if (!text.includes('::') && !text.includes('##[')) return text
  return text
    .split(LINE_BREAK)
    .map((line) => line.replace(OLD_FORM, `##${JOINER}[`).replace(COMMAND_START, `$1${JOINER}`))
    .join('\n')
}

/**
 * Writes text to the log as plain lines, never as a workflow command (see the file comment). The action's only
 * writer of plain log lines: lint forbids core.info elsewhere in src/.
 * @param text one or several lines
 */
export function logLine(text: string): void {
  core.info(inert(text))
}
