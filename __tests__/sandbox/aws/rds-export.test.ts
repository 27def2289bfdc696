// Snapshot → export → Parquet, end to end through the AWS SDK, mysql2 and hyparquet only: the rows read back equal
// the source rows at snapshot time (types included) and later writes are absent. (The snapshot's binlog position is
// tested with the cluster restored from it, rds-restore.test.ts.)
import mysql from 'mysql2/promise'
import {
  CreateDBClusterSnapshotCommand,
  StartExportTaskCommand,
  type ExportTask
} from '@aws-sdk/client-rds'
import {
  BUCKET,
  CLUSTER,
  CLUSTER_ARN,
  KMS_KEY,
  ROLE,
  exportReaches,
  snapshotAvailable,
  startRdsWorld,
  type RdsWorld
} from './rds-world.js'
import { getBytes, listKeys, readTable } from './parquet-exact.js'
import {
  ALL_TYPES_EXPECTED_SQL,
  ALL_TYPES_SCHEMA,
  createFixture,
  normalise
} from './rds-export-fixture.js'

let w: RdsWorld
let snapshotArn: string
let expectedAllTypes: Record<string, unknown>[]
let full: ExportTask

async function startExport(
  id: string,
  extra: { ExportOnly?: string[]; S3Prefix?: string; SourceArn?: string } = {}
) {
  await w.client.send(
    new StartExportTaskCommand({
      ExportTaskIdentifier: id,
      SourceArn: snapshotArn,
      S3BucketName: BUCKET,
      IamRoleArn: ROLE,
      KmsKeyId: KMS_KEY,
      ...extra
    })
  )
  return exportReaches(w.client, id)
}

beforeAll(async () => {
  w = await startRdsWorld({ rowsPerFile: 1000, filesPerBatch: 2 })
  await createFixture(w.db)
  // A write just before the snapshot: part of the export, not of the replay.
  await w.db.query("INSERT INTO shop.all_types (id, c_varchar) VALUES (99, 'before')")
  const conn = await mysql.createConnection({
    host: '127.0.0.1',
    port: w.db.port,
    user: 'root',
    password: 'root-pw',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true
  })
  await conn.query("SET time_zone = '+00:00'")
  const [rows] = await conn.query<mysql.RowDataPacket[]>(ALL_TYPES_EXPECTED_SQL)
  await conn.end()
  expectedAllTypes = rows.map((r) =>
    normalise({
      ...r,
      // CHAR is exported as bytes without STRING annotation; spatial values as their stored bytes.
      c_char: r['c_char'] === null ? null : Buffer.from(String(r['c_char'])),
      c_point: r['c_point'] === null ? null : Buffer.from(String(r['c_point']), 'hex')
    })
  )

  await w.client.send(
    new CreateDBClusterSnapshotCommand({
      DBClusterIdentifier: CLUSTER,
      DBClusterSnapshotIdentifier: 'Pre-Cutover'
    })
  )
  // Writes after the snapshot was taken: absent from the export, present in the binlog after its position.
  await w.db.query(`INSERT INTO shop.all_types (id, c_varchar) VALUES (100, 'after');
    UPDATE crm.contacts SET email = 'changed@example.com' WHERE id = 1;
    DELETE FROM shop.no_pk WHERE a = 2;
    INSERT INTO crm.events (payload) VALUES ('late')`)
  snapshotArn = await snapshotAvailable(w.client, 'pre-cutover')
  full = await startExport('full-export')
}, 120_000)

afterAll(async () => {
  await w.close()
})

