// Every line the action parses, pinned against the real tools' samples in ../shared/real-outputs.
import { formatLogLine } from '../../../sandbox/lib/pingcap-log.js'
import { hideSensitiveInfo } from '../../../sandbox/tiup/redact.js'
import { versionText } from '../../../sandbox/tiup/tiup.js'
import {
  dumplingBanner,
  dumplingWelcomeFields,
  lightningWelcomeFields
} from '../../../sandbox/tiup/versions.js'
import { CheckTemplate } from '../../../sandbox/tiup/lightning/precheck.js'
import { newMetrics, progressFields } from '../../../sandbox/tiup/lightning/progress.js'
import { realOutput, stripTime, withRealOutputs } from './helpers.js'

/** Replaces variable values (durations, numbers, hashes, versions) so a sample and our line compare by shape. */
function shape(line: string): string {
  return stripTime(line)
    .replace(/\[[a-z_]+\.go:\d+\]/, '[FILE]')
    .replace(/(takeTime|total-take)=[0-9.]+(h|m|s|ms|µs|ns)[0-9.hms]*/g, '$1=DUR')
    .replace(/=\d+(\.\d+)?(?=\])/g, '=N')
    .replace(/[0-9a-f]{40}/g, 'HASH')
    .replace(/v\d+\.\d+\.\d+/g, 'VER')
}

