// Lightning log lines for the property tests of the log parser and of its byte-level filter: real-format lines
// from the bench's generator, and an arbitrary that damages them the ways real captures are damaged.
import fc from 'fast-check'
import { generateLightningLog } from '../../bench/lightning-log-fixture.js'

/** Real-format lines (the bench generator writes what Lightning writes). */
export const SAMPLE_LINES: readonly string[] = [...generateLightningLog(64 * 1024)]
  .join('')
  .split('\n')
  .filter((l) => l.length > 0)
  .slice(0, 300)

/** A sample line cut, with a piece deleted, inserted (random bytes) or repeated at a random place. */
export const damagedLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...SAMPLE_LINES),
    fc.nat(),
    fc.nat({ max: 80 }),
    fc.constantFrom('cut', 'delete', 'insert', 'repeat'),
    fc.string({ unit: 'binary', maxLength: 40 })
  )
  .map(([text, a, b, how, extra]) => {
    const i = a % (text.length + 1)
    const j = i + b
    if (how === 'cut') return text.slice(0, i)
    if (how === 'delete') return text.slice(0, i) + text.slice(j)
    if (how === 'insert') return text.slice(0, i) + extra + text.slice(i)
    return text.slice(0, j) + text.slice(i, j) + text.slice(i)
  })
