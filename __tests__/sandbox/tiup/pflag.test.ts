import {
  flagUsages,
  parsePflags,
  PflagError,
  splitCsv,
  type FlagSpec
} from '../../../sandbox/tiup/pflag.js'

const specs: FlagSpec[] = [
  { name: 'host', short: 'h', type: 'string', def: '127.0.0.1', usage: 'The host to connect to' },
  { name: 'port', short: 'P', type: 'int', def: '4000', usage: 'TCP/IP port to connect to' },
  { name: 'no-data', short: 'd', type: 'bool', def: 'false', usage: 'Do not dump table data' },
  {
    name: 'no-schemas',
    short: 'm',
    type: 'bool',
    def: 'false',
    usage: 'Do not dump table schemas with the data'
  },
  {
    name: 'filter',
    short: 'f',
    type: 'stringSlice',
    def: '[*.*,!/^(mysql)$/.*]',
    usage: 'filter to select which tables to dump'
  },
  {
    name: 'logfile',
    short: 'L',
    type: 'string',
    def: '',
    usage: 'Log file `path`, leave empty to write to console'
  },
  { name: 'secret', type: 'string', def: '', usage: 'hidden', hidden: true }
]

describe('pflag command lines', () => {
  test('long, short, attached and grouped forms', () => {
    const p = parsePflags(
      ['--host=db', '-P3306', '-dm', '-f', 'a.*', '--filter', 'b.t1,c.*', 'extra'],
      specs
    )
    expect(p.values.get('host')).toBe('db')
    expect(p.values.get('port')).toBe('3306')
    expect(p.values.get('no-data')).toBe('true')
    expect(p.values.get('no-schemas')).toBe('true')
    expect(p.values.get('filter')).toEqual(['a.*', 'b.t1', 'c.*'])
    expect(p.args).toEqual(['extra'])
    expect(p.changed.has('logfile')).toBe(false)
  })

  test('defaults, `--` and -x=value', () => {
    const p = parsePflags(['-h=x', '--', '--port', '1'], specs)
    expect(p.values.get('host')).toBe('x')
    expect(p.values.get('port')).toBe('4000')
    expect(p.values.get('filter')).toEqual(['*.*', '!/^(mysql)$/.*'])
    expect(p.args).toEqual(['--port', '1'])
  })

  test.each([
    [['--nope'], 'unknown flag: --nope'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-dx'], "unknown shorthand flag: 'x' in -dx"],
    [['--host'], 'flag needs an argument: --host'],
    [['-h'], "flag needs an argument: 'h' in -h"],
    [
      ['--port', 'abc'],
      'invalid argument "abc" for "-P, --port" flag: strconv.ParseInt: parsing "abc": invalid syntax'
    ],
    [
      ['--no-data=maybe'],
      'invalid argument "maybe" for "-d, --no-data" flag: strconv.ParseBool: parsing "maybe": invalid syntax'
    ]
  ])("%j fails with pflag's message", (argv, message) => {
    expect(() => parsePflags(argv, specs)).toThrow(new PflagError(message))
  })

  test('StringSlice values are CSV records: commas split rules, quotes keep them', () => {
    expect(splitCsv('my_db1.table[12],mydb.*')).toEqual(['my_db1.table[12]', 'mydb.*'])
    expect(splitCsv('/a{1,3}/.*')).toEqual(['/a{1', '3}/.*'])
    expect(splitCsv('"/a{1,3}/.*",x.y')).toEqual(['/a{1,3}/.*', 'x.y'])
  })

  // pflag pads every name column to the longest one plus three spaces (FlagUsages: Fprintln of name, padding, usage).
  test('usage lists flags sorted, with types, back-quoted names and non-zero defaults', () => {
    expect(flagUsages(specs).split('\n')).toEqual([
      '  -f, --filter strings   filter to select which tables to dump (default [*.*,!/^(mysql)$/.*])',
      '  -h, --host string      The host to connect to (default "127.0.0.1")',
      '  -L, --logfile path     Log file path, leave empty to write to console',
      '  -d, --no-data          Do not dump table data',
      '  -m, --no-schemas       Do not dump table schemas with the data',
      '  -P, --port int         TCP/IP port to connect to (default 4000)',
      ''
    ])
  })
})
