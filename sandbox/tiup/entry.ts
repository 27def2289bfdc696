// Shared ending of the tool entry points: run, then exit with the code once stdout and stderr are flushed
// (a bare process.exit() can cut piped output short).

/** Runs a CLI main function and exits the process with its result; an unexpected throw prints and exits 1. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => exitAfterFlush(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
      exitAfterFlush(1)
    }
  )
}

/** Exits with `code` after pending writes to stdout and stderr have been handed to the OS. */
export function exitAfterFlush(code: number): void {
  let pending = 2
  const done = (): void => {
    if (--pending === 0) process.exit(code)
  }
  process.stdout.write('', done)
  process.stderr.write('', done)
}
