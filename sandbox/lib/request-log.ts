// Every HTTP stand-in records what it was asked, so tests can prove that a run ended before any side effect
// ("no snapshot, no export, no S3 write, no DM call") and count calls (polling, downloads).
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** One recorded request. */
export interface RequestEntry {
  /** ISO time. */
  readonly t: string
  /** Which stand-in: `s3`, `rds`, `iam`, `kms`, `dm`, `mirror`, `status`. */
  readonly piece: string
  /** Operation name as the real service names it (`PutObject`, `StartExportTask`, `start-task`, …). */
  readonly op: string
  /** HTTP status (or 0 when not HTTP). */
  readonly status: number
  /** Whether the operation changes state (writes, creates, starts, deletes). */
  readonly write: boolean
  /** Operation details worth asserting on (bucket/key, identifiers). */
  readonly detail?: string
}

/** Appends request entries as JSON lines to `<dir>/requests/<piece>.jsonl` and keeps them in memory. */
export class RequestLog {
  readonly entries: RequestEntry[] = []
  private readonly file: string | undefined

  /**
   * @param piece the stand-in's name
   * @param dir the sandbox directory, or undefined to keep entries in memory only
   */
  constructor(
    private readonly piece: string,
    dir: string | undefined
  ) {
    if (dir) {
      mkdirSync(path.join(dir, 'requests'), { recursive: true })
      this.file = path.join(dir, 'requests', `${piece}.jsonl`)
    }
  }

  /** Records one request. */
  record(op: string, status: number, write: boolean, detail?: string): void {
    const entry: RequestEntry = {
      t: new Date().toISOString(),
      piece: this.piece,
      op,
      status,
      write,
      ...(detail === undefined ? {} : { detail })
    }
    this.entries.push(entry)
    if (this.entries.length > 100_000) this.entries.splice(0, 50_000) // bounded: big runs make many requests
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`)
  }
}

/** Reads the recorded requests of one stand-in (or all when piece is undefined) from a sandbox directory. */
export function readRequests(dir: string, piece?: string): RequestEntry[] {
  const pieces = piece ? [piece] : ['s3', 'rds', 'iam', 'kms', 'dm', 'mirror', 'status']
  const out: RequestEntry[] = []
  for (const p of pieces) {
    let text: string
    try {
      text = readFileSync(path.join(dir, 'requests', `${p}.jsonl`), 'utf8')
    } catch {
      continue // this stand-in never received a request
    }
    for (const line of text.split('\n')) if (line) out.push(JSON.parse(line) as RequestEntry)
  }
  return out.sort((a, b) => a.t.localeCompare(b.t))
}
