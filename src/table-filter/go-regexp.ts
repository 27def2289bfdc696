/**
 * Go regular expressions (RE2 syntax, as Go's `regexp.Compile` parses them), checked with Go's own errors and matched
 * in linear time.
 *
 * The table filter of Dumpling, Lightning and DM hands `/regex/` rules and its own wildcard patterns to Go's
 * `regexp`. To reject a rule exactly as those tools do, we parse the Go syntax ourselves — with Go's error codes and
 * offending expressions, so a rule the tool rejects is rejected here with the same text. Matching is done by re2js
 * (`go-regexp-match.ts`), a port of RE2 (the engine Go's `regexp` follows): the same syntax and semantics (Go's `.`
 * excludes only `\n`, its `\s` is ASCII, `(?i)` may apply to part of an expression) and, unlike JavaScript's
 * backtracking RegExp, time linear in the name's length, so no rule can stall a run (`/^(a+)+$/` or `*a*a*a*a*a*b`
 * on a long name). The check is apart from the matching so that validating inputs at start does not load re2js.
 *
 * Known limits of the checker: the size limit "expression too large" is not enforced, and "nests too deeply" is
 * approximated by counting open groups (capturing or not) against Go's height limit of 1000.
 *
 * The parser stays one class, longer than our usual file, because it follows Go's `regexp/syntax/parse.go` decision
 * by decision; keeping the two side by side is how it is checked. Its tree and tables are in `go-regexp-tree.ts`.
 */
import {
  ch,
  complement,
  MAX_REPEAT,
  MAX_RUNE,
  PERL,
  POSIX_POSITIVE,
  range,
  repeatIsValid,
  unicodeProperty,
  type ClassItem,
  type Node
} from './go-regexp-tree.js'

/** The error codes of Go's `regexp/syntax` that this parser can produce. */
export type GoRegexpErrorCode =
  | 'invalid character class range'
  | 'invalid escape sequence'
  | 'invalid named capture'
  | 'invalid or unsupported Perl syntax'
  | 'invalid nested repetition operator'
  | 'invalid repeat count'
  | 'missing closing ]'
  | 'missing closing )'
  | 'missing argument to repetition operator'
  | 'trailing backslash at end of expression'
  | 'unexpected )'
  | 'expression nests too deeply'

/** Go's limit on the height of a parse tree (regexp/syntax `maxHeight`). */
const MAX_HEIGHT = 1000

/** A syntax error exactly as Go reports it: "error parsing regexp: <code>: `<expr>`". */
export class GoRegexpError extends Error {
  override name = 'GoRegexpError'
  constructor(
    readonly code: GoRegexpErrorCode,
    readonly expr: string
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``)
  }
}

interface Flags {
  i: boolean
  m: boolean
  s: boolean
  U: boolean
}
interface Frame {
  readonly alts: Node[][]
  readonly saved: Flags
}

const isAlnum = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Za-z]$/.test(c)
const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7'

function unhex(c: string | undefined): number {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c) ? parseInt(c, 16) : -1
}

/** Reads Go syntax into a small tree, reproducing `regexp/syntax`'s parse decisions and errors. */
class Parser {
  private pos = 0
  private flags: Flags
  private readonly frames: Frame[]
  /** Index where the previous token started, when it was a repetition operator (Go's `lastRepeat`). */
  private lastRepeat = -1

  constructor(
    private readonly src: string,
    foldCase: boolean
  ) {
    this.flags = { i: foldCase, m: false, s: false, U: false }
    this.frames = [{ alts: [[]], saved: this.flags }]
  }

  parse(): Node[][] {
    const { src } = this
    while (this.pos < src.length) {
      const start = this.pos
      const repeated = this.token()
      this.lastRepeat = repeated ? start : -1
    }
    if (this.frames.length !== 1) throw new GoRegexpError('missing closing )', src)
    return this.frame().alts
  }

