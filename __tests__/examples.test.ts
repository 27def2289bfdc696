// The example workflows under .github/examples/ are valid workflow YAML, pin every action by commit SHA, pass only
// inputs action.yml declares, and read only outputs that exist (the action's, or a job's declared outputs).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDocument } from 'yaml'
import { OPERATIONS } from '../src/inputs/types.js'
import { REPO_ROOT } from './helpers/action-inputs.js'

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  'runs-on'?: unknown
  needs?: string | string[]
  outputs?: Record<string, string>
  steps?: Step[]
}
interface Workflow {
  name?: string
  on?: unknown
  jobs?: Record<string, Job>
}

const DIR = path.join(REPO_ROOT, '.github', 'examples')
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yml'))
const action = parseDocument(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')).toJS() as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const isOurs = (uses: string | undefined): boolean => /\/aurora-to-tidb@/.test(uses ?? '')

function load(file: string): { wf: Workflow; text: string } {
  const text = readFileSync(path.join(DIR, file), 'utf8')
  const doc = parseDocument(text, { uniqueKeys: true })
  expect(doc.errors.map((e) => e.message)).toEqual([])
  return { wf: doc.toJS() as Workflow, text }
}

test('the four examples the README lists are there', () => {
  expect(FILES.sort()).toEqual([
    'dm-lag-monitor.yml',
    'dm-lifecycle.yml',
    'migrate-then-verify.yml',
    'migrate-with-dm.yml'
  ])
  const readme = readFileSync(path.join(DIR, 'README.md'), 'utf8')
  for (const f of FILES) expect(readme).toContain(`(${f})`)
})

describe.each(FILES)('%s', (file) => {
  const { wf, text } = load(file)
  const jobs = Object.entries(wf.jobs ?? {})

  test('is a workflow: name, triggers, jobs with a runner and steps', () => {
    expect(typeof wf.name).toBe('string')
    expect(wf.on).toBeDefined()
    expect(jobs.length).toBeGreaterThan(0)
    for (const [, job] of jobs) {
      expect(job['runs-on']).toBeDefined()
      expect(job.steps?.length ?? 0).toBeGreaterThan(0)
      for (const step of job.steps ?? [])
        expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true)
    }
  })

  test('pins every action by a full commit SHA', () => {
    const uses = jobs.flatMap(([, j]) => (j.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : [])))
    expect(uses.length).toBeGreaterThan(0)
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/)
  })

  test('passes only declared inputs, with a real operation', () => {
    for (const [, job] of jobs) {
      for (const step of (job.steps ?? []).filter((s) => isOurs(s.uses))) {
        for (const key of Object.keys(step.with ?? {}))
          expect(Object.keys(action.inputs)).toContain(key)
        const operation = step.with?.['operation'] ?? 'migrate'
        expect(typeof operation).toBe('string')
        if (typeof operation === 'string' && !operation.startsWith('${{')) {
          expect(OPERATIONS).toContain(operation)
        }
      }
    }
    // No password is written into an example: they come from secrets.
    expect(text).not.toMatch(/password:\s*(?!\$\{\{\s*secrets\.)\S/)
  })

  test('reads only outputs that exist', () => {
    const ours = new Set(
      jobs.flatMap(([, j]) => (j.steps ?? []).filter((s) => isOurs(s.uses)).map((s) => s.id))
    )
    for (const m of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      expect(ours).toContain(m[1])
      expect(Object.keys(action.outputs)).toContain(m[2])
    }
    for (const m of text.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      expect(Object.keys(wf.jobs?.[m[1] ?? '']?.outputs ?? {})).toContain(m[2])
    }
  })
})
