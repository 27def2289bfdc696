import { backoffDelay, isTransientError, poll, retry, startHeartbeat } from '../../src/util/poll.js'
import { DeadlineError } from '../../src/util/errors.js'
import { ManualClock } from '../helpers/manual-clock.js'

describe('backoffDelay', () => {
  const backoff = { initialMs: 1000, maxMs: 10_000, factor: 2, jitter: 0.2 }

  test('grows by the factor and stops at the cap', () => {
    // random 0.5 means no jitter
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, backoff, 0.5))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000
    ])
  })

  test('spreads by ±jitter without ever exceeding the cap or going negative', () => {
    expect(backoffDelay(1, backoff, 0)).toBe(800)
    expect(backoffDelay(1, backoff, 0.999999)).toBe(1200)
    expect(backoffDelay(10, backoff, 0.999999)).toBe(10_000)
    expect(backoffDelay(1, { ...backoff, jitter: 5 }, 0)).toBe(0)
  })
})

describe('poll', () => {
  test('checks until done, with growing intervals, and reports progress', async () => {
    const clock = new ManualClock()
    const states = ['STARTING', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETE']
    const progress: string[] = []
    const result = await poll({
      label: 'export task e-1',
      check: (attempt) => Promise.resolve(states[attempt - 1] ?? 'COMPLETE'),
      isDone: (s) => s === 'COMPLETE',
      intervalMs: 10_000,
      maxIntervalMs: 20_000,
      factor: 1.5,
      jitter: 0,
      deadlineMs: 3_600_000,
      clock,
      onProgress: (s, p) => progress.push(`${p.attempt}:${s}:${p.elapsedMs}:${p.done}`)
    })
    expect(result).toBe('COMPLETE')
    expect(clock.sleeps).toEqual([10_000, 15_000, 20_000])
    expect(progress).toEqual([
      '1:STARTING:0:false',
      '2:IN_PROGRESS:10000:false',
      '3:IN_PROGRESS:25000:false',
      '4:COMPLETE:45000:true'
    ])
  })

  test('checks again at the estimated end when that comes before the backoff, never sooner than the floor', async () => {
    const clock = new ManualClock()
    const start = clock.now()
    const doneAt = start + 23_000
    const result = await poll({
      label: 'export task e-1',
      check: () => Promise.resolve(clock.now() >= doneAt ? 'COMPLETE' : 'IN_PROGRESS'),
      isDone: (s) => s === 'COMPLETE',
      // An estimate that is 2.5 s too optimistic: once it has passed, checks come every floor (1 s here).
      estimateRemainingMs: () => doneAt - 2_500 - clock.now(),
      intervalMs: 2_000,
      maxIntervalMs: 60_000,
      factor: 1.5,
      jitter: 0,
      deadlineMs: 3_600_000,
      clock
    })
    expect(result).toBe('COMPLETE')
    // Backoff 2, 3, 4.5, 6.75 s; then the estimate (20.5 s) cuts the 10.1 s step short; then the 1 s floor.
    expect(clock.sleeps).toEqual([2_000, 3_000, 4_500, 6_750, 4_250, 1_000, 1_000, 1_000])
    expect(clock.now() - doneAt).toBeLessThan(1_000)
    // Without an estimate the same wait overshoots by a whole backoff step.
    const slow = new ManualClock()
    const from = slow.now()
    await poll({
      label: 'export task e-2',
      check: () => Promise.resolve(slow.now() - from >= 23_000 ? 'COMPLETE' : 'IN_PROGRESS'),
      isDone: (s) => s === 'COMPLETE',
      intervalMs: 2_000,
      maxIntervalMs: 60_000,
      factor: 1.5,
      jitter: 0,
      deadlineMs: 3_600_000,
      clock: slow
    })
    expect(slow.now() - from - 23_000).toBeGreaterThan(3_000)
  })

  test('fails at the deadline with what it saw last, after one last check at the deadline', async () => {
    const clock = new ManualClock()
    let checks = 0
    const error = await poll({
      label: 'snapshot s-1',
      check: () => Promise.resolve({ status: 'creating', percent: ++checks * 10 }),
      isDone: () => false,
      intervalMs: 60_000,
      jitter: 0,
      deadlineMs: 150_000,
      clock,
      describe: (v) => `${v.status} ${v.percent}%`
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadlineError)
    expect((error as DeadlineError).message).toBe(
      'snapshot s-1 was not done after 2m 30s (4 checks); last seen: creating 40%'
    )
    expect((error as DeadlineError).lastSeen).toBe('creating 40%')
    // 60 s + 60 s, then only the 30 s left before the deadline.
    expect(clock.sleeps).toEqual([60_000, 60_000, 30_000])
  })

  test('describes the last state as JSON by default', async () => {
    const error = await poll({
      label: 'x',
      check: () => Promise.resolve({ s: 1 }),
      isDone: () => false,
      intervalMs: 1,
      deadlineMs: 0,
      clock: new ManualClock()
    }).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      'x was not done after 0 ms (1 checks); last seen: {"s":1}'
    )
  })

  test('stops when cancelled', async () => {
    const controller = new AbortController()
    const clock = new ManualClock()
    const promise = poll({
      label: 'DM task',
      check: (attempt) => {
        if (attempt === 2) controller.abort(new Error('the run was cancelled'))
        return Promise.resolve('Running')
      },
      isDone: () => false,
      intervalMs: 1000,
      deadlineMs: 1_000_000,
      clock,
      signal: controller.signal
    })
    await expect(promise).rejects.toThrow('the run was cancelled')
  })

  test('lets check errors through', async () => {
    await expect(
      poll({
        label: 'x',
        check: () => Promise.reject(new Error('AccessDenied')),
        isDone: () => true,
        intervalMs: 1,
        deadlineMs: 10,
        clock: new ManualClock()
      })
    ).rejects.toThrow('AccessDenied')
  })

  test('a throttling burst never ends the wait early: it waits at the longest interval and asks again', async () => {
    const clock = new ManualClock()
    const throttled: number[] = []
    // Five minutes of Throttling (every retry of each call used), as in a burst during a long export wait.
    const result = await poll({
      label: 'export task e-1',
      check: (attempt) =>
        attempt >= 2 && attempt <= 6
          ? Promise.reject(Object.assign(awsError('Throttling', 400), { cause: undefined }))
          : Promise.resolve(attempt >= 7 ? 'COMPLETE' : 'IN_PROGRESS'),
      isDone: (s) => s === 'COMPLETE',
      intervalMs: 2000,
      maxIntervalMs: 60_000,
      jitter: 0,
      deadlineMs: 480 * 60_000,
      clock,
      onTransient: (_e, ms) => throttled.push(ms)
    })
    expect(result).toBe('COMPLETE')
    expect(throttled).toEqual([60_000, 60_000, 60_000, 60_000, 60_000])
  })

  test('throttled until the deadline: a deadline error naming the refusal and the last state seen', async () => {
    const clock = new ManualClock()
    const e = await poll({
      label: 'export task e-1',
      check: (attempt) =>
        attempt === 1
          ? Promise.resolve('IN_PROGRESS')
          : Promise.reject(awsError('Throttling', 400)),
      isDone: () => false,
      intervalMs: 1000,
      maxIntervalMs: 60_000,
      deadlineMs: 10 * 60_000,
      clock
    }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(DeadlineError)
    expect((e as Error).message).toMatch(
      /^export task e-1 was not done after 10m 00s \(\d+ checks, the last refused: Throttling happened\); last seen: "IN_PROGRESS"$/
    )
  })
})

/** An error shaped like the AWS SDK v3's service exceptions. */
function awsError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} happened`), {
    name,
    $metadata: { httpStatusCode: status }
  })
}

function errnoError(code: string): Error {
  return Object.assign(new Error(`connect ${code}`), { code })
}

describe('isTransientError', () => {
  test.each([
    ['AWS Throttling (Query protocol, HTTP 400)', awsError('Throttling', 400)],
    ['AWS ThrottlingException', awsError('ThrottlingException', 400)],
    ['S3 SlowDown', awsError('SlowDown', 503)],
    ['any 5xx', awsError('InternalFailure', 500)],
    ['HTTP 429', Object.assign(new Error('too many'), { statusCode: 429 })],
    ['ECONNRESET', errnoError('ECONNRESET')],
    ['ETIMEDOUT', errnoError('ETIMEDOUT')],
    ['a wrapped ECONNRESET', new Error('query failed', { cause: errnoError('ECONNRESET') })]
  ])('retries %s', (_, e) => {
    expect(isTransientError(e)).toBe(true)
  })

  test.each([
    ['AccessDenied', awsError('AccessDenied', 403)],
    ['InvalidParameterValue', awsError('InvalidParameterValue', 400)],
    ['DBClusterNotFoundFault', awsError('DBClusterNotFoundFault', 404)],
    ['ECONNREFUSED', errnoError('ECONNREFUSED')],
    ['a plain Error', new Error('boom')],
    ['a string', 'Throttling'],
    ['null', null]
  ])('does not retry %s', (_, e) => {
    expect(isTransientError(e)).toBe(false)
  })
})

describe('retry', () => {
  test('retries transient errors with backoff and returns the first success', async () => {
    const clock = new ManualClock()
    const retried: string[] = []
    let calls = 0
    const value = await retry(
      () => {
        calls++
        if (calls < 3) return Promise.reject(awsError('Throttling', 400))
        return Promise.resolve('ok')
      },
      {
        label: 'DescribeExportTasks',
        clock,
        random: () => 0.5,
        onRetry: (e, attempt, delay) => retried.push(`${attempt}:${delay}:${(e as Error).name}`)
      }
    )
    expect(value).toBe('ok')
    expect(calls).toBe(3)
    expect(clock.sleeps).toEqual([1000, 2000])
    expect(retried).toEqual(['1:1000:Throttling', '2:2000:Throttling'])
  })

  test('gives up after the allowed retries with the last error', async () => {
    const clock = new ManualClock()
    let calls = 0
    await expect(
      retry(
        () => {
          calls++
          return Promise.reject(awsError('ThrottlingException', 400))
        },
        { label: 'x', retries: 2, clock, random: () => 0.5, onRetry: () => undefined }
      )
    ).rejects.toThrow('ThrottlingException happened')
    expect(calls).toBe(3)
  })

  test('does not retry a permanent error', async () => {
    let calls = 0
    await expect(
      retry(
        () => {
          calls++
          return Promise.reject(awsError('AccessDenied', 403))
        },
        { label: 'x', clock: new ManualClock() }
      )
    ).rejects.toThrow('AccessDenied happened')
    expect(calls).toBe(1)
  })

  test('honours a custom isRetryable and backoff', async () => {
    const clock = new ManualClock()
    let calls = 0
    const v = await retry(
      (attempt) => {
        calls++
        return attempt === 1 ? Promise.reject(new Error('flaky')) : Promise.resolve(attempt)
      },
      {
        label: 'x',
        isRetryable: (e) => (e as Error).message === 'flaky',
        backoff: { initialMs: 50, jitter: 0 },
        clock,
        onRetry: () => undefined
      }
    )
    expect(v).toBe(2)
    expect(calls).toBe(2)
    expect(clock.sleeps).toEqual([50])
  })

  test('stops when cancelled', async () => {
    const controller = new AbortController()
    controller.abort(new Error('cancelled by the user'))
    await expect(
      retry(() => Promise.resolve(1), { label: 'x', signal: controller.signal })
    ).rejects.toThrow('cancelled by the user')
  })
})

describe('startHeartbeat', () => {
  test('prints the current description every interval until stopped', () => {
    const clock = new ManualClock()
    const lines: string[] = []
    let percent = 0
    const hb = startHeartbeat(
      '⏱ export',
      () => `${percent}% done`,
      60_000,
      clock,
      (l) => lines.push(l)
    )
    clock.advance(59_999)
    expect(lines).toEqual([])
    percent = 40
    clock.advance(1)
    percent = 80
    clock.advance(60_000)
    hb.stop()
    hb.stop()
    clock.advance(600_000)
    expect(lines).toEqual(['⏱ export: 40% done', '⏱ export: 80% done'])
    expect(clock.activeTimers).toBe(0)
  })

  test('survives a describe callback that throws', () => {
    const clock = new ManualClock()
    const lines: string[] = []
    const hb = startHeartbeat(
      'x',
      () => {
        throw new Error('no data yet')
      },
      1000,
      clock,
      (l) => lines.push(l)
    )
    clock.advance(1000)
    hb.stop()
    expect(lines).toEqual(['x: (could not describe progress: no data yet)'])
  })
})
