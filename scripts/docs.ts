/**
 * `npm run docs`: regenerates the Inputs and Outputs tables of README.md from action.yml, and the Reliability table
 * from the test catalogues.
 * `npm run docs -- --check`: changes nothing and exits 1 when README.md is out of date (for CI).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../sandbox/lib/paths.js'
import { catalogueCounts } from '../__tests__/catalogue/index.js'
import { parseActionYaml, replaceBlock, updateReadme } from './action-docs.js'
import { RELIABILITY_MARKERS, renderReliabilityTable } from './reliability-docs.js'

const root = repoRoot()
const readmePath = path.join(root, 'README.md')
const readme = readFileSync(readmePath, 'utf8')
const updated = replaceBlock(
  updateReadme(readme, parseActionYaml(readFileSync(path.join(root, 'action.yml'), 'utf8'))),
  RELIABILITY_MARKERS,
  renderReliabilityTable(catalogueCounts())
)

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    process.stderr.write(
      'README.md is out of date with action.yml or the test catalogues: run `npm run docs` and commit the result.\n'
    )
    process.exitCode = 1
  } else {
    process.stdout.write('README.md is up to date with action.yml and the test catalogues.\n')
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated)
  process.stdout.write('README.md: inputs, outputs and reliability tables regenerated.\n')
} else {
  process.stdout.write('README.md is already up to date.\n')
}
