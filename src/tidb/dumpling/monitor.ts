// Reads Dumpling's stdout and stderr line by line (pingcap/tidb dumpling/cmd/dumpling/main.go and
// dumpling/export; checked against captured runs):
// the version banner (stderr, `Release version:` may be empty on dev builds), `Welcome to dumpling`, `detect
// server version`, `progress` every 2 minutes, the success line `dump data successfully, dumpling will exit now`,
// and the failures: `dump failed error stack info` (log) + `dump failed: …` (stdout), `create dumper failed: …`,
// `parse arguments failed: …` followed by a Go stack, `meet some unparsed arguments, please check again: […]`,
// and pflag's own errors for a bad flag (`unknown flag: --x`, exit 2).

import { parseLogLine, stripLinePrefix } from '../log-line.js'
import { parseByteSize, parseDecimal, parseRatio, type Ratio } from '../log-values.js'
import { describeLogLine, exitMessage, type FirstError, type ToolVerdict } from '../tool-outcome.js'

/** Dumpling's periodic progress. */
export interface DumplingProgress {
  readonly tables: Ratio | undefined
  readonly finishedRows: number | undefined
  readonly estimateTotalRows: number | undefined
  /** Bytes (`finished size` is printed as `7.764GB`). */
  readonly finishedBytes: number | undefined
  readonly speedMiBs: number | undefined
}

/** What the monitor has seen. */
export interface DumplingReport {
  readonly lines: number
  /** `Release version:` of the banner or `Release Version` of the welcome line; undefined when empty. */
  readonly version: string | undefined
  readonly gitHash: string | undefined
  readonly welcomed: boolean
  /** From `detect server type` / `detect server version`: e.g. `MySQL` / `5.7.26-log`. */
  readonly serverType: string | undefined
  readonly serverVersion: string | undefined
  readonly progress: DumplingProgress | undefined
  /** `dump data successfully, dumpling will exit now`. */
  readonly succeeded: boolean
  /** The text after `dump failed: `, `create dumper failed: `, `parse arguments failed: ` or the unparsed-args line. */
  readonly failure: string | undefined
  readonly firstError: FirstError | undefined
  readonly lastPlainLine: string | undefined
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const SUCCESS = 'dump data successfully, dumpling will exit now'
const FAILURE_PREFIXES = [
  'dump failed: ',
  'create dumper failed: ',
  'parse arguments failed: ',
  'meet some unparsed arguments, please check again: '
]
const PFLAG_ERROR =
  /^(?:unknown flag: |unknown shorthand flag: |flag needs an argument: |invalid argument |bad flag syntax: |Error: )/
/** Lines of a Go stack trace (`%+v` of a pingcap error) that follow `parse arguments failed`. */
const STACK_LINE = /^(?:\s|[\w./-]+\.[\w(*).]+$|goroutine \d+|runtime\.|main\.main$)/

/** Feed every stdout/stderr line of one Dumpling run to `push`; ask `verdict` once it has exited. */
export class DumplingMonitor {
  private readonly r: Mutable<DumplingReport> = {
    lines: 0,
    version: undefined,
    gitHash: undefined,
    welcomed: false,
    serverType: undefined,
    serverVersion: undefined,
    progress: undefined,
    succeeded: false,
    failure: undefined,
    firstError: undefined,
    lastPlainLine: undefined
  }

  /** What has been seen so far (a live view). */
  get report(): DumplingReport {
    return this.r
  }

  /** Consumes one line (without its newline). Never throws. */
  push(line: string): void {
    this.r.lines++
    const stackCandidate = line.startsWith(' ') || line.startsWith('\t')
    const parsed = parseLogLine(line)
    const r = this.r
    if (parsed.format !== 'zap') {
      const s = parsed.message
      if (s === '') return
      if (stackCandidate || STACK_LINE.test(s)) return // Go stack after `parse arguments failed`
      r.lastPlainLine = s
      this.plainLine(s)
      return
    }
    const f = parsed.fields
    switch (parsed.message) {
      case 'Welcome to dumpling':
        r.welcomed = true
        r.version = nonEmpty(f['Release Version']) ?? r.version
        r.gitHash = nonEmpty(f['Git Commit Hash']) ?? r.gitHash
        break
      case 'detect server type':
        r.serverType = f['type'] ?? r.serverType
        break
      case 'detect server version':
        r.serverType = f['type'] ?? r.serverType
        r.serverVersion = f['version']
        break
      case 'progress':
        r.progress = {
          tables: f['tables'] === undefined ? undefined : parseRatio(f['tables']),
          finishedRows: num(f['finished rows']),
          estimateTotalRows: num(f['estimate total rows']),
          finishedBytes:
            f['finished size'] === undefined ? undefined : parseByteSize(f['finished size']),
          speedMiBs: num(f['average speed(MiB/s)'])
        }
        break
      case SUCCESS:
        r.succeeded = true
        break
    }
    if (parsed.level === 'ERROR' || parsed.level === 'FATAL') {
      r.firstError ??= { text: describeLogLine(parsed), line: stripLinePrefix(line) }
    }
  }

  private plainLine(s: string): void {
    const r = this.r
    const banner = /^(Release version|Git commit hash):\s*(.*)$/.exec(s)
    if (banner) {
      if (banner[1] === 'Release version') r.version = nonEmpty(banner[2])
      else r.gitHash = nonEmpty(banner[2])
      return
    }
    if (s === SUCCESS) {
      r.succeeded = true
      return
    }
    const prefix = FAILURE_PREFIXES.find((p) => s.startsWith(p))
    if (prefix !== undefined) {
      r.failure ??= prefix.startsWith('meet') ? s : s.slice(prefix.length)
      r.firstError ??= { text: s, line: s }
    } else if (PFLAG_ERROR.test(s)) {
      r.firstError ??= { text: s, line: s }
    }
  }

  /**
   * Succeeded only on exit 0 with Dumpling's success line; a run killed by a signal without an error is
   * cancelled; everything else fails with the first error line Dumpling printed.
   */
  verdict(exitCode: number | null): ToolVerdict {
    const r = this.r
    if (exitCode === 0 && r.succeeded && r.failure === undefined) {
      return { outcome: 'succeeded', message: SUCCESS, advice: [] }
    }
    if (exitCode === null && r.firstError === undefined) {
      return { outcome: 'cancelled', message: 'dumpling was stopped by a signal', advice: [] }
    }
    const message =
      r.firstError?.text ??
      (exitCode === 0
        ? `dumpling exited 0 without "${SUCCESS}"`
        : exitMessage('dumpling', exitCode, r.lastPlainLine))
    return { outcome: 'failed', message, advice: [] }
  }
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim()
  return t === undefined || t === '' ? undefined : t
}

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : parseDecimal(s)
}
