// The tiup stand-in's command line: `tiup <component>[:version] args…`, `install`, `list`, `mirror set`,
// `--version`, `--binary`. Output, wording and exit codes follow pingcap/tiup 1.16 (cmd/root.go, pkg/exec/run.go,
// pkg/environment/env.go, pkg/repository/v1_repository.go): tiup's own errors print `Error: …` on stderr and exit 1;
// a component's exit code is passed through.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { COMPONENTS, currentPlatform } from './components.js'
import { RequestLog } from '../lib/request-log.js'
import { hideSensitiveInfo } from './redact.js'
import { untarGz } from './tar.js'
import {
  MirrorError,
  compareVersions,
  effectiveMirror,
  fetchFromMirror,
  installedComponents,
  installedVersions,
  saveMirror,
  tiupHome
} from './tiup-home.js'
import { printTable } from './text-table.js'

/** The tiup version the stand-in reports (`tiup --version` first line). */
export const TIUP_VERSION = '1.16.4'
const GO_VERSION = 'go1.23.12'
const GIT_HASH = createHash('sha1')
  .update(`aurora-to-tidb sandbox tiup ${TIUP_VERSION}`)
  .digest('hex')

/** `tiup --version` output (current shape: `1.16.4 tiup`, then Go Version / Git Ref / GitHash). */
export function versionText(): string {
  return `${TIUP_VERSION} tiup\nGo Version: ${GO_VERSION}\nGit Ref: v${TIUP_VERSION}\nGitHash: ${GIT_HASH}\n`
}

const HELP = `TiUP is a command-line component management tool that can help to download and install
TiDB platform components to the local system. You can run a specific version of a component via
"tiup <component>[:version]". If no version number is specified, the latest version installed
locally will be used. If the specified component does not have any version installed locally,
the latest stable version will be downloaded from the repository.

Usage:
  tiup [flags] <command> [args...]
  tiup [flags] <component> [args...]

Available Commands:
  install     Install a specific version of a component
  list        List the available TiDB components or versions
  mirror      Manage a repository mirror for TiUP components
  help        Help about any command

Flags:
      --binary <component>[:version]   Print binary path of a specific version of a component <component>[:version]
                                       and the latest version installed will be selected if no version specified
      --binpath string                 Specify the binary path of component instance
  -h, --help                           help for tiup
  -T, --tag string                     [Deprecated] Specify a tag for component instance
  -v, --version                        Print the version of tiup

Component instances with the same "tag" will share a data directory ($TIUP_HOME/data/$tag):
  $ tiup --tag mycluster playground

Examples:
  $ tiup playground                    # Quick start
  $ tiup install <component>[:version] # Install a component of specific version
  $ tiup list                          # Fetch the latest supported components list

Use "tiup [command] --help" for more information about a command.
`

/** A failure of tiup itself: printed as `Error: <message>`, exit 1. */
class TiupError extends Error {}

interface Context {
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  readonly platform: string
  mirror: string
}

interface Manifest {
  readonly signed: {
    readonly platforms: Record<
      string,
      Record<string, { url: string; entry: string; yanked: boolean }>
    >
  }
}

function out(s: string): void {
  process.stdout.write(s)
}
function err(s: string): void {
  process.stderr.write(s)
}

/** `<component>[:version]` → parts (tiup's ParseCompVersion). */
export function parseCompVersion(spec: string): { component: string; version: string } {
  const i = spec.indexOf(':')
  return i < 0
    ? { component: spec, version: '' }
    : { component: spec.slice(0, i), version: spec.slice(i + 1) }
}

function notInstalled(component: string, version: string): TiupError {
  return new TiupError(
    version
      ? `use \`tiup install ${component}:${version}\` to install specified version: component not installed`
      : `use \`tiup install ${component}\` to install component \`${component}\` first: component not installed`
  )
}

