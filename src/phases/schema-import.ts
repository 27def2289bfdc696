// Phase `schema-import`: steps 1.2–1.3 of the seed. TiDB Lightning reads Dumpling's files from the run's schema
// folder (`[mydumper] data-source-dir` = that S3 URI with the endpoint and region) with its default Dumpling file
// rules, and creates the databases and tables exactly as Dumpling wrote them. Backend, `[tidb]` and sorted-kv-dir
// come from the inputs. No checkpoint: creating tables is safe to repeat (Lightning creates them IF NOT EXISTS),
// and a stale checkpoint would only block a rerun.
//
// Afterwards every selected table must exist on the target; one that does not would fail the data import later
// with a less helpful message.
import type { RowDataPacket } from 'mysql2'
import { PhaseError } from '../util/errors.js'
import { lightningS3Uri, needS3, runImportPhase, withTarget } from './lightning-phase.js'
import type { MigrationState } from './migration-state.js'
import { schemaLocation } from './names.js'
import type { PhaseBody } from './phase-body.js'

const key = (db: string, table: string): string => `${db}\u0000${table}`.toLowerCase()

/** The `schema-import` phase. */
export function schemaImportPhase(state: MigrationState): PhaseBody {
  return {
    id: 'schema-import',
    title: 'Schema import (Lightning)',
    async run(ctx) {
      const { inputs } = ctx
      if (state.schemaUri === undefined) throw new Error('schema-export has not written a schema')
      const location = schemaLocation(needS3(inputs), state.runKey)
      await runImportPhase(ctx, state, {
        name: 'schema-import',
        config: { dataSourceDir: lightningS3Uri(inputs, location.bucket, location.prefix) },
        useCheckpoint: false
      })
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
