// Phase `skipped-tables`: the selected tables the Aurora snapshot export skipped (its WarningMessage names them,
// e.g. UNSUPPORTED_CHARACTERS_IN_COLUMN_NAME for a column named `first name`) would stay empty on the target while
// DM, replaying from the recorded position, fills only the rows changed since: a partial table, silently. Input
// `skipped-tables` decides, once the export is done and before the data import:
//   - `fail`: the phase fails naming each table and AWS's reason; nothing is imported.
//   - `exclude`: the tables are left out of the data import, of DM's block-allow-list (selection-filter.ts) and of
//     verify's expectations, with a warning naming each and a ⚠ row in the summary.
//   - `copy` (default): Dumpling dumps the rows of just those tables to `<s3-uri>/skipped-tables/<run key>/`, one
//     consistent read per table (`--consistency lock`, tidb/dumpling/args.ts), and TiDB Lightning imports that
//     folder with Dumpling's own file routes (tidb/lightning/dump-import.ts). The dump is taken now, after the
//     recorded binlog position, so it may already hold changes DM will replay; DM's safe mode (INSERT as REPLACE,
//     UPDATE as DELETE + REPLACE) makes replaying them converge, the case PingCAP's "Migrate Data from Amazon Aurora
//     to TiDB" describes for safe-mode ("the full migration data does not belong to the data source's consistency
//     snapshot, and after that, DM starts to replicate incremental data from a position earlier than the full
//     migration"). The source's COUNT(*) just before and just after each table's dump bound its rows at the dump's
//     point; verify compares the target with them.
//
// The data import then leaves these tables alone (selection-filter.ts exportedSelection), so the Parquet import's
// empty-table checks are not tripped by the copied rows.
//
// HOOK (restored snapshot copy): `deps.dumpFrom` names the server to dump instead of the source. When the run has a
// restored copy of the snapshot, dumping from it gives exactly the snapshot's point; the phase that restores the copy
// is to pass it here. Until then the source is dumped.
import type { DbEndpoint, Inputs } from '../inputs/types.js'
import { dmEnabled } from '../inputs/types.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import type { TableRow } from '../report/types.js'
import { tableKey, type TableName } from '../table-filter/table-name.js'
import { dumplingArgs, exactTableRule } from '../tidb/dumpling/args.js'
import { dumpImportConfig } from '../tidb/lightning/dump-import.js'
import { effectiveS3Endpoint } from '../aws/endpoint.js'
import { countRows } from '../mysql/row-counts.js'
import { nonEmptyTables, truncateTables } from '../mysql/table-rows.js'
import { PhaseError } from '../util/errors.js'
import { formatCount } from '../util/format.js'
import { runDumpling } from './dumpling-phase.js'
import { lightningS3Uri, needS3, runImportPhase, withTarget } from './lightning-phase.js'
import type { ExportFacts, MigrationState, SkippedTableFacts } from './migration-state.js'
import { skippedTablesLocation } from './names.js'
import type { PhaseBody } from './phase-body.js'
import { upsertTableRows } from './verify-rows.js'

const PHASE = 'skipped-tables'

/** A selected table the export skipped, with AWS's reason. */
export type SkippedSelected = TableName & { readonly reason: string }

/**
 * The selected tables among those the export skipped (`db.table` as AWS names them), in selection order. A name the
 * export gives exactly wins; otherwise names are compared as TiDB compares them (case-insensitively). Skipped tables
 * that are not selected (a whole-cluster export) are not the run's concern. Pure.
 */
export function skippedSelected(
  skipped: ExportFacts['skipped'],
  selected: readonly TableName[]
): SkippedSelected[] {
  const exact = new Map(skipped.map((s) => [s.table, s.reason]))
  const folded = new Map(skipped.map((s) => [s.table.toLowerCase(), s.reason]))
  return selected.flatMap((t) => {
    // AWS joins the two names with a dot, unescaped (not tableKey, which escapes dots inside names).
    const joined = `${t.database}.${t.table}`
    const reason = exact.get(joined) ?? folded.get(joined.toLowerCase())
    return reason === undefined ? [] : [{ database: t.database, table: t.table, reason }]
  })
}

