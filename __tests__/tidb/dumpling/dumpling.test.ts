import fc from 'fast-check'
import {
  SYSTEM_SCHEMA_EXCLUSION,
  dumplingArgs,
  exactTableRule,
  dumplingFilterProblem,
  type DumplingOptions
} from '../../../src/tidb/dumpling/args.js'
import { DumplingMonitor } from '../../../src/tidb/dumpling/monitor.js'
import { matchesTable } from '../../../src/table-filter/match.js'
import { parseFilter } from '../../../src/table-filter/parse.js'
import { describeReal, realLines, realSamples } from '../../fixtures/real-outputs.js'

const opts: DumplingOptions = {
  source: { host: 'aurora.example', port: 3306, user: 'admin', password: 's3cr,et"pw' },
  filter: ['my_db1.table[12]', 'mydb.*', '`my-db`.*'],
  output: 's3://my-bucket/migrate/schema'
}

describe('dumplingArgs', () => {
  test('the documented command: every rule its own --filter, system schemas excluded last, password position', () => {
    const { args, passwordIndex } = dumplingArgs({
      ...opts,
      s3Endpoint: 'http://127.0.0.1:9000',
      s3Region: 'us-east-1',
      threads: 2
    })
    expect(args).toEqual([
      '--host',
      'aurora.example',
      '--port',
      '3306',
      '--user',
      'admin',
      '--password',
      's3cr,et"pw',
      '--filter',
      'my_db1.table[12]',
      '--filter',
      'mydb.*',
      '--filter',
      '`my-db`.*',
      '--filter',
      SYSTEM_SCHEMA_EXCLUSION,
      '--consistency',
      'none',
      '--no-data',
      '--no-views=false',
      '--output',
      's3://my-bucket/migrate/schema',
      '--s3.endpoint',
      'http://127.0.0.1:9000',
      '--s3.region',
      'us-east-1',
      '--threads',
      '2'
    ])
    expect(args[passwordIndex]).toBe('s3cr,et"pw')
    expect(args[passwordIndex - 1]).toBe('--password')
  })

  test('a data dump reads each table at one point (--consistency lock) and keeps its rows and DDL', () => {
    const { args } = dumplingArgs({
      ...opts,
      filter: [exactTableRule({ database: 'crm', table: 'legacy_contacts' })],
      content: 'data'
    })
    expect(args.slice(args.indexOf('--filter'))).toEqual([
      '--filter',
      '`crm`.`legacy_contacts`',
      '--filter',
      SYSTEM_SCHEMA_EXCLUSION,
      '--consistency',
      'lock',
      '--output',
      's3://my-bucket/migrate/schema'
    ])
    expect(args).not.toContain('--no-data')
  })

  test('exactTableRule quotes both names so dots, wildcards and backquotes are literal', () => {
    const rule = exactTableRule({ database: 'my.db', table: 'a`b*?' })
    expect(rule).toBe('`my.db`.`a``b*?`')
    const filter = parseFilter([rule])
    expect(matchesTable(filter, 'my.db', 'a`b*?')).toBe(true)
    expect(matchesTable(filter, 'my.db', 'a`bxy')).toBe(false)
    expect(matchesTable(filter, 'myxdb', 'a`b*?')).toBe(false)
  })

  test('no filter keeps Dumpling defaults; the exclusion can be turned off', () => {
    expect(dumplingArgs({ ...opts, filter: [] }).args).not.toContain('--filter')
    expect(dumplingArgs({ ...opts, excludeSystemSchemas: false }).args).not.toContain(
      SYSTEM_SCHEMA_EXCLUSION
    )
  })

  test('rules Dumpling would split or fail to parse are refused with the way around', () => {
    expect(() => dumplingArgs({ ...opts, filter: ['db./a{1,3}/'] })).toThrow(
      /contains a comma; Dumpling's --filter splits values on commas/
    )
    // pflag reads each --filter value as a CSV record: a double-quoted name must arrive CSV-quoted.
    expect(dumplingArgs({ ...opts, filter: ['"my-db".*'] }).args).toContain('"""my-db"".*"')
    expect(dumplingFilterProblem('db.*')).toBeUndefined()
    expect(dumplingFilterProblem(' ')).toBe('a filter rule is empty')
    expect(() => dumplingArgs({ ...opts, s3Endpoint: '127.0.0.1:9000' })).toThrow(/needs a scheme/)
    expect(() => dumplingArgs({ ...opts, source: { ...opts.source, port: 70000 } })).toThrow(
      /not a port/
    )
  })
})

const monitorOf = (lines: readonly string[]): DumplingMonitor => {
  const m = new DumplingMonitor()
  for (const l of lines) m.push(l)
  return m
}
const real = (name: string): DumplingMonitor => monitorOf(realLines(`dumpling/${name}`))

