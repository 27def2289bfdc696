// The byte-level filter of Lightning's log file (src/tidb/lightning/prefilter.ts) must never change what the import phase
// learns from the log: the same report, the same echoed lines, the same heartbeat, with and without it — on the
// recorded real outputs, on a generated log, and on random and damaged lines. It must also actually turn down the
// chunk lines that make up the bulk of a real log.
import fc from 'fast-check'
import { generateLightningLog } from '../../../bench/lightning-log-fixture.js'
import { ECHOED_MESSAGES } from '../../../src/tidb/lightning/echo.js'
import { MONITORED_MESSAGES } from '../../../src/tidb/lightning/messages.js'
import { lightningLineWanted } from '../../../src/tidb/lightning/prefilter.js'
import { lightningLineSink } from '../../../src/tidb/lightning/sink.js'
import { ByteLineSplitter } from '../../../src/util/file-tail.js'
import { describeReal, readReal, realSamples } from '../../fixtures/real-outputs.js'
import { damagedLine, SAMPLE_LINES } from '../../helpers/lightning-lines.js'

interface Seen {
  readonly report: unknown
  readonly echoed: string[]
  readonly progress: string[]
  decoded: number
}

/** Streams `bytes` through a line sink, split in chunks of `chunk` bytes, with or without the sink's log filter. */
function stream(bytes: Buffer, filtered: boolean, chunk = 4096): Seen {
  const echoed: string[] = []
  const progress: string[] = []
  const sink = lightningLineSink({
    log: { info: (l) => echoed.push(l) },
    progress: (p) => progress.push(p)
  })
  const seen: Seen = { report: sink.monitor.report, echoed, progress, decoded: 0 }
  const onLine = (line: string): void => {
    seen.decoded++
    sink.onLogLine(line)
  }
  const splitter = new ByteLineSplitter(onLine, undefined, filtered ? sink.logFilter : undefined)
  for (let at = 0; at < bytes.length; at += chunk) {
    splitter.push(bytes, at, Math.min(at + chunk, bytes.length))
  }
  splitter.end()
  return seen
}

/** Both ways must agree; returns the filtered run. */
function expectSameBothWays(text: string, chunk?: number): Seen {
  const bytes = Buffer.from(text)
  const plain = stream(bytes, false, chunk)
  const filtered = stream(bytes, true, chunk)
  expect(filtered.report).toEqual(plain.report)
  expect(filtered.echoed).toEqual(plain.echoed)
  expect(filtered.progress).toEqual(plain.progress)
  return filtered
}

const zap = (level: string, message: string): string =>
  `[2024/01/02 03:04:05.678 +00:00] [${level}] [import.go:42] [${message}] [table=\`db\`.\`t\`]`

const wanted = (line: string): boolean => {
  const b = Buffer.from(line)
  return lightningLineWanted(b, 0, b.length)
}

describe('lightningLineWanted', () => {
  test('turns down INFO and DEBUG lines whose message nothing acts on', () => {
    expect(wanted(zap('INFO', '"restore chunk completed"'))).toBe(false)
    expect(wanted(zap('DEBUG', '"encode kv data and write completed"'))).toBe(false)
    expect(wanted(zap('INFO', '""'))).toBe(false)
  })

  test('wants every message the monitor or the echo acts on, at any level', () => {
    for (const prefix of [...MONITORED_MESSAGES, ...ECHOED_MESSAGES]) {
      const message = `"${prefix.endsWith('"') ? prefix : `${prefix} and more"`}`
      expect([prefix, wanted(zap('INFO', message))]).toEqual([prefix, true])
    }
  })

  test('wants other levels, unquoted messages, typographic quotes and lines that are not plain zap lines', () => {
    const wantedLines = [
      zap('WARN', '"restore chunk completed"'),
      zap('ERROR', '"restore chunk completed"'),
      zap('INFO', 'progress'),
      zap('INFO', '-'),
      zap('INFO', '\u201crestore chunk completed\u201d'),
      zap('info', '"restore chunk completed"'),
      `[2021-03-03T12:47:42.790Z] ${zap('INFO', '"restore chunk completed"')}`,
      `  ${zap('INFO', '"restore chunk completed"')}`,
      '[INFO] [x.go:1] ["restore chunk completed"]',
      '[2024/01/02 03:04:05.678 +00:00] [INFO] [import.go:42]',
      '[2024/01/02 03:04:05.678 +00:00] [INFO',
      'tidb lightning exit successfully',
      '',
      '['
    ]
    for (const line of wantedLines) expect([line, wanted(line)]).toEqual([line, true])
  })
})

describe('the log filter changes nothing the import phase learns', () => {
  test('a generated log: same report, echo and heartbeat, and most lines never decoded', () => {
    const text = [...generateLightningLog(2 * 1024 * 1024)].join('')
    const filtered = expectSameBothWays(text)
    const lines = (filtered.report as { lines: number }).lines
    expect(lines).toBeGreaterThan(5000)
    expect(filtered.decoded).toBeLessThan(lines / 4)
    expect((filtered.report as { procedureCompleted: boolean }).procedureCompleted).toBe(true)
  })

  test('random, damaged and real-format lines, in any chunking', () => {
    const monitored = fc
      .constantFrom(...MONITORED_MESSAGES, ...ECHOED_MESSAGES)
      .map((p) => zap('INFO', `"${p}"`))
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...SAMPLE_LINES),
            damagedLine,
            monitored,
            fc.string({ unit: 'binary', maxLength: 120 })
          ),
          { maxLength: 40 }
        ),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 300 }),
        (lines, eol, chunk) => {
          expectSameBothWays(lines.join(eol), chunk)
        }
      )
    )
  })
})

describeReal('the log filter on the recorded real Lightning outputs', () => {
  test.each(realSamples('lightning'))('%s: same report, echo and heartbeat', (rel) => {
    expectSameBothWays(readReal(rel))
    expectSameBothWays(readReal(rel), 7)
  })
})
