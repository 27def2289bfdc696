// A forgiving JSON reader for what dmctl prints and what people paste from it. Real output is jsonpb (valid JSON)
// except where dmctl splices a raw message into it; copies from docs and issues add `# comments`, drop commas, carry
// typos (`"synced": try,`) or stop mid-document. This reader never throws: it recovers what it can, says what it
// repaired, and does work linear in the input (each character is consumed once; nesting beyond MAX_DEPTH is skipped
// iteratively, so no input can exhaust the stack).

/** What {@link parseLooseJson} recovered. */
export interface LooseJson {
  /** The value read; undefined when no value starts at the given offset. */
  readonly value: unknown
  /** Offset just after the value (or where reading stopped). */
  readonly end: number
  /** False when the input ended inside a string, object or array (truncated output). */
  readonly complete: boolean
  /** Human-readable notes on what was repaired (comments removed, missing commas…), deduplicated. */
  readonly repairs: readonly string[]
}

const MAX_DEPTH = 128
const MAX_REPAIR_NOTES = 16

/** Marker: no value starts here (nothing consumed). */
const NOTHING = Symbol('nothing')
/** Marker: something was consumed but it is not a JSON value (an unknown bare word, a too-deep structure). */
const UNREADABLE = Symbol('unreadable')

const WORD_CHAR = /[A-Za-z0-9_$.+-]/
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
}

/** Reads one JSON-like value starting at `start` (leading blanks and comments are skipped). Never throws. */
export function parseLooseJson(text: string, start = 0): LooseJson {
  const reader = new LooseReader(text, start)
  const v = reader.value(0)
  return {
    value: v === NOTHING || v === UNREADABLE ? undefined : v,
    end: reader.pos,
    complete: reader.complete,
    repairs: [...reader.repairs]
  }
}

class LooseReader {
  pos: number
  complete = true
  readonly repairs = new Set<string>()

  constructor(
    private readonly text: string,
    start: number
  ) {
    this.pos = Math.max(0, Math.min(start, text.length))
  }

  note(what: string): void {
    if (this.repairs.size < MAX_REPAIR_NOTES) this.repairs.add(what)
  }

  atEnd(): boolean {
    return this.pos >= this.text.length
  }

  truncated(): void {
    this.complete = false
    this.note('output ends before the document is closed (truncated)')
  }

