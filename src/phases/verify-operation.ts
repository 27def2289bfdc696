// `operation: verify`: the content comparison of `verify: checksum` as an operation of its own, between the live
// source and the target — for a verification job once writes to the source are frozen and DM has caught up (a
// `status` job with `wait-for-lag-seconds` before it). The tables are those `filter` selects on the source; each is
// compared chunk by chunk with sync-diff-inspector's checksum and the rows that differ are named by key.
import type { PhaseContext } from '../orchestrator/phase.js'
import type { TableName } from '../table-filter/table-name.js'
import { PhaseError, errorMessage } from '../util/errors.js'
import { formatCount } from '../util/format.js'
import type { PhaseBody } from './phase-body.js'
import { compareContents, reportContents } from './verify-checksum.js'

const PHASE = 'verify-contents'

async function selectedTables(ctx: PhaseContext): Promise<TableName[]> {
  const [{ connectDb }, { readCatalog }] = await Promise.all([
    import('../mysql/connect.js'),
    import('../mysql/catalog.js')
  ])
  const conn = await connectDb(ctx.inputs.source, 'source').catch((e: unknown) =>
    Promise.reject(new PhaseError(PHASE, errorMessage(e), { cause: e }))
  )
  try {
    const catalog = await readCatalog(conn, ctx.inputs.filter)
    return catalog.tables.map((t) => ({ database: t.database, table: t.table }))
  } finally {
    await conn.end().catch(() => undefined)
  }
}

/** The `verify-contents` phase of `operation: verify`. */
export function verifyOperationPhase(): PhaseBody {
  return {
    id: PHASE,
    title: 'Verify contents (source against target)',
    async run(ctx) {
      const tables = await selectedTables(ctx)
      if (tables.length === 0)
        throw new PhaseError(
          PHASE,
          "Input 'filter' selects no table on the source: nothing to compare."
        )
      ctx.log.info(
        `Comparing the contents of ${formatCount(tables.length)} tables of the source with the target.`
      )
      const results = await compareContents(ctx, PHASE, ctx.inputs.source, 'source', tables)
      for (const r of results.filter((x) => x.result === 'match'))
        ctx.report.tables.push({
          database: r.database,
          table: r.table,
          status: 'contents match',
          note: `${formatCount(r.rows)} rows in ${formatCount(r.chunks)} chunks`
        })
      const bad = reportContents(ctx, results, 'the source')
      ctx.setOutput('verify-result', bad.length === 0 ? 'passed' : 'mismatch')
      ctx.record.note = `${results.length - bad.length} of ${results.length} tables match`
      if (bad.length === 0) return
      const named = bad.slice(0, 10).map((r) => `${r.database}.${r.table} (${r.note ?? r.status})`)
      const message = `${bad.length} of ${results.length} tables differ from the source: ${named.join('; ')}${bad.length > named.length ? `; and ${bad.length - named.length} more (see the summary)` : ''}.`
      if (!ctx.inputs.failOnVerifyMismatch) {
        ctx.log.warning(`${message} Not failing: fail-on-verify-mismatch is false.`)
        return
      }
      throw new PhaseError(PHASE, message, { toolLine: named[0] })
    }
  }
}
