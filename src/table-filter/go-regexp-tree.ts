/**
 * The parse tree of a Go regular expression and Go's character tables, which the syntax checker (`go-regexp.ts`)
 * builds to decide validity exactly as Go does (repeat limits, class ranges, Unicode names). Matching is re2js's.
 */

/** One element of a character class: a code point range, or a JavaScript class escape such as `\\p{L}`. */
export type ClassItem = { readonly lo: number; readonly hi: number } | { readonly js: string }
/** A node of the parse tree; `group` holds alternatives, each a sequence of nodes. */
export type Node =
  | { readonly t: 'lit'; readonly cp: number; readonly fold: boolean }
  | {
      readonly t: 'class'
      readonly neg: boolean
      readonly items: ClassItem[]
      readonly fold: boolean
    }
  | { readonly t: 'any'; readonly nl: boolean }
  | { readonly t: 'assert'; readonly js: string }
  | { readonly t: 'group'; readonly alts: Node[][] }
  | {
      readonly t: 'repeat'
      readonly sub: Node
      readonly min: number
      readonly max: number
      readonly lazy: boolean
      readonly counted: boolean
    }

/** Go's limit on a counted repetition (and on nested products of them). */
export const MAX_REPEAT = 1000
/** The largest code point. */
export const MAX_RUNE = 0x10ffff
/** A code point range item. */
export const range = (lo: number, hi: number): ClassItem => ({ lo, hi })
/** The code of a one-unit character. */
export const ch = (c: string): number => c.charCodeAt(0)

/** Perl classes are ASCII in Go; `\d` and `\w` equal JavaScript's (under `iu` both add U+017F and U+212A to `\w`). */
export const PERL: Readonly<Record<string, readonly ClassItem[]>> = {
  d: [{ js: '\\d' }],
  D: [{ js: '\\D' }],
  w: [{ js: '\\w' }],
  W: [{ js: '\\W' }],
  s: [range(9, 10), range(12, 13), range(32, 32)],
  S: complement([range(9, 10), range(12, 13), range(32, 32)])
}

/** The POSIX classes of `[[:name:]]` (ASCII), by name; `[:^name:]` is their complement. */
export const POSIX_POSITIVE: Readonly<Record<string, readonly ClassItem[]>> = {
  alnum: [range(ch('0'), ch('9')), range(ch('A'), ch('Z')), range(ch('a'), ch('z'))],
  alpha: [range(ch('A'), ch('Z')), range(ch('a'), ch('z'))],
  ascii: [range(0, 0x7f)],
  blank: [range(9, 9), range(32, 32)],
  cntrl: [range(0, 0x1f), range(0x7f, 0x7f)],
  digit: [range(ch('0'), ch('9'))],
  graph: [range(ch('!'), ch('~'))],
  lower: [range(ch('a'), ch('z'))],
  print: [range(ch(' '), ch('~'))],
  punct: [
    range(ch('!'), ch('/')),
    range(ch(':'), ch('@')),
    range(ch('['), ch('`')),
    range(ch('{'), ch('~'))
  ],
  space: [range(9, 13), range(32, 32)],
  upper: [range(ch('A'), ch('Z'))],
  word: [
    range(ch('0'), ch('9')),
    range(ch('A'), ch('Z')),
    range(ch('_'), ch('_')),
    range(ch('a'), ch('z'))
  ],
  xdigit: [range(ch('0'), ch('9')), range(ch('A'), ch('F')), range(ch('a'), ch('f'))]
}

/** Go's `unicode.Categories` keys (Go 1.23, which builds Dumpling v8.5). */
const CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(
    ' '
  )
)

/** The ranges not covered by the given ranges (class escapes are ignored). */
export function complement(items: readonly ClassItem[]): ClassItem[] {
  const ranges = items
    .filter((r): r is { lo: number; hi: number } => 'lo' in r)
    .sort((a, b) => a.lo - b.lo)
  const out: ClassItem[] = []
  let next = 0
  for (const r of ranges) {
    if (r.lo > next) out.push(range(next, r.lo - 1))
    next = Math.max(next, r.hi + 1)
  }
  if (next <= MAX_RUNE) out.push(range(next, MAX_RUNE))
  return out
}

/** The JavaScript `\\p{…}` body for a Go Unicode class name, or undefined when Go does not know the name. */
export function unicodeProperty(name: string): string | undefined {
  if (name === 'Any') return 'Any'
  if (CATEGORIES.has(name)) return name
  if (!/^[A-Z][A-Za-z_]*$/.test(name)) return undefined
  try {
    new RegExp(`\\p{Script=${name}}`, 'u')
    return `Script=${name}`
  } catch {
    return undefined
  }
}

/** Go's repeatIsValid: nested counted repetitions may not multiply beyond 1000 copies. */
export function repeatIsValid(node: Node, n: number): boolean {
  if (node.t === 'repeat' && node.counted) {
    let m = node.max
    if (m === 0) return true
    if (m < 0) m = node.min
    if (m > n) return false
    if (m > 0) n = Math.trunc(n / m)
  }
  if (node.t === 'repeat') return repeatIsValid(node.sub, n)
  if (node.t === 'group') return node.alts.every((alt) => alt.every((sub) => repeatIsValid(sub, n)))
  return true
}
