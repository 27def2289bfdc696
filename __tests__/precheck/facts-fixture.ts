// A healthy set of precheck facts (what the sandbox's Aurora stand-in reports, in MySQL 8 / Aurora v3 terms) and a
// context, for the pure check tests to break one fact at a time.
import type { Inputs } from '../../src/inputs/types.js'
import type { SourceColumn, SourceTable } from '../../src/mysql/catalog.js'
import { parseGrants } from '../../src/mysql/grants.js'
import { binlogSettings, parseServerVersion } from '../../src/mysql/source.js'
import type { CheckContext, PrecheckFacts, SourceSide } from '../../src/precheck/facts.js'
import type { CheckRow } from '../../src/report/types.js'
import { fakeInputs } from '../helpers/inputs.js'

export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0)

/** A column. */
export function col(
  name: string,
  dataType = 'int',
  extra: Partial<SourceColumn> = {}
): SourceColumn {
  return {
    name,
    dataType,
    columnType: dataType,
    nullable: false,
    defaultValue: null,
    numericPrecision: null,
    charset: null,
    collation: null,
    ...extra
  }
}

/** A selected table with a primary key, 1 000 rows and 1 MiB. */
export function tbl(db: string, table: string, extra: Partial<SourceTable> = {}): SourceTable {
  return {
    database: db,
    table,
    engine: 'InnoDB',
    estimatedRows: 1000,
    bytes: 1024 * 1024,
    dataBytes: 768 * 1024,
    collation: 'utf8mb4_general_ci',
    columns: [col('id'), col('name', 'varchar', { nullable: true })],
    hasPrimaryKey: true,
    hasUniqueKey: true,
    foreignKeys: 0,
    indexes: [{ name: 'PRIMARY', type: 'BTREE' }],
    ...extra
  }
}

/** Aurora MySQL 3 master-user style grants (AWS docs, "Master user account privileges"). */
export const AURORA_GRANTS = [
  'GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, PROCESS, REFERENCES, INDEX, ALTER, SHOW DATABASES, ' +
    'CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, REPLICATION SLAVE, REPLICATION CLIENT, CREATE VIEW, SHOW VIEW, ' +
    'CREATE ROUTINE, ALTER ROUTINE, CREATE USER, EVENT, TRIGGER, CREATE ROLE, DROP ROLE ON *.* TO `admin`@`%` WITH GRANT OPTION'
]

const VARS: Record<string, string> = {
  log_bin: 'ON',
  binlog_format: 'ROW',
  binlog_row_image: 'FULL',
  server_id: '123',
  binlog_transaction_compression: 'OFF',
  gtid_mode: 'OFF_PERMISSIVE',
  enforce_gtid_consistency: 'OFF',
  lower_case_table_names: '0',
  binlog_expire_logs_seconds: '2592000',
  sql_mode: 'STRICT_TRANS_TABLES'
}

/** The source side, with variables overridden. */
export function sourceSide(
  vars: Record<string, string | undefined> = {},
  extra: Partial<SourceSide> = {}
): SourceSide {
  const merged = Object.fromEntries(
    Object.entries({ ...VARS, ...vars }).filter((e): e is [string, string] => e[1] !== undefined)
  )
  const version = parseServerVersion('8.0.32', '3.05.2')
  return {
    version,
    settings: binlogSettings(merged, version.flavor),
    retention: { kind: 'aurora', hours: 48 },
    grants: { ok: true, value: parseGrants(AURORA_GRANTS) },
    catalog: {
      tables: [tbl('shop', 'orders'), tbl('shop', 'customers')],
      views: [],
      databases: ['shop', 'other'],
      totalBytes: 5 * 1024 * 1024
    },
    objects: {
      ok: true,
      value: { triggers: [], routines: [], events: [], accounts: [{ user: 'admin', host: '%' }] }
    },
    position: {
      ok: true,
      value: {
        file: 'mysql-bin-changelog.000003',
        position: 4278,
        gtid: undefined,
        statement: 'SHOW MASTER STATUS'
      }
    },
    ...extra
  }
}

