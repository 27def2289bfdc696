import { readFileSync } from 'node:fs'
import { FAULTS, TIMINGS } from '../../sandbox/lib/faults.js'
import { CONTRACT_KEYS, RUNNER_KEYS } from '../../sandbox/env.js'
import { faultTableMarkdown, readmePath, renderReadme } from '../../sandbox/docs.js'
import { sampleTables } from '../../sandbox/servers/sample-data.js'

const readme = readFileSync(readmePath(), 'utf8')

describe('sandbox/README.md', () => {
  test('its generated tables match the code (run `npm run sandbox -- docs` after changing faults or sample data)', () => {
    expect(renderReadme(readme)).toBe(readme)
  })

  test('documents every fault, timing, sample table and environment variable', () => {
    for (const name of [...Object.keys(FAULTS), ...Object.keys(TIMINGS)])
      expect(readme).toContain(`| \`${name}\` |`)
    for (const t of sampleTables()) expect(readme).toContain(`\`${t.db}\`.\`${t.table}\``)
    for (const key of [...CONTRACT_KEYS, ...RUNNER_KEYS]) expect(readme).toContain(`\`${key}\``)
  })

  test('the fault table has one row per fault, pipes in descriptions escaped', () => {
    const rows = faultTableMarkdown().split('\n').slice(2)
    expect(rows).toHaveLength(Object.keys(FAULTS).length)
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(4)
  })
})
