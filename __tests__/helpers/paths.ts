import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is `<root>/__tests__/helpers/paths.ts`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Absolute path of a file under `__tests__/fixtures/`. */
export function fixturePath(...parts: string[]): string {
  return path.join(repoRoot, '__tests__', 'fixtures', ...parts)
}

/**
 * The shared real-outputs folder (`<root>/../shared/real-outputs`), which may be absent on a fresh clone.
 * `REAL_OUTPUTS_DIR` points elsewhere, for a checkout whose parent folder does not hold it (a worktree).
 */
export const realOutputsDir = path.resolve(
  process.env['REAL_OUTPUTS_DIR'] ?? path.join(repoRoot, '../shared/real-outputs')
)
