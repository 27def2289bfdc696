// Go's regexp syntax (RE2, package regexp/syntax) translated to a JavaScript RegExp, so the stand-ins match file
// routes and table filters exactly as the Go tools do. Covered: flags `(?i)`, `(?s)`, `(?m)`, `(?U)` — leading or
// as `(?flags:…)` groups (JS on Node 20 has no inline modifiers, so case-insensitivity is expanded into classes),
// non-capturing and named groups (`(?P<n>…)`, `(?<n>…)`), Go's `.`/`\s`/`\d`/`\w` (ASCII, `.` excludes only \n),
// POSIX classes, `\pL`/`\p{Greek}`, `\Q…\E`, `\A`/`\z`, octal and hex escapes, repetition limits. What Go rejects
// (look-around, back-references, bad escapes…) fails with Go's own error text:
//   error parsing regexp: invalid or unsupported Perl syntax: `(?=`

/** A Go regexp compile error, with Go's message. */
export class GoRegexpError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``)
  }
}

/** A compiled Go regexp. */
export interface GoRegexp {
  readonly source: string
  readonly regexp: RegExp
  /** Number of capturing groups (Go's NumSubexp). */
  readonly numSubexp: number
  /** Names of the groups, index 0 is the whole match ('' for unnamed), as Go's SubexpNames. */
  readonly subexpNames: readonly string[]
}

interface Flags {
  i: boolean
  s: boolean
  m: boolean
  U: boolean
}

type Range = [number, number]

const MAX_CP = 0x10ffff
const D: Range[] = [[0x30, 0x39]]
const S: Range[] = [
  [0x09, 0x0a],
  [0x0c, 0x0d],
  [0x20, 0x20]
]
const W: Range[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a]
]
const POSIX: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a]
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a]
  ],
  ascii: [[0, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20]
  ],
  cntrl: [
    [0, 0x1f],
    [0x7f, 0x7f]
  ],
  digit: D,
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e]
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20]
  ],
  upper: [[0x41, 0x5a]],
  word: W,
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66]
  ]
}

function complement(ranges: Range[]): Range[] {
  const sorted = normalize(ranges)
  const out: Range[] = []
  let next = 0
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1])
    next = hi + 1
  }
  if (next <= MAX_CP) out.push([next, MAX_CP])
  return out
}

function normalize(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const out: Range[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1])
    else out.push([r[0], r[1]])
  }
  return out
}

/** Adds the other case of every letter in the ranges (simple folding; full for ASCII, per code point otherwise). */
function foldCase(ranges: Range[]): Range[] {
  const out = [...ranges]
  for (const [lo, hi] of ranges) {
    const a = Math.max(lo, 0x41)
    const b = Math.min(hi, 0x5a)
    if (a <= b) out.push([a + 32, b + 32])
    const c = Math.max(lo, 0x61)
    const d = Math.min(hi, 0x7a)
    if (c <= d) out.push([c - 32, d - 32])
    if (hi >= 0x80 && hi - lo < 4096) {
      for (let cp = Math.max(lo, 0x80); cp <= hi; cp++) {
        const ch = String.fromCodePoint(cp)
        for (const other of [ch.toUpperCase(), ch.toLowerCase()]) {
          const o = other.codePointAt(0)
          if (o !== undefined && [...other].length === 1 && o !== cp) out.push([o, o])
        }
      }
    }
  }
  return out
}

function cpEscape(cp: number): string {
  return `\\u{${cp.toString(16)}}`
}

function classSource(ranges: Range[], props: string[], negate: boolean): string {
  const body =
    normalize(ranges)
      .map(([lo, hi]) => (lo === hi ? cpEscape(lo) : `${cpEscape(lo)}-${cpEscape(hi)}`))
      .join('') + props.join('')
  if (!body) return negate ? '[\\s\\S]' : '[]'
  return `[${negate ? '^' : ''}${body}]`
}

const CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(
    ' '
  )
)

function unicodeProperty(name: string, negated: boolean): { props: string[]; ranges: Range[] } {
  if (name === 'Any') return { props: [], ranges: negated ? [] : [[0, MAX_CP]] }
  const prop = CATEGORIES.has(name) ? name : `Script=${name}`
  try {
    new RegExp(`\\p{${prop}}`, 'u')
  } catch {
    throw new GoRegexpError('invalid character class range', `\\${negated ? 'P' : 'p'}{${name}}`)
  }
  return { props: [`\\${negated ? 'P' : 'p'}{${prop}}`], ranges: [] }
}

const SYNTAX = new Set([...'^$\\.*+?()[]{}|/'])

class Translator {
  private pos = 0
  private groups = 0
  private readonly names: string[] = ['']
  private readonly flagStack: Flags[] = []
  constructor(
    private readonly src: string,
    private flags: Flags
  ) {}

