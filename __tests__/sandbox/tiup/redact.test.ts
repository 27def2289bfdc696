import { filterUri, hideSensitiveInfo } from '../../../sandbox/tiup/redact.js'

// Cases of pingcap/tiup pkg/environment/history_test.go TestHideSensitiveInfo (observable behaviour).
describe('tiup password redaction', () => {
  const xxx = '******'
  const dumplingArgs = (pw: string): string[] => [
    'tiup',
    'dumpling',
    '--port',
    '10611',
    '--host',
    '127.0.0.1',
    '--user',
    'root',
    '--password',
    pw
  ]
  test.each([
    [
      ['tiup', 'tidb-lightning', '-tidb-password', 'secret'],
      ['tiup', 'tidb-lightning', '-tidb-password', xxx]
    ],
    [
      ['tiup', 'tidb-lightning', '--tidb-password', 'secret'],
      ['tiup', 'tidb-lightning', '--tidb-password', xxx]
    ],
    [dumplingArgs('msandbox'), dumplingArgs(xxx)],
    [
      ['tiup', 'dmctl', '--master-addr', '127.0.0.1:8261', 'encrypt', 'very_secret'],
      ['tiup', 'dmctl', '--master-addr', '127.0.0.1:8261', 'encrypt', xxx]
    ],
    [
      ['bench', '-U', 'root', '-pr9876ABC4Z2dWAL', '--threads', '10'],
      ['bench', '-U', 'root', `-p${xxx}`, '--threads', '10']
    ],
    [
      ['tiup', 'https://user:pass@example.com'],
      ['tiup', 'https://user:xxxxx@example.com']
    ]
  ])('%j', (args, want) => {
    expect(hideSensitiveInfo(args)).toEqual(want)
  })

  test('S3 URLs lose their keys and get a sorted, Go-encoded query', () => {
    expect(filterUri('s3://backup-101/snapshot-?access-key=key&secret-access-key=access-key')).toBe(
      's3://backup-101/snapshot-?access-key=%2A%2A%2A%2A%2A%2A&secret-access-key=%2A%2A%2A%2A%2A%2A'
    )
    expect(filterUri('s3://b/p?force-path-style=true&endpoint=http://127.0.0.1:9000')).toBe(
      's3://b/p?endpoint=http%3A%2F%2F127.0.0.1%3A9000&force-path-style=true'
    )
  })

  test('quirks of the real prefix match are kept', () => {
    // `-password` starts with `-p`, so only the flag is masked and the next word stays visible, as in tiup.
    expect(hideSensitiveInfo(['-password', 'visible'])).toEqual([`-p${xxx}`, 'visible'])
    expect(hideSensitiveInfo(['-pd-urls', '127.0.0.1:2379'])).toEqual([
      `-p${xxx}`,
      '127.0.0.1:2379'
    ])
    expect(hideSensitiveInfo(['--password=abc'])).toEqual([`--password${xxx}`])
    expect(hideSensitiveInfo(['-p'])).toEqual(['-p'])
    expect(hideSensitiveInfo(['--host', '127.0.0.1:3306', 'x.toml'])).toEqual([
      '--host',
      '127.0.0.1:3306',
      'x.toml'
    ])
  })
})
