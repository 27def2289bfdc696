import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  DUMPLING_SYSTEM_SCHEMA_EXCLUSION,
  goToLower,
  parseFilter,
  TableFilterError
} from '../../src/table-filter/parse.js'
import { matchesSchema, matchesTable } from '../../src/table-filter/match.js'
import { caught } from '../helpers/caught.js'

type Row = [schema: string, table: string, caseSensitive: boolean, caseInsensitive: boolean]

// The expectations of pingcap/tidb pkg/util/table-filter TestMatchTables: each rule list with the tables it
// accepts when matching case-sensitively and case-insensitively.
const MATCH_TABLES: [string[], Row[]][] = [
  [[], [['foo', 'bar', false, false]]],
  [['*.*'], [['foo', 'bar', true, true]]],
  [
    ['foo.*'],
    [
      ['foo', 'bar', true, true],
      ['foo1', 'bar', false, false],
      ['foo2', 'bar', false, false]
    ]
  ],
  [
    ['*.*', '!foo1.*'],
    [
      ['foo', 'bar', true, true],
      ['foo1', 'bar', false, false],
      ['foo2', 'bar', true, true]
    ]
  ],
  [
    ['foo.bar1'],
    [
      ['foo', 'bar', false, false],
      ['foo', 'bar1', true, true],
      ['fff', 'bar1', false, false]
    ]
  ],
  [
    ['*.*', '!foo.bar'],
    [
      ['foo', 'bar', false, false],
      ['foo', 'bar1', true, true],
      ['fff', 'bar1', true, true]
    ]
  ],
  [
    ['/^foo/.*', '!/^foo/./^sbtest-\\d/'],
    [
      ['foo', 'sbtest', true, true],
      ['foo1', 'sbtest-1', false, false],
      ['fff', 'bar', false, false]
    ]
  ],
  [
    ['*.*', '!foo[bar].*', '!bar?.*', '!special\\\\.*'],
    [
      ['foor', 'a', false, false],
      ['foo[bar]', 'b', true, true],
      ['ba', 'c', true, true],
      ['bar?', 'd', false, false],
      ['special\\', 'e', false, false],
      ['special\\\\', 'f', true, true],
      ['bazzz', 'g', true, true],
      ['special\\$', 'h', true, true],
      ['afooa', 'i', true, true]
    ]
  ],
  [
    ['*.*', '!/^FOO/.*', '!*./FoO$/'],
    [
      ['FOO1', 'a', false, false],
      ['foo2', 'b', true, false],
      ['BoO3', 'cFoO', false, false],
      ['Foo4', 'dfoo', true, false],
      ['5', '5', true, true]
    ]
  ],
  [
    ['*.*', '!a?b?./f[0-9]/'],
    [
      ['abbd', 'f1', false, false],
      ['aaaa', 'f2', true, true],
      ['5', '5', true, true],
      ['abbc', 'fa', true, true]
    ]
  ],
  [
    ['*.*', '!/t[0-8]/.a??'],
    [
      ['t1', 'a01', false, false],
      ['t9', 'a02', true, true],
      ['5', '5', true, true],
      ['t8', 'a001', true, true]
    ]
  ],
  [
    ['*.*', '!a*.A*'],
    [
      ['aB', 'Ab', false, false],
      ['AaB', 'aab', true, false],
      ['acB', 'Afb', false, false]
    ]
  ],
  [
    ['BAR.*'],
    [
      ['bar', 'a', false, true],
      ['BAR', 'a', true, true]
    ]
  ],
  [
    ['# comment', 'x.y', '   \t'],
    [
      ['x', 'y', true, true],
      ['y', 'y', false, false]
    ]
  ],
  [
    ['p_123$.45', '中文.表名'],
    [
      ['p_123', '45', false, false],
      ['p_123$', '45', true, true],
      ['英文', '表名', false, false],
      ['中文', '表名', true, true]
    ]
  ],
  [
    ['\\\\\\..*'],
    [
      ['\\.', 'a', true, true],
      ['\\\\\\.', 'b', false, false],
      ['\\a', 'c', false, false]
    ]
  ],
  [
    ['[!a-z].[^a-z]'],
    [
      ['!', 'z', true, true],
      ['!', '^', true, true],
      ['!', '9', false, false],
      ['a', 'z', false, false],
      ['a', '^', false, false],
      ['a', '9', false, false],
      ['1', 'z', true, true],
      ['1', '^', true, true],
      ['1', '9', false, false]
    ]
  ],
  [
    ['"some ""quoted""".`identifiers?`'],
    [
      ['some "quoted"', 'identifiers?', true, true],
      ['some "quoted"', 'identifiers!', false, false],
      ['some ""quoted""', 'identifiers?', false, false],
      ['SOME "QUOTED"', 'IDENTIFIERS?', false, true],
      ['some\t"quoted"', 'identifiers?', false, false]
    ]
  ],
  [
    ['db*.*', '!*.cfg*', '*.cfgsample'],
    [
      ['irrelevant', 'table', false, false],
      ['db1', 'tbl1', true, true],
      ['db1', 'cfg1', false, false],
      ['db1', 'cfgsample', true, true],
      ['else', 'cfgsample', true, true]
    ]
  ],
  [
    ['*.*', '!S.D[!a-d]'],
    [
      ['S', 'D1', false, false],
      ['S', 'Da', true, true],
      ['S', 'Db', true, true],
      ['S', 'Daa', true, true]
    ]
  ],
  [
    ['*.*', '!S.D[a-d]'],
    [
      ['S', 'D1', true, true],
      ['S', 'Da', false, false],
      ['S', 'Db', false, false],
      ['S', 'Daa', true, true]
    ]
  ],
  // The example of PingCAP's documented procedure, written one rule per line.
  [
    ['my_db1.table[12]', 'mydb.*'],
    [
      ['my_db1', 'table1', true, true],
      ['my_db1', 'table3', false, false],
      ['mydb', 'any', true, true]
    ]
  ]
]

