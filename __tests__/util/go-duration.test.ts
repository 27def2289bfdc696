import { describe, expect, test } from '@jest/globals'
import { parseGoDuration } from '../../src/util/go-duration.js'

// Cases from Go's own table for time.ParseDuration (go/src/time/time_test.go, parseDurationTests and
// parseDurationErrorTests), in seconds.
describe('parseGoDuration', () => {
  test.each([
    ['0', 0],
    ['5s', 5],
    ['30s', 30],
    ['1478s', 1478],
    ['-5s', -5],
    ['+5s', 5],
    ['-0', 0],
    ['+0', 0],
    ['5.0s', 5],
    ['5.6s', 5.6],
    ['5.s', 5],
    ['.5s', 0.5],
    ['1.004s', 1.004],
    ['10.5s', 10.5],
    ['1m30s', 90],
    ['3h30m', 12600],
    ['10.5s4m', 250.5],
    ['-2m3.4s', -123.4],
    ['1h2m3s4ms5us6ns', 3723.004005006],
    ['39h9m14.425s', 140954.425],
    ['52763797000ns', 52.763797],
    ['0h1s', 1],
    ['1µs', 1e-6],
    ['1μs', 1e-6],
    ['100ms', 0.1]
  ])('%s is %f seconds', (text, seconds) => {
    expect(parseGoDuration(text)).toBeCloseTo(seconds, 9)
  })

  test.each([
    '',
    '3',
    '-',
    's',
    '.',
    '.s',
    '+.s',
    '1d',
    '1.2.3s',
    ' 1s',
    '1s ',
    '60 s',
    '\u0085\u0085'
  ])('%j is refused, as Go refuses it', (text) => {
    expect(parseGoDuration(text)).toBeUndefined()
  })
})
