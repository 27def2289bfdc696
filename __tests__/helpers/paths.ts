import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is `<root>/__tests__/helpers/paths.ts`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Absolute path of a file under `__tests__/fixtures/`. */
export function fixturePath(...parts: string[]): string {
  return path.join(repoRoot, '__tests__', 'fixtures', ...parts)
}

/** The shared real-outputs folder (`<root>/../shared/real-outputs`), which may be absent on a fresh clone. */
export const realOutputsDir = path.resolve(repoRoot, '../shared/real-outputs')
