// Runs one of the project's compiled tools (sandbox, demo, docs, bench), compiling them first only when a source is
// newer than the last compile. `tsc -p tsconfig.tools.json` checks the whole program even when nothing changed
// (about 9 s on a 2-CPU machine), so `npm run demo` twice in a row compiled twice; a walk over the sources' times
// takes milliseconds. Plain JavaScript, so it needs no compile itself.
//
//   node scripts/tools.mjs <compiled script under .build, e.g. scripts/demo.js> [args…]
//   node scripts/tools.mjs --build        compile if needed, run nothing (npm's postinstall)
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync, utimesSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const stamp = path.join(root, '.build', '.tsbuildinfo')
/** What the tools are compiled from: their folders, the src/ they import, and the compiler settings. */
const INPUTS = [
  'src',
  'sandbox',
  'scripts',
  'bench',
  '__tests__',
  'tsconfig.json',
  'tsconfig.tools.json',
  'package-lock.json'
]

function newest(p) {
  let st
  try {
    st = statSync(p)
  } catch {
    return 0
  }
  if (!st.isDirectory()) return p.endsWith('.ts') || p.endsWith('.json') ? st.mtimeMs : 0
  let max = 0
  for (const name of readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    max = Math.max(max, newest(path.join(p, name)))
  }
  return max
}

function built() {
  try {
    return statSync(stamp).mtimeMs
  } catch {
    return -1
  }
}

if (Math.max(...INPUTS.map((i) => newest(path.join(root, i)))) > built()) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.tools.json')], {
    stdio: 'inherit'
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
  // tsc leaves the build info untouched when its output did not change: mark this compile as done.
  const now = new Date()
  try {
    utimesSync(stamp, now, now)
  } catch {
    // no build info (a first compile that emitted nothing): the next run compiles again
  }
}

const [script, ...args] = process.argv.slice(2)
if (script !== undefined && script !== '--build') {
  const r = spawnSync(process.execPath, [path.join(root, '.build', script), ...args], {
    stdio: 'inherit'
  })
  process.exit(r.status ?? (r.signal ? 1 : 0))
}