  private peek(n = 0): string {
    return this.src[this.pos + n] ?? ''
  }

  /** The whole translation; `wholeI` means case-insensitivity can use the JS `i` flag instead of expansion. */
  run(): { source: string; groups: number; names: string[] } {
    let out = ''
    let lastAtomStart = -1 // start (in out) of the last repeatable atom, -1 when none
    let lastWasRepeat = false
    let depth = 0
    while (this.pos < this.src.length) {
      const c = this.peek()
      if (c === '|') {
        this.pos++
        out += '|'
        lastAtomStart = -1
        lastWasRepeat = false
        continue
      }
      if (c === '(') {
        const group = this.openGroup()
        if (group === null) continue
        depth++
        out += group
        lastAtomStart = -1
        lastWasRepeat = false
        continue
      }
      if (c === ')') {
        if (depth === 0) throw new GoRegexpError('unexpected )', this.src)
        depth--
        this.pos++
        const restored = this.flagStack.pop()
        if (restored) this.flags = restored
        // find the matching '(' in the output to make the group repeatable
        let level = 0
        let i = out.length - 1
        for (; i >= 0; i--) {
          if (out[i] === ')' && !escaped(out, i)) level++
          if (out[i] === '(' && !escaped(out, i)) {
            if (level === 0) break
            level--
          }
        }
        out += ')'
        lastAtomStart = i
        lastWasRepeat = false
        continue
      }
      if (c === '*' || c === '+' || c === '?' || (c === '{' && this.repeatAhead())) {
        const start = this.pos
        const op = this.readRepeat()
        if (lastWasRepeat)
          throw new GoRegexpError(
            'invalid nested repetition operator',
            this.src.slice(start - 1, this.pos)
          )
        if (lastAtomStart < 0)
          throw new GoRegexpError('missing argument to repetition operator', op.text)
        let lazy = false
        if (this.peek() === '?') {
          this.pos++
          lazy = true
        }
        if (this.flags.U) lazy = !lazy
        out += op.js + (lazy ? '?' : '')
        lastWasRepeat = true
        continue
      }
      lastAtomStart = out.length
      lastWasRepeat = false
      out += this.atom()
    }
    if (depth > 0) throw new GoRegexpError('missing closing )', this.src)
    return { source: out, groups: this.groups, names: this.names }
  }

  private repeatAhead(): boolean {
    return /^\{\d+(,\d*)?\}/.test(this.src.slice(this.pos))
  }

