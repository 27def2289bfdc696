import {
  abortError,
  CancelledError,
  errorChain,
  errorMessage,
  PhaseError
} from '../../src/util/errors.js'
import { formatBytes, formatCount, formatDuration } from '../../src/util/format.js'
import { systemClock } from '../../src/util/clock.js'

describe('errorMessage', () => {
  test.each([
    [new Error('boom'), 'boom'],
    [new TypeError(''), 'TypeError'],
    ['plain text', 'plain text'],
    ['', 'unknown error'],
    [undefined, 'unknown error'],
    [null, 'unknown error'],
    [{ code: 'X', detail: 1 }, '{"code":"X","detail":1}'],
    [{ message: 'an Error from another realm', code: 'ENOENT' }, 'an Error from another realm'],
    [{ message: '' }, '{"message":""}'],
    [42, '42'],
    [{}, '[object Object]']
  ])('%p → %p', (input, expected) => {
    expect(errorMessage(input)).toBe(expected)
  })

  test('falls back to String() for values JSON cannot encode', () => {
    const circular: Record<string, unknown> = {}
    circular['self'] = circular
    expect(errorMessage(circular)).toBe('[object Object]')
    expect(errorMessage(10n)).toBe('10')
  })
})

describe('errorChain', () => {
  test('follows causes and stops on a cycle', () => {
    const root = new Error('connect ECONNRESET')
    const top = new Error('DescribeExportTasks failed', { cause: root })
    expect(errorChain(top)).toBe('DescribeExportTasks failed: caused by connect ECONNRESET')
    const a = new Error('a')
    const b = new Error('b', { cause: a })
    ;(a as { cause?: unknown }).cause = b
    expect(errorChain(b).split(': caused by ')).toHaveLength(10)
  })
})

describe('PhaseError', () => {
  test('carries the phase, the tool line, the tail and the cause', () => {
    const cause = new Error('exit 1')
    const e = new PhaseError('data-import', 'Lightning failed', {
      toolLine: '[ERROR] restore failed',
      tail: ['a', 'b'],
      cause
    })
    expect(e).toBeInstanceOf(Error)
    expect(e.name).toBe('PhaseError')
    expect([e.phase, e.message, e.toolLine, e.tail, e.cause]).toEqual([
      'data-import',
      'Lightning failed',
      '[ERROR] restore failed',
      ['a', 'b'],
      cause
    ])
    expect(new PhaseError('x', 'y').cause).toBeUndefined()
  })
})

describe('abortError', () => {
  test('uses an Error reason as is and turns anything else into a CancelledError', () => {
    const c1 = new AbortController()
    c1.abort(new Error('user cancelled'))
    expect(abortError(c1.signal, 'x').message).toBe('user cancelled')
    const c2 = new AbortController()
    c2.abort()
    const e = abortError(c2.signal, 'the export wait')
    expect(e).toBeInstanceOf(CancelledError)
    expect(e.message).toBe('the export wait was cancelled')
  })
})

describe('format', () => {
  test.each([
    [-5, '0 ms'],
    [Number.NaN, '0 ms'],
    [350.4, '350 ms'],
    [4249, '4.2 s'],
    [59_999, '59.9 s'],
    [60_000, '1m 00s'],
    [725_000, '12m 05s'],
    [10_929_000, '3h 02m 09s']
  ])('formatDuration(%p) = %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  test.each([
    [-1, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [13_207_024_435, '12.3 GiB']
  ])('formatBytes(%p) = %p', (n, text) => {
    expect(formatBytes(n)).toBe(text)
  })

  test('formatCount groups thousands of integers only', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatCount(1.5)).toBe('1.5')
  })
})

describe('systemClock', () => {
  test('sleep rejects with the abort reason when cancelled, before or during the wait', async () => {
    const before = new AbortController()
    before.abort(new Error('already'))
    await expect(systemClock.sleep(10, before.signal)).rejects.toThrow('already')
    const during = new AbortController()
    const p = systemClock.sleep(60_000, during.signal)
    during.abort()
    await expect(p).rejects.toBeInstanceOf(CancelledError)
    await expect(systemClock.sleep(1)).resolves.toBeUndefined()
  })

  test('every fires repeatedly until cancelled', async () => {
    let n = 0
    let stop: () => void = () => undefined
    await new Promise<void>((resolve) => {
      stop = systemClock.every(5, () => {
        if (++n === 3) resolve()
      })
    })
    stop()
    expect(n).toBe(3)
  })
})
