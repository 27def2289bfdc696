import { expect } from '@jest/globals'

/** The error `fn` throws, checked to be an instance of `type`; fails the test when nothing is thrown. */
export function caught<E extends Error>(
  fn: () => unknown,
  type: abstract new (...args: never[]) => E
): E {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(type)
    return e as E
  }
  throw new Error('expected an error, but the call returned')
}
