// Phase `verify`: per selected table, the rows in the export against the rows in the target.
//
// Rows in the export: AWS's metadata files carry none (export-metadata.ts), so they are summed from the Parquet
// footers (num_rows) of `<export>/<db>/<db>.<table>/…` — one ranged GET per file. export_tables_info and the task's
// WarningMessage say which tables the export skipped or did not list. Rows in the target: COUNT(*). Lightning's own
// per-table rows and checksum results, when the import recorded them, must agree too.
//
// Views: each view the filter selects on the source must be on the target (information_schema.TABLES, type VIEW).
// One the schema import could not create is named with the target's reason, as a warning; any other missing view
// is a mismatch.
//
// Tables the export skipped: one the skipped-tables phase copied must hold the source's rows at its dump (between
// the source's COUNT(*) just before and just after it); one it excluded is named, not expected. A skipped table the
// run knows nothing more of is listed as skipped by the export.
//
// A mismatch fails the phase unless `fail-on-verify-mismatch: false` (then it is a warning).
import {
  exportedTables,
  parseExportMetadata,
  type ExportedTable,
  type ExportMetadata
} from '../aws/export-metadata.js'
import { classifyExportObjects, type ExportListing } from '../aws/export-files.js'
import { tableFolder } from '../aws/export-naming.js'
import type { S3 } from '../aws/s3.js'
import { countRows, type RowCount } from '../mysql/row-counts.js'
import type { TableName } from '../table-filter/table-name.js'
import { tableKey } from '../table-filter/table-name.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import { PhaseError } from '../util/errors.js'
import { formatCount } from '../util/format.js'
import { awsKit, awsPhaseError, type AwsPhaseDeps } from './aws-deps.js'
import type { ExportFacts, MigrationState, SelectedTable } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'
import type { TableRow } from '../report/types.js'
import { checksumWanted, compareContents, reportContents } from './verify-checksum.js'
import {
  judgeTable,
  judgeViews,
  lightningTableKey,
  upsertTableRows,
  verifyTotals,
  VERIFY_STATUS,
  VIEW_STATUS,
  type TableEvidence
} from './verify-rows.js'

const PHASE = 'verify'

/** Tables named in a failure message; the rest are in the summary's table. */
const NAMED_MISMATCHES = 10

async function readMetadata(
  s3: S3,
  exp: ExportFacts,
  listing: ExportListing
): Promise<ExportMetadata> {
  const files = []
  for (const key of listing.metadataKeys)
    files.push({ name: key, text: await s3.readText(exp.bucket, key) })
  return parseExportMetadata(files)
}

/** Rows in the export per table folder, for the folders of the selected tables. */
async function exportRowsByFolder(
  ctx: PhaseContext,
  s3: S3,
  exp: ExportFacts,
  listing: ExportListing,
  folders: ReadonlySet<string>
): Promise<Map<string, number>> {
  const wanted = [...folders].flatMap((f) =>
    (listing.dataFiles.get(f) ?? []).map((o) => ({ f, o }))
  )
  ctx.log.info(
    `Reading the Parquet footers of ${formatCount(wanted.length)} data files of ${exp.uri}`
  )
  // hyparquet loads on first use, like the SDK (aws-deps.ts).
  const { parquetFooters, legacyCalendarWarning } = await import('../aws/parquet-footers.js')
  const footers = await parquetFooters(
    s3,
    exp.bucket,
    wanted.map((w) => w.o),
    {
      signal: ctx.signal,
      onProgress: (done, total) => ctx.progress(`Parquet footers ${done}/${total}`)
    }
  )
  const out = new Map<string, number>()
  const byFolder = new Map<string, (typeof footers)[number][]>()
  wanted.forEach((w, i) => {
    const f = footers[i]
    if (f === undefined) return
    out.set(w.f, (out.get(w.f) ?? 0) + f.rows)
    byFolder.set(w.f, [...(byFolder.get(w.f) ?? []), f])
  })
  // Dates before 1582 written on Spark's legacy calendar arrive days off: said per table, the counts cannot show it.
  for (const [folder, list] of byFolder) {
    const warning = legacyCalendarWarning(folder.split('/').pop() ?? folder, list)
    if (warning !== undefined) ctx.log.warning(warning)
  }
  return out
}

