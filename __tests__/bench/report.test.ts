// The pure parts of `npm run bench`: the critical path of the migrate graph under fixed durations, verdicts,
// printed lines, the README table between its markers, and the command line. Nothing here is timed.
import {
  criticalPath,
  END_MARKER,
  formatLine,
  judge,
  markdownTable,
  median,
  parseBenchArgs,
  replaceBetweenMarkers,
  sequentialSum,
  START_MARKER,
  type BenchResults
} from '../../bench/report.js'
import { migrateGraph, phaseSeconds, sampleRows, scaleFor } from '../../bench/migrate-metrics.js'

const TIMINGS = { export: 20, lightning: 5, dumpling: 3, snapshot: 2 }

test("the critical path of the migrate graph runs through the export; PingCAP's documented procedure runs every step in turn", () => {
  const graph = migrateGraph()
  const seconds = phaseSeconds(TIMINGS)
  expect(seconds).toEqual({
    'schema-export': 3,
    'schema-import': 5,
    snapshot: 2,
    export: 20,
    'data-import': 5
  })
  const cp = criticalPath(graph, seconds)
  expect(cp.seconds).toBe(27)
  expect(cp.path).toEqual([
    'precheck',
    'binlog-capture',
    'snapshot',
    'export',
    'data-import',
    'verify'
  ])
  expect(sequentialSum(graph, seconds)).toBe(35)
  // A slow schema track becomes the critical one.
  const slowSchema = criticalPath(graph, { ...seconds, 'schema-import': 30 })
  expect(slowSchema.seconds).toBe(38)
  expect(slowSchema.path).toContain('schema-import')
})

test('criticalPath refuses unknown dependencies and cycles', () => {
  expect(() => criticalPath([{ id: 'a', dependsOn: ['b'] }], {})).toThrow('unknown phase b')
  expect(() =>
    criticalPath(
      [
        { id: 'a', dependsOn: ['b'] },
        { id: 'b', dependsOn: ['a'] }
      ],
      {}
    )
  ).toThrow(/cycle/)
})

test('verdicts: at most, at least, report only', () => {
  const base = { name: 'm', unit: '×', detail: '' }
  expect(judge({ ...base, value: 1.05, goal: { kind: 'max', bound: 1.05 } }).verdict).toBe('PASS')
  expect(judge({ ...base, value: 1.06, goal: { kind: 'max', bound: 1.05 } }).verdict).toBe('MISS')
  expect(judge({ ...base, value: 199, goal: { kind: 'min', bound: 200 } }).verdict).toBe('MISS')
  expect(judge({ ...base, value: 5, goal: { kind: 'report' } }).verdict).toBe('REPORT')
})

test('a printed line and the README table carry name, value, goal and verdict', () => {
  const v = judge({
    name: 'polling',
    value: 67,
    unit: 'calls',
    goal: { kind: 'max', bound: 90 },
    detail: 'a | b'
  })
  expect(formatLine(v)).toMatch(/^polling +67 calls +goal ≤ 90 calls +PASS +a \| b$/)
  const results: BenchResults = {
    when: '2026-01-02T03:04:05.000Z',
    mode: 'full',
    node: '20.19.0',
    cpus: 2,
    metrics: [v]
  }
  const table = markdownTable(results)
  expect(table).toContain('Measured 2026-01-02 (full run, Node 20.19.0, 2 CPUs)')
  expect(table).toContain('| polling | 67 calls | ≤ 90 calls | PASS | a \\| b |')
  const readme = `# x\n${START_MARKER}\nold\n${END_MARKER}\nafter\n`
  const updated = replaceBetweenMarkers(readme, table)
  expect(updated).toBe(`# x\n${START_MARKER}\n${table}\n${END_MARKER}\nafter\n`)
  expect(replaceBetweenMarkers(updated, table)).toBe(updated)
  expect(() => replaceBetweenMarkers('# no markers', table)).toThrow(/bench:start/)
})

test('command line: --only picks groups in a fixed order, --quick shrinks; anything else is refused', () => {
  expect(parseBenchArgs([]).only).toHaveLength(7)
  expect(parseBenchArgs(['--only=polling,overlap', '--quick'])).toEqual({
    only: ['overlap', 'polling'],
    quick: true
  })
  expect(() => parseBenchArgs(['--only=speed'])).toThrow(/--only takes one or more of/)
  expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown argument --fast/)
  expect(median([3, 1, 2])).toBe(2)
  expect(median([4, 1, 3, 2])).toBe(3)
})

test('the data-volume scale is the least one whose sample databases hold the rows asked for', () => {
  const scale = scaleFor(1_000_000)
  expect(sampleRows(scale)).toBeGreaterThanOrEqual(1_000_000)
  expect(sampleRows(scale - 1)).toBeLessThan(1_000_000)
})