describe('TiDB Lightning lines', () => {
  withRealOutputs('completion and checksum lines have the shapes of a real successful run', () => {
    const sample = realOutput('lightning/success-tail-v5.4-docs-no-timestamp.log')
      .split('\n')
      .map((l) => l.trimEnd())
    const ours = [
      formatLogLine('INFO', 'import.go:476', 'the whole procedure completed', [
        ['takeTime', '1.5s'],
        null
      ]),
      formatLogLine('INFO', 'import.go:1310', 'everything imported, stopping periodic actions'),
      formatLogLine('INFO', 'checksum.go:172', 'remote checksum start', [['table', 'sbtest1']]),
      formatLogLine('INFO', 'table_import.go:971', 'checksum pass', [
        ['table', '`sysbench`.`sbtest1`'],
        ['local', '{cksum=1,size=2,kvs=3}']
      ]),
      formatLogLine('INFO', 'import.go:1842', 'clean checkpoints start', [
        ['keepAfterSuccess', 'remove'],
        ['taskID', '1650516927467320997']
      ])
    ]
    for (const line of ours) {
      const want = sample.find((s) => shape(s).split('] [')[2] === shape(line).split('] [')[2])
      expect(want && shape(want).replace(/cksum=\d+,size=\d+,kvs=\d+/, 'CK')).toBe(
        shape(line).replace(/cksum=\d+,size=\d+,kvs=\d+/, 'CK')
      )
    }
  })

  test('the exit line, stdout lines and welcome line', () => {
    expect(
      stripTime(formatLogLine('INFO', 'main.go:106', 'tidb lightning exit', [['finished', true]]))
    ).toBe('[INFO] [main.go:106] ["tidb lightning exit"] [finished=true]')
    expect(
      stripTime(
        formatLogLine(
          'INFO',
          'info.go:49',
          'Welcome to TiDB-Lightning',
          lightningWelcomeFields('v8.5.2')
        )
      )
    ).toMatch(
      /^\[INFO\] \[info\.go:49\] \["Welcome to TiDB-Lightning"\] \[release-version=v8\.5\.2\] \[git-hash=[0-9a-f]{40}\] \[git-branch=HEAD\] \[go-version=go[\d.]+\] \[utc-build-time="[\d-]+ [\d:]+"\] \[race-enabled=false\]$/
    )
  })

  withRealOutputs('the welcome line has the keys of the real one', () => {
    const real =
      realOutput('lightning/welcome-cfg-start-v5.4-docs-no-timestamp.log').split('\n')[0] ?? ''
    const keys = (l: string): string[] => [...l.matchAll(/\[([a-z-]+)=/g)].map((m) => m[1] ?? '')
    expect(
      keys(
        formatLogLine(
          'INFO',
          'info.go:49',
          'Welcome to TiDB-Lightning',
          lightningWelcomeFields('v8.5.2')
        )
      )
    ).toEqual(keys(real))
  })

  test('progress: every field in order, absent ones as []', () => {
    const m = newMetrics()
    m.totalTables = 1
    m.estimatedChunks = 678
    m.estimatedEngines = 2
    expect(
      stripTime(formatLogLine('INFO', 'import.go:1284', 'progress', progressFields(m, 1000, true)))
    ).toBe(
      '[INFO] [import.go:1284] [progress] [total=0.0%] [tables="0/1 (0.0%)"] [chunks="0/678 (0.0%)"] [engines="0/2 (0.0%)"] [] [] [] [] [state=preparing] []'
    )
    Object.assign(m, {
      completedTables: 1,
      finishedChunks: 678,
      finishedEngines: 2,
      totalBytes: 67461963776,
      restoredBytes: 67461963776,
      totalRows: 10,
      restoredRows: 10,
      bytesRead: 2 ** 20
    })
    expect(
      stripTime(formatLogLine('INFO', 'import.go:1284', 'progress', progressFields(m, 1000, true)))
    ).toBe(
      '[INFO] [import.go:1284] [progress] [total=100.0%] [tables="1/1 (100.0%)"] [chunks="678/678 (100.0%)"] [engines="2/2 (100.0%)"] [restore-bytes=62.83GiB/62.83GiB] [restore-rows=10/10] [import-bytes=62.83GiB/62.83GiB(estimated)] ["encode speed(MiB/s)"=1] [state=post-processing] []'
    )
    Object.assign(m, {
      finishedChunks: 339,
      completedTables: 0,
      finishedEngines: 0,
      restoredRows: 5,
      restoredBytes: 33730981888
    })
    expect(
      stripTime(
        formatLogLine('INFO', 'import.go:1284', 'progress', progressFields(m, 60_000, false))
      )
    ).toBe(
      '[INFO] [import.go:1284] [progress] [total=50.0%] [tables="0/1 (0.0%)"] [chunks="339/678 (50.0%)"] [engines="0/2 (0.0%)"] [restore-bytes=31.41GiB/62.83GiB] [restore-rows=5/10] [] ["encode speed(MiB/s)"=0.016666666666666666] [state=writing] [remaining=1m0s]'
    )
  })

  withRealOutputs('the unknown-key error text is the real one', () => {
    const real = realOutput('lightning/unknown-config-option-curly-quotes.log').replace(
      /[“”]/g,
      '"'
    )
    expect(real).toContain(
      '[error="config file contained unknown configuration options: tikv-importer.sorted-kv-dir"]'
    )
  })

  withRealOutputs('the failed-last-time and tables-failed lines carry the real fragments', () => {
    const expectations = realOutput('lightning/from-code/failed-last-time-test-expectations.sh.txt')
    expect(expectations).toContain('grep -Fq \'["tables failed to be imported"] [count=2]\'')
    expect(
      formatLogLine('ERROR', 'import.go:158', 'tables failed to be imported', [['count', 2]])
    ).toContain('["tables failed to be imported"] [count=2]')
    expect(
      formatLogLine('ERROR', 'import.go:160', '-', [
        ['table', '`error_summary`.`a`'],
        ['status', 'checksum'],
        ['error', 'checksum mismatched remote vs local => …']
      ])
    ).toContain('[-] [table=`error_summary`.`a`] [status=checksum] [error="checksum mismatched')
  })

  test('the pre-check table: go-pretty borders, right-aligned numbers, a separator after every row', () => {
    const t = new CheckTemplate()
    t.collect('performance', true, 'Source data files size is proper')
    t.collect('critical', false, 'table(s) [`shop`.`orders`] are not empty')
    expect(t.output()).toBe(
      [
        '+---+------------------------------------------+-------------+--------+',
        '| # | CHECK ITEM                               | TYPE        | PASSED |',
        '+---+------------------------------------------+-------------+--------+',
        '| 1 | Source data files size is proper         | performance | true   |',
        '+---+------------------------------------------+-------------+--------+',
        '| 2 | table(s) [`shop`.`orders`] are not empty | critical    | false  |',
        '+---+------------------------------------------+-------------+--------+',
        ''
      ].join('\n')
    )
    expect(t.success()).toBe(false)
    expect(t.failedMessage()).toBe('table(s) [`shop`.`orders`] are not empty')
  })

  withRealOutputs('the pre-check table header and row layout match a real one', () => {
    const real = realOutput('lightning/precheck-table-fragment-v5.4.log').split('\n')
    const t = new CheckTemplate()
    t.collect('performance', true, 'Source csv files size is proper')
    const ours = t.output().split('\n')
    const cells = (l: string): string[] => l.split('|').map((c) => c.trim())
    expect(cells(ours[1] ?? '')).toEqual(cells(real[1] ?? ''))
    expect(cells(ours[3] ?? '')).toEqual(cells(real[3] ?? ''))
    expect(/^\| +1 \| /.test(ours[3] ?? '')).toBe(true)
  })
})

describe('Dumpling lines', () => {
  withRealOutputs('the version banner has the real five lines', () => {
    const real = realOutput('dumpling/tiup-dumpling-v6.5.0-serverless-start-truncated.log')
      .split('\n')
      .slice(2, 7)
    const ours = dumplingBanner('v6.5.0').split('\n').slice(0, 5)
    expect(ours.map((l) => l.slice(0, 17))).toEqual(real.map((l) => l.slice(0, 17)))
    expect(ours[0]).toBe(real[0])
    expect(ours[2]).toBe(real[2])
  })

  withRealOutputs('the welcome line has the real quoted keys', () => {
    const real =
      realOutput('dumpling/tiup-dumpling-v6.5.0-serverless-start-truncated.log').split('\n')[7] ??
      ''
    const ours = formatLogLine(
      'INFO',
      'versions.go:54',
      'Welcome to dumpling',
      dumplingWelcomeFields('v6.5.0')
    )
    const keys = (l: string): string[] => [...l.matchAll(/\["([^"]+)"=/g)].map((m) => m[1] ?? '')
    expect(keys(ours)).toEqual(keys(real))
    expect(stripTime(ours).replace(/[0-9a-f]{40}/, 'H')).toBe(
      stripTime(real)
        .replace(/[0-9a-f]{40}/, 'H')
        .replace(/go1\.19\.3 darwin\/amd64/, ours.match(/go[\d.]+ \w+\/\w+/)?.[0] ?? '')
        .replace(/2022-12-27 03:42:51/, '2025-05-29 06:35:55')
    )
  })

  withRealOutputs('the metadata block is the one metadata.go writes', () => {
    const expected = realOutput('dumpling/from-code/metadata-expected-test.go.txt')
    expect(expected).toContain('"\\tLog: ON.000001\\n" +')
    expect(expected).toContain('"\\tGTID:6ce40be3-e359-11e9-87e0-36933cb0ca5a:1-29\\n\\n"')
  })

  withRealOutputs('the progress line has the real keys', () => {
    const real = realOutput('dumpling/progress-status-printer-v4.0.8.log')
    for (const k of [
      '[tables="0/1 (0.0%)"]',
      '["finished rows"=',
      '["finished size"=',
      '["average speed(MiB/s)"='
    ])
      expect(real).toContain(k)
  })
})

describe('tiup lines', () => {
  withRealOutputs('--version has the current shape (version, Go Version, Git Ref, GitHash)', () => {
    const real = realOutput('tiup/version-1.15.0-gitref-mismatch.txt').split('\n').slice(1, 5)
    const ours = versionText().split('\n').slice(0, 4)
    const form = (l: string): string => l.replace(/^[\d.]+ tiup$/, 'N tiup').replace(/: .*$/, ': X')
    expect(ours.map(form)).toEqual(real.map(form))
    expect(ours[3]).toMatch(/^GitHash: [0-9a-f]{40}$/)
    expect(ours[0]).toMatch(/^1\.16\.\d+ tiup$/)
  })

  withRealOutputs(
    'Starting component: current plain form, same path layout as the real one',
    () => {
      const real =
        realOutput('tiup/starting-component-cluster-list-v1.5.2-docs.txt').split('\n')[1] ?? ''
      // tiup ≥ 1.15 dropped the back-quotes around the name (colorstr bold, plain when stderr is not a terminal)
      const parse = /^Starting component `?([\w-]+)`?: (\S+)(?: (.*))?$/
      expect(parse.exec(real)?.slice(1, 3)).toEqual([
        'cluster',
        '/root/.tiup/components/cluster/v1.5.2/tiup-cluster'
      ])
      const ours = `Starting component dumpling: ${hideSensitiveInfo(['/h/.tiup/components/dumpling/v8.5.2/dumpling', '-p', 'pw']).join(' ')}`
      expect(parse.exec(ours)?.slice(1)).toEqual([
        'dumpling',
        '/h/.tiup/components/dumpling/v8.5.2/dumpling',
        '-p ******'
      ])
    }
  )
})
