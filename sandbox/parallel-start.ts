// Starting several pieces at once without leaking the ones that came up when another one failed.

/** Settles every start; if one failed, stops the others that came up and rethrows the first failure. */
export async function allOrNothing<T extends readonly unknown[]>(
  starts: { [K in keyof T]: Promise<T[K]> },
  stopOf: (started: unknown) => Promise<void>
): Promise<T> {
  const results = await Promise.allSettled(starts)
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (!failed)
    return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T
  await Promise.all(
    results.map((r) =>
      r.status === 'fulfilled' ? stopOf(r.value).catch(() => undefined) : Promise.resolve()
    )
  )
  throw failed.reason
}

/** Stops a started piece: a server (`stop()`) or an HTTP stand-in (`close()`). */
export function stopAny(piece: unknown): Promise<void> {
  const p = piece as { stop?: () => Promise<void>; close?: () => Promise<void> }
  return p.stop?.() ?? p.close?.() ?? Promise.resolve()
}
