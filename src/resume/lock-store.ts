// Taking, renewing and releasing the run lock (lock.ts says the rule) through a small store: the S3 object with its
// ETag, so every write is conditional (If-None-Match: * to create, If-Match: <etag> to renew, take over or delete).
import { randomUUID } from 'node:crypto'
import type { Clock } from '../util/clock.js'
import { errorMessage } from '../util/errors.js'
import {
  RENEW_EVERY_MS,
  heldMessage,
  newLock,
  parseLock,
  renewLock,
  takeOverReason,
  type LockHolder,
  type RunLockRecord
} from './lock.js'
import { RunStateError } from './parse.js'

/** The lock object's store. `create` and `replace` throw LockConflict when their condition fails. */
export interface RunLockStore {
  /** The object's `s3://` URI. */
  readonly uri: string
  /** The object's text and ETag; undefined when there is none. */
  read(): Promise<{ text: string; etag: string } | undefined>
  /** Creates the object only if there is none; returns its ETag. */
  create(record: RunLockRecord): Promise<string>
  /** Replaces the object only if it still has `etag`; returns the new ETag. */
  replace(record: RunLockRecord, etag: string): Promise<string>
  /** Deletes the object only if it still has `etag`; a missing object is not an error. */
  remove(etag: string): Promise<void>
}

/** The store's condition failed: someone else wrote (or deleted) the lock first. */
export class LockConflict extends Error {
  override readonly name = 'LockConflict'
}

/** A lock this run holds. */
export interface HeldRunLock {
  readonly record: RunLockRecord
  /** Set once another run took the lock over: this run must stop. */
  readonly lost: Error | undefined
  /** Stops renewing and deletes the lock if it is still ours. Never throws; `warn` says what failed. */
  release(): Promise<void>
}

/** What {@link acquireRunLock} works with. */
export interface AcquireOptions {
  readonly store: RunLockStore
  readonly runKey: string
  readonly holder: LockHolder
  readonly clock: Clock
  readonly log: (line: string) => void
  readonly warn: (message: string) => void
  /** Called once if another run takes the lock over while this one runs. */
  readonly onLost?: (error: Error) => void
  /** Random per run (tests fix it). */
  readonly token?: string
}

/** Reads the lock; a LockConflict on create may be our own write retried, which the token tells. */
async function current(
  store: RunLockStore
): Promise<{ lock: RunLockRecord | undefined; etag: string } | undefined> {
  const got = await store.read()
  return got === undefined ? undefined : { lock: parseLock(got.text), etag: got.etag }
}

async function take(opts: AcquireOptions, record: RunLockRecord): Promise<string> {
  const { store, runKey } = opts
  for (let tries = 0; tries < 3; tries++) {
    try {
      return await store.create(record)
    } catch (e) {
      if (!(e instanceof LockConflict)) throw e
    }
    const seen = await current(store)
    if (seen === undefined) continue // released between our write and our read: try again
    const { lock, etag } = seen
    if (lock === undefined)
      throw new RunStateError(
        `${store.uri} is not a run lock of aurora-to-tidb, so this run cannot tell whether run-key '${runKey}' is in use. Delete it if no run of this key is running, then re-run.`
      )
    if (lock.token === record.token) return etag // our own write, retried after a lost answer
    const why = takeOverReason(lock, opts.holder, opts.clock.now())
    if (why === undefined) throw new RunStateError(heldMessage(runKey, lock, store.uri))
    try {
      const newEtag = await store.replace(record, etag)
      opts.warn(`Took over the lock of run-key '${runKey}' (${store.uri}): ${why}.`)
      return newEtag
    } catch (e) {
      if (!(e instanceof LockConflict)) throw e
      // Another run renewed or took it over between our read and our write: look again.
    }
  }
  throw new RunStateError(
    `Could not take the lock of run-key '${runKey}' (${store.uri}): it kept changing under this run. Another run of this key is starting; re-run this one once it has ended.`
  )
}

/**
 * Takes the run lock before any side effect and renews it every minute until released.
 * @throws RunStateError naming the holder when another run holds the key; an Error when S3 cannot be used
 */
export async function acquireRunLock(opts: AcquireOptions): Promise<HeldRunLock> {
  const { store, clock } = opts
  const token = opts.token ?? randomUUID()
  let record = newLock(opts.runKey, token, opts.holder, new Date(clock.now()))
  let etag: string
  try {
    etag = await take(opts, record)
  } catch (e) {
    if (e instanceof RunStateError) throw e
    throw new Error(
      `Cannot take the run lock ${store.uri}: ${errorMessage(e)}. The action needs s3:PutObject, s3:GetObject and s3:DeleteObject under s3-uri.`,
      { cause: e }
    )
  }
  opts.log(`Run lock: ${store.uri} (held by this run, renewed every minute, deleted at the end).`)
  let lost: Error | undefined
  let renewing: Promise<void> | undefined
  let failing = false
  const renew = async (): Promise<void> => {
    const next = renewLock(record, new Date(clock.now()))
    try {
      etag = await store.replace(next, etag)
      record = next
      failing = false
    } catch (e) {
      if (e instanceof LockConflict) {
        lost = new Error(
          `This run lost the lock of run-key '${opts.runKey}' (${store.uri}): another run took it over (a renewal was late by more than the stale limit?). Stopping so that two runs never import at once.`
        )
        stop()
        opts.onLost?.(lost)
      } else if (!failing) {
        failing = true
        opts.warn(
          `Could not renew the run lock ${store.uri}: ${errorMessage(e)}. Trying again in a minute.`
        )
      }
    }
  }
  const stop = clock.every(RENEW_EVERY_MS, () => {
    if (renewing !== undefined || lost !== undefined) return
    renewing = renew().finally(() => (renewing = undefined))
  })
  return {
    get record() {
      return record
    },
    get lost() {
      return lost
    },
    async release() {
      stop()
      await renewing
      if (lost !== undefined) return
      try {
        await store.remove(etag)
      } catch (e) {
        opts.warn(
          `Could not delete the run lock ${store.uri}: ${errorMessage(e)}. The next run of this key takes it over once it is stale.`
        )
      }
    }
  }
}