describe('snapshot export', () => {
  test('completes with 100 % and names the skipped table in WarningMessage', () => {
    expect(full).toMatchObject({ Status: 'COMPLETE', PercentProgress: 100, SourceType: 'SNAPSHOT' })
    expect(full.SourceArn).toBe(`arn:aws:rds:us-east-1:123456789012:cluster-snapshot:pre-cutover`)
    expect(full.TaskStartTime).toBeInstanceOf(Date)
    expect(full.TaskEndTime).toBeInstanceOf(Date)
    const warning = JSON.parse(full.WarningMessage ?? '{}') as Record<string, unknown>
    expect(warning).toEqual({
      skippedTables: [
        { target: 'shop.bad_columns', reason: 'UNSUPPORTED_CHARACTERS_IN_COLUMN_NAME' },
        { target: 'shop.in/out', reason: 'UNSUPPORTED_CHARACTERS_IN_TABLE_NAME' }
      ],
      skippedObjectives: [],
      general: []
    })
  })

  test('writes the AWS layout: tables, batch folders, _SUCCESS markers and the two metadata files', async () => {
    const keys = await listKeys(w.s3Client, BUCKET, 'full-export/')
    const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
    const part = new RegExp(
      `^full-export/([^/]+)/([^/]+)/(\\d+)/part-(\\d{5})-${uuid}-c000\\.gz\\.parquet$`
    )
    const data = keys.filter((k) => k.endsWith('.parquet'))
    for (const k of data) expect(k).toMatch(part)
    const folders = [...new Set(data.map((k) => k.split('/').slice(1, 3).join('/')))].sort()
    expect(folders).toEqual([
      'crm/crm.contacts',
      'crm/crm.events',
      'shop/shop.Order-Items',
      'shop/shop.all_types',
      'shop/shop.no_pk',
      'shop/shop.order_notes' // the space became `_`
    ])
    // 2501 rows at 1000 per file, 2 files per batch folder.
    const events = data
      .filter((k) => k.includes('/crm.events/'))
      .map((k) => k.split('/').slice(3).join('/'))
    expect(events.map((e) => e.replace(new RegExp(`-${uuid}-`), '-*-'))).toEqual([
      '1/part-00000-*-c000.gz.parquet',
      '1/part-00001-*-c000.gz.parquet',
      '2/part-00000-*-c000.gz.parquet'
    ])
    expect(keys.filter((k) => k.endsWith('/_SUCCESS')).sort()).toEqual([
      'full-export/crm/crm.contacts/1/_SUCCESS',
      'full-export/crm/crm.events/1/_SUCCESS',
      'full-export/crm/crm.events/2/_SUCCESS',
      'full-export/shop/shop.Order-Items/1/_SUCCESS',
      'full-export/shop/shop.all_types/1/_SUCCESS',
      'full-export/shop/shop.no_pk/1/_SUCCESS',
      'full-export/shop/shop.order_notes/1/_SUCCESS'
    ])
    expect(keys.filter((k) => k.endsWith('.json')).sort()).toEqual([
      'full-export/export_info_full-export.json',
      'full-export/export_tables_info_full-export_from_1_to_7.json'
    ])
    expect(keys.some((k) => /bad_columns|empty_table|in\/out/.test(k))).toBe(false)
  })

  test('shop.all_types reads back equal to the source at snapshot time, row for row, with AWS types', async () => {
    const t = await readTable(w.s3Client, BUCKET, 'full-export/shop/shop.all_types/')
    expect(t.parts).toHaveLength(1)
    const part = t.parts[0]
    expect(new Set(part?.codecs)).toEqual(new Set(['GZIP']))
    const schema = Object.fromEntries((part?.columns ?? []).map((c) => [c.name, c]))
    expect(Object.keys(schema)).toEqual(Object.keys(ALL_TYPES_SCHEMA))
    for (const [name, want] of Object.entries(ALL_TYPES_SCHEMA)) {
      expect({ name, ...schema[name] }).toMatchObject({
        name,
        repetition_type: 'OPTIONAL',
        ...want
      })
    }
    const rows = t.rows.map(normalise).sort((a, b) => Number(a['id']) - Number(b['id']))
    expect(rows).toEqual(expectedAllTypes)
    expect(rows.map((r) => r['id'])).toEqual([1, 2, 3, 99]) // id 100 came after the snapshot
  })

  test('other tables: duplicates without a key, dashed names, values before the later writes', async () => {
    const noPk = await readTable(w.s3Client, BUCKET, 'full-export/shop/shop.no_pk/')
    expect(noPk.rows).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'x' },
      { a: 2, b: null }
    ])
    const items = await readTable(w.s3Client, BUCKET, 'full-export/shop/shop.Order-Items/')
    expect(items.rows).toEqual([
      { OrderId: 10, Qty: 1 },
      { OrderId: 11, Qty: 2 },
      { OrderId: 12, Qty: 3 }
    ])
    const contacts = await readTable(w.s3Client, BUCKET, 'full-export/crm/crm.contacts/')
    expect(contacts.rows).toEqual([
      { id: 1, email: 'ann@example.com', updated: BigInt(Date.UTC(2024, 0, 1, 10)) * 1000n },
      { id: 2, email: 'bob@example.com', updated: null },
      { id: 3, email: null, updated: BigInt(Date.UTC(2024, 2, 3, 3, 3, 3)) * 1000n }
    ])
    const events = await readTable(w.s3Client, BUCKET, 'full-export/crm/crm.events/')
    expect(events.parts.map((p) => p.rows.length)).toEqual([1000, 1000, 500])
    expect(events.rows.map((r) => r['id'])).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1))
    expect(events.rows.some((r) => r['payload'] === 'late')).toBe(false)
  })

  test('export_info and export_tables_info describe the export', async () => {
    const info = JSON.parse(
      Buffer.from(
        await getBytes(w.s3Client, BUCKET, 'full-export/export_info_full-export.json')
      ).toString()
    ) as Record<string, unknown>
    expect(info).toMatchObject({
      exportTaskIdentifier: 'full-export',
      sourceArn: snapshotArn,
      s3Bucket: BUCKET,
      s3Prefix: '',
      exportedFilesPath: 'full-export',
      iamRoleArn: ROLE,
      kmsKeyId: KMS_KEY,
      status: 'COMPLETE',
      percentProgress: 100,
      totalExportedDataInGB: 0
    })
    const tables = JSON.parse(
      Buffer.from(
        await getBytes(
          w.s3Client,
          BUCKET,
          'full-export/export_tables_info_full-export_from_1_to_7.json'
        )
      ).toString()
    ) as { perTableStatus: Record<string, unknown>[] }
    const byTarget = Object.fromEntries(
      tables.perTableStatus.map((t) => [String(t['target']), t] as const)
    )
    expect(Object.keys(byTarget).sort()).toEqual([
      'crm.contacts',
      'crm.events',
      'shop.Order-Items',
      'shop.all_types',
      'shop.empty_table',
      'shop.no_pk',
      'shop.order notes' // targets keep the real names; only S3 paths replace the space
    ])
    const events = byTarget['crm.events'] as Record<string, Record<string, unknown>>
    expect(events['status']).toBe('COMPLETE')
    expect(events['tableStatistics']).toMatchObject({
      extractionStartTime: expect.stringMatching(
        /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$/
      ),
      partitioningInfo: { numberOfPartitions: 3, numberOfCompletedPartitions: 3 }
    })
    const mappings = (
      byTarget['shop.all_types'] as {
        schemaMetadata: { originalTypeMappings: Record<string, unknown>[] }
      }
    ).schemaMetadata.originalTypeMappings
    expect(mappings.map((m) => m['columnName'])).toEqual(Object.keys(ALL_TYPES_SCHEMA))
    expect(mappings.find((m) => m['columnName'] === 'c_varchar')).toMatchObject({
      originalType: 'varchar',
      expectedExportedType: 'binary (UTF8)',
      originalCharMaxLength: 100
    })
    expect(mappings.find((m) => m['columnName'] === 'c_json')).toMatchObject({
      originalType: 'json'
    })
    expect(mappings.find((m) => m['columnName'] === 'c_dec38')).toMatchObject({
      originalType: 'decimal',
      originalNumPrecision: 38
    })
    expect(
      (byTarget['shop.empty_table'] as Record<string, unknown>)['tableStatistics']
    ).toMatchObject({
      partitioningInfo: { numberOfPartitions: 0 }
    })
  })
})

