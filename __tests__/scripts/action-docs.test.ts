import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  cell,
  MARKERS,
  parseActionYaml,
  renderInputsTable,
  renderOutputsTable,
  updateReadme,
  type ActionSpec
} from '../../scripts/action-docs.js'
import { REPO_ROOT } from '../helpers/action-inputs.js'

const SPEC: ActionSpec = {
  inputs: {
    mode: { description: 'One of `a|b`.\nSecond line.', default: 'a' },
    token: { description: 'A token.', required: true },
    extra: { description: 'Optional.', default: '' },
    note: { description: 'No default.' }
  },
  outputs: { result: { description: 'The result.' } }
}

describe('renderers', () => {
  test('the inputs table: one row per input in order, pipes escaped, lines joined, defaults shown', () => {
    expect(renderInputsTable(SPEC)).toBe(
      [
        '| Input | Description | Default |',
        '| --- | --- | --- |',
        '| `mode` | One of `a\\|b`. Second line. | `a` |',
        '| `token` | A token. | **required** |',
        '| `extra` | Optional. | *(empty)* |',
        '| `note` | No default. | — |'
      ].join('\n')
    )
  })

  test('the outputs table', () => {
    expect(renderOutputsTable(SPEC)).toBe(
      '| Output | Description |\n| --- | --- |\n| `result` | The result. |'
    )
    expect(cell('  a |\n  b ')).toBe('a \\| b')
  })

  test('updateReadme replaces only the generated blocks, and is idempotent', () => {
    const readme = `# x\n\n${MARKERS.inputs[0]}\nold\n${MARKERS.inputs[1]}\n\ntext\n\n${MARKERS.outputs[0]}\n${MARKERS.outputs[1]}\n`
    const once = updateReadme(readme, SPEC)
    expect(once).toBe(
      `# x\n\n${MARKERS.inputs[0]}\n${renderInputsTable(SPEC)}\n${MARKERS.inputs[1]}\n\ntext\n\n${MARKERS.outputs[0]}\n${renderOutputsTable(SPEC)}\n${MARKERS.outputs[1]}\n`
    )
    expect(updateReadme(once, SPEC)).toBe(once)
  })

  test('missing markers and undocumented entries are errors', () => {
    expect(() => updateReadme('# no markers', SPEC)).toThrow(
      `README.md has no '${MARKERS.inputs[0]}'`
    )
    expect(() => parseActionYaml('inputs:\n  a:\n    required: false\n')).toThrow(
      "action.yml: input 'a' has no description"
    )
  })
})

test('README.md is up to date with action.yml (npm run docs)', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')
  const spec = parseActionYaml(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'))
  expect(updateReadme(readme, spec)).toBe(readme)
  // Every input and output has its row (a count here would only track how many there are today).
  for (const name of [...Object.keys(spec.inputs), ...Object.keys(spec.outputs)])
    expect(readme).toContain(`| \`${name}\` |`)
})
