// Phase `data-import`: step 2.3 of PingCAP's documented procedure. TiDB Lightning imports the Parquet files of the
// snapshot export into the tables the schema import created:
//   - `[mydumper] data-source-dir` = the export's folder (`<s3-uri>/export/<task id>`) with endpoint and region;
//   - `[[mydumper.files]]` = the Aurora rules (tidb/lightning/aurora-rules.ts): the export's JSON and `_SUCCESS` files
//     ignored, exact rules for names the export rewrote, one rule per database, then a general rule — so names with
//     capitals, dashes or dots, which the documented `[a-z0-9_]+` pattern misses, are imported too;
//   - `mydumper.filter` = the `filter` input (Lightning's filter has Dumpling's syntax and case rules), plus
//     Dumpling's system-schema exclusion, so a whole-cluster export still imports only the selected tables;
//   - `[post-restore] checksum` from the `checksum` input;
//   - a checkpoint and the rerun policy of tidb/lightning/import.ts: resume when Lightning can, otherwise import only
//     into tables checked empty — never twice.
// Success only when the log says `the whole procedure completed`. Afterwards the rows of every table are counted on
// the target (Lightning's log does not give rows per table) and handed to the verify phase in `state.imported`.
import type { Inputs } from '../inputs/types.js'
import { countRows, listTables, nonEmptyTables, truncateTables } from '../mysql/table-rows.js'
import { auroraFileRules } from '../tidb/lightning/aurora-rules.js'
import { lightningHasSessionVars, PARQUET_SESSION_VARS } from '../tidb/lightning/config.js'
import {
  DUMPLING_SYSTEM_SCHEMA_EXCLUSION,
  filterRules,
  type TableFilter
} from '../table-filter/parse.js'
import { matchesTable } from '../table-filter/match.js'
import { formatCount } from '../util/format.js'
import {
  lightningS3Uri,
  runImportPhase,
  withTarget,
  type ImportPhaseOptions
} from './lightning-phase.js'
import type { LightningImportResult } from '../tidb/lightning/import.js'
import type { TableRow } from '../report/types.js'
import type { ExportFacts, MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'
import { exportedSelection, selectionFilter } from './selection-filter.js'
import { upsertTableRows } from './verify-rows.js'
import { tableKey, type TableName } from '../table-filter/table-name.js'
import type { TableCompletion } from '../tidb/lightning/report.js'

/**
 * The tables the import writes: those precheck selected less those the export skipped (the skipped-tables phase
 * filled or left them out), or else the target's tables the filter selects.
 */
async function importTables(state: MigrationState, inputs: Inputs): Promise<TableName[]> {
  const fromExport = exportedSelection(state)
  if (fromExport !== undefined) {
    return fromExport.map((t) => ({ database: t.database, table: t.table }))
  }
  const all = await withTarget(inputs, listTables)
  const filter = selectionFilter(inputs, state)
  return all.filter((t) => matchesTable(filter, t.database, t.table))
}

/** `mydumper.filter`: the filter input, keeping system schemas out as Dumpling does. */
export function lightningFilter(filter: TableFilter): string[] | undefined {
  const rules = filterRules(filter)
  return rules.length === 0 ? undefined : [...rules, DUMPLING_SYSTEM_SCHEMA_EXCLUSION]
}

/**
 * What the data import configures for an export and its tables: the source with endpoint, the Aurora file rules
 * (and what they cannot route), the filter and the checksum. Pure but for the S3 endpoint from the environment.
 */
export function dataImportConfig(
  inputs: Inputs,
  exported: Pick<ExportFacts, 'bucket' | 'prefix'>,
  tables: readonly TableName[],
  selection: TableFilter = inputs.filter
): { config: ImportPhaseOptions['config']; warnings: string[] } {
  const { rules, warnings } = auroraFileRules(tables)
  const filter = lightningFilter(selection)
  return {
    config: {
      dataSourceDir: lightningS3Uri(inputs, exported.bucket, exported.prefix),
      files: rules,
      ...(filter === undefined ? {} : { filter }),
      checksum: inputs.import.checksum,
      // DATETIME/TIMESTAMP values arrive as the source wrote them whatever the target's time zone.
      ...(lightningHasSessionVars(inputs.tools.tidbVersion)
        ? { sessionVars: PARQUET_SESSION_VARS }
        : {})
    },
    warnings
  }
}

/**
 * On a resumed run, rows in the tables are this run's own unfinished import: the earlier attempt that started it
 * found them absent or empty (its precheck), and the run state says the import did not finish. The checkpoint
 * policy may then empty them and start over (tidb/lightning/import.ts).
 */
function ownRowsOf(
  state: MigrationState,
  inputs: Inputs
): Pick<ImportPhaseOptions, 'ownRows'> | Record<string, never> {
  if (state.resumed === undefined || state.resumed.phasesDone['data-import'] !== undefined)
    return {}
  return {
    ownRows: {
      why: `the unfinished data import of an earlier attempt of run ${state.runKey} (its run state says so)`,
      empty: (tables) => withTarget(inputs, (conn) => truncateTables(conn, tables))
    }
  }
}

/**
 * The per-table rows of a failed import: the tables Lightning reported as restored (`restore table completed`) and
 * those it did not finish, so the summary shows what the failed run did. Matched as TiDB matches names (case
 * insensitively).
 */
export function unfinishedImportRows(
  tables: readonly TableName[],
  completed: readonly Pick<TableCompletion, 'name'>[]
): TableRow[] {
  const done = new Set(completed.flatMap((c) => (c.name ? [tableKey(c.name).toLowerCase()] : [])))
  return tables.map((t) =>
    done.has(tableKey(t).toLowerCase())
      ? {
          database: t.database,
          table: t.table,
          status: 'imported',
          note: 'Lightning restored it before the run failed'
        }
      : {
          database: t.database,
          table: t.table,
          status: 'not imported',
          note: 'Lightning did not finish it'
        }
  )
}

/** The `data-import` phase. */
export function dataImportPhase(state: MigrationState): PhaseBody {
  return {
    id: 'data-import',
    title: 'Data import (Lightning, Parquet)',
    async run(ctx) {
      const { inputs } = ctx
      const exported = state.export
      if (exported === undefined) throw new Error('the export phase has not recorded an export')
      let tables: TableName[] = []
      let completed: LightningImportResult['report']['tablesCompleted'] | undefined
      try {
        tables = await importTables(state, inputs)
        if (tables.length === 0) {
          ctx.setOutput('import-result', 'skipped')
          ctx.record.note = 'no selected table to import'
          return
        }
        const { config, warnings } = dataImportConfig(
          inputs,
          exported,
          tables,
          selectionFilter(inputs, state)
        )
        for (const w of warnings) ctx.log.warning(w)
        const run = await runImportPhase(ctx, state, {
          name: 'data-import',
          config,
          useCheckpoint: true,
          nonEmptyTables: () => withTarget(inputs, (conn) => nonEmptyTables(conn, tables)),
          ...ownRowsOf(state, inputs),
          onFinished: (r) => {
            completed = r.report.tablesCompleted
          }
        })

        ctx.progress('counting the imported rows')
        const counts = await withTarget(inputs, (conn) => countRows(conn, tables))
        const perTable: Record<string, number> = {}
        let total = 0
        tables.forEach((t, i) => {
          const n = counts[i] ?? 0
          perTable[tableKey(t)] = n
          total += n
        })
        // verify shows Lightning's own per-table checksum verdicts beside the row counts.
        state.imported = { total, perTable, checksums: run.report.checksums }
        ctx.setOutput('import-result', 'succeeded')
        // The tables the export skipped were imported by Lightning too, from their Dumpling copy: rows-imported
        // counts every row Lightning brought in.
        const copied = (state.skippedTables ?? []).reduce((n, t) => n + (t.copiedRows ?? 0), 0)
        ctx.setOutput('rows-imported', total + copied)
        const passed = run.report.checksums.filter((c) => c.ok).length
        ctx.record.numbers.push(
          { label: 'tables', value: tables.length },
          { label: 'rows imported', value: total }
        )
        if (passed > 0) ctx.record.numbers.push({ label: 'checksums passed', value: passed })
        ctx.record.note ??= `${formatCount(total)} rows in ${tables.length} tables`
      } catch (e) {
        ctx.setOutput('import-result', 'failed')
        // Only when Lightning ran: a refusal before it started has no per-table news.
        if (completed !== undefined)
          upsertTableRows(ctx.report.tables, unfinishedImportRows(tables, completed))
        throw e
      }
    }
  }
}
