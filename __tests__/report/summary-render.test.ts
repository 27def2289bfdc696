// Every kind of job summary, rendered as GitHub renders it (CommonMark/GFM, then an HTML parser): the structure must
// be the one we wrote — nothing from a tool read as Markdown, every log tail in one <pre> — and the reader must find
// the verdict first, the error once, what the next job needs before the phase table, and the passed prechecks folded.
import { describeReal, realLines, realSamples } from '../fixtures/real-outputs.js'
import { findAll, htmlTree, renderGfm, textOf, type Tree } from '../helpers/gfm.js'
import { renderSummary } from '../../src/report/summary.js'
import { errorText } from '../../src/report/sections/verdict.js'
import type { Report } from '../../src/report/types.js'
import { migrateFailedAt, SUMMARY_KINDS } from './summary-kinds.js'

type Element = Exclude<Tree, string>

function rendered(report: Report): { markdown: string; tree: Tree[] } {
  const markdown = renderSummary(report)
  return { markdown, tree: htmlTree(renderGfm(markdown)) }
}

const headings = (tree: Tree[]): string[] => findAll(tree, 'h3').map((h) => textOf(h))

/** Occurrences of `needle` in `hay`, whitespace collapsed in both. */
function occurrences(hay: string, needle: string): number {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim()
  return norm(hay).split(norm(needle)).length - 1
}

/** The elements inside any <details> of the tree. */
function insideDetails(tree: Tree[]): Set<Element> {
  const inside = new Set<Element>()
  const mark = (t: Tree): void => {
    if (typeof t === 'string') return
    inside.add(t)
    t.children.forEach(mark)
  }
  for (const d of findAll(tree, 'details')) d.children.forEach(mark)
  return inside
}

describe.each(Object.entries(SUMMARY_KINDS))('the %s summary', (_name, make) => {
  const report = make()
  const { markdown, tree } = rendered(report)

  test('renders as the HTML we wrote: no tool text becomes Markdown', () => {
    expect(tree).toEqual(htmlTree(markdown))
    for (const tag of ['h1', 'hr', 'blockquote', 'ol', 'em', 'strong', 'del', 'img', 'script'])
      expect(findAll(tree, tag)).toEqual([])
  })

  test('starts with the verdict, then what the next job needs, then the phases', () => {
    const first = tree[0]
    expect(typeof first !== 'string' && first?.tag).toBe('h2')
    const order = [
      'What the next job needs',
      'Phases',
      'Tables',
      'Prechecks',
      'Plan',
      'Warnings',
      'Links'
    ]
    const seen = headings(tree)
      .map((h) => order.findIndex((o) => h.startsWith(o)))
      .filter((i) => i >= 0)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })

  test('every log tail is whole inside one <pre>', () => {
    const pres = findAll(tree, 'pre').map((p) => textOf(p.children))
    for (const p of report.phases) {
      const tail = p.failure?.tail ?? []
      if (p.status !== 'failed' || tail.length === 0) continue
      expect(pres).toContain(tail.join('\n'))
    }
  })

  test('shows the run’s error once', () => {
    const error = errorText(report)
    if (error === undefined) return
    expect(occurrences(textOf(tree), error)).toBe(1)
  })

  test('keeps failed and warning prechecks in view and folds the passed ones', () => {
    const inside = insideDetails(tree)
    const rows = findAll(tree, 'tr').filter((r) =>
      /^(✅ pass|⚠️ warn|❌ fail)$/.test(textOf(r.children[0] ?? ''))
    )
    expect(rows.length).toBe(report.checks.length)
    for (const row of rows) {
      expect(inside.has(row)).toBe(textOf(row.children[0] ?? '') === '✅ pass')
    }
    for (const d of findAll(tree, 'details')) {
      if (/passed$/.test(textOf(findAll([d], 'summary')[0] ?? ''))) expect(d.attrs).toEqual({})
    }
  })
})

describe('what each summary says first', () => {
  const h2 = (report: Report): string => textOf(findAll(rendered(report).tree, 'h2')[0] ?? '')

  test.each([
    [
      'migrate-succeeded',
      '✅ Migrate succeeded: 91,000 rows imported into 13 tables; row counts match the export; DM task shop-sync replicating'
    ],
    ['migrate-failed-data-import', '❌ Migrate failed at Data import (Lightning, Parquet)'],
    ['migrate-failed-precheck', '❌ Migrate failed at Precheck: source, target, AWS and selection'],
    ['migrate-cancelled', '🚫 Migrate cancelled during Snapshot export to S3'],
    ['plan-go', '✅ Go: every precheck passed: 13 tables, ~91,000 rows'],
    ['plan-go-with-warnings', '⚠️ Go, after reading 1 warning: 13 tables, ~91,000 rows'],
    ['plan-no-go', '❌ No-go: 1 precheck failed (Target tables are empty)'],
    ['status', '✅ Status succeeded: DM task shop-sync is Running, lag 0 s, ready for cut-over'],
    ['pause', '✅ Pause succeeded: DM task shop-sync is Paused'],
    ['resume', '✅ Resume succeeded: DM task shop-sync is Running, lag 4 s'],
    ['stop', '✅ Stop succeeded: DM task shop-sync is Stopped']
  ])('%s: %s', (kind, text) => {
    const make = SUMMARY_KINDS[kind]
    if (!make) throw new Error(kind)
    expect(h2(make())).toBe(text)
  })

  test('the binlog position is in the box above the phase table, on failure too', () => {
    const { tree } = rendered(migrateFailedAt('data-import'))
    const box = findAll(tree, 'table')[0]
    expect(headings(tree)[0]).toBe('What the next job needs')
    expect(textOf(box ?? '')).toContain('mysql-bin-changelog.000123')
    expect(textOf(box ?? '')).toContain('binlog-position')
    expect(textOf(box ?? '')).toContain('4711904')
  })

  test('a failed import keeps the tables that finished', () => {
    const { tree } = rendered(migrateFailedAt('data-import'))
    expect(headings(tree)).toContain('Tables (13: 12 imported · 1 failed)')
  })

  test('the failed prechecks are listed once, in the Prechecks table', () => {
    const { tree } = rendered(SUMMARY_KINDS['plan-no-go']?.() as Report)
    expect(occurrences(textOf(tree), 'shop.orders holds 3 rows on the target')).toBe(1)
    expect(textOf(tree)).toContain(
      'Error: A precheck failed; nothing was changed. Fix it and run again: The failed checks are listed under Prechecks.'
    )
  })
})

describe('the renderer catches what GitHub would garble', () => {
  test('a <pre> on the line after <details open> is cut at its first blank line', () => {
    const garbled =
      '<details open>\n<summary>x</summary>\n<pre>a `b`\n\n*c* `d`</pre>\n</details>\n'
    expect(htmlTree(renderGfm(garbled))).not.toEqual(htmlTree(garbled))
  })
})

describeReal('recorded real tool output as a failure’s log tail', () => {
  const samples = ['lightning', 'dumpling', 'dmctl', 'tiup'].flatMap((t) => realSamples(t))

  test.each(samples)('%s stays one <pre>, nothing read as Markdown', (sample) => {
    const report = migrateFailedAt('data-import')
    const failed = report.phases.find((p) => p.status === 'failed')
    const tail = realLines(sample)
    if (failed?.failure) failed.failure = { ...failed.failure, tail }
    const { markdown, tree } = rendered(report)
    expect(tree).toEqual(htmlTree(markdown))
    expect(findAll(tree, 'pre').map((p) => textOf(p.children))).toContain(tail.join('\n'))
  })
})
