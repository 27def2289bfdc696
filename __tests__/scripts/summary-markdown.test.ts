import { renderSummary } from '../../src/report/summary.js'
import { summaryToMarkdown } from '../../scripts/summary-markdown.js'
import { failedReport, succeededReport } from '../report/fixture-reports.js'

describe('summaryToMarkdown', () => {
  test('turns the phase table, binlog box and tables into Markdown', () => {
    const md = summaryToMarkdown(renderSummary(succeededReport()))
    expect(md).toContain('## ✅ Migrate succeeded: 1,234,567 rows imported into 2 tables')
    expect(md).toContain(
      '| # | Phase | Status | Duration | Key numbers |\n| --- | --- | --- | --- | --- |'
    )
    expect(md).toContain('| 3/3 | Data import (Lightning) | ✅ succeeded | 50m 00s |')
    expect(md).toContain('### What the next job needs')
    expect(md).toContain('| Binlog file (DM starts here) | `mysql-bin.000042` | `binlog-file` |')
    expect(md).toContain('| shop | items |  |  | imported · (no row count) |')
    expect(md).toContain(
      '- [Export in S3](https://s3.console.aws.amazon.com/s3/buckets/b?prefix=p/)'
    )
    expect(md).not.toMatch(/<\/?(table|tr|td|th|h2|h3|ul|li|p)>/)
  })

  test('shows the failed phase with the tool line and the raw log tail, unescaped', () => {
    const md = summaryToMarkdown(renderSummary(failedReport()))
    expect(md).toContain('> **Data import (Lightning) failed**: tidb-lightning exited with code 1')
    expect(md).toContain(
      '> The tool said: `[ERROR] [main.go:103] ["tidb lightning encountered error"]'
    )
    expect(md).toContain('```text\nline 1\n</pre><script>alert(1)</script>\n\nlast & final\n```')
    expect(md).toContain('| <script>alert(1)</script> | *bold* [x](javascript:alert(1)) # h1 |')
  })
})