const shown = (t: TableName): string => `\`${t.database}\`.\`${t.table}\``

/** `` `crm`.`legacy_contacts` (reason) `` for each table, joined. */
export function describeSkipped(tables: readonly SkippedSelected[]): string {
  return tables.map((t) => `${shown(t)} (${t.reason})`).join('; ')
}

/** The message of `skipped-tables: fail`. Pure. */
export function skippedFailure(tables: readonly SkippedSelected[]): string {
  return (
    `The snapshot export skipped ${tables.length} selected table(s): ${describeSkipped(tables)}. ` +
    "Input skipped-tables is 'fail', so nothing was imported. Set skipped-tables: copy to copy them with " +
    'Dumpling and TiDB Lightning (the default), or exclude to leave them out of the migration.'
  )
}

/** The summary row of a table the export skipped, marked ⚠ with how it was filled. Pure. */
export function skippedRow(t: SkippedTableFacts): TableRow {
  const name = { database: t.database, table: t.table }
  if (t.filled === 'excluded') {
    return {
      ...name,
      status: 'excluded',
      note: `⚠ skipped by the export (${t.reason}); left out of the import, DM and verify (skipped-tables: exclude)`
    }
  }
  const rows = t.copiedRows === undefined ? '' : `: ${formatCount(t.copiedRows)} rows`
  return {
    ...name,
    ...(t.copiedRows === undefined ? {} : { rowsImported: t.copiedRows }),
    status: 'copied',
    note: `⚠ skipped by the export (${t.reason}); filled by a Dumpling dump imported by Lightning${rows}`
  }
}

/** Replaceable parts of the phase. */
export interface SkippedTablesDeps {
  /**
   * HOOK: the server to dump the tables from; undefined (the default) dumps the source. A restored copy of the
   * snapshot is the place to pass here once the run has one.
   */
  readonly dumpFrom?: (state: MigrationState) => DbEndpoint | undefined
}

/** COUNT(*) of each table on `from`, by `db.table`. */
async function sourceCounts(
  from: DbEndpoint,
  tables: readonly TableName[]
): Promise<Map<string, number>> {
  const { connectDb } = await import('../mysql/connect.js')
  const conn = await connectDb(from, 'source')
  try {
    const counts = await countRows(conn, tables)
    const out = new Map<string, number>()
    for (const t of tables) {
      const c = counts.get(tableKey(t))
      if (c === undefined || !('rows' in c)) {
        const why = c === undefined ? 'no answer' : 'missing' in c ? 'it does not exist' : c.error
        throw new PhaseError(PHASE, `Cannot count the rows of ${shown(t)} on the source: ${why}.`)
      }
      out.set(tableKey(t), c.rows)
    }
    return out
  } finally {
    await conn.end().catch(() => undefined)
  }
}

/** Dumpling's arguments for the rows of one table, into the run's skipped-tables folder. */
export function tableDumpArgs(
  inputs: Inputs,
  from: DbEndpoint,
  t: TableName,
  runKey: string
): string[] {
  return dumplingArgs({
    source: from,
    filter: [exactTableRule(t)],
    output: skippedTablesLocation(needS3(inputs), runKey).uri,
    s3Endpoint: effectiveS3Endpoint(inputs.aws),
    s3Region: inputs.aws.region || undefined,
    content: 'data'
  }).args
}

