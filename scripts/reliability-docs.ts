/**
 * Renders the README's "Reliability" table from the test catalogues (`__tests__/catalogue/`), so the numbers there
 * are always the ones the tests run. Pure: counts in, Markdown out; `scripts/docs.ts` writes the file.
 */
import type { CatalogueCounts } from '../__tests__/catalogue/index.js'

/** The comments that delimit the generated block in README.md. */
export const RELIABILITY_MARKERS = [
  '<!-- reliability:start (generated from __tests__/catalogue by npm run docs) -->',
  '<!-- reliability:end -->'
] as const

/** The Markdown table of the catalogue sizes and what each case proves. */
export function renderReliabilityTable(c: CatalogueCounts): string {
  const rows: [string, string, string][] = [
    [
      'Bad inputs',
      String(c.badInputs),
      'refused before anything runs, with one message naming the input; no request reaches the sandbox (`__tests__/catalogue/bad-inputs.ts`)'
    ],
    [
      'Bad environments',
      String(c.badEnvironments),
      'stopped by the precheck with one message saying what to fix; no snapshot, export, S3 write, DM call or download (`__tests__/catalogue/bad-environments.ts`)'
    ],
    [
      'Faults',
      String(c.faults),
      "every fault the sandbox can inject, through the whole bundled action: the tool's or AWS's own message, the failed and the completed phases in the summary, the outputs learned so far, nothing left running (`__tests__/catalogue/faults.ts`)"
    ],
    [
      'Re-runs',
      String(c.reruns),
      'a re-run, a resumed run or a concurrent run of one run key, through the bundled action: nothing imported twice, finished work re-checked before it is skipped, a refusal names the fix or the holder (`__tests__/catalogue/reruns.ts`)'
    ],
    [
      'Secret checks',
      `${c.secretPlaces} places × ${c.secretRuns} runs`,
      'no password or AWS secret key in any of the places after every fault run, a clean migrate and a cancel (`SECRET_PLACES`)'
    ]
  ]
  return [
    '| Catalogue | Cases | Each case asserts |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `${c.totalBad} bad inputs and environments in all.`
  ].join('\n')
}
