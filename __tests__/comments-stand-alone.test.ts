// Comments and test names stand alone: the code cites the public source a fact came from (an AWS page title, a
// PingCAP doc page, a tool's source file) or states the fact, never a document that is not in the repository (the
// team's research notes, an issue number), and what users and developers read says "PingCAP's documented procedure",
// never "the seed". The patterns are spelled in pieces so this file does not match itself.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const CODE_DIRS = ['src', 'sandbox', 'scripts', 'bench', '__tests__']
const SKIP_DIRS = new Set(['node_modules', '.build', 'dist', 'coverage'])
const CODE = /\.(ts|mts|mjs|js|cjs)$/

const md = (name: string): string => `${name}[.]md`
/** References to documents outside the repository. */
const OUTSIDE = new RegExp(
  [
    md('aws'),
    md('tidb-tools'),
    md('design'),
    md('peers'),
    md('actions-style'),
    md('local-building-blocks'),
    'real-outputs/' + md('README'),
    '\u00a7',
    // an issue number of ours; a public tracker's "#123" is fine
    '\\b[Ii]ssue [0-9]'
  ].join('|')
)
const SEED = new RegExp('\\bs' + 'eed\\b', 'i')

function files(dir: string, keep: (f: string) => boolean): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) out.push(...files(p, keep))
    else if (keep(p)) out.push(p)
  }
  return out
}

function offences(list: readonly string[], pattern: RegExp): string[] {
  const self = path.join(ROOT, '__tests__', 'comments-stand-alone.test.ts')
  return list
    .filter((f) => f !== self)
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          pattern.test(line) ? [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : []
        )
    )
}

const code = CODE_DIRS.flatMap((d) => files(path.join(ROOT, d), (f) => CODE.test(f)))
const docs = [
  ...readdirSync(ROOT)
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(ROOT, f)),
  ...['docs', 'bench', 'sandbox', '__tests__'].flatMap((d) =>
    files(path.join(ROOT, d), (f) => f.endsWith('.md'))
  ),
  path.join(ROOT, 'action.yml')
]

test('code reads on its own: no pointer to a document outside the repository', () => {
  expect(code.length).toBeGreaterThan(100)
  expect(offences(code, OUTSIDE)).toEqual([])
})

test('users and developers read "PingCAP\'s documented procedure", never "the seed"', () => {
  expect(docs.length).toBeGreaterThan(3)
  expect(offences([...code, ...docs], SEED)).toEqual([])
})

test('the patterns find what they are meant to find', () => {
  const samples = [
    `see ${'aws'}.md \u00a71.4`,
    `per ${'tidb-tools'}.md`,
    `(${'issue'} 9's metric)`,
    `the real-outputs/${'README'}.md`
  ]
  for (const s of samples) expect(OUTSIDE.test(s)).toBe(true)
  expect(OUTSIDE.test('pingcap/tidb issue #37774')).toBe(false)
  expect(SEED.test(`the ${'s'}eed's pattern`)).toBe(true)
  expect(SEED.test('seeding, seeded')).toBe(false)
})