  /** Skips blanks and `#`, `//`, block comments. */
  skipTrivia(): void {
    const t = this.text
    while (this.pos < t.length) {
      const c = t[this.pos]
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF' || c === '\u00A0') {
        this.pos++
      } else if (c === '#' || (c === '/' && t[this.pos + 1] === '/')) {
        this.note('removed inline comments')
        const nl = t.indexOf('\n', this.pos)
        this.pos = nl < 0 ? t.length : nl + 1
      } else if (c === '/' && t[this.pos + 1] === '*') {
        this.note('removed inline comments')
        const close = t.indexOf('*/', this.pos + 2)
        this.pos = close < 0 ? t.length : close + 2
      } else {
        return
      }
    }
  }

  value(depth: number): unknown {
    this.skipTrivia()
    if (this.atEnd()) return NOTHING
    const c = this.text[this.pos] ?? ''
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) return this.skipNested()
      return c === '{' ? this.object(depth) : this.array(depth)
    }
    if (c === '"') return this.string()
    if (c === '-' || (c >= '0' && c <= '9')) return this.number()
    if (WORD_CHAR.test(c)) return this.word()
    return NOTHING
  }

  object(depth: number): Record<string, unknown> {
    // A null prototype keeps a `__proto__` key an ordinary property.
    const obj = Object.create(null) as Record<string, unknown>
    this.members('}', ']', () => {
      const c = this.text[this.pos] ?? ''
      let key: string
      if (c === '"') {
        key = this.string()
      } else if (WORD_CHAR.test(c)) {
        key = this.rawWord()
        this.note('read an unquoted key')
      } else {
        this.note('skipped unexpected characters')
        this.pos++
        return false
      }
      this.skipTrivia()
      if (this.text[this.pos] === ':') this.pos++
      else this.note('inserted missing colons')
      const v = this.value(depth + 1)
      if (v !== NOTHING && v !== UNREADABLE) obj[key] = v
      return v !== NOTHING
    })
    return obj
  }

  array(depth: number): unknown[] {
    const arr: unknown[] = []
    this.members(']', '}', () => {
      const v = this.value(depth + 1)
      if (v === NOTHING) {
        this.note('skipped unexpected characters')
        this.pos++
        return false
      }
      if (v !== UNREADABLE) arr.push(v)
      return true
    })
    return arr
  }

  /**
   * The loop shared by objects and arrays: consumes the opening bracket, then members until `close`. Commas are
   * optional (docs drop them); a stray `other` closer ends the container without being consumed, so the enclosing
   * container can match it. `member` reads one member and says whether a value was read; every turn consumes input.
   */
  members(close: string, other: string, member: () => boolean): void {
    this.pos++
    let afterValue = false
    for (;;) {
      this.skipTrivia()
      if (this.atEnd()) {
        this.truncated()
        return
      }
      const c = this.text[this.pos]
      if (c === close) {
        this.pos++
        return
      }
      if (c === ',') {
        this.pos++
        afterValue = false
        continue
      }
      if (c === other) {
        this.note(`closed a container at a stray \`${other}\``)
        return
      }
      if (afterValue) this.note('inserted missing commas')
      afterValue = member()
    }
  }

  /** Reads a double-quoted string; raw control characters are kept, a missing closing quote ends at EOF. */
  string(): string {
    const t = this.text
    this.pos++
    let out = ''
    let from = this.pos
    while (this.pos < t.length) {
      const c = t[this.pos]
      if (c === '"') {
        out += t.slice(from, this.pos)
        this.pos++
        return out
      }
      if (c === '\\') {
        out += t.slice(from, this.pos)
        out += this.escape()
        from = this.pos
        continue
      }
      if (c === '\n' || c === '\t' || c === '\r')
        this.note('kept raw control characters in strings')
      this.pos++
    }
    out += t.slice(from)
    this.truncated()
    return out
  }

  /** Decodes the escape at pos (a backslash); unknown escapes are kept literally. */
  escape(): string {
    const t = this.text
    const e = t[this.pos + 1]
    if (e === undefined) {
      this.pos++
      return '\\'
    }
    const simple = ESCAPES[e]
    if (simple !== undefined) {
      this.pos += 2
      return simple
    }
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
      const code = parseInt(t.slice(this.pos + 2, this.pos + 6), 16)
      this.pos += 6
      return String.fromCharCode(code)
    }
    this.note('kept invalid escapes literally')
    this.pos += 2
    return '\\' + e
  }

  number(): number | typeof UNREADABLE {
    NUMBER.lastIndex = this.pos
    const m = NUMBER.exec(this.text)
    if (m === null) {
      this.pos++
      this.note('skipped unexpected characters')
      return UNREADABLE
    }
    this.pos += m[0].length
    return Number(m[0])
  }

  rawWord(): string {
    const startAt = this.pos
    while (this.pos < this.text.length && WORD_CHAR.test(this.text[this.pos] ?? '')) this.pos++
    return this.text.slice(startAt, this.pos)
  }

  word(): boolean | null | typeof UNREADABLE {
    const w = this.rawWord()
    if (w === 'true') return true
    if (w === 'false') return false
    if (w === 'null') return null
    // A typo such as `try` is dropped rather than guessed: a wrong value is worse than a missing one.
    this.note(`dropped an unrecognised literal '${w.slice(0, 20)}'`)
    return UNREADABLE
  }

  /** Skips a structure nested too deep to read, without recursion (strings are honoured). */
  skipNested(): typeof UNREADABLE {
    this.note(`skipped structures nested deeper than ${MAX_DEPTH}`)
    const t = this.text
    let level = 0
    while (this.pos < t.length) {
      const c = t[this.pos]
      if (c === '"') {
        this.string()
        continue
      }
      this.pos++
      if (c === '{' || c === '[') level++
      else if ((c === '}' || c === ']') && --level === 0) return UNREADABLE
    }
    this.truncated()
    return UNREADABLE
  }
}
