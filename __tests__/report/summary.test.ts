import { renderSummary, SUMMARY_MAX_BYTES } from '../../src/report/summary.js'
import { newReport } from '../../src/report/types.js'
import { failedReport, succeededReport } from './fixture-reports.js'

describe('renderSummary', () => {
  test('an empty report says what ran and nothing more', () => {
    const text = renderSummary(newReport('plan', new Date('2025-03-01T10:00:00Z')))
    expect(text).toBe(
      '<h2>⏳ Plan running</h2>\n<p>aurora-to-tidb plan · started 2025-03-01T10:00:00.000Z</p>\n'
    )
  })

  test('a successful run shows the phase table with durations and key numbers, the hand-off box and tables', () => {
    const text = renderSummary(succeededReport())
    for (const fragment of [
      '<h2>✅ Migrate succeeded: 1,234,567 rows imported into 2 tables</h2>',
      'took 1h 02m 03s',
      '<tr><td>3/3</td><td>Data import (Lightning)</td><td>✅ succeeded</td><td>50m 00s</td>' +
        '<td>rows: 1,234,567 · size: 12.3 GiB · progress: 100% · lag: 5.0 s · mode: local</td></tr>',
      '<h3>What the next job needs</h3>',
      '<tr><th>Binlog file (DM starts here)</th><td><code>mysql-bin.000042</code></td><td><code>binlog-file</code></td></tr>',
      '<tr><th>GTID set</th><td><code>3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5</code></td><td><code>binlog-gtid</code></td></tr>',
      '<p><sub>Binlog position: SHOW MASTER STATUS.</sub></p>',
      '<h3>Tables (2: 1 verified · 1 imported)</h3>',
      '<tr><td>shop</td><td>orders</td><td>1,000</td><td>1,000</td><td>verified</td></tr>',
      '<td>imported<br><sub>no row count</sub></td>',
      '<li><a href="https://s3.console.aws.amazon.com/s3/buckets/b?prefix=p/">Export in S3</a></li>',
      '<li>Export prefix: <code>s3://b/p/export-1/</code></li>',
      '<b>Tools:</b> tiup <code>1.16.1</code> · tidb-lightning <code>v8.5.2</code>'
    ]) {
      expect(text).toContain(fragment)
    }
    expect(text).not.toContain('Warnings')
    expect(text).not.toContain('<details')
  })

  test('the failed phase shows the tool’s own line and the escaped log tail', () => {
    const text = renderSummary(failedReport())
    expect(text).toContain('<h2>❌ Migrate failed at Data import (Lightning)</h2>')
    expect(text).toContain(
      '<p><b>Error:</b> Lightning failed: &lt;b&gt;restore failed&lt;/b&gt;</p>'
    )
    expect(text).toContain(
      '<summary><b>Data import (Lightning) failed</b>: tidb-lightning exited with code 1</summary>'
    )
    expect(text).toContain(
      '<p>The tool said: <code>[ERROR] [main.go:103] [&quot;tidb lightning encountered error&quot;] [error=&quot;&lt;img src=x onerror=alert(1)&gt;&quot;]</code></p>'
    )
    // set off by blank lines: a CommonMark HTML block of its own, blank lines and all
    expect(text).toContain(
      '\n\n<pre>line 1\n&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n\nlast &amp; final</pre>\n\n</details>'
    )
    expect(text).toContain(
      '<td>Verify<br><sub>depends on data-import, which failed</sub></td><td>⏭️ skipped</td>'
    )
  })

  test('does not repeat the run’s error in the failed phase', () => {
    const r = failedReport()
    const failed = r.phases[2]
    if (failed?.failure) r.error = failed.failure.message
    const text = renderSummary(r)
    expect(text.split('tidb-lightning exited with code 1')).toHaveLength(2)
    expect(text).toContain('<summary><b>Data import (Lightning) failed</b></summary>')
  })

  test('lists prechecks failures first, with counts and escaped reasons, and folds the passes', () => {
    const r = newReport('plan', new Date('2026-01-01T00:00:00Z'))
    r.checks.push(
      { id: 'a', title: 'Source binlog_format is ROW', status: 'pass', reason: 'ROW' },
      { id: 'b', title: 'Binlog retention', status: 'warn', reason: '24 h < 30 h needed' },
      {
        id: 'c',
        title: 'Target tables are empty',
        status: 'fail',
        reason: 'shop.<orders> has 3 rows'
      }
    )
    const text = renderSummary(r)
    expect(text).toContain('<h3>Prechecks (1 failed · 1 warning · 1 passed)</h3>')
    expect(text).toMatch(
      /<details>\n<summary>1 passed<\/summary>\n<table>[^]*Source binlog_format is ROW/
    )
    expect(text).toContain('shop.&lt;orders&gt; has 3 rows')
    const [fail, warn, pass] = [
      'Target tables are empty',
      'Binlog retention',
      'Source binlog_format is ROW'
    ].map((t) => text.indexOf(t))
    expect(fail).toBeLessThan(warn as number)
    expect(warn).toBeLessThan(pass as number)
  })

  test('escapes every outside string and keeps Markdown out of the way', () => {
    const text = renderSummary(failedReport())
    expect(text).not.toMatch(/<script|<img|<i>|<b>restore/)
    expect(text).toContain(
      '<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>*bold* [x](javascript:alert(1)) # h1</td>'
    )
    // javascript: URLs never become links
    expect(text).toContain('<li>evil: <code>javascript:alert(1)</code></li>')
    expect(text).not.toContain('href="javascript')
    // a blank line inside a warning would end the HTML block and let Markdown in: it becomes <br><br>
    expect(text).toContain('<li>first line<br><br>**not bold** &lt;i&gt;x&lt;/i&gt;</li>')
    // outside <pre>, no HTML block contains a blank line
    const outsidePre = text.replace(/<pre>[\s\S]*?<\/pre>/g, '')
    for (const block of outsidePre.match(/<(table|ul)>[\s\S]*?<\/\1>/g) ?? []) {
      expect(block).not.toContain('\n\n')
    }
  })

  test('stays under GitHub’s limit for a huge report, shrinking tails and tables and saying so', () => {
    const r = failedReport()
    r.tables = Array.from({ length: 50_000 }, (_, i) => ({
      database: 'db',
      table: `table_${i}`,
      rowsExported: i,
      rowsImported: i,
      status: 'imported'
    }))
    const failure = r.phases[2]?.failure
    if (failure) {
      r.phases[2] = {
        ...(r.phases[2] ?? { id: 'x', title: 'x', status: 'failed', numbers: [], warnings: [] }),
        failure: { ...failure, tail: Array.from({ length: 5000 }, (_, i) => `log line ${i}`) }
      }
    }
    const text = renderSummary(r)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(text).toContain('this summary was shortened to stay under GitHub’s 1 MiB limit')
    expect(text).toContain('(2,000 of 50,000 tables shown)')
    expect(text).toContain('48,000 more tables are in result.json.')
    expect(text).toContain('Log tail (last 100 of 5000):')
    expect(text).toContain('log line 4999</pre>')
    expect(text).not.toContain('log line 4899\n')
  })

  test('cuts at a line as a last resort and still ends with the note', () => {
    const r = succeededReport()
    r.error = 'x'.repeat(5000)
    const text = renderSummary(r, 3000)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(3000)
    expect(
      text.startsWith('<h2>✅ Migrate succeeded: 1,234,567 rows imported into 2 tables</h2>\n')
    ).toBe(true)
    expect(text).not.toContain('xxxxx')
    expect(text.trimEnd().endsWith('(output <code>result-file</code>).</p>')).toBe(true)
  })
})
