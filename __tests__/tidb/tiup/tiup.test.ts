import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import {
  componentsForOperation,
  setupTiup,
  tiupPlatform,
  tiupRunArgs,
  type TiupSetupOptions
} from '../../../src/tidb/tiup/tiup.js'
import { fixturePath } from '../../helpers/paths.js'
import { tempDir, withEnv } from '../../helpers/env.js'

const platform = tiupPlatform()
const suffix = `${platform.os}-${platform.arch}.tar.gz`

/** Files the mirror serves, by URL path, and how often each was requested. */
const served = new Map<string, Buffer>()
const requests = new Map<string, number>()
let server: http.Server
let mirror: string
let fixtureDir: { dir: string; remove: () => void }

function requestCount(): number {
  return [...requests.values()].reduce((a, b) => a + b, 0)
}

/** Packs the fixture tiup (reporting `version`) into a tarball with the system tar. */
function packTiup(version: string): Buffer {
  const staging = path.join(fixtureDir.dir, `staging-${version}`)
  mkdirSync(staging, { recursive: true })
  copyFileSync(fixturePath('tiup.mjs'), path.join(staging, 'tiup'))
  chmodSync(path.join(staging, 'tiup'), 0o755)
  writeFileSync(path.join(staging, 'VERSION'), `${version}\n`)
  const archive = path.join(fixtureDir.dir, `tiup-${version}.tar.gz`)
  execFileSync('tar', ['-czf', archive, '-C', staging, 'tiup', 'VERSION'])
  return readFileSync(archive)
}

