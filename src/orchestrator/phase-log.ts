// How concurrent phases share one log.
//
// GitHub log groups (`::group::` … `::endgroup::`) cannot nest, and lines written while a group is open land in that
// group. The schema track and the snapshot track run at the same time, so naive logging would put one phase's lines
// inside the other's group. The rule here:
//
// - One phase at a time is LIVE: its group is open and its lines stream as they come. The first phase to start
//   when no group is open becomes live.
// - Phases that start while another is live are BUFFERED: their lines are kept (bounded: the first 500 and the
//   last 2,000 lines, with a count of what was dropped in between).
// - When a buffered phase ends, the live group is closed for a moment, the finished phase is written as its own
//   group (so its log appears when it ends, not hours later), and the live phase's group is reopened as
//   "… (continued)".
// - When the live phase ends, the buffered phase that started first becomes live: its buffer is replayed into its
//   new group and it streams from then on. Long phases therefore usually stream live (the data import runs alone).
// - Every phase's end is one status line outside any group ("✅ Phase 2/6 · Schema export succeeded in 1m 04s").
// - Heartbeats (at least one line a minute per running phase) go straight to the log, labelled with their phase,
//   so the job shows it is alive whatever phase is live; warnings become annotations at once for the same reason.
import * as core from '@actions/core'
import { RingBuffer } from '../util/lines.js'
import { logLine } from '../util/workflow-commands.js'

/** Where log lines and groups go (core by default; tests record them). */
export interface LogSink {
  info(line: string): void
  startGroup(title: string): void
  endGroup(): void
}

/** The real log. */
export const coreSink: LogSink = {
  info: logLine,
  startGroup: (title) => core.startGroup(title),
  endGroup: () => core.endGroup()
}

const HEAD_LINES = 500
const TAIL_LINES = 2000

/** A buffered phase's lines: the first HEAD_LINES, then a ring of the last TAIL_LINES. */
class PhaseBuffer {
  private readonly head: string[] = []
  private readonly tail = new RingBuffer<string>(TAIL_LINES)

  constructor(readonly title: string) {}

  push(line: string): void {
    if (this.head.length < HEAD_LINES) this.head.push(line)
    else this.tail.push(line)
  }

  replay(info: (line: string) => void): void {
    for (const line of this.head) info(line)
    if (this.tail.dropped > 0) {
      info(`… ${this.tail.dropped} lines not kept while this phase ran alongside another …`)
    }
    for (const line of this.tail.toArray()) info(line)
  }
}

/** Routes each phase's lines so that groups never nest or interleave (see the file comment). */
export class PhaseLogs {
  private live: { id: string; title: string } | undefined
  private readonly buffered = new Map<string, PhaseBuffer>()

  /** @param sink where the log goes */
  constructor(private readonly sink: LogSink = coreSink) {}

  /**
   * A phase starts.
   * @param id phase id
   * @param title its group title
   */
  begin(id: string, title: string): void {
    if (this.live === undefined) {
      this.live = { id, title }
      this.sink.startGroup(title)
      return
    }
    this.buffered.set(id, new PhaseBuffer(title))
    this.sink.info(
      `▶ ${title} started alongside; its log follows when it ends or has the log to itself`
    )
  }

  /** A line of a phase's log. */
  write(id: string, line: string): void {
    if (this.live?.id === id) this.sink.info(line)
    else this.buffered.get(id)?.push(line)
  }

  /** A line that must be seen now (heartbeats): written wherever the log is. */
  now(line: string): void {
    this.sink.info(line)
  }

  /**
   * A phase ended.
   * @param id phase id
   * @param statusLine one line saying how it ended, written outside any group
   */
  end(id: string, statusLine: string): void {
    if (this.live?.id === id) {
      this.sink.endGroup()
      this.sink.info(statusLine)
      this.live = undefined
      this.promote()
      return
    }
    const buffer = this.buffered.get(id)
    if (!buffer) return
    this.buffered.delete(id)
    if (this.live) this.sink.endGroup()
    this.sink.startGroup(buffer.title)
    buffer.replay((l) => this.sink.info(l))
    this.sink.endGroup()
    this.sink.info(statusLine)
    if (this.live) this.sink.startGroup(`${this.live.title} (continued)`)
  }

  /** Makes the earliest-started buffered phase live. */
  private promote(): void {
    const next = this.buffered.entries().next()
    if (next.done) return
    const [id, buffer] = next.value
    this.buffered.delete(id)
    this.live = { id, title: buffer.title }
    this.sink.startGroup(buffer.title)
    buffer.replay((l) => this.sink.info(l))
  }
}
