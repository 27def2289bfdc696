// Go-flavoured error decorations the tools print: pingcap/errors' `%+v` stack after an error message and the
// `errorVerbose` log field. The frames are plausible, not parsed by anyone; what matters is the shape (the first
// line is the message, frames are "function\n\tfile:line").

/** A stack frame: Go function name and `file:line`. */
export type GoFrame = readonly [fn: string, file: string]

const RUNTIME: GoFrame[] = [
  ['runtime.main', '/usr/local/go/src/runtime/proc.go:272'],
  ['runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s:1700']
]

/** `%+v` of a pingcap error: the message, then `function\n\tfile:line` frames ending in the Go runtime. */
export function goStackText(message: string, frames: readonly GoFrame[]): string {
  return message + [...frames, ...RUNTIME].map(([fn, file]) => `\n${fn}\n\t${file}`).join('')
}
