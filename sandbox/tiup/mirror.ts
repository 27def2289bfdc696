// The tiup mirror stand-in. PLACEHOLDER: answers 501 until the Sandbox II work implements it.
import { RequestLog } from '../lib/request-log.js'
import { notImplemented, type RunningServer } from '../lib/http-server.js'

/** Options of the mirror. */
export interface TiupMirrorOptions {
  /** Sandbox directory (request log under `<dir>/requests/mirror.jsonl`, built tarballs under `<dir>/mirror/`). */
  readonly dir: string
  readonly port?: number
}

/**
 * Serves `tiup-<os>-<arch>.tar.gz` (an executable `tiup` that runs the sandbox's tiup stand-in) and the component
 * packages `tiup install` fetches, counting downloads in the request log.
 */
export function startTiupMirror(opts: TiupMirrorOptions): Promise<RunningServer> {
  return notImplemented('tiup mirror', new RequestLog('mirror', opts.dir), opts.port)
}
