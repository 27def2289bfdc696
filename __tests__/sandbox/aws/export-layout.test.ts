import {
  exportBase,
  filePlace,
  javaDateTime,
  partFileName,
  s3Name,
  skipReason,
  tableFolder,
  tablesInfoFiles,
  TABLES_PER_INFO_FILE,
  type TableResult
} from '../../../sandbox/aws/export-layout.js'
import { realOutputs, sample, withSamples } from './real-samples.js'

function table(target: string): TableResult {
  return {
    target,
    sizeBytes: 2 ** 29,
    files: 2,
    started: new Date(Date.UTC(2023, 6, 19, 23, 21, 0)),
    ended: new Date(Date.UTC(2023, 6, 19, 23, 21, 24)),
    typeMappings: [
      {
        columnName: 'id',
        originalType: 'int',
        expectedExportedType: 'int32',
        originalCharMaxLength: 0,
        originalNumPrecision: 10,
        originalDateTimePrecision: 0
      }
    ]
  }
}

describe('S3 paths', () => {
  test('backslash, backtick, double quote and space become underscores; other characters stay', () => {
    expect(s3Name('a b`c"d\\e-F$g.h')).toBe('a_b_c_d_e-F$g.h')
    expect(tableFolder('exp', 'my db', 'Order-Items')).toBe('exp/my_db/my_db.Order-Items/')
  })

  test('prefix and identifier', () => {
    expect(exportBase('', 'x')).toBe('x')
    expect(exportBase('a/b', 'x')).toBe('a/b/x')
    expect(exportBase('a/b//', 'x')).toBe('a/b/x')
  })

  test('data files fill batch folders of N parts', () => {
    expect([0, 1, 2, 3, 4].map((i) => filePlace(i, 2))).toEqual([
      { batch: '1', partition: 0 },
      { batch: '1', partition: 1 },
      { batch: '2', partition: 0 },
      { batch: '2', partition: 1 },
      { batch: '3', partition: 0 }
    ])
    expect(partFileName(7, 'u')).toBe('part-00007-u-c000.gz.parquet')
  })

  test('tables with a slash in the name or odd column names are skipped', () => {
    expect(skipReason('a/b', ['id'])).toBe('UNSUPPORTED_CHARACTERS_IN_TABLE_NAME')
    for (const bad of ['unit price', 'a,b', 'a;b', 'f(x)', 'a=b', 'x{y}', 'tab\there', 'new\nline'])
      expect(skipReason('t', ['id', bad])).toBe('UNSUPPORTED_CHARACTERS_IN_COLUMN_NAME')
    expect(skipReason('Order-Items', ['id', 'Qty$', 'naïve'])).toBeUndefined()
  })
})

describe('metadata documents', () => {
  test('Java medium date format in UTC', () => {
    expect(javaDateTime(new Date(Date.UTC(2023, 6, 19, 23, 21, 0)))).toBe(
      'Jul 19, 2023, 11:21:00 PM'
    )
    expect(javaDateTime(new Date(Date.UTC(2024, 0, 2, 0, 5, 9)))).toBe('Jan 2, 2024, 12:05:09 AM')
    expect(javaDateTime(new Date(Date.UTC(2024, 0, 2, 12, 0, 0)))).toBe('Jan 2, 2024, 12:00:00 PM')
  })

  test('the table list is split into numbered files', () => {
    const many = Array.from({ length: TABLES_PER_INFO_FILE + 3 }, (_, i) => table(`db.t${i}`))
    const files = tablesInfoFiles('exp', many)
    expect([...files.keys()]).toEqual([
      `export_tables_info_exp_from_1_to_${TABLES_PER_INFO_FILE}.json`,
      `export_tables_info_exp_from_${TABLES_PER_INFO_FILE + 1}_to_${TABLES_PER_INFO_FILE + 3}.json`
    ])
    const second = JSON.parse([...files.values()][1] ?? '{}') as {
      perTableStatus: { target: string }[]
    }
    expect(second.perTableStatus.map((t) => t.target)).toEqual([
      `db.t${TABLES_PER_INFO_FILE}`,
      `db.t${TABLES_PER_INFO_FILE + 1}`,
      `db.t${TABLES_PER_INFO_FILE + 2}`
    ])
  })
})

const samples = realOutputs()

withSamples(samples)('against real AWS samples', () => {
  const dir = samples ?? ''
  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

  test('our data file names follow the current naming convention of the docs', () => {
    const real = sample(dir, 'aurora/s3-keys-current-convention-docs.txt').trim().split('\n')
    const convention = new RegExp(`^\\d+/part-\\d{5}-${uuid}-c000\\.gz\\.parquet$`)
    for (const key of real) expect(key).toMatch(convention)
    const { batch, partition } = filePlace(3, 2)
    expect(`${batch}/${partFileName(partition, crypto.randomUUID())}`).toMatch(convention)
  })

  test('a table folder has the shape of the documented example', () => {
    const real = sample(dir, 'aurora/s3-table-prefix-example-docs.txt').trim()
    const [id = '', db = '', folder = ''] = real.split('/')
    const table = folder.slice(db.length + 1)
    expect(tableFolder(id, db, table)).toBe(real)
  })

  test('export_tables_info uses the real key names and date format', () => {
    const real = sample(dir, 'aurora/export-tables-info-postgres-truncated.json')
    const realKeys = new Set([...real.matchAll(/"(\w+)":/g)].map((m) => m[1]))
    const realDate = /"extractionStartTime": "([^"]+)"/.exec(real)?.[1] ?? ''
    expect(javaDateTime(new Date(`${realDate} UTC`))).toBe(realDate)
    const ours = JSON.parse(
      [...tablesInfoFiles('exp', [table('db.t')]).values()][0] ?? '{}'
    ) as object
    const ourKeys = new Set<string>()
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk)
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          ourKeys.add(k)
          walk(x)
        }
    }
    walk(ours)
    // The sample stops inside the first type mapping, so the keys after it are not in it.
    const beyondTheExcerpt = ['originalDateTimePrecision', 'status', 'sizeGB', 'target']
    expect([...ourKeys].filter((k) => !realKeys.has(k)).sort()).toEqual(
      [...beyondTheExcerpt].sort()
    )
  })
})
