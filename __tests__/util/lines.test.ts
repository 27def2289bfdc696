import fc from 'fast-check'
import { LineSplitter, RingBuffer } from '../../src/util/lines.js'

function split(chunks: Array<Buffer | string>, max?: number): string[] {
  const out: string[] = []
  const s = new LineSplitter((l) => out.push(l), max)
  for (const c of chunks) s.push(c)
  s.end()
  return out
}

describe('LineSplitter', () => {
  test('any chunking of a text gives the same lines as splitting it whole', () => {
    const text = fc.array(fc.constantFrom('a', 'é', '€', '😀', ' ', '\n', '\r\n'), {
      maxLength: 80
    })
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 10 }), (parts, cuts) => {
        const whole = Buffer.from(parts.join(''), 'utf8')
        const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b)
        const chunks: Buffer[] = []
        let prev = 0
        for (const p of [...points, whole.length]) {
          chunks.push(whole.subarray(prev, p))
          prev = p
        }
        const expected = parts.join('').split(/\r?\n/)
        if (expected[expected.length - 1] === '') expected.pop()
        expect(split(chunks)).toEqual(expected)
      })
    )
  })

  test('keeps the last frame of a progress bar redrawn with \\r, across chunks', () => {
    expect(split(['10%\r', '20%\r30', '%\n'])).toEqual(['30%'])
    expect(split(['downloading\r\r\n'])).toEqual(['downloading'])
    expect(split(['a\r', '\n'])).toEqual(['a'])
  })

  test('a redrawn line without newline never grows past the cap with stale frames', () => {
    const frames = Array.from({ length: 10_000 }, (_, i) => `progress ${i}\r`)
    expect(split([...frames, 'final\n'], 100)).toEqual(['final'])
  })

  test('cuts a long line and says how much was dropped, also at the end of the stream', () => {
    expect(split(['abcdef', 'ghij'], 4)).toEqual(['abcd … [line cut: 6 more characters]'])
    expect(split(['abcdefgh\nok\n'], 4)).toEqual(['abcd … [line cut: 4 more characters]', 'ok'])
  })

  test('emits nothing for an empty stream and one empty line for a lone newline', () => {
    expect(split([])).toEqual([])
    expect(split(['\n'])).toEqual([''])
  })
})

describe('RingBuffer', () => {
  test('keeps the newest items in order and counts what it dropped', () => {
    const r = new RingBuffer<number>(3)
    expect(r.toArray()).toEqual([])
    for (let i = 1; i <= 7; i++) r.push(i)
    expect(r.toArray()).toEqual([5, 6, 7])
    expect(r.pushed).toBe(7)
    expect(r.dropped).toBe(4)
  })

  test('rejects a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow('bad ring capacity 0')
  })
})