/** Healthy facts: every check passes with these and `context()`. */
export function goodFacts(extra: Partial<PrecheckFacts> = {}): PrecheckFacts {
  return {
    source: { ok: true, value: sourceSide() },
    target: {
      connect: { ok: true, value: true },
      status: {
        ok: true,
        value: { version: '8.0.11-TiDB-v8.5.2', release: 'v8.5.2', gitHash: undefined }
      },
      tables: {
        ok: true,
        value: [
          { database: 'shop', table: 'orders', state: 'absent' },
          { database: 'shop', table: 'customers', state: 'absent' }
        ]
      }
    },
    aws: {
      credentialsProblem: undefined,
      cluster: {
        kind: 'found',
        value: {
          identifier: 'aurora-1',
          arn: 'arn:aws:rds:us-east-1:123456789012:cluster:aurora-1',
          account: '123456789012',
          engine: 'aurora-mysql',
          engineVersion: '8.0.mysql_aurora.3.05.2',
          engineMode: 'provisioned',
          status: 'available',
          endpoint: 'aurora-1.cluster-abc.us-east-1.rds.amazonaws.com',
          readerEndpoint: 'aurora-1.cluster-ro-abc.us-east-1.rds.amazonaws.com',
          port: 3306,
          parameterGroup: 'binlog-on'
        }
      },
      bucket: { kind: 'found', value: 'us-east-1' },
      prefix: { kind: 'found', value: { empty: true } },
      role: {
        kind: 'found',
        value: {
          arn: 'arn:aws:iam::123456789012:role/export',
          name: 'export',
          trustedServices: ['export.rds.amazonaws.com']
        }
      },
      key: {
        kind: 'found',
        value: {
          arn: 'arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-0000-4000-8000-000000000000',
          keyId: '0b1c2d3e-0000-4000-8000-000000000000',
          enabled: true,
          keyState: 'Enabled',
          keyUsage: 'ENCRYPT_DECRYPT',
          keySpec: 'SYMMETRIC_DEFAULT',
          keyManager: 'CUSTOMER',
          region: 'us-east-1'
        }
      }
    },
    runner: {
      sortedKvDir: '/runner/temp',
      freeBytes: 50 * 1024 ** 3,
      tempDir: '/runner/temp',
      tempDirProblem: undefined,
      sortedKvDirProblem: undefined
    },
    ...extra
  }
}

/** Healthy facts whose source catalog has these overrides (tables, views…). */
export function withCatalog(
  catalog: Partial<SourceSide['catalog']>,
  extra: Partial<PrecheckFacts> = {}
): PrecheckFacts {
  const base = sourceSide()
  return goodFacts({
    source: { ok: true, value: { ...base, catalog: { ...base.catalog, ...catalog } } },
    ...extra
  })
}

/** A context over fakeInputs, pointed at the fixture's cluster endpoint, with overrides. */
export function context(
  over: (i: Inputs) => Partial<Inputs> = () => ({}),
  now = NOW
): CheckContext {
  const base = fakeInputs('migrate')
  const inputs: Inputs = {
    ...base,
    source: { ...base.source, host: 'aurora-1.cluster-abc.us-east-1.rds.amazonaws.com' },
    failOnShortRetention: false
  }
  return { inputs: { ...inputs, ...over(inputs) }, now }
}

/** The same context with DM set. */
export const withDmContext = (over: (i: Inputs) => Partial<Inputs> = () => ({})): CheckContext =>
  context((i) => ({ dm: { ...i.dm, masterAddr: '127.0.0.1:8261' }, ...over(i) }))

/** The row with this id (fails the test when absent). */
export function rowOf(rows: readonly CheckRow[], id: string): CheckRow {
  const r = rows.find((x) => x.id === id)
  if (!r) throw new Error(`no check ${id} in ${rows.map((x) => x.id).join(', ')}`)
  return r
}
