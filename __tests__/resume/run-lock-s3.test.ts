// The run lock over S3's conditional writes, through the action's S3 adapter and @aws-sdk/client-s3 against the
// sandbox's S3 (which answers If-None-Match / If-Match as S3 does): a second run is refused by the 412, a release
// deletes only our own lock, and the post step deletes a lock the killed main step left, but not one taken over.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startS3Server, type RunningS3 } from '../../sandbox/aws/s3-server.js'
// Loaded here first: the store and the post step import them lazily, and jest's ESM loader fails on concurrent
// first imports of one module.
import '../../src/aws/aws-call.js'
import '../../src/aws/clients.js'
import '../../src/aws/s3.js'
import { cleanup } from '../../src/cleanup.js'
import { lockHolder } from '../../src/resume/lock.js'
import { acquireRunLock, type RunLockStore } from '../../src/resume/lock-store.js'
import { RunStateError } from '../../src/resume/parse.js'
import { s3RunStateStore } from '../../src/resume/store.js'
import { withEnv } from '../helpers/env.js'
import { fakeInputs } from '../helpers/inputs.js'
import { ManualClock } from '../helpers/manual-clock.js'

let dir: string
let s3: RunningS3
let restore: () => void
let lockStore: RunLockStore

const BUCKET = 'bucket'
const KEY = 'prefix/.state/rk.lock'

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'run-lock-'))
  s3 = await startS3Server({ dir, buckets: [BUCKET], accessKeyId: 'sandbox', logDir: dir, env: {} })
  restore = withEnv({
    AWS_ACCESS_KEY_ID: 'sandbox',
    AWS_SECRET_ACCESS_KEY: 'sandbox-secret',
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_ENDPOINT_URL_S3: undefined,
    AWS_ENDPOINT_URL: undefined
  })
  const base = fakeInputs()
  const store = await s3RunStateStore({
    ...base,
    runKey: 'rk',
    aws: { ...base.aws, s3Endpoint: s3.url }
  })
  if (store?.lock === undefined) throw new Error('the S3 store has no lock')
  lockStore = store.lock
})

afterAll(async () => {
  restore()
  await s3.close()
  await rm(dir, { recursive: true, force: true })
})

const quiet = { log: () => undefined, warn: () => undefined }
const holder = (runId: string): ReturnType<typeof lockHolder> =>
  lockHolder({ GITHUB_RUN_ID: runId, GITHUB_JOB: 'migrate' }, 'h', 1)

test('the lock lives beside the state file; a second run gets 412 and is refused; release deletes it', async () => {
  expect(lockStore.uri).toBe(`s3://${BUCKET}/${KEY}`)
  const clock = new ManualClock()
  const a = await acquireRunLock({
    store: lockStore,
    runKey: 'rk',
    holder: holder('1'),
    clock,
    ...quiet
  })
  expect(s3.store.head(BUCKET, KEY)).toBeDefined()
  await expect(
    acquireRunLock({ store: lockStore, runKey: 'rk', holder: holder('2'), clock, ...quiet })
  ).rejects.toThrow(RunStateError)
  expect(s3.store.head(BUCKET, KEY)).toBeDefined()
  await a.release()
  expect(s3.store.head(BUCKET, KEY)).toBeUndefined()
})

test('the post step deletes the lock the main step left, only while it is still that run’s', async () => {
  const clock = new ManualClock()
  await acquireRunLock({
    store: lockStore,
    runKey: 'rk',
    holder: holder('1'),
    clock,
    ...quiet,
    token: 'main-token'
  })
  const ref = { uri: lockStore.uri, token: 'main-token', region: 'us-east-1', s3Endpoint: s3.url }
  const post = (token: string): Promise<void> => {
    const undo = withEnv({
      'STATE_run-lock': JSON.stringify({ ...ref, token }),
      AURORA_TO_TIDB_SKIP_CLEANUP: 'true',
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
      'STATE_summary-written': 'true'
    })
    return cleanup({ clock }).finally(undo)
  }
  // Another run's token (the lock was taken over since): left alone.
  await post('someone-else')
  expect(s3.store.head(BUCKET, KEY)).toBeDefined()
  await post('main-token')
  expect(s3.store.head(BUCKET, KEY)).toBeUndefined()
  // Nothing left to delete: no error.
  await post('main-token')
})