/** Dumps each table (counting the source around it), imports the dumps, counts the target. */
async function copy(
  ctx: PhaseContext,
  state: MigrationState,
  tables: readonly SkippedSelected[],
  from: DbEndpoint
): Promise<SkippedTableFacts[]> {
  const { inputs } = ctx
  if (dmEnabled(inputs) && !inputs.dm.safeMode)
    ctx.log.warning(
      'safe-mode is false, but DM will replay changes the copied tables already hold (their dump is newer than ' +
        'the recorded position): inserts among them fail with duplicate keys. Set safe-mode: true.'
    )
  const bounds = new Map<string, { before: number; after: number }>()
  for (const t of tables) {
    ctx.progress(`dumping ${shown(t)}`)
    const before = (await sourceCounts(from, [t])).get(tableKey(t)) ?? 0
    await runDumpling(ctx, state, PHASE, tableDumpArgs(inputs, from, t, state.runKey), from)
    const after = (await sourceCounts(from, [t])).get(tableKey(t)) ?? 0
    bounds.set(tableKey(t), { before, after })
  }
  const location = skippedTablesLocation(needS3(inputs), state.runKey)
  ctx.report.links.push({ label: 'Tables the export skipped (Dumpling)', url: location.uri })
  const names = tables.map((t) => ({ database: t.database, table: t.table }))
  await runImportPhase(ctx, state, {
    name: PHASE,
    config: dumpImportConfig(
      lightningS3Uri(inputs, location.bucket, location.prefix),
      names,
      inputs.import.checksum
    ),
    useCheckpoint: true,
    nonEmptyTables: () => withTarget(inputs, (conn) => nonEmptyTables(conn, names)),
    // A resumed run: rows in these tables can only be this phase's own unfinished copy (DM starts after verify).
    ...(state.resumed === undefined
      ? {}
      : {
          ownRows: {
            why: `the unfinished copy of an earlier attempt of run ${state.runKey}`,
            empty: (t: readonly TableName[]) =>
              withTarget(inputs, (conn) => truncateTables(conn, t))
          }
        })
  })
  const counts = await withTarget(inputs, (conn) => countRows(conn, names))
  return tables.map((t): SkippedTableFacts => {
    const c = counts.get(tableKey(t))
    const bound = bounds.get(tableKey(t))
    return {
      database: t.database,
      table: t.table,
      reason: t.reason,
      filled: 'copied',
      ...(bound === undefined ? {} : { sourceRows: bound }),
      ...(c !== undefined && 'rows' in c ? { copiedRows: c.rows } : {})
    }
  })
}

/**
 * The `skipped-tables` phase.
 * @param state reads `export` and `tables`, sets `skippedTables`
 * @param deps the dump-source hook
 */
export function skippedTablesPhase(state: MigrationState, deps: SkippedTablesDeps = {}): PhaseBody {
  return {
    id: PHASE,
    title: 'Tables the export skipped',
    async run(ctx) {
      const { inputs } = ctx
      if (!state.export || !state.tables)
        throw new PhaseError(PHASE, 'The export and the selected tables are unknown.')
      const tables = skippedSelected(state.export.skipped, state.tables)
      if (tables.length === 0) {
        state.skippedTables = []
        ctx.record.note = 'the export skipped no selected table'
        return
      }
      ctx.record.numbers.push({ label: 'tables skipped by the export', value: tables.length })
      const mode = inputs.skippedTables
      if (mode === 'fail') throw new PhaseError(PHASE, skippedFailure(tables))
      let facts: SkippedTableFacts[]
      if (mode === 'exclude') {
        facts = tables.map((t) => ({ ...t, filled: 'excluded' }))
        ctx.log.warning(
          `The snapshot export skipped ${tables.length} selected table(s), which this run leaves out of the ` +
            `import, DM and the verification (skipped-tables: exclude): ${describeSkipped(tables)}. ` +
            'The target does not hold them.'
        )
        ctx.record.note = `${tables.length} excluded: ${tables.map(shown).join(', ')}`
      } else {
        facts = await copy(ctx, state, tables, deps.dumpFrom?.(state) ?? inputs.source)
        const rows = facts.reduce((n, f) => n + (f.copiedRows ?? 0), 0)
        ctx.log.warning(
          `The snapshot export skipped ${tables.length} selected table(s): ${describeSkipped(tables)}. ` +
            `Copied instead by Dumpling and TiDB Lightning (${formatCount(rows)} rows); DM's replay from the ` +
            'recorded position brings them up to date.'
        )
        ctx.record.numbers.push({ label: 'rows copied', value: rows })
        ctx.record.note = `${tables.length} copied by Dumpling → Lightning: ${tables.map(shown).join(', ')}`
      }
      state.skippedTables = facts
      upsertTableRows(ctx.report.tables, facts.map(skippedRow))
    }
  }
}