  private readRepeat(): { text: string; js: string } {
    const c = this.peek()
    if (c !== '{') {
      this.pos++
      return { text: c, js: c }
    }
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos)) as RegExpExecArray
    this.pos += m[0].length
    const min = Number(m[1])
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3])
    if (min > 1000 || max > 1000 || (max >= 0 && max < min))
      throw new GoRegexpError('invalid repeat count', m[0])
    return { text: m[0], js: m[0] }
  }

  /** Opens a group; returns its JS opening, or null for a flags-only group such as `(?i)`. */
  private openGroup(): string | null {
    const rest = this.src.slice(this.pos)
    if (!rest.startsWith('(?')) {
      this.pos++
      this.groups++
      this.names.push('')
      this.flagStack.push({ ...this.flags })
      return '('
    }
    const named = /^\(\?P?<([^>]*)>/.exec(rest)
    if (rest.startsWith('(?P<') || (rest.startsWith('(?<') && rest[3] !== '=' && rest[3] !== '!')) {
      if (!named) throw new GoRegexpError('invalid named capture', rest)
      const name = named[1] ?? ''
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new GoRegexpError('invalid named capture', named[0])
      if (this.names.includes(name)) throw new GoRegexpError('duplicate capture group name', name)
      this.pos += named[0].length
      this.groups++
      this.names.push(name)
      this.flagStack.push({ ...this.flags })
      return `(?<${name}>`
    }
    if (rest.startsWith('(?<')) throw new GoRegexpError('invalid named capture', rest)
    // flags: (?flags) or (?flags:re)
    let i = 2
    let negate = false
    const flags = { ...this.flags }
    let sawFlag = false
    for (; i < rest.length; i++) {
      const ch = rest[i] ?? ''
      if (ch === 'i' || ch === 's' || ch === 'm' || ch === 'U') {
        flags[ch] = !negate
        sawFlag = true
        continue
      }
      if (ch === '-' && !negate) {
        negate = true
        sawFlag = false
        continue
      }
      if ((ch === ':' || ch === ')') && !(negate && !sawFlag)) break
      throw new GoRegexpError('invalid or unsupported Perl syntax', rest.slice(0, i + 1))
    }
    if (i >= rest.length) throw new GoRegexpError('missing closing )', this.src)
    this.pos += i + 1
    if (rest[i] === ')') {
      this.flags = flags
      return null
    }
    this.flagStack.push({ ...this.flags })
    this.flags = flags
    return '(?:'
  }

  private literal(cp: number): string {
    if (this.flags.i && cp < 0x10000) {
      const folded = normalize(foldCase([[cp, cp]]))
      if (folded.length > 1 || (folded[0] && folded[0][0] !== folded[0][1]))
        return classSource(folded, [], false)
    }
    const ch = String.fromCodePoint(cp)
    if (SYNTAX.has(ch)) return `\\${ch}`
    if (cp < 0x20 || cp === 0x7f) return cpEscape(cp)
    return ch
  }

  private cls(ranges: Range[], props: string[] = [], negate = false): string {
    return classSource(this.flags.i ? foldCase(ranges) : ranges, props, negate)
  }

  private atom(): string {
    const c = this.peek()
    if (c === '.') {
      this.pos++
      return this.flags.s ? '[\\s\\S]' : '[^\\n]'
    }
    if (c === '^') {
      this.pos++
      return this.flags.m ? '(?<![^\\n])' : '(?<![\\s\\S])'
    }
    if (c === '$') {
      this.pos++
      return this.flags.m ? '(?![^\\n])' : '(?![\\s\\S])'
    }
    if (c === '[') return this.charClass()
    if (c === '\\') return this.escape()
    const cp = this.src.codePointAt(this.pos) ?? 0
    this.pos += cp > 0xffff ? 2 : 1
    return this.literal(cp)
  }

  private escape(): string {
    const start = this.pos
    this.pos++
    const c = this.peek()
    if (c === '') throw new GoRegexpError('trailing backslash at end of expression', '')
    if (c === 'Q') {
      const end = this.src.indexOf('\\E', this.pos + 1)
      const text = end < 0 ? this.src.slice(this.pos + 1) : this.src.slice(this.pos + 1, end)
      this.pos = end < 0 ? this.src.length : end + 2
      return [...text].map((ch) => `(?:${this.literal(ch.codePointAt(0) ?? 0)})`).join('')
    }
    const simple: Record<string, string> = {
      A: '(?<![\\s\\S])',
      z: '(?![\\s\\S])',
      b: '\\b',
      B: '\\B'
    }
    const assertion = simple[c]
    if (assertion) {
      this.pos++
      return assertion
    }
    const set = this.classEscape(start)
    if (set) return this.cls(set.ranges, set.props, set.negate)
    return this.literal(this.escapedChar(start))
  }

  /** `\d \s \w \D \S \W \pX \p{..} \PX`, or undefined. Advances past it. */
  private classEscape(
    start: number
  ): { ranges: Range[]; props: string[]; negate: boolean } | undefined {
    const c = this.peek()
    const perl: Record<string, Range[]> = { d: D, s: S, w: W }
    const lower = c.toLowerCase()
    const base = perl[lower]
    if (base) {
      this.pos++
      return c === lower
        ? { ranges: base, props: [], negate: false }
        : { ranges: complement(base), props: [], negate: false }
    }
    if (c === 'p' || c === 'P') {
      this.pos++
      let name = this.peek()
      if (name === '{') {
        const end = this.src.indexOf('}', this.pos)
        if (end < 0) throw new GoRegexpError('invalid character class range', this.src.slice(start))
        name = this.src.slice(this.pos + 1, end)
        this.pos = end + 1
      } else {
        this.pos++
      }
      let negated = c === 'P'
      if (name.startsWith('^')) {
        negated = !negated
        name = name.slice(1)
      }
      const p = unicodeProperty(name, negated)
      return { ranges: p.ranges, props: p.props, negate: false }
    }
    return undefined
  }

  /** A single escaped character (punctuation, \n, \x41, \x{263a}, octal). Advances past it. */
  private escapedChar(start: number): number {
    const c = this.peek()
    this.pos++
    const controls: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 }
    const control = controls[c]
    if (control !== undefined) return control
    if (c >= '1' && c <= '7' && !/[0-7]/.test(this.peek())) {
      throw new GoRegexpError('invalid escape sequence', this.src.slice(start, this.pos))
    }
    if (c >= '0' && c <= '7') {
      let digits = c
      while (digits.length < 3 && /[0-7]/.test(this.peek())) digits += this.src[this.pos++]
      return parseInt(digits, 8)
    }
    if (c === 'x') {
      if (this.peek() === '{') {
        const end = this.src.indexOf('}', this.pos)
        const hex = end < 0 ? '' : this.src.slice(this.pos + 1, end)
        if (!/^[0-9A-Fa-f]+$/.test(hex) || parseInt(hex, 16) > MAX_CP) {
          throw new GoRegexpError(
            'invalid escape sequence',
            this.src.slice(start, end < 0 ? this.src.length : end + 1)
          )
        }
        this.pos = end + 1
        return parseInt(hex, 16)
      }
      const hex = this.src.slice(this.pos, this.pos + 2)
      if (!/^[0-9A-Fa-f]{2}$/.test(hex))
        throw new GoRegexpError(
          'invalid escape sequence',
          this.src.slice(start, this.pos + hex.length)
        )
      this.pos += 2
      return parseInt(hex, 16)
    }
    const cp = c.codePointAt(0) ?? 0
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(c)) return cp
    throw new GoRegexpError('invalid escape sequence', this.src.slice(start, this.pos))
  }

  private charClass(): string {
    const start = this.pos
    this.pos++
    let negate = false
    if (this.peek() === '^') {
      negate = true
      this.pos++
    }
    const ranges: Range[] = []
    const props: string[] = []
    let first = true
    for (;;) {
      if (this.pos >= this.src.length)
        throw new GoRegexpError('missing closing ]', this.src.slice(start))
      const c = this.peek()
      if (c === ']' && !first) {
        this.pos++
        break
      }
      first = false
      if (c === '[' && this.peek(1) === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos))
        const set = m && POSIX[m[2] ?? '']
        if (!m || !set)
          throw new GoRegexpError(
            'invalid character class range',
            this.src.slice(this.pos, this.src.indexOf(']', this.pos) + 1)
          )
        ranges.push(...(m[1] ? complement(set) : set))
        this.pos += m[0].length
        continue
      }
      if (c === '\\') {
        const escStart = this.pos
        this.pos++
        if (this.pos >= this.src.length)
          throw new GoRegexpError('trailing backslash at end of expression', '')
        const set = this.classEscape(escStart)
        if (set) {
          ranges.push(...set.ranges)
          props.push(...set.props)
          continue
        }
        this.pos = escStart + 1
        const lo = this.escapedChar(escStart)
        ranges.push(this.rangeFrom(lo, escStart))
        continue
      }
      const cp = this.src.codePointAt(this.pos) ?? 0
      this.pos += cp > 0xffff ? 2 : 1
      ranges.push(this.rangeFrom(cp, this.pos - 1))
    }
    return this.cls(ranges, props, negate)
  }

  /** Completes `lo-hi` when a `-` range follows the character just read. */
  private rangeFrom(lo: number, loStart: number): Range {
    if (this.peek() !== '-' || this.peek(1) === ']' || this.peek(1) === '') return [lo, lo]
    this.pos++
    let hi: number
    if (this.peek() === '\\') {
      const escStart = this.pos
      this.pos++
      hi = this.escapedChar(escStart)
    } else {
      hi = this.src.codePointAt(this.pos) ?? 0
      this.pos += hi > 0xffff ? 2 : 1
    }
    if (hi < lo)
      throw new GoRegexpError('invalid character class range', this.src.slice(loStart, this.pos))
    return [lo, hi]
  }
}

