import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { compileGoRegexp, GoRegexpError } from '../../src/table-filter/go-regexp.js'
import { caught } from '../helpers/caught.js'

const errorOf = (pattern: string): string =>
  caught(() => compileGoRegexp(pattern), GoRegexpError).message

describe('Go syntax errors, with Go’s exact messages', () => {
  // Go's own expectations (regexp/all_test.go badRe) and RE2 ports that mirror Go, plus parse rules read in
  // regexp/syntax/parse.go.
  test.each([
    ['*', 'missing argument to repetition operator: `*`'],
    ['+', 'missing argument to repetition operator: `+`'],
    ['?', 'missing argument to repetition operator: `?`'],
    ['a|*?', 'missing argument to repetition operator: `*?`'],
    ['(?i)*', 'missing argument to repetition operator: `*`'],
    ['(abc', 'missing closing ): `(abc`'],
    ['abc)', 'unexpected ): `abc)`'],
    ['x[a-z', 'missing closing ]: `[a-z`'],
    ['[]a', 'missing closing ]: `[]a`'],
    ['(?s)^[^]$', 'missing closing ]: `[^]$`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['[[:word:][:foo:]]', 'invalid character class range: `[:foo:]`'],
    ['abc\\', 'trailing backslash at end of expression: ``'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['a*+', 'invalid nested repetition operator: `*+`'],
    ['a{2}{3}', 'invalid nested repetition operator: `{2}{3}`'],
    ['a*?+', 'invalid nested repetition operator: `*?+`'],
    ['\\x', 'invalid escape sequence: `\\x`'],
    ['\\xZ1', 'invalid escape sequence: `\\xZ1`'],
    ['\\x{12', 'invalid escape sequence: `\\x{12`'],
    ['\\8', 'invalid escape sequence: `\\8`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['\\q', 'invalid escape sequence: `\\q`'],
    ['[\\b]', 'invalid escape sequence: `\\b`'],
    ['\\p', 'invalid character class range: `\\p`'],
    ['\\p{', 'invalid character class range: `\\p{`'],
    ['\\p{Klingon}', 'invalid character class range: `\\p{Klingon}`'],
    ['\\pX', 'invalid character class range: `\\pX`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['a{2,1}', 'invalid repeat count: `{2,1}`'],
    ['((g{2,32}|q){1,32})', 'invalid repeat count: `{1,32}`'],
    ['((g{2,20}|q){1,20}){0,40}', 'invalid repeat count: `{0,40}`'],
    ['(?!_copy)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?-)', 'invalid or unsupported Perl syntax: `(?-)`'],
    ['(?i-)', 'invalid or unsupported Perl syntax: `(?i-)`'],
    ['(?i-m-s)', 'invalid or unsupported Perl syntax: `(?i-m-`'],
    ['(?i', 'invalid or unsupported Perl syntax: `(?i`'],
    ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
    ['(?<!a)b', 'invalid named capture: `(?<!a)b`'],
    ['(?P<n', 'invalid named capture: `(?P<n`'],
    ['(?P<a-b>x)', 'invalid named capture: `(?P<a-b>`']
  ])('%s', (pattern, message) => {
    expect(errorOf(pattern)).toBe(`error parsing regexp: ${message}`)
  })

  test('1000 nested groups exceed Go’s height limit (a typed error, not a stack overflow); 999 are fine', () => {
    const nested = (n: number): string => `${'('.repeat(n)}a${')'.repeat(n)}`
    expect(errorOf(nested(1000))).toBe(
      `error parsing regexp: expression nests too deeply: \`${nested(1000)}\``
    )
    // Unclosed groups are not nested yet: each open `(` is one pseudo-op of height 1 on Go's parse stack, so Go
    // ends with ErrMissingParen on the whole expression (golang/go src/regexp/syntax/parse.go checkHeight, parse).
    const unclosed = '(?:'.repeat(5000)
    expect(errorOf(unclosed)).toBe(`error parsing regexp: missing closing ): \`${unclosed}\``)
    expect(compileGoRegexp(nested(999)).test('a')).toBe(true)
  })
})

describe('translated expressions match what Go matches', () => {
  test.each([
    // Go's `.` excludes only \n; JavaScript's also excludes \r, U+2028 and U+2029.
    ['a.b', 'a\nb', false],
    ['a.b', 'a\rb', true],
    ['a.b', 'a\u2028b', true],
    ['(?s)a.b', 'a\nb', true],
    ['^.$', '😀', true],
    // Go's \s is [\t\n\f\r ] (no \v, no Unicode spaces); [[:space:]] adds \v.
    ['^\\s$', '\v', false],
    ['^\\s$', '\u00a0', false],
    ['^\\s$', '\t', true],
    ['^\\S$', '\v', true],
    ['^[[:space:]]$', '\v', true],
    // ^ and $ are text anchors; (?m) makes them line anchors around \n only.
    ['^b', 'a\nb', false],
    ['(?m)^b', 'a\nb', true],
    ['(?m)^b', 'a\rb', false],
    ['a$', 'a\n', false],
    ['(?m)a$', 'a\nb', true],
    ['\\Aa\\z', 'a', true],
    // `{` that is not a repetition is a literal.
    ['^a{,2}$', 'a{,2}', true],
    ['^a{x}$', 'a{x}', true],
    ['^x{2}$', 'xx', true],
    ['^x{2,}$', 'xxxx', true],
    ['^x{0}y$', 'y', true],
    ['\\Qa.b\\E', 'axb', false],
    ['\\Qa.b\\E', 'a.b', true],
    ['^\\Qa+', 'a+', true],
    ['^[[:alpha:]]+$', 'abcXYZ', true],
    ['^[[:^digit:]]$', '5', false],
    ['^[[:punct:]]+$', '!/:@[`{~', true],
    ['^\\pL+$', 'héllo', true],
    ['^\\p{Greek}$', 'α', true],
    ['^\\P{Greek}$', 'α', false],
    ['^\\p{^Greek}$', 'a', true],
    ['^[\\p{Lu}\\d]+$', 'AB12', true],
    ['^\\101\\x42\\x{263a}$', 'AB☺', true],
    ['^\\0$', '\0', true],
    ['^\\-\\_\\/$', '-_/', true],
    ['^*a', 'a', true],
    ['a\\b', 'a b', true],
    ['a\\B', 'ab', true],
    ['^(?P<name>ab)+$', 'abab', true],
    ['^(?:a|b)c$', 'bc', true],
    ['^(a|)$', '', true],
    ['^[a-]$', '-', true],
    ['^[]a]+$', ']a', true],
    ['^[^\\n]$', '\n', false],
    ['^[^a]$', '\n', true],
    ['b', 'abc', true]
  ])('%j on %j → %s', (pattern, input, expected) => {
    expect(compileGoRegexp(pattern).test(input)).toBe(expected)
  })

  test('greediness follows Go, including the U flag', () => {
    const m = (p: string, s: string): string | undefined => compileGoRegexp(p).firstMatch(s)
    expect([m('a+', 'aaa'), m('a+?', 'aaa'), m('(?U)a+', 'aaa'), m('(?U)a+?', 'aaa')]).toEqual([
      'aaa',
      'a',
      'a',
      'aaa'
    ])
    expect([m('(?U:a*)b', 'aab'), m('a{1,3}?', 'aaa')]).toEqual(['aab', 'a'])
  })

  test('case folding: the filter mode folds the whole expression, as Go’s "(?i)" prefix does', () => {
    expect(compileGoRegexp('^ABC$', true).test('abc')).toBe(true)
    expect(compileGoRegexp('^ABC$', false).test('abc')).toBe(false)
    expect(compileGoRegexp('^(?i)k$').test('\u212a')).toBe(true)
    expect(compileGoRegexp('^[[:upper:]]$', true).test('q')).toBe(true)
    expect(compileGoRegexp('(?i)abc').test('ABC')).toBe(true)
    expect(compileGoRegexp('^[0-9]+(?i)$').test('12')).toBe(true)
  })

  test.each([
    ['^a(?i)b$', false, ['ab', 'aB'], ['Ab', 'AB']],
    ['^(?i:a)b$', false, ['ab', 'Ab'], ['aB']],
    ['^(?-i)a(?i)b$', true, ['ab', 'aB'], ['Ab']],
    ['^a(?-i:B)$', true, ['aB', 'AB'], ['ab']]
  ])(
    '%s with folding=%s: case-insensitivity on part of the expression, as Go',
    (p, fold, yes, no) => {
      const re = compileGoRegexp(p, fold)
      for (const s of yes) expect(re.test(s)).toBe(true)
      for (const s of no) expect(re.test(s)).toBe(false)
    }
  )

  test('matching takes linear time: patterns that make a backtracking engine explode answer at once', () => {
    const started = Date.now()
    expect(compileGoRegexp('^(a+)+$').test(`${'a'.repeat(5000)}b`)).toBe(false)
    expect(compileGoRegexp('^(?s:.*a.*a.*a.*a.*a.*a.*a.*a.*a.*a.*b)$').test('a'.repeat(2000))).toBe(
      false
    )
    expect(compileGoRegexp('^(a|aa)*c$').test('a'.repeat(3000))).toBe(false)
    // A generous bound: a backtracking engine needs years for these, RE2 milliseconds.
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('a quoted literal matches exactly itself (property)', () => {
    const quoteMeta = (s: string): string => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (s, other) => {
          const re = compileGoRegexp(`^${quoteMeta(s)}$`)
          expect(re.test(s)).toBe(true)
          expect(re.test(other)).toBe(other === s)
        }
      )
    )
  })
})
