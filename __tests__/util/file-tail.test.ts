import fc from 'fast-check'
import { appendFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ByteLineSplitter, FileTailer, type LineFilter } from '../../src/util/file-tail.js'
import { tempDir } from '../helpers/env.js'

const split = (chunks: readonly Buffer[], max?: number, filter?: LineFilter): string[] => {
  const lines: string[] = []
  const s = new ByteLineSplitter((l) => lines.push(l), max, filter)
  for (const c of chunks) s.push(c)
  s.end()
  return lines
}

/** Waits (polling) until `check` holds; fails with `what` after 10 s. Not a timing assertion: a liveness bound. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

/** A filter that wants the lines starting with `prefix` and counts the others. */
function startsWithFilter(prefix: string): LineFilter & { count: number } {
  const bytes = Buffer.from(prefix)
  return {
    count: 0,
    wants: (buf, start, end) =>
      end - start >= bytes.length &&
      buf.compare(bytes, 0, bytes.length, start, start + bytes.length) === 0,
    skipped() {
      this.count++
    }
  }
}

describe('ByteLineSplitter', () => {
  test('lines across chunks, CRLF, a last line without newline', () => {
    const chunks = ['one\r\ntw', 'o\nthr', 'ee\n\nfour'].map((s) => Buffer.from(s))
    expect(split(chunks)).toEqual(['one', 'two', 'three', '', 'four'])
  })

  test('a UTF-8 character cut between two reads is decoded whole', () => {
    const bytes = Buffer.from('a 🚀 b\nc é d\n')
    // Cut inside the 4-byte rocket and inside the 2-byte é.
    const chunks = [bytes.subarray(0, 4), bytes.subarray(4, 12), bytes.subarray(12)]
    expect(split(chunks)).toEqual(['a 🚀 b', 'c é d'])
  })

  test('an over-long line is cut with a note, whether it is carried between reads or not', () => {
    expect(split([Buffer.from('abcdefghij\nxy\n')], 4)).toEqual([
      'abcd … [line cut: 6 more characters]',
      'xy'
    ])
    expect(split([Buffer.from('abc'), Buffer.from('defghij'), Buffer.from('\nxy')], 4)).toEqual([
      'abcd … [line cut: 6 more bytes]',
      'xy'
    ])
  })

  test('the reader may reuse its buffer: carried bytes are copied', () => {
    const lines: string[] = []
    const s = new ByteLineSplitter((l) => lines.push(l))
    const buf = Buffer.from('first pa')
    s.push(buf)
    buf.write('XXXXXXXX')
    s.push(Buffer.from('rt\n'))
    expect(lines).toEqual(['first part'])
  })

  test('any text cut into any chunks gives the lines of the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('\n', '\r\n')), {
          maxLength: 30
        }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (parts, cuts) => {
          const text = parts.join('')
          const bytes = Buffer.from(text)
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
          const chunks: Buffer[] = []
          let from = 0
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.subarray(from, p))
            from = p
          }
          const expected = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
          if (text.endsWith('\n') || text === '') expected.pop()
          expect(split(chunks)).toEqual(expected)
          // With a filter (lines whose first byte is even), the same lines minus the unwanted, each counted.
          const evenFirst = (l: string): boolean => ((Buffer.from(l)[0] ?? 1) & 1) === 0
          let skipped = 0
          const filter: LineFilter = {
            wants: (buf, start, end) => end > start && ((buf[start] ?? 1) & 1) === 0,
            skipped: () => void skipped++
          }
          const wanted = expected.filter(evenFirst)
          expect(split(chunks, undefined, filter)).toEqual(wanted)
          expect(skipped).toBe(expected.length - wanted.length)
        }
      )
    )
  })
})

describe('FileTailer', () => {
  const tmp = tempDir('file-tail-')
  afterAll(() => tmp.remove())

  test('waits for the file, follows what is appended, reads to the end on stop', async () => {
    const file = path.join(tmp.dir, 'late.log')
    const lines: string[] = []
    const tailer = new FileTailer(file, (l) => lines.push(l), { intervalMs: 5 }).start()
    await new Promise((r) => setTimeout(r, 30))
    writeFileSync(file, 'first\nsec')
    await until(() => lines.length === 1, 'the first line')
    appendFileSync(file, 'ond\nthird\nno newline')
    await tailer.stop()
    expect(lines).toEqual(['first', 'second', 'third', 'no newline'])
    expect(tailer.bytesRead).toBe(Buffer.byteLength('first\nsecond\nthird\nno newline'))
  })

  test('rotation: lines written to the old file just before the rename are not lost', async () => {
    const file = path.join(tmp.dir, 'rotated.log')
    const lines: string[] = []
    writeFileSync(file, 'a\n')
    const tailer = new FileTailer(file, (l) => lines.push(l), { intervalMs: 5 }).start()
    await until(() => lines.length === 1, 'line a')
    // The writer adds to the old file, renames it away and starts a new one (lumberjack's rotation).
    appendFileSync(file, 'b\n')
    renameSync(file, `${file}.1`)
    writeFileSync(file, 'c\n')
    await until(() => lines.length === 3, 'line c')
    appendFileSync(file, 'd\n')
    await tailer.stop()
    expect(lines).toEqual(['a', 'b', 'c', 'd'])
  })

  test('a file truncated in place is read again from its start', async () => {
    const file = path.join(tmp.dir, 'truncated.log')
    const lines: string[] = []
    writeFileSync(file, 'a long first line\n')
    const tailer = new FileTailer(file, (l) => lines.push(l), { intervalMs: 5 }).start()
    await until(() => lines.length === 1, 'the first line')
    truncateSync(file, 0)
    appendFileSync(file, 'x\n')
    await until(() => lines.length === 2, 'the line after truncation')
    await tailer.stop()
    expect(lines).toEqual(['a long first line', 'x'])
  })

  test('stop without a file ends quietly; a finished file is read to its end in small reads', async () => {
    const lines: string[] = []
    await new FileTailer(path.join(tmp.dir, 'never.log'), (l) => lines.push(l)).stop()
    expect(lines).toEqual([])
    const file = path.join(tmp.dir, 'whole.log')
    writeFileSync(file, 'x\r\ny\nz')
    const tailer = new FileTailer(file, (l) => lines.push(l), { chunkBytes: 2 })
    await tailer.stop()
    expect(tailer.bytesRead).toBe(6)
    expect(lines).toEqual(['x', 'y', 'z'])
  })

  test('with a filter, only wanted lines are decoded and every other line is counted', async () => {
    const lines: string[] = []
    const file = path.join(tmp.dir, 'filtered.log')
    writeFileSync(file, 'keep 1\nskip a\r\nkeep 2\r\nskip b\nkeep 3')
    const filter = startsWithFilter('keep')
    const tailer = new FileTailer(file, (l) => lines.push(l), { chunkBytes: 5, filter })
    await tailer.stop()
    expect(lines).toEqual(['keep 1', 'keep 2', 'keep 3'])
    expect(filter.count).toBe(2)
  })
})