/** The installed version to run: the pinned one if installed, else the newest stable installed. */
function selectInstalled(ctx: Context, component: string, version: string): string | undefined {
  const versions = installedVersions(ctx.home, component).sort((a, b) => compareVersions(b, a))
  if (version) return versions.includes(version) ? version : undefined
  return versions.find((v) => !v.includes('-')) ?? versions[0]
}

function binaryPath(ctx: Context, component: string, version: string): string {
  const entry = COMPONENTS[component]?.entry ?? component
  return path.join(ctx.home, 'components', component, version, entry)
}

async function manifest(ctx: Context, component: string): Promise<Manifest | undefined> {
  const data = await fetchFromMirror(ctx.mirror, `${component}.json`)
  return data ? (JSON.parse(data.toString('utf8')) as Manifest) : undefined
}

function latestStable(m: Manifest, platform: string): string | undefined {
  return Object.keys(m.signed.platforms[platform] ?? {})
    .filter((v) => !v.includes('-'))
    .sort(compareVersions)
    .pop()
}

function humanSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let v = n
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return u === 0 ? `${n} B` : `${v.toFixed(2)} ${units[u]}`
}

/** Installs the given specs (tiup's UpdateComponents): downloads, extracts, reports per spec. */
async function installComponents(
  ctx: Context,
  specs: readonly string[],
  force: boolean
): Promise<void> {
  const errors: string[] = []
  for (const spec of specs) {
    const { component, version: wanted } = parseCompVersion(spec)
    const m = await manifest(ctx, component)
    if (!m) {
      out(`The component \`${component}\` not found (may be deleted from repository); skipped\n`)
      continue
    }
    const version = wanted || latestStable(m, ctx.platform)
    if (!version) {
      errors.push(`component ${component} doesn't have any stable version on ${ctx.platform}`)
      continue
    }
    if (!force && installedVersions(ctx.home, component).includes(version)) {
      out(`component ${component} version ${version} is already installed\n`)
      continue
    }
    const item = m.signed.platforms[ctx.platform]?.[version]
    if (!item) {
      errors.push(
        `version ${version} on ${ctx.platform} for component ${component} not found: unknown version`
      )
      continue
    }
    const name = item.url.replace(/^\//, '')
    const data = await fetchFromMirror(ctx.mirror, name)
    const where = /^https?:/.test(ctx.mirror)
      ? `${ctx.mirror.replace(/\/+$/, '')}/${name}`
      : path.join(ctx.mirror, name)
    if (!data) {
      errors.push(`download from ${where} failed: 404 Not Found`)
      continue
    }
    err(`download ${where} ${humanSize(data.length)} / ${humanSize(data.length)}\n`)
    const target = path.join(ctx.home, 'components', component, version)
    rmSync(target, { recursive: true, force: true })
    for (const entry of untarGz(data)) {
      const file = path.join(target, entry.name)
      if (entry.type === 'dir') {
        mkdirSync(file, { recursive: true })
        continue
      }
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, entry.data ?? Buffer.alloc(0))
      chmodSync(file, entry.mode ?? 0o644)
    }
  }
  if (errors.length) throw new TiupError(errors.join('\n'))
}

/** Prints tiup's "A new version … is available" notice when the mirror has a newer stable version. */
async function checkUpdate(ctx: Context, component: string): Promise<void> {
  const selected = selectInstalled(ctx, component, '')
  if (!selected) return
  let latest: string | undefined
  try {
    const m = await Promise.race([
      manifest(ctx, component),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 2000).unref())
    ])
    latest = m && latestStable(m, ctx.platform)
  } catch {
    return // like tiup: a failed update check is silent
  }
  if (latest && compareVersions(selected, latest) < 0) {
    err(
      `\nA new version of ${component} is available: ${selected} -> ${latest}\n\n    To update this component:   tiup update ${component}\n    To update all components:   tiup update --all\n\n`
    )
  }
}

const SIGNAL_NAMES: Record<string, string> = {
  SIGHUP: 'hangup',
  SIGINT: 'interrupt',
  SIGTERM: 'terminated',
  SIGQUIT: 'quit'
}

