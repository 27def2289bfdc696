// Property tests for the table-filter parser: no rule text makes parseFilter or translateFilter
// throw anything but a TableFilterError, and each finishes in bounded time. Inputs are arbitrary text and rules built
// from the grammar's own pieces (wildcards, classes, quotes, regexps, escapes), which reach far more of the parser
// than random bytes do.
import fc from 'fast-check'
import { TableFilterError, parseFilter, type TableFilter } from '../../src/table-filter/parse.js'
import { matchesSchema, matchesTable } from '../../src/table-filter/match.js'
import { translateFilter } from '../../src/table-filter/translate.js'

/** Generous for a parse of a few short rules; a hang or an exponential parse would blow far past it. */
const BOUND_MS = 1000

/**
 * For one 10 KB rule: re2js builds Go's whole program for it, in time linear in its length (about 0.3 s for 5000
 * `.*` on a quiet machine, over a second on a loaded one); a hang or an exponential parse still blows far past it.
 */
const LONG_RULE_BOUND_MS = 5000

/** Parses and translates; returns the filter, or undefined for a typed refusal. Anything else fails the test. */
function parseTyped(rules: readonly string[], boundMs = BOUND_MS): TableFilter | undefined {
  const started = performance.now()
  try {
    const filter = parseFilter(rules)
    const t = translateFilter(filter)
    expect(typeof t.selectsNothing).toBe('boolean')
    return filter
  } catch (e) {
    if (!(e instanceof TableFilterError)) throw e
    expect(['syntax', 'import', 'comma']).toContain(e.kind)
    expect(e.message.length).toBeGreaterThan(0)
    return undefined
  } finally {
    expect(performance.now() - started).toBeLessThan(boundMs)
  }
}

const piece = fc.constantFrom(
  '*',
  '?',
  '[a-z]',
  '[!0-9]',
  '[^x]',
  '[',
  ']',
  '`',
  '"',
  '\\',
  '\\*',
  '\\.',
  '$',
  '_',
  '-',
  ' ',
  ',',
  '@',
  '#',
  '!',
  'é',
  'db',
  'T1',
  '/',
  '(',
  ')',
  '{2}',
  '+',
  '|',
  '.',
  '(?i)',
  '\\p{L}',
  '[[:alpha:]]'
)
const name = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''))
const quoted = fc
  .tuple(fc.constantFrom('`', '"'), fc.string({ maxLength: 8 }))
  .map(([q, s]) => `${q}${s.replace(new RegExp(q, 'g'), q + q)}${q}`)
const regexpPart = fc
  .array(
    fc.constantFrom(
      'a',
      'b',
      '.',
      '*',
      '+',
      '?',
      '(',
      ')',
      '[',
      ']',
      '^',
      '$',
      '|',
      '{1,3}',
      '{',
      '}',
      '\\d',
      '\\w',
      '\\b',
      '\\Q',
      '\\E',
      '(?:',
      '(?P<n>',
      '(?i)',
      '(?s)',
      '\\pL',
      '\\x{41}',
      '[[:digit:]]',
      '\\'
    ),
    { maxLength: 8 }
  )
  .map((p) => `/${p.join('')}/`)
const side = fc.oneof(name, quoted, regexpPart)
/** A rule close to valid: optional `!`, a side, a dot (usually), a side, maybe trailing junk. */
const nearRule = fc
  .tuple(
    fc.boolean(),
    side,
    fc.constantFrom('.', '.', '.', '', '..'),
    side,
    fc.constantFrom('', '', ' ', ' # c', 'x')
  )
  .map(([neg, a, dot, b, tail]) => `${neg ? '!' : ''}${a}${dot}${b}${tail}`)

describe('fuzzing the table-filter parser', () => {
  test('arbitrary text: a filter or a TableFilterError, in bounded time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { maxLength: 4 }),
        (rules) => {
          parseTyped(rules)
        }
      ),
      { numRuns: 1000 }
    )
  })

  test('near-valid rules from the grammar: a filter or a TableFilterError; a filter matches names', () => {
    // Names as long as MySQL allows (64): matching is linear (RE2), so no rule can make it hang.
    const shortName = fc.string({ maxLength: 64 })
    fc.assert(
      fc.property(
        fc.array(nearRule, { minLength: 1, maxLength: 4 }),
        shortName,
        shortName,
        (rules, s, t) => {
          const filter = parseTyped(rules)
          if (!filter) return
          expect(filter.rules.length).toBeLessThanOrEqual(rules.length)
          const started = performance.now()
          expect(typeof matchesTable(filter, s, t)).toBe('boolean')
          expect(typeof matchesSchema(filter, s)).toBe('boolean')
          expect(performance.now() - started).toBeLessThan(BOUND_MS)
        }
      ),
      { numRuns: 1000 }
    )
  })

  test('long and deeply nested rules parse in bounded time', () => {
    const n = 5000
    for (const rule of [
      `${'*'.repeat(n)}.*`,
      `db.${'[a-z]'.repeat(n / 5)}`,
      `/${'('.repeat(n)}a${')'.repeat(n)}/.*`,
      `/${'(?:a|'.repeat(n / 5)}b${')'.repeat(n / 5)}/.t`,
      `\`${'``'.repeat(n)}\`.t`,
      `"${'x'.repeat(n)}.t`,
      `${'\\.'.repeat(n)}.t`,
      `/a{1000}{1000}/.t`
    ]) {
      parseTyped([rule], LONG_RULE_BOUND_MS)
    }
  })
})
