import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/action-inputs.js'
import { BAD_ENVIRONMENTS, BAD_INPUTS, RERUN_CASES, catalogueCounts } from './index.js'

interface ActionYml {
  inputs: Record<string, unknown>
}

describe('the reliability catalogues', () => {
  test('hold at least 60 distinct bad cases together, each with its own name', () => {
    const counts = catalogueCounts()
    expect(counts).toMatchObject({
      badInputs: BAD_INPUTS.length,
      badEnvironments: BAD_ENVIRONMENTS.length,
      totalBad: BAD_INPUTS.length + BAD_ENVIRONMENTS.length
    })
    expect(counts.totalBad).toBeGreaterThanOrEqual(60)
    const names = [...BAD_INPUTS, ...BAD_ENVIRONMENTS].map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
  })

  test('every re-run case is an e2e test of that exact title in its file', () => {
    for (const c of RERUN_CASES) {
      const text = readFileSync(path.join(REPO_ROOT, '__tests__', 'e2e', c.file), 'utf8')
      expect({ case: c.name, found: text.includes(`test('${c.name}'`) }).toEqual({
        case: c.name,
        found: true
      })
    }
  })

  test('every bad input message starts by naming an input of action.yml', () => {
    const known = Object.keys(
      (parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml).inputs
    )
    for (const c of BAD_INPUTS) {
      const named = /^(?:\d+ input problems:\n- )?Inputs? '([a-z0-9-]+)'/.exec(c.message)?.[1]
      expect([c.name, known.includes(named ?? '')]).toEqual([c.name, true])
    }
  })

  test('are importable without jest (as the docs script imports them), with the same counts', () => {
    // tools:build (the tests' pretest) compiles __tests__/catalogue to .build; plain node imports it there.
    const built = path.join(REPO_ROOT, '.build', '__tests__', 'catalogue', 'index.js')
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(built)}); console.log(JSON.stringify(m.catalogueCounts()))`
      ],
      { encoding: 'utf8' }
    )
    expect(JSON.parse(out)).toEqual(catalogueCounts())
  })
})
