// Runs the action's phases against a private sandbox, in-process: the sandbox's environment (INPUT_*, AWS_*,
// RUNNER_*, PATH with the tiup stand-in) is put into process.env, inputs are read by the real readInputs(), and phases
// run through the real runGraph with their log captured. For whole-action runs use `runAction` (the bundled
// dist/index.js as a child process, like the runner does).
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js'
import { parseOutputFile } from '../../sandbox/lib/output-file.js'
import { readInputs } from '../../src/inputs/read.js'
import type { Inputs } from '../../src/inputs/types.js'
import type { Phase } from '../../src/orchestrator/phase.js'
import { withEnv } from './env.js'
import { runPhaseList, type PhaseRun } from './run-phases.js'

/** A sandbox plus ways to run phases or the whole action on it. */
export interface Harness {
  readonly sb: Sandbox
  /** The sandbox environment with `overrides` (input names without the INPUT_ prefix, e.g. `filter`). */
  env(overrides?: Readonly<Record<string, string>>): Record<string, string>
  /** Inputs as the action would read them on this sandbox, with input overrides (`{ operation: 'plan' }`). */
  inputs(overrides?: Readonly<Record<string, string>>): Inputs
  /** Runs phases through the real graph runner; the log is captured, not printed. */
  runPhases(phases: readonly Phase[], inputs?: Inputs, signal?: AbortSignal): Promise<PhaseRun>
  /** Stops the sandbox and restores process.env. */
  stop(): Promise<void>
}

export type { PhaseRun }

/** The environment variable of an input, as the runner names it (hyphens kept). */
export const inputVar = (name: string): string => `INPUT_${name.toUpperCase()}`

/**
 * Starts a sandbox and puts its environment into process.env (tool stand-ins and the AWS SDK read it there).
 * Call `stop()` in afterAll.
 */
export async function startHarness(opts: SandboxOptions = {}): Promise<Harness> {
  const sb = await startSandbox(opts)
  const env = (overrides: Readonly<Record<string, string>> = {}): Record<string, string> => {
    const out: Record<string, string> = { ...sb.env }
    for (const [k, v] of Object.entries(overrides)) out[inputVar(k)] = v
    return out
  }
  // Clear INPUT_* left by other tests so only this sandbox's inputs are seen.
  const stale = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith('INPUT_'))
      .map((k) => [k, undefined])
  )
  const restore = withEnv({ ...stale, ...sb.env })
  const inputs = (overrides: Readonly<Record<string, string>> = {}): Inputs => {
    const undo = withEnv(env(overrides))
    try {
      return readInputs()
    } finally {
      undo()
    }
  }
  return {
    sb,
    env,
    inputs,
    runPhases: (phases, given, signal) => runPhaseList(phases, given ?? inputs(), { signal }),
    async stop() {
      restore()
      await sb.stop()
    }
  }
}

/**
 * One sandbox for a whole test file: started in beforeAll, stopped in afterAll. Read `.h` inside the tests (it is
 * set once beforeAll has run).
 */
export function useHarness(opts: SandboxOptions = {}): { readonly h: Harness } {
  const ref = {} as { h: Harness }
  beforeAll(async () => {
    ref.h = await startHarness(opts)
  }, 60_000)
  afterAll(async () => {
    await ref.h.stop()
  })
  return ref
}

/** What a run of the bundled action produced. */
export interface ActionRun {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
}

export { parseOutputFile }

/** A bundled action started as a child process, to watch and signal while it runs. */
export interface StartedAction {
  readonly child: ChildProcess
  /** Everything it printed to stdout so far. */
  stdout(): string
  /** Resolves once stdout matches `pattern` (rejects when the action exits first). */
  waitForStdout(pattern: RegExp): Promise<void>
  /** Resolves when the action has exited, with what it produced. */
  readonly done: Promise<ActionRun>
}

/**
 * Starts `node dist/<entry>` (the bundle the runner executes) with the sandbox environment plus input overrides and
 * extra variables. The output and summary files are the sandbox's runner files; `done` holds only what this run
 * appended to them.
 */
export function startAction(
  h: Harness,
  overrides: Readonly<Record<string, string>> = {},
  entry = 'index.js',
  extraEnv: Readonly<Record<string, string>> = {}
): StartedAction {
  const env = { ...process.env, ...h.env(overrides), ...extraEnv }
  const outputFile = env['GITHUB_OUTPUT'] ?? ''
  const summaryFile = env['GITHUB_STEP_SUMMARY'] ?? ''
  const before = { out: safeRead(outputFile).length, sum: safeRead(summaryFile).length }
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
  // AURORA_TO_TIDB_DIST: a bundle built elsewhere (`ncc build src/main.ts -o <dir>`), to run the e2e tests on
  // source changes without touching the committed dist/.
  const bundle = process.env['AURORA_TO_TIDB_DIST'] ?? path.join(root, 'dist')
  const child = spawn(process.execPath, [path.join(bundle, entry)], { env, cwd: root })
  let stdout = ''
  let stderr = ''
  const watchers = new Set<() => void>()
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    for (const w of [...watchers]) w()
  })
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      for (const w of [...watchers]) w()
      resolve(code)
    })
  )
  const done = exited.then((exitCode): ActionRun => ({
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(safeRead(outputFile).slice(before.out)),
    summary: safeRead(summaryFile).slice(before.sum)
  }))
  const waitForStdout = (pattern: RegExp): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (pattern.test(stdout)) {
          watchers.delete(check)
          resolve()
        } else if (child.exitCode !== null || child.signalCode !== null) {
          watchers.delete(check)
          reject(
            new Error(`the action exited before printing ${String(pattern)}:\n${stdout}${stderr}`)
          )
        }
      }
      watchers.add(check)
      check()
    })
  return { child, stdout: () => stdout, waitForStdout, done }
}

/**
 * Runs `node dist/<entry>` (the bundle the runner executes) with the sandbox environment plus overrides and
 * returns its outputs and summary. The output and summary files are the sandbox's runner files.
 */
export function runAction(
  h: Harness,
  overrides: Readonly<Record<string, string>> = {},
  entry = 'index.js',
  extraEnv: Readonly<Record<string, string>> = {}
): Promise<ActionRun> {
  return startAction(h, overrides, entry, extraEnv).done
}

function safeRead(file: string): string {
  try {
    return file ? readFileSync(file, 'utf8') : ''
  } catch {
    return ''
  }
}
