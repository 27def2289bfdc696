// The tables of sandbox/README.md that are generated from code (faults, timings, sample data), so the documentation
// cannot drift: a test compares the README with renderReadme(README), and `npm run sandbox -- docs` rewrites it.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { FAULTS, TIMINGS } from './lib/faults.js'
import { repoRoot } from './lib/paths.js'
import { sampleTableMarkdown } from './servers/sample-data.js'

function cell(text: string): string {
  return text.replace(/\|/g, '\\|')
}

function table(head: readonly [string, string], entries: Readonly<Record<string, string>>): string {
  const rows = Object.entries(entries).map(([name, what]) => `| \`${name}\` | ${cell(what)} |`)
  return [`| ${head[0]} | ${head[1]} |`, '|---|---|', ...rows].join('\n')
}

/** The README table of faults, from FAULTS. */
export function faultTableMarkdown(): string {
  return table(['fault', 'what it does'], FAULTS)
}

/** The README table of timings, from TIMINGS. */
export function timingTableMarkdown(): string {
  return table(['timing', 'what it sets (seconds)'], TIMINGS)
}

const SECTIONS: Readonly<Record<string, () => string>> = {
  faults: faultTableMarkdown,
  timings: timingTableMarkdown,
  'sample-data': sampleTableMarkdown
}

/** The README with every `<!-- generated:NAME -->` … `<!-- /generated:NAME -->` block rendered anew. */
export function renderReadme(text: string): string {
  return text.replace(
    /(<!-- generated:([a-z-]+) -->\n)[\s\S]*?(<!-- \/generated:\2 -->)/g,
    (whole, open: string, name: string, close: string) => {
      const render = SECTIONS[name]
      return render ? `${open}${render()}\n${close}` : whole
    }
  )
}

/** `sandbox/README.md` of this checkout. */
export function readmePath(): string {
  return path.join(repoRoot(), 'sandbox', 'README.md')
}

/** Rewrites the generated tables of sandbox/README.md; true when something changed. */
export function updateReadme(): boolean {
  const before = readFileSync(readmePath(), 'utf8')
  const after = renderReadme(before)
  if (after !== before) writeFileSync(readmePath(), after)
  return after !== before
}
