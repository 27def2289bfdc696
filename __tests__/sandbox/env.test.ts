import path from 'node:path'
import { parseEnv } from 'node:util'
import { parse as dotenvParse } from 'dotenv'
import fc from 'fast-check'
import {
  CONTRACT_KEYS,
  RUNNER_KEYS,
  dotenvLine,
  formatDotenv,
  runnerPaths,
  sandboxEnv,
  type SandboxEndpoints
} from '../../sandbox/env.js'
import { SAMPLE_FILTER } from '../../sandbox/servers/sample-data.js'

const endpoints: SandboxEndpoints = {
  dir: '/tmp/sandbox dir',
  binDir: '/repo/sandbox/bin',
  region: 'us-east-1',
  accessKeyId: 'AKIAEXAMPLE',
  secretAccessKey: 'secret',
  rdsUrl: 'http://127.0.0.1:1001',
  s3Url: 'http://127.0.0.1:1002',
  iamUrl: 'http://127.0.0.1:1009',
  kmsUrl: 'http://127.0.0.1:1010',
  source: { host: '127.0.0.1', port: 1003, user: 'migrator', password: 'pw1' },
  target: { host: '127.0.0.1', port: 1004, user: 'root', password: 'pw2', statusPort: 1005 },
  pdAddr: '127.0.0.1:1006',
  clusterIdentifier: 'sandbox-aurora',
  exportRoleArn: 'arn:aws:iam::123456789012:role/sandbox-rds-s3-export',
  kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-0000-4000-8000-000000000000',
  s3Uri: 's3://sandbox-migrations/aurora-to-tidb',
  filter: SAMPLE_FILTER,
  dmMasterAddr: '127.0.0.1:1007',
  tiupMirror: 'http://127.0.0.1:1008',
  tidbVersion: 'v8.5.2'
}

/** Both parsers the environment meets: dotenv (used by @github/local-action) and Node's own. */
function parseBoth(
  text: string
): [Record<string, string | undefined>, Record<string, string | undefined>] {
  return [dotenvParse(text), parseEnv(text)]
}

describe('dotenv output', () => {
  test.each([
    ['plain', 'abc-123_x.y:z/@%+,='],
    ['multiline filter', SAMPLE_FILTER.join('\n')],
    ['spaces and a hash', 'a b # not a comment'],
    ['dollar (no expansion)', 'p$HOME${X}'],
    ['double quote', 'say "hi"'],
    ['backslash n literally', 'C:\\new\\table'],
    ['both quotes', `it's "x"`],
    ['empty', ''],
    ['leading and trailing spaces', '  padded  ']
  ])('%s round-trips through dotenv and util.parseEnv', (_name, value) => {
    const text = `${dotenvLine('INPUT_SOME-KEY', value)}\n`
    for (const parsed of parseBoth(text)) expect(parsed['INPUT_SOME-KEY']).toBe(value)
  })

  test('the filter is one double-quoted line with \\n escapes', () => {
    expect(dotenvLine('INPUT_FILTER', SAMPLE_FILTER.join('\n'))).toBe(
      'INPUT_FILTER="shop.*\\nanalytics.*\\n`crm`.*\\n!crm.*_tmp"'
    )
  })

  test('any printable value without carriage returns round-trips', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\r')),
        (value) => {
          let line: string
          try {
            line = dotenvLine('K', value)
          } catch {
            // Only a value that mixes all three quote characters and a backslash or newline is refused.
            return /["\\\n]/.test(value) && value.includes("'") && value.includes('`')
          }
          return parseBoth(`${line}\n`).every((p) => p['K'] === value)
        }
      )
    )
  })

  test('keys that no parser accepts are refused', () => {
    expect(() => dotenvLine('1BAD', 'x')).toThrow(/dotenv key/)
    expect(() => dotenvLine('A B', 'x')).toThrow(/dotenv key/)
  })
})

describe('sandboxEnv', () => {
  const env = sandboxEnv(endpoints, { PATH: '/usr/bin:/bin' })

  test('has every key of the contract and nothing without a value', () => {
    for (const key of CONTRACT_KEYS) expect(env[key]).toEqual(expect.any(String))
    for (const [key, value] of Object.entries(env)) {
      if (key !== 'INPUT_FILTER') expect(value).not.toBe('')
    }
    expect(env['INPUT_TIUP-VERSION']).toBe('auto')
    expect(env['INPUT_SOURCE-PORT']).toBe('1003')
    expect(env['INPUT_S3-ENDPOINT']).toBe(env['AWS_ENDPOINT_URL_S3'])
    expect(env['INPUT_FILTER']?.split('\n')).toEqual([...SAMPLE_FILTER])
  })

  test('puts the sandbox bin folder first on PATH, then the caller PATH', () => {
    expect(env['PATH']?.split(path.delimiter)).toEqual(['/repo/sandbox/bin', '/usr/bin', '/bin'])
  })

  test('adds runner variables only where the caller has none', () => {
    expect(env['RUNNER_TEMP']).toBe(runnerPaths(endpoints.dir).RUNNER_TEMP)
    const onRunner = sandboxEnv(endpoints, {
      RUNNER_TEMP: '/runner/tmp',
      GITHUB_OUTPUT: '/runner/out'
    })
    expect(onRunner['RUNNER_TEMP']).toBeUndefined()
    expect(onRunner['GITHUB_OUTPUT']).toBeUndefined()
    expect(onRunner['RUNNER_TOOL_CACHE']).toBe(runnerPaths(endpoints.dir).RUNNER_TOOL_CACHE)
    expect(onRunner['GITHUB_STEP_SUMMARY']).toBe(runnerPaths(endpoints.dir).GITHUB_STEP_SUMMARY)
    for (const key of RUNNER_KEYS)
      expect(runnerPaths(endpoints.dir)[key].startsWith(`${endpoints.dir}/runner/`)).toBe(true)
  })

  test('formatDotenv prints one line per key that both parsers read back whole', () => {
    const text = formatDotenv(env)
    expect(text.trimEnd().split('\n')).toHaveLength(Object.keys(env).length)
    for (const parsed of parseBoth(text)) expect(parsed).toEqual(env)
  })
})
