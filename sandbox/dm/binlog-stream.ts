// Reads a source's binary log continuously with `mariadb-binlog --read-from-remote-server --stop-never` and hands
// parsed events to a callback. The child runs with TZ=UTC so the event headers' times are UTC.
import { spawn, type ChildProcess } from 'node:child_process'
import { BinlogTextParser, type BinlogEvent } from './binlog-parse.js'
import type { DbConfig } from './config.js'

/** Where to start: a file and position, or a MariaDB GTID state (`0-1-42`, comma separated per domain). */
export type StartAt = { file: string; pos: number } | { gtid: string; file: string }

/** A running reader. */
export interface BinlogStream {
  readonly pid: number | undefined
  /** Stops the reader; resolves when the process has exited. */
  stop(): Promise<void>
}

/** Turns mariadb-binlog's error text into what DM's go-mysql client reports (`ERROR 1236 (HY000): …`). */
export function binlogErrorText(stderr: string): string {
  const m = /Got error reading packet from server: (.*)/.exec(stderr)
  if (m) return `ERROR 1236 (HY000): ${(m[1] ?? '').trim()}`
  const line = stderr.split('\n').find((l) => l.startsWith('ERROR')) ?? stderr.trim()
  return line.replace(/^ERROR: /, '') || 'binlog stream ended unexpectedly'
}

let readerSeq = 0

/** mariadb-binlog's options to read a server's binary log remotely. */
export function binlogClientArgs(from: DbConfig): string[] {
  return [
    '--no-defaults',
    '--read-from-remote-server',
    `--host=${from.host}`,
    `--port=${from.port}`,
    `--user=${from.user}`,
    `--password=${from.password}`
  ]
}

/**
 * Starts reading. `onEvents` receives events in order (the stream is paused while the returned promise runs, so the
 * consumer applies them at its own pace); `onEnd` is called once if the reader exits on its own (error text or '').
 */
export function startBinlogStream(
  from: DbConfig,
  start: StartAt,
  onEvents: (events: BinlogEvent[]) => Promise<void>,
  onEnd: (error: string) => void
): BinlogStream {
  const args = [
    ...binlogClientArgs(from),
    '--stop-never',
    // A replica server id of its own per reader: a source drops the older of two replicas sharing an id.
    `--stop-never-slave-server-id=${4294000000 + ((process.pid * 1000 + readerSeq++) % 900000)}`,
    '--verbose',
    '--verbose',
    '--base64-output=decode-rows',
    'gtid' in start ? `--start-position=${start.gtid}` : `--start-position=${start.pos}`,
    start.file
  ]
  const child: ChildProcess = spawn('mariadb-binlog', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'UTC' }
  })
  const parser = new BinlogTextParser()
  let stopped = false
  let stderr = ''
  let rest = Buffer.alloc(0)
  let chain = Promise.resolve()
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))

  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString('utf8')
  })
  child.stdout?.on('data', (chunk: Buffer) => {
    const buf = Buffer.concat([rest, chunk])
    const events: BinlogEvent[] = []
    let start0 = 0
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, start0)) {
      events.push(...parser.push(buf.toString('latin1', start0, i)))
      start0 = i + 1
    }
    rest = buf.subarray(start0)
    if (events.length === 0) return
    child.stdout?.pause()
    chain = chain
      .then(() => (stopped ? undefined : onEvents(events)))
      .then(() => {
        if (!stopped) child.stdout?.resume()
      })
  })
  void exited.then(() =>
    chain.then(() => {
      if (!stopped) onEnd(binlogErrorText(stderr))
    })
  )
  return {
    pid: child.pid,
    async stop(): Promise<void> {
      stopped = true
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
      await chain.catch(() => undefined)
    }
  }
}
