// The DM-master stand-in that dmctl talks to. Real dmctl speaks gRPC; the sandbox's dmctl and master share an
// internal HTTP+JSON protocol instead (invisible to the action, which only sees dmctl's output):
//   POST /dm/<Method>  body: the request as JSON  →  200 with the response message as JSON
// Methods: OperateSource, CheckTask, StartTask, OperateTask, QueryStatus, GetCfg. State lives under `<dir>/dm/`.
import type http from 'node:http'
import { DmCluster, type CallFaults } from './cluster.js'
import type { OperateTaskResp } from './pb.js'
import { listen, type RunningServer } from '../lib/http-server.js'
import { RequestLog } from '../lib/request-log.js'
import { fault } from '../lib/faults.js'

/** Options of the DM-master stand-in. */
export interface DmMasterOptions {
  /** Sandbox directory: sources, tasks and worker checkpoints live under `<dir>/dm/`. */
  readonly dir: string
  readonly port?: number
  /** Environment to read faults and timings from (defaults to process.env). */
  readonly env?: NodeJS.ProcessEnv
}

/** A running DM-master: the HTTP handle plus the pids of its binlog readers (for leak checks). */
export interface RunningDmMaster extends RunningServer {
  /** Pids of the `mariadb-binlog` processes the workers run right now. */
  readerPids(): number[]
}

/** The body of every request (fields used by the method called). */
export interface DmRequest {
  op?: string
  configs?: string[]
  sourceIds?: string[]
  task?: string
  name?: string
  errCnt?: number
  warnCnt?: number
  removeMeta?: boolean
  faults?: CallFaults
}

const WRITES = new Set(['OperateSource', 'StartTask', 'OperateTask'])

async function readBody(req: http.IncomingMessage): Promise<DmRequest> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? (JSON.parse(text) as DmRequest) : {}
}

async function dispatch(
  cluster: DmCluster,
  method: string,
  r: DmRequest,
  env: NodeJS.ProcessEnv
): Promise<unknown> {
  const faults: CallFaults = {
    checkTaskFail: !!r.faults?.checkTaskFail || fault('dm-check-task-fail', env) !== undefined,
    ...(r.faults?.taskPausedError !== undefined
      ? { taskPausedError: r.faults.taskPausedError }
      : {})
  }
  const paused = faults.taskPausedError ?? fault('dm-task-paused-error', env)
  if (paused !== undefined) await cluster.injectPausedError(paused)
  switch (method) {
    case 'OperateSource':
      return cluster.operateSource(r.op ?? '', r.configs ?? [], r.sourceIds ?? [])
    case 'CheckTask':
      return cluster.checkTask(r.task ?? '', r.errCnt ?? 10, r.warnCnt ?? 10, faults)
    case 'StartTask':
      return cluster.startTask(r.task ?? '', !!r.removeMeta, faults)
    case 'OperateTask':
      return cluster.operateTask((r.op ?? 'Pause') as OperateTaskResp['op'], r.name ?? '')
    case 'QueryStatus':
      return cluster.queryStatus(r.name ?? '')
    case 'GetCfg':
      return cluster.getConfig(r.op ?? '', r.name ?? '')
    default:
      return undefined
  }
}

/** Starts a DM-master on 127.0.0.1; its workers replicate running tasks until close(). */
export async function startDmMaster(opts: DmMasterOptions): Promise<RunningDmMaster> {
  const env = opts.env ?? process.env
  const requests = new RequestLog('dm', opts.dir)
  const cluster = new DmCluster(opts.dir, env)
  await cluster.restore()
  // One request at a time, like a single scheduler: operations on the same task never interleave.
  let queue = Promise.resolve()
  const server = await listen(
    (req, res) => {
      const method = /^\/dm\/(\w+)$/.exec(req.url ?? '')?.[1] ?? ''
      if (method === 'Ping') {
        // dmctl's connection check (its gRPC dial): answered at once, not recorded.
        req.resume()
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
        return
      }
      queue = queue.then(async () => {
        try {
          const body = await readBody(req)
          const out = await dispatch(cluster, method, body, env)
          const status = out === undefined ? 404 : 200
          const detail = body.name ?? body.op
          requests.record(method || (req.url ?? ''), status, WRITES.has(method), detail)
          res.writeHead(status, { 'content-type': 'application/json' })
          res.end(JSON.stringify(out ?? { error: `unknown method ${method}` }))
        } catch (err) {
          requests.record(method, 500, false, String(err))
          res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err))
        }
      })
    },
    requests,
    opts.port
  )
  return {
    ...server,
    readerPids: () => cluster.readerPids(),
    async close(): Promise<void> {
      await queue
      await cluster.close()
      await server.close()
    }
  }
}
