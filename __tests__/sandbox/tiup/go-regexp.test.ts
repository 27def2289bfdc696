import fc from 'fast-check'
import { compileGoRegexp, expandTemplate, GoRegexpError } from '../../../sandbox/tiup/go-regexp.js'

const DOCUMENTED =
  '(?i)^(?:[^/]*/)*([a-z0-9_]+)\\.([a-z0-9_]+)/(?:[^/]*/)*(?:[a-z0-9\\-_.]+\\.(parquet))$'

function route(pattern: string, path: string, templates: string[]): string[] | undefined {
  const re = compileGoRegexp(pattern)
  const m = re.regexp.exec(path)
  return m ? templates.map((t) => expandTemplate(t, re, m)) : undefined
}

describe('Go regexp translation', () => {
  test("PingCAP's documented [[mydumper.files]] pattern on Aurora export keys", () => {
    const key = 'exp/export-1/shop/shop.orders/1/part-00000-6d3f-c000.gz.parquet'
    expect(route(DOCUMENTED, key, ['$1', '$2', '$3'])).toEqual(['shop', 'orders', 'parquet'])
    expect(
      route(DOCUMENTED, 'export-1/Shop/Shop.Orders/1/part-00000-x-c000.gz.parquet', ['$1', '$2'])
    ).toEqual(['Shop', 'Orders'])
    // names outside [a-z0-9_] are not matched: the file is silently left out
    expect(
      route(DOCUMENTED, 'export-1/shop/shop.order-items/1/part-00000-x-c000.gz.parquet', ['$1'])
    ).toBeUndefined()
    expect(
      route(DOCUMENTED, 'export-1/shop/shop.pay$t/1/part-00000-x-c000.gz.parquet', ['$1'])
    ).toBeUndefined()
    expect(route(DOCUMENTED, 'export-1/export_info_export-1.json', ['$1'])).toBeUndefined()
    expect(route(DOCUMENTED, 'export-1/shop/shop.orders/1/_SUCCESS', ['$1'])).toBeUndefined()
  })

  test('flags: (?i) scoped groups, (?s) dot, (?m) anchors, (?U) ungreedy', () => {
    expect(compileGoRegexp('a(?i:b)c').regexp.test('aBc')).toBe(true)
    expect(compileGoRegexp('a(?i:b)c').regexp.test('ABc')).toBe(false)
    expect(compileGoRegexp('^a.b$').regexp.test('a\nb')).toBe(false)
    expect(compileGoRegexp('^a.b$').regexp.test('a\rb')).toBe(true)
    expect(compileGoRegexp('(?s)^a.b$').regexp.test('a\nb')).toBe(true)
    expect(compileGoRegexp('^b$').regexp.test('a\nb')).toBe(false)
    expect(compileGoRegexp('(?m)^b$').regexp.test('a\nb')).toBe(true)
    expect(compileGoRegexp('(?U)a+').regexp.exec('aaa')?.[0]).toBe('a')
    expect(compileGoRegexp('(?U)a+?').regexp.exec('aaa')?.[0]).toBe('aaa')
  })

  test('Go character classes are ASCII; POSIX and Unicode classes work', () => {
    expect(compileGoRegexp('^\\w+$').regexp.test('ü')).toBe(false)
    expect(compileGoRegexp('^\\s$').regexp.test('\v')).toBe(false)
    expect(compileGoRegexp('^[[:alpha:]]+$').regexp.test('abcXYZ')).toBe(true)
    expect(compileGoRegexp('^[[:^digit:]]+$').regexp.test('ab1')).toBe(false)
    expect(compileGoRegexp('^\\pL+$').regexp.test('ünï')).toBe(true)
    expect(compileGoRegexp('^\\p{Greek}+$').regexp.test('αβ')).toBe(true)
    expect(compileGoRegexp('^\\Qa.b\\E$').regexp.test('a.b')).toBe(true)
    expect(compileGoRegexp('^\\Qa.b\\E$').regexp.test('axb')).toBe(false)
    expect(compileGoRegexp('^\\x41\\x{263a}\\101$').regexp.test('A☺A')).toBe(true)
  })

  test('groups: numbered, named (both spellings), non-capturing', () => {
    const re = compileGoRegexp('(?P<db>\\w+)\\.(?<tbl>\\w+)(?:\\.(\\d+))?')
    expect(re.numSubexp).toBe(3)
    expect(re.subexpNames).toEqual(['', 'db', 'tbl', ''])
    const m = re.regexp.exec('shop.orders.7') as RegExpExecArray
    expect(expandTemplate('${db}/$tbl/$3/$$', re, m)).toBe('shop/orders/7/$')
    // Go takes the longest name after `$`: `$1x` is the (unknown) group "1x" and expands to nothing
    expect(expandTemplate('$1x|${1}x', re, m)).toBe('|shopx')
  })

  test.each([
    ['(?=x)', 'invalid or unsupported Perl syntax', '(?='],
    ['(?!x)', 'invalid or unsupported Perl syntax', '(?!'],
    ['(?<=x)', 'invalid named capture', '(?<=x)'],
    ['(a)\\1', 'invalid escape sequence', '\\1'],
    ['\\e', 'invalid escape sequence', '\\e'],
    ['(a', 'missing closing )', '(a'],
    ['a)', 'unexpected )', 'a)'],
    ['[a', 'missing closing ]', '[a'],
    ['[z-a]', 'invalid character class range', 'z-a'],
    ['*a', 'missing argument to repetition operator', '*'],
    ['a**', 'invalid nested repetition operator', '**'],
    ['a{1001}', 'invalid repeat count', '{1001}'],
    ['a\\', 'trailing backslash at end of expression', '']
  ])('%s is rejected like Go does', (pattern, code, expr) => {
    expect(() => compileGoRegexp(pattern)).toThrow(new GoRegexpError(code, expr))
    expect(new GoRegexpError(code, expr).message).toBe(`error parsing regexp: ${code}: \`${expr}\``)
  })

  test('any literal text, escaped with Go QuoteMeta, matches itself only', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 3 }), (s, other) => {
        const re = compileGoRegexp(`^${s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')}$`).regexp
        return re.test(s) && (other === '' || !re.test(s + other))
      })
    )
  })
})
