// The whole action, as the runner runs it: the bundled dist/index.js migrates the sandbox's source to its target with
// DM while an application keeps writing to the source (before the binlog capture, between capture and snapshot,
// during the export and the import). Once DM has caught up, every selected table of the target must equal the source
// row for row — the snapshot's rows from the Parquet import, everything after from the binlog (safe mode absorbing
// the overlap). The summary and the outputs must tell the same story.
import { eventually } from '../helpers/dm-world.js'
import { runAction, useHarness, type ActionRun } from '../helpers/sandbox-harness.js'
import type { Sandbox } from '../../sandbox/index.js'

const ref = useHarness()
const RUN_KEY = 'e2e-migrate-whole'

/** Tables the migration selects, with the columns that order their rows. */
interface TableInfo {
  readonly db: string
  readonly table: string
  readonly order: string
}

type Server = Sandbox['source']

/** The selected tables (the sandbox filter) and their primary key columns, read from the source. */
async function selectedTables(source: Server): Promise<TableInfo[]> {
  const rows = await source.query<{ db: string; t: string; pk: string | null }[]>(
    `SELECT t.TABLE_SCHEMA AS db, t.TABLE_NAME AS t,
            (SELECT GROUP_CONCAT(CONCAT('\`', k.COLUMN_NAME, '\`') ORDER BY k.ORDINAL_POSITION)
               FROM information_schema.KEY_COLUMN_USAGE k
              WHERE k.TABLE_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME
                AND k.CONSTRAINT_NAME = 'PRIMARY') AS pk
       FROM information_schema.TABLES t
      WHERE t.TABLE_SCHEMA IN ('shop', 'analytics', 'crm') AND t.TABLE_NAME NOT LIKE '%\\_tmp'
      ORDER BY 1, 2`
  )
  return rows.map((r) => ({ db: r.db, table: r.t, order: r.pk ?? '1' }))
}

/** Every row of a table in key order, as comparable text (Buffers as hex, dates as ISO). */
async function tableRows(server: Server, t: TableInfo): Promise<string[]> {
  const rows = await server.query<Record<string, unknown>[]>(
    `SELECT * FROM \`${t.db}\`.\`${t.table}\` ORDER BY ${t.order}`
  )
  return rows.map((r) =>
    JSON.stringify(Object.values(r), (_k, v: unknown) =>
      Buffer.isBuffer(v) ? v.toString('hex') : v
    )
  )
}

/** Keeps inserting, updating and deleting rows on the source until stopped; counts what it did. */
function startWriter(source: Server): { stop: () => Promise<number> } {
  let running = true
  let n = 0
  const loop = (async () => {
    while (running) {
      n += 1
      await source.query(
        "INSERT INTO shop.customers (name, email, country, created_at) VALUES (?, ?, 'NZ', NOW(6))",
        [`writer ${n}`, `writer-${RUN_KEY}-${n}@example.com`]
      )
      await source.query('UPDATE shop.orders SET note = ? WHERE id = ?', [`touched ${n}`, 1 + n])
      if (n % 3 === 0) await source.query('DELETE FROM shop.order_items WHERE order_id = ?', [n])
      await new Promise((r) => setTimeout(r, 40))
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return n
    }
  }
}

let run: ActionRun
let writes = 0

beforeAll(async () => {
  const { h } = ref
  const writer = startWriter(h.sb.source)
  try {
    run = await runAction(h, { operation: 'migrate', 'run-key': RUN_KEY })
  } finally {
    writes = await writer.stop()
  }
}, 240_000)

test('the bundled action succeeds and every phase ran, DM last', () => {
  expect({ exit: run.exitCode, tail: run.stdout.slice(-2000) }).toMatchObject({ exit: 0 })
  expect(writes).toBeGreaterThan(5) // the application really wrote during the run
  for (const phase of [
    'Precheck',
    'Dumpling',
    'Binlog',
    'snapshot',
    'export',
    'Lightning',
    'Verify',
    'DM'
  ]) {
    expect(run.summary).toContain(phase)
  }
  expect(run.summary).not.toMatch(/❌|🚫/)
})

test('the outputs carry the position, the AWS ids, the import and DM’s state', () => {
  const o = run.outputs
  expect(o['binlog-file']).toMatch(/^mysql-bin-changelog\.\d+$/)
  expect(Number(o['binlog-position'])).toBeGreaterThan(0)
  expect(o['snapshot-id']).toBe(`aurora-to-tidb-${RUN_KEY}`)
  expect(o['export-task-id']).toBe(`aurora-to-tidb-${RUN_KEY}`)
  expect(o['export-uri']).toMatch(/^s3:\/\/[^/]+\/.+\/export\/aurora-to-tidb-e2e-migrate-whole\/$/)
  expect(o['schema-uri']).toMatch(/^s3:\/\/.+\/schema\/e2e-migrate-whole\/$/)
  expect(o['import-result']).toBe('succeeded')
  expect(Number(o['rows-imported'])).toBeGreaterThan(1000)
  expect(o['verify-result']).toBeDefined()
  expect(o['dm-task']).toBe(`aurora-to-tidb-${RUN_KEY}`)
  expect(o['dm-stage']).toBe('Running')
  const tables = JSON.parse(o['tables'] ?? '[]') as { table: string; targetRows?: number }[]
  expect(tables.length).toBeGreaterThan(10)
  // The summary shows the recorded position the outputs publish.
  expect(run.summary).toContain(o['binlog-file'] ?? '?')
})

test('once DM caught up, the target equals the source row for row in every selected table', async () => {
  const { h } = ref
  const tables = (await selectedTables(h.sb.source)).filter(
    // TiDB cannot create shop.store_locations (a POINT column): the run leaves it out and names it. The export skips
    // crm.legacy_contacts (a space in a column name): the run copies it with Dumpling, so it is compared too.
    (t) => !(t.db === 'shop' && t.table === 'store_locations')
  )
  expect(tables.map((t) => `${t.db}.${t.table}`)).toContain('crm.legacy_contacts')
  expect(tables.length).toBeGreaterThan(10)
  // The view of the selected database is on the target, as a view.
  const [view] = await h.sb.target.query<{ t: string }[]>(
    "SELECT TABLE_TYPE AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'customers_by_country'"
  )
  expect(view?.t).toBe('VIEW')
  const differing = async (): Promise<string[]> => {
    const out: string[] = []
    for (const t of tables) {
      const [a, b] = await Promise.all([tableRows(h.sb.source, t), tableRows(h.sb.target, t)])
      if (a.join('\n') !== b.join('\n')) out.push(`${t.db}.${t.table} (${a.length} vs ${b.length})`)
    }
    return out
  }
  await eventually('the target to equal the source', differing, (d) => d.length === 0, 60_000)
  const [written] = await h.sb.target.query<{ n: number }[]>(
    "SELECT COUNT(*) AS n FROM shop.customers WHERE email LIKE 'writer-%'"
  )
  expect(Number(written?.n)).toBe(writes)
}, 120_000)
