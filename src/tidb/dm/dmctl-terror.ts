// DM's error text ("terror"): `[code=%d:class=%s:scope=%s:level=%s], Message: %s, RawCause: %s, Workaround: %s`,
// where each of the three tails is printed only when non-empty (tiflow dm/pkg/terror `Error()`). It reaches us inside
// `msg`, `checkResult`, stderr `Error: …` lines and logs, sometimes glued to older text (`check pass!!![code=46014…`).

/** One DM error, split into its fields. */
export interface DmTerror {
  readonly code: number
  /** e.g. `dm-master`, `task-check`, `sync-unit`, `scheduler`, `dmctl`. */
  readonly class: string
  /** `not-set`, `upstream`, `downstream` or `internal`. */
  readonly scope: string
  /** `low`, `medium` or `high`. */
  readonly level: string
  /** The message, without a check-task `detail: {…}` tail. */
  readonly message: string
  readonly rawCause: string
  readonly workaround: string
  /** The error text from `[code=` on, as printed. */
  readonly text: string
}

/** DM error codes the phases react to (tiflow dm/_utils/terror_gen/errors_release.txt). */
export const DM_ERROR = {
  /** `fail to check synchronization configuration with type: …` (pre-check failed; detail follows). */
  taskCheck: 26005,
  /** `source config with ID %s already exists` (operate-source create of an existing id). */
  sourceExists: 46007,
  /** `source with name %s need to operate has existing tasks %v` (operate-source stop of a source a task uses). */
  sourceHasTasks: 46010,
  /** `subtasks with name %s for sources %v already exist` (start-task of a running task). */
  subtaskExists: 46014,
  /** `task with name %s not exist`. */
  taskNotExist: 46018,
  /** `can not create grpc connection` (dm-master unreachable). */
  grpcConnection: 48001
} as const

const HEADER = /\[code=(\d{1,9}):class=([^:\]\s]*):scope=([^:\]\s]*):level=([^\]\s]*)\]/
const MESSAGE = ', Message: '
const RAW_CAUSE = ', RawCause: '
const WORKAROUND = ', Workaround: '

/** Finds the first DM error in a text and splits it into fields; undefined when the text holds none. */
export function parseTerror(text: string): DmTerror | undefined {
  const m = HEADER.exec(text)
  if (m === null) return undefined
  // The check-task detail is JSON that may itself contain `, Workaround: `; it is read elsewhere (dmctl-check.ts).
  const rest = withoutCheckDetail(text.slice(m.index + m[0].length))
  const w = rest.lastIndexOf(WORKAROUND)
  const head = w < 0 ? rest : rest.slice(0, w)
  const r = head.indexOf(RAW_CAUSE)
  let message = ''
  if (head.startsWith(MESSAGE)) {
    message = head.slice(MESSAGE.length, r < 0 ? head.length : r)
  } else if (/^, ?"/.test(head)) {
    // The docs' error-code table writes the older `[code=…],"message"` form.
    message = head.replace(/^, ?"/, '').replace(/"\s*$/, '')
  }
  return {
    code: Number(m[1]),
    class: m[2] ?? '',
    scope: m[3] ?? '',
    level: m[4] ?? '',
    message: message.trim(),
    rawCause: r < 0 ? '' : head.slice(r + RAW_CAUSE.length).trim(),
    workaround: w < 0 ? '' : rest.slice(w + WORKAROUND.length).trim(),
    text: withoutCheckDetail(text.slice(m.index)).trim()
  }
}

/**
 * Cuts a check-task `detail: {…}` tail (raw, or escaped as in logs) off a message:
 * `… please see detail\n detail: {…}` → `… please see detail`.
 */
export function withoutCheckDetail(message: string): string {
  const at = message.indexOf('detail: ')
  if (at < 0) return message
  let end = at
  // Walk back over the blanks and escaped `\n`/`\t` that separate the message from `detail:`.
  for (;;) {
    const c = message[end - 1]
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') end--
    else if ((c === 'n' || c === 't') && message[end - 2] === '\\') {
      end -= 2
      while (message[end - 1] === '\\') end--
    } else break
  }
  return message.slice(0, end)
}

/** A one-line rendering for logs and summaries: `[code=…] message (cause: …) Workaround: …`. */
export function formatTerror(e: DmTerror): string {
  const parts = [`[code=${e.code}:class=${e.class}] ${e.message}`.trim()]
  if (e.rawCause !== '') parts.push(`(cause: ${e.rawCause})`)
  if (e.workaround !== '') parts.push(`Workaround: ${e.workaround}`)
  return parts.join(' ')
}
