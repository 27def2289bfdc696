import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { goFlagUsage, parseGoFlags, GoFlagError } from '../../../../sandbox/tiup/go-flag.js'
import {
  adjustConfig,
  LIGHTNING_FLAGS,
  loadGlobalConfig,
  loadTaskConfig,
  MustExit
} from '../../../../sandbox/tiup/lightning/config.js'
import { checkKeys } from '../../../../sandbox/tiup/lightning/config-keys.js'
import { LightningError } from '../../../../sandbox/tiup/lightning/errors.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightning-config-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function toml(name: string, text: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, text)
  return file
}

function must(fn: () => unknown): MustExit {
  try {
    fn()
  } catch (e) {
    if (e instanceof MustExit) return e
    throw e
  }
  throw new Error('expected config.Must to exit')
}

describe('Go flag parsing', () => {
  test('-flag, --flag, -flag=value; parsing stops at the first argument', () => {
    const v = parseGoFlags(
      [
        '--config',
        'a.toml',
        '-d=s3://b/p',
        '-enable-checkpoint=false',
        '-f',
        'x.*',
        '-f',
        'y.*',
        'rest',
        '-V'
      ],
      LIGHTNING_FLAGS
    )
    expect(v.get('config')).toBe('a.toml')
    expect(v.get('d')).toBe('s3://b/p')
    expect(v.get('enable-checkpoint')).toBe('false')
    expect(v.get('f')).toEqual(['x.*', 'y.*'])
    expect(v.has('V')).toBe(false)
  })

  test.each([
    [['-nope'], 'flag provided but not defined: -nope'],
    [['-config'], 'flag needs an argument: -config'],
    [['-tidb-port', 'x'], 'invalid value "x" for flag -tidb-port: parse error'],
    [
      ['-check-requirements=maybe'],
      'invalid boolean value "maybe" for -check-requirements: parse error'
    ]
  ])('%j → %s', (argv, message) => {
    expect(() => parseGoFlags(argv, LIGHTNING_FLAGS)).toThrow(new GoFlagError(message))
  })

  test('usage is Go PrintDefaults: sorted, short bools on one line', () => {
    const usage = goFlagUsage(LIGHTNING_FLAGS)
    expect(usage.startsWith('Usage:\n')).toBe(true)
    expect(usage).toContain('\n  -V\tprint version of lightning\n')
    expect(usage).toContain('\n  -backend string\n    \tdelivery backend: local, tidb, remote\n')
    expect(usage).toContain(
      '\n  -enable-checkpoint\n    \twhether to enable checkpoints (default true)\n'
    )
  })
})

describe('startup config (config.Must: stdout, exit 2)', () => {
  test('an unknown flag prints Go usage on stderr and the wrapped error on stdout', () => {
    const e = must(() => loadGlobalConfig(['-nope'], 'v'))
    expect(e.code).toBe(2)
    expect(e.stdout).toBe(
      '[Lightning:Common:ErrInvalidArgument]invalid argument: flag provided but not defined: -nope\n'
    )
    expect(e.stderr).toMatch(/^flag provided but not defined: -nope\nUsage:\n/)
  })

  test('-V prints the build info and exits 0; a missing file and broken TOML exit 2', () => {
    expect(must(() => loadGlobalConfig(['-V'], 'Release Version: v8.5.2\n'))).toMatchObject({
      code: 0,
      stdout: 'Release Version: v8.5.2\n'
    })
    const missing = path.join(dir, 'missing.toml')
    expect(must(() => loadGlobalConfig(['-config', missing], 'v')).stdout).toBe(
      `[Lightning:Config:ErrReadConfigFile]cannot read config file '${missing}': open ${missing}: no such file or directory\n`
    )
    // the documented template with its placeholders filled in verbatim: `user = "root` never closes its string
    const documented = toml(
      'documented.toml',
      '[tidb]\nhost = "127.0.0.1"\nport = 4000\nuser = "root\npassword = "pw"\n'
    )
    const e = must(() => loadGlobalConfig(['-config', documented], 'v'))
    expect(e.code).toBe(2)
    expect(e.stdout).toBe(
      `[Lightning:Config:ErrParseConfigFile]parse config file '${documented}' failed: toml: line 4 (last key "tidb.user"): strings cannot contain newlines\n`
    )
    const bare = toml('bare.toml', '[tidb]\nhost = 127.0.0.1\n')
    expect(must(() => loadGlobalConfig(['-config', bare], 'v')).stdout).toMatch(
      /^\[Lightning:Config:ErrParseConfigFile\]parse config file '.*bare\.toml' failed: toml: line 2 \(last key "tidb\.host"\): /
    )
    const wrongType = toml('type.toml', '[tidb]\nport = "4000"\n')
    expect(must(() => loadGlobalConfig(['-config', wrongType], 'v')).stdout).toContain(
      'toml: line 2 (last key "tidb.port"): incompatible types: TOML value has type string; destination has type integer'
    )
  })

  test('log file: flag, then [lightning] file, else a timestamped file in the temp dir', () => {
    const empty = toml('empty.toml', '')
    const g = loadGlobalConfig(['-config', empty], 'v', new Date(2024, 0, 2, 3, 4, 5))
    expect(g.logFile).toMatch(
      new RegExp(
        `^${os.tmpdir().replace(/[/\\.]/g, '\\$&')}/lightning\\.log\\.2024-01-02T03\\.04\\.05(Z|[+-]\\d{4})$`
      )
    )
    expect(
      loadGlobalConfig(['-config', toml('f.toml', '[lightning]\nfile = "-"\n')], 'v').logFile
    ).toBe('-')
    expect(loadGlobalConfig(['-config', empty, '-log-file', '/x.log'], 'v').logFile).toBe('/x.log')
  })
})

