// Streams TiDB Lightning's output — its log file and its stdout/stderr — line by line and keeps what the import
// phase needs: the latest progress, the success and failure markers, the checkpoint advice and the first error.
// The lines are those of pingcap/tidb lightning/cmd/tidb-lightning/main.go, lightning/pkg/importer/import.go and
// pkg/lightning/log/log.go; the tests read captured runs.
//
// Hot path: a Lightning log at INFO holds millions of lines the action does not care about (chunk and engine
// lines). Those of the log file are turned down as bytes before they are decoded (prefilter.ts, counted by
// `skip`); for the rest, `push` locates the level and message of a zap line with a few indexOf calls and compares
// the start of the message against the table of messages.ts; only the lines it knows are parsed in full.

import {
  isErrorLevelAt,
  locateZapHead,
  normaliseQuotes,
  parseLogLine,
  stripLinePrefix,
  type LogLine,
  type ZapHead
} from '../log-line.js'
import { progressFromFields, progressFromText } from './progress.js'
import {
  checkpointAdvice,
  checksumMismatch,
  ON_QUOTED,
  QUOTED_FIRST,
  type MutableReport
} from './messages.js'
import { describeLogLine, exitMessage, type ToolVerdict } from '../tool-outcome.js'
import type { CheckpointRefusal, LightningReport } from './report.js'

export { parseLogLine, type LogLine } from '../log-line.js'
export { formatProgress, type LightningProgress } from './progress.js'

const UNKNOWN_OPTIONS = 'unknown configuration options: '

/** Feed every output line of one Lightning run to `push`; ask `verdict` once the process has exited. */
export class LightningMonitor {
  private readonly r: MutableReport = {
    lines: 0,
    progress: undefined,
    procedureStarted: false,
    procedureCompleted: false,
    procedureFailed: undefined,
    runFailed: undefined,
    exitLogged: false,
    exitFinished: undefined,
    stdoutSuccess: false,
    stdoutCanceled: false,
    gotSignal: false,
    encounteredError: undefined,
    checkpoint: undefined,
    unknownOptions: undefined,
    httpServerError: undefined,
    checksums: [],
    tablesCompleted: [],
    verboseLogFile: undefined,
    firstError: undefined,
    lastPlainLine: undefined
  }
  private readonly head: ZapHead = { levelAt: 0, messageAt: 0 }

  /** What has been seen so far (a live view; copy it if you keep it). */
  get report(): LightningReport {
    return this.r
  }

  /** Consumes one line (without its newline) from the log file, stdout or stderr. Never throws. */
  push(line: string): void {
    this.r.lines++
    let s = line
    // Zap lines start with `[2`; anything else may carry a CI, docker or indentation prefix.
    if (s.charCodeAt(0) !== 0x5b || s.charCodeAt(5) === 0x2d) s = stripLinePrefix(s)
    if (s.length === 0) return
    if (s.charCodeAt(0) === 0x5b && locateZapHead(s, this.head)) this.zapLine(s)
    else this.plainLine(normaliseQuotes(s.trimEnd()))
  }

  /** Counts a line the log file's byte-level filter turned down (prefilter.ts): one `push` would ignore. */
  skip(): void {
    this.r.lines++
  }

  private zapLine(raw: string): void {
    let s = raw
    const m = this.head.messageAt
    let c = s.charCodeAt(m)
    if (c === 0x201c) {
      s = normaliseQuotes(s) // same length: positions stay valid
      c = 0x22
    }
    let parsed: LogLine | undefined
    const get = (): LogLine => (parsed ??= parseLogLine(s))
    const r = this.r
    if (c === 0x70 && s.startsWith('progress]', m)) {
      r.progress = progressFromFields(get().fields, get().time)
    } else if (c === 0x2d && s.startsWith('-]', m)) {
      this.dashLine(get())
    } else if (c === 0x22 && QUOTED_FIRST.has(s.charCodeAt(m + 1))) {
      const act = ON_QUOTED.find(([prefix]) => s.startsWith(prefix, m + 1))
      act?.[1](r, get, s)
    }
    if (isErrorLevelAt(s, this.head.levelAt)) this.errorLine(get(), s)
  }

