// Runs the compiled sandbox CLI (`.build/sandbox/cli.js`, built by `pretest`) as users run it: a child process with
// its own SANDBOX_DIR and none of the test process's fault, timing or scale switches.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { buildRoot } from '../../sandbox/lib/paths.js'

/** What one CLI run gave. */
export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `npm run sandbox -- <args>` against the sandbox directory `dir`. */
export function runCli(dir: string, ...args: string[]): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, SANDBOX_DIR: dir }
  for (const k of ['NODE_OPTIONS', 'SANDBOX_FAULTS', 'SANDBOX_TIMINGS', 'SANDBOX_SCALE'])
    delete env[k]
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(buildRoot(), 'cli.js'), ...args],
      { env },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
        resolve({ code, stdout, stderr })
      }
    )
  })
}