async function runComponent(
  ctx: Context,
  spec: string,
  args: readonly string[],
  tag: string
): Promise<number> {
  const { component, version } = parseCompVersion(spec)
  if (!version) await checkUpdate(ctx, component)
  let selected = selectInstalled(ctx, component, version)
  if (!selected) {
    err(
      `The component \`${component}\` version ${version} is not installed; downloading from repository.\n`
    )
    await installComponents(ctx, [spec], false)
    selected = selectInstalled(ctx, component, version)
    if (!selected) throw notInstalled(component, version)
  }
  const bin = binaryPath(ctx, component, selected)
  const instanceTag = tag || randomBytes(6).toString('base64url')
  const instanceDir = ctx.env['TIUP_INSTANCE_DATA_DIR'] || path.join(ctx.home, 'data', instanceTag)
  const clean = !tag && !ctx.env['TIUP_INSTANCE_DATA_DIR']
  const storage = path.join(ctx.home, 'storage', component)
  mkdirSync(instanceDir, { recursive: true })
  mkdirSync(storage, { recursive: true })
  const env = {
    TIUP_HOME: ctx.home,
    TIUP_USER_INPUT_VERSION: version,
    TIUP_VERSION: TIUP_VERSION,
    TIUP_COMPONENT_DATA_DIR: storage,
    TIUP_COMPONENT_INSTALL_DIR: path.dirname(bin),
    TIUP_WORK_DIR: process.cwd(),
    TIUP_TAG: instanceTag,
    TIUP_INSTANCE_DATA_DIR: instanceDir,
    ...ctx.env
  }
  err(`Starting component ${component}: ${hideSensitiveInfo([bin, ...args]).join(' ')}\n`)
  const child = spawn(bin, [...args], { stdio: 'inherit', env })
  logArgv(ctx.env, 'StartComponent', [bin, ...args])
  const forward = (signal: NodeJS.Signals): void => {
    err(
      `Got signal ${SIGNAL_NAMES[signal] ?? signal} (Component: ${component} ; PID: ${child.pid ?? 0})\n`
    )
    if (signal !== 'SIGINT') child.kill(signal)
  }
  const signals: NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGQUIT']
  for (const s of signals) process.on(s, forward)
  try {
    return await new Promise<number>((resolve, reject) => {
      child.once('error', (e) =>
        reject(new TiupError(`Failed to start component \`${component}\`: ${e.message}`))
      )
      child.once('exit', (code) => resolve(code ?? 255)) // killed by a signal: Go's ExitCode() is -1 → 255
    })
  } finally {
    for (const s of signals) process.off(s, forward)
    if (clean) rmSync(instanceDir, { recursive: true, force: true })
  }
}

async function list(ctx: Context, args: readonly string[]): Promise<void> {
  const installedOnly = args.includes('--installed')
  const component = args.find((a) => !a.startsWith('-'))
  if (component) {
    const m = await manifest(ctx, component)
    if (!m) throw new TiupError(`failed to fetch component: unknown component`)
    const installed = installedVersions(ctx.home, component)
    const rows = Object.keys(m.signed.platforms[ctx.platform] ?? {})
      .sort(compareVersions)
      .filter((v) => !installedOnly || installed.includes(v))
      .map((v) => [
        v,
        installed.includes(v) ? 'YES' : '',
        '2025-01-01T00:00:00+08:00',
        ctx.platform
      ])
    out(`Available versions for ${component}:\n`)
    out(printTable([['Version', 'Installed', 'Release', 'Platforms'], ...rows]))
    return
  }
  const installed = installedComponents(ctx.home)
  const ids = Object.keys(COMPONENTS).sort()
  const rows = ids
    .filter((id) => !installedOnly || installed.includes(id))
    .map((id) => [id, 'pingcap', COMPONENTS[id]?.description ?? ''])
  out('Available components:\n')
  out(printTable([['Name', 'Owner', 'Description'], ...rows]))
}

