// What TiDB cannot hold, on the sandbox through the whole action (the in-process run() of src/run.ts, as the bundled
// action runs it): the sample databases hold a trigger, a procedure, a function, an event, a table with a POINT column
// and a SPATIAL index, and a FULLTEXT index. A migrate of the demo filter names each of them in the summary's top and
// in the `unsupported-objects` output, leaves the spatial table out of every phase (it never reaches the target, and
// DM keeps replicating when it changes) and ends ✅; with `unsupported-objects: fail` the precheck refuses before any
// side effect.
import { readFileSync } from 'node:fs'
import { run } from '../../src/run.js'
import { eventually } from '../helpers/dm-world.js'
import { withEnv } from '../helpers/env.js'
import { captureStdout } from '../helpers/stdout.js'
import { inputVar, parseOutputFile, useHarness } from '../helpers/sandbox-harness.js'

const sandbox = useHarness()

const read = (file: string | undefined): string => readFileSync(file ?? '', 'utf8')

interface ActionResult {
  readonly exitCode: number | undefined
  readonly outputs: Record<string, string>
  readonly summary: string
  readonly stdout: string
}

/** Runs the action in-process with input overrides; what it wrote to the runner's files. */
async function runInProcess(inputs: Record<string, string>): Promise<ActionResult> {
  const outputFile = process.env['GITHUB_OUTPUT']
  const summaryFile = process.env['GITHUB_STEP_SUMMARY']
  const offsets = { out: read(outputFile).length, summary: read(summaryFile).length }
  const restore = withEnv(
    Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVar(k), v]))
  )
  const capture = captureStdout()
  try {
    await run()
  } finally {
    capture.restore()
    restore()
  }
  const exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode)
  process.exitCode = undefined
  return {
    exitCode,
    outputs: parseOutputFile(read(outputFile).slice(offsets.out)),
    summary: read(summaryFile).slice(offsets.summary),
    stdout: capture.lines.join('')
  }
}

interface Unsupported {
  kind: string
  database?: string
  table?: string
  name: string
  effect: string
}

const brief = (o: Unsupported): string =>
  `${o.kind} ${[o.database, o.table, o.name].filter(Boolean).join('.')} ${o.effect}`

const EXPECTED = [
  'spatial-column shop.store_locations.location table-left-out',
  'spatial-index shop.store_locations.sp_location table-left-out',
  'fulltext-index crm.contacts.ft_bio index-dropped',
  'trigger crm.contacts.contacts_keep_name not-migrated',
  'procedure shop.refresh_order_totals not-migrated',
  'function analytics.week_of not-migrated',
  'event crm.purge_import_tmp not-migrated'
]

test('with unsupported-objects: fail, the precheck refuses, naming them, before any side effect', async () => {
  const { h } = sandbox
  const before = h.sb.requests().length
  const r = await runInProcess({ 'run-key': 'e2e-unsupported-fail', 'unsupported-objects': 'fail' })
  expect(r.exitCode).toBe(1)
  expect(r.stdout).toMatch(/::error::A precheck failed; nothing was changed/)
  expect(r.stdout).toContain("Input 'unsupported-objects' is 'fail'")
  for (const name of [
    'contacts_keep_name',
    'refresh_order_totals',
    'purge_import_tmp',
    'store_locations',
    'ft_bio'
  ])
    expect(r.summary).toContain(name)
  const found = (JSON.parse(r.outputs['unsupported-objects'] ?? '[]') as Unsupported[]).map(brief)
  expect(found).toEqual(expect.arrayContaining(EXPECTED))
  // Reads only: no snapshot, no export, no DM call, no S3 object but the run's own lock, taken and given back.
  expect(
    h.sb
      .requests()
      .slice(before)
      .filter((q) => q.write && !(q.piece === 's3' && /\.lock\b/.test(q.detail ?? '')))
      .map((q) => `${q.piece} ${q.op} ${q.detail ?? ''}`)
  ).toEqual([])
  const [dbs] = await h.sb.target.query<{ n: number }[]>(
    "SELECT COUNT(*) AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN ('shop', 'crm', 'analytics')"
  )
  expect(Number(dbs?.n)).toBe(0)
}, 120_000)

test('a migrate of the demo filter names them, leaves the spatial table out everywhere and ends ✅', async () => {
  const { h } = sandbox
  const r = await runInProcess({ 'run-key': 'e2e-unsupported-warn' })
  expect({ exit: r.exitCode, tail: r.stdout.slice(-3000) }).toMatchObject({ exit: undefined })
  expect(r.summary).toMatch(/<h2>✅ Migrate succeeded/)
  expect(r.outputs['verify-result']).toBe('passed')

  // Named in the output, and at the summary's top (right after the verdict), each by name.
  const found = (JSON.parse(r.outputs['unsupported-objects'] ?? '[]') as Unsupported[]).map(brief)
  expect(found).toEqual(expect.arrayContaining(EXPECTED))
  expect(found.some((f) => f.startsWith('account '))).toBe(true)
  const top = r.summary.indexOf(
    '<h3>Not migrated: 7 objects TiDB cannot hold (1 table left out)</h3>'
  )
  expect(top).toBeGreaterThan(0)
  expect(top).toBeLessThan(r.summary.indexOf('<h3>Tables'))
  for (const name of [
    'contacts_keep_name',
    'refresh_order_totals',
    'week_of',
    'purge_import_tmp',
    'location',
    'ft_bio'
  ])
    expect(r.summary).toContain(`<td>${name}</td>`)

  // Left out of every phase: not created, not in the tables the run reports, not in DM's selection.
  const tables = JSON.parse(r.outputs['tables'] ?? '[]') as { database: string; table: string }[]
  expect(tables.map((t) => `${t.database}.${t.table}`)).not.toContain('shop.store_locations')
  expect(tables.length).toBeGreaterThan(10)
  const present = await h.sb.target.query<{ t: string }[]>(
    "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop'"
  )
  expect(present.map((p) => p.t)).toContain('orders')
  expect(present.map((p) => p.t)).not.toContain('store_locations')
  // crm.contacts arrives without its FULLTEXT index, as TiDB creates it (the Lightning stand-in does the same).
  expect(await h.sb.target.query("SHOW INDEX FROM crm.contacts WHERE Key_name = 'ft_bio'")).toEqual(
    []
  )
  // DM replicates in binlog order: had the spatial table been in its block-allow-list, the change to it would pause
  // the task before the customer row after it arrives.
  await h.sb.source.query(
    "INSERT INTO shop.store_locations VALUES (1000, 'New store', POINT(1, 2))"
  )
  await h.sb.source.query(
    "INSERT INTO shop.customers (name, email, country, created_at) VALUES ('after gis', 'after-gis@example.com', 'NZ', NOW(6))"
  )
  await eventually(
    'the customer written after the spatial row to reach the target',
    async () =>
      h.sb.target.query<{ n: number }[]>(
        "SELECT COUNT(*) AS n FROM shop.customers WHERE email = 'after-gis@example.com'"
      ),
    (rows) => Number(rows[0]?.n) === 1,
    60_000
  )
}, 300_000)
