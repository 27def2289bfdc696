// The action's own cancellation: the runner cancels a step by sending SIGINT to the node process only, waiting
// 7.5 s, sending SIGTERM, waiting 2.5 s, then killing the whole process tree (actions/runner ProcessInvoker.cs).
// Node's default for those signals is to exit at once, which would skip the report and leave tools running without
// a chance to stop cleanly. So the first subscriber installs handlers that turn the signals into callbacks: run()
// aborts its phases, and every running tool forwards the signal to its child.
//
// The handlers stay installed once set: removing them later would restore "exit immediately" in the middle of
// writing the report.

/** The signals the runner uses to cancel a step. */
export type ActionSignal = 'SIGINT' | 'SIGTERM'

const SIGNALS: readonly ActionSignal[] = ['SIGINT', 'SIGTERM']
const listeners = new Set<(signal: ActionSignal) => void>()
let installed = false

function dispatch(signal: ActionSignal): void {
  for (const listener of [...listeners]) {
    try {
      listener(signal)
    } catch {
      // A listener that throws must not stop the others from hearing the signal.
    }
  }
}

/**
 * Calls `listener` each time the action process receives SIGINT or SIGTERM, until the returned function is called.
 * Installs the process handlers on first use.
 * @param listener receives the signal name
 * @returns unsubscribe
 */
export function onActionSignal(listener: (signal: ActionSignal) => void): () => void {
  if (!installed) {
    installed = true
    for (const signal of SIGNALS) process.on(signal, () => dispatch(signal))
  }
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
