// What the sandbox's tiup mirror offers: the tiup binary itself and the components the action runs, each as a
// small Node launcher that imports the compiled sandbox by absolute path (so it keeps working once extracted into a
// tool cache or $TIUP_HOME). Versions and entry paths follow the real mirror: `dumpling` and `tidb-lightning` at
// the package root, dmctl under `dmctl/dmctl` (as in `~/.tiup/components/dmctl/v8.5.2/dmctl/dmctl`).
import path from 'node:path'
import { createHash } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { buildRoot } from '../lib/paths.js'
import { tarGz } from './tar.js'

/** A component the mirror serves. */
export interface ComponentInfo {
  readonly id: string
  readonly description: string
  /** Binary path inside the package (and under `$TIUP_HOME/components/<id>/<version>/`). */
  readonly entry: string
  /** Module under `.build/sandbox/` the launcher imports. */
  readonly module: string
}

/** The components of the sandbox mirror, by id. */
export const COMPONENTS: Readonly<Record<string, ComponentInfo>> = {
  dumpling: {
    id: 'dumpling',
    description: 'Dumpling is a CLI tool that helps you dump MySQL/TiDB data',
    entry: 'dumpling',
    module: 'tiup/dumpling.js'
  },
  'tidb-lightning': {
    id: 'tidb-lightning',
    description:
      'TiDB Lightning is a tool used for fast full import of large amounts of data into a TiDB cluster',
    entry: 'tidb-lightning',
    module: 'tiup/tidb-lightning.js'
  },
  dmctl: {
    id: 'dmctl',
    description: 'dmctl is a command line tool used to control DM cluster',
    entry: 'dmctl/dmctl',
    module: 'dm/dmctl.js'
  }
}

/** Versions every component is published in, oldest first; the last one is the latest stable. */
export const VERSIONS: readonly string[] = ['v7.5.6', 'v8.1.2', 'v8.5.0', 'v8.5.1', 'v8.5.2']

/** The latest stable version (what an unpinned install resolves to). */
export const LATEST_VERSION = VERSIONS[VERSIONS.length - 1] ?? 'v8.5.2'

/** Platforms the mirror builds for, as `<os>/<arch>` in Go's names. */
export const PLATFORMS: readonly string[] = [
  'linux/amd64',
  'linux/arm64',
  'darwin/amd64',
  'darwin/arm64'
]

/** The current machine as a Go `<os>/<arch>` pair (what tiup calls the platform). */
export function currentPlatform(): string {
  const os = process.platform === 'darwin' ? 'darwin' : 'linux'
  const arch = process.arch === 'arm64' ? 'arm64' : 'amd64'
  return `${os}/${arch}`
}

/**
 * A `#!/usr/bin/env node` launcher that runs a compiled sandbox module. It uses only dynamic `import()` so it
 * works both inside the repository (an ES module scope) and extracted anywhere else (CommonJS scope).
 */
export function launcherScript(module: string, env: Readonly<Record<string, string>> = {}): string {
  const url = pathToFileURL(path.join(buildRoot(), module)).href
  const sets = Object.entries(env)
    .map(([k, v]) => `process.env[${JSON.stringify(k)}] = ${JSON.stringify(v)}\n`)
    .join('')
  return `#!/usr/bin/env node\n// aurora-to-tidb sandbox launcher: runs ${module} from the compiled sandbox.\n${sets}import(${JSON.stringify(url)})\n`
}

/** The package file name of a component, as on the real mirror. */
export function packageName(id: string, version: string, platform: string): string {
  const [os, arch] = platform.split('/')
  return `${id}-${version}-${os ?? 'linux'}-${arch ?? 'amd64'}.tar.gz`
}

/** A component package: a gzip tar holding the launcher at its entry path. */
export function componentPackage(info: ComponentInfo, version: string): Buffer {
  const script = Buffer.from(
    launcherScript(info.module, { SANDBOX_TOOL_VERSION: version, SANDBOX_TOOL_NAME: info.id })
  )
  const dirs = path.posix.dirname(info.entry)
  return tarGz([
    ...(dirs === '.' ? [] : [{ name: dirs, type: 'dir' as const }]),
    { name: info.entry, data: script, mode: 0o755 }
  ])
}

/** The tiup package `tiup-<os>-<arch>.tar.gz`: one executable `tiup`. */
export function tiupPackage(): Buffer {
  return tarGz([{ name: 'tiup', data: Buffer.from(launcherScript('tiup/main.js')), mode: 0o755 }])
}

/** The component manifest served as `/<id>.json` (a slim form of the real signed v1 manifest). */
export function componentManifest(
  info: ComponentInfo,
  packages: ReadonlyMap<string, Buffer>
): Record<string, unknown> {
  const platforms: Record<string, Record<string, unknown>> = {}
  for (const platform of PLATFORMS) {
    const versions: Record<string, unknown> = {}
    for (const v of VERSIONS) {
      const url = packageName(info.id, v, platform)
      const data = packages.get(url) ?? Buffer.alloc(0)
      versions[v] = {
        yanked: false,
        url: `/${url}`,
        entry: info.entry,
        released: '2025-01-01T00:00:00+08:00',
        length: data.length,
        hashes: { sha256: createHash('sha256').update(data).digest('hex') }
      }
    }
    platforms[platform] = versions
  }
  return {
    signed: {
      _type: 'component',
      id: info.id,
      description: info.description,
      spec_version: '0.1.0',
      platforms
    }
  }
}
