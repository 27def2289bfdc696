// The child of the log-parsing benchmark (log-parsing.ts): `node .build/bench/log-parsing-child.js <file>` streams
// the file through what the import phase runs on Lightning's log — the FileTailer and the run's line sink — and
// prints one JSON line: bytes, time, its own peak RSS. It imports nothing else, so its RSS is the parser's.
import { performance } from 'node:perf_hooks'
import { lightningLineSink } from '../src/tidb/lightning/sink.js'
import { FileTailer } from '../src/util/file-tail.js'

/** What the child prints (one JSON line). */
export interface ChildResult {
  readonly bytes: number
  readonly ms: number
  readonly maxRssKiB: number
  readonly lines: number
  readonly completed: boolean
  readonly echoed: number
}

export async function child(file: string): Promise<void> {
  let echoed = 0
  const sink = lightningLineSink({
    log: { info: () => void echoed++ },
    progress: () => undefined
  })
  const t0 = performance.now()
  const tailer = new FileTailer(file, sink.onLogLine, { filter: sink.logFilter }).start()
  await tailer.stop() // reads to the end, as after Lightning has exited
  const ms = performance.now() - t0
  const result: ChildResult = {
    bytes: tailer.bytesRead,
    ms,
    maxRssKiB: process.resourceUsage().maxRSS,
    lines: sink.monitor.report.lines,
    completed: sink.monitor.report.procedureCompleted,
    echoed
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

const file = process.argv[2]
if (file !== undefined) await child(file)
