// Lightning's error texts: normalized errors print as `[Lightning:<Area>:<Code>]message`, with a wrapped cause
// appended after `: ` (e.g. `[Lightning:Checkpoint:ErrOpenCheckpoint]open checkpoint error: Error 1045 …`).

/** An error whose message is exactly what Lightning prints. */
export class LightningError extends Error {
  constructor(
    message: string,
    /** Set when the run was cancelled (context canceled), which main treats as a clean exit. */
    readonly canceled = false
  ) {
    super(message)
  }
}

/** Builds `[Lightning:Area:Code]message[: cause]`. */
export function lightningError(code: string, message: string, cause?: string): LightningError {
  return new LightningError(`[${code}]${message}${cause ? `: ${cause}` : ''}`)
}

/** The error a cancelled run ends with. */
export function canceledError(): LightningError {
  return new LightningError('context canceled', true)
}

/** The text of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