describe('matchesTable', () => {
  test.each(MATCH_TABLES)('%j', (rules, rows) => {
    const cs = parseFilter(rules, { caseSensitive: true })
    const ci = parseFilter(rules)
    for (const [schema, table, expectCs, expectCi] of rows) {
      expect([
        schema,
        table,
        matchesTable(cs, schema, table),
        matchesTable(ci, schema, table)
      ]).toEqual([schema, table, expectCs, expectCi])
    }
  })

  test('the last matching rule wins (property, against a direct model)', () => {
    const rule = fc.record({
      include: fc.boolean(),
      schema: fc.constantFrom('a', 'b', '*', 'A'),
      table: fc.constantFrom('x', 'y', '*')
    })
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 6 }), (rules) => {
        const filter = parseFilter(
          rules.map((r) => `${r.include ? '' : '!'}${r.schema}.${r.table}`)
        )
        for (const [s, t] of [
          ['a', 'x'],
          ['a', 'y'],
          ['b', 'x'],
          ['B', 'y']
        ] as const) {
          const hit = (p: string, n: string): boolean =>
            p === '*' || p.toLowerCase() === n.toLowerCase()
          const last = rules.filter((r) => hit(r.schema, s) && hit(r.table, t)).pop()
          expect(matchesTable(filter, s, t)).toBe(last?.include ?? false)
        }
      })
    )
  })

  test('a quoted name matches exactly that name, whatever it contains (property)', () => {
    const name = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 10 })
      .filter((s) => !/[,\n\r]/.test(s))
    fc.assert(
      fc.property(name, name, fc.constantFrom('`', '"'), (schema, table, q) => {
        const quote = (s: string): string => q + s.replaceAll(q, q + q) + q
        const cs = parseFilter([`${quote(schema)}.${quote(table)}`], { caseSensitive: true })
        expect(matchesTable(cs, schema, table)).toBe(true)
        expect(matchesTable(cs, `${schema}x`, table)).toBe(false)
        const ci = parseFilter([`${quote(schema)}.${quote(table)}`])
        expect(matchesTable(ci, goToLower(schema), table.toUpperCase())).toBe(
          goToLower(table.toUpperCase()) === goToLower(table)
        )
      })
    )
  })
})

