import { displayCommand, redactArgs, redactText } from '../../src/util/redact.js'

describe('redactArgs', () => {
  // The cases of tiup's own HideSensitiveInfo test (pkg/environment/history_test.go), in our words.
  test.each([
    [
      ['tidb-lightning', '-tidb-password', 'secret'],
      ['tidb-lightning', '-tidb-password', '******']
    ],
    [
      ['tidb-lightning', '--tidb-password', 'secret'],
      ['tidb-lightning', '--tidb-password', '******']
    ],
    [
      ['dumpling', '--port', '10611', '--host', '127.0.0.1', '--user', 'root', '--password', 'pw'],
      [
        'dumpling',
        '--port',
        '10611',
        '--host',
        '127.0.0.1',
        '--user',
        'root',
        '--password',
        '******'
      ]
    ],
    [
      ['dmctl', '--master-addr', '127.0.0.1:8261', 'encrypt', 'very_secret'],
      ['dmctl', '--master-addr', '127.0.0.1:8261', 'encrypt', '******']
    ],
    [
      [
        'bench',
        '-H',
        'example.com',
        '-P',
        '4000',
        '-U',
        'root',
        '-pr9876ABC4Z2dWAL',
        '--threads',
        '10'
      ],
      ['bench', '-H', 'example.com', '-P', '4000', '-U', 'root', '-p******', '--threads', '10']
    ],
    [
      ['dumpling', '-p', 'pw'],
      ['dumpling', '-p', '******']
    ],
    [
      ['dumpling', '--password=pw'],
      ['dumpling', '--password=******']
    ],
    [
      ['lightning', '-tidb-password=pw'],
      ['lightning', '-tidb-password=******']
    ],
    [
      ['dumpling', '-o', 's3://b/p?access-key=AKIA&secret-access-key=abc&region=x'],
      ['dumpling', '-o', 's3://b/p?access-key=******&secret-access-key=******&region=x']
    ],
    [
      ['mirror', 'set', 'https://user:pass@example.com/m'],
      ['mirror', 'set', 'https://user:******@example.com/m']
    ]
  ])('%j', (input, expected) => {
    expect(redactArgs(input)).toEqual(expected)
  })

  test('leaves flags that merely start with -p alone', () => {
    expect(redactArgs(['-pd-urls', '127.0.0.1:2379', '-port=4000', '-pd-addr=x'])).toEqual([
      '-pd-urls',
      '127.0.0.1:2379',
      '-port=4000',
      '-pd-addr=x'
    ])
  })

  test('keeps a trailing password flag with nothing after it', () => {
    expect(redactArgs(['--password'])).toEqual(['--password'])
  })
})

describe('redactText', () => {
  test('hides every occurrence, longest secret first, and ignores empty secrets', () => {
    expect(redactText('user=root pw=abc123 again abc123', ['abc', 'abc123', ''])).toBe(
      'user=root pw=*** again ***'
    )
  })
})

describe('displayCommand', () => {
  test('quotes words a shell would split and hides secrets by value before quoting', () => {
    expect(displayCommand('tiup', ['dmctl:v8.5.0', '--config', "it's here", "p'w"], ["p'w"])).toBe(
      `tiup dmctl:v8.5.0 --config 'it'\\''s here' ***`
    )
    expect(displayCommand('tiup', ['', 'a b'])).toBe(`tiup '' 'a b'`)
  })
})
