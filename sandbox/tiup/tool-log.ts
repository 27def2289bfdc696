// The log sink of the Dumpling and Lightning stand-ins: pingcap/log text lines (sandbox/lib/pingcap-log.ts) to
// stdout or to a file, filtered by level, written synchronously so lines keep their order with stdout prints.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import path from 'node:path'
import { formatLogLine, type LogField, type LogLevel } from '../lib/pingcap-log.js'

const RANK: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3, FATAL: 4 }

/** Maps a tool's level name (`debug`, `info`, `warn`/`warning`, `error`, `fatal`, …) to a LogLevel. */
export function parseLevel(name: string | undefined): LogLevel {
  switch ((name ?? '').toLowerCase()) {
    case 'debug':
      return 'DEBUG'
    case 'warn':
    case 'warning':
      return 'WARN'
    case 'error':
      return 'ERROR'
    case 'fatal':
    case 'panic':
    case 'dpanic':
      return 'FATAL'
    default:
      return 'INFO'
  }
}

/** A leveled logger writing pingcap-format lines. */
export class ToolLogger {
  private readonly fd: number
  private readonly ownsFd: boolean

  /**
   * @param file log file path, or '' / '-' for stdout
   * @param level minimum level written
   */
  constructor(
    file: string,
    private readonly level: LogLevel = 'INFO'
  ) {
    if (!file || file === '-') {
      this.fd = 1
      this.ownsFd = false
    } else {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
      this.fd = openSync(file, 'a')
      this.ownsFd = true
    }
  }

  /** Writes one line when `level` passes the filter. */
  log(level: LogLevel, caller: string, message: string, fields: readonly LogField[] = []): void {
    if (RANK[level] < RANK[this.level]) return
    writeSync(this.fd, `${formatLogLine(level, caller, message, fields)}\n`)
  }

  debug(caller: string, message: string, fields?: readonly LogField[]): void {
    this.log('DEBUG', caller, message, fields)
  }
  info(caller: string, message: string, fields?: readonly LogField[]): void {
    this.log('INFO', caller, message, fields)
  }
  warn(caller: string, message: string, fields?: readonly LogField[]): void {
    this.log('WARN', caller, message, fields)
  }
  error(caller: string, message: string, fields?: readonly LogField[]): void {
    this.log('ERROR', caller, message, fields)
  }

  /** Closes the file (no-op for stdout). */
  close(): void {
    if (this.ownsFd) closeSync(this.fd)
  }
}
