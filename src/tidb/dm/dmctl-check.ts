// The pre-check detail of `check-task` / `start-task`. DM builds the message as
// `fail to check synchronization configuration with type: <what>\n detail: <json.MarshalIndent(results, "\t", "\t")>`
// and dmctl splices that RAW string into its JSON output (PrettyPrintResponseWithCheckTask), so the detail arrives
// unescaped inside a JSON string. In logs the same text is escaped once (`\n\t\t\"results\"`) or twice (`\\n`).
import { parseLooseJson } from './dmctl-loose-json.js'
import { asArray, asRecord, bool, int, str, type JsonRecord } from './dmctl-values.js'

/** One error of a check item. */
export interface CheckItemError {
  /** `fail` or `warn`. */
  readonly severity: string
  readonly shortError: string
  readonly instruction: string
}

/** One check of the pre-check (`results[]`); DM filters successful items out of the detail. */
export interface CheckItem {
  readonly id: number | undefined
  readonly name: string
  readonly desc: string
  /** `success`, `fail` or `warn`. */
  readonly state: string
  readonly errors: readonly CheckItemError[]
  readonly instruction: string
  /** e.g. `address of db instance - host:3306`. */
  readonly extra: string
}

/** The pre-check summary; fields are undefined when the output was cut before them. */
export interface CheckSummary {
  readonly passed: boolean | undefined
  readonly total: number | undefined
  readonly successful: number | undefined
  readonly failed: number | undefined
  readonly warning: number | undefined
}

/** The parsed `detail: {…}` of a pre-check. */
export interface CheckDetail {
  readonly results: readonly CheckItem[]
  readonly summary: CheckSummary | undefined
  /** False when the output stopped inside the detail (the last item may be partial). */
  readonly complete: boolean
}

/** A failed or warned check, ready to be shown on its own. */
export interface CheckFailure {
  readonly id: number | undefined
  readonly name: string
  readonly desc: string
  readonly state: 'fail' | 'warn'
  /** The short errors of the item, in order, without surrounding blanks or a trailing `;`. */
  readonly errors: readonly string[]
  /** The item's instruction and its errors' instructions, deduplicated, joined by a space. */
  readonly instruction: string
  readonly extra: string
}

/** A check detail found in a text, and where the raw splice sits (to cut it out of the outer JSON). */
export interface FoundCheckDetail {
  readonly detail: CheckDetail
  /** Offsets of `detail: {…}` when it was spliced raw; undefined for escaped copies (the outer text stays valid). */
  readonly splice: { readonly start: number; readonly end: number } | undefined
}

const MARK = 'detail: {'
const MAX_ESCAPE_LEVELS = 4

/** Finds and parses the first check-task detail in a text, raw or escaped; undefined when there is none. */
export function findCheckDetail(text: string): FoundCheckDetail | undefined {
  for (
    let at = text.indexOf(MARK), tries = 0;
    at >= 0 && tries < 8;
    at = text.indexOf(MARK, at + 1), tries++
  ) {
    const brace = at + MARK.length - 1
    const level = escapeLevel(text, brace + 1)
    if (level === undefined) continue
    if (level === 0) {
      const parsed = parseLooseJson(text, brace)
      return {
        detail: toCheckDetail(parsed.value, parsed.complete),
        splice: { start: at, end: parsed.end }
      }
    }
    const parsed = parseLooseJson(unescapeLevels(text.slice(brace), level))
    return { detail: toCheckDetail(parsed.value, parsed.complete), splice: undefined }
  }
  return undefined
}

/**
 * A message without the pre-check detail it carries: the text before `detail: {`, trimmed. When dmctl escapes the
 * detail inside the JSON string (DM 1.0 jsonpb; logs), decoding the string leaves it in the message.
 */
export function withoutCheckDetail(message: string): string {
  const at = message.indexOf(MARK)
  return (at >= 0 ? message.slice(0, at) : message).trimEnd()
}

/**
 * How many times the JSON after `detail: {` is escaped: 0 when raw (`{\n\t\t"results"`), 1 for `{\n\t\t\"results\"`,
 * 2 for `\\\"`. Undefined when what follows does not look like a detail object.
 */
