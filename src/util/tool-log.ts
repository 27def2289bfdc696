// The tools' full logs, kept as files while the run goes: every line a tool prints (already redacted by run-tool)
// in `<dir>/<n>-<tool>.log`, and the tools' own log files registered by path (Lightning writes one). At the end the
// run decides whether they are uploaded as an artifact (upload-logs). Process-wide, like the log itself: nothing is
// recorded until start() names a directory.
import { createReadStream, createWriteStream, promises as fs, type WriteStream } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { redactText } from './redact.js'

let dir: string | undefined
let seq = 0
const open = new Set<Promise<void>>()
const external = new Set<string>()

/** Starts recording into `logDir` (created). */
export async function startToolLogs(logDir: string): Promise<void> {
  await fs.mkdir(logDir, { recursive: true, mode: 0o700 })
  dir = logDir
  seq = 0
  external.clear()
}

/**
 * A file for one tool run's lines, or undefined when nothing is recorded. `close` resolves once it is on disk.
 * @param tool the program's name, used in the file name
 */
export function toolLogFile(
  tool: string
): { write: (line: string) => void; close: () => Promise<void> } | undefined {
  if (dir === undefined) return undefined
  const name = `${String(++seq).padStart(2, '0')}-${tool.replace(/[^\w.-]/g, '_')}.log`
  const stream: WriteStream = createWriteStream(path.join(dir, name), { mode: 0o600 })
  stream.on('error', () => undefined) // a full disk must not fail the migration; the log is a convenience
  let done: Promise<void> | undefined
  return {
    write: (line) => void stream.write(`${line}\n`),
    close: () => {
      done ??= new Promise<void>((resolve) => stream.end(resolve)).finally(() =>
        open.delete(done as Promise<void>)
      )
      open.add(done)
      return done
    }
  }
}

/** Registers a tool's own log file (e.g. Lightning's `log.file`), copied redacted when the logs are gathered. */
export function recordToolLogFile(file: string): void {
  if (dir !== undefined) external.add(file)
}

/**
 * Closes what is open and copies the registered log files into the directory with every secret replaced by `***`.
 * @returns the directory and its files (absolute paths), or undefined when nothing was recorded
 */
export async function gatherToolLogs(
  secrets: readonly string[]
): Promise<{ dir: string; files: string[] } | undefined> {
  if (dir === undefined) return undefined
  await Promise.all(open)
  for (const file of external) {
    const target = path.join(dir, `${String(++seq).padStart(2, '0')}-${path.basename(file)}`)
    try {
      await copyRedacted(file, target, secrets)
    } catch {
      // a log file the tool never wrote (it failed at start) is simply not there
    }
  }
  const names = (await fs.readdir(dir)).sort()
  return { dir, files: names.map((n) => path.join(dir as string, n)) }
}

async function copyRedacted(from: string, to: string, secrets: readonly string[]): Promise<void> {
  const input = createInterface({ input: createReadStream(from), crlfDelay: Infinity })
  const out = createWriteStream(to, { mode: 0o600 })
  for await (const line of input) {
    if (!out.write(`${redactText(line, secrets)}\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve()))
  )
}

/** Stops recording (tests). */
export function stopToolLogs(): void {
  dir = undefined
  external.clear()
}