/** What verify reads from the target: the rows of the selected tables and the views of their databases. */
async function readTarget(
  ctx: PhaseContext,
  tables: readonly SelectedTable[],
  views: readonly TableName[]
): Promise<{ counts: Map<string, RowCount>; views: TableName[] }> {
  // mysql2 is loaded when needed, like the AWS SDK (aws-deps.ts): it is a large part of the bundle's start-up.
  const { connectDb } = await import('../mysql/connect.js')
  const { listViews } = await import('../mysql/table-rows.js')
  const conn = await connectDb(ctx.inputs.target, 'target').catch((e: unknown) =>
    Promise.reject(new PhaseError(PHASE, (e as Error).message, { cause: e }))
  )
  try {
    const counts = await countRows(conn, tables, (done, total) =>
      ctx.progress(`COUNT(*) on the target ${done}/${total}`)
    )
    const present = await listViews(conn, [...new Set(views.map((v) => v.database))])
    return { counts, views: present }
  } finally {
    await conn.end().catch(() => undefined)
  }
}

/** The views the filter selects on the source, as the precheck read them; none when it could not. */
function selectedViews(state: MigrationState): readonly TableName[] {
  const source = state.precheck?.source
  return source?.ok === true ? source.value.catalog.views : []
}

function evidence(
  state: MigrationState,
  tables: readonly SelectedTable[],
  exported: readonly ExportedTable[],
  metadataPresent: boolean,
  rows: ReadonlyMap<string, number>,
  target: ReadonlyMap<string, RowCount>
): TableEvidence[] {
  const byName = new Map(exported.map((e) => [tableKey(e), e]))
  const byFolder = new Map<string, string[]>()
  for (const t of tables) {
    const f = tableFolder(t)
    byFolder.set(f, [...(byFolder.get(f) ?? []), tableKey(t)])
  }
  const checksums = new Map(
    (state.imported?.checksums ?? []).map((c) => [lightningTableKey(c.table), c])
  )
  const filled = new Map((state.skippedTables ?? []).map((f) => [tableKey(f), f]))
  return tables.map((t) => {
    const key = tableKey(t)
    const folder = tableFolder(t)
    return {
      database: t.database,
      table: t.table,
      exported: byName.get(key),
      metadataPresent,
      exportRows: rows.get(folder),
      sharedFolderWith: (byFolder.get(folder) ?? []).filter((k) => k !== key),
      target: target.get(key),
      lightningRows: state.imported?.perTable[key],
      checksum: checksums.get(key),
      filled: filled.get(key)
    }
  })
}

/**
 * Compares the contents with the restored copy of the snapshot (`verify: checksum`, the default with a copy): what
 * the export held against what the import wrote, before DM writes anything. The tables that differ, or none.
 */
async function verifyContents(
  ctx: PhaseContext,
  state: MigrationState,
  tables: readonly SelectedTable[]
): Promise<TableRow[]> {
  if (!checksumWanted(ctx.inputs, state)) return []
  const copy = state.restored?.endpoint
  if (copy === undefined)
    throw new PhaseError(
      PHASE,
      "verify is 'checksum' but there is no restored copy of the snapshot to compare with (restore-snapshot)."
    )
  ctx.log.info(
    `Comparing the contents of ${formatCount(tables.length)} tables with the restored copy of the snapshot at ${copy.host}:${copy.port}.`
  )
  // A table the export skipped is not in the target by design; the export phase already named it.
  const skipped = new Set(state.export?.skipped.map((s) => s.table))
  const results = await compareContents(
    ctx,
    PHASE,
    { ...ctx.inputs.source, host: copy.host, port: copy.port },
    'source',
    tables.filter((t) => !skipped.has(tableKey(t)))
  )
  return reportContents(ctx, results, 'the snapshot (its restored copy)')
}

/**
 * The `verify` phase.
 * @param state reads `tables`, `export` and `imported`
 * @param deps fakes for tests
 */