function escaped(s: string, i: number): boolean {
  let n = 0
  for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) n++
  return n % 2 === 1
}

/** Compiles a Go regexp (RE2 syntax) into a JavaScript RegExp with the same matches, or throws GoRegexpError. */
export function compileGoRegexp(pattern: string): GoRegexp {
  const t = new Translator(pattern, { i: false, s: false, m: false, U: false })
  const { source, groups, names } = t.run()
  let regexp: RegExp
  try {
    regexp = new RegExp(source, 'u')
  } catch (e) {
    throw new GoRegexpError(
      'invalid or unsupported Perl syntax',
      `${pattern} (${(e as Error).message})`
    )
  }
  return { source: pattern, regexp, numSubexp: groups, subexpNames: names }
}

/**
 * Expands a Go regexp template (`$1`, `${1}`, `$name`, `${name}`, `$$`) against a match, as Go's
 * Regexp.ExpandString does: `$name` takes the longest run of letters, digits and `_`, and an unknown or
 * out-of-range reference expands to nothing.
 */
export function expandTemplate(template: string, re: GoRegexp, match: RegExpExecArray): string {
  let out = ''
  for (let i = 0; i < template.length; i++) {
    const c = template[i]
    if (c !== '$') {
      out += c
      continue
    }
    const rest = template.slice(i + 1)
    if (rest.startsWith('$')) {
      out += '$'
      i++
      continue
    }
    const m = /^\{([A-Za-z0-9_]+)\}/.exec(rest) ?? /^([A-Za-z0-9_]+)/.exec(rest)
    if (!m) {
      out += '$'
      continue
    }
    i += m[0].length
    const name = m[1] ?? ''
    const index = /^\d+$/.test(name) ? Number(name) : re.subexpNames.indexOf(name)
    if (index >= 0) out += match[index] ?? ''
  }
  return out
}
