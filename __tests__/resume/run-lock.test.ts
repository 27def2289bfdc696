// The run lock (resume/lock.ts, lock-store.ts): one holder per run key, a second run refused naming the holder,
// renewal on the injected clock, take-over only when stale or held by an earlier attempt of the same run, release
// only of our own lock. The store below answers as S3's conditional writes do (If-None-Match: * / If-Match: etag).
import {
  LockConflict,
  acquireRunLock,
  type AcquireOptions,
  type RunLockStore
} from '../../src/resume/lock-store.js'
import {
  RENEW_EVERY_MS,
  STALE_AFTER_MS,
  describeHolder,
  lockHolder,
  newLock,
  parseLock,
  takeOverReason,
  type LockHolder,
  type RunLockRecord
} from '../../src/resume/lock.js'
import { RunStateError } from '../../src/resume/parse.js'
import { ManualClock } from '../helpers/manual-clock.js'

/** One object with an ETag that changes on every write, and the conditions S3 checks. */
class MemoryLock implements RunLockStore {
  readonly uri = 's3://bucket/p/.state/k.lock'
  object: { text: string; etag: string } | undefined
  private n = 0
  writes = 0
  /** Makes the next create answer 412 after storing (a retried write whose first answer was lost). */
  loseNextAnswer = false
  failRenewals = false

  read(): Promise<{ text: string; etag: string } | undefined> {
    return Promise.resolve(this.object && { ...this.object })
  }
  private put(record: RunLockRecord): string {
    this.writes++
    this.object = { text: JSON.stringify(record), etag: `"e${++this.n}"` }
    return this.object.etag
  }
  create(record: RunLockRecord): Promise<string> {
    if (this.object !== undefined) return Promise.reject(new LockConflict('PreconditionFailed'))
    const etag = this.put(record)
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false
      return Promise.reject(new LockConflict('PreconditionFailed (the retry of our own write)'))
    }
    return Promise.resolve(etag)
  }
  replace(record: RunLockRecord, etag: string): Promise<string> {
    if (this.failRenewals) return Promise.reject(new Error('ServiceUnavailable: Slow Down'))
    if (this.object?.etag !== etag) return Promise.reject(new LockConflict('PreconditionFailed'))
    return Promise.resolve(this.put(record))
  }
  remove(etag: string): Promise<void> {
    if (this.object === undefined) return Promise.resolve()
    if (this.object.etag !== etag) return Promise.reject(new LockConflict('PreconditionFailed'))
    this.object = undefined
    return Promise.resolve()
  }
  get record(): RunLockRecord | undefined {
    return this.object && parseLock(this.object.text)
  }
}

const RUN_A = lockHolder(
  {
    GITHUB_RUN_ID: '111',
    GITHUB_JOB: 'migrate',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'acme/db',
    RUNNER_NAME: 'r1'
  },
  'host-a',
  41
)
const RUN_B: LockHolder = { ...RUN_A, runId: '222', pid: 42 }

function options(
  store: MemoryLock,
  holder: LockHolder,
  clock: ManualClock,
  extra: Partial<AcquireOptions> = {}
): AcquireOptions & { lines: string[]; warnings: string[] } {
  const lines: string[] = []
  const warnings: string[] = []
  return {
    store,
    runKey: 'k',
    holder,
    clock,
    log: (l) => lines.push(l),
    warn: (w) => warnings.push(w),
    lines,
    warnings,
    ...extra
  }
}

/** What a promise rejects with; fails the test when it resolves. */
async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected a rejection, but the promise resolved')
}

const flush = (): Promise<void> => new Promise((r) => setImmediate(r))

test('the holder names its run, job, attempt and page', () => {
  expect(RUN_A).toMatchObject({ runId: '111', job: 'migrate', attempt: 1, repository: 'acme/db' })
  expect(describeHolder(RUN_A)).toBe(
    'run 111 (job migrate, attempt 1, https://github.com/acme/db/actions/runs/111) on runner r1, host host-a, pid 41'
  )
  expect(describeHolder(lockHolder({}, 'laptop', 7))).toBe(
    'a run outside GitHub Actions (attempt 1) on host laptop, pid 7'
  )
})

test('a second run of the key is refused, naming the holder and since when, and writes nothing', async () => {
  const store = new MemoryLock()
  const clock = new ManualClock(Date.parse('2026-01-01T10:00:00Z'))
  const held = await acquireRunLock(options(store, RUN_A, clock, { token: 'a' }))
  expect(store.record?.holder.runId).toBe('111')
  for (let i = 0; i < 3; i++) {
    clock.advance(RENEW_EVERY_MS)
    await flush()
  }
  const writes = store.writes
  const e = await caught(acquireRunLock(options(store, RUN_B, clock, { token: 'b' })))
  expect(e).toBeInstanceOf(RunStateError)
  expect((e as Error).message).toContain(
    "Run-key 'k' is in use by run 111 (job migrate, attempt 1, https://github.com/acme/db/actions/runs/111)"
  )
  expect((e as Error).message).toContain('since 2026-01-01T10:00:00.000Z')
  // Renewed by the heartbeat while run A lives.
  expect((e as Error).message).toContain('last renewed 2026-01-01T10:03:00.000Z')
  expect(store.writes).toBe(writes)
  await held.release()
  expect(store.object).toBeUndefined()
})

