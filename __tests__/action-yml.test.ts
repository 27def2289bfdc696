import { expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from './helpers/action-inputs.js'

interface Entry {
  description: unknown
  required?: unknown
  default?: unknown
}
const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  name: string
  description: string
  branding: { icon: string; color: string }
  inputs: Record<string, Entry>
  outputs: Record<string, Entry>
  runs: Record<string, string>
}

test('runs the node24 bundles, with a post step that always runs', () => {
  expect(action.runs).toEqual({
    using: 'node24',
    main: 'dist/index.js',
    post: 'dist/post/index.js',
    'post-if': 'always()'
  })
  expect([action.name, action.branding]).toEqual([
    'aurora-to-tidb',
    { icon: 'database', color: 'blue' }
  ])
  expect(action.description).toMatch(/^[A-Z].*\.$/s)
})

test('every input is optional, documented in full sentences, with string defaults; booleans have one', () => {
  for (const [name, input] of Object.entries(action.inputs)) {
    expect([name, input.required]).toEqual([name, false])
    expect([name, input.description]).toEqual([name, expect.stringMatching(/^[A-Z`].*\.$/s)])
    if ('default' in input) expect([name, typeof input.default]).toEqual([name, 'string'])
    if (/`true` or `false`/.test(String(input.description)))
      expect([name, input.default]).toEqual([name, expect.stringMatching(/^(true|false)$/)])
  }
  expect(
    Object.keys(action.inputs).filter((n) =>
      /`true` or `false`/.test(String(action.inputs[n]?.description))
    )
  ).toEqual([
    'safe-mode',
    'fail-on-short-retention',
    'fail-on-verify-mismatch',
    'resume',
    'keep-restored-copy'
  ])
})

test('AWS credentials are never inputs, and the docs say where they come from', () => {
  expect(
    Object.keys(action.inputs).filter((n) => /secret|access-key|token|credential/.test(n))
  ).toEqual([])
  expect(String(action.inputs['aws-region']?.description)).toContain(
    'AWS credentials are never inputs'
  )
})

test('every output is documented', () => {
  for (const [name, output] of Object.entries(action.outputs)) {
    expect([name, output.description]).toEqual([name, expect.stringMatching(/^[A-Z`].*\.$/s)])
  }
})

test('declares exactly the outputs the action sets', async () => {
  const { OUTPUT_NAMES } = await import('../src/report/outputs.js')
  expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
})

test('matches GitHub’s action metadata schema, with node24 as the runtime', async () => {
  // The schema inside @action-validator/cli (its core package) predates `using: node24`: validate action.yml with
  // that one value put back to node20, and check the value itself above.
  const { validateAction } = (await import('@action-validator/core')) as {
    validateAction: (src: string) => { errors: unknown[] }
  }
  const text = readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')
  expect(text.match(/^ {2}using: node24$/gm)).toHaveLength(1)
  expect(validateAction(text.replace(/^ {2}using: node24$/m, '  using: node20')).errors).toEqual([])
  // and the check has teeth: an unknown key under runs is refused
  const broken = text.replace(/^ {2}using: node24$/m, '  using: node20\n  entry: dist/index.js')
  expect(validateAction(broken).errors).not.toEqual([])
})
