// Bounded-memory text plumbing for tool output: split a byte stream into lines, keep the last N of them.
import { StringDecoder } from 'node:string_decoder'

/** Default cap of one line, in characters. A tool that prints megabytes without a newline gets cut, not buffered. */
export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024

/**
 * Splits chunks of a stream into lines, as a terminal would show them:
 * - `\n` ends a line and a trailing `\r` is dropped (`\r\n` endings);
 * - a bare `\r` inside a line is a progress bar redrawing itself: only the text after the last `\r` is kept;
 * - UTF-8 sequences split across chunks are decoded whole;
 * - a line longer than `maxLineLength` is cut there with a note of how much was dropped, and memory stays bounded;
 * - {@link end} emits a last line that had no newline.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8')
  private partial = ''
  private dropped = 0

  /**
   * @param onLine receives each complete line, without its line ending
   * @param maxLineLength longest line kept, in characters
   */
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineLength = DEFAULT_MAX_LINE_LENGTH
  ) {}

  /** Feeds a chunk (bytes or text). */
  push(chunk: Buffer | string): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk)
    let start = 0
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      this.append(text.slice(start, nl))
      this.flush()
      start = nl + 1
    }
    if (start < text.length) this.append(text.slice(start))
  }

  /** Flushes the decoder and emits the last line if it had no newline. */
  end(): void {
    this.append(this.decoder.end())
    if (this.partial.length > 0 || this.dropped > 0) this.flush()
  }

  private append(piece: string): void {
    // A \r followed by more text starts a new frame of a redrawn line: forget the old frame now, so a progress bar
    // that redraws for hours without a newline never fills the line cap with stale frames. (Pieces hold no \n.)
    let frameStart = -1
    if (this.partial.endsWith('\r') && piece.length > 0 && !piece.startsWith('\r')) frameStart = 0
    for (let i = piece.length - 2; i >= 0; i--) {
      if (piece[i] === '\r' && piece[i + 1] !== '\r') {
        frameStart = i + 1
        break
      }
    }
    if (frameStart !== -1) {
      this.partial = ''
      this.dropped = 0
      piece = piece.slice(frameStart)
    }
    if (this.dropped > 0) {
      this.dropped += piece.length
      return
    }
    const room = this.maxLineLength - this.partial.length
    if (piece.length <= room) {
      this.partial += piece
    } else {
      this.partial += piece.slice(0, room)
      this.dropped = piece.length - room
    }
  }

  private flush(): void {
    let line = this.partial.endsWith('\r') ? this.partial.slice(0, -1) : this.partial
    const cr = line.lastIndexOf('\r')
    if (cr !== -1) {
      // Keep what a terminal would finally show; if the redraw ends in \r\r…, keep the last non-empty frame.
      const frames = line.split('\r').filter((f) => f.length > 0)
      line = frames[frames.length - 1] ?? ''
    }
    if (this.dropped > 0) line += ` … [line cut: ${this.dropped} more characters]`
    this.partial = ''
    this.dropped = 0
    this.onLine(line)
  }
}

/** A fixed-capacity FIFO that keeps the newest items: the tail of a log however long the log is. */
export class RingBuffer<T> {
  private readonly items: T[] = []
  private next = 0
  private total = 0

  /** @param capacity how many of the newest items to keep (at least 1) */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`bad ring capacity ${capacity}`)
  }

  /** Adds an item, dropping the oldest when full. */
  push(item: T): void {
    this.total++
    if (this.items.length < this.capacity) {
      this.items.push(item)
    } else {
      this.items[this.next] = item
      this.next = (this.next + 1) % this.capacity
    }
  }

  /** The kept items, oldest first. */
  toArray(): T[] {
    return [...this.items.slice(this.next), ...this.items.slice(0, this.next)]
  }

  /** How many items were ever pushed. */
  get pushed(): number {
    return this.total
  }

  /** How many items were dropped to stay within capacity. */
  get dropped(): number {
    return this.total - this.items.length
  }
}