describe('partial and cluster exports', () => {
  test('ExportOnly exports the named database and table, and reports names it did not find', async () => {
    const t = await startExport('only-some', {
      ExportOnly: ['crm', 'shop.no_pk', 'shop.missing'],
      S3Prefix: 'nested/path/'
    })
    expect(t).toMatchObject({
      Status: 'COMPLETE',
      ExportOnly: ['crm', 'shop.no_pk', 'shop.missing']
    })
    expect(JSON.parse(t.WarningMessage ?? '{}')).toMatchObject({
      skippedTables: [],
      skippedObjectives: [{ target: 'shop.missing', reason: 'OBJECTIVE_NOT_FOUND' }]
    })
    const keys = await listKeys(w.s3Client, BUCKET, 'nested/path/only-some/')
    const folders = new Set(keys.filter((k) => k.endsWith('.parquet')).map((k) => k.split('/')[4]))
    expect([...folders].sort()).toEqual(['crm.contacts', 'crm.events', 'shop.no_pk'])
    expect(keys).toContain('nested/path/only-some/export_info_only-some.json')
  })

  test('a cluster export reads the live cluster, later writes included', async () => {
    const t = await startExport('live-cluster', {
      SourceArn: CLUSTER_ARN,
      ExportOnly: ['shop.all_types']
    })
    expect(t).toMatchObject({ Status: 'COMPLETE', SourceType: 'CLUSTER', SourceArn: CLUSTER_ARN })
    const rows = await readTable(w.s3Client, BUCKET, 'live-cluster/shop/shop.all_types/')
    expect(rows.rows.map((r) => r['id'])).toEqual([1, 2, 3, 99, 100])
  })
})