function escapeLevel(text: string, from: number): number | undefined {
  const window = text.slice(from, from + 200)
  const q = window.indexOf('"')
  // No quote at all: raw only if the object is empty or the output stops right after `{`.
  if (q < 0) return /^\s*(\}|$)/.test(window) ? 0 : undefined
  let backslashes = 0
  while (window[q - 1 - backslashes] === '\\') backslashes++
  if (backslashes === 0) return /^\s*$/.test(window.slice(0, q)) ? 0 : undefined
  const level = Math.log2(backslashes + 1)
  return Number.isInteger(level) && level <= MAX_ESCAPE_LEVELS ? level : undefined
}

/** Undoes `levels` rounds of JSON string escaping (linear per round). */
function unescapeLevels(text: string, levels: number): string {
  let out = text
  for (let i = 0; i < levels; i++) {
    out = out.replace(/\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/g, (_m, e: string) => {
      if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16))
      return { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e] ?? e
    })
  }
  return out
}

/** Narrows a parsed detail (`{results, summary}`) into a {@link CheckDetail}. */
export function toCheckDetail(value: unknown, complete: boolean): CheckDetail {
  const rec = asRecord(value)
  const summary = asRecord(rec?.['summary'])
  return {
    results: toCheckItems(asArray(rec?.['results'])),
    summary:
      summary === undefined
        ? undefined
        : {
            passed: bool(summary, 'passed'),
            total: int(summary, 'total'),
            successful: int(summary, 'successful'),
            failed: int(summary, 'failed'),
            warning: int(summary, 'warning')
          },
    complete
  }
}

/** Narrows check items; elements that are not objects are skipped. */
export function toCheckItems(values: readonly unknown[]): CheckItem[] {
  return values.flatMap((v) => {
    const item = asRecord(v)
    return item === undefined ? [] : [toCheckItem(item)]
  })
}

/** True when a parsed object looks like a check item (a pasted fragment of `results[]`). */
export function isCheckItem(value: unknown): boolean {
  const rec = asRecord(value)
  return rec !== undefined && typeof rec['state'] === 'string' && typeof rec['name'] === 'string'
}

function toCheckItem(item: JsonRecord): CheckItem {
  const state = str(item, 'state')
  const errors: CheckItemError[] = asArray(item['errors']).flatMap((e) => {
    const rec = asRecord(e)
    if (rec === undefined) return []
    return [
      {
        severity: str(rec, 'severity', state),
        shortError: str(rec, 'short_error'),
        instruction: str(rec, 'instruction')
      }
    ]
  })
  // DM before v5.4 printed one `errorMsg` string instead of `errors[]`.
  const legacy = str(item, 'errorMsg')
  if (errors.length === 0 && legacy !== '') {
    errors.push({ severity: state, shortError: legacy, instruction: '' })
  }
  return {
    id: int(item, 'id'),
    name: str(item, 'name'),
    desc: str(item, 'desc'),
    state,
    errors,
    instruction: str(item, 'instruction'),
    extra: str(item, 'extra')
  }
}

/** The failed and warned items of a pre-check, failures first (order kept within each group). */
export function checkFailures(detail: CheckDetail | undefined): CheckFailure[] {
  if (detail === undefined) return []
  const pick = (state: 'fail' | 'warn'): CheckFailure[] =>
    detail.results
      .filter((r) => r.state === state)
      .map((r) => ({
        id: r.id,
        name: r.name,
        desc: r.desc,
        state,
        // DM's privilege checkers leave a trailing `; ` after the last error.
        errors: r.errors
          .map((e) => withoutTrailingSeparators(e.shortError))
          .filter((e) => e !== ''),
        instruction: [...new Set([r.instruction, ...r.errors.map((e) => e.instruction)])]
          .filter((i) => i !== '')
          .join(' '),
        extra: r.extra
      }))
  return [...pick('fail'), ...pick('warn')]
}

/** Trims blanks and trailing `;` (a loop, not a regex, so that long blank runs stay linear). */
function withoutTrailingSeparators(text: string): string {
  let end = text.length
  while (end > 0 && /[;\s]/.test(text[end - 1] ?? '')) end--
  return text.slice(0, end).trimStart()
}

/** One line per failed/warned item: `[fail] name (desc): error; error. Instruction: … (extra)`. */
export function describeCheckFailure(f: CheckFailure): string {
  const title = f.desc !== '' && f.desc !== f.name ? `${f.name} (${f.desc})` : f.name
  let line = `[${f.state}] ${title}`
  if (f.errors.length > 0) line += `: ${f.errors.join('; ')}`
  if (f.instruction !== '') line += `. Instruction: ${f.instruction}`
  if (f.extra !== '') line += ` (${f.extra})`
  return line
}
