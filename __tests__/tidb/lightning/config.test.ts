import TOML from '@iarna/toml'
import {
  redactToml,
  lightningHasSessionVars,
  PARQUET_SESSION_VARS,
  renderLightningToml,
  s3DataSourceUri,
  type LightningTomlOptions
} from '../../../src/tidb/lightning/config.js'
import { auroraFileRules } from '../../../src/tidb/lightning/aurora-rules.js'

// Every key of pingcap/tidb pkg/lightning/config (config.go, global.go), transcribed section by section. Lightning
// aborts on any other key.
const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  // `DBStore.Vars` (toml "session-vars"): a free map of session variables; these are the ones the action sets.
  'tidb.session-vars': ['time_zone'],
  lightning: [
    'level',
    'file',
    'max-size',
    'max-days',
    'max-backups',
    'enable-diagnose-logs',
    'status-addr',
    'pprof-port',
    'server-mode',
    'check-requirements',
    'table-concurrency',
    'index-concurrency',
    'region-concurrency',
    'io-concurrency',
    'meta-schema-name',
    'task-info-schema-name',
    'max-error',
    'max-error-records'
  ],
  checkpoint: ['enable', 'schema', 'driver', 'dsn', 'keep-after-success'],
  tidb: [
    'host',
    'port',
    'user',
    'password',
    'status-port',
    'pd-addr',
    'log-level',
    'sql-mode',
    'tls',
    'security',
    'max-allowed-packet',
    'distsql-scan-concurrency',
    'build-stats-concurrency',
    'index-serial-scan-concurrency',
    'checksum-table-concurrency',
    'session-vars'
  ],
  security: ['ca-path', 'cert-path', 'key-path', 'redact-info-log'],
  'tikv-importer': [
    'backend',
    'sorted-kv-dir',
    'on-duplicate',
    'duplicate-resolution',
    'incremental-import',
    'parallel-import',
    'disk-quota',
    'range-concurrency',
    'send-kv-pairs',
    'send-kv-size',
    'compress-kv-pairs',
    'region-split-size',
    'region-split-keys',
    'region-split-batch-size',
    'region-split-concurrency',
    'region-check-backoff-limit',
    'keyspace-name',
    'add-index-by-sql',
    'engine-mem-cache-size',
    'local-writer-mem-cache-size',
    'store-write-bwlimit',
    'logical-import-batch-size',
    'logical-import-batch-rows',
    'pause-pd-scheduler-scope',
    'block-size',
    'max-kv-pairs',
    'addr',
    'logical-import-prep-stmt'
  ],
  conflict: ['strategy', 'precheck-conflict-before-import', 'threshold', 'max-record-rows'],
  mydumper: [
    'data-source-dir',
    'no-schema',
    'filter',
    'character-set',
    'data-character-set',
    'data-invalid-char-replace',
    'case-sensitive',
    'strict-format',
    'max-region-size',
    'read-block-size',
    'batch-size',
    'batch-import-ratio',
    'source-id',
    'ignore-data-columns',
    'csv',
    'default-file-rules',
    'files'
  ],
  'mydumper.files': ['pattern', 'path', 'schema', 'table', 'type', 'key', 'compression'],
  'post-restore': [
    'checksum',
    'analyze',
    'level-1-compact',
    'compact',
    'post-process-at-last',
    'checksum-via-sql'
  ],
  cron: ['switch-mode', 'log-progress', 'check-disk-quota']
}

/** `section.key` paths of a parsed document; array-of-tables entries as `section.array.key`. */
function keyPaths(doc: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(doc)) {
    const path = prefix ? `${prefix}.${k}` : k
    if (Array.isArray(v) && v.every((e) => typeof e === 'object' && e !== null)) {
      for (const e of v) out.push(...keyPaths(e as Record<string, unknown>, path))
    } else if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)) {
      out.push(...keyPaths(v as Record<string, unknown>, path))
    } else {
      out.push(path)
    }
  }
  return out
}

const PASSWORD = `p"a'ss\\w0rd [x]=y #z`

const full: LightningTomlOptions = {
  tidb: {
    host: '10.0.0.5',
    port: 4000,
    user: 'root',
    password: PASSWORD,
    statusPort: 10080,
    pdAddr: '10.0.0.6:2379'
  },
  backend: 'local',
  sessionVars: PARQUET_SESSION_VARS,
  sortedKvDir: '/runner/temp/sorted-kv',
  dataSourceDir: s3DataSourceUri('my-bucket', 'migrate/export/run-1', {
    endpoint: 'http://127.0.0.1:9000',
    region: 'us-east-1',
    forcePathStyle: true
  }),
  files: auroraFileRules([
    { database: 'shop', table: 'order.items' },
    { database: 'crm', table: 'Customer Notes' }
  ]).rules,
  filter: ['shop.*', 'crm.*', '!crm.tmp_*'],
  checkpoint: { enable: true, dsn: '/runner/temp/run-1/data.pb', keepAfterSuccess: 'remove' },
  log: { file: '/runner/temp/run-1/lightning-data.log', level: 'info' },
  checkRequirements: false,
  logProgress: '30s',
  checksum: 'required'
}

