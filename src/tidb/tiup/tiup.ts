// Getting tiup and the pinned PingCAP components onto the runner, the way setup-go/setup-node install tools:
// find → download → extract → verify the version → cache → add to PATH.
//
// - `tiup-version: auto` uses a tiup already on PATH, else the newest one in the tool cache, else downloads the
//   mirror's current release. `latest` always downloads the current release. `1.16.1` uses the cache or downloads
//   `tiup-v1.16.1-<os>-<arch>.tar.gz` (the mirror names tiup's own tarballs like any component's).
// - TIUP_HOME lives under RUNNER_TOOL_CACHE (unless the job set one), so components downloaded once stay for later
//   jobs on a self-hosted runner; a warm run downloads nothing: the tool cache has tiup, `tiup.toml` already names
//   the mirror, and `tiup --binary <c>:<v>` finds every component.
// - The mirror may be a URL or a local directory (offline/air-gapped runners), as `tiup mirror set` accepts both.
import * as core from '@actions/core'
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import TOML from '@iarna/toml'
import type { Operation } from '../../inputs/types.js'
import { errorMessage } from '../../util/errors.js'
import { runTool, type ToolResult } from '../../util/run-tool.js'
import { componentVersion, parseTiupVersion } from './version.js'
import { logLine } from '../../util/workflow-commands.js'

/**
 * The tool cache and io helpers load with the tiup phase, not at bundle start-up: with semver they are a tenth of
 * the bundle, and a run that stops at its inputs or a DM operation without DM never needs them (the bench's cold-start
 * metric).
 */
const actionsToolkit = async (): Promise<{
  tc: typeof import('@actions/tool-cache')
  io: typeof import('@actions/io')
}> => {
  const [tc, io] = await Promise.all([import('@actions/tool-cache'), import('@actions/io')])
  return { tc, io }
}

/** PingCAP's public mirror, the default of `tiup-mirror` (and of install.sh). */
export const DEFAULT_TIUP_MIRROR = 'https://tiup-mirrors.pingcap.com'

/** The PingCAP components this action runs. */
export type TiupComponent = 'dumpling' | 'tidb-lightning' | 'dmctl'

/** Options of {@link setupTiup}. */
export interface TiupSetupOptions {
  /** `auto`, `latest`, or a version such as `1.16.1` / `v1.16.1`. */
  readonly version: string
  /** Mirror URL or local directory. */
  readonly mirror: string
  /** Components to make available. */
  readonly components: readonly TiupComponent[]
  /** Their version (the `tidb-version` input), e.g. `v8.5.2`. */
  readonly componentVersion: string
  /** Defaults to this process's platform/arch; tests pass others. */
  readonly platform?: NodeJS.Platform
  readonly arch?: string
  /** Where progress goes (logLine by default). */
  readonly log?: (line: string) => void
  readonly signal?: AbortSignal
  /** Deadline of `tiup install`, ms. Default 20 minutes. */
  readonly installTimeoutMs?: number
}

/** What {@link setupTiup} set up. */
export interface TiupSetup {
  /** Absolute path of the tiup binary to run. */
  readonly tiupPath: string
  /** tiup's own version, e.g. `1.16.1`. */
  readonly version: string
  /** Where tiup was found: on PATH, in the tool cache, or freshly downloaded. */
  readonly source: 'path' | 'cache' | 'download'
  readonly tiupHome: string
  /** The mirror as tiup knows it (a directory made absolute). */
  readonly mirror: string
  /** Installed components and their versions. */
  readonly components: Readonly<Partial<Record<TiupComponent, string>>>
}

/**
 * tiup's names for this machine: `linux|darwin` × `amd64|arm64` (what install.sh supports).
 * @throws an error naming the platform and what is supported
 */
