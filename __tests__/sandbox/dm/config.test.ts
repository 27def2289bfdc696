// Source and task configuration as DM validates them, and the block-allow-list semantics.
import { compileBAList } from '../../../sandbox/dm/ba-list.js'
import {
  goDurationSeconds,
  parseSourceYaml,
  parseTaskYaml,
  verifySource
} from '../../../sandbox/dm/config.js'
import { terrorText, TerrorException } from '../../../sandbox/dm/terror.js'

function errorOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    if (err instanceof TerrorException) return terrorText(err.terror)
    throw err
  }
  throw new Error('expected a DM error')
}

const DOCUMENTED_SOURCE = `# Must be unique.
source-id: "mysql-01"
enable-gtid: false

from:
  host: "127.0.0.1"         # e.g.: 172.16.10.81
  user: "root"
  password: "pw"
  port: 3306
`

const task = (extra = '', instance = ''): string => `name: "test"
task-mode: "incremental"
target-database:
  host: "127.0.0.1"
  port: 4000
  user: "root"
  password: "pw"
block-allow-list:
  listA:
    do-tables:
    - db-name: "test_db"
      tbl-name: "test_table"
mysql-instances:
  - source-id: "mysql-01"
    block-allow-list: "listA"
${instance}    meta:
      binlog-name: "mysql-bin.000004"
      binlog-pos: 109227
${extra}`

describe('source config', () => {
  test("PingCAP's documented source1.yaml parses", () => {
    const s = parseSourceYaml(DOCUMENTED_SOURCE)
    expect(s).toMatchObject({ sourceId: 'mysql-01', enableGtid: false })
    expect(s.from).toEqual({ host: '127.0.0.1', port: 3306, user: 'root', password: 'pw' })
    expect(verifySource(s)).toBeUndefined()
  })

  test('unknown keys are rejected like yaml.v2 UnmarshalStrict, every one with its line', () => {
    expect(
      errorOf(() => parseSourceYaml(`${DOCUMENTED_SOURCE}  pasword: x\nflavour: mysql\n`))
    ).toBe(
      '[code=20003:class=config:scope=internal:level=medium], Message: decode source config, RawCause: yaml: unmarshal errors:\n' +
        '  line 10: field pasword not found in type dbconfig.DBConfig\n' +
        '  line 11: field flavour not found in type config.SourceConfig, Workaround: Please check the configuration file has correct YAML format.'
    )
  })

  test('wrong scalar types are rejected', () => {
    expect(errorOf(() => parseSourceYaml('source-id: a\nfrom:\n  port: "3306"\n'))).toContain(
      'line 3: cannot unmarshal !!str `3306` into int'
    )
  })

  test('source-id longer than 32 characters', () => {
    const long = 'x'.repeat(33)
    const e = verifySource(parseSourceYaml(`source-id: ${long}\n`))
    expect(e && terrorText(e)).toBe(
      `[code=40006:class=dm-worker:scope=internal:level=medium], Message: the length of source ID ${long} is more than max allowed value 32`
    )
  })
})

describe('task config', () => {
  test("PingCAP's documented task1.yaml with safe mode on", () => {
    const t = parseTaskYaml(
      task('syncers:\n  global:\n    safe-mode: true\n', '    syncer-config-name: "global"\n')
    )
    expect(t.name).toBe('test')
    expect(t.metaSchema).toBe('dm_meta')
    expect(t.instances[0]).toMatchObject({
      sourceId: 'mysql-01',
      meta: { binlogName: 'mysql-bin.000004', binlogPos: 109227, binlogGtid: '' },
      syncer: { safeMode: true, safeModeDurationSec: 60 }
    })
  })

  test('a syncers entry no instance references is an error (20038)', () => {
    expect(errorOf(() => parseTaskYaml(task('syncers:\n  global:\n    safe-mode: true\n')))).toBe(
      "[code=20038:class=config:scope=internal:level=high], Message: The configurations as following [global] are set in global configuration but instances don't use them, Workaround: Please check the configuration files."
    )
  })

  test('DM checks in order: name, task-mode, target, instances, meta, lists', () => {
    expect(errorOf(() => parseTaskYaml(task().replace('name: "test"\n', '')))).toContain(
      '[code=20019:'
    )
    expect(errorOf(() => parseTaskYaml(task().replace('incremental', 'incr')))).toContain(
      'Message: please specify right task-mode, support `full`, `incremental`, `all`, `dump`, `load`'
    )
    expect(
      errorOf(() =>
        parseTaskYaml(task().replace('binlog-name: "mysql-bin.000004"', 'binlog-name: ""'))
      )
    ).toContain(
      'Message: mysql-instance: 0th: source mysql-01: must specify `binlog-name` without GTID enabled'
    )
    expect(
      errorOf(() =>
        parseTaskYaml(task().replace('block-allow-list: "listA"', 'block-allow-list: "listB"'))
      )
    ).toContain("Message: mysql-instance(0)'s list listB not exist in block allow list")
    expect(errorOf(() => parseTaskYaml(task('ignore-checking-items: ["nope"]\n')))).toContain(
      'Message: checking item nope is not supported'
    )
  })

  test('unknown task keys name the Go type they were found in', () => {
    expect(errorOf(() => parseTaskYaml(task('syncers:\n  g:\n    safe-mod: true\n')))).toContain(
      'RawCause: yaml: unmarshal errors:\n  line 21: field safe-mod not found in type config.rawSyncerConfig'
    )
  })

  test('Go durations', () => {
    expect(goDurationSeconds('60s')).toBe(60)
    expect(goDurationSeconds('1m30s')).toBe(90)
    expect(goDurationSeconds('500ms')).toBe(0.5)
    expect(goDurationSeconds('abc')).toBeUndefined()
    // From Go's parseDurationTests: a signed lone zero, the Greek mu, a bare number refused.
    expect(goDurationSeconds('-0')).toBe(0)
    expect(goDurationSeconds('1μs')).toBe(1e-6)
    expect(goDurationSeconds('3')).toBeUndefined()
  })
})

describe('block-allow-list', () => {
  test('do-tables admits only the listed tables; schema statements pass', () => {
    const f = compileBAList({
      doDbs: [],
      ignoreDbs: [],
      doTables: [{ db: 'test_db', table: 'test_table' }],
      ignoreTables: []
    })
    expect(f.match('test_db', 'test_table')).toBe(true)
    expect(f.match('TEST_DB', 'Test_Table')).toBe(true)
    expect(f.match('test_db', 'other')).toBe(false)
    expect(f.match('test_db', '')).toBe(true)
    expect(f.match('mysql', 'user')).toBe(false)
  })

  test('wildcards, ~regex and ignore rules', () => {
    const f = compileBAList({
      doDbs: ['shop*', '~^log_[0-9]+$'],
      ignoreDbs: [],
      doTables: [],
      ignoreTables: [{ db: 'shop?', table: 'tmp_*' }]
    })
    expect(f.match('shop1', 'orders')).toBe(true)
    expect(f.match('shop1', 'tmp_x')).toBe(false)
    expect(f.match('log_42', 't')).toBe(true)
    expect(f.match('log_x', 't')).toBe(false)
    expect(f.match('other', 't')).toBe(false)
    expect(() =>
      compileBAList({ doDbs: ['a*b'], ignoreDbs: [], doTables: [], ignoreTables: [] })
    ).toThrow('pattern a*b not valid')
  })
})