export function verifyPhase(state: MigrationState, deps: AwsPhaseDeps = {}): PhaseBody {
  return {
    id: PHASE,
    title: 'Verify row counts',
    async run(ctx) {
      const exp = state.export
      const tables = state.tables
      if (!exp || !tables)
        throw new PhaseError(
          PHASE,
          'Nothing to verify: the export and the selected tables are unknown.'
        )
      const { s3 } = await awsKit(ctx, deps)
      let listing: ExportListing
      let meta: ExportMetadata
      let rows: Map<string, number>
      try {
        listing = classifyExportObjects(await s3.list(exp.bucket, `${exp.prefix}/`), exp.prefix)
        meta = await readMetadata(s3, exp, listing)
        rows = await exportRowsByFolder(
          ctx,
          s3,
          exp,
          listing,
          new Set(tables.map((t) => tableFolder(t)))
        )
      } catch (e) {
        throw awsPhaseError(PHASE, `Reading the export ${exp.uri}`, e)
      }
      const warnings = {
        skippedTables: exp.skipped.map((s) => ({ target: s.table, reason: s.reason })),
        skippedObjectives: [],
        general: [],
        text: undefined
      }
      const exported = exportedTables(meta, warnings, tables)
      const wantedViews = selectedViews(state)
      const target = await readTarget(ctx, tables, wantedViews)
      const verdicts = evidence(
        state,
        tables,
        exported,
        meta.tables.length > 0,
        rows,
        target.counts
      ).map(judgeTable)
      const views = judgeViews(wantedViews, target.views, state.viewsNotCreated)
      upsertTableRows(ctx.report.tables, [...verdicts, ...views.rows])
      const totals = verifyTotals(verdicts)
      const contents = await verifyContents(ctx, state, tables)
      const mismatched = [...totals.mismatched, ...views.unexplained, ...contents]
      const missingViews = views.rows.filter((r) => r.status === VIEW_STATUS.missing)
      for (const v of missingViews.filter((r) => !views.unexplained.includes(r)))
        ctx.log.warning(`View ${v.database}.${v.table} is not on the target: ${v.note ?? ''}`)
      ctx.record.numbers.push(
        { label: 'tables verified', value: totals.verified },
        { label: 'mismatches', value: mismatched.length },
        { label: 'skipped by export', value: totals.skipped }
      )
      if (contents.length > 0)
        ctx.record.numbers.push({ label: 'tables with other contents', value: contents.length })
      const excluded = verdicts.filter((r) => r.status === VERIFY_STATUS.excluded)
      if (excluded.length > 0) {
        ctx.record.numbers.push({ label: 'excluded', value: excluded.length })
        ctx.log.warning(
          `${excluded.length} selected table(s) are not verified and not on the target: the export skipped them ` +
            `and skipped-tables is exclude: ${excluded.map((r) => `${r.database}.${r.table}`).join(', ')}.`
        )
      }
      if (wantedViews.length > 0)
        ctx.record.numbers.push({
          label: 'views present',
          value: wantedViews.length - missingViews.length
        })
      const passed = mismatched.length === 0
      ctx.setOutput('verify-result', passed ? 'passed' : 'mismatch')
      ctx.record.note = `${totals.verified} of ${verdicts.length} tables match the export`
      if (passed) {
        ctx.log.info(
          `All ${formatCount(totals.verified)} exported tables have as many rows in the target as in the export${totals.skipped > 0 ? ` (${totals.skipped} skipped by the export)` : ''}.`
        )
        return
      }
      const named = mismatched
        .slice(0, NAMED_MISMATCHES)
        .map((r) => `${r.database}.${r.table} (${r.note ?? r.status})`)
      const more = mismatched.length - named.length
      const what =
        views.unexplained.length === 0
          ? `${mismatched.length} of ${verdicts.length} tables do not match the export`
          : `${totals.mismatched.length} of ${verdicts.length} tables do not match the export and ${views.unexplained.length} of ${views.rows.length} selected views are missing on the target`
      const message = `${what}: ${named.join('; ')}${more > 0 ? `; and ${more} more (see the summary)` : ''}.`
      if (!ctx.inputs.failOnVerifyMismatch) {
        ctx.log.warning(`${message} Not failing: fail-on-verify-mismatch is false.`)
        return
      }
      throw new PhaseError(PHASE, `${message} Set fail-on-verify-mismatch: false to only warn.`, {
        toolLine: named[0]
      })
    }
  }
}
