import fc from 'fast-check'
import {
  locateZapHead,
  parseLogLine,
  parseQualifiedName,
  stripLinePrefix,
  type ZapHead
} from '../../src/tidb/log-line.js'
import {
  parseByteSize,
  parseGoDuration,
  parsePercent,
  parseRatio
} from '../../src/tidb/log-values.js'
import { formatLogLine } from '../../sandbox/lib/pingcap-log.js'

describe("parseLogLine: the zap format of pingcap/log's text encoder", () => {
  test('quoted message, bare and quoted fields, trailing skipped field', () => {
    const l = parseLogLine(
      '[2022/12/31 19:30:49.653 +08:00] [INFO] [restore.go:476] ["the whole procedure completed"] [takeTime=20m24.181465093s] []'
    )
    expect(l).toMatchObject({
      format: 'zap',
      time: '2022/12/31 19:30:49.653 +08:00',
      level: 'INFO',
      caller: 'restore.go:476',
      message: 'the whole procedure completed',
      truncated: false
    })
    expect({ ...l.fields }).toEqual({ takeTime: '20m24.181465093s' })
  })

  test('bare message, keys with spaces, escaped quotes and backslashes, newline escapes', () => {
    const l = parseLogLine(
      String.raw`[2020/08/27 14:42:01.739 +08:00] [ERROR] [main.go:212] [progress] ["encode speed(MiB/s)"=53.6] [error="near \"FROM x\" a\\b\nnext"] [] [tables="1/1 (100.0%)"]`
    )
    expect(l.message).toBe('progress')
    expect(l.fields['encode speed(MiB/s)']).toBe('53.6')
    expect(l.fields['error']).toBe('near "FROM x" a\\b\nnext')
    expect(l.fields['tables']).toBe('1/1 (100.0%)')
  })

  test('round-trips lines written by the sandbox formatter, whatever the text', () => {
    // Any Unicode except typographic quotes, which the parser deliberately reads as ASCII quotes.
    const text = fc.string({ unit: 'binary' }).filter((s) => !/[\u201c\u201d]/.test(s))
    fc.assert(
      fc.property(
        text,
        fc.array(
          fc.tuple(
            text.filter((k) => k !== ''),
            text
          )
        ),
        (message, fields) => {
          const line = formatLogLine('WARN', 'x.go:1', message, fields)
          const l = parseLogLine(line)
          expect(l.format).toBe('zap')
          expect(l.message).toBe(message)
          const want = Object.fromEntries(fields)
          expect({ ...l.fields }).toEqual(want)
        }
      )
    )
  })

  test('tolerates CI, docker, indentation and backquote prefixes', () => {
    const zap =
      '[2020/09/23 11:45:42.986 +08:00] [INFO] [config.go:158] ["detect server type"] [type=MySQL]'
    for (const prefix of ['[2021-03-03T12:47:42.790Z] ', 'executor-0  | ', '    ', '`']) {
      const l = parseLogLine(prefix + zap)
      expect(l.format).toBe('zap')
      expect(l.fields['type']).toBe('MySQL')
    }
    expect(stripLinePrefix('[2021-03-03T12:47:42.790Z] tidb lightning exit   ')).toBe(
      'tidb lightning exit'
    )
  })

  test('docs lines without timestamp, typographic quotes, markdown bold, cut lines', () => {
    const noTime = parseLogLine(
      '[INFO] [checksum.go:172] ["remote checksum start"] [table=sbtest1]   '
    )
    expect(noTime).toMatchObject({
      time: undefined,
      level: 'INFO',
      message: 'remote checksum start'
    })
    const curly = parseLogLine(
      '[2020/12/24 11:09:40.781 +08:00] [ERROR] [main.go:79] [“x y”] [error=“bad thing”]'
    )
    expect(curly.message).toBe('x y')
    expect(curly.fields['error']).toBe('bad thing')
    const bold = parseLogLine(
      '[2020/10/27 09:37:33.298 +00:00] [INFO] [restore.go:601] [progress] **[files="4193/4033 (104.0%)"]** []'
    )
    expect(bold.fields['files']).toBe('4193/4033 (104.0%)')
    const cut = parseLogLine(
      '[2023/04/25 07:52:18.811 +00:00] [ERROR] [r.go:1] ["failed"] [error="Post \\"http://tc-pd/'
    )
    expect(cut.truncated).toBe(true)
    expect(cut.fields['error']).toBe('Post "http://tc-pd/')
  })

  test('the 2019 plain-text format and plain lines', () => {
    const t = parseLogLine('2019/04/19 10:57:24.508  [info] progress: 288/314 chunks (91.7%)')
    expect(t).toMatchObject({
      format: 'text',
      level: 'INFO',
      message: 'progress: 288/314 chunks (91.7%)'
    })
    expect(parseLogLine('tidb lightning exit successfully')).toMatchObject({
      format: 'plain',
      message: 'tidb lightning exit successfully'
    })
    expect(
      parseLogLine('[Lightning:Checkpoint:ErrOpenCheckpoint]open checkpoint error').format
    ).toBe('plain')
  })

  test('never throws and always returns a typed result (fast-check)', () => {
    const head: ZapHead = { levelAt: 0, messageAt: 0 }
    const arb = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('[', ']', '"', '\\', '=', ' ', 'a', '“', '\n', '2', '/') }),
      fc.string().map((s) => `[2022/12/31 19:30:49.653 +08:00] [INFO] [a.go:1] [${s}`)
    )
    fc.assert(
      fc.property(arb, (s) => {
        const l = parseLogLine(s)
        expect(['zap', 'text', 'plain']).toContain(l.format)
        expect(typeof l.message).toBe('string')
        for (const v of Object.values(l.fields)) expect(typeof v).toBe('string')
        if (s.startsWith('[')) locateZapHead(s, head)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('field value formats', () => {
  test('Go durations with every unit, the micro sign and composites', () => {
    expect(parseGoDuration('2h13m53.212184129s')).toBeCloseTo(8_033_212.184129, 3)
    expect(parseGoDuration('571.321µs')).toBeCloseTo(0.571321, 6)
    expect(parseGoDuration('571.321μs')).toBeCloseTo(0.571321, 6)
    expect(parseGoDuration('210ns')).toBeCloseTo(0.00021, 8)
    expect(parseGoDuration('0s')).toBe(0)
    expect(parseGoDuration('52m21s')).toBe(3_141_000)
    expect(parseGoDuration('5m0s')).toBe(300_000)
    expect(parseGoDuration('soon')).toBeUndefined()
    expect(parseGoDuration('')).toBeUndefined()
  })

  test('sizes, ratios and percents', () => {
    expect(parseByteSize('62.83GiB')).toBeCloseTo(62.83 * 1024 ** 3)
    expect(parseByteSize('7.764GB')).toBeCloseTo(7.764e9)
    expect(parseByteSize('12')).toBe(12)
    expect(parseByteSize('12 apples')).toBeUndefined()
    expect(parseRatio('7/9 (77.8%)')).toEqual({ done: 7, total: 9, estimated: false })
    expect(parseRatio('123/456(estimated)')).toEqual({ done: 123, total: 456, estimated: true })
    expect(parseRatio('1KiB/2KiB')).toEqual({ done: 1024, total: 2048, estimated: false })
    expect(parseRatio('n/a')).toBeUndefined()
    expect(parsePercent('57.2%')).toBe(57.2)
  })

  test('qualified table names', () => {
    expect(parseQualifiedName('`sysbench`.`sbtest1`')).toEqual({
      database: 'sysbench',
      table: 'sbtest1'
    })
    expect(parseQualifiedName('`a``b`.`c.d`')).toEqual({ database: 'a`b', table: 'c.d' })
    expect(parseQualifiedName('db.t')).toEqual({ database: 'db', table: 't' })
    expect(parseQualifiedName('sbtest1')).toBeUndefined()
  })
})
