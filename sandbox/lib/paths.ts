import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The directory of a running sandbox: state.json (ports, pids, credentials), faults.json, timings.json and the
 * servers' data. `SANDBOX_DIR` chooses it; the default is one per user under the system temp directory.
 */
export function sandboxDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(
    env['SANDBOX_DIR'] ??
      path.join(os.tmpdir(), `aurora-to-tidb-sandbox-${process.getuid?.() ?? 0}`)
  )
}

/** The repository's `sandbox/` folder (sources), whether running from sources or from `sandbox/.build/`. */
export function sandboxRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url)) // sandbox/lib or sandbox/.build/lib
  const up = path.resolve(here, '..')
  return path.basename(up) === '.build' ? path.resolve(up, '..') : up
}

/** The folder with the compiled sandbox (`sandbox/.build`), which executables run from. */
export function buildRoot(): string {
  return path.join(sandboxRoot(), '.build')
}