describe('per-task config (LoadFromTOML)', () => {
  test('keys unknown to both structs are fatal, in document order; global-only keys only warn', () => {
    const file = toml(
      'unknown.toml',
      '[lightning]\nlevel = "info"\nfile = "-"\nbogus = 1\n[tikv-importer]\nbackend = "local"\nsorted-kv-dirs = "/x"\n[mydumper]\ndata-source-dir = "/x"\n[[mydumper.files]]\npattern = "a"\nschemaa = "$1"\n[newsection]\nk = 1\n'
    )
    const g = loadGlobalConfig(['-config', file], 'v')
    expect(() => loadTaskConfig(g)).toThrow(
      new LightningError(
        'config file contained unknown configuration options: lightning.bogus, tikv-importer.sorted-kv-dirs, mydumper.files.schemaa, newsection, newsection.k'
      )
    )
    const ok = loadTaskConfig(
      loadGlobalConfig(
        [
          '-config',
          toml(
            'ok.toml',
            '[lightning]\nlevel = "info"\nfile = "-"\nstatus-addr = ":8289"\n[tidb]\nlog-level = "error"\n'
          )
        ],
        'v'
      )
    )
    expect(ok.globalOnly).toEqual([
      'lightning.level',
      'lightning.file',
      'lightning.status-addr',
      'tidb.log-level'
    ])
  })

  test("every key of PingCAP's documented procedure, of pkg/lightning/config and of the max-error table is known", () => {
    const doc = {
      tidb: {
        host: 'h',
        port: 4000,
        user: 'u',
        password: 'p',
        'status-port': 10080,
        'pd-addr': 'a:2379',
        'session-vars': { anything: 1 },
        security: { 'ca-path': '' }
      },
      'tikv-importer': {
        backend: 'local',
        'sorted-kv-dir': '/x',
        'logical-import-batch-size': '96KiB',
        'pause-pd-scheduler-scope': 'table'
      },
      mydumper: {
        'data-source-dir': 's3://b/p',
        files: [{ pattern: 'p', schema: '$1', table: '$2', type: '$3' }],
        csv: { header: true },
        filter: ['*.*']
      },
      checkpoint: {
        enable: true,
        driver: 'file',
        dsn: '/tmp/x.pb',
        'keep-after-success': 'origin'
      },
      'post-restore': { checksum: 'required', analyze: false },
      cron: { 'log-progress': '1s' },
      conflict: { strategy: 'replace', threshold: 10 },
      lightning: { 'max-error': { type: 10, conflict: 5 }, level: 'debug' }
    }
    expect(checkKeys(doc).unknown).toEqual([])
    expect(checkKeys({ lightning: { 'max-error': { syntax: 1 } } }).unknown).toEqual([
      'lightning.max-error.syntax'
    ])
    expect(checkKeys({ conflict: { strategy: 'x' } }, ['conflict.strategy']).unknown).toEqual([
      'conflict.strategy'
    ])
  })

  test('defaults and overrides from flags', () => {
    const g = loadGlobalConfig(
      [
        '-config',
        toml('d.toml', '[tidb]\nport = 4000\n[mydumper]\ndata-source-dir = "/data"\n'),
        '-backend',
        'tidb',
        '-tidb-password',
        'sekret',
        '-checksum',
        'off'
      ],
      'v'
    )
    const { cfg } = loadTaskConfig(g)
    expect(cfg.importer.backend).toBe('tidb')
    expect(cfg.tidb).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      user: 'root',
      password: 'sekret',
      statusPort: 10080
    })
    expect(cfg.postRestore).toEqual({ checksum: 'off', analyze: 'optional', compact: false })
    expect(cfg.cron.logProgress).toBe(300_000)
    expect(cfg.checkpoint).toMatchObject({
      enable: true,
      driver: 'file',
      schema: 'tidb_lightning_checkpoint',
      keepAfterSuccess: 'remove'
    })
    expect(cfg.mydumper.filter[0]).toBe('*.*')
  })
})