export function tiupPlatform(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch
): { os: 'linux' | 'darwin'; arch: 'amd64' | 'arm64' } {
  const tiupOs = platform === 'linux' || platform === 'darwin' ? platform : undefined
  const tiupArch = arch === 'x64' ? 'amd64' : arch === 'arm64' ? 'arm64' : undefined
  if (!tiupOs || !tiupArch) {
    throw new Error(
      `tiup is published for linux and darwin on x64 (amd64) and arm64; this runner is ${platform}/${arch}. ` +
        'Use such a runner, or install tiup yourself, put it on PATH and keep tiup-version: auto.'
    )
  }
  return { os: tiupOs, arch: tiupArch }
}

/**
 * The components an operation needs. `migrate` runs Dumpling and Lightning, and dmctl when DM replication is on;
 * the DM lifecycle operations and `status` need dmctl only when a DM-master is configured; `plan` and `verify` run
 * no tool.
 */
export function componentsForOperation(operation: Operation, dmEnabled: boolean): TiupComponent[] {
  switch (operation) {
    case 'migrate':
      return dmEnabled ? ['dumpling', 'tidb-lightning', 'dmctl'] : ['dumpling', 'tidb-lightning']
    case 'plan':
    case 'verify':
      return []
    case 'status':
    case 'pause':
    case 'resume':
    case 'stop':
      return dmEnabled ? ['dmctl'] : []
  }
}

/**
 * Arguments for running a pinned component through tiup: `tiup <component>:<version> <args…>`. Pinning the version
 * avoids tiup's update check and its network calls (tiup prints `Checking updates for component …` and asks its
 * mirror only when no version is given).
 * @returns the arguments to pass to the tiup binary
 */
export function tiupRunArgs(
  component: TiupComponent,
  version: string,
  args: readonly string[]
): string[] {
  return [`${component}:${componentVersion(version)}`, ...args]
}

function isUrl(mirror: string): boolean {
  return /^https?:\/\//i.test(mirror)
}

/** The mirror as `tiup mirror set` stores it: URLs without a trailing slash, directories absolute. */
function normalizeMirror(mirror: string): string {
  if (isUrl(mirror)) return mirror.replace(/\/+$/, '')
  if (mirror.startsWith('file://')) return fileURLToPath(mirror)
  return path.resolve(mirror)
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0)
  const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** The last `Error: …` line tiup printed, else the last line, for error messages. */
function tiupErrorLine(result: ToolResult): string {
  const errors = result.tail.filter((l) => l.startsWith('Error:'))
  return errors[errors.length - 1] ?? result.tail[result.tail.length - 1] ?? '(no output)'
}

