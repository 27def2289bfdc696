// The pure parts of `npm run bench`: the critical path of the phase graph under fixed durations, the
// verdict of a measurement against its goal, the printed lines, the README table and the command-line options.
// Everything here is deterministic, so a jest test covers it; the timed parts live in the other bench files.

/** A node of the phase graph: its id and the ids it waits for. */
export interface GraphNode {
  readonly id: string
  readonly dependsOn: readonly string[]
}

/** A goal: the measured value must stay at or below (`max`) or at or above (`min`) the bound; `report` has none. */
export type Goal =
  | { readonly kind: 'max'; readonly bound: number }
  | { readonly kind: 'min'; readonly bound: number }
  | { readonly kind: 'report' }

/** One measured metric (one printed line, one row of the README table). */
export interface Metric {
  /** `overlap`, `log parsing throughput`… */
  readonly name: string
  readonly value: number
  readonly unit: string
  readonly goal: Goal
  /** How it was measured, in a few words (the inputs of the ratio). */
  readonly detail: string
}

/** A metric with its verdict. */
export interface Verdict extends Metric {
  readonly verdict: 'PASS' | 'MISS' | 'REPORT'
}

/** What bench/results.json holds. */
export interface BenchResults {
  readonly when: string
  readonly mode: 'full' | 'quick'
  readonly node: string
  readonly cpus: number
  readonly metrics: readonly Verdict[]
}

/**
 * The longest chain of the graph when each phase takes `seconds[id]` (0 when absent): the least wall time any
 * scheduler could reach. Throws on an unknown dependency or a cycle.
 */
export function criticalPath(
  nodes: readonly GraphNode[],
  seconds: Readonly<Record<string, number>>
): { readonly seconds: number; readonly path: readonly string[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const memo = new Map<string, { seconds: number; path: string[] }>()
  const visiting = new Set<string>()
  const finish = (id: string): { seconds: number; path: string[] } => {
    const known = memo.get(id)
    if (known) return known
    const node = byId.get(id)
    if (!node) throw new Error(`unknown phase ${id}`)
    if (visiting.has(id)) throw new Error(`cycle through ${id}`)
    visiting.add(id)
    let before = { seconds: 0, path: [] as string[] }
    for (const dep of node.dependsOn) {
      const f = finish(dep)
      if (f.seconds > before.seconds || before.path.length === 0) before = f
    }
    visiting.delete(id)
    const out = { seconds: before.seconds + (seconds[id] ?? 0), path: [...before.path, id] }
    memo.set(id, out)
    return out
  }
  let best = { seconds: 0, path: [] as string[] }
  for (const n of nodes) {
    const f = finish(n.id)
    // On a tie the longer chain wins, so the path runs to the phase that ends the run.
    if (
      f.seconds > best.seconds ||
      (f.seconds === best.seconds && f.path.length > best.path.length)
    )
      best = f
  }
  return best
}

/** The wall time of PingCAP's documented procedure: every step one after another. */
export function sequentialSum(
  nodes: readonly GraphNode[],
  seconds: Readonly<Record<string, number>>
): number {
  return nodes.reduce((sum, n) => sum + (seconds[n.id] ?? 0), 0)
}

/** PASS when the value meets the goal, MISS when not, REPORT for a reported-only number. */
export function judge(metric: Metric): Verdict {
  const g = metric.goal
  const ok =
    g.kind === 'max' ? metric.value <= g.bound : g.kind === 'min' ? metric.value >= g.bound : true
  return { ...metric, verdict: g.kind === 'report' ? 'REPORT' : ok ? 'PASS' : 'MISS' }
}

/** A number with a sensible precision for its size. */
export function formatValue(value: number, unit = ''): string {
  const abs = Math.abs(value)
  const digits = Number.isInteger(value) ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3
  const text = value.toFixed(digits)
  return unit === '' ? text : unit === '×' ? `${text}×` : `${text} ${unit}`
}

/** The goal as text: `≤ 1.05`, `≥ 200 MiB/s`, `report`. */
export function formatGoal(metric: Metric): string {
  const g = metric.goal
  if (g.kind === 'report') return 'report'
  return `${g.kind === 'max' ? '≤' : '≥'} ${formatValue(g.bound, metric.unit)}`
}

/** One printed line: name, value, goal, verdict, detail. */
export function formatLine(v: Verdict, nameWidth = 28): string {
  const value = formatValue(v.value, v.unit).padStart(14)
  return `${v.name.padEnd(nameWidth)}${value}   goal ${formatGoal(v).padEnd(16)}${v.verdict.padEnd(7)}${v.detail}`
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|')

/** The README's Markdown table of a run. */
export function markdownTable(results: BenchResults): string {
  const rows = results.metrics.map(
    (m) =>
      `| ${escapeCell(m.name)} | ${escapeCell(formatValue(m.value, m.unit))} | ${escapeCell(formatGoal(m))} | ${m.verdict} | ${escapeCell(m.detail)} |`
  )
  return [
    `Measured ${results.when.slice(0, 10)} (${results.mode} run, Node ${results.node}, ${results.cpus} CPUs):`,
    '',
    '| metric | measured | goal | verdict | how |',
    '|---|---|---|---|---|',
    ...rows
  ].join('\n')
}

export const START_MARKER = '<!-- bench:start -->'
export const END_MARKER = '<!-- bench:end -->'

/** Replaces what is between the markers (which must both be present, in order). */
export function replaceBetweenMarkers(text: string, body: string): string {
  const start = text.indexOf(START_MARKER)
  const end = text.indexOf(END_MARKER)
  if (start < 0 || end < start) throw new Error(`the README has no ${START_MARKER} … ${END_MARKER}`)
  return `${text.slice(0, start + START_MARKER.length)}\n${body}\n${text.slice(end)}`
}

/** The metric groups `--only` accepts. */
export const METRIC_GROUPS = [
  'overlap',
  'log-parsing',
  'cold-start',
  'polling',
  'warm-tiup',
  'many-tables',
  'data-volume'
] as const

/** A group of metrics measured together (`overlap` also gives `vs one step at a time`). */
export type MetricGroup = (typeof METRIC_GROUPS)[number]

/** Options of a bench run. */
export interface BenchOptions {
  readonly only: readonly MetricGroup[]
  readonly quick: boolean
}

/** Parses `--only=a,b` and `--quick`; throws on anything else. */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  let only: MetricGroup[] = [...METRIC_GROUPS]
  let quick = false
  for (const arg of args) {
    if (arg === '--quick') quick = true
    else if (arg.startsWith('--only=')) {
      const wanted = arg
        .slice(7)
        .split(',')
        .filter((s) => s !== '')
      const unknown = wanted.filter((w) => !(METRIC_GROUPS as readonly string[]).includes(w))
      if (unknown.length > 0 || wanted.length === 0)
        throw new Error(`--only takes one or more of ${METRIC_GROUPS.join(', ')}; got ${arg}`)
      only = METRIC_GROUPS.filter((g) => wanted.includes(g))
    } else throw new Error(`unknown argument ${arg}: use --only=<metric>[,…] and --quick`)
  }
  return { only, quick }
}

/** The median of some numbers (the upper one of an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing')
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}
