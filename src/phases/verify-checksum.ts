// Content verification (`verify: checksum`): every selected table compared chunk by chunk between a source side and
// the target with sync-diff-inspector's checksum (mysql/checksum-sql.ts). In a migrate the source side is the
// restored copy of the snapshot — exactly what the export held — compared right after the import, before DM writes
// anything; `operation: verify` compares the live source instead. A few tables run side by side, each over its own
// pair of connections; both sessions read TIMESTAMPs in UTC so the two servers print the same text.
import type { DbEndpoint, Inputs } from '../inputs/types.js'
import type { TableChecksum } from '../mysql/checksum.js'
import type { PhaseContext } from '../orchestrator/phase.js'
import type { TableRow } from '../report/types.js'
import type { TableName } from '../table-filter/table-name.js'
import { mapLimit } from '../util/concurrency.js'
import { PhaseError } from '../util/errors.js'
import { formatCount } from '../util/format.js'
import type { MigrationState } from './migration-state.js'
import { upsertTableRows } from './verify-rows.js'

/** Tables compared at once (each holds two connections). */
export const CHECKSUM_CONCURRENCY = 4

/** Row status of a table whose contents differ. */
export const CONTENT_MISMATCH = 'content mismatch'

/** Whether this run compares contents: asked for, or by default when a restored copy exists. */
export function checksumWanted(inputs: Pick<Inputs, 'verify'>, state: MigrationState): boolean {
  return (
    inputs.verify === 'checksum' || (inputs.verify === undefined && state.restored !== undefined)
  )
}

/**
 * Compares each table's contents on `source` and the target.
 * @param sourceRole how the source side is named in connection errors
 */
export async function compareContents(
  ctx: PhaseContext,
  phase: string,
  source: DbEndpoint,
  sourceRole: 'source',
  tables: readonly TableName[]
): Promise<TableChecksum[]> {
  const [{ connectDb }, { compareTable }] = await Promise.all([
    import('../mysql/connect.js'),
    import('../mysql/checksum.js')
  ])
  let done = 0
  let chunks = 0
  const open = async (endpoint: DbEndpoint, role: 'source' | 'target') => {
    const conn = await connectDb(endpoint, role).catch((e: unknown) =>
      Promise.reject(new PhaseError(phase, (e as Error).message, { cause: e }))
    )
    await conn.query("SET time_zone = '+00:00'")
    return conn
  }
  const workers = Math.min(CHECKSUM_CONCURRENCY, tables.length)
  const queue = [...tables]
  const results: TableChecksum[] = []
  await mapLimit(
    Array.from({ length: workers }, (_, i) => i),
    workers,
    async () => {
      const a = await open(source, sourceRole)
      const b = await open(ctx.inputs.target, 'target').catch(async (e: unknown) => {
        await a.end().catch(() => undefined)
        throw e
      })
      try {
        for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
          if (ctx.signal.aborted) return
          results.push(
            await compareTable(a, b, t, {}, () => {
              chunks++
              ctx.progress(
                `checksums: ${done}/${tables.length} tables, ${formatCount(chunks)} chunks`
              )
            })
          )
          done++
        }
      } finally {
        await Promise.all([a.end().catch(() => undefined), b.end().catch(() => undefined)])
      }
    },
    ctx.signal
  )
  return results
}

/**
 * Puts the comparison into the report (tables, numbers, log) and returns the tables whose contents differ or could
 * not be compared, named with the rows that differ.
 */
export function reportContents(
  ctx: PhaseContext,
  results: readonly TableChecksum[],
  against: string
): TableRow[] {
  const bad = results.filter((r) => r.result !== 'match')
  const rows: TableRow[] = bad.map((r) => {
    const existing = ctx.report.tables.find((x) => x.database === r.database && x.table === r.table)
    return {
      ...(existing ?? {}),
      database: r.database,
      table: r.table,
      status: r.result === 'error' ? 'checksum failed' : CONTENT_MISMATCH,
      note: r.note ?? '',
      differingRows: [...r.differingRows]
    }
  })
  upsertTableRows(ctx.report.tables, rows)
  const chunks = results.reduce((n, r) => n + r.chunks, 0)
  ctx.record.numbers.push(
    { label: 'tables checksummed', value: results.length },
    { label: 'chunks compared', value: chunks },
    { label: 'content mismatches', value: bad.length }
  )
  if (bad.length === 0)
    ctx.log.info(
      `The contents of all ${formatCount(results.length)} tables match ${against} (${formatCount(chunks)} chunks, sync-diff-inspector's checksum).`
    )
  for (const r of bad)
    ctx.log.warning(`${r.database}.${r.table} differs from ${against}: ${r.note ?? r.result}`)
  return rows
}
