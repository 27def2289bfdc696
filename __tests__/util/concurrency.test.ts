import { mapLimit } from '../../src/util/concurrency.js'
import { CancelledError } from '../../src/util/errors.js'

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

test('keeps the order of the items and at most `limit` calls in flight', async () => {
  let inFlight = 0
  let most = 0
  const out = await mapLimit([5, 1, 4, 2, 3, 9, 7], 3, async (n) => {
    most = Math.max(most, ++inFlight)
    for (let i = 0; i < n; i++) await tick()
    inFlight--
    return n * 10
  })
  expect(out).toEqual([50, 10, 40, 20, 30, 90, 70])
  expect(most).toBe(3)
})

test('the first failure stops new calls and is thrown', async () => {
  const started: number[] = []
  const e = (await mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
    started.push(n)
    await tick()
    if (n === 2) throw new Error('boom at 2')
    return n
  }).catch((err: unknown) => err)) as Error
  expect(e.message).toBe('boom at 2')
  expect(started.length).toBeLessThan(6)
})

test('an aborted signal stops the work with its reason; no items is no work', async () => {
  const controller = new AbortController()
  const seen: number[] = []
  const run = mapLimit(
    [1, 2, 3, 4],
    1,
    async (n) => {
      seen.push(n)
      if (n === 2) controller.abort(new CancelledError('stop'))
      await tick()
      return n
    },
    controller.signal
  )
  await expect(run).rejects.toBeInstanceOf(CancelledError)
  expect(seen).toEqual([1, 2])
  expect(await mapLimit([], 4, () => Promise.resolve(1))).toEqual([])
})
