import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  TABLES_OUTPUT_MAX_BYTES,
  outputValues,
  tablesCappedMessage,
  tablesOutput,
  writeOutputs
} from '../../src/report/outputs.js'
import { writeResultFile, writeSummary } from '../../src/report/publish.js'
import { newReport } from '../../src/report/types.js'
import { tempDir, withEnv } from '../helpers/env.js'
import { captureStdout } from '../helpers/stdout.js'
import { succeededReport } from './fixture-reports.js'

describe('outputs', () => {
  test('derives binlog, table and tool-version outputs and keeps only known names', () => {
    const r = succeededReport()
    r.outputs['not-an-output'] = 'x'
    expect(outputValues(r, '/tmp/result.json')).toEqual({
      'binlog-file': 'mysql-bin.000042',
      'binlog-position': '154',
      'tool-versions': JSON.stringify({ tiup: '1.16.1', 'tidb-lightning': 'v8.5.2' }),
      'binlog-gtid': '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5',
      tables: JSON.stringify([
        {
          database: 'shop',
          table: 'orders',
          rowsExported: 1000,
          rowsImported: 1000,
          status: 'verified'
        },
        {
          database: 'shop',
          table: 'items',
          rowsExported: null,
          rowsImported: null,
          status: 'imported'
        }
      ]),
      'import-result': 'succeeded',
      'rows-imported': '1234567',
      'result-file': '/tmp/result.json'
    })
    expect(outputValues(newReport('status'))).toEqual({})
  })

  test('a phase can override a derived output', () => {
    const r = succeededReport()
    r.outputs['binlog-gtid'] = 'explicit'
    expect(outputValues(r)['binlog-gtid']).toBe('explicit')
  })

  test('writeOutputs writes them to GITHUB_OUTPUT', () => {
    const t = tempDir('outputs-')
    const file = path.join(t.dir, 'output')
    writeFileSync(file, '')
    const restore = withEnv({ GITHUB_OUTPUT: file })
    try {
      writeOutputs(succeededReport(), '/x/result.json')
      const text = readFileSync(file, 'utf8')
      expect(text).toMatch(/^binlog-file<<ghadelimiter_[\w-]+\nmysql-bin\.000042\n/)
      expect(text).toMatch(/result-file<<ghadelimiter_[\w-]+\n\/x\/result\.json\n/)
    } finally {
      restore()
      t.remove()
    }
  })
})

describe('the tables output', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      database: `database_${i % 50}`,
      table: `a_table_with_a_rather_long_name_${i}_ü`,
      rowsExported: 1000 + i,
      rowsImported: 1000 + i,
      status: 'imported' as const
    }))

  test('lists every table while they fit', () => {
    const out = tablesOutput(many(3))
    expect(out).toMatchObject({ listed: 3, total: 3 })
    expect(JSON.parse(out.json)).toHaveLength(3)
  })

  test('10,000 tables: capped below GitHub’s 1 MB per output, still a JSON list, the rest named by the warning', () => {
    const out = tablesOutput(many(10_000))
    expect(Buffer.byteLength(out.json, 'utf8')).toBeLessThanOrEqual(TABLES_OUTPUT_MAX_BYTES)
    expect(TABLES_OUTPUT_MAX_BYTES).toBeLessThan(1024 * 1024)
    expect(out.total).toBe(10_000)
    expect(out.listed).toBeLessThan(10_000)
    expect(out.listed).toBeGreaterThan(1000)
    const listed = JSON.parse(out.json) as { table: string }[]
    expect(listed).toHaveLength(out.listed)
    expect(listed.at(-1)?.table).toBe(`a_table_with_a_rather_long_name_${out.listed - 1}_ü`)
    expect(tablesCappedMessage(out.listed, out.total, '/t/result.json')).toBe(
      `The \`tables\` output lists the first ${out.listed} of 10000 tables: GitHub caps an output at 1 MB. The full list is in result.json (/t/result.json, the \`result-file\` output).`
    )
  })
})

describe('publish', () => {
  test('writeResultFile writes the whole report as JSON under RUNNER_TEMP, one folder per step', async () => {
    const t = tempDir('result-')
    const restore = withEnv({ RUNNER_TEMP: t.dir, GITHUB_ACTION: '__owner/repo' })
    try {
      const file = await writeResultFile(succeededReport())
      expect(file).toBe(path.join(t.dir, 'aurora-to-tidb', '__owner_repo', 'result.json'))
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(
        JSON.parse(JSON.stringify(succeededReport()))
      )
    } finally {
      restore()
      t.remove()
    }
  })

  test('writeResultFile replaces result.json whole or not at all (a failed write leaves the old file intact)', async () => {
    const t = tempDir('result-')
    const restore = withEnv({ RUNNER_TEMP: t.dir, GITHUB_ACTION: 'step' })
    try {
      const file = await writeResultFile(newReport('plan'))
      const before = readFileSync(file, 'utf8')
      // The temporary file cannot be written (a directory in its place, as a full disk would refuse it).
      mkdirSync(`${file}.${process.pid}.tmp`)
      await expect(writeResultFile(succeededReport())).rejects.toThrow(/EISDIR/)
      expect(readFileSync(file, 'utf8')).toBe(before)
      rmSync(`${file}.${process.pid}.tmp`, { recursive: true })
      await writeResultFile(succeededReport())
      expect(readdirSync(path.dirname(file))).toEqual(['result.json'])
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(
        JSON.parse(JSON.stringify(succeededReport()))
      )
    } finally {
      restore()
      t.remove()
    }
  })

  // core.summary remembers the first summary file it could open, so the failing case runs first.
  test('writeSummary prints the summary to the log on a local run, and warns when it cannot write', async () => {
    const { lines: out, restore: stopCapture } = captureStdout()
    const restore = withEnv({ GITHUB_STEP_SUMMARY: undefined })
    try {
      expect(await writeSummary(newReport('plan'))).toBe(false)
      process.env['GITHUB_STEP_SUMMARY'] = '/nonexistent/dir/summary.md'
      expect(await writeSummary(newReport('plan'))).toBe(false)
    } finally {
      restore()
      stopCapture()
    }
    const text = out.join('')
    expect(text).toContain('GITHUB_STEP_SUMMARY is not set (a local run?): the summary follows.')
    expect(text).toContain('<h2>⏳ Plan running</h2>')
    expect(text).toContain(
      "::warning::Could not write the job summary: Unable to access summary file: '/nonexistent/dir/summary.md'"
    )
  })
  test('writeSummary appends the rendered summary to GITHUB_STEP_SUMMARY', async () => {
    const t = tempDir('summary-')
    const file = path.join(t.dir, 'summary.md')
    writeFileSync(file, 'earlier step\n')
    const restore = withEnv({ GITHUB_STEP_SUMMARY: file })
    try {
      expect(await writeSummary(succeededReport())).toBe(true)
      const text = readFileSync(file, 'utf8')
      expect(text.startsWith('earlier step\n<h2>✅ Migrate succeeded')).toBe(true)
      // the core.summary buffer is emptied, so a second write does not repeat the first
      expect(await writeSummary(newReport('plan'))).toBe(true)
      expect(readFileSync(file, 'utf8').match(/<h2>/g)).toHaveLength(2)
    } finally {
      restore()
      t.remove()
    }
  })
})
