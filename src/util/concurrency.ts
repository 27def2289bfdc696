// Bounded concurrency: thousands of small remote reads (Parquet footers) go faster side by side, but not all at
// once — sockets, memory and the remote's rate limits are finite.
import { abortError } from './errors.js'

/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the order of `items`. The first failure
 * stops new calls from starting and is thrown once the calls in flight have settled.
 * @param items what to map
 * @param limit most calls in flight (≥ 1)
 * @param fn the async mapping
 * @param signal stops starting new calls when aborted (then throws the abort reason)
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      if (signal?.aborted) {
        failure = { error: abortError(signal, 'the reads') }
        return
      }
      const index = next++
      try {
        results[index] = await fn(items[index] as T, index)
      } catch (e) {
        failure ??= { error: e }
      }
    }
  }
  const workers = Math.max(1, Math.min(Math.floor(limit), items.length))
  await Promise.all(Array.from({ length: workers }, worker))
  if (failure !== undefined) throw failure.error
  return results
}
