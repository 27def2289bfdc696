// Files that hold secrets (tool configs with passwords) live in a private directory under RUNNER_TEMP, are created
// 0600 without following symlinks and without replacing anything, and are recorded in state so the post step
// deletes them even when the main step was killed.
import { constants as fsConstants, promises as fs, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { saveState } from './state.js'

let privateDir: string | undefined
const recorded: string[] = []

/** The runner's temp directory (RUNNER_TEMP), or the system one for local runs. */
export function runnerTemp(): string {
  return process.env['RUNNER_TEMP'] || os.tmpdir()
}

/** Prefix of the private directories this action creates under RUNNER_TEMP; the post step only deletes inside them. */
export const PRIVATE_DIR_PREFIX = 'aurora-to-tidb-'

function ensurePrivateDir(): string {
  // mkdtemp creates the directory 0700 with an unpredictable name, so no other user can plant a symlink in it.
  privateDir ??= mkdtempSync(path.join(runnerTemp(), PRIVATE_DIR_PREFIX))
  return privateDir
}

/**
 * Writes `content` to a new file `name` in this run's private directory, mode 0600, refusing to follow a symlink or
 * to overwrite an existing file, and records it for deletion by the post step.
 * @param name a plain file name (no directory part), e.g. `lightning-data.toml`
 * @param content the text to write
 * @returns the absolute path
 * @throws when the name has a directory part or the file already exists
 */
export async function writeSecretFile(name: string, content: string): Promise<string> {
  if (!name || name !== path.basename(name) || name === '.' || name === '..') {
    throw new Error(`writeSecretFile needs a plain file name, got '${name}'`)
  }
  const file = path.join(ensurePrivateDir(), name)
  const flags =
    fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | fsConstants.O_NOFOLLOW
  const handle = await fs.open(file, flags, 0o600)
  try {
    await handle.writeFile(content, 'utf8')
  } finally {
    await handle.close()
  }
  recorded.push(file)
  saveState('temp-files', recorded)
  return file
}

/** The secret files written so far by this process (oldest first). */
export function recordedTempFiles(): readonly string[] {
  return [...recorded]
}

/**
 * Deletes the given files if they lie inside a private directory of this action, then the directories themselves
 * when empty. Errors other than "already gone" are returned, not thrown, so the caller can warn and continue.
 * @param files absolute paths, as recorded by {@link writeSecretFile}
 * @returns one message per file that could not be removed
 */
export async function removeTempFiles(files: readonly string[]): Promise<string[]> {
  const problems: string[] = []
  const dirs = new Set<string>()
  for (const file of files) {
    const dir = path.dirname(path.resolve(file))
    if (!path.basename(dir).startsWith(PRIVATE_DIR_PREFIX)) {
      problems.push(`${file}: not in a directory this action created; left alone`)
      continue
    }
    dirs.add(dir)
    try {
      await fs.unlink(file)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        problems.push(`${file}: ${(e as Error).message}`)
      }
    }
  }
  for (const dir of dirs) {
    // rmdir (not rm -r) only removes the directory when nothing else is left in it.
    await fs.rmdir(dir).catch(() => undefined)
  }
  const gone = new Set(files)
  const still = recorded.filter((f) => !gone.has(f))
  if (still.length !== recorded.length) {
    recorded.splice(0, recorded.length, ...still)
    saveState('temp-files', recorded)
  }
  if (privateDir && dirs.has(privateDir)) privateDir = undefined
  return problems
}
