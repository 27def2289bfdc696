// The re-check's questions (recheck.ts) asked of the real world: the target (information_schema), S3 (one key of a
// listing), RDS (DescribeDBClusterSnapshots) and the source (SHOW BINARY LOGS). The SDK and mysql2 load here, when a
// resumed migrate needs them.
import type { Inputs } from '../inputs/types.js'
import type { TableName } from '../table-filter/table-name.js'
import type { EffectProbes } from './recheck.js'

/**
 * The probes of a migrate's inputs.
 * @param inputs the run's inputs (target, source, Region, s3-endpoint)
 */
export function worldProbes(inputs: Inputs): EffectProbes {
  let kit: ReturnType<typeof loadAws> | undefined
  const aws = () => (kit ??= loadAws())
  const loadAws = async () => {
    const [{ createAwsClients }, { createRds }, { callAws }, { ListObjectsV2Command }] =
      await Promise.all([
        import('../aws/clients.js'),
        import('../aws/rds.js'),
        import('../aws/aws-call.js'),
        import('@aws-sdk/client-s3')
      ])
    const clients = createAwsClients(inputs.aws)
    return { clients, rds: createRds(clients.rds), callAws, ListObjectsV2Command }
  }
  const db = async <T>(
    role: 'source' | 'target',
    fn: (c: import('mysql2/promise').Connection) => Promise<T>
  ) => {
    const { connectDb } = await import('../mysql/connect.js')
    const conn = await connectDb(role === 'source' ? inputs.source : inputs.target, role)
    try {
      return await fn(conn)
    } finally {
      await conn.end().catch(() => undefined)
    }
  }
  return {
    missingTargetTables: (tables: readonly TableName[]) =>
      db('target', async (conn) => {
        const { readTargetTables } = await import('../mysql/target.js')
        const states = await readTargetTables(conn, tables)
        return states
          .filter((t) => t.state === 'absent')
          .map(({ database, table }) => ({ database, table }))
      }),
    async objectCount(bucket, prefix) {
      const { clients, callAws, ListObjectsV2Command } = await aws()
      // A folder, not every key starting with the same letters (`…/exp` must not match `…/exp2/…`).
      const folder = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`
      const out = await callAws('ListObjectsV2', () =>
        clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: folder, MaxKeys: 1 }))
      )
      return out.KeyCount ?? out.Contents?.length ?? 0
    },
    async snapshot(identifier) {
      const { rds } = await aws()
      return rds.describeClusterSnapshot(identifier)
    },
    binlogSize: (file) =>
      db('source', async (conn) => {
        const [rows] = await conn.query('SHOW BINARY LOGS')
        const row = (rows as { Log_name?: unknown; File_size?: unknown }[]).find(
          (r) => r.Log_name === file
        )
        return row === undefined ? undefined : Number(row.File_size)
      })
  }
}
