// Which lines of Lightning's log file are worth decoding at all. At INFO the log of a big import has a few lines per
// data chunk — millions — that neither the monitor nor the echo acts on; turning them down as bytes, before a string
// is made of them, is what keeps the parser's heap (and the young generation V8 sizes to the allocation rate) small
// on a multi-GiB log (the bench's log-parsing goal: ≤ 64 MiB RSS).
//
// The test locates the timestamp, level, caller and message exactly as locateZapHead (log-line.ts) does on text; the
// delimiters are ASCII, and a UTF-8 multi-byte sequence never contains an ASCII byte, so bytes and text agree. It
// turns a line down only when it is sure: a zap line at INFO or DEBUG whose quoted message starts with none of the
// prefixes the monitor (messages.ts) or the echo (echo.ts) look for. Anything else — other
// levels, unquoted messages (`[progress]`, `[-]`), typographic quotes, prefixes, damaged lines — is decoded and
// goes through the full parser.
import { ECHOED_MESSAGES } from './echo.js'
import { MONITORED_MESSAGES } from './messages.js'

/** The prefixes, grouped by first byte. */
const BY_FIRST_BYTE: readonly (readonly Buffer[])[] = (() => {
  const groups: Buffer[][] = Array.from({ length: 256 }, () => [])
  for (const prefix of new Set([...MONITORED_MESSAGES, ...ECHOED_MESSAGES])) {
    const bytes = Buffer.from(prefix)
    groups[bytes[0] ?? 0]?.push(bytes)
  }
  return groups
})()

const INFO = Buffer.from('INFO] [')
const DEBUG = Buffer.from('DEBUG] [')

/** Whether `buf[at, end)` starts with `text`. */
function startsWith(buf: Buffer, at: number, end: number, text: Buffer): boolean {
  if (end - at < text.length) return false
  for (let i = 0; i < text.length; i++) if (buf[at + i] !== text[i]) return false
  return true
}

/** The index just after the next `] [` in `buf[from, end)`, or -1. */
function afterNextField(buf: Buffer, from: number, end: number): number {
  for (let i = from; i < end - 2; i++) {
    if (buf[i] === 0x5d && buf[i + 1] === 0x20 && buf[i + 2] === 0x5b) return i + 3
  }
  return -1
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39
}

/**
 * Whether the log-file line `buf[start, end)` must be decoded and handed to the run's line sink; false only for a
 * zap line at INFO or DEBUG whose quoted message no consumer acts on.
 */
export function lightningLineWanted(buf: Buffer, start: number, end: number): boolean {
  // `[2006/01/02 15:04:05.000 +00:00] [INFO] [caller.go:1] ["message"] [key=value]…`
  if (buf[start] !== 0x5b || buf[start + 5] !== 0x2f) return true
  if (!isDigit(buf[start + 1]) || !isDigit(buf[start + 2]) || !isDigit(buf[start + 3])) return true
  if (!isDigit(buf[start + 4])) return true
  const level = afterNextField(buf, start + 1, end)
  if (level < 0) return true
  let message: number
  if (startsWith(buf, level, end, INFO)) message = level + INFO.length
  else if (startsWith(buf, level, end, DEBUG)) message = level + DEBUG.length
  else return true
  if (buf[message] !== 0x22) {
    if (buf[message] === 0xe2) return true // perhaps a typographic quote: the text path normalises it
    message = afterNextField(buf, message, end) // past the caller
    if (message < 0 || buf[message] !== 0x22) return true
  }
  const first = buf[message + 1]
  if (first === undefined || message + 1 >= end) return true
  for (const prefix of BY_FIRST_BYTE[first] ?? []) {
    if (startsWith(buf, message + 1, end, prefix)) return true
  }
  return false
}
