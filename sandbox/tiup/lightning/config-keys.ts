// Every TOML key TiDB Lightning knows (pingcap/tidb pkg/lightning/config: Config and GlobalConfig, config.go
// and global.go), used to reject unknown keys exactly as LoadFromTOML does: a key unknown to both structs is fatal
// (`config file contained unknown configuration options: a.b, c.d`, in document order), a key known only to the
// global config is accepted with a warning.

/** A key's expected TOML type (`any` accepts everything, `map` any sub-keys). */
type Leaf = 'int' | 'float' | 'string' | 'bool' | 'strings' | 'any' | 'map' | 'int-or-table'
interface Table {
  readonly [key: string]: Leaf | Table | ArrayOf
}
interface ArrayOf {
  readonly arrayOf: Table
}

const SECURITY: Table = {
  'ca-path': 'string',
  'cert-path': 'string',
  'key-path': 'string',
  'redact-info-log': 'bool'
}
const CSV: Table = {
  separator: 'string',
  delimiter: 'string',
  terminator: 'string',
  null: 'any',
  header: 'bool',
  'header-schema-match': 'bool',
  'trim-last-separator': 'bool',
  'not-null': 'bool',
  'backslash-escape': 'bool',
  'escaped-by': 'string'
}
const FILE_RULE: Table = {
  pattern: 'string',
  path: 'string',
  schema: 'string',
  table: 'string',
  type: 'string',
  key: 'string',
  compression: 'string'
}
const EXTRACTOR = (field: string): Table => ({ [field]: 'string', 'target-column': 'string' })

/** Keys of the per-task Config struct. */
/** The [tidb] connection keys, in both the task and the global config. */
const TIDB_CONN: Table = {
  host: 'string',
  port: 'int',
  user: 'string',
  password: 'string',
  'status-port': 'int',
  'pd-addr': 'string'
}

export const CONFIG_KEYS: Table = {
  lightning: {
    'table-concurrency': 'int',
    'index-concurrency': 'int',
    'region-concurrency': 'int',
    'io-concurrency': 'int',
    'check-requirements': 'bool',
    'meta-schema-name': 'string',
    'max-error': 'int-or-table',
    'max-error-records': 'int',
    'task-info-schema-name': 'string'
  },
  tidb: {
    ...TIDB_CONN,
    'sql-mode': 'string',
    tls: 'string',
    security: SECURITY,
    'max-allowed-packet': 'int',
    'distsql-scan-concurrency': 'int',
    'build-stats-concurrency': 'int',
    'index-serial-scan-concurrency': 'int',
    'checksum-table-concurrency': 'int',
    'session-vars': 'map'
  },
  checkpoint: {
    schema: 'string',
    dsn: 'string',
    driver: 'string',
    enable: 'bool',
    'keep-after-success': 'any'
  },
  mydumper: {
    'read-block-size': 'any',
    'batch-size': 'any',
    'batch-import-ratio': 'float',
    'source-id': 'string',
    'data-source-dir': 'string',
    'character-set': 'string',
    csv: CSV,
    'max-region-size': 'any',
    filter: 'strings',
    files: { arrayOf: FILE_RULE },
    'no-schema': 'bool',
    'case-sensitive': 'bool',
    'strict-format': 'bool',
    'default-file-rules': 'bool',
    'ignore-data-columns': {
      arrayOf: { db: 'string', table: 'string', 'table-filter': 'strings', columns: 'strings' }
    },
    'data-character-set': 'string',
    'data-invalid-char-replace': 'string'
  },
  'tikv-importer': {
    addr: 'string',
    backend: 'string',
    'on-duplicate': 'string',
    'max-kv-pairs': 'int',
    'send-kv-pairs': 'int',
    'send-kv-size': 'any',
    'compress-kv-pairs': 'string',
    'region-split-size': 'any',
    'region-split-keys': 'int',
    'region-split-batch-size': 'int',
    'region-split-concurrency': 'int',
    'region-check-backoff-limit': 'int',
    'sorted-kv-dir': 'string',
    'disk-quota': 'any',
    'range-concurrency': 'int',
    'duplicate-resolution': 'string',
    'incremental-import': 'bool',
    'parallel-import': 'bool',
    'keyspace-name': 'string',
    'add-index-by-sql': 'bool',
    'engine-mem-cache-size': 'any',
    'local-writer-mem-cache-size': 'any',
    'store-write-bwlimit': 'any',
    'logical-import-batch-size': 'any',
    'logical-import-batch-rows': 'int',
    'logical-import-prep-stmt': 'bool',
    'pause-pd-scheduler-scope': 'string',
    'block-size': 'any'
  },
  'post-restore': {
    checksum: 'any',
    analyze: 'any',
    'level-1-compact': 'bool',
    'post-process-at-last': 'bool',
    compact: 'bool',
    'checksum-via-sql': 'bool'
  },
  cron: { 'switch-mode': 'string', 'log-progress': 'string', 'check-disk-quota': 'string' },
  routes: {
    arrayOf: {
      'schema-pattern': 'string',
      'table-pattern': 'string',
      'target-schema': 'string',
      'target-table': 'string',
      'extract-table': EXTRACTOR('table-regexp'),
      'extract-schema': EXTRACTOR('schema-regexp'),
      'extract-source': EXTRACTOR('source-regexp')
    }
  },
  security: SECURITY,
  conflict: {
    strategy: 'string',
    'precheck-conflict-before-import': 'bool',
    threshold: 'int',
    'max-record-rows': 'int'
  }
}