beforeAll(async () => {
  fixtureDir = tempDir('tiup-mirror-')
  served.set(`/tiup-${suffix}`, packTiup('1.16.2'))
  served.set(`/tiup-v1.16.1-${suffix}`, packTiup('1.16.1'))
  served.set('/root.json', Buffer.from('{"signed":{"_type":"root"}}'))
  for (const c of ['dumpling', 'tidb-lightning', 'dmctl']) {
    served.set(`/${c}-v8.5.2-${suffix}`, Buffer.from(`${c} payload`))
  }
  server = http.createServer((req, res) => {
    const url = req.url ?? ''
    requests.set(url, (requests.get(url) ?? 0) + 1)
    const body = served.get(url)
    res.writeHead(body ? 200 : 404).end(body ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  fixtureDir.remove()
})

/** A fresh runner: its own temp, tool cache, env/path files and a PATH without tiup. */
function freshRunner(): { root: string; restore: () => void; newJob: () => void } {
  const t = tempDir('tiup-runner-')
  for (const f of ['env', 'path']) writeFileSync(path.join(t.dir, f), '')
  mkdirSync(path.join(t.dir, 'temp'))
  const basePath = [path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter)
  const restoreEnv = withEnv({
    RUNNER_TEMP: path.join(t.dir, 'temp'),
    RUNNER_TOOL_CACHE: path.join(t.dir, 'tool-cache'),
    GITHUB_ENV: path.join(t.dir, 'env'),
    GITHUB_PATH: path.join(t.dir, 'path'),
    TIUP_HOME: undefined,
    PATH: basePath
  })
  return {
    root: t.dir,
    // A later job on the same self-hosted runner: same tool cache, but PATH and TIUP_HOME start clean again.
    newJob: () => {
      process.env['PATH'] = basePath
      delete process.env['TIUP_HOME']
    },
    restore: () => {
      restoreEnv()
      t.remove()
    }
  }
}

/** Runs a test body on a fresh runner and always cleans it up. */
async function withRunner(
  body: (runner: ReturnType<typeof freshRunner>) => Promise<void>
): Promise<void> {
  const runner = freshRunner()
  try {
    await body(runner)
  } finally {
    runner.restore()
  }
}

function options(over: Partial<TiupSetupOptions> = {}): TiupSetupOptions {
  return {
    version: '1.16.1',
    mirror,
    components: ['dumpling', 'tidb-lightning'],
    componentVersion: 'v8.5.2',
    log: () => undefined,
    ...over
  }
}

describe('setupTiup', () => {
  beforeEach(() => requests.clear())

  test('cold: downloads the pinned tiup, sets the mirror, installs the components; warm: downloads nothing', async () => {
    await withRunner(async (runner) => {
      const lines: string[] = []
      const cold = await setupTiup(options({ log: (l) => lines.push(l) }))
      expect(cold.source).toBe('download')
      // tiup's "component not installed" answer to the probe is one plain line each, not an error in the log
      expect(lines).toContain('dumpling:v8.5.2: not installed yet')
      expect(lines.filter((l) => /^Error:|exit(ed)? (with )?code 1/.test(l))).toEqual([])
      expect(cold.version).toBe('1.16.1')
      expect(cold.tiupHome).toBe(path.join(runner.root, 'tool-cache', 'tiup-home'))
      expect(cold.tiupPath).toBe(
        path.join(runner.root, 'tool-cache', 'tiup', '1.16.1', platform.arch, 'tiup')
      )
      expect(cold.mirror).toBe(mirror)
      expect(cold.components).toEqual({ dumpling: 'v8.5.2', 'tidb-lightning': 'v8.5.2' })
      expect(Object.fromEntries(requests)).toEqual({
        [`/tiup-v1.16.1-${suffix}`]: 1,
        '/root.json': 1,
        [`/dumpling-v8.5.2-${suffix}`]: 1,
        [`/tidb-lightning-v8.5.2-${suffix}`]: 1
      })
      // Later steps of the job see tiup on PATH and the same TIUP_HOME.
      expect(readFileSync(path.join(runner.root, 'path'), 'utf8')).toContain(
        path.dirname(cold.tiupPath)
      )
      expect(readFileSync(path.join(runner.root, 'env'), 'utf8')).toContain(cold.tiupHome)

      runner.newJob()
      requests.clear()
      const warm = await setupTiup(options())
      expect(warm.source).toBe('cache')
      expect(warm.tiupPath).toBe(cold.tiupPath)
      expect(warm.components).toEqual(cold.components)
      expect(requestCount()).toBe(0)
    })
  })

  test('auto: downloads the current release when there is no tiup, then reuses the cached one', async () => {
    await withRunner(async (runner) => {
      const cold = await setupTiup(options({ version: 'auto', components: ['dmctl'] }))
      expect(cold.source).toBe('download')
      expect(cold.version).toBe('1.16.2')
      expect(requests.get(`/tiup-${suffix}`)).toBe(1)
      expect(requests.get(`/dmctl-v8.5.2-${suffix}`)).toBe(1)

      runner.newJob()
      requests.clear()
      const warm = await setupTiup(options({ version: 'auto', components: ['dmctl'] }))
      expect([warm.source, warm.version]).toEqual(['cache', '1.16.2'])
      expect(requestCount()).toBe(0)

      // In the same job the cached tiup is on PATH now, and auto takes it from there.
      const again = await setupTiup(options({ version: 'auto', components: ['dmctl'] }))
      expect(again.source).toBe('path')
      expect(again.tiupPath).toBe(warm.tiupPath)
      expect(requestCount()).toBe(0)
    })
  })

  test('latest always asks the mirror for the current release', async () => {
    await withRunner(async (runner) => {
      await setupTiup(options({ version: 'latest', components: [] }))
      runner.newJob()
      const second = await setupTiup(options({ version: 'latest', components: [] }))
      expect(second.version).toBe('1.16.2')
      expect(requests.get(`/tiup-${suffix}`)).toBe(2)
    })
  })

  test('installs only the component that is missing', async () => {
    await withRunner(async () => {
      await setupTiup(options())
      requests.clear()
      const more = await setupTiup(
        options({ components: ['dumpling', 'tidb-lightning', 'dmctl'], version: 'v1.16.1' })
      )
      expect(Object.fromEntries(requests)).toEqual({ [`/dmctl-v8.5.2-${suffix}`]: 1 })
      expect(more.components).toEqual({
        dumpling: 'v8.5.2',
        'tidb-lightning': 'v8.5.2',
        dmctl: 'v8.5.2'
      })
    })
  })

  test('works offline from a local mirror directory', async () => {
    await withRunner(async (runner) => {
      const local = path.join(runner.root, 'offline-mirror')
      mkdirSync(local)
      for (const [name, body] of served) writeFileSync(path.join(local, name.slice(1)), body)
      const setup = await setupTiup(options({ mirror: local, componentVersion: '8.5.2' }))
      expect([setup.source, setup.version, setup.mirror]).toEqual(['download', '1.16.1', local])
      expect(setup.components).toEqual({ dumpling: 'v8.5.2', 'tidb-lightning': 'v8.5.2' })
      expect(requestCount()).toBe(0)
    })
  })

  test('a tiup version the mirror does not have fails with a clear message', async () => {
    await withRunner(async (runner) => {
      await expect(setupTiup(options({ version: '9.9.9' }))).rejects.toThrow(
        `tiup 9.9.9 is not available for ${platform.os}/${platform.arch} at ${mirror}: ` +
          `${mirror}/tiup-v9.9.9-${suffix} answered HTTP 404`
      )
      const local = path.join(runner.root, 'empty-mirror')
      mkdirSync(local)
      await expect(setupTiup(options({ mirror: local }))).rejects.toThrow(
        `tiup 1.16.1 is not available for ${platform.os}/${platform.arch} at ${local}: ` +
          `${path.join(local, `tiup-v1.16.1-${suffix}`)} does not exist`
      )
    })
  })

  test('a component version the mirror does not have fails with tiup’s own error line', async () => {
    await withRunner(async () => {
      await expect(setupTiup(options({ componentVersion: 'v0.0.1' }))).rejects.toThrow(
        'tiup install dumpling:v0.0.1 tidb-lightning:v0.0.1 exited with code 1: Error: component `dumpling` not found'
      )
    })
  })

  test('a mirror without a root manifest fails at mirror set', async () => {
    await withRunner(async (runner) => {
      const local = path.join(runner.root, 'no-root-mirror')
      mkdirSync(local)
      writeFileSync(
        path.join(local, `tiup-v1.16.1-${suffix}`),
        served.get(`/tiup-v1.16.1-${suffix}`) ?? ''
      )
      await expect(setupTiup(options({ mirror: local }))).rejects.toThrow(
        `tiup mirror set ${local} exited with code 1: Error: Fetch remote root.json returns http code 404`
      )
    })
  })

  test('rejects a malformed tiup-version', async () => {
    await withRunner(async () => {
      await expect(setupTiup(options({ version: 'newest' }))).rejects.toThrow(
        "tiup-version must be auto, latest or a version like 1.16.1; got 'newest'"
      )
    })
  })

  test.each([
    ['win32', 'x64'],
    ['linux', 'ia32'],
    ['freebsd', 'arm64']
  ] as const)(
    'an unsupported runner (%s/%s) gets a clear error before any download',
    async (os, arch) => {
      await withRunner(async () => {
        await expect(setupTiup(options({ platform: os, arch }))).rejects.toThrow(
          `tiup is published for linux and darwin on x64 (amd64) and arm64; this runner is ${os}/${arch}.`
        )
        expect(requestCount()).toBe(0)
      })
    }
  )
})

describe('tiup helpers', () => {
  test('tiupPlatform maps node names to tiup names', () => {
    expect(tiupPlatform('linux', 'x64')).toEqual({ os: 'linux', arch: 'amd64' })
    expect(tiupPlatform('darwin', 'arm64')).toEqual({ os: 'darwin', arch: 'arm64' })
  })

  test('tiupRunArgs pins the component version', () => {
    expect(tiupRunArgs('tidb-lightning', '8.5.2', ['-config', 'x.toml'])).toEqual([
      'tidb-lightning:v8.5.2',
      '-config',
      'x.toml'
    ])
    expect(tiupRunArgs('dmctl', 'v8.5.2', [])).toEqual(['dmctl:v8.5.2'])
  })

  test.each([
    ['migrate', false, ['dumpling', 'tidb-lightning']],
    ['migrate', true, ['dumpling', 'tidb-lightning', 'dmctl']],
    ['plan', true, []],
    ['status', true, ['dmctl']],
    ['pause', false, []],
    ['resume', true, ['dmctl']],
    ['stop', true, ['dmctl']]
  ] as const)('componentsForOperation(%s, dm=%s)', (op, dm, expected) => {
    expect(componentsForOperation(op, dm)).toEqual(expected)
  })
})