describe('renderLightningToml', () => {
  test('every key it can emit is a key of pkg/lightning/config', () => {
    const variants: LightningTomlOptions[] = [
      full,
      { ...full, backend: 'tidb', sortedKvDir: undefined, files: [] },
      { ...full, checkpoint: { enable: false, dsn: '' } }
    ]
    for (const v of variants) {
      const paths = keyPaths(TOML.parse(renderLightningToml(v)))
      expect(paths.length).toBeGreaterThan(10)
      for (const p of paths) {
        const dot = p.lastIndexOf('.')
        expect(KNOWN_KEYS[p.slice(0, dot)] ?? []).toContain(p.slice(dot + 1))
      }
    }
  })

  test('values survive TOML quoting: password, regex backslashes, URI, filter, integers', () => {
    const text = renderLightningToml(full)
    const doc = TOML.parse(text) as Record<string, Record<string, unknown>>
    expect(doc['tidb']).toEqual({
      host: '10.0.0.5',
      port: 4000,
      user: 'root',
      password: PASSWORD,
      'status-port': 10080,
      'pd-addr': '10.0.0.6:2379',
      'session-vars': { time_zone: '+00:00' }
    })
    expect(doc['tikv-importer']).toEqual({
      backend: 'local',
      'sorted-kv-dir': '/runner/temp/sorted-kv'
    })
    expect(doc['mydumper']?.['data-source-dir']).toBe(
      's3://my-bucket/migrate/export/run-1?endpoint=http%3A%2F%2F127.0.0.1%3A9000&region=us-east-1&force-path-style=true'
    )
    expect(doc['mydumper']?.['filter']).toEqual(['shop.*', 'crm.*', '!crm.tmp_*'])
    expect(doc['mydumper']?.['files']).toEqual(full.files?.map((r) => ({ ...r })))
    expect(doc['checkpoint']).toEqual({
      enable: true,
      driver: 'file',
      dsn: '/runner/temp/run-1/data.pb',
      'keep-after-success': 'remove'
    })
    expect(doc['lightning']).toEqual({
      file: '/runner/temp/run-1/lightning-data.log',
      level: 'info',
      'check-requirements': false
    })
    expect(doc['cron']).toEqual({ 'log-progress': '30s' })
    expect(doc['post-restore']).toEqual({ checksum: 'required' })
    expect(text).toMatch(/^port = 4000$/m)
    expect(text).not.toMatch(/\d_\d/)
  })

  test('pd-addr is omitted when undefined; the tidb backend has no sorted-kv-dir', () => {
    const text = renderLightningToml({
      ...full,
      backend: 'tidb',
      tidb: { ...full.tidb, pdAddr: undefined }
    })
    const doc = TOML.parse(text) as Record<string, Record<string, unknown>>
    expect(doc['tidb']).not.toHaveProperty('pd-addr')
    expect(doc['tikv-importer']).toEqual({ backend: 'tidb' })
  })

  test('refuses options Lightning would reject', () => {
    expect(() => renderLightningToml({ ...full, sortedKvDir: undefined })).toThrow(
      /local backend needs a sorted-kv-dir/
    )
    expect(() => renderLightningToml({ ...full, logProgress: 'often' })).toThrow(/Go duration/)
    expect(() => renderLightningToml({ ...full, tidb: { ...full.tidb, port: 0 } })).toThrow(
      /tidb.port 0 is not a port/
    )
    expect(() => renderLightningToml({ ...full, checkpoint: { enable: true, dsn: ' ' } })).toThrow(
      /checkpoint.dsn is empty/
    )
  })
})

describe('redactToml', () => {
  test('hides the password in every TOML string form and keeps the document valid', () => {
    for (const password of [PASSWORD, 'multi\nline', 'plain']) {
      const text = renderLightningToml({ ...full, tidb: { ...full.tidb, password } })
      const red = redactToml(text)
      expect(red).not.toContain(password.split('\n')[0])
      expect(
        (TOML.parse(red) as Record<string, Record<string, unknown>>)['tidb']?.['password']
      ).toBe('******')
    }
    expect(redactToml("password = 'lit'\nuser = 'u'")).toBe('password = "******"\nuser = \'u\'')
    expect(redactToml('data-source-dir = "s3://b/p?access-key=AK&secret-access-key=SK"')).toBe(
      'data-source-dir = "s3://b/p?access-key=******&secret-access-key=******"'
    )
  })
})

describe('s3DataSourceUri', () => {
  test('builds bucket/prefix URIs with encoded parameters', () => {
    expect(s3DataSourceUri('b-1', '')).toBe('s3://b-1')
    expect(s3DataSourceUri('b-1', '/a/b c/')).toBe('s3://b-1/a/b%20c')
    expect(s3DataSourceUri('b-1', 'p', { region: 'eu-west-1', forcePathStyle: false })).toBe(
      's3://b-1/p?region=eu-west-1&force-path-style=false'
    )
    expect(() => s3DataSourceUri('Bad_Bucket', 'p')).toThrow(/not an S3 bucket name/)
  })
})

describe('the import session’s time zone', () => {
  test('[tidb.session-vars] time_zone = "+00:00" is written as Lightning reads it (DBStore.Vars)', () => {
    const text = renderLightningToml(full)
    expect(text).toMatch(/^\s*\[tidb\.session-vars\]\n\s*time_zone = "\+00:00"$/m)
    const doc = TOML.parse(text) as { tidb: { 'session-vars': Record<string, string> } }
    expect(doc.tidb['session-vars']).toEqual({ time_zone: '+00:00' })
    expect(renderLightningToml({ ...full, sessionVars: {} })).not.toContain('session-vars')
  })

  test('only Lightning v7.5.0 and later know the key (pingcap/tidb#47414)', () => {
    expect(['v8.5.2', 'v7.5.0', 'v10.0.0', 'nightly'].map(lightningHasSessionVars)).toEqual([
      true,
      true,
      true,
      true
    ])
    expect(['v7.1.5', 'v6.5.12', 'v4.0.16'].map(lightningHasSessionVars)).toEqual([
      false,
      false,
      false
    ])
  })
})
