import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'
import { mappedFrame, mappedStack, type CallSiteLike } from '../../src/util/source-mapped-stacks.js'
import { tempDir } from '../helpers/env.js'
import { repoRoot } from '../helpers/paths.js'

/** A call site as V8 gives it to Error.prepareStackTrace, for the parts the mapping reads (null file: native). */
function callSite(fileName: string | null, line: number, column: number): CallSiteLike {
  const where = fileName === null ? 'native' : `${fileName}:${line}:${column}`
  return {
    getFileName: () => fileName,
    getLineNumber: () => line,
    getColumnNumber: () => column,
    toString: () => `boom (${where})`
  }
}

/** 1-based line and column of the first `needle` in `text`. */
function position(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n')
  const index = lines.findIndex((l) => l.includes(needle))
  return { line: index + 1, column: (lines[index] ?? '').indexOf(needle) + 1 }
}

describe('a compiled file with its map beside it', () => {
  const source = [
    'type Kind = "a" | "b"',
    '',
    'export function boom(kind: Kind): never {',
    '  throw new Error(`boom ${kind}`)',
    '}'
  ].join('\n')
  const dir = tempDir('mapped-stacks-')
  const js = path.join(dir.dir, 'boom.js')
  const compiled = ts.transpileModule(source, {
    fileName: 'boom.ts',
    compilerOptions: { sourceMap: true, target: ts.ScriptTarget.ES2022 }
  })
  writeFileSync(js, compiled.outputText)
  writeFileSync(`${js}.map`, compiled.sourceMapText ?? '')
  afterAll(() => dir.remove())

  const at = position(compiled.outputText, 'throw new Error')
  const expected = `boom (${path.join(dir.dir, 'boom.ts')}:4:3)`

  test('a frame in it points into the source, by path or by file URL', () => {
    expect(mappedFrame(callSite(js, at.line, at.column))).toBe(expected)
    expect(mappedFrame(callSite(pathToFileURL(js).href, at.line, at.column))).toBe(expected)
  })

  test('the stack keeps V8 shape: the error line, then one "at" line per frame', () => {
    const frames = [callSite(js, at.line, at.column), callSite('node:internal/x', 1, 2)]
    expect(mappedStack(new TypeError('bad kind'), frames)).toBe(
      `TypeError: bad kind\n    at ${expected}\n    at boom (node:internal/x:1:2)`
    )
  })

  test('frames without a usable map are left as V8 wrote them', () => {
    const noMap = path.join(dir.dir, 'other.js')
    writeFileSync(noMap, compiled.outputText)
    const badMap = path.join(dir.dir, 'bad.js')
    writeFileSync(badMap, compiled.outputText)
    writeFileSync(`${badMap}.map`, '{"version":3,"sources":')
    for (const site of [
      callSite(noMap, at.line, at.column),
      callSite(badMap, at.line, at.column),
      callSite(null, 0, 0),
      callSite('node:internal/modules/esm/module_job', 10, 5),
      callSite('[eval]', 1, 1)
    ]) {
      expect(mappedFrame(site)).toBe(site.toString())
    }
  })
})

// The built bundle, end to end: a runner whose state file is missing makes core.saveState throw before run()'s
// try, so the step crashes and Node prints the stack. It must point into src/*.ts, as ncc's register made it do.
test('a crash of dist/index.js prints a stack that points into src/*.ts', () => {
  const runner = tempDir('mapped-stacks-runner-')
  try {
    const out = path.join(runner.dir, 'output')
    writeFileSync(out, '')
    const child = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'index.js')], {
      env: {
        PATH: process.env['PATH'],
        RUNNER_TEMP: runner.dir,
        GITHUB_OUTPUT: out,
        GITHUB_STEP_SUMMARY: out,
        GITHUB_STATE: path.join(runner.dir, 'missing', 'state')
      },
      encoding: 'utf8'
    })
    expect(child.status).toBe(1)
    expect(child.stderr).toContain('Error: Missing file at path:')
    expect(child.stderr).toContain(`at saveState (${path.join(repoRoot, 'src/util/state.ts')}:`)
    expect(child.stderr).toContain(`at run (${path.join(repoRoot, 'src/run.ts')}:`)
  } finally {
    runner.remove()
  }
})