  private plainLine(s: string): void {
    if (s.length === 0) return
    const r = this.r
    r.lastPlainLine = s
    const c = s.charCodeAt(0)
    if (c >= 0x30 && c <= 0x39) {
      const parsed = parseLogLine(s)
      if (parsed.format === 'text') {
        const p = progressFromText(parsed.message, parsed.time)
        if (p) r.progress = p
        if (parsed.level === 'ERROR' || parsed.level === 'FATAL') this.errorLine(parsed, s)
        return
      }
    }
    if (s.startsWith('tidb lightning ')) {
      if (s.startsWith('exit successfully', 15)) r.stdoutSuccess = true
      else if (s.startsWith('canceled', 15)) r.stdoutCanceled = true
      else if (s.startsWith('encountered error:', 15)) {
        r.encounteredError = s.slice(33).trim()
        this.errorLine(parseLogLine(s), s)
      }
    } else if (s.startsWith('Verbose debug logs will be written to ')) {
      r.verboseLogFile = s.slice(38).trim()
    } else if (s.startsWith('failed to start HTTP server: ')) {
      r.httpServerError = s
      this.errorLine(parseLogLine(s), s)
    } else if (
      s.startsWith('Error: ') ||
      s.startsWith('[Lightning:') ||
      s.startsWith('Root cause: ') ||
      s.includes(UNKNOWN_OPTIONS)
    ) {
      this.errorLine(parseLogLine(s), s)
    }
  }

  private errorLine(parsed: LogLine, line: string): void {
    const r = this.r
    const text = describeLogLine(parsed)
    r.firstError ??= { text, line }
    const at = text.indexOf(UNKNOWN_OPTIONS)
    if (at >= 0 && r.unknownOptions === undefined) {
      const keys = text.slice(at + UNKNOWN_OPTIONS.length).split(/\\n|\n/)[0] ?? ''
      r.unknownOptions = keys
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== '')
    }
    if (text.includes('checksum mismatched')) {
      checksumMismatch(this.r, parsed.fields['table'] ?? '', text)
    }
    if (text.includes('failed last time') || text.includes('illegal checkpoints')) {
      checkpointAdvice(this.r, parsed)
    }
  }

  /** `[-] [table=…] [status=18] [failedStep=checksum] [recommendedAction="./tidb-lightning-ctl …"]` lines. */
  private dashLine(parsed: LogLine): void {
    const f = parsed.fields
    if (f['recommendedAction'] !== undefined) checkpointAdvice(this.r, parsed)
    const error = f['error']
    if (error?.includes('checksum mismatched')) checksumMismatch(this.r, f['table'] ?? '', error)
  }

  /**
   * The run's outcome once the process has exited (`exitCode` null when it was killed by a signal). Succeeded
   * only on exit 0 with `tidb lightning exit successfully` or `the whole procedure completed`; exit 0 after a
   * signal is a cancel; everything else fails with the tool's first error line.
   */
  verdict(exitCode: number | null): ToolVerdict {
    const r = this.r
    const advice = checkpointAdviceLines(r.checkpoint)
    const cancelled = r.stdoutCanceled || r.gotSignal || r.exitFinished === false
    if (exitCode === 0 && r.httpServerError === undefined && r.procedureFailed === undefined) {
      if (r.stdoutSuccess)
        return { outcome: 'succeeded', message: 'tidb lightning exit successfully', advice }
      if (cancelled) {
        const message = r.stdoutCanceled ? 'tidb lightning canceled' : 'got signal to exit'
        return { outcome: 'cancelled', message, advice }
      }
      if (r.procedureCompleted) {
        return { outcome: 'succeeded', message: 'the whole procedure completed', advice }
      }
    }
    if (exitCode === null && cancelled && r.firstError === undefined) {
      return { outcome: 'cancelled', message: 'got signal to exit', advice }
    }
    const message =
      r.firstError?.text ??
      r.encounteredError ??
      (exitCode === 0
        ? 'tidb-lightning exited 0 without "the whole procedure completed" or "tidb lightning exit successfully"'
        : exitMessage('tidb-lightning', exitCode, r.lastPlainLine))
    return { outcome: 'failed', message, advice }
  }
}

function checkpointAdviceLines(cp: CheckpointRefusal | undefined): string[] {
  if (cp === undefined) return []
  return [
    'TiDB Lightning keeps checkpoints of a failed import and refuses to run again until they are cleared.',
    ...cp.commands.map((c) => `Suggested by the tool: ${c}`)
  ]
}