describeReal('DumplingMonitor on every recorded Dumpling output', () => {
  test('every sample goes through the monitor without inventing a success', () => {
    const samples = realSamples('dumpling')
    expect(samples).toHaveLength(10)
    for (const f of samples) {
      const m = monitorOf(realLines(f))
      expect(m.report.succeeded).toBe(false)
      expect(m.verdict(0).outcome).toBe('failed')
    }
  })

  test('bad filter: parse arguments failed with its Go stack, banner version', () => {
    const m = real('bad-filter-tables-list-and-filter-v4.0.8.log')
    expect(m.report.version).toBe('v4.0.8-9-g7633719')
    expect(m.report.gitHash).toBe('763371960a2ba2ae242d4557e887425f9a3c29cb')
    expect(m.report.failure).toBe(
      'failed to parse filter: cannot pass --tables-list and --filter together'
    )
    expect(m.verdict(1)).toEqual({
      outcome: 'failed',
      message:
        'parse arguments failed: failed to parse filter: cannot pass --tables-list and --filter together',
      advice: []
    })
    expect(m.report.lastPlainLine).toBe(
      'parse arguments failed: failed to parse filter: cannot pass --tables-list and --filter together'
    )
  })

  test('connection refused: empty release version, the stack-info error line (cut errorVerbose)', () => {
    const m = real('connection-refused-v4.0-2020-truncated.log')
    expect(m.report.version).toBeUndefined()
    expect(m.report.gitHash).toBe('e5fd9c6124696e09626cd662fa7fc897716da4de')
    expect(m.verdict(1).message).toBe(
      'dump failed error stack info: dial tcp 127.0.0.1:4000: connect: connection refused'
    )
  })

  test('dump failed on SQL syntax: escaped quotes unescaped in the message', () => {
    const m = real('dump-failed-sql-syntax-v4.0-2020-truncated.log')
    expect(m.verdict(1).message).toBe(
      'dump failed error stack info: SELECT  FROM `0247__TICASE_1512_WWSVHA`.`t` LIMIT 1: Error 1064: You have an error in your SQL syntax; check the manual that corresponds to your TiDB version for the right syntax to use line 1 column 12 near "FROM `0247__TICASE_1512_WWSVHA`.`t` LIMIT 1" '
    )
  })

  test('unparsed arguments', () => {
    const m = real('unparsed-arguments-v4.0.8.log')
    expect(m.verdict(1).message).toBe(
      'meet some unparsed arguments, please check again: [where id<5]'
    )
    expect(m.report.version).toBe('v4.0.8-31-gd75dc72')
  })

  test('progress line: quoted keys with spaces, human size, float speed', () => {
    const m = real('progress-status-printer-v4.0.8.log')
    expect(m.report.progress).toEqual({
      tables: { done: 0, total: 1, estimated: false },
      finishedRows: 42191631,
      estimateTotalRows: undefined,
      finishedBytes: 7.764e9,
      speedMiBs: 61.70014464561885
    })
  })

  test('starts through tiup and against RDS: welcome, server type and version', () => {
    const tiup = real('tiup-dumpling-v6.5.0-serverless-start-truncated.log')
    expect(tiup.report).toMatchObject({
      welcomed: true,
      version: 'v6.5.0',
      gitHash: '706c3fa3c526cdba5b3e9f066b1a568fb96c56e3',
      serverType: 'TiDB',
      serverVersion: '6.4.0-serverless',
      firstError: undefined
    })
    const rds = real('rds-reload-privilege-start-v4.0.6-truncated.log')
    expect(rds.report).toMatchObject({ serverType: 'MySQL', serverVersion: '5.7.26-log' })
    expect(rds.verdict(1).message).toBe('dumpling exited with code 1 without printing an error')
    expect(tiup.verdict(1).message).toMatch(
      /^dumpling exited with code 1; its last output line: Go version:/
    )
  })
})

describe('DumplingMonitor on the lines of dumpling/cmd/dumpling/main.go', () => {
  const T = '[2024/01/02 03:04:05.678 +00:00]'
  test('success needs exit 0 and the success line', () => {
    const m = monitorOf([
      'Release version: v8.5.2',
      `${T} [INFO] [versions.go:54] ["Welcome to dumpling"] ["Release Version"=v8.5.2]`,
      `${T} [INFO] [main.go:82] ["dump data successfully, dumpling will exit now"]`
    ])
    expect(m.verdict(0)).toEqual({
      outcome: 'succeeded',
      message: 'dump data successfully, dumpling will exit now',
      advice: []
    })
    expect(m.verdict(1).outcome).toBe('failed')
    expect(monitorOf([]).verdict(0).message).toBe(
      'dumpling exited 0 without "dump data successfully, dumpling will exit now"'
    )
  })

  test('pflag errors (exit 2), create dumper failed, signal', () => {
    expect(monitorOf(['unknown flag: --no-dat', 'Usage of dumpling:']).verdict(2).message).toBe(
      'unknown flag: --no-dat'
    )
    const m = monitorOf(['', 'create dumper failed: sql: Access denied for user', ''])
    expect(m.report.failure).toBe('sql: Access denied for user')
    expect(m.verdict(1).message).toBe('create dumper failed: sql: Access denied for user')
    expect(monitorOf([]).verdict(null).outcome).toBe('cancelled')
  })

  test('any input never throws (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string()),
        fc.option(fc.integer({ min: 0, max: 2 })),
        (lines, code) => {
          const v = monitorOf(lines).verdict(code)
          expect(['succeeded', 'cancelled', 'failed']).toContain(v.outcome)
          if (code !== 0) expect(v.outcome).not.toBe('succeeded')
        }
      )
    )
  })
})
