import { newReport, type PhaseRecord, type Report } from '../../src/report/types.js'

const T0 = new Date('2025-03-01T10:00:00.000Z')

function phase(id: string, title: string, over: Partial<PhaseRecord> = {}): PhaseRecord {
  return { id, title, status: 'succeeded', numbers: [], warnings: [], ...over }
}

/** A migrate run that succeeded. */
export function succeededReport(): Report {
  const r = newReport('migrate', T0)
  r.status = 'succeeded'
  r.durationMs = 3_723_000
  r.phases = [
    phase('precheck', 'Precheck', { durationMs: 4200 }),
    phase('schema-export', 'Schema export (Dumpling → S3)', {
      durationMs: 65_000,
      numbers: [{ label: 'tables', value: 3 }]
    }),
    phase('data-import', 'Data import (Lightning)', {
      durationMs: 3_000_000,
      numbers: [
        { label: 'rows', value: 1_234_567 },
        { label: 'size', value: 13_207_024_435, unit: 'bytes' },
        { label: 'progress', value: 100, unit: 'percent' },
        { label: 'lag', value: 5, unit: 'seconds' },
        { label: 'mode', value: 'local' }
      ]
    })
  ]
  r.binlog = {
    file: 'mysql-bin.000042',
    position: 154,
    gtid: '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5',
    capturedBy: 'SHOW MASTER STATUS'
  }
  r.tables = [
    {
      database: 'shop',
      table: 'orders',
      rowsExported: 1000,
      rowsImported: 1000,
      status: 'verified'
    },
    { database: 'shop', table: 'items', status: 'imported', note: 'no row count' }
  ]
  r.links = [
    { label: 'Export in S3', url: 'https://s3.console.aws.amazon.com/s3/buckets/b?prefix=p/' },
    { label: 'Export prefix', url: 's3://b/p/export-1/' }
  ]
  r.toolVersions = { tiup: '1.16.1', 'tidb-lightning': 'v8.5.2' }
  r.outputs = { 'import-result': 'succeeded', 'rows-imported': '1234567' }
  return r
}

/** A run whose data import failed, with hostile text everywhere. */
export function failedReport(): Report {
  const r = succeededReport()
  r.status = 'failed'
  r.error = 'Lightning failed: <b>restore failed</b>'
  const failed = r.phases[2]
  if (failed) {
    failed.status = 'failed'
    failed.failure = {
      message: 'tidb-lightning exited with code 1',
      toolLine:
        '[ERROR] [main.go:103] ["tidb lightning encountered error"] [error="<img src=x onerror=alert(1)>"]',
      tail: ['line 1', '</pre><script>alert(1)</script>', '', 'last & final']
    }
  }
  r.phases.push(
    phase('verify', 'Verify', { status: 'skipped', note: 'depends on data-import, which failed' })
  )
  r.tables.push({
    database: '<script>alert(1)</script>',
    table: '*bold* [x](javascript:alert(1)) # h1',
    status: 'failed'
  })
  r.links.push({ label: 'evil', url: 'javascript:alert(1)' })
  r.warnings = ['first line\n\n**not bold** <i>x</i>']
  return r
}
