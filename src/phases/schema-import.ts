// Phase `schema-import`: steps 1.2–1.3 of PingCAP's documented procedure. TiDB Lightning reads Dumpling's files from
// the run's schema folder (`[mydumper] data-source-dir` = that S3 URI with the endpoint and region) with its default
// Dumpling file rules, and creates the databases and tables exactly as Dumpling wrote them. Backend, `[tidb]` and
// sorted-kv-dir come from the inputs. No checkpoint: creating tables is safe to repeat (Lightning creates them IF NOT
// EXISTS), and a stale checkpoint would only block a rerun.
//
// Views: Lightning creates them last, after every database and table (pkg/lightning/mydump/schema_import.go
// importViews), and stops at the first one the target refuses (a definer or a function TiDB lacks). Such a failure
// is not the end of the schema import: the tables are all in place, so the phase names the view and the target's
// reason, records it for verify (which checks every selected view) and goes on. Any other Lightning failure fails
// the phase.
//
// Afterwards every selected table must exist on the target; one that does not would fail the data import later
// with a less helpful message.
import type { RowDataPacket } from 'mysql2'
import { findFailedView } from '../tidb/lightning/schema-errors.js'
import type { LightningImportResult } from '../tidb/lightning/import.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import { PhaseError } from '../util/errors.js'
import { lightningS3Uri, needS3, runImportPhase, withTarget } from './lightning-phase.js'
import type { MigrationState } from './migration-state.js'
import { schemaLocation } from './names.js'
import type { PhaseBody } from './phase-body.js'

const key = (db: string, table: string): string => `${db}\u0000${table}`.toLowerCase()

/** Runs Lightning on the schema files; a failure that is a view's is recorded in the state instead of thrown. */
async function importSchema(
  ctx: PhaseContext,
  state: MigrationState,
  dataSourceDir: string
): Promise<void> {
  let run: LightningImportResult | undefined
  try {
    await runImportPhase(ctx, state, {
      name: 'schema-import',
      config: { dataSourceDir },
      useCheckpoint: false,
      onFinished: (r) => {
        run = r
      }
    })
  } catch (e) {
    const failed =
      run === undefined || ctx.signal.aborted
        ? undefined
        : findFailedView([run.verdict.message, run.report.firstError?.line, ...run.tail])
    if (failed === undefined) throw e
    const name = `\`${failed.view.database}\`.\`${failed.view.table}\``
    ctx.log.warning(
      `View ${name} could not be created on the target: ${failed.cause}. Lightning creates views after every ` +
        'table and stops at the first it cannot create, so the tables are in place; this view and any view ' +
        'after it are missing (verify names each).'
    )
    state.viewsNotCreated = [{ ...failed.view, cause: failed.cause }]
  }
}

/** The `schema-import` phase. */
export function schemaImportPhase(state: MigrationState): PhaseBody {
  return {
    id: 'schema-import',
    title: 'Schema import (Lightning)',
    async run(ctx) {
      const { inputs } = ctx
      if (state.schemaUri === undefined) throw new Error('schema-export has not written a schema')
      const location = schemaLocation(needS3(inputs), state.runKey)
      await importSchema(ctx, state, lightningS3Uri(inputs, location.bucket, location.prefix))
      const selected = state.tables
      if (selected === undefined) return
      const missing = await withTarget(inputs, async (conn) => {
        const dbs = [...new Set(selected.map((t) => t.database))]
        const [rows] = await conn.query<RowDataPacket[]>(
          'SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (?)',
          [dbs]
        )
        // TiDB compares table names case-insensitively (lower_case_table_names = 2).
        const present = new Set(rows.map((r) => key(String(r['s']), String(r['t']))))
        return selected.filter((t) => !present.has(key(t.database, t.table)))
      })
      ctx.record.numbers.push({ label: 'tables created', value: selected.length - missing.length })
      if (missing.length > 0) {
        const names = missing
          .slice(0, 10)
          .map((t) => `\`${t.database}\`.\`${t.table}\``)
          .join(', ')
        throw new PhaseError(
          'schema-import',
          `TiDB Lightning finished, but ${missing.length} selected table(s) do not exist on the target: ${names}` +
            `${missing.length > 10 ? ', …' : ''}. Check Dumpling's files in ${state.schemaUri}.`
        )
      }
    }
  }
}
