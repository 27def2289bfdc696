import {
  ExportMetadataError,
  compareTablesInfoFiles,
  exportedTables,
  parseExportInfo,
  parseExportMetadata,
  parseExportTablesInfo
} from '../../src/aws/export-metadata.js'
import { parseWarningMessage } from '../../src/aws/export-task.js'
import { describeReal, haveRealOutputs, readReal } from '../fixtures/real-outputs.js'

/** Closes the brackets a truncated JSON document left open (drops a dangling comma first). */
function closeTruncated(text: string): string {
  const stack: string[] = []
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') stack.push('}')
    else if (c === '[') stack.push(']')
    else if (c === '}' || c === ']') stack.pop()
  }
  return text.trimEnd().replace(/,$/, '') + stack.reverse().join('')
}

describeReal('the real (PostgreSQL, truncated) export_tables_info sample', () => {
  // describe.skip still runs this body: read only when the samples exist.
  const text = haveRealOutputs ? readReal('aurora/export-tables-info-postgres-truncated.json') : ''

  test('as published it is not JSON: a typed error naming the file', () => {
    expect(() => parseExportTablesInfo(text, 'export_tables_info_x_from_1_to_2.json')).toThrow(
      ExportMetadataError
    )
    expect(() => parseExportTablesInfo(text, 'export_tables_info_x_from_1_to_2.json')).toThrow(
      'export metadata export_tables_info_x_from_1_to_2.json: not a JSON object'
    )
  })

  test('its fields are read: locale timestamps, partitions; no row count anywhere', () => {
    const [entry] = parseExportTablesInfo(closeTruncated(text))
    expect(entry).toEqual({
      target: undefined,
      status: undefined,
      rawStatus: undefined,
      sizeGB: undefined,
      rows: undefined,
      warningMessage: undefined,
      extractionStartTime: 'Jul 19, 2023, 11:21:00 PM',
      extractionEndTime: 'Jul 19, 2023, 11:21:24 PM',
      partitions: { total: 122, completed: 122 }
    })
  })
})

// The shape community parsers read (seapy/athena-ddl-rds-snapshot internal/model/table.go; AWS documents none), in
// two files, with a database-level warning entry and PascalCase keys as third-party copies write them.
const FILE_1 = JSON.stringify({
  perTableStatus: [
    {
      target: 'shop.orders',
      status: 'COMPLETE',
      sizeGB: 1.5,
      tableStatistics: {
        extractionStartTime: 'Jul 19, 2023, 11:21:00 PM',
        extractionEndTime: 'Jul 19, 2023, 11:21:24 PM',
        partitioningInfo: { numberOfPartitions: 3, numberOfCompletedPartitions: 3 }
      }
    },
    { warningMessage: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE: legacy' }
  ]
})
const FILE_2 = JSON.stringify({
  PerTableStatus: [
    { Target: 'shop.order.items', Status: 'complete', SizeGB: 0.25, TableStatistics: {} },
    { target: 'crm.bad', status: 'FAILED', warningMessage: 'column name not supported' }
  ]
})

describe('parseExportMetadata and exportedTables', () => {
  const files = [
    { name: 'p/run-1/export_tables_info_run-1_from_10_to_20.json', text: FILE_2 },
    { name: 'p/run-1/export_tables_info_run-1_from_1_to_9.json', text: FILE_1 },
    { name: 'p/run-1/shop/shop.orders/1/part-00000-x.gz.parquet', text: 'PAR1' },
    {
      name: 'p/run-1/export_info_run-1.json',
      text: JSON.stringify({
        exportTaskIdentifier: 'run-1',
        status: 'COMPLETE',
        percentProgress: 100,
        totalExportedDataInGB: 1.75,
        exportOnly: ['shop', 'crm.bad'],
        taskStartTime: '2024-01-01T10:00:00Z'
      })
    }
  ]

  test('concatenates perTableStatus in file order, separates warnings, reads export_info', () => {
    const meta = parseExportMetadata(files)
    expect(meta.tables.map((t) => t.target)).toEqual(['shop.orders', 'shop.order.items', 'crm.bad'])
    expect(meta.tables[0]?.partitions).toEqual({ total: 3, completed: 3 })
    expect(meta.tables[1]?.status).toBe('COMPLETE')
    expect(meta.warnings).toEqual(['FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE: legacy'])
    expect(meta.info).toMatchObject({
      exportTaskIdentifier: 'run-1',
      status: 'COMPLETE',
      percentProgress: 100,
      totalExportedDataInGB: 1.75,
      exportOnly: ['shop', 'crm.bad'],
      taskStartTime: new Date('2024-01-01T10:00:00Z')
    })
  })

  test('per table: status, size, no rows, skipped with the reason; dotted names resolved', () => {
    const warnings = parseWarningMessage(
      JSON.stringify({ skippedTables: [{ target: 'crm.huge', reason: 'ROW_TOO_LARGE' }] })
    )
    const tables = exportedTables(parseExportMetadata(files), warnings, [
      { database: 'shop', table: 'order.items' }
    ])
    expect(tables).toEqual([
      {
        database: 'shop',
        table: 'orders',
        status: 'COMPLETE',
        rows: undefined,
        sizeGB: 1.5,
        skipped: false,
        reason: undefined
      },
      {
        database: 'shop',
        table: 'order.items',
        status: 'COMPLETE',
        rows: undefined,
        sizeGB: 0.25,
        skipped: false,
        reason: undefined
      },
      {
        database: 'crm',
        table: 'bad',
        status: 'FAILED',
        rows: undefined,
        sizeGB: undefined,
        skipped: true,
        reason: 'column name not supported'
      },
      {
        database: 'crm',
        table: 'huge',
        status: undefined,
        rows: undefined,
        sizeGB: undefined,
        skipped: true,
        reason: 'ROW_TOO_LARGE'
      }
    ])
  })

  test('a row count is used where a file carries one', () => {
    const [t] = parseExportTablesInfo(
      JSON.stringify({
        perTableStatus: [{ target: 'a.b', status: 'COMPLETE', tableStatistics: { rowCount: '42' } }]
      })
    )
    expect(t?.rows).toBe(42)
  })

  test('export_info: an empty s3Prefix is the bucket root, not a missing value', () => {
    expect(parseExportInfo('{"s3Bucket": "b", "s3Prefix": ""}').s3Prefix).toBe('')
    expect(parseExportInfo('{"s3Bucket": "b"}').s3Prefix).toBeUndefined()
  })

  test('file order and errors', () => {
    expect(
      ['x_from_10_to_20.json', 'x_from_2_to_9.json', 'x_from_1_to_1.json'].sort(
        compareTablesInfoFiles
      )
    ).toEqual(['x_from_1_to_1.json', 'x_from_2_to_9.json', 'x_from_10_to_20.json'])
    expect(() => parseExportInfo('[]', 'export_info_x.json')).toThrow(
      'export metadata export_info_x.json: not a JSON object'
    )
    expect(parseExportMetadata([])).toEqual({ info: undefined, tables: [], warnings: [] })
  })
})
