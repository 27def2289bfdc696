// The assertions of the fault catalogue and the secrets test, shared by the faults*.test.ts suites: what a case
// must show (exit code, the tool's own message, the summary's phase rows, outputs, nothing left running) and where
// no secret may appear (SECRET_PLACES).
import { expect } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { SECRET_PLACES, type MigratePhase, type RunExpectation } from '../catalogue/faults.js'
import type { CaseRun } from './fault-run.js'

/** The `::error::` lines of a step's stdout, decoded (`%0A` → newline) as the runner shows them. */
export function errorLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%25/g, '%'))
}

/** The status shown in the summary's row of a phase (its title cell, then the status cell). */
function summaryStatus(summary: string, title: string): string | undefined {
  for (const row of summary.split('\n')) {
    const cells = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1] ?? '')
    if (cells.length >= 3 && cells[1]?.split('<br>')[0] === title) return cells[2]
  }
  return undefined
}

/** Asserts the phase's summary row shows `status` (succeeded, failed). */
function expectSummaryRow(run: CaseRun, id: MigratePhase, status: string): void {
  const phase = run.result?.phases.find((p) => p.id === id)
  expect({ id, status: phase?.status }).toEqual({ id, status })
  expect({ id, row: summaryStatus(run.main.summary, phase?.title ?? id) }).toEqual({
    id,
    row: expect.stringContaining(status)
  })
}

/** Asserts what the catalogue promises for a case. */
export function expectCaseOutcome(run: CaseRun, c: RunExpectation): void {
  const failed = 'fails' in c.outcome ? c.outcome.fails : undefined
  expect(run.main.exitCode).toBe(failed ? 1 : 0)
  expect(run.result?.status).toBe(failed ? 'failed' : 'succeeded')
  for (const id of c.completed) expectSummaryRow(run, id, 'succeeded')
  if (failed) {
    expectSummaryRow(run, failed, 'failed')
    // One error line, the step's, carrying the tool's or AWS's own words.
    const errors = errorLines(run.main.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(new RegExp(c.message))
    expect(run.result?.error).toMatch(new RegExp(c.message))
  } else {
    expect(errorLines(run.main.stdout)).toEqual([])
  }
  for (const name of c.outputs)
    expect({ name, value: run.main.outputs[name] ?? '' }).not.toEqual({ name, value: '' })
  if (c.logsLeft) {
    // Outside a GitHub Actions job nothing is uploaded: the files stay where the upload would take them from.
    expect(run.result?.logs?.note).toBe('not uploaded: not running in a GitHub Actions job')
    const files = readdirSync(run.result?.logs?.dir ?? '')
    expect(files.length).toBe(run.result?.logs?.files)
    // Lightning's own log (log.file, named after the phase) is copied beside the tools' output
    expect(files.some((f) => /-data-import-\d{4}-\d\d-\d\dT\d+Z-\d+\.log$/.test(f))).toBe(true)
    expect(run.main.summary).toContain('Tool logs (')
  }
  if (c.tableStatuses !== undefined) {
    const statuses = run.result?.tables.map((t) => t.status) ?? []
    for (const s of c.tableStatuses) expect(statuses).toContain(s)
    expect(run.main.summary).toMatch(/<h3>Tables \(\d+: /)
  }
  // Nothing of this run is left running: no tiup, Dumpling, Lightning or dmctl.
  expect(run.aliveAfterMain).toEqual([])
  if (!c.exportLeftRunning) expect(['STARTING', 'IN_PROGRESS']).not.toContain(run.exportStatus)
}

/** What the secrets are and where the one allowed argv use is. */
export interface Secrets {
  /** The source and target passwords and the AWS secret access key. */
  readonly values: readonly string[]
  /** The source password: Dumpling takes it on its command line (tiup redacts it in its own line). */
  readonly dumplingPassword: string
}

/** Whether an argv is Dumpling's (run through tiup, or as tiup starts it), with `secret` right after --password. */
function isDumplingPasswordUse(argv: readonly string[], secret: string): boolean {
  const dumpling = argv.some((a) => /^dumpling(:|$)/.test(a) || /\/dumpling$/.test(a))
  return (
    dumpling &&
    argv.every((a, i) => !a.includes(secret) || (a === secret && argv[i - 1] === '--password'))
  )
}

/** Asserts that no secret appears in any of SECRET_PLACES after a run (and its post step). */
export function expectNoSecrets(run: CaseRun, secrets: Secrets): void {
  // `::add-mask::` lines are how an action masks a secret: the runner consumes them, they never reach the log.
  const log = (text: string): string =>
    text
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
  const places: Record<string, string> = {
    stdout: log(run.main.stdout),
    stderr: run.main.stderr,
    'post-log': log(run.post.stdout) + run.post.stderr,
    summary: run.main.summary + run.post.summary,
    outputs: JSON.stringify(run.main.outputs),
    'result-json': run.resultText,
    'runner-temp': [...run.left.values()].join('\n')
  }
  for (const secret of secrets.values) {
    for (const [place, text] of Object.entries(places)) {
      expect({ place, leaked: text.includes(secret) }).toEqual({ place, leaked: false })
    }
    // argv: only Dumpling's --password, where tiup hides it in its "Starting component" line.
    for (const argv of run.argv.filter((a) => a.some((w) => w.includes(secret)))) {
      expect({ argv, allowed: secret === secrets.dumplingPassword }).toEqual({
        argv,
        allowed: true
      })
      expect({ argv, allowed: isDumplingPasswordUse(argv, secret) }).toEqual({
        argv,
        allowed: true
      })
    }
  }
  expect(run.main.stdout).toContain(`::add-mask::${secrets.dumplingPassword}`)
  const starts = run.main.stdout
    .split('\n')
    .filter((l) => l.startsWith('Starting component dumpling'))
  for (const line of starts) {
    expect(line).toMatch(/ --password \*{6} /)
  }
  // temp-mode: every file that held a secret was 0600 when seen; temp-gone: none of them is left.
  for (const [file, seen] of run.seen) {
    if (seen.secret) expect({ file, mode: seen.mode.toString(8) }).toEqual({ file, mode: '600' })
  }
  for (const [file, seen] of run.seen) if (seen.secret) expect(run.left.has(file)).toBe(false)
  expect(SECRET_PLACES.map((p) => p.id).sort()).toEqual(
    [...Object.keys(places), 'argv', 'temp-mode', 'temp-gone'].sort()
  )
}
