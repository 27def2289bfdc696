import { readFileSync } from 'node:fs'
import path from 'node:path'
import { catalogueCounts } from '../catalogue/index.js'
import { RELIABILITY_MARKERS, renderReliabilityTable } from '../../scripts/reliability-docs.js'
import { REPO_ROOT } from '../helpers/action-inputs.js'

test('the table shows each catalogue’s size and the total of bad cases', () => {
  const table = renderReliabilityTable({
    badInputs: 3,
    badEnvironments: 4,
    totalBad: 7,
    faults: 5,
    secretPlaces: 6,
    secretRuns: 7,
    reruns: 8
  })
  expect(
    table
      .split('\n')
      .slice(2, 7)
      .map((row) => row.split(' | ')[1])
  ).toEqual(['3', '4', '5', '8', '6 places × 7 runs'])
  expect(table).toContain('7 bad inputs and environments in all.')
})

test('README.md shows the counts of the catalogues as they are (npm run docs regenerates it)', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')
  const [start, end] = RELIABILITY_MARKERS
  const block = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end)).trim()
  expect(block).toBe(renderReliabilityTable(catalogueCounts()))
})