describe('matching cost', () => {
  test('rules a backtracking engine would choke on match a 64-character name at once (RE2, as Go)', () => {
    const filter = parseFilter(['/^(a+)+$/.*', '*a*a*a*a*a*a*a*a*a*a*b.*'])
    const started = Date.now()
    expect(matchesTable(filter, 'a'.repeat(63) + 'c', 't')).toBe(false)
    expect(matchesTable(filter, 'a'.repeat(63) + 'b', 't')).toBe(true)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  test('case-insensitivity switched off for part of a regexp works as in Go', () => {
    // Case-insensitive mode folds names to lower case and starts the expression with (?i), as the tool does: a
    // capital the expression insists on can then never match.
    const folded = parseFilter(['/^a(?-i)b$/.*', '/^c(?-i)D$/.*'])
    expect([matchesTable(folded, 'AB', 't'), matchesTable(folded, 'CD', 't')]).toEqual([
      true,
      false
    ])
    const exact = parseFilter(['/^(?i:a)B$/.*'], { caseSensitive: true })
    expect(['AB', 'aB', 'ab'].map((s) => matchesTable(exact, s, 't'))).toEqual([true, true, false])
  })
})

describe('matchesSchema', () => {
  // pkg/util/table-filter TestMatchSchemas.
  test.each([
    [[], ['foo'], [false], [false]],
    [['*.*'], ['foo'], [true], [true]],
    [['foo.*'], ['foo', 'foo1'], [true, false], [true, false]],
    [
      ['*.*', '!foo1.*'],
      ['foo', 'foo1'],
      [true, false],
      [true, false]
    ],
    [['foo.bar1'], ['foo', 'foo1'], [true, false], [true, false]],
    [
      ['*.*', '!foo.bar'],
      ['foo', 'foo1'],
      [true, true],
      [true, true]
    ],
    [
      ['/^foo/.*', '!/^foo/./^sbtest-\\d/'],
      ['foo', 'foo2'],
      [true, true],
      [true, true]
    ],
    [
      ['*.*', '!FOO*.*', '!*.*FoO'],
      ['foo', 'FOO', 'foobar', 'FOOBAR', 'bar', 'BAR'],
      [true, false, true, false, true, true],
      [false, false, false, false, true, true]
    ]
  ])('%j', (rules, schemas, expectCs, expectCi) => {
    const cs = parseFilter(rules, { caseSensitive: true })
    const ci = parseFilter(rules)
    expect(schemas.map((s) => matchesSchema(cs, s))).toEqual(expectCs)
    expect(schemas.map((s) => matchesSchema(ci, s))).toEqual(expectCi)
  })
})

describe('parseFilter errors', () => {
  const errorOf = (rule: string): TableFilterError =>
    caught(() => parseFilter(['*.*', rule]), TableFilterError)

  // The tool's messages (pkg/util/table-filter parser.go, TestParseFailures2), always "at <cmdline>:1".
  test.each([
    [
      '/^t[0-9]+((?!_copy).)*$/.*',
      'invalid pattern: error parsing regexp: invalid or unsupported Perl syntax: `(?!`'
    ],
    [
      '/^t[0-9]+sp(?=copy).*/.*',
      'invalid pattern: error parsing regexp: invalid or unsupported Perl syntax: `(?=`'
    ],
    ['a.b.c', 'syntax error: stray characters after table pattern'],
    ['*.*.*', 'syntax error: stray characters after table pattern'],
    ['a%b.c', "unexpected special character '%'"],
    ['a\\tb.c', 'cannot escape a letter or number (\\t), it is reserved for future extension'],
    ['[].*', 'syntax error: failed to parse character class'],
    ['[!].*', 'invalid pattern: error parsing regexp: missing closing ]: `[^]$`'],
    ['[.*', 'syntax error: failed to parse character class'],
    ['[\\d\\D].*', 'syntax error: failed to parse character class'],
    ['[z-a].*', 'invalid pattern: error parsing regexp: invalid character class range: `z-a`'],
    ['db', 'wrong table pattern'],
    ['db.', 'syntax error: missing pattern'],
    ['`db`*.*', "syntax error: missing '.' between schema and table patterns"],
    ['/db.*', 'syntax error: incomplete regexp'],
    ['//.*', 'syntax error: incomplete regexp'],
    ['`db.*', 'syntax error: incomplete quoted identifier'],
    ['"db.*', 'syntax error: incomplete quoted identifier'],
    ['"".t', 'syntax error: incomplete quoted identifier'],
    ['db\\', 'syntax error: cannot place \\ at end of line'],
    ['db.tbl#not comment', "unexpected special character '#'"],
    ['!@rules.txt', "unexpected special character '@'"],
    ['my-db.*', "unexpected special character '-'"]
  ])('%s', (rule, message) => {
    const e = errorOf(rule)
    expect([e.message, e.kind, e.rule]).toEqual([`at <cmdline>:1: ${message}`, 'syntax', rule])
  })

  test.each([
    [
      '@rules.txt',
      'import',
      "importing rules from a file ('@rules.txt') is not supported: the action has no file to point at; write the rules in the filter input, one per line"
    ],
    [
      'a.*,b.*',
      'comma',
      "a rule must not contain ',': Dumpling's --filter flag is a comma-separated list and would split 'a.*,b.*' into several rules; write each rule on its own line (and a regular expression without {m,n})"
    ],
    [
      '/^a{1,3}$/.*',
      'comma',
      "a rule must not contain ',': Dumpling's --filter flag is a comma-separated list and would split '/^a{1,3}$/.*' into several rules; write each rule on its own line (and a regular expression without {m,n})"
    ]
  ])('%s is refused by the action (%s)', (rule, kind, message) => {
    const e = errorOf(rule)
    expect([e.kind, e.message]).toEqual([kind, message])
  })

  test('the error names the first bad rule; blank lines, comments and surrounding blanks are skipped', () => {
    const filter = parseFilter(['', '  # only a comment', ' \tdb.t \t'])
    expect(filter.rules.map((r) => r.text)).toEqual(['db.t'])
    expect(() => parseFilter(['db.*', 'x', 'y'])).toThrow('at <cmdline>:1: wrong table pattern')
  })
})

describe('helpers', () => {
  test('Dumpling’s default exclusion keeps system schemas out, in any letter case', () => {
    const filter = parseFilter(['*.*', DUMPLING_SYSTEM_SCHEMA_EXCLUSION])
    const tables = [
      ['mysql', 'user'],
      ['information_schema', 'tables'],
      ['Sys', 'x'],
      ['shop', 'orders'],
      ['mysql2', 't']
    ]
    expect(tables.map(([s = '', t = '']) => matchesTable(filter, s, t))).toEqual([
      false,
      false,
      false,
      true,
      true
    ])
  })

  test('goToLower maps per code point like Go (İ becomes i, not i + combining dot)', () => {
    expect(goToLower('İSTANBUL.Äpfel')).toBe('istanbul.äpfel')
    expect(matchesTable(parseFilter(['istanbul.*']), 'İSTANBUL', 't')).toBe(true)
  })

  test('a regexp equal to what * builds matches everything, even for schema exclusion', () => {
    const filter = parseFilter(['*.*', '!a./(?s)^.*$/'])
    expect(filter.rules[1]?.table).toEqual({ kind: 'all' })
    expect(matchesSchema(filter, 'a')).toBe(false)
  })
})
