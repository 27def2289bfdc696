import { PhaseLogs, type LogSink } from '../../src/orchestrator/phase-log.js'
import type { Phase, PhaseContext } from '../../src/orchestrator/phase.js'
import { runGraph, validateGraph } from '../../src/orchestrator/run-graph.js'
import { newReport, type Report } from '../../src/report/types.js'
import { CancelledError, PhaseError } from '../../src/util/errors.js'
import { ManualClock } from '../helpers/manual-clock.js'

/** A promise the test settles by hand. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve: () => void = () => undefined
  let reject: (e: Error) => void = () => undefined
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Lets every pending promise callback run (a macrotask turn drains the microtask queue). */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** A sink that records the log as events and checks that groups never nest. */
class RecordingSink implements LogSink {
  readonly events: string[] = []
  open: string | undefined
  info(line: string): void {
    this.events.push(line)
  }
  startGroup(title: string): void {
    if (this.open !== undefined) throw new Error(`group '${title}' opened inside '${this.open}'`)
    this.open = title
    this.events.push(`[group] ${title}`)
  }
  endGroup(): void {
    if (this.open === undefined) throw new Error('endGroup without a group')
    this.events.push(`[endgroup] ${this.open}`)
    this.open = undefined
  }
}

type Ctx = PhaseContext<{ name: string }>

/** A phase that logs, then waits for the test to let it finish. */
function phase(
  id: string,
  dependsOn: string[],
  body: (ctx: Ctx) => Promise<void>
): Phase<{ name: string }> {
  return { id, title: id.toUpperCase(), dependsOn, run: body }
}

function setup(): { report: Report; sink: RecordingSink; clock: ManualClock } {
  return { report: newReport('test'), sink: new RecordingSink(), clock: new ManualClock() }
}

const status = (report: Report): Record<string, string> =>
  Object.fromEntries(report.phases.map((p) => [p.id, p.status]))

