// Running an external tool (tiup, and through it dumpling, tidb-lightning, dmctl) for as long as it takes.
//
// Why not @actions/exec: it has no deadline and no cancellation, and getExecOutput keeps all output in memory,
// while Lightning runs for hours. Here every line goes to the log and to the phase's parser as it arrives, and
// only a ring-buffer tail is kept for the error report.
//
// The child is started as the leader of a new process group, so signals reach the tool and whatever it started
// (tiup runs the component as its own child): a deadline or a cancel that only hit tiup would leave Lightning
// running and holding our pipes open.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { onActionSignal } from './cancellation.js'
import { registerChild, signalProcessGroup, unregisterChild } from './children.js'
import { abortError, errorMessage } from './errors.js'
import { formatDuration } from './format.js'
import { DEFAULT_MAX_LINE_LENGTH, LineSplitter, RingBuffer } from './lines.js'
import { displayCommand, redactText } from './redact.js'
import { toolLogFile } from './tool-log.js'
import { logLine } from './workflow-commands.js'

/** Which output stream a line came from. */
export type OutputStream = 'stdout' | 'stderr'

/** Options of {@link runTool}. */
export interface RunToolOptions {
  /** The program: a name looked up on PATH or a path. */
  readonly command: string
  readonly args?: readonly string[]
  /** Merged over process.env; an undefined value removes the variable. Put passwords here, not in args. */
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly cwd?: string
  /** Deadline, ms. Past it the tool gets SIGTERM, then SIGKILL after `graceMs`. No deadline when omitted. */
  readonly timeoutMs?: number
  /** Time between SIGTERM (or a forwarded SIGINT) and SIGKILL, ms. Default 5 s: inside the runner's 7.5 s. */
  readonly graceMs?: number
  /** Per-tool parser hook: each line (already redacted) and its stream, as it arrives. */
  readonly onLine?: (line: string, stream: OutputStream) => void
  /** How many of the last lines to keep for the result. Default 200. */
  readonly tailLines?: number
  /** Longest line kept, in characters; longer ones are cut with a note. Default 64 Ki. */
  readonly maxLineLength?: number
  /** Secret values hidden (as `***`) in the echoed command line, the log, the tail and what onLine sees. */
  readonly redact?: readonly string[]
  /** Cancels the tool: SIGTERM, then SIGKILL after `graceMs`. */
  readonly signal?: AbortSignal
  /** Where lines are logged. Default logLine (plain log lines); the phase runner passes its phase log. */
  readonly log?: (line: string) => void
  /** Whether to log the command line before running (default true). */
  readonly echo?: boolean
}

/** How a tool run ended. */
export interface ToolResult {
  /** Exit code, or null when the tool died of a signal. */
  readonly exitCode: number | null
  /** The signal that ended the tool, or null when it exited. */
  readonly signal: NodeJS.Signals | null
  readonly durationMs: number
  /** The last lines of stdout and stderr interleaved as they arrived, redacted, oldest first. */
  readonly tail: readonly string[]
  /** How many lines the tool printed in all. */
  readonly lineCount: number
  /** The deadline passed and we stopped the tool. */
  readonly timedOut: boolean
  /** We stopped the tool because the action or the caller was cancelled. */
  readonly cancelled: boolean
  /** The command line as echoed, passwords hidden. */
  readonly commandLine: string
}

/**
 * Runs a tool to completion, streaming its lines, enforcing the deadline and forwarding cancellation.
 * A non-zero exit is a normal result, not an exception: the caller decides success from the exit code AND the
 * tool's own output (dmctl and Lightning exit 0 on some failures).
 * @returns the typed outcome
 * @throws when the program cannot be started (not found, not executable), or `signal` was aborted before start
 */
