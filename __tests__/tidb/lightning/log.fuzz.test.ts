// Property tests for the Lightning log parser : no line — random bytes, real-format lines damaged at a
// random place, or pathological long lines — makes LightningMonitor.push or verdict throw, and each line is handled
// in bounded time. (lightning-log.test.ts holds the property on near-valid zap lines and the verdict rules.)
import fc from 'fast-check'
import { LightningMonitor, formatProgress } from '../../../src/tidb/lightning/log.js'
import { damagedLine as damaged, SAMPLE_LINES as SAMPLES } from '../../helpers/lightning-lines.js'

/** A line of a few KiB is parsed in well under a millisecond; this bound only catches a hang. */
const BOUND_MS = 1000

function feed(lines: readonly string[], exitCode: number | null): void {
  const m = new LightningMonitor()
  for (const l of lines) {
    const started = performance.now()
    m.push(l)
    expect(performance.now() - started).toBeLessThan(BOUND_MS)
  }
  const v = m.verdict(exitCode)
  expect(['succeeded', 'cancelled', 'failed']).toContain(v.outcome)
  expect(typeof v.message).toBe('string')
  if (exitCode !== 0) expect(v.outcome).not.toBe('succeeded')
  if (m.report.progress) expect(typeof formatProgress(m.report.progress)).toBe('string')
  expect(m.report.lines).toBe(lines.length)
}

describe('fuzzing the Lightning log parser', () => {
  test('the samples are real-format lines', () => {
    expect(SAMPLES.length).toBeGreaterThan(50)
    expect(SAMPLES.some((l) => /^\[\d{4}\/\d\d\/\d\d /.test(l))).toBe(true)
  })

  test('random bytes and damaged real lines never throw', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), damaged), {
          maxLength: 30
        }),
        fc.option(fc.integer({ min: -1, max: 255 })),
        (lines, code) => feed(lines, code)
      ),
      { numRuns: 500 }
    )
  })

  test('pathological lines finish in bounded time', () => {
    const n = 100_000
    const head = '[2024/05/01 10:00:00.000 +00:00] [ERROR] [restore.go:1] '
    feed(
      [
        head + '["x"] [error="' + '\\"'.repeat(n) + '"]',
        head + '['.repeat(n),
        head + '[progress] ' + '[total=1] '.repeat(n / 10),
        ' '.repeat(n) + 'tidb lightning exit successfully',
        '['.repeat(n),
        head + '["restore table failed"] [table=' + '`'.repeat(n) + ']',
        'Error: ' + 'checksum mismatched '.repeat(n / 20)
      ],
      1
    )
  })
})