/** Keys of the GlobalConfig struct (read at startup only). */
export const GLOBAL_KEYS: Table = {
  lightning: {
    level: 'string',
    file: 'string',
    'max-size': 'int',
    'max-days': 'int',
    'max-backups': 'int',
    'enable-diagnose-logs': 'bool',
    'status-addr': 'string',
    'server-mode': 'bool',
    'check-requirements': 'bool',
    'pprof-port': 'int'
  },
  checkpoint: { enable: 'bool' },
  tidb: {
    ...TIDB_CONN,
    'log-level': 'string'
  },
  mydumper: {
    'data-source-dir': 'string',
    'no-schema': 'bool',
    filter: 'strings',
    'ignore-columns': {
      arrayOf: { db: 'string', table: 'string', 'table-filter': 'strings', columns: 'strings' }
    }
  },
  'tikv-importer': { backend: 'string', 'sorted-kv-dir': 'string', 'remote-addr': 'string' },
  'post-restore': { checksum: 'any', analyze: 'any' },
  security: SECURITY
}

/** A value of the wrong TOML type for its key. */
export interface TypeMismatch {
  readonly key: string
  readonly tomlType: string
  readonly goType: string
}

function tomlType(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'bigint' || Number.isInteger(v)) return 'integer'
  if (typeof v === 'number') return 'float'
  if (Array.isArray(v)) return 'array'
  if (v instanceof Date) return 'datetime'
  return 'table'
}

const GO_TYPES: Record<string, string> = {
  int: 'integer',
  float: 'float',
  string: 'string',
  bool: 'boolean',
  strings: 'slice'
}

function leafAccepts(leaf: Leaf, v: unknown): boolean {
  const t = tomlType(v)
  switch (leaf) {
    case 'int':
      return t === 'integer'
    case 'float':
      return t === 'float' || t === 'integer'
    case 'string':
      return t === 'string'
    case 'bool':
      return t === 'bool'
    case 'strings':
      return t === 'array'
    default:
      return true
  }
}

/** Walks a TOML document against a key schema, collecting undecoded keys (document order) and type mismatches. */
function walk(
  doc: Record<string, unknown>,
  schema: Table | undefined,
  prefix: string,
  undecoded: string[],
  mismatches: TypeMismatch[]
): void {
  for (const [k, v] of Object.entries(doc)) {
    const key = prefix ? `${prefix}.${k}` : k
    const spec = schema?.[k]
    if (spec === undefined) {
      undecoded.push(key)
      if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
        walk(v as Record<string, unknown>, undefined, key, undecoded, mismatches)
      } else if (Array.isArray(v)) {
        for (const item of v) {
          if (item && typeof item === 'object' && !Array.isArray(item))
            walk(item as Record<string, unknown>, undefined, key, undecoded, mismatches)
        }
      }
      continue
    }
    if (typeof spec === 'string') {
      if (spec === 'map') continue
      if (spec === 'int-or-table') {
        if (tomlType(v) === 'table') {
          for (const sub of Object.keys(v as object)) {
            if (sub !== 'type' && sub !== 'conflict') undecoded.push(`${key}.${sub}`)
          }
        }
        continue
      }
      if (!leafAccepts(spec, v))
        mismatches.push({ key, tomlType: tomlType(v), goType: GO_TYPES[spec] ?? spec })
      continue
    }
    if ('arrayOf' in spec) {
      const element = (spec as ArrayOf).arrayOf
      for (const item of Array.isArray(v) ? v : [v]) {
        if (item && typeof item === 'object')
          walk(item as Record<string, unknown>, element, key, undecoded, mismatches)
      }
      continue
    }
    if (v && typeof v === 'object' && !Array.isArray(v))
      walk(v as Record<string, unknown>, spec, key, undecoded, mismatches)
    else mismatches.push({ key, tomlType: tomlType(v), goType: 'table' })
  }
}

/** The result of checking a document's keys. */
export interface KeyCheck {
  /** Keys unknown to both Config and GlobalConfig (fatal). */
  readonly unknown: string[]
  /** Keys only GlobalConfig knows (warned about). */
  readonly globalOnly: string[]
  /** Values whose type does not fit the Config struct. */
  readonly mismatches: TypeMismatch[]
  /** Values whose type does not fit the GlobalConfig struct (found at startup, exit 2). */
  readonly globalMismatches: TypeMismatch[]
}

/** Classifies every key of a parsed TOML document; `extraUnknown` lists keys to treat as unknown (a fault). */
export function checkKeys(
  doc: Record<string, unknown>,
  extraUnknown: readonly string[] = []
): KeyCheck {
  const unusedConfig: string[] = []
  const mismatches: TypeMismatch[] = []
  walk(doc, CONFIG_KEYS, '', unusedConfig, mismatches)
  const unusedGlobal: string[] = []
  const globalMismatches: TypeMismatch[] = []
  walk(doc, GLOBAL_KEYS, '', unusedGlobal, globalMismatches)
  const globalSet = new Set(unusedGlobal)
  const all = [...unusedConfig]
  for (const k of extraUnknown) if (hasKey(doc, k) && !all.includes(k)) all.push(k)
  return {
    unknown: all.filter((k) => globalSet.has(k) || extraUnknown.includes(k)),
    globalOnly: all.filter((k) => !globalSet.has(k) && !extraUnknown.includes(k)),
    mismatches,
    globalMismatches
  }
}

/** Whether a dotted key is present in the document. */
export function hasKey(doc: Record<string, unknown>, dotted: string): boolean {
  let cur: unknown = doc
  for (const part of dotted.split('.')) {
    if (Array.isArray(cur)) {
      const items: unknown[] = cur
      cur = items.find((e) => !!e && typeof e === 'object' && part in e)
    }
    if (!cur || typeof cur !== 'object') return false
    cur = (cur as Record<string, unknown>)[part]
    if (cur === undefined) return false
  }
  return true
}
