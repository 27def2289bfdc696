// Captures what the action writes to stdout (core.info, ::error:: and other workflow commands) instead of printing it.
import { jest } from '@jest/globals'

/** The captured writes, and how to stop capturing. */
export interface StdoutCapture {
  readonly lines: string[]
  restore(): void
}

/**
 * Starts capturing process.stdout writes.
 * @param onWrite called with each write before it is kept (e.g. to look at files when an error line appears)
 */
export function captureStdout(onWrite?: (text: string) => void): StdoutCapture {
  const lines: string[] = []
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      const text = String(chunk)
      onWrite?.(text)
      lines.push(text)
      return true
    })
  return { lines, restore: () => spy.mockRestore() }
}