test('the heartbeat renews every minute; release stops it and deletes the lock', async () => {
  const store = new MemoryLock()
  const clock = new ManualClock()
  const held = await acquireRunLock(options(store, RUN_A, clock))
  const first = store.record?.renewedAt
  clock.advance(RENEW_EVERY_MS)
  await flush()
  expect(Date.parse(store.record?.renewedAt ?? '') - Date.parse(first ?? '')).toBe(RENEW_EVERY_MS)
  expect(store.record?.acquiredAt).toBe(first)
  await held.release()
  expect(clock.activeTimers).toBe(0)
  expect(store.object).toBeUndefined()
})

test('a failed renewal is warned about once and retried; the lock stays held', async () => {
  const store = new MemoryLock()
  const clock = new ManualClock()
  const o = options(store, RUN_A, clock)
  const held = await acquireRunLock(o)
  store.failRenewals = true
  for (let i = 0; i < 3; i++) {
    clock.advance(RENEW_EVERY_MS)
    await flush()
  }
  expect(o.warnings).toEqual([
    expect.stringMatching(/^Could not renew the run lock .*Slow Down. Trying again in a minute\.$/)
  ])
  store.failRenewals = false
  clock.advance(RENEW_EVERY_MS)
  await flush()
  expect(held.lost).toBeUndefined()
  expect(Date.parse(store.record?.renewedAt ?? '')).toBe(clock.now())
  await held.release()
})

test('a stale lock is taken over (conditionally); a fresh one is not', async () => {
  const store = new MemoryLock()
  const clock = new ManualClock(Date.parse('2026-01-01T10:00:00Z'))
  store.object = {
    text: JSON.stringify(newLock('k', 'dead', RUN_B, new Date(clock.now()))),
    etag: '"old"'
  }
  clock.advance(STALE_AFTER_MS)
  expect(await caught(acquireRunLock(options(store, RUN_A, clock)))).toBeInstanceOf(RunStateError)
  clock.advance(1000)
  const o = options(store, RUN_A, clock, { token: 'a' })
  const held = await acquireRunLock(o)
  expect(store.record?.token).toBe('a')
  expect(o.warnings).toEqual([
    "Took over the lock of run-key 'k' (s3://bucket/p/.state/k.lock): it was last renewed at 2026-01-01T10:00:00.000Z, more than 10 minutes ago."
  ])
  await held.release()
})

test('a re-run attempt takes over the lock its earlier attempt left; another run does not', () => {
  const now = Date.now()
  const lock = newLock('k', 't', RUN_A, new Date(now))
  expect(takeOverReason(lock, { ...RUN_A, attempt: 2 }, now)).toMatch(
    /attempt 1 of this workflow run/
  )
  expect(takeOverReason(lock, { ...RUN_A, attempt: 1 }, now)).toBeUndefined()
  expect(takeOverReason(lock, { ...RUN_B, attempt: 2 }, now)).toBeUndefined()
  expect(takeOverReason(lock, { ...RUN_A, job: 'other', attempt: 2 }, now)).toBeUndefined()
})

test('our own create retried after a lost answer (412 on our own object) counts as taken', async () => {
  const store = new MemoryLock()
  store.loseNextAnswer = true
  const held = await acquireRunLock(options(store, RUN_A, new ManualClock(), { token: 'mine' }))
  expect(held.record.token).toBe('mine')
  await held.release()
  expect(store.object).toBeUndefined()
})

test('a lock taken over while the run lives is lost: the run is told, and its release leaves the new lock', async () => {
  const store = new MemoryLock()
  const clock = new ManualClock()
  let told: Error | undefined
  const held = await acquireRunLock(options(store, RUN_A, clock, { onLost: (e) => (told = e) }))
  store.object = { text: JSON.stringify(newLock('k', 'b', RUN_B, new Date())), etag: '"other"' }
  clock.advance(RENEW_EVERY_MS)
  await flush()
  expect(told?.message).toMatch(/^This run lost the lock of run-key 'k'/)
  expect(held.lost).toBe(told)
  await held.release()
  expect(store.record?.token).toBe('b')
})

test('an object at the lock key that is not a lock is refused with the fix', async () => {
  const store = new MemoryLock()
  store.object = { text: 'hello', etag: '"x"' }
  const e = await caught(acquireRunLock(options(store, RUN_A, new ManualClock())))
  expect((e as Error).message).toBe(
    "s3://bucket/p/.state/k.lock is not a run lock of aurora-to-tidb, so this run cannot tell whether run-key 'k' is in use. Delete it if no run of this key is running, then re-run."
  )
})
