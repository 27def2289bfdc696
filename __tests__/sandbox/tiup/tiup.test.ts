import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RunningServer } from '../../../sandbox/lib/http-server.js'
import { repoRoot } from '../../../sandbox/lib/paths.js'
import { readRequests } from '../../../sandbox/lib/request-log.js'
import { currentPlatform, packageName } from '../../../sandbox/tiup/components.js'
import { buildMirrorDir, startTiupMirror } from '../../../sandbox/tiup/mirror.js'
import { run } from './helpers.js'

const TIUP = path.join(repoRoot(), 'sandbox', 'bin', 'tiup')
let dir: string
let mirror: RunningServer

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tiup-test-'))
  mirror = await startTiupMirror({ dir })
})
afterAll(async () => {
  await mirror.close()
  rmSync(dir, { recursive: true, force: true })
})

function home(name: string): string {
  return path.join(dir, name)
}
const tiup = (h: string, args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof run> =>
  run(TIUP, args, { env: { TIUP_HOME: h, TIUP_MIRRORS: '', ...env } })
const downloads = (): string[] =>
  readRequests(dir, 'mirror')
    .filter((r) => r.op === 'DownloadComponent')
    .map((r) => r.detail ?? '')

describe('tiup stand-in', () => {
  test('--version prints the current shape', async () => {
    const r = await tiup(home('v'), ['--version'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^1\.16\.\d+ tiup\nGo Version: go[\d.]+\nGit Ref: v1\.16\.\d+\nGitHash: [0-9a-f]{40}\n$/
    )
  })

  test('install downloads each package once; a warm second install downloads nothing', async () => {
    const h = home('install')
    expect((await tiup(h, ['mirror', 'set', mirror.url])).stdout).toBe(
      `Successfully set mirror to ${mirror.url}\n`
    )
    expect(readFileSync(path.join(h, 'tiup.toml'), 'utf8')).toContain(mirror.url)
    const before = downloads().length
    const first = await tiup(h, [
      'install',
      'dumpling:v8.5.1',
      'tidb-lightning:v8.5.1',
      'dmctl:v8.5.1'
    ])
    expect(first.code).toBe(0)
    expect(downloads().slice(before)).toEqual(
      ['dumpling', 'tidb-lightning', 'dmctl'].map(
        (c) => `/${packageName(c, 'v8.5.1', currentPlatform())}`
      )
    )
    expect(first.stderr).toContain(`download ${mirror.url}/dumpling-v8.5.1-`)
    const dmctl = path.join(h, 'components', 'dmctl', 'v8.5.1', 'dmctl', 'dmctl')
    expect(statSync(dmctl).mode & 0o111).toBeTruthy()
    expect(readFileSync(dmctl, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/)
    const second = await tiup(h, [
      'install',
      'dumpling:v8.5.1',
      'tidb-lightning:v8.5.1',
      'dmctl:v8.5.1'
    ])
    expect(second.stdout).toBe(
      'component dumpling version v8.5.1 is already installed\ncomponent tidb-lightning version v8.5.1 is already installed\ncomponent dmctl version v8.5.1 is already installed\n'
    )
    expect(downloads().length).toBe(before + 3)
    const list = await tiup(h, ['list', '--installed'])
    expect(list.stdout.split('\n').slice(0, 3)).toEqual([
      'Available components:',
      'Name            Owner    Description',
      '----            -----    -----------'
    ])
    expect(list.stdout).toContain('\ndmctl           pingcap  ')
    expect((await tiup(h, ['--binary', 'dumpling'])).stdout).toBe(
      `${path.join(h, 'components', 'dumpling', 'v8.5.1', 'dumpling')}\n`
    )
    const missing = await tiup(h, ['--binary', 'dumpling:v7.5.6'])
    expect([missing.code, missing.stderr]).toEqual([
      1,
      'Error: use `tiup install dumpling:v7.5.6` to install specified version: component not installed\n'
    ])
  })

  test('running a component: Starting line with secrets hidden, exit code passed through, no download', async () => {
    const h = home('run')
    await tiup(h, ['mirror', 'set', mirror.url, '--silent'])
    await tiup(h, ['install', 'dumpling:v8.5.1'])
    const before = downloads().length
    const bin = path.join(h, 'components', 'dumpling', 'v8.5.1', 'dumpling')
    const version = await tiup(h, ['dumpling:v8.5.1', '--version'])
    expect(version.code).toBe(0)
    expect(version.stderr).toContain(
      `Starting component dumpling: ${bin} --version\nRelease version: v8.5.1\n`
    )
    const bad = await tiup(h, [
      'dumpling:v8.5.1',
      '--user',
      'root',
      '--password',
      'Secr3t',
      '-pAlsoSecret',
      '--bogus'
    ])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      `Starting component dumpling: ${bin} --user root --password ****** -p****** --bogus\n`
    )
    expect(bad.stderr).toContain(
      'unknown flag: --bogus\nDumpling is a CLI tool that helps you dump MySQL/TiDB data\n'
    )
    expect(bad.stderr).not.toMatch(/Secr3t|AlsoSecret/)
    const parse = await tiup(h, ['dumpling:v8.5.1', '-T', 'nodot'])
    expect(parse.code).toBe(1)
    expect(parse.stdout).toContain(
      'parse arguments failed: failed to parse filter: --tables-list only accepts qualified table names, but `nodot` lacks a dot\n'
    )
    expect(downloads().length).toBe(before)
  })

  test('an unpinned component that is not installed is downloaded (latest) with the real notice', async () => {
    const h = home('auto')
    const r = await tiup(h, ['dumpling', '--version'], { TIUP_MIRRORS: mirror.url })
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('WARNING: both mirror config ()\nand TIUP_MIRRORS')
    expect(r.stderr).toContain(
      'The component `dumpling` version  is not installed; downloading from repository.\n'
    )
    expect(r.stderr).toContain('Release version: v8.5.2\n')
    expect(existsSync(path.join(h, 'components', 'dumpling', 'v8.5.2', 'dumpling'))).toBe(true)
    // the profile now records TIUP_MIRRORS, so the warning is gone; an older pinned install shows the update notice
    await tiup(h, ['install', 'tidb-lightning:v8.5.0'])
    const old = await tiup(h, ['tidb-lightning', '-V'])
    expect(old.stderr).not.toContain('WARNING')
    expect(old.stderr).toContain('A new version of tidb-lightning is available: v8.5.0 -> v8.5.2\n')
    expect(old.stdout).toContain('Release Version: v8.5.0\n')
  })

  test('unknown components and versions fail like tiup', async () => {
    const h = home('unknown')
    await tiup(h, ['mirror', 'set', mirror.url, '--silent'])
    const r = await tiup(h, ['no-such-component'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe(
      'The component `no-such-component` not found (may be deleted from repository); skipped\n'
    )
    expect(r.stderr).toBe(
      'The component `no-such-component` version  is not installed; downloading from repository.\nError: use `tiup install no-such-component` to install component `no-such-component` first: component not installed\n'
    )
    const v = await tiup(h, ['install', 'dumpling:v9.9.9'])
    expect([v.code, v.stderr]).toEqual([
      1,
      `Error: version v9.9.9 on ${currentPlatform()} for component dumpling not found: unknown version\n`
    ])
  })

  test('an offline directory mirror works without HTTP', async () => {
    const h = home('offline')
    const offline = buildMirrorDir(path.join(dir, 'offline-mirror'))
    const requests = readRequests(dir, 'mirror').length
    expect((await tiup(h, ['mirror', 'set', offline])).stdout).toBe(
      `Successfully set mirror to ${offline}\n`
    )
    const r = await tiup(h, ['install', 'dumpling'])
    expect(r.code).toBe(0)
    expect(existsSync(path.join(h, 'components', 'dumpling', 'v8.5.2', 'dumpling'))).toBe(true)
    expect(readRequests(dir, 'mirror').length).toBe(requests)
  })

  test('the mirror serves tiup-<os>-<arch>.tar.gz, whose tiup runs once extracted anywhere; unknown files 404', async () => {
    for (const p of ['linux-amd64', 'linux-arm64', 'darwin-amd64', 'darwin-arm64']) {
      expect((await fetch(`${mirror.url}/tiup-${p}.tar.gz`)).status).toBe(200)
    }
    expect((await fetch(`${mirror.url}/nope.tar.gz`)).status).toBe(404)
    const cache = path.join(dir, 'tool-cache')
    execFileSync('mkdir', ['-p', cache])
    writeFileSync(
      path.join(cache, 't.tar.gz'),
      Buffer.from(await (await fetch(`${mirror.url}/tiup-linux-amd64.tar.gz`)).arrayBuffer())
    )
    execFileSync('tar', ['xzf', 't.tar.gz'], { cwd: cache })
    const r = await run(path.join(cache, 'tiup'), ['--version'], {
      env: { TIUP_HOME: home('cache') }
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^1\.16\.\d+ tiup\n/)
    const ops = readRequests(dir, 'mirror').map((e) => e.op)
    expect(ops).toContain('DownloadTiup')
    expect(ops).toContain('NotFound')
  })
})
