// Keeping secrets out of what we print: command lines echoed before a tool runs, and the tool's own lines.
//
// We never put passwords on a command line on purpose (they go in 0600 config files or the environment), but a
// phase could pass one, and tools echo theirs: these helpers are the second line of defence. The flag rules follow
// tiup's own redaction (pkg/environment/history.go HideSensitiveInfo): `-p`, `-password`, `--password`,
// `-tidb-password`, `--tidb-password` and dmctl's `encrypt` hide the next word or their joined value, and URL
// query keys `access-key`, `secret-access-key`, `session-token`, `sasl-password` and URL user passwords are hidden.

/** What a hidden value is printed as (tiup uses the same six stars). */
export const REDACTED = '******'

/** Flags whose value is a password, as tiup knows them. */
export const PASSWORD_FLAGS: readonly string[] = [
  '-p',
  '-password',
  '--password',
  '-tidb-password',
  '--tidb-password'
]

/** Words whose next argument is a secret (dmctl `encrypt <password>`). */
const SECRET_WORDS: readonly string[] = ['encrypt']

/** Single-dash flags that start with `-p` but are not `-p<password>` (Lightning's Go flags). */
const NOT_PASSWORD_P_FLAGS = /^-(pd-urls|pd-addr|port|pprof[\w-]*)(=|$)/

const SECRET_QUERY_KEYS =
  /([?&](?:access-key|secret-access-key|session-token|sasl-password)=)[^&#\s]*/gi
const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:)[^@/\s]+@/i

function redactUrlParts(arg: string): string {
  return arg.replace(URL_PASSWORD, `$1${REDACTED}@`).replace(SECRET_QUERY_KEYS, `$1${REDACTED}`)
}

/**
 * The arguments with every password-bearing value replaced by {@link REDACTED}. Pure.
 * @param args a tool's arguments (without the command)
 */
export function redactArgs(args: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if ((PASSWORD_FLAGS.includes(arg) || SECRET_WORDS.includes(arg)) && i + 1 < args.length) {
      out.push(arg, REDACTED)
      i++
      continue
    }
    const joined = PASSWORD_FLAGS.find((f) => f !== '-p' && arg.startsWith(`${f}=`))
    if (joined) {
      out.push(`${joined}=${REDACTED}`)
      continue
    }
    if (arg.startsWith('-p') && arg.length > 2 && !NOT_PASSWORD_P_FLAGS.test(arg)) {
      // `-pSECRET`, mysql style; tiup prints it the same way.
      out.push(`-p${REDACTED}`)
      continue
    }
    out.push(redactUrlParts(arg))
  }
  return out
}

/**
 * The text with every occurrence of each secret replaced by `***` (what the runner's masking shows). Longer
 * secrets are replaced first so one secret containing another is hidden whole. Empty secrets are ignored.
 * @param text any text
 * @param secrets values to hide
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of [...secrets]
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***')
  }
  return out
}

const SAFE_WORD = /^[\w@%+=:,./*-]+$/

/** Quotes one word for display the way a POSIX shell would need it. */
function shellQuote(word: string): string {
  if (word === '') return "''"
  return SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

/**
 * A command line for the log, with passwords hidden by flag rules and by value.
 * @param command the program
 * @param args its arguments
 * @param secrets extra values to hide wherever they appear
 */
export function displayCommand(
  command: string,
  args: readonly string[],
  secrets: readonly string[] = []
): string {
  // Hide values before quoting: quoting a secret that holds a quote would change it and defeat the match.
  return [command, ...redactArgs(args)].map((w) => shellQuote(redactText(w, secrets))).join(' ')
}
