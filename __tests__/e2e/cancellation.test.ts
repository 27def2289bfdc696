// Cancelling the bundled action mid-import, as the runner cancels a job: SIGINT to the node process, SIGTERM a moment
// later (actions/runner sends SIGTERM 7.5 s after SIGINT; sooner here, to prove the second signal changes nothing).
// The action must exit within 5 s of the first signal with a partial report (finished phases, the cancelled one,
// what was learned), leave no tool process of its own running, and the post step — given the state the main step
// wrote, as the runner passes it — must leave no file with a password under RUNNER_TEMP.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { stateFileToEnv, tempDir } from '../helpers/env.js'
import { runAction, startAction, useHarness } from '../helpers/sandbox-harness.js'

const sandbox = useHarness()
const runner = tempDir('cancel-test-')
afterAll(() => runner.remove())

/** Process ids of every process whose process group is one of `groups` (the tools run as group leaders). */
function processesInGroups(groups: ReadonlySet<number>): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // /proc/<pid>/stat: pid (comm) state ppid pgrp …; comm may contain spaces, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (groups.has(Number(fields[2]))) found.push(Number(entry))
    } catch {
      // the process ended while we looked
    }
  }
  return found
}

/** Every regular file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

/** Every value a state key ever had in the runner's state file (core appends; the last one wins for the post step). */
function stateHistory(text: string, key: string): unknown[] {
  const re = new RegExp(`^${key}<<(\\S+)\\n([\\s\\S]*?)\\n\\1$`, 'gm')
  return [...text.matchAll(re)].map((m) => JSON.parse(m[2] ?? 'null') as unknown)
}

interface ResultJson {
  status: string
  error?: string
  phases: { id: string; status: string }[]
}

test('SIGINT then SIGTERM during the data import: partial report within 5 s, no tool left, post removes secrets', async () => {
  const { h } = sandbox
  const stateFile = path.join(runner.dir, 'state')
  writeFileSync(stateFile, '')
  // The export outlasts the schema import, so Lightning is made slow only for the data import.
  h.sb.setTiming('export', 10)
  const action = startAction(h, { 'run-key': 'cancel-e2e' }, 'index.js', {
    GITHUB_STATE: stateFile,
    GITHUB_ACTIONS: 'true'
  })
  try {
    await action.waitForStdout(/Phase \d+\/\d+ · Schema import \(Lightning\) succeeded/)
    h.sb.setTiming('lightning', 60)
    // Lightning is importing once its precheck table is printed inside the data import's group.
    await action.waitForStdout(
      /::group::Phase \d+\/\d+ · Data import \(Lightning, Parquet\)[\s\S]*storage permission/
    )
  } finally {
    h.sb.setTiming('lightning', 0)
    h.sb.setTiming('export', 0)
  }

  // While it runs: the Lightning config with the target password exists, 0600, recorded for the post step.
  const state = readFileSync(stateFile, 'utf8')
  const secrets = (stateHistory(state, 'temp-files').at(-1) ?? []) as string[]
  expect(secrets.length).toBeGreaterThan(0)
  for (const f of secrets) expect(statSync(f).mode & 0o777).toBe(0o600)
  const toolGroups = new Set(
    stateHistory(state, 'child-processes').flatMap((list) =>
      (list as { pid: number }[]).map((c) => c.pid)
    )
  )
  expect(processesInGroups(toolGroups).length).toBeGreaterThan(0)

  const signalledAt = Date.now()
  action.child.kill('SIGINT')
  await new Promise((r) => setTimeout(r, 300))
  action.child.kill('SIGTERM')
  const run = await action.done
  const tookMs = Date.now() - signalledAt

  expect(tookMs).toBeLessThan(5000)
  expect(run.stdout).toContain('Received SIGINT: cancelling the running phases')
  expect(run.exitCode).not.toBe(0)

  // The partial report: what finished, the cancelled import, nothing after it; and what was learned.
  const result = JSON.parse(readFileSync(run.outputs['result-file'] ?? '', 'utf8')) as ResultJson
  const status = Object.fromEntries(result.phases.map((p) => [p.id, p.status]))
  expect(result.status).toBe('cancelled')
  expect(status).toMatchObject({
    precheck: 'succeeded',
    'schema-import': 'succeeded',
    export: 'succeeded',
    'data-import': 'cancelled',
    verify: 'skipped',
    replicate: 'skipped'
  })
  expect(run.summary).toContain(
    '<h2>🚫 Migrate cancelled during Data import (Lightning, Parquet)</h2>'
  )
  expect(run.summary).toMatch(/Data import \(Lightning, Parquet\).*?<\/td><td>🚫 cancelled<\/td>/)
  expect(run.outputs['export-task-id']).toMatch(/\S/)
  expect(run.outputs['binlog-file']).toMatch(/\S/)
  expect(run.outputs['import-result']).not.toBe('succeeded')

  // No process of any tool the action started is left (Lightning, tiup, Dumpling, dmctl).
  expect(processesInGroups(toolGroups)).toEqual([])

  // The post step, with the state the runner hands it, leaves no secret file behind.
  const post = await runAction(
    h,
    {},
    'post/index.js',
    stateFileToEnv(readFileSync(stateFile, 'utf8'))
  )
  expect(post.exitCode).toBe(0)
  for (const f of secrets) {
    expect(existsSync(f)).toBe(false)
    expect(existsSync(path.dirname(f))).toBe(false)
  }
  // Lightning's work directory (checkpoint, sorted KV) stays for a rerun, but no file left holds a password.
  const env = h.env()
  const passwords = [env['INPUT_TARGET-PASSWORD'], env['INPUT_SOURCE-PASSWORD']].filter(
    (p): p is string => !!p
  )
  expect(passwords.length).toBe(2)
  const leaks = filesUnder(env['RUNNER_TEMP'] ?? '').filter((f) => {
    const text = readFileSync(f, 'latin1')
    return passwords.some((p) => text.includes(p))
  })
  expect(leaks).toEqual([])
}, 120_000)