describe('runGraph', () => {
  test('runs independent phases concurrently and dependents only after all they need', async () => {
    const { report, sink, clock } = setup()
    const gates = { a: deferred(), b: deferred(), c: deferred(), d: deferred() }
    const started: string[] = []
    const mk = (id: keyof typeof gates, deps: string[]) =>
      phase(id, deps, async (ctx) => {
        started.push(id)
        ctx.log.info(`${id} working`)
        await gates[id].promise
      })
    const graph = [mk('a', []), mk('b', ['a']), mk('c', ['a']), mk('d', ['b', 'c'])]
    const done = runGraph(graph, { inputs: { name: 'x' }, report, sink, clock })
    await tick()
    expect(started).toEqual(['a'])
    gates.a.resolve()
    await tick()
    expect(started).toEqual(['a', 'b', 'c'])
    expect(status(report)).toEqual({ a: 'succeeded', b: 'running', c: 'running', d: 'pending' })
    gates.c.resolve()
    await tick()
    expect(started).toEqual(['a', 'b', 'c'])
    gates.b.resolve()
    await tick()
    expect(started).toEqual(['a', 'b', 'c', 'd'])
    gates.d.resolve()
    const result = await done
    expect(result).toEqual({ cancelled: false })
    expect(status(report)).toEqual({
      a: 'succeeded',
      b: 'succeeded',
      c: 'succeeded',
      d: 'succeeded'
    })
    expect(report.phases.map((p) => p.title)).toEqual(['A', 'B', 'C', 'D'])
  })

  test('a failure skips what depends on it, starts nothing new, and lets other running tracks finish', async () => {
    const { report, sink, clock } = setup()
    const slow = deferred()
    const graph = [
      phase('schema', [], () =>
        Promise.reject(
          new PhaseError('schema', 'dumpling exited with code 1', {
            toolLine: '[ERROR] dump failed',
            tail: ['…', '[ERROR] dump failed']
          })
        )
      ),
      phase('schema-import', ['schema'], () => Promise.resolve()),
      phase('export', [], () => slow.promise),
      phase('after-export', ['export'], () => Promise.resolve()),
      phase('data-import', ['schema-import', 'after-export'], () => Promise.resolve())
    ]
    const done = runGraph(graph, { inputs: { name: 'x' }, report, sink, clock })
    await tick()
    expect(status(report)['schema']).toBe('failed')
    expect(status(report)['export']).toBe('running')
    slow.resolve()
    const result = await done
    expect(result.cancelled).toBe(false)
    expect(result.error).toBeInstanceOf(PhaseError)
    expect(status(report)).toEqual({
      schema: 'failed',
      'schema-import': 'skipped',
      export: 'succeeded',
      'after-export': 'skipped',
      'data-import': 'skipped'
    })
    const byId = Object.fromEntries(report.phases.map((p) => [p.id, p]))
    expect(byId['schema-import']?.note).toBe('needs SCHEMA, which failed')
    expect(byId['after-export']?.note).toBe('not started: the run stopped after SCHEMA failed')
    expect(byId['data-import']?.note).toBe('needs SCHEMA-IMPORT, which was skipped')
    expect(byId['schema']?.failure).toEqual({
      message: 'dumpling exited with code 1',
      toolLine: '[ERROR] dump failed',
      tail: ['…', '[ERROR] dump failed']
    })
  })

  test('cancellation stops running phases as cancelled and skips the rest', async () => {
    const { report, sink, clock } = setup()
    const controller = new AbortController()
    const graph = [
      phase(
        'export',
        [],
        (ctx) =>
          new Promise<void>((_, reject) => {
            ctx.signal.addEventListener('abort', () => reject(new Error('export wait cancelled')))
          })
      ),
      phase('quick', [], () => Promise.resolve()),
      phase('import', ['export'], () => Promise.resolve())
    ]
    const done = runGraph(graph, {
      inputs: { name: 'x' },
      report,
      sink,
      clock,
      signal: controller.signal
    })
    await tick()
    controller.abort(new CancelledError('SIGINT', 'SIGINT'))
    const result = await done
    expect(result.cancelled).toBe(true)
    expect(result.error).toBeInstanceOf(CancelledError)
    expect((result.error as Error).message).toBe('The run was cancelled during EXPORT')
    expect(status(report)).toEqual({ export: 'cancelled', quick: 'succeeded', import: 'skipped' })
    expect(report.phases[2]?.note).toBe('needs EXPORT, which cancelled')
    expect(sink.events).toContain(
      '🚫 Phase 1/3 · EXPORT cancelled after 0 ms: export wait cancelled'
    )
  })

  test('phases done earlier are skipped in graph order, satisfy their dependents, and each success is reported', async () => {
    const { report, sink, clock } = setup()
    const gate = deferred()
    const started: string[] = []
    const succeeded: string[] = []
    const mk = (id: string, deps: string[], wait = false) =>
      phase(id, deps, async (ctx) => {
        started.push(id)
        ctx.setOutput('rows-imported', 7)
        if (wait) await gate.promise
      })
    const graph = [
      mk('pre', [], true),
      mk('snap', ['pre']),
      mk('exp', ['snap']),
      mk('imp', ['exp'])
    ]
    const before = { note: 'done in an earlier attempt at T', numbers: [{ label: 'n', value: 1 }] }
    const done = runGraph(graph, {
      inputs: { name: 'x' },
      report,
      sink,
      clock,
      done: new Map([
        ['snap', before],
        ['exp', before]
      ]),
      onSucceeded: (p) => {
        succeeded.push(`${p.id}:${p.outputs['rows-imported'] ?? ''}`)
        return Promise.resolve()
      }
    })
    await tick()
    // The skipped phases wait for what they depend on, so `imp` does not start before `pre` ran.
    expect(status(report)).toEqual({
      pre: 'running',
      snap: 'pending',
      exp: 'pending',
      imp: 'pending'
    })
    gate.resolve()
    expect(await done).toEqual({ cancelled: false })
    expect(started).toEqual(['pre', 'imp'])
    expect(succeeded).toEqual(['pre:7', 'imp:7'])
    const snap = report.phases.find((p) => p.id === 'snap')
    expect(snap).toMatchObject({ status: 'skipped', doneEarlier: true, note: before.note })
    expect(snap?.numbers).toEqual(before.numbers)
    expect(sink.events).toContain('⏭ Phase 2/4 · SNAP: done in an earlier attempt at T')
  })

  test('a phase done earlier whose prerequisite fails blocks its dependents', async () => {
    const { report, sink, clock } = setup()
    const graph = [
      phase('pre', [], () => Promise.reject(new PhaseError('pre', 'precheck failed'))),
      phase('snap', ['pre'], () => Promise.resolve()),
      phase('imp', ['snap'], () => Promise.resolve())
    ]
    const before = { note: 'done in an earlier attempt at T', numbers: [] }
    await runGraph(graph, {
      inputs: { name: 'x' },
      report,
      sink,
      clock,
      done: new Map([['snap', before]])
    })
    expect(status(report)).toEqual({ pre: 'failed', snap: 'skipped', imp: 'skipped' })
    expect(report.phases[1]?.doneEarlier).toBeUndefined()
    expect(report.phases[1]?.note).toBe('needs PRE, which failed; done in an earlier attempt at T')
  })

  test('a run cancelled before it starts runs nothing', async () => {
    const { report, sink, clock } = setup()
    const controller = new AbortController()
    controller.abort()
    let ran = false
    const result = await runGraph(
      [
        phase('a', [], () => {
          ran = true
          return Promise.resolve()
        })
      ],
      { inputs: { name: 'x' }, report, sink, clock, signal: controller.signal }
    )
    expect(ran).toBe(false)
    expect(result.cancelled).toBe(true)
    expect((result.error as Error).message).toBe('The run was cancelled')
    expect(report.phases[0]?.note).toBe('not started: the run was cancelled')
  })

  test('concurrent phases log in separate groups that never nest, and every phase ends with a status line', async () => {
    const { report, sink, clock } = setup()
    const gates = { long: deferred(), short: deferred() }
    const graph = [
      phase('long', [], async (ctx) => {
        ctx.log.info('long 1')
        await gates.long.promise
        ctx.log.info('long 2')
      }),
      phase('short', [], async (ctx) => {
        ctx.log.info('short 1')
        await gates.short.promise
        ctx.log.info('short 2')
      })
    ]
    const done = runGraph(graph, { inputs: { name: 'x' }, report, sink, clock })
    await tick()
    gates.short.resolve()
    await tick()
    gates.long.resolve()
    await done
    expect(sink.events).toEqual([
      '[group] Phase 1/2 · LONG',
      'long 1',
      '▶ Phase 2/2 · SHORT started alongside; its log follows when it ends or has the log to itself',
      '[endgroup] Phase 1/2 · LONG',
      '[group] Phase 2/2 · SHORT',
      'short 1',
      'short 2',
      '[endgroup] Phase 2/2 · SHORT',
      '✅ Phase 2/2 · SHORT succeeded in 0 ms',
      '[group] Phase 1/2 · LONG (continued)',
      'long 2',
      '[endgroup] Phase 1/2 · LONG (continued)',
      '✅ Phase 1/2 · LONG succeeded in 0 ms'
    ])
    expect(sink.open).toBeUndefined()
  })

  test('a buffered phase still running becomes live when the live phase ends', async () => {
    const { report, sink, clock } = setup()
    const gates = { first: deferred(), second: deferred() }
    const graph = [
      phase('first', [], async (ctx) => {
        ctx.log.info('first 1')
        await gates.first.promise
      }),
      phase('second', [], async (ctx) => {
        ctx.log.info('second 1')
        await gates.second.promise
        ctx.log.info('second 2')
      })
    ]
    const done = runGraph(graph, { inputs: { name: 'x' }, report, sink, clock })
    await tick()
    gates.first.resolve()
    await tick()
    expect(sink.open).toBe('Phase 2/2 · SECOND')
    gates.second.resolve()
    await done
    expect(sink.events.slice(3)).toEqual([
      '[endgroup] Phase 1/2 · FIRST',
      '✅ Phase 1/2 · FIRST succeeded in 0 ms',
      '[group] Phase 2/2 · SECOND',
      'second 1',
      'second 2',
      '[endgroup] Phase 2/2 · SECOND',
      '✅ Phase 2/2 · SECOND succeeded in 0 ms'
    ])
  })

  test('prints a heartbeat per running phase every minute, with its progress and elapsed time', async () => {
    const { report, sink, clock } = setup()
    const gates = { a: deferred(), b: deferred() }
    const graph = [
      phase('a', [], async (ctx) => {
        ctx.progress('42 % exported')
        await gates.a.promise
      }),
      phase('b', [], () => gates.b.promise)
    ]
    const done = runGraph(graph, { inputs: { name: 'x' }, report, sink, clock })
    await tick()
    clock.advance(60_000)
    gates.a.resolve()
    gates.b.resolve()
    await done
    clock.advance(600_000)
    const beats = sink.events.filter((e) => e.startsWith('⏱'))
    expect(beats).toEqual([
      '⏱ Phase 1/2 · A: running for 1m 00s · 42 % exported',
      '⏱ Phase 2/2 · B: running for 1m 00s'
    ])
    expect(clock.activeTimers).toBe(0)
    expect(report.phases[0]?.durationMs).toBe(60_000)
  })

  test('phases record outputs, warnings and key numbers in the report', async () => {
    const { report, sink, clock } = setup()
    const graph = [
      phase('binlog', [], (ctx) => {
        ctx.setOutput('binlog-position', 154)
        ctx.log.warning('binlog retention is 1 hour')
        ctx.record.numbers.push({ label: 'position', value: 154 })
        ctx.log.debug('debug only')
        expect(ctx.inputs.name).toBe('x')
        return Promise.resolve()
      })
    ]
    await runGraph(graph, { inputs: { name: 'x' }, report, sink, clock })
    expect(report.outputs).toEqual({ 'binlog-position': '154' })
    expect(report.phases[0]?.warnings).toEqual(['binlog retention is 1 hour'])
    expect(report.phases[0]?.numbers).toEqual([{ label: 'position', value: 154 }])
    expect(sink.events).toContain('Warning: binlog retention is 1 hour')
  })

  test('a plain Error fails the phase with its message and no tool line', async () => {
    const { report, sink, clock } = setup()
    const result = await runGraph([phase('a', [], () => Promise.reject(new Error('boom')))], {
      inputs: { name: 'x' },
      report,
      sink,
      clock
    })
    expect((result.error as Error).message).toBe('boom')
    expect(report.phases[0]?.failure).toEqual({ message: 'boom', toolLine: undefined, tail: [] })
    expect(sink.events).toContain('❌ boom')
    expect(sink.events).toContain('❌ Phase 1/1 · A failed after 0 ms: boom')
  })
})