describe('Adjust', () => {
  const task = (text: string): ReturnType<typeof loadTaskConfig>['cfg'] =>
    loadTaskConfig(loadGlobalConfig(['-config', toml('adj.toml', text)], 'v')).cfg
  test.each([
    [
      '[mydumper]\ndata-source-dir = "/tmp"\n',
      '[Lightning:Config:ErrInvalidConfig]tikv-importer.backend must not be empty!'
    ],
    [
      '[tikv-importer]\nbackend = "importer"\n',
      '[Lightning:Config:ErrInvalidConfig]unsupported `tikv-importer.backend` (importer)'
    ],
    [
      '[tikv-importer]\nbackend = "local"\n',
      '[Lightning:Config:ErrInvalidConfig]tikv-importer.sorted-kv-dir must not be empty!'
    ],
    [
      '[tikv-importer]\nbackend = "tidb"\n[tidb]\nport = 4000\n',
      '[Lightning:Config:ErrInvalidConfig]`mydumper.data-source-dir` is not set'
    ],
    [
      '[tikv-importer]\nbackend = "tidb"\n[mydumper]\ndata-source-dir = "/nope/x"\n',
      "[Lightning:Config:ErrInvalidConfig]'/nope/x': `mydumper.data-source-dir` does not exist"
    ],
    [
      '[tikv-importer]\nbackend = "tidb"\n[mydumper]\ndata-source-dir = "ftp://x/y"\n',
      "[Lightning:Config:ErrInvalidConfig]unsupported data-source-dir url 'ftp://x/y', supported storage types are file,local,s3,noop,gcs,gs"
    ],
    [
      '[tikv-importer]\nbackend = "tidb"\n[mydumper]\ndata-source-dir = "/tmp"\n',
      '[Lightning:Config:ErrInvalidConfig]invalid `tidb.port` setting'
    ],
    [
      '[tikv-importer]\nbackend = "tidb"\n[tidb]\nport = 4000\ntls = "bad"\n[mydumper]\ndata-source-dir = "/tmp"\n',
      '[Lightning:Config:ErrInvalidConfig]unsupported `tidb.tls` config bad'
    ]
  ])('%j → %s', async (text, message) => {
    await expect(adjustConfig(task(text))).rejects.toThrow(new LightningError(message))
  })

  test('local backend without pd-addr asks TiDB /settings on the status port', async () => {
    const server = http.createServer((req, res) => {
      res.writeHead(req.url === '/settings' ? 200 : 404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ port: 4123, path: '127.0.0.1:2379' }))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as { port: number }).port
    try {
      const cfg = task(
        `[tikv-importer]\nbackend = "local"\nsorted-kv-dir = "${dir}"\n[tidb]\nstatus-port = ${port}\n[mydumper]\ndata-source-dir = "${dir}"\n`
      )
      await adjustConfig(cfg)
      expect(cfg.tidb.port).toBe(4123)
      expect(cfg.tidb.pdAddr).toBe('127.0.0.1:2379')
      expect(cfg.mydumper.sourceDir).toBe(`file://${dir}`)
      expect(cfg.conflict.strategy).toBe('')
    } finally {
      server.close()
    }
    const down = task(
      `[tikv-importer]\nbackend = "local"\nsorted-kv-dir = "${dir}"\n[tidb]\nstatus-port = ${port}\n[mydumper]\ndata-source-dir = "${dir}"\n`
    )
    await expect(adjustConfig(down)).rejects.toThrow(
      new LightningError(
        `[Lightning:Config:ErrInvalidConfig]cannot fetch settings from TiDB, please manually fill in \`tidb.port\` and \`tidb.pd-addr\`: Get "http://127.0.0.1:${port}/settings": dial tcp 127.0.0.1:${port}: connect: connection refused`
      )
    )
  })

  test('tidb backend: checksum and analyze off, conflict strategy error; checkpoint dsn in the temp dir', async () => {
    const cfg = task(
      `[tikv-importer]\nbackend = "tidb"\n[tidb]\nport = 4000\n[mydumper]\ndata-source-dir = "${dir}"\n`
    )
    await adjustConfig(cfg)
    expect(cfg.postRestore.checksum).toBe('off')
    expect(cfg.conflict.strategy).toBe('error')
    expect(path.basename(cfg.checkpoint.dsn)).toBe('tidb_lightning_checkpoint.pb')
  })
})
