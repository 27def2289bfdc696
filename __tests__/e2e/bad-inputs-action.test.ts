// Runs the whole action on every case of the bad-input catalogue (catalogue/bad-inputs.ts), on a live sandbox: the
// in-process run() of src/run.ts for every case, and the bundled dist/index.js for a sample. Each must fail the step
// with the catalogue's exact message, publish a failed report holding it, and touch nothing: the sandbox's request
// logs show no request at all (no snapshot, no export, no S3 write, no DM call, no tool download).
import { readFileSync } from 'node:fs'
import { run } from '../../src/run.js'
import { BAD_INPUTS, type BadInput } from '../catalogue/bad-inputs.js'
import { setInputs } from '../helpers/action-inputs.js'
import { captureStdout, type StdoutCapture } from '../helpers/stdout.js'
import { withEnv } from '../helpers/env.js'
import { parseOutputFile, runAction, useHarness } from '../helpers/sandbox-harness.js'

const sandbox = useHarness()

/** How the runner's `::error::` command escapes a message (core's escapeData). */
const escaped = (message: string): string =>
  message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

interface ResultJson {
  status: string
  error?: string
  phases: unknown[]
}

/** The report a run left in result.json. */
const resultOf = (file: string | undefined): ResultJson =>
  JSON.parse(readFileSync(file ?? '', 'utf8')) as ResultJson

/**
 * The INPUT_* variables of exactly the step's `with:` (plus action.yml's defaults), as the runner sets them. The
 * process's own INPUT_* (the sandbox's) are put back afterwards.
 */
function inputEnv(inputs: BadInput['inputs']): Record<string, string> {
  const own = Object.entries(process.env).filter(([k]) => k.startsWith('INPUT_'))
  setInputs(inputs)
  const env = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('INPUT_'))
  )
  for (const k of Object.keys(env)) delete process.env[k]
  for (const [k, v] of own) process.env[k] = v
  return env
}

const read = (file: string | undefined): string => readFileSync(file ?? '', 'utf8')

describe('the in-process action on every bad input set', () => {
  let stdout: string[]
  let capture: StdoutCapture
  beforeEach(() => {
    capture = captureStdout()
    stdout = capture.lines
  })
  afterEach(() => {
    capture.restore()
    process.exitCode = undefined
  })

  test.each(BAD_INPUTS.map((c) => [c.name, c] as const))('%s', async (_name, c: BadInput) => {
    const { h } = sandbox
    const outputFile = process.env['GITHUB_OUTPUT']
    const summaryFile = process.env['GITHUB_STEP_SUMMARY']
    const offsets = { out: read(outputFile).length, summary: read(summaryFile).length }
    const requestsBefore = h.sb.requests().length
    // Only the case's inputs; the sandbox's AWS endpoints, credentials, PATH and runner files stay.
    const sandboxInputs = Object.fromEntries(
      Object.keys(h.env())
        .filter((k) => k.startsWith('INPUT_'))
        .map((k) => [k, undefined])
    )
    const restore = withEnv({ ...sandboxInputs, ...inputEnv(c.inputs) })
    try {
      await run()
    } finally {
      restore()
    }
    expect(process.exitCode).toBe(1)
    const errors = stdout.filter((l) => l.startsWith('::error::'))
    expect(errors).toEqual([`::error::${escaped(c.message)}\n`])
    const report = resultOf(parseOutputFile(read(outputFile).slice(offsets.out))['result-file'])
    expect([report.status, report.error, report.phases]).toEqual(['failed', c.message, []])
    expect(read(summaryFile).slice(offsets.summary)).toContain('failed</h2>')
    expect(h.sb.requests().slice(requestsBefore)).toEqual([])
  })
})

describe('the bundled action on a sample of bad input sets', () => {
  const sample = ['unknown operation', 'S3 URI as HTTPS URL', 'several problems at once']

  test.each(sample)('%s', async (name) => {
    const { h } = sandbox
    const c = BAD_INPUTS.find((b) => b.name === name)
    if (!c) throw new Error(`no catalogue case '${name}'`)
    // Unset the sandbox's own inputs (an empty INPUT_ is an unset input), then set exactly the case's.
    const cleared = Object.fromEntries(
      Object.keys(h.env())
        .filter((k) => k.startsWith('INPUT_'))
        .map((k) => [k, ''])
    )
    const caseEnv = inputEnv(c.inputs)
    const requestsBefore = h.sb.requests().length
    const result = await runAction(h, {}, 'index.js', { ...cleared, ...caseEnv })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(`::error::${escaped(c.message)}\n`)
    expect(resultOf(result.outputs['result-file'])).toMatchObject({
      status: 'failed',
      error: c.message
    })
    expect(result.summary).toContain('failed</h2>')
    expect(h.sb.requests().slice(requestsBefore)).toEqual([])
  })
})
