// Property tests: no input makes the dmctl readers throw or run away, and what they return is always well-typed.
// Work is bounded by construction (linear readers, iterative skipping of deep nesting); these tests feed them the
// shapes that break naive parsers: random bytes, cut and spliced real outputs, deep nesting, long runs.
import fc from 'fast-check'

import { parseBinlogPosition, gtidSetContains } from '../../../src/tidb/dm/binlog.js'
import { redactYaml } from '../../../src/tidb/dm/config.js'
import { compareSourceConfig } from '../../../src/tidb/dm/source-compare.js'
import { taskListFromQuery, taskStatusFromQuery } from '../../../src/tidb/dm/status.js'
import { parseLooseJson } from '../../../src/tidb/dm/dmctl-loose-json.js'
import {
  checkFailures,
  describeCheckFailure,
  parseDmctlOutput,
  parseTerror,
  type DmctlOutput
} from '../../../src/tidb/dm/dmctl-output.js'
import { fixture, fixtureNames, haveReal, real, realNames } from './dmctl-samples.js'

const KINDS = ['exit-code', 'result-false', 'no-result', 'source-failed']

/** Asserts the typed contract of a parse result, including the success rule. */
function expectWellTyped(out: DmctlOutput, exitCode: number): void {
  expect(typeof out.ok).toBe('boolean')
  expect([true, false, undefined]).toContain(out.result)
  expect(typeof out.msg).toBe('string')
  expect(typeof out.complete).toBe('boolean')
  expect(Array.isArray(out.repairs)).toBe(true)
  for (const s of out.sources) {
    expect([typeof s.source, typeof s.worker, typeof s.msg]).toEqual(['string', 'string', 'string'])
    expect([true, false, undefined]).toContain(s.result)
  }
  for (const t of out.tasks ?? []) expect(t.sources.every((x) => typeof x === 'string')).toBe(true)
  if (out.ok) {
    // Success needs exit 0 and an explicit result true.
    expect(exitCode).toBe(0)
    expect(out.result).toBe(true)
    expect(out.sources.every((s) => s.result !== false)).toBe(true)
  } else {
    expect(KINDS).toContain(out.error.kind)
    expect(typeof out.error.message).toBe('string')
    expect(out.error.message.length).toBeGreaterThan(0)
  }
  checkFailures(out.checkDetail).forEach((f) =>
    expect(typeof describeCheckFailure(f)).toBe('string')
  )
  const status = taskStatusFromQuery(out, 'test')
  expect(typeof status.stage).toBe('string')
  expect(typeof status.passed({ file: 'mysql-bin.000001', pos: 4, gtid: '0-1-1' })).toBe('boolean')
  expect(Array.isArray(taskListFromQuery(out))).toBe(true)
  const cmp = compareSourceConfig(out, {
    sourceId: 's',
    enableGtid: false,
    from: { host: 'h', port: 3306, user: 'u', password: 'p' }
  })
  expect(['same', 'different', 'absent', 'unknown']).toContain(cmp.status)
}

const samples = [...(haveReal ? realNames().map(real) : []), ...fixtureNames().map(fixture)]
const anyText = fc.string({ unit: 'binary', maxLength: 400 })
const jsonish = fc.string({
  unit: fc.constantFrom(
    ...'{}[]":,\\ \n\t#/*-0123456789truefalsnl'.split(''),
    'detail: {',
    '\\n',
    '\\"'
  ),
  maxLength: 300
})

/** A real sample damaged at a random place: cut, a slice removed, text inserted, or a slice repeated. */
const damaged = fc
  .tuple(
    fc.constantFrom(...samples),
    fc.nat(),
    fc.nat(),
    fc.constantFrom('cut', 'delete', 'insert', 'repeat'),
    anyText
  )
  .map(([text, a, b, how, extra]) => {
    const i = a % (text.length + 1)
    const j = i + (b % 200)
    if (how === 'cut') return text.slice(0, i)
    if (how === 'delete') return text.slice(0, i) + text.slice(j)
    if (how === 'insert') return text.slice(0, i) + extra + text.slice(i)
    return text.slice(0, j) + text.slice(i, j) + text.slice(i)
  })

describe('fuzzing the dmctl readers', () => {
  test('any stdout, stderr and exit code gives a well-typed result', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, jsonish),
        anyText,
        fc.integer({ min: -1, max: 255 }),
        (out, err, code) => {
          expectWellTyped(parseDmctlOutput(out, err, code), code)
        }
      ),
      { numRuns: 600 }
    )
  })

  test('damaged real outputs give a well-typed result', () => {
    fc.assert(
      fc.property(damaged, fc.constantFrom(0, 1), (text, code) => {
        expectWellTyped(parseDmctlOutput(text, '', code), code)
      }),
      { numRuns: 600 }
    )
  })

  test('valid JSON is read exactly as JSON.parse reads it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), (value, indent) => {
        const text = JSON.stringify(value, null, indent)
        const parsed = parseLooseJson(text)
        expect(parsed.value).toEqual(JSON.parse(text))
        expect(parsed.complete).toBe(true)
        expect(parsed.repairs).toEqual([])
        expect(parsed.end).toBe(text.length)
      }),
      { numRuns: 400 }
    )
  })

  test('a result field in any valid document decides ok (with exit 0 and healthy sources)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.string(), fc.jsonValue(), (result, msg, extra) => {
        const text = JSON.stringify({ result, msg, extra }, null, 4)
        const out = parseDmctlOutput(text, '', 0)
        expect(out.result).toBe(result)
        expect(out.ok).toBe(result)
        expect(out.msg).toBe(msg.trimEnd())
      }),
      { numRuns: 300 }
    )
  })

  test('pathological shapes finish: deep nesting, long runs, many quotes and backslashes', () => {
    const n = 200_000
    const inputs = [
      '{'.repeat(n),
      '['.repeat(n) + ']'.repeat(n),
      '{"a":'.repeat(n / 5),
      `{"result": true, "msg": "${'\\'.repeat(n)}`,
      ' '.repeat(n) + 'x',
      `{"msg": "detail: {${'"'.repeat(n)}`,
      `detail: {${'\\\\\\"'.repeat(n / 4)}`,
      `[code=1:class=a:scope=b:level=c], Message: ${', RawCause: '.repeat(n / 12)}`,
      '('.repeat(n) + 'mysql-bin.000001, 4)',
      `{"result": true, "msg": "x${';'.repeat(n)}y"}`
    ]
    for (const input of inputs) {
      expectWellTyped(parseDmctlOutput(input, input, 0), 0)
      expect(parseLooseJson(input).end).toBeLessThanOrEqual(input.length)
      expect(typeof redactYaml(input)).toBe('string')
      parseBinlogPosition(input)
      gtidSetContains(input, input)
    }
    // 200 000 levels of nesting are skipped iteratively instead of overflowing the stack.
    expect(parseLooseJson('['.repeat(n) + ']'.repeat(n)).repairs).toContain(
      'skipped structures nested deeper than 128'
    )
  })

  test('the smaller readers never throw on any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, jsonish), fc.oneof(anyText, jsonish), (a, b) => {
        const t = parseTerror(a)
        if (t !== undefined) expect(Number.isInteger(t.code)).toBe(true)
        expect(typeof redactYaml(a)).toBe('string')
        parseBinlogPosition(a)
        expect([true, false, undefined]).toContain(gtidSetContains(a, b))
      }),
      { numRuns: 600 }
    )
  })
})
