import http from 'node:http'
import type { RequestLog } from './request-log.js'

/** A running HTTP stand-in. */
export interface RunningServer {
  readonly port: number
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly requests: RequestLog
  close(): Promise<void>
}

/** The whole body of a request, as UTF-8 text. */
export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Listens on 127.0.0.1 (a free port unless given) and returns the handle every stand-in exposes. */
export async function listen(
  handler: http.RequestListener,
  requests: RequestLog,
  port = 0
): Promise<RunningServer> {
  const server = http.createServer(handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const address = server.address()
  const bound = typeof address === 'object' && address ? address.port : 0
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/**
 * A placeholder stand-in that answers 501 to everything. Used only while a piece is being built, so the sandbox
 * can start without it; a request to it fails loudly instead of pretending.
 */
export function notImplemented(
  piece: string,
  requests: RequestLog,
  port?: number
): Promise<RunningServer> {
  return listen(
    (req, res) => {
      requests.record(`${req.method ?? ''} ${req.url ?? ''}`, 501, false)
      res
        .writeHead(501, { 'content-type': 'text/plain' })
        .end(`${piece} stand-in is not implemented yet\n`)
    },
    requests,
    port
  )
}
