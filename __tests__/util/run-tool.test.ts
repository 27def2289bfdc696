import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runningChildren } from '../../src/util/children.js'
import { runTool, type OutputStream, type RunToolOptions } from '../../src/util/run-tool.js'
import { fixturePath } from '../helpers/paths.js'

const TOOL = fixturePath('tool.mjs')

/** Runs the fixture tool with a recording logger. */
async function runFixture(args: string[], extra: Partial<RunToolOptions> = {}) {
  const logged: string[] = []
  const lines: Array<[string, OutputStream]> = []
  const result = await runTool({
    command: process.execPath,
    args: [TOOL, ...args],
    log: (l) => logged.push(l),
    onLine: (l, s) => lines.push([l, s]),
    ...extra
  })
  return { result, logged, lines }
}

describe('runTool', () => {
  test('reports the exit code and streams stdout and stderr lines to the parser and the log', async () => {
    const { result, logged, lines } = await runFixture(['exit', '3'])
    expect(result.exitCode).toBe(3)
    expect(result.signal).toBeNull()
    expect(result.timedOut).toBe(false)
    expect(result.cancelled).toBe(false)
    expect(lines).toEqual(
      expect.arrayContaining([
        ['to stdout', 'stdout'],
        ['to stderr', 'stderr']
      ])
    )
    expect(result.tail).toEqual(expect.arrayContaining(['to stdout', 'to stderr']))
    expect(result.lineCount).toBe(2)
    expect(logged[0]).toBe(`[command]${process.execPath} ${TOOL} exit 3`)
    expect(logged).toContain('to stderr')
    expect(logged[logged.length - 1]).toMatch(/^node exited with code 3 after /)
  })

  test('exit code 0 is a result like any other', async () => {
    const { result } = await runFixture(['exit', '0'])
    expect(result.exitCode).toBe(0)
  })

  test.each(['SIGKILL', 'SIGTERM'] as const)('reports death by %s', async (sig) => {
    const { result, logged } = await runFixture(['die', sig])
    expect(result.exitCode).toBeNull()
    expect(result.signal).toBe(sig)
    expect(logged[logged.length - 1]).toMatch(new RegExp(`was killed by ${sig}`))
  })

  test('stops a tool that runs past its deadline with SIGTERM', async () => {
    const { result, logged } = await runFixture(['sleep', '60000'], { timeoutMs: 300 })
    expect(result.timedOut).toBe(true)
    expect(result.signal).toBe('SIGTERM')
    expect(logged.some((l) => l.includes('ran past its deadline of 300 ms: sending SIGTERM'))).toBe(
      true
    )
  })

  test('sends SIGKILL after the grace period to a tool that ignores SIGTERM', async () => {
    const controller = new AbortController()
    const { result, lines, logged } = await runFixture(['ignore-term'], {
      graceMs: 300,
      signal: controller.signal,
      onLine: (l) => {
        if (l === 'ready') controller.abort()
      }
    })
    expect(result.cancelled).toBe(true)
    expect(result.signal).toBe('SIGKILL')
    expect(result.tail).toContain('ignoring SIGTERM')
    expect(lines).toEqual([])
    expect(logged).toContain('node still running 300 ms after being asked to stop: sending SIGKILL')
  })

  test('forwards SIGINT received by the action to the running tool', async () => {
    const { result, logged } = await runFixture(['trap'], {
      onLine: (l) => {
        if (l === 'ready') process.emit('SIGINT', 'SIGINT')
      }
    })
    expect(result.cancelled).toBe(true)
    // Like Lightning, the fixture exits 0 when interrupted: `cancelled` is how the caller knows.
    expect(result.exitCode).toBe(0)
    expect(result.tail).toContain('got SIGINT')
    expect(logged).toContain('The action received SIGINT: sending SIGINT to node')
  })

  test('forwards SIGTERM too, and escalates to SIGKILL when it is ignored', async () => {
    const { result } = await runFixture(['ignore-term'], {
      graceMs: 200,
      onLine: (l) => {
        if (l === 'ready') process.emit('SIGTERM', 'SIGTERM')
      }
    })
    expect(result.cancelled).toBe(true)
    expect(result.signal).toBe('SIGKILL')
    expect(result.tail).toContain('ignoring SIGTERM')
  })

  test('refuses to start when already cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(runFixture(['exit', '0'], { signal: controller.signal })).rejects.toThrow(
      'node was cancelled'
    )
  })

  test('splits partial chunks, CRLF, progress redraws and split UTF-8 into lines, keeping a last line without newline', async () => {
    const { lines, result } = await runFixture(['chunks'])
    expect(lines.map(([l]) => l)).toEqual([
      'hello',
      'world',
      'progress 100%',
      'price €5',
      '',
      'no newline at the end'
    ])
    expect(result.exitCode).toBe(0)
  })

  test('cuts an absurdly long line instead of buffering it', async () => {
    const { lines } = await runFixture(['long-line', '2000000'], { maxLineLength: 1000 })
    expect(lines).toHaveLength(2)
    const [first, second] = lines
    expect(first?.[0]).toBe(`${'y'.repeat(1000)} … [line cut: 1999000 more characters]`)
    expect(second?.[0]).toBe('after')
  })

  test('streams 100 MB of output with bounded memory and keeps only the tail', async () => {
    let count = 0
    let peakHeap = 0
    const before = process.memoryUsage().heapUsed
    const result = await runTool({
      command: process.execPath,
      args: [TOOL, 'flood', String(100 * 1024 * 1024)],
      tailLines: 50,
      log: () => undefined,
      onLine: () => {
        if (++count % 20_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
      }
    })
    const lines = Math.floor((100 * 1024 * 1024) / 100) + 1
    expect(result.exitCode).toBe(0)
    expect(count).toBe(lines)
    expect(result.lineCount).toBe(lines)
    expect(result.tail).toHaveLength(50)
    expect(result.tail[49]).toBe('done')
    expect(result.tail[48]).toMatch(/^line 0001048575 x+$/)
    // Holding the output would take > 200 MB of heap (UTF-16 strings); streaming stays far below that.
    expect(peakHeap - before).toBeLessThan(64 * 1024 * 1024)
  })

  test('never shows a password in the echoed command line, the log, the tail or the parser', async () => {
    const { logged, lines, result } = await runFixture(
      ['args', '--password', 'hunter22', '-tidb-password=s3cr3t!', '-pQWERTY'],
      { redact: ['hunter22', 's3cr3t!', 'QWERTY'] }
    )
    expect(logged[0]).toBe(
      `[command]${process.execPath} ${TOOL} args --password ****** -tidb-password=****** -p******`
    )
    const everything = [...logged, ...result.tail, ...lines.map(([l]) => l), result.commandLine]
    for (const secret of ['hunter22', 's3cr3t!', 'QWERTY']) {
      expect(everything.join('\n')).not.toContain(secret)
    }
    expect(lines[0]?.[0]).toBe('["--password","***","-tidb-password=***","-p***"]')
  })

  test('merges env over the process environment; undefined removes a variable', async () => {
    const set = await runFixture(['env', 'A2T_TEST_VALUE'], {
      env: { A2T_TEST_VALUE: 'from opts' }
    })
    expect(set.lines[0]?.[0]).toBe('from opts')
    process.env['A2T_TEST_INHERITED'] = 'inherited'
    try {
      const inherited = await runFixture(['env', 'A2T_TEST_INHERITED'])
      expect(inherited.lines[0]?.[0]).toBe('inherited')
      const removed = await runFixture(['env', 'A2T_TEST_INHERITED'], {
        env: { A2T_TEST_INHERITED: undefined }
      })
      expect(removed.lines[0]?.[0]).toBe('<unset>')
    } finally {
      delete process.env['A2T_TEST_INHERITED']
    }
  })

  test('runs in the given working directory', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'run-tool-cwd-'))
    try {
      writeFileSync(path.join(dir, 'marker.txt'), 'here\n')
      const result = await runTool({
        command: process.execPath,
        args: ['-e', 'process.stdout.write(require("fs").readFileSync("marker.txt", "utf8"))'],
        cwd: dir,
        log: () => undefined
      })
      expect(result.tail).toEqual(['here'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('fails clearly when the program does not exist', async () => {
    await expect(
      runTool({ command: '/nonexistent/a2t-tool', log: () => undefined })
    ).rejects.toThrow(
      /^Could not start \/nonexistent\/a2t-tool \(not found: is it installed and on PATH\?\)/
    )
  })

  test('does not hang when a process the tool started keeps the output open', async () => {
    const { result, logged } = await runFixture(['orphan'], { graceMs: 300 })
    expect(result.exitCode).toBe(0)
    expect(result.tail).toContain('parent done')
    expect(logged.some((l) => l.includes('its output is still open'))).toBe(true)
  })

  test('keeps running children in the registry and mirrors them into state', async () => {
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'run-tool-state-'))
    const stateFile = path.join(stateDir, 'state')
    writeFileSync(stateFile, '')
    process.env['GITHUB_STATE'] = stateFile
    try {
      let seen: number[] = []
      const { result } = await runFixture(['sleep', '10'], {
        onLine: (l) => {
          if (l === 'started') seen = runningChildren().map((c) => c.pid)
        }
      })
      expect(result.exitCode).toBe(0)
      expect(seen).toHaveLength(1)
      expect(runningChildren()).toEqual([])
      const state = readFileSync(stateFile, 'utf8')
      expect(state).toContain(`"pid":${seen[0]}`)
      // The last value written is the empty list: the child was seen to exit.
      expect(
        state
          .trim()
          .split('\n')
          .filter((l) => l.startsWith('['))
          .pop()
      ).toBe('[]')
    } finally {
      delete process.env['GITHUB_STATE']
      rmSync(stateDir, { recursive: true, force: true })
    }
  })
})