  /** Consumes one token; returns whether it was a repetition operator. */
  private token(): boolean {
    const { src } = this
    const c = src[this.pos]
    switch (c) {
      case '(':
        if (src[this.pos + 1] === '?') this.perlFlags()
        else this.open(this.flags, this.pos + 1)
        return false
      case '|':
        this.frame().alts.push([])
        this.pos++
        return false
      case ')':
        this.close()
        return false
      case '^':
        return this.push({ t: 'assert', js: this.flags.m ? '(?<![^\\n])' : '^' }, 1)
      case '$':
        return this.push({ t: 'assert', js: this.flags.m ? '(?![^\\n])' : '$' }, 1)
      case '.':
        return this.push({ t: 'any', nl: this.flags.s }, 1)
      case '[':
        this.charClass()
        return false
      case '*':
      case '+':
      case '?':
        this.repeat(c === '+' ? 1 : 0, c === '?' ? 1 : -1, this.pos + 1, false)
        return true
      case '{': {
        const r = this.counted()
        if (r === undefined) return this.push(this.lit(ch('{')), 1)
        if (
          r.min < 0 ||
          r.min > MAX_REPEAT ||
          r.max > MAX_REPEAT ||
          (r.max >= 0 && r.min > r.max)
        ) {
          throw new GoRegexpError('invalid repeat count', src.slice(this.pos, r.end))
        }
        this.repeat(r.min, r.max, r.end, true)
        return true
      }
      case '\\':
        this.escape()
        return false
      default: {
        const cp = src.codePointAt(this.pos) ?? 0
        return this.push(this.lit(cp), String.fromCodePoint(cp).length)
      }
    }
  }

  private frame(): Frame {
    return this.frames[this.frames.length - 1] as Frame
  }

  private concat(): Node[] {
    const alts = this.frame().alts
    return alts[alts.length - 1] as Node[]
  }

  private push(node: Node, width: number): false {
    this.concat().push(node)
    this.pos += width
    return false
  }

  private lit(cp: number): Node {
    return { t: 'lit', cp, fold: this.flags.i }
  }

  private open(saved: Flags, next: number): void {
    // Go refuses a parse tree higher than 1000 (regexp/syntax maxHeight); each open group adds a level. Enforcing it
    // here also keeps the recursive tree checks far from the stack limit on deeply nested input.
    if (this.frames.length >= MAX_HEIGHT) {
      throw new GoRegexpError('expression nests too deeply', this.src)
    }
    this.frames.push({ alts: [[]], saved })
    this.pos = next
  }

  private close(): void {
    if (this.frames.length === 1) throw new GoRegexpError('unexpected )', this.src)
    const done = this.frames.pop() as Frame
    this.flags = done.saved
    this.push({ t: 'group', alts: done.alts }, 1)
  }

