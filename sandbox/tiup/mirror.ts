// The tiup mirror stand-in: an HTTP server (or a directory, for offline use) holding the files tiup downloads:
// `tiup-<os>-<arch>.tar.gz`, `<component>-<version>-<os>-<arch>.tar.gz`, the component manifests `<id>.json`,
// `index.json` and `root.json`. Every request is recorded under the request log piece `mirror`, so a test can count
// downloads ("a warm second run downloads nothing").
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { RequestLog } from '../lib/request-log.js'
import { listen, type RunningServer } from '../lib/http-server.js'
import {
  COMPONENTS,
  LATEST_VERSION,
  PLATFORMS,
  VERSIONS,
  componentManifest,
  componentPackage,
  packageName,
  tiupPackage
} from './components.js'

/** Options of the mirror. */
export interface TiupMirrorOptions {
  /** Sandbox directory (request log under `<dir>/requests/mirror.jsonl`, built tarballs under `<dir>/mirror/`). */
  readonly dir: string
  readonly port?: number
}

/** Every file of the mirror, by name (no leading slash). Built in memory: the packages are tiny launchers. */
export function mirrorFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  const tiup = tiupPackage()
  for (const platform of PLATFORMS) {
    files.set(`tiup-${platform.replace('/', '-')}.tar.gz`, tiup)
  }
  for (const info of Object.values(COMPONENTS)) {
    const packages = new Map<string, Buffer>()
    for (const version of VERSIONS) {
      const data = componentPackage(info, version)
      for (const platform of PLATFORMS) packages.set(packageName(info.id, version, platform), data)
    }
    for (const [name, data] of packages) files.set(name, data)
    files.set(`${info.id}.json`, json(componentManifest(info, packages)))
  }
  files.set(
    'index.json',
    json({
      signed: {
        _type: 'index',
        spec_version: '0.1.0',
        components: Object.fromEntries(
          Object.values(COMPONENTS).map((c) => [
            c.id,
            {
              yanked: false,
              owner: 'pingcap',
              url: `/${c.id}.json`,
              standalone: false,
              hidden: false
            }
          ])
        ),
        default_components: [],
        latest: LATEST_VERSION
      }
    })
  )
  files.set('root.json', json({ signed: { _type: 'root', spec_version: '0.1.0', version: 1 } }))
  return files
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`)
}

/** The operation name a request is recorded under. */
function opOf(name: string): string {
  if (name.startsWith('tiup-')) return 'DownloadTiup'
  if (name.endsWith('.tar.gz')) return 'DownloadComponent'
  return 'GetManifest'
}

/** Writes the mirror's files into a directory (for `tiup mirror set /dir`, offline use). Returns the directory. */
export function buildMirrorDir(dir: string): string {
  mkdirSync(dir, { recursive: true })
  for (const [name, data] of mirrorFiles()) writeFileSync(path.join(dir, name), data)
  return path.resolve(dir)
}

/**
 * Serves `tiup-<os>-<arch>.tar.gz` (an executable `tiup` that runs the sandbox's tiup stand-in) and the component
 * packages `tiup install` fetches, counting downloads in the request log. Unknown files answer 404.
 */
export async function startTiupMirror(opts: TiupMirrorOptions): Promise<RunningServer> {
  const files = mirrorFiles()
  buildMirrorDir(path.join(opts.dir, 'mirror'))
  const log = new RequestLog('mirror', opts.dir)
  return listen(
    (req, res) => {
      const name = decodeURIComponent(new URL(req.url ?? '/', 'http://mirror').pathname).replace(
        /^\/+/,
        ''
      )
      const data = files.get(name)
      if (!data || (req.method !== 'GET' && req.method !== 'HEAD')) {
        log.record('NotFound', 404, false, `/${name}`)
        res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n')
        return
      }
      log.record(opOf(name), 200, false, `/${name}`)
      res.writeHead(200, {
        'content-type': name.endsWith('.json') ? 'application/json' : 'application/x-gzip',
        'content-length': String(data.length)
      })
      res.end(req.method === 'HEAD' ? undefined : data)
    },
    log,
    opts.port
  )
}
