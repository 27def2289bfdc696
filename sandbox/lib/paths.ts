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

/**
 * The repository root, whether this module runs from its TypeScript source (tests) or from the compiled copy
 * under `.build/` (executables): sources are `<root>/sandbox/lib/`, compiled files `<root>/.build/sandbox/lib/`.
 */
export function repoRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const parts = here.split(path.sep)
  const i = parts.lastIndexOf('.build')
  return i >= 0 ? parts.slice(0, i).join(path.sep) : path.resolve(here, '..', '..')
}

/** The compiled sandbox (`<root>/.build/sandbox`), which executables import. Built by `npm run tools:build`. */
export function buildRoot(): string {
  return path.join(repoRoot(), '.build', 'sandbox')
}