function mirrorSet(ctx: Context, args: readonly string[]): void {
  const silent = args.includes('--silent')
  const reset = args.includes('--reset')
  const positional = args.filter((a) => !a.startsWith('-'))
  if (!reset && positional.length !== 1) {
    out('Set mirror address\n\nUsage:\n  tiup mirror set <mirror-addr> [flags]\n')
    return
  }
  let addr = reset ? 'https://tiup-mirrors.pingcap.com' : (positional[0] ?? '')
  if (!addr.startsWith('http')) addr = path.resolve(addr)
  saveMirror(ctx.home, addr)
  if (!silent) out(`Successfully set mirror to ${addr}\n`)
}

/**
 * Records a command line as the process list shows it, unredacted (piece `tiup`, op `Exec` for tiup itself,
 * `StartComponent` for the component it starts; detail: the argv as JSON), so tests can prove which secrets reached
 * an argv. Sandbox bookkeeping only: real tiup keeps no such log. Needs SANDBOX_DIR (nothing is logged without it).
 */
function logArgv(env: NodeJS.ProcessEnv, op: string, argv: readonly string[]): void {
  const dir = env['SANDBOX_DIR']
  if (dir) new RequestLog('tiup', dir).record(op, 0, false, JSON.stringify(argv))
}

/** Runs tiup with the given arguments (without `tiup` itself) and returns the exit code. */
export async function runTiup(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env
): Promise<number> {
  logArgv(env, 'Exec', ['tiup', ...argv])
  const home = tiupHome(env)
  const ctx: Context = { home, env, platform: currentPlatform(), mirror: '' }
  const first = argv[0]
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      out(HELP)
      return 0
    }
    if (first === '--version' || first === '-v') {
      out(versionText())
      return 0
    }
    if (first === 'mirror') {
      if (argv[1] === 'set') {
        mirrorSet(ctx, argv.slice(2))
        return 0
      }
      ctx.mirror = effectiveMirror(home, env, (l) => err(`${l}\n`))
      if (argv[1] === 'show') {
        out(`${ctx.mirror}\n`)
        return 0
      }
      throw new TiupError(`unknown command "${argv[1] ?? ''}" for "tiup mirror"`)
    }
    ctx.mirror = effectiveMirror(home, env, (l) => err(`${l}\n`))
    switch (first) {
      case 'install': {
        const specs = argv.slice(1).filter((a) => a !== '--force')
        if (!specs.length) {
          out(
            'Install a specific version of a component\n\nUsage:\n  tiup install <component1>[:version] [component2...N] [flags]\n'
          )
          return 0
        }
        await installComponents(ctx, specs, argv.includes('--force'))
        return 0
      }
      case 'list':
        await list(ctx, argv.slice(1))
        return 0
      case '--binary': {
        const spec = argv[1]
        if (spec === undefined) throw new TiupError(`flag needs an argument: --binary`)
        const { component, version } = parseCompVersion(spec)
        const selected = selectInstalled(ctx, component, version)
        if (!selected) throw notInstalled(component, version)
        out(`${binaryPath(ctx, component, selected)}\n`)
        return 0
      }
    }
    let args = [...argv]
    let tag = ''
    if (args[0] === '--tag' || args[0] === '-T') {
      if (args.length < 2) throw new TiupError(`flag ${args[0]} needs an argument`)
      tag = args[1] ?? ''
      args = args.slice(2)
    }
    const spec = args[0]
    if (spec === undefined) {
      out(HELP)
      return 0
    }
    args = args.slice(1)
    if (args[0] === '--') args = args.slice(1)
    if (!existsSync(home)) mkdirSync(home, { recursive: true })
    return await runComponent(ctx, spec, args, tag)
  } catch (e) {
    if (e instanceof TiupError || e instanceof MirrorError) {
      err(`Error: ${e.message}\n`)
      return 1
    }
    throw e
  }
}
