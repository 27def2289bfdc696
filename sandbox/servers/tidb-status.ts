// TiDB's status port and a PD stub, the two HTTP endpoints the action and Lightning's local backend ask before
// importing: `/status` (version), `/settings` (Lightning reads `port` and `path` = PD address from it when
// `tidb.pd-addr` is empty, pingcap/tidb pkg/lightning/config/config.go), and PD's
// `/pd/api/v1/{version,members,status}`.
import { createHash } from 'node:crypto'
import type http from 'node:http'
import { listen, type RunningServer } from '../lib/http-server.js'
import type { RequestLog } from '../lib/request-log.js'

/** The default TiDB version the sandbox pretends to run (the tools' version, `tidb-version` input). */
export const DEFAULT_TIDB_VERSION = 'v8.5.2'

/** Marks a uint64 that must appear in JSON as a bare number, as Go prints it (above 2^53, so not a JS number). */
function u64(digits: string): string {
  return `__u64:${digits}`
}

/** `8.0.11-TiDB-v8.5.2`: the MySQL-compatible version TiDB reports in `/status` and `SELECT VERSION()`. */
export function tidbVersionString(version: string): string {
  return `8.0.11-TiDB-${version}`
}

/** A stable 40-hex git hash per component and version, so repeated runs report the same build. */
export function fakeGitHash(component: string, version: string): string {
  return createHash('sha1').update(`${component}@${version}`).digest('hex')
}

type Route = (url: URL) => unknown

function jsonServer(
  routes: Record<string, Route>,
  requests: RequestLog,
  detail: string,
  port?: number
): Promise<RunningServer> {
  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const route = req.method === 'GET' ? routes[url.pathname] : undefined
    const op = `${req.method ?? 'GET'} ${url.pathname}`
    if (!route) {
      // Go's http.ServeMux answer for an unknown path.
      requests.record(op, 404, false, detail)
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('404 page not found\n')
      return
    }
    requests.record(op, 200, false, detail)
    const body = JSON.stringify(route(url)).replace(/"__u64:(\d+)"/g, '$1')
    res.writeHead(200, { 'content-type': 'application/json' }).end(body)
  }
  return listen(handler, requests, port)
}

/** Options of the TiDB status server. */
export interface TidbStatusOptions {
  readonly requests: RequestLog
  readonly version: string
  /** The SQL port `/settings` reports (the target MariaDB). */
  readonly sqlPort: number
  /** `host:port` of PD, reported as `path` in `/settings`. */
  readonly pdAddr: string
  readonly port?: number
}

/** Starts the status-port stand-in: `/status` and `/settings` as TiDB serves them. */
export async function startTidbStatusServer(opts: TidbStatusOptions): Promise<RunningServer> {
  let statusPort = 0
  const server = await jsonServer(
    {
      // Field order of TiDB's Status struct (pkg/server/http_status.go).
      '/status': () => ({
        connections: 0,
        version: tidbVersionString(opts.version),
        git_hash: fakeGitHash('tidb', opts.version),
        status: { init_stats_percentage: 100 }
      }),
      '/settings': () => tidbSettings(opts, statusPort)
    },
    opts.requests,
    'tidb',
    opts.port
  )
  statusPort = server.port
  return server
}

/** The part of TiDB's config JSON (`/settings`) that clients read, with TiDB's key names. */
function tidbSettings(opts: TidbStatusOptions, statusPort: number): Record<string, unknown> {
  return {
    host: '0.0.0.0',
    'advertise-address': '127.0.0.1',
    port: opts.sqlPort,
    cors: '',
    store: 'tikv',
    path: opts.pdAddr,
    socket: '',
    lease: '45s',
    'split-table': true,
    'token-limit': 1000,
    'temp-dir': '/tmp/tidb',
    'lower-case-table-names': 2,
    'server-version': '',
    'version-comment': '',
    'enable-telemetry': false,
    log: { level: 'info', format: 'text', 'slow-threshold': 300 },
    status: {
      'status-host': '0.0.0.0',
      'metrics-addr': '',
      'status-port': statusPort,
      'metrics-interval': 15,
      'report-status': true,
      'record-db-qps': false
    },
    performance: { 'max-procs': 0, 'stats-lease': '3s', 'txn-total-size-limit': 104857600 },
    security: { 'skip-grant-table': false, 'ssl-ca': '', 'ssl-cert': '', 'ssl-key': '' }
  }
}

/** Options of the PD stub. */
export interface PdStubOptions {
  readonly requests: RequestLog
  readonly version: string
  readonly port?: number
}

/** Starts the PD stub: `/pd/api/v1/version`, `/pd/api/v1/members`, `/pd/api/v1/status`. */
export async function startPdStub(opts: PdStubOptions): Promise<RunningServer> {
  const started = Math.floor(Date.now() / 1000)
  const gitHash = fakeGitHash('pd', opts.version)
  let clientUrl = ''
  const member = (): Record<string, unknown> => ({
    name: 'pd-sandbox',
    member_id: u64('3474484975246189105'),
    peer_urls: ['http://127.0.0.1:2380'],
    client_urls: [clientUrl],
    deploy_path: '/tidb-deploy/pd-2379/bin',
    binary_version: opts.version,
    git_hash: gitHash
  })
  const server = await jsonServer(
    {
      '/pd/api/v1/version': () => ({ version: opts.version }),
      '/pd/api/v1/status': () => ({
        build_ts: '2025-06-12 03:30:04',
        version: opts.version,
        git_hash: gitHash,
        start_timestamp: started
      }),
      '/pd/api/v1/members': () => ({
        header: { cluster_id: u64('7451329468436113456') },
        members: [member()],
        leader: member(),
        etcd_leader: member()
      })
    },
    opts.requests,
    'pd',
    opts.port
  )
  clientUrl = server.url
  return server
}