function exitText(result: ToolResult): string {
  return result.signal ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`
}

/** Runs tiup with TIUP_HOME set and returns the result and its stdout lines. */
async function tiup(
  tiupPath: string,
  tiupHome: string,
  args: string[],
  opts: TiupSetupOptions,
  timeoutMs = 120_000
): Promise<{ result: ToolResult; stdout: string[] }> {
  const stdout: string[] = []
  const result = await runTool({
    command: tiupPath,
    args,
    env: { TIUP_HOME: tiupHome },
    timeoutMs,
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    onLine: (line, stream) => {
      if (stream === 'stdout') stdout.push(line)
    }
  })
  return { result, stdout }
}

async function download(
  requested: string,
  mirror: string,
  target: { os: string; arch: string }
): Promise<string> {
  const file = `tiup-${requested === 'latest' ? '' : `v${requested}-`}${target.os}-${target.arch}.tar.gz`
  const what = `tiup ${requested === 'latest' ? '(latest)' : requested}`
  if (!isUrl(mirror)) {
    const local = path.join(mirror, file)
    if (!existsSync(local)) {
      throw new Error(
        `${what} is not available for ${target.os}/${target.arch} at ${mirror}: ${local} does not exist`
      )
    }
    return local
  }
  const url = `${mirror}/${file}`
  const { tc } = await actionsToolkit()
  try {
    return await tc.downloadTool(url)
  } catch (e) {
    if (e instanceof tc.HTTPError && e.httpStatusCode === 404) {
      throw new Error(
        `${what} is not available for ${target.os}/${target.arch} at ${mirror}: ${url} answered HTTP 404`,
        { cause: e }
      )
    }
    throw new Error(`Could not download ${what} from ${url}: ${errorMessage(e)}`, { cause: e })
  }
}

/** Finds or installs the tiup binary. */
async function locateTiup(
  opts: TiupSetupOptions,
  mirror: string,
  log: (line: string) => void
): Promise<{ dir: string; source: TiupSetup['source']; version?: string }> {
  const requested = opts.version.trim().toLowerCase()
  const { tc, io } = await actionsToolkit()
  if (requested === 'auto') {
    const onPath = await io.which('tiup', false)
    if (onPath) {
      log(`Using tiup found on PATH: ${onPath}`)
      return { dir: path.dirname(onPath), source: 'path' }
    }
  }
  const target = tiupPlatform(opts.platform, opts.arch)
  let wanted: string | undefined
  if (requested === 'auto') {
    wanted = tc.findAllVersions('tiup', target.arch).sort(compareVersions).pop()
  } else if (requested !== 'latest') {
    if (!/^v?\d+\.\d+\.\d+/.test(requested)) {
      throw new Error(
        `tiup-version must be auto, latest or a version like 1.16.1; got '${opts.version}'`
      )
    }
    wanted = requested.replace(/^v/, '')
  }
  if (wanted) {
    const cached = tc.find('tiup', wanted, target.arch)
    if (cached) {
      log(`Found tiup ${wanted} in the tool cache: ${cached}`)
      return { dir: cached, source: 'cache', version: wanted }
    }
  }
  const version = requested === 'auto' || requested === 'latest' ? 'latest' : (wanted ?? 'latest')
  log(`Downloading tiup ${version} for ${target.os}/${target.arch} from ${mirror}`)
  const archive = await download(version, mirror, target)
  const extracted = await tc.extractTar(archive)
  if (!existsSync(path.join(extracted, 'tiup'))) {
    throw new Error(`The tiup archive from ${mirror} holds no 'tiup' binary`)
  }
  return { dir: extracted, source: 'download' }
}

/** Whether TIUP_HOME already points at this mirror (tiup keeps it in tiup.toml, the root manifest in bin/). */
function mirrorAlreadySet(tiupHome: string, mirror: string): boolean {
  try {
    const config = TOML.parse(readFileSync(path.join(tiupHome, 'tiup.toml'), 'utf8'))
    return config['mirror'] === mirror && existsSync(path.join(tiupHome, 'bin', 'root.json'))
  } catch {
    return false
  }
}

/**
 * Which of the components are installed, by asking tiup for each binary path. The questions are asked at once:
 * `--binary` only reads the local manifests, and with a warm tool cache these calls are all the setup does
 * (the bench's warm-tiup metric: one process start instead of three).
 */
async function installedComponents(
  tiupPath: string,
  tiupHome: string,
  components: readonly TiupComponent[],
  version: string,
  opts: TiupSetupOptions
): Promise<Set<TiupComponent>> {
  const log = opts.log ?? logLine
  const answers = await Promise.all(
    components.map(async (component) => {
      const spec = `${component}:${version}`
      // A component not installed yet is the expected answer on a cold cache: tiup says so with an `Error:` line and
      // exit 1 (`component not installed`, ErrInstallFirst in pingcap/tiup pkg/environment/env.go). That answer is logged as one plain line; any other
      // failure is logged whole.
      const lines: string[] = []
      const { result, stdout } = await tiup(tiupPath, tiupHome, ['--binary', spec], {
        ...opts,
        log: (line) => lines.push(line)
      })
      const binary = stdout.find((l) => l.trim() !== '')?.trim()
      if (result.exitCode === 0 && binary && existsSync(binary)) return component
      if (lines.some((l) => l.includes('component not installed')))
        log(`${spec}: not installed yet`)
      else for (const line of lines) log(line)
      return undefined
    })
  )
  return new Set(answers.filter((c) => c !== undefined))
}

/**
 * Makes tiup and the pinned components available, downloading only what is missing.
 * @returns where tiup is, its version, TIUP_HOME, the mirror and the installed components
 * @throws with a clear message for an unsupported platform, a version the mirror lacks (HTTP 404), or a tiup
 *         command that fails (quoting tiup's own `Error:` line)
 */
export async function setupTiup(opts: TiupSetupOptions): Promise<TiupSetup> {
  const log = opts.log ?? logLine
  const mirror = normalizeMirror(opts.mirror || DEFAULT_TIUP_MIRROR)
  const tiupHome =
    process.env['TIUP_HOME'] ||
    path.join(process.env['RUNNER_TOOL_CACHE'] || path.join(os.homedir(), '.cache'), 'tiup-home')
  // Exported (not only passed to children) so later steps of the job use the same components.
  core.exportVariable('TIUP_HOME', tiupHome)

  const located = await locateTiup(opts, mirror, log)
  let tiupPath = path.join(located.dir, 'tiup')

  if (mirrorAlreadySet(tiupHome, mirror)) {
    log(`tiup already uses the mirror ${mirror}`)
  } else {
    // Before `tiup --version`: without a root manifest even that fails (tiup#2411).
    const { result } = await tiup(tiupPath, tiupHome, ['mirror', 'set', mirror], opts)
    if (result.exitCode !== 0) {
      throw new Error(`tiup mirror set ${mirror} ${exitText(result)}: ${tiupErrorLine(result)}`)
    }
  }

  const wantedVersion = componentVersion(opts.componentVersion)
  // tiup found on PATH or in the tool cache is where it stays: ask for its version and its components at once (with
  // a warm cache these questions are the whole setup). A downloaded tiup moves into the cache first.
  const early =
    located.source === 'download'
      ? undefined
      : installedComponents(tiupPath, tiupHome, opts.components, wantedVersion, opts)
  early?.catch(() => undefined) // awaited below; a failure of --version first must not leave it unhandled
  let version = located.version
  if (version === undefined) {
    const { result, stdout } = await tiup(tiupPath, tiupHome, ['--version'], opts)
    const info = parseTiupVersion(stdout.join('\n'))
    if (result.exitCode !== 0 || !info) {
      throw new Error(
        `tiup --version ${exitText(result)} without a version: ${tiupErrorLine(result)}`
      )
    }
    version = info.version
  }
  if (located.source === 'download') {
    const target = tiupPlatform(opts.platform, opts.arch)
    const { tc } = await actionsToolkit()
    const cached = await tc.cacheDir(located.dir, 'tiup', version, target.arch)
    tiupPath = path.join(cached, 'tiup')
    log(`Cached tiup ${version} in ${cached}`)
  }
  if (located.source !== 'path') core.addPath(path.dirname(tiupPath))

  const have =
    (await early) ??
    (await installedComponents(tiupPath, tiupHome, opts.components, wantedVersion, opts))
  const missing = opts.components.filter((c) => !have.has(c))
  if (missing.length === 0) {
    if (opts.components.length > 0)
      log(`Components already installed: ${opts.components.join(', ')}`)
  } else {
    const specs = missing.map((c) => `${c}:${wantedVersion}`)
    const { result } = await tiup(
      tiupPath,
      tiupHome,
      ['install', ...specs],
      opts,
      opts.installTimeoutMs ?? 20 * 60_000
    )
    if (result.exitCode !== 0) {
      throw new Error(
        `tiup install ${specs.join(' ')} ${exitText(result)}: ${tiupErrorLine(result)}`
      )
    }
    const now = await installedComponents(tiupPath, tiupHome, missing, wantedVersion, opts)
    const still = missing.filter((c) => !now.has(c))
    if (still.length > 0) {
      throw new Error(
        `tiup install reported success but ${still.map((c) => `${c}:${wantedVersion}`).join(', ')} cannot be found`
      )
    }
  }
  const components: Partial<Record<TiupComponent, string>> = {}
  for (const c of opts.components) components[c] = wantedVersion
  return { tiupPath, version, source: located.source, tiupHome, mirror, components }
}
