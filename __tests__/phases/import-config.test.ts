// What the schema-export, schema-import and data-import phases hand to Dumpling and Lightning, built from inputs.
import TOML from '@iarna/toml'
import type { Inputs } from '../../src/inputs/types.js'
import { dataImportConfig, lightningFilter } from '../../src/phases/data-import.js'
import { lightningS3Uri } from '../../src/phases/lightning-phase.js'
import { countSchemaFiles, schemaExportArgs } from '../../src/phases/schema-export.js'
import { sampleExportKey } from '../../src/aws/export-naming.js'
import { FileRouter, type FileRule } from '../../src/tidb/lightning/file-router.js'
import { renderLightningToml } from '../../src/tidb/lightning/config.js'
import {
  DUMPLING_SYSTEM_SCHEMA_EXCLUSION,
  filterRules,
  parseFilter
} from '../../src/table-filter/parse.js'
import { withEnv } from '../helpers/env.js'
import { fakeInputs } from '../helpers/inputs.js'

const withS3 = (endpoint: string | undefined, filter: readonly string[]): Inputs => {
  const base = fakeInputs()
  return { ...base, filter: parseFilter(filter), aws: { ...base.aws, s3Endpoint: endpoint } }
}

let restore: () => void
beforeEach(() => {
  restore = withEnv({ AWS_ENDPOINT_URL_S3: undefined, AWS_ENDPOINT_URL: undefined })
})
afterEach(() => restore())

describe('schema-export', () => {
  test("Dumpling's command line: each rule its own --filter, the run's schema folder, endpoint and region", () => {
    const inputs = withS3('http://127.0.0.1:9000', ['shop.*', '"my db".*', '!crm.*_tmp'])
    expect(schemaExportArgs(inputs, 'run-7')).toEqual([
      '--host',
      '127.0.0.1',
      '--port',
      '3306',
      '--user',
      'admin',
      '--password',
      'source-secret',
      '--filter',
      'shop.*',
      '--filter',
      '"""my db"".*"',
      '--filter',
      '!crm.*_tmp',
      '--filter',
      DUMPLING_SYSTEM_SCHEMA_EXCLUSION,
      '--consistency',
      'none',
      '--no-data',
      '--no-views=false',
      '--output',
      's3://bucket/prefix/schema/run-7/',
      '--s3.endpoint',
      'http://127.0.0.1:9000',
      '--s3.region',
      'us-east-1'
    ])
  })

  test('the endpoint comes from AWS_ENDPOINT_URL_S3 when s3-endpoint is empty (Dumpling does not read it); none for AWS', () => {
    const undo = withEnv({ AWS_ENDPOINT_URL_S3: 'http://s3.local:4566' })
    try {
      expect(schemaExportArgs(withS3(undefined, ['a.*']), 'r')).toContain('http://s3.local:4566')
    } finally {
      undo()
    }
    expect(schemaExportArgs(withS3(undefined, ['a.*']), 'r')).not.toContain('--s3.endpoint')
  })

  test('schema files are counted by kind', () => {
    expect(
      countSchemaFiles([
        'p/schema/r/metadata',
        'p/schema/r/shop-schema-create.sql',
        'p/schema/r/shop.orders-schema.sql',
        'p/schema/r/shop.order-archive-schema.sql',
        // A view's placeholder table and its view file (dumpling/export/writer.go WriteViewMeta): one view.
        'p/schema/r/shop.v-schema.sql',
        'p/schema/r/shop.v-schema-view.sql'
      ])
    ).toEqual({ databases: 1, tables: 2, views: 1 })
  })
})

describe('Lightning sources', () => {
  test('S3 URI with the endpoint, region and path style for a custom endpoint; region only for AWS', () => {
    expect(lightningS3Uri(withS3('http://127.0.0.1:9000', []), 'bkt', 'p/schema/run-7')).toBe(
      's3://bkt/p/schema/run-7?endpoint=http%3A%2F%2F127.0.0.1%3A9000&region=us-east-1&force-path-style=true'
    )
    expect(lightningS3Uri(withS3(undefined, []), 'bkt', 'p/export/task-1')).toBe(
      's3://bkt/p/export/task-1?region=us-east-1'
    )
  })
})

describe('data-import', () => {
  const tables = [
    { database: 'shop', table: 'orders' },
    { database: 'shop', table: 'order-archive' },
    { database: 'analytics', table: 'PageViews' },
    { database: 'crm', table: 'legacy contacts' }
  ]
  const inputs = {
    ...withS3('http://127.0.0.1:9000', ['shop.*', 'analytics.*', '`crm`.*', '!crm.*_tmp']),
    import: { backend: 'tidb' as const, sortedKvDir: undefined, checksum: 'optional' as const }
  }

  test('the TOML: export folder, Aurora rules that route every selected table, the filter, the checksum', () => {
    const { config, warnings } = dataImportConfig(
      inputs,
      { bucket: 'bkt', prefix: 'p/export/aurora-to-tidb-run-7' },
      tables
    )
    expect(warnings).toEqual([])
    const doc = TOML.parse(
      renderLightningToml({
        ...config,
        tidb: inputs.target,
        backend: inputs.import.backend,
        checkpoint: { enable: true, dsn: '/tmp/cp.pb' },
        log: { file: '/tmp/l.log' }
      })
    ) as unknown as {
      mydumper: { 'data-source-dir': string; filter: string[]; files: FileRule[] }
      'post-restore': { checksum: string }
      tidb: { 'session-vars'?: Record<string, string> }
    }
    // The export's DATETIME values are read as UTC text; the import session converts them in UTC, not in the
    // target's zone.
    expect(doc.tidb['session-vars']).toEqual({ time_zone: '+00:00' })
    expect(doc.mydumper['data-source-dir']).toBe(
      's3://bkt/p/export/aurora-to-tidb-run-7?endpoint=http%3A%2F%2F127.0.0.1%3A9000&region=us-east-1&force-path-style=true'
    )
    expect(doc.mydumper.filter).toEqual([
      ...filterRules(inputs.filter),
      DUMPLING_SYSTEM_SCHEMA_EXCLUSION
    ])
    expect(doc['post-restore'].checksum).toBe('optional')
    // Routed through the rules as written to the TOML: the dash, the capitals and the rewritten space all map back.
    const router = new FileRouter(doc.mydumper.files)
    for (const t of tables) {
      expect(router.route(sampleExportKey(t))).toEqual({
        schema: t.database,
        table: t.table,
        type: 'parquet'
      })
    }
    expect(router.route('crm/export_tables_info_x_from_1_to_2.json')?.type).toBe('ignore')
    expect(router.route('shop/shop.orders/_SUCCESS')?.type).toBe('ignore')
  })

  test('the filter keeps system schemas out like Dumpling; no rules, no filter', () => {
    expect(lightningFilter(parseFilter(['*.*']))).toEqual(['*.*', DUMPLING_SYSTEM_SCHEMA_EXCLUSION])
    expect(lightningFilter(parseFilter([]))).toBeUndefined()
  })
})
