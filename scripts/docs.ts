/**
 * `npm run docs`: regenerates the Inputs and Outputs tables of README.md from action.yml.
 * `npm run docs -- --check`: changes nothing and exits 1 when README.md is out of date (for CI).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../sandbox/lib/paths.js'
import { parseActionYaml, updateReadme } from './action-docs.js'

const root = repoRoot()
const readmePath = path.join(root, 'README.md')
const readme = readFileSync(readmePath, 'utf8')
const updated = updateReadme(
  readme,
  parseActionYaml(readFileSync(path.join(root, 'action.yml'), 'utf8'))
)

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    process.stderr.write(
      'README.md is out of date with action.yml: run `npm run docs` and commit the result.\n'
    )
    process.exitCode = 1
  } else {
    process.stdout.write('README.md is up to date with action.yml.\n')
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated)
  process.stdout.write('README.md: inputs and outputs tables regenerated from action.yml.\n')
} else {
  process.stdout.write('README.md is already up to date.\n')
}
