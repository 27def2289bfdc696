// The DM-master stand-in that dmctl talks to. PLACEHOLDER: answers 501 until the Sandbox II work implements it.
import { RequestLog } from '../lib/request-log.js'
import { notImplemented, type RunningServer } from '../lib/http-server.js'

/** Options of the DM-master stand-in. */
export interface DmMasterOptions {
  /** Sandbox directory: sources, tasks and worker checkpoints live under `<dir>/dm/`. */
  readonly dir: string
  readonly port?: number
  /** Environment to read faults and timings from (defaults to process.env). */
  readonly env?: NodeJS.ProcessEnv
}

/** Starts a DM-master on 127.0.0.1; its workers replicate running tasks until close(). */
export function startDmMaster(opts: DmMasterOptions): Promise<RunningServer> {
  return notImplemented('DM-master', new RequestLog('dm', opts.dir), opts.port)
}
