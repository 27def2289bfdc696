// Lightning's status port (`status-addr`, lightning/pkg/server): `/progress/task` (compact JSON as the web UI
// reads it) and `/metrics`. Binding failures are reported with Go's net error text
// (`listen tcp :8289: bind: address already in use`).
import http from 'node:http'
import type { ImportMetrics } from './progress.js'

/** A started status server. */
export interface StatusServer {
  close(): Promise<void>
}

/** Starts listening on a Go-style address (`:8289`, `127.0.0.1:8289`); rejects with Go's listen error text. */
export async function startStatusServer(
  addr: string,
  metrics: ImportMetrics,
  done: () => boolean
): Promise<StatusServer> {
  const colon = addr.lastIndexOf(':')
  const host = addr.slice(0, colon) || '127.0.0.1'
  const port = Number(addr.slice(colon + 1))
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    if (url.startsWith('/progress/task')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          t: {},
          s: done() ? 2 : 1,
          w: metrics.restoredBytes,
          z: metrics.totalBytes
        })
      )
      return
    }
    if (url.startsWith('/metrics')) {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      res.end(
        `# TYPE lightning_rows counter\nlightning_rows{state="restored"} ${metrics.restoredRows}\nlightning_rows{state="total_restore"} ${metrics.totalRows}\n` +
          `# TYPE lightning_tables counter\nlightning_tables{state="completed",result="success"} ${metrics.completedTables}\n`
      )
      return
    }
    if (url === '/') {
      res.writeHead(302, { location: '/web/' }).end()
      return
    }
    res.writeHead(404).end('404 page not found\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      const why =
        e.code === 'EADDRINUSE'
          ? 'bind: address already in use'
          : e.code === 'EACCES'
            ? 'bind: permission denied'
            : e.message
      reject(new Error(`listen tcp ${addr}: ${why}`))
    })
    server.listen(port, host, resolve)
  })
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