export async function runTool(opts: RunToolOptions): Promise<ToolResult> {
  const args = opts.args ?? []
  const secrets = opts.redact ?? []
  const log = opts.log ?? logLine
  const graceMs = opts.graceMs ?? 5000
  const name = path.basename(opts.command)
  const commandLine = displayCommand(opts.command, args, secrets)
  if (opts.signal?.aborted) throw abortError(opts.signal, name)
  if (opts.echo ?? true) log(`[command]${commandLine}`)
  // The full output, for the logs artifact (upload-logs): the job log may be cut, this file is not.
  const file = toolLogFile(name)
  file?.write(`[command]${commandLine}`)

  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const [key, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }

  const tail = new RingBuffer<string>(Math.max(1, opts.tailLines ?? 200))
  let parserError: string | undefined
  const handleLine = (raw: string, stream: OutputStream): void => {
    const line = redactText(raw, secrets)
    tail.push(line)
    log(line)
    file?.write(line)
    if (!opts.onLine) return
    try {
      opts.onLine(line, stream)
    } catch (e) {
      // A parser bug must not kill a migration that is going fine; say so once and keep streaming.
      if (parserError === undefined) {
        parserError = errorMessage(e)
        log(`(the ${name} output parser failed on this line and ignores it: ${parserError})`)
      }
    }
  }
  const maxLine = opts.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH
  const splitters = {
    stdout: new LineSplitter((l) => handleLine(l, 'stdout'), maxLine),
    stderr: new LineSplitter((l) => handleLine(l, 'stderr'), maxLine)
  }

  const started = performance.now()
  const child = spawn(opts.command, args, {
    cwd: opts.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32'
  })

  return new Promise<ToolResult>((resolve, reject) => {
    let timedOut = false
    let cancelled = false
    let exited = false
    let exitCode: number | null = null
    let exitSignal: NodeJS.Signals | null = null
    let signalled = false
    let killTimer: NodeJS.Timeout | undefined
    let closeTimer: NodeJS.Timeout | undefined
    let deadlineTimer: NodeJS.Timeout | undefined
    let settled = false
    const pid = child.pid

    const send = (sig: NodeJS.Signals): void => {
      if (pid !== undefined) signalProcessGroup(pid, sig)
    }
    const stop = (sig: NodeJS.Signals, why: string): void => {
      if (exited) return
      log(`${why}: sending ${sig} to ${name}`)
      signalled = true
      send(sig)
      killTimer ??= setTimeout(() => {
        if (exited) return
        log(
          `${name} still running ${formatDuration(graceMs)} after being asked to stop: sending SIGKILL`
        )
        send('SIGKILL')
      }, graceMs)
    }

    const unsubscribe = onActionSignal((sig) => {
      cancelled = true
      stop(sig, `The action received ${sig}`)
    })
    const onAbort = (): void => {
      cancelled = true
      // A process signal already forwarded is the stronger request; only escalate through the grace timer then.
      if (!signalled) stop('SIGTERM', 'Cancelled')
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    if (opts.timeoutMs !== undefined) {
      deadlineTimer = setTimeout(() => {
        timedOut = true
        stop('SIGTERM', `${name} ran past its deadline of ${formatDuration(opts.timeoutMs ?? 0)}`)
      }, opts.timeoutMs)
    }

    const cleanup = (): void => {
      clearTimeout(killTimer)
      clearTimeout(closeTimer)
      clearTimeout(deadlineTimer)
      unsubscribe()
      opts.signal?.removeEventListener('abort', onAbort)
      if (pid !== undefined) unregisterChild(pid)
    }

    const finish = (): void => {
      if (settled) return
      settled = true
      splitters.stdout.end()
      splitters.stderr.end()
      cleanup()
      const durationMs = performance.now() - started
      const how = exitSignal ? `was killed by ${exitSignal}` : `exited with code ${exitCode}`
      log(`${name} ${how} after ${formatDuration(durationMs)}`)
      file?.write(`${name} ${how} after ${formatDuration(durationMs)}`)
      void file?.close()
      resolve({
        exitCode,
        signal: exitSignal,
        durationMs,
        tail: tail.toArray(),
        lineCount: tail.pushed,
        timedOut,
        cancelled,
        commandLine
      })
    }

    child.on('error', (e) => {
      // Only start failures come here before 'exit'; later errors (a failed kill) are reported by the exit itself.
      if (exited || settled) return
      settled = true
      cleanup()
      void file?.close()
      const hint =
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? ' (not found: is it installed and on PATH?)'
          : ''
      reject(new Error(`Could not start ${opts.command}${hint}: ${e.message}`, { cause: e }))
    })
    if (pid !== undefined) registerChild(pid, commandLine)

    child.stdout.on('data', (chunk: Buffer) => splitters.stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => splitters.stderr.push(chunk))

    child.on('exit', (code, sig) => {
      exited = true
      exitCode = code
      exitSignal = sig
      clearTimeout(killTimer)
      // If something the tool started still holds our pipes, 'close' never comes: end that group and move on.
      closeTimer = setTimeout(() => {
        log(
          `${name} exited but its output is still open (a process it started?): ending its process group`
        )
        send('SIGKILL')
        child.stdout.destroy()
        child.stderr.destroy()
        finish()
      }, graceMs)
    })
    child.on('close', finish)
  })
}
