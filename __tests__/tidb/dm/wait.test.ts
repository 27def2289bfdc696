import { isBroken, lagWithin, runsFromRecorded, waitForTask } from '../../../src/tidb/dm/wait.js'
import { taskStatusFromQuery, type DmTaskStatus } from '../../../src/tidb/dm/status.js'
import { parseDmctlOutput } from '../../../src/tidb/dm/dmctl-output.js'
import { ManualClock } from '../../helpers/manual-clock.js'
import { fixture } from './dmctl-samples.js'

/** A query-status answer of a running task with the given syncer position and lag. */
function running(task: string, pos: number, lag: number): DmTaskStatus {
  const text = fixture('query-status-running-lag-v8.txt')
    .replace(/"secondsBehindMaster": "\d+"/, `"secondsBehindMaster": "${lag}"`)
    .replace(/"syncerBinlog": "\(([^,]+), \d+\)"/, `"syncerBinlog": "($1, ${pos})"`)
  return taskStatusFromQuery(parseDmctlOutput(text), task)
}

const TASK = 'aurora-task'
const paused = taskStatusFromQuery(
  parseDmctlOutput(fixture('query-status-paused-36069-relay-v8.txt'))
)
const gone = taskStatusFromQuery(parseDmctlOutput(fixture('query-status-unknown-task.txt')), 'x')

function sequence(...states: DmTaskStatus[]): {
  query: () => Promise<DmTaskStatus>
  calls: () => number
} {
  let i = 0
  return {
    query: () => Promise.resolve(states[Math.min(i++, states.length - 1)] as DmTaskStatus),
    calls: () => i
  }
}

test('the fixtures read as the states the tests need', () => {
  const r = running(TASK, 100, 7)
  expect([r.stage, r.lagSeconds, r.task]).toEqual(['Running', 7, TASK])
  expect(paused.stage).toBe('Error')
  expect(gone.stage).toBe('NotFound')
})

describe('waitForTask', () => {
  test('polls with a growing interval until the goal, then says reached', async () => {
    const clock = new ManualClock()
    const lag = sequence(running(TASK, 1, 90), running(TASK, 1, 40), running(TASK, 1, 3))
    const seen: number[] = []
    const r = await waitForTask('t', lag.query, lagWithin(5), isBroken, {
      deadlineMs: 600_000,
      intervalMs: 1000,
      clock,
      onStatus: (s) => seen.push(s.lagSeconds ?? -1)
    })
    expect(r.outcome).toBe('reached')
    expect(seen).toEqual([90, 40, 3])
    expect(clock.sleeps).toHaveLength(2)
    expect(clock.sleeps[1] ?? 0).toBeGreaterThan(clock.sleeps[0] ?? 0)
  })

  test('a broken task ends the wait at once', async () => {
    const q = sequence(running(TASK, 1, 90), paused)
    const r = await waitForTask('t', q.query, lagWithin(5), isBroken, {
      deadlineMs: 600_000,
      clock: new ManualClock()
    })
    expect(r.outcome).toBe('failed')
    expect(r.status.stage).toBe('Error')
    expect(q.calls()).toBe(2)
  })

  test('past the deadline the outcome is timeout with the last status, checked once more at the deadline', async () => {
    const clock = new ManualClock()
    const start = clock.now()
    const r = await waitForTask('t', sequence(running(TASK, 1, 90)).query, lagWithin(5), isBroken, {
      deadlineMs: 60_000,
      intervalMs: 5000,
      maxIntervalMs: 30_000,
      clock
    })
    expect(r.outcome).toBe('timeout')
    expect(r.status.lagSeconds).toBe(90)
    expect(clock.now() - start).toBe(60_000)
  })

  test('errors of the query itself propagate', async () => {
    const fail = () => Promise.reject(new Error('dmctl could not reach the master'))
    await expect(
      waitForTask('t', fail, lagWithin(5), isBroken, { deadlineMs: 1000, clock: new ManualClock() })
    ).rejects.toThrow('dmctl could not reach the master')
  })

  test('cancellation stops the wait', async () => {
    const ac = new AbortController()
    ac.abort(new Error('cancelled by the runner'))
    await expect(
      waitForTask('t', sequence(running(TASK, 1, 90)).query, lagWithin(5), isBroken, {
        deadlineMs: 60_000,
        clock: new ManualClock(),
        signal: ac.signal
      })
    ).rejects.toThrow('cancelled by the runner')
  })
})

describe('goals', () => {
  test('runsFromRecorded: Running and at or past the recorded position of the same file', () => {
    const s = running(TASK, 500, 0)
    const file = s.sources[0]?.syncerBinlog?.file ?? ''
    expect(runsFromRecorded({ file, pos: 500 })(s)).toBe(true)
    expect(runsFromRecorded({ file, pos: 501 })(s)).toBe(false)
    expect(runsFromRecorded({ file, pos: 1 })(paused)).toBe(false)
  })

  test('lagWithin needs a known lag and a running task', () => {
    expect(lagWithin(0)(running(TASK, 1, 0))).toBe(true)
    expect(lagWithin(0)(running(TASK, 1, 1))).toBe(false)
    expect(lagWithin(100)(paused)).toBe(false)
  })
})