  /** `(?P<name>`, `(?<name>`, `(?flags)`, `(?flags:` — Go's parsePerlFlags. */
  private perlFlags(): void {
    const { src, pos } = this
    const startsWithP = src.length - pos > 4 && src[pos + 2] === 'P' && src[pos + 3] === '<'
    const startsWithName = src.length - pos > 3 && src[pos + 2] === '<'
    if (startsWithP || startsWithName) {
      const end = src.indexOf('>', pos)
      if (end < 0) throw new GoRegexpError('invalid named capture', src.slice(pos))
      const name = src.slice(pos + (startsWithP ? 4 : 3), end)
      if (!/^[A-Za-z0-9_]+$/.test(name)) {
        throw new GoRegexpError('invalid named capture', src.slice(pos, end + 1))
      }
      this.open(this.flags, end + 1)
      return
    }
    const flags = { ...this.flags }
    let sign = 1
    let sawFlag = false
    let i = pos + 2
    while (i < src.length) {
      const c = String.fromCodePoint(src.codePointAt(i) ?? 0)
      i += c.length
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        flags[c] = sign > 0
        sawFlag = true
      } else if (c === '-' && sign > 0) {
        sign = -1
        sawFlag = false
      } else if ((c === ':' || c === ')') && (sign > 0 || sawFlag)) {
        if (c === ':') this.open(this.flags, i)
        else this.pos = i
        this.flags = flags
        return
      } else {
        break
      }
    }
    throw new GoRegexpError('invalid or unsupported Perl syntax', src.slice(pos, i))
  }

  /** `{n}`, `{n,}`, `{n,m}` at the cursor (Go's parseRepeat); undefined when `{` is a literal. */
  private counted(): { min: number; max: number; end: number } | undefined {
    const m = /^\{(0|[1-9][0-9]*)(?:(,)(0|[1-9][0-9]*)?)?\}/.exec(this.src.slice(this.pos))
    if (!m) return undefined
    // Go caps the digits it reads; any number that large is above 1000 and fails the same way here.
    const min = Number(m[1])
    const max = m[2] === undefined ? min : m[3] === undefined ? -1 : Number(m[3])
    return { min, max, end: this.pos + m[0].length }
  }

  private repeat(min: number, max: number, after: number, counted: boolean): void {
    const { src } = this
    const before = this.pos
    let lazy = false
    if (src[after] === '?') {
      after++
      lazy = true
    }
    if (this.lastRepeat >= 0) {
      throw new GoRegexpError(
        'invalid nested repetition operator',
        src.slice(this.lastRepeat, after)
      )
    }
    const concat = this.concat()
    const sub = concat.pop()
    if (sub === undefined) {
      throw new GoRegexpError('missing argument to repetition operator', src.slice(before, after))
    }
    const node: Node = { t: 'repeat', sub, min, max, lazy: lazy !== this.flags.U, counted }
    concat.push(node)
    if (counted && (min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
      throw new GoRegexpError('invalid repeat count', src.slice(before, after))
    }
    this.pos = after
  }

  private escape(): void {
    const { src, pos } = this
    const next = src[pos + 1]
    const simple: Record<string, string> = { A: '^', b: '\\b', B: '\\B', z: '$' }
    if (next !== undefined && simple[next] !== undefined) {
      this.push({ t: 'assert', js: simple[next] }, 2)
      return
    }
    if (next === 'C') throw new GoRegexpError('invalid escape sequence', '\\C')
    if (next === 'Q') {
      const end = src.indexOf('\\E', pos + 2)
      const text = end < 0 ? src.slice(pos + 2) : src.slice(pos + 2, end)
      for (const c of text) this.concat().push(this.lit(c.codePointAt(0) ?? 0))
      this.pos = end < 0 ? src.length : end + 2
      return
    }
    const group = this.classEscape(pos)
    if (group) {
      this.concat().push({ t: 'class', neg: false, items: group.items, fold: this.flags.i })
      this.pos = group.end
      return
    }
    const e = this.singleEscape(pos)
    this.push(this.lit(e.cp), 0)
    this.pos = e.end
  }

  /** `\pN`, `\p{Name}`, `\PN`, `\P{^Name}` and the Perl classes `\d \s \w` (and negations) at `i`. */
  private classEscape(i: number): { items: ClassItem[]; end: number } | undefined {
    const { src } = this
    if (src[i] !== '\\') return undefined
    const kind = src[i + 1]
    if (kind !== 'p' && kind !== 'P') {
      const perl = kind === undefined ? undefined : PERL[kind]
      return perl ? { items: [...perl], end: i + 2 } : undefined
    }
    let positive = kind === 'p'
    let seq: string
    let name: string
    if (src[i + 2] !== '{') {
      const c = i + 2 < src.length ? String.fromCodePoint(src.codePointAt(i + 2) ?? 0) : ''
      seq = src.slice(i, i + 2 + c.length)
      name = c
    } else {
      const close = src.indexOf('}', i)
      if (close < 0) throw new GoRegexpError('invalid character class range', src.slice(i))
      seq = src.slice(i, close + 1)
      name = src.slice(i + 3, close)
    }
    if (name.startsWith('^')) {
      positive = !positive
      name = name.slice(1)
    }
    const prop = unicodeProperty(name)
    if (prop === undefined) throw new GoRegexpError('invalid character class range', seq)
    return { items: [{ js: `\\${positive ? 'p' : 'P'}{${prop}}` }], end: i + seq.length }
  }

  /** One escaped character (Go's parseEscape): punctuation, octal, hex, C escapes. */
  private singleEscape(i: number): { cp: number; end: number } {
    const { src } = this
    let j = i + 1
    if (j >= src.length) throw new GoRegexpError('trailing backslash at end of expression', '')
    const c = String.fromCodePoint(src.codePointAt(j) ?? 0)
    j += c.length
    const fail = (): never => {
      throw new GoRegexpError('invalid escape sequence', src.slice(i, j))
    }
    if (c.length === 1 && ch(c) < 0x80 && !isAlnum(c)) return { cp: ch(c), end: j }
    if (c === '0' || (c >= '1' && c <= '7' && isOctal(src[j]))) {
      let r = ch(c) - ch('0')
      for (let k = 1; k < 3 && isOctal(src[j]); k++, j++) r = r * 8 + ch(src[j] ?? '0') - ch('0')
      return { cp: r, end: j }
    }
    if (c === 'x') {
      if (j >= src.length) return fail()
      if (src[j] === '{') {
        j++
        let r = 0
        let digits = 0
        for (;;) {
          if (j >= src.length) return fail()
          const d = src[j++]
          if (d === '}') break
          const v = unhex(d)
          if (v < 0) return fail()
          r = r * 16 + v
          if (r > MAX_RUNE) return fail()
          digits++
        }
        return digits === 0 ? fail() : { cp: r, end: j }
      }
      const x = unhex(src[j++])
      const y = unhex(src[j++])
      j = Math.min(j, src.length)
      return x < 0 || y < 0 ? fail() : { cp: x * 16 + y, end: j }
    }
    const named: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 }
    const cp = named[c]
    return cp === undefined ? fail() : { cp, end: j }
  }

  /** `[...]` (Go's parseClass). */
  private charClass(): void {
    const { src } = this
    const start = this.pos
    let i = start + 1
    let neg = false
    if (src[i] === '^') {
      neg = true
      i++
    }
    const items: ClassItem[] = []
    let first = true
    while (i >= src.length || src[i] !== ']' || first) {
      first = false
      if (src.length - i > 2 && src[i] === '[' && src[i + 1] === ':') {
        const close = src.indexOf(':]', i + 2)
        if (close >= 0) {
          const name = src.slice(i, close + 2)
          const inner = name.slice(2, -2)
          const positive = POSIX_POSITIVE[inner.replace(/^\^/, '')]
          if (positive === undefined) throw new GoRegexpError('invalid character class range', name)
          items.push(...(inner.startsWith('^') ? complement(positive) : positive))
          i = close + 2
          continue
        }
      }
      const group = this.classEscape(i)
      if (group) {
        items.push(...group.items)
        i = group.end
        continue
      }
      const rangeStart = i
      const lo = this.classChar(i, start)
      i = lo.end
      let hi = lo.cp
      if (src.length - i >= 2 && src[i] === '-' && src[i + 1] !== ']') {
        const h = this.classChar(i + 1, start)
        i = h.end
        hi = h.cp
        if (hi < lo.cp)
          throw new GoRegexpError('invalid character class range', src.slice(rangeStart, i))
      }
      items.push(range(lo.cp, hi))
    }
    this.concat().push({ t: 'class', neg, items, fold: this.flags.i })
    this.pos = i + 1
  }

  private classChar(i: number, classStart: number): { cp: number; end: number } {
    const { src } = this
    if (i >= src.length) throw new GoRegexpError('missing closing ]', src.slice(classStart))
    if (src[i] === '\\') return this.singleEscape(i)
    const cp = src.codePointAt(i) ?? 0
    return { cp, end: i + String.fromCodePoint(cp).length }
  }
}

/**
 * Checks a Go regular expression the way Go parses it (`go-regexp-match.ts` compiles it for matching).
 * @param pattern the expression in Go syntax
 * @param foldCase start with Go's `(?i)` in effect (the table filter's case-insensitive mode)
 * @throws GoRegexpError when Go would reject the expression (same message as Go)
 */
export function checkGoRegexp(pattern: string, foldCase = false): void {
  new Parser(pattern, foldCase).parse()
}
