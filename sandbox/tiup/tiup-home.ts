// $TIUP_HOME as the real tiup lays it out: `tiup.toml` (the mirror address), `components/<id>/<version>/…`,
// `bin/`, `data/<tag>/` for running instances; and the mirror client (HTTP URL or local directory).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** The public mirror, used when nothing else is configured (unreachable from the sandbox, as it should be). */
export const DEFAULT_MIRROR = 'https://tiup-mirrors.pingcap.com'

/** `$TIUP_HOME`, default `~/.tiup`. */
export function tiupHome(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['TIUP_HOME'] || path.join(os.homedir(), '.tiup'))
}

function profileFile(home: string): string {
  return path.join(home, 'tiup.toml')
}

/** The mirror recorded by `tiup mirror set` (`mirror = "…"` in tiup.toml), or undefined. */
export function configuredMirror(home: string): string | undefined {
  try {
    const m = /^\s*mirror\s*=\s*"([^"]*)"/m.exec(readFileSync(profileFile(home), 'utf8'))
    return m?.[1] || undefined
  } catch {
    return undefined
  }
}

/** Records the mirror address in tiup.toml. */
export function saveMirror(home: string, mirror: string): void {
  mkdirSync(home, { recursive: true })
  writeFileSync(profileFile(home), `mirror = ${JSON.stringify(mirror)}\n`)
}

/**
 * The effective mirror: `TIUP_MIRRORS` wins over the profile (and is saved, with the real warning when they
 * differ), then the profile, then the public default.
 */
export function effectiveMirror(
  home: string,
  env: NodeJS.ProcessEnv,
  warn: (line: string) => void
): string {
  const fromEnv = env['TIUP_MIRRORS']
  const configured = configuredMirror(home)
  if (fromEnv) {
    if (configured !== fromEnv) {
      warn(
        `WARNING: both mirror config (${configured ?? ''})\nand TIUP_MIRRORS (${fromEnv}) have been set.\nSetting mirror to TIUP_MIRRORS (${fromEnv})`
      )
      saveMirror(home, fromEnv)
    }
    return fromEnv
  }
  return configured ?? DEFAULT_MIRROR
}

/** Versions of a component installed under $TIUP_HOME (directories that are not empty), unsorted. */
export function installedVersions(home: string, component: string): string[] {
  const dir = path.join(home, 'components', component)
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && readdirSync(path.join(dir, d.name)).length > 0)
    .map((d) => d.name)
}

/** Installed component ids, sorted. */
export function installedComponents(home: string): string[] {
  const dir = path.join(home, 'components')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
}

function parts(v: string): { nums: number[]; pre: string } {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?/.exec(v)
  return {
    nums: [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0), Number(m?.[3] ?? 0)],
    pre: m?.[4] ?? ''
  }
}

/** Semantic-version comparison (`v8.5.2` > `v8.5.2-rc` > `v8.5.1`). */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a)
  const pb = parts(b)
  for (let i = 0; i < 3; i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0)
    if (d) return d
  }
  if (pa.pre === pb.pre) return 0
  if (!pa.pre) return 1
  if (!pb.pre) return -1
  return pa.pre < pb.pre ? -1 : 1
}

/** The error of a failed mirror fetch, worded like tiup's download errors. */
export class MirrorError extends Error {}

/** Fetches one file from a mirror (HTTP URL or local directory). `undefined` when it does not exist. */
export async function fetchFromMirror(mirror: string, name: string): Promise<Buffer | undefined> {
  if (/^https?:\/\//.test(mirror)) {
    const url = `${mirror.replace(/\/+$/, '')}/${name}`
    let res: Response
    try {
      res = await fetch(url)
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause
      throw new MirrorError(
        `download from ${url} failed: ${cause?.code === 'ECONNREFUSED' ? `dial tcp ${new URL(url).host}: connect: connection refused` : (cause?.message ?? String(err))}`
      )
    }
    if (res.status === 404) return undefined
    if (!res.ok)
      throw new MirrorError(`download from ${url} failed: ${res.status} ${res.statusText}`)
    return Buffer.from(await res.arrayBuffer())
  }
  try {
    return await readFile(path.join(mirror, name))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new MirrorError(`open ${path.join(mirror, name)}: ${(err as Error).message}`)
  }
}
