import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { componentVersion, parseTiupVersion } from '../../../src/tidb/tiup/version.js'
import { realOutputsDir } from '../../helpers/paths.js'

const dir = path.join(realOutputsDir, 'tiup')
const haveRealOutputs = existsSync(dir)
if (!haveRealOutputs) console.warn(`skipping real tiup outputs: ${dir} is absent`)
const real = haveRealOutputs ? test : test.skip

describe('parseTiupVersion on real tiup output', () => {
  real.each([
    // file, version, git ref, go version
    ['version-v1.0.9-old-format-and-dm-version.txt', '1.0.9', 'master', 'go1.13'],
    ['version-1.4.0-zsh-right-prompt.txt', '1.4.0', 'v1.4.0', 'go1.16.2'],
    ['version-1.4.1-and-cluster-version.txt', '1.4.1', 'v1.4.1', 'go1.16.3'],
    // The first line and Git Ref disagree in this real release (tiup#2412): the first line is what tiup says.
    ['version-1.15.0-gitref-mismatch.txt', '1.15.0', 'v1.15.1', 'go1.21.9']
  ])('%s', (file, version, gitRef, goVersion) => {
    const text = readFileSync(path.join(dir, file), 'utf8')
    expect(parseTiupVersion(text)).toEqual({ version, gitRef, goVersion })
  })

  real('finds no version when tiup -v failed without a root manifest', () => {
    const text = readFileSync(path.join(dir, 'tiup-v-missing-root-json-1.14.txt'), 'utf8')
    expect(parseTiupVersion(text)).toBeUndefined()
  })
})

describe('parseTiupVersion', () => {
  test('ignores a component’s "tiup version …" line and accepts pre-release versions', () => {
    expect(parseTiupVersion('tiup version 1.4.1 tiup\n')).toBeUndefined()
    expect(parseTiupVersion('1.17.0-nightly-20250101 tiup\r\n')?.version).toBe(
      '1.17.0-nightly-20250101'
    )
    expect(parseTiupVersion('1.16.1 tiup')).toEqual({
      version: '1.16.1',
      gitRef: undefined,
      goVersion: undefined
    })
  })
})

describe('componentVersion', () => {
  test('adds the v tiup wants to a bare version and leaves the rest', () => {
    expect(componentVersion('8.5.2')).toBe('v8.5.2')
    expect(componentVersion('v8.5.2')).toBe('v8.5.2')
    expect(componentVersion('nightly')).toBe('nightly')
  })
})