describe('validateGraph', () => {
  const p = (id: string, deps: string[] = []): Phase<unknown> => ({
    id,
    title: id,
    dependsOn: deps,
    run: () => Promise.resolve()
  })
  test.each([
    [[p('a'), p('a')], "phase graph: duplicate phase id 'a'"],
    [[p('a', ['zz'])], "phase graph: 'a' depends on unknown phase 'zz'"],
    [[p('a', ['c']), p('b', ['a']), p('c', ['b'])], 'phase graph: cycle a → c → b → a']
  ])('rejects a broken graph: %#', (graph, message) => {
    expect(() => validateGraph(graph)).toThrow(message)
  })
})

describe('PhaseLogs', () => {
  test('keeps the head and tail of a long buffered log and says how much was dropped', () => {
    const sink = new RecordingSink()
    const logs = new PhaseLogs(sink)
    logs.begin('live', 'Live')
    logs.begin('bg', 'Background')
    for (let i = 0; i < 5000; i++) logs.write('bg', `bg ${i}`)
    logs.end('bg', 'bg done')
    logs.write('unknown', 'ignored')
    logs.end('unknown', 'ignored too')
    const lines = sink.events
    const start = lines.indexOf('[group] Background')
    const body = lines.slice(start + 1, lines.indexOf('[endgroup] Background'))
    expect(body).toHaveLength(500 + 1 + 2000)
    expect(body[499]).toBe('bg 499')
    expect(body[500]).toBe('… 2500 lines not kept while this phase ran alongside another …')
    expect(body[501]).toBe('bg 3000')
    expect(body[2500]).toBe('bg 4999')
    expect(lines).not.toContain('ignored')
  })
})
