// Nothing from outside is a command: hostile text fed through every way the action prints outside text — a state
// file's notes, tool output, a phase's log lines, warnings and failure (AWS messages and errors end there), table
// names in the summary printed on a local run — and the step's output read as the runner reads it: no command
// comes from the payloads, and the payloads are still shown (made inert, not dropped).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import fc from 'fast-check'
import type { Phase } from '../../src/orchestrator/phase.js'
import { newRunState, withFinishedPhase } from '../../src/resume/record.js'
import type { RunStateStore } from '../../src/resume/store.js'
import { run } from '../../src/run.js'
import { PhaseError } from '../../src/util/errors.js'
import { runTool } from '../../src/util/run-tool.js'
import { inert } from '../../src/util/workflow-commands.js'
import { newMigrationState } from '../../src/phases/migration-state.js'
import { tempDir, withEnv } from '../helpers/env.js'
import { fakeInputs } from '../helpers/inputs.js'
import {
  HOSTILE,
  HOSTILE_PAYLOADS,
  PWNED,
  hostileCommands,
  runnerCommands
} from '../helpers/runner-commands.js'
import { captureStdout } from '../helpers/stdout.js'

describe('the runner-like reader (a test helper) reads commands as the runner does', () => {
  test('every payload printed raw is a command, but the %-encoded ones', () => {
    for (const p of HOSTILE_PAYLOADS) {
      const found = hostileCommands(`a line ${p}\n`)
      expect({ p, found: found.length > 0 }).toEqual({ p, found: !p.startsWith('%') })
    }
  })

  test('stop-commands stops every command until its token', () => {
    const out = '::stop-commands::tok\n::error::hidden\n::tok::\n::error::shown\n'
    expect(runnerCommands(out).map((c) => `${c.command}:${c.data}`)).toEqual([
      'stop-commands:tok',
      'tok:',
      'error:shown'
    ])
  })

  test("core's own commands read back as one value", () => {
    const capture = captureStdout()
    try {
      // core escapes the data of its commands: the runner reads one warning, not a second command.
      core.warning(`a\n::error::${PWNED}-x`)
    } finally {
      capture.restore()
    }
    expect(runnerCommands(capture.lines.join(''))).toEqual([
      expect.objectContaining({ command: 'warning', data: `a\n::error::${PWNED}-x` })
    ])
  })
})

describe('inert', () => {
  test('makes every payload inert and keeps what a reader sees', () => {
    for (const p of HOSTILE_PAYLOADS) {
      const text = `note: ${p}`
      expect(runnerCommands(inert(text))).toEqual([])
      expect(inert(text).replaceAll('\u2060', '')).toBe(text.replace(/\r\n|\r/g, '\n'))
    }
  })

  test('leaves lines without :: or ##[ untouched, \\r included', () => {
    expect(inert('progress 10%\rprogress 20%')).toBe('progress 10%\rprogress 20%')
    expect(inert('a: b')).toBe('a: b')
  })

  test('no text, however built, reads as a command once inert', () => {
    const pieces = fc.constantFrom(
      ':',
      '::',
      '#',
      '##[',
      '[',
      ']',
      '\n',
      '\r',
      ' ',
      '\t',
      '\u0085',
      'error',
      'add-mask',
      '%0A',
      'x',
      '='
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(runnerCommands(inert(text))).toEqual([])
        const lines = (t: string): string => t.replace(/\r\n|\r/g, '\n')
        expect(lines(inert(text).replaceAll('\u2060', ''))).toBe(lines(text))
      }),
      { numRuns: 2000 }
    )
  })
})

describe('every source of outside text, through run()', () => {
  const runner = tempDir('inert-run-')
  let restore: () => void
  beforeAll(() => {
    // No GITHUB_STEP_SUMMARY: the summary, with its table names and errors, is printed to the log.
    restore = withEnv({
      RUNNER_TEMP: runner.dir,
      GITHUB_STEP_SUMMARY: undefined,
      GITHUB_OUTPUT: path.join(runner.dir, 'output'),
      GITHUB_STATE: path.join(runner.dir, 'state')
    })
    writeFileSync(path.join(runner.dir, 'output'), '')
    writeFileSync(path.join(runner.dir, 'state'), '')
  })
  afterAll(() => {
    restore()
    runner.remove()
    process.exitCode = undefined
  })

  test('state file notes, tool output, log lines, warnings, names and errors print no command', async () => {
    const inputs = { ...fakeInputs(), runKey: 'hostile' }
    // A state file whose earlier phases carry hostile notes (a tampered or foreign file).
    const state = newMigrationState('hostile')
    let record = newRunState('hostile', inputs, new Date('2026-01-01T00:00:00Z'))
    for (const id of ['binlog-capture', 'snapshot']) {
      record = withFinishedPhase(
        record,
        {
          id,
          endedAt: '2026-01-01T00:01:00.000Z',
          outputs: {},
          note: `done ${HOSTILE}`,
          numbers: []
        },
        state,
        { tables: [], links: [] }
      )
    }
    const store: RunStateStore = {
      uri: 's3://bucket/prefix/.state/hostile.json',
      read: () => Promise.resolve(JSON.stringify(record)),
      write: () => Promise.resolve()
    }
    const tool = `for (const p of ${JSON.stringify(HOSTILE_PAYLOADS)}) console.log('tool says ' + p)`
    const phases: Phase[] = [
      {
        id: 'precheck',
        title: 'Precheck',
        dependsOn: [],
        run: async (ctx) => {
          // Tool output, streamed into the phase log as the tool adapters do.
          await runTool({
            command: process.execPath,
            args: ['-e', tool],
            log: (l) => ctx.log.info(l),
            echo: false
          })
          ctx.log.info(`Table \`shop\`.\`t${HOSTILE}\` selected`)
          // An AWS message or a tool's error as a warning.
          ctx.log.warning(`Export task x: ${HOSTILE}`)
          ctx.report.tables.push({ database: 'shop', table: `t${HOSTILE}`, status: 'imported' })
        }
      },
      {
        id: 'binlog-capture',
        title: 'Binlog',
        dependsOn: ['precheck'],
        run: () => Promise.resolve()
      },
      {
        id: 'snapshot',
        title: 'Snapshot',
        dependsOn: ['binlog-capture'],
        run: () => Promise.resolve()
      },
      {
        id: 'export',
        title: 'Export',
        dependsOn: ['snapshot'],
        run: () =>
          Promise.reject(
            new PhaseError('export', `Export task x ended FAILED: ${HOSTILE}`, {
              toolLine: HOSTILE,
              tail: HOSTILE_PAYLOADS.map((p) => `tail ${p}`)
            })
          )
      }
    ]
    const capture = captureStdout()
    try {
      await run({
        readInputs: () => ({ ...inputs, resume: true }),
        phasesFor: () => phases,
        runStateStore: () => Promise.resolve(store)
      })
    } finally {
      capture.restore()
    }
    const out = capture.lines.join('')
    expect(hostileCommands(out)).toEqual([])
    // Shown, not dropped: the notes of the state file, the tool's lines, the names, the failure.
    expect(out).toContain('· done ')
    for (const marker of ['error', 'mask', 'stop', 'old', 'pct-mask'])
      expect(out).toContain(`${PWNED}-${marker}`)
    expect(out).toMatch(/tool says/)
    expect(process.exitCode).toBe(1)
  })
})
