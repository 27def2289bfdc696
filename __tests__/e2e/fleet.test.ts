// Two jobs of one workflow run — the legs of a `matrix:` over databases: same GITHUB_RUN_ID, workflow, repository and
// job id, different `filter` — run the bundled action side by side on one sandbox. Each derives its own run key, so
// each takes its own snapshot, starts its own export and migrates its own tables; neither adopts the other's as "an
// earlier attempt of this run". And a job that finds the account at AWS's limit of 5 concurrent exports waits for a
// slot instead of failing.
import {
  CreateDBClusterSnapshotCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeExportTasksCommand,
  RDSClient,
  StartExportTaskCommand
} from '@aws-sdk/client-rds'
import { jest } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Inputs } from '../../src/inputs/types.js'
import { startAction, useHarness, type ActionRun } from '../helpers/sandbox-harness.js'

jest.setTimeout(240_000)

const sandbox = useHarness()

/** The variables GitHub gives every leg of one matrix job of one run (GitHub docs, "Variables reference"). */
const SAME_RUN = {
  GITHUB_RUN_ID: '7301234567',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_REPOSITORY: 'acme/migrations',
  GITHUB_WORKFLOW: 'Migrate to TiDB',
  GITHUB_JOB: 'migrate'
}

async function rowCounts(side: 'source' | 'target', db: string): Promise<Record<string, number>> {
  const conn = side === 'source' ? sandbox.h.sb.source : sandbox.h.sb.target
  const tables = await conn.query<{ t: string }[]>(
    'SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1',
    [db]
  )
  const out: Record<string, number> = {}
  for (const { t } of tables) {
    const [row] = await conn.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM \`${db}\`.\`${t}\``)
    out[t] = Number(row?.n)
  }
  return out
}

/** Takes a cluster snapshot with the RDS stand-in and returns its ARN once it is available. */
async function snapshotArn(rds: RDSClient, inputs: Inputs, id: string): Promise<string> {
  await rds.send(
    new CreateDBClusterSnapshotCommand({
      DBClusterIdentifier: inputs.aws.clusterIdentifier,
      DBClusterSnapshotIdentifier: id
    })
  )
  for (;;) {
    const { DBClusterSnapshots: [snap] = [] } = await rds.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: id })
    )
    if (snap?.Status === 'available') return snap.DBClusterSnapshotArn ?? ''
    await new Promise((r) => setTimeout(r, 200))
  }
}

afterEach(async () => {
  for (const db of ['shop', 'analytics'])
    await sandbox.h.sb.target.query(`DROP DATABASE IF EXISTS \`${db}\``)
})

test('two matrix legs of one run with different filters each migrate their own tables', async () => {
  // Each leg runs on its own runner: its own output and summary files.
  const leg = (filter: string, name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `fleet-${name}-`))
    for (const file of ['output', 'summary.md']) writeFileSync(path.join(dir, file), '')
    return startAction(sandbox.h, { filter, 'dm-master-addr': '' }, 'index.js', {
      ...SAME_RUN,
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md')
    })
  }
  const [shop, analytics] = await Promise.all([
    leg('shop.*', 'shop').done,
    leg('analytics.*', 'analytics').done
  ])
  for (const run of [shop, analytics]) {
    const log = run.exitCode === 0 ? '' : run.stdout.slice(-4000)
    expect({ exit: run.exitCode, log }).toEqual({ exit: 0, log: '' })
    expect(run.outputs['verify-result']).toBe('passed')
    expect(run.stdout).not.toMatch(/earlier attempt/)
  }
  expect(shop.outputs['snapshot-id']).not.toBe(analytics.outputs['snapshot-id'])
  expect(shop.outputs['export-task-id']).not.toBe(analytics.outputs['export-task-id'])
  expect(shop.outputs['snapshot-id']).toMatch(/^aurora-to-tidb-gh-7301234567-migrate-[0-9a-f]{8}$/)

  // A table TiDB cannot create (the sample POINT column) is left out by each leg and named in its output.
  const leftOut = new Set(
    [shop, analytics].flatMap((run) =>
      (
        JSON.parse(run.outputs['unsupported-objects'] ?? '[]') as {
          database?: string
          table?: string
          effect: string
        }[]
      )
        .filter((o) => o.effect === 'table-left-out')
        .map((o) => `${o.database}.${o.table}`)
    )
  )
  expect([...leftOut]).toContain('shop.store_locations')
  for (const db of ['shop', 'analytics']) {
    const source = Object.fromEntries(
      Object.entries(await rowCounts('source', db)).filter(([t]) => !leftOut.has(`${db}.${t}`))
    )
    expect(Object.keys(source).length).toBeGreaterThan(0)
    expect(await rowCounts('target', db)).toEqual(source)
  }
  const tables = (run: ActionRun): string[] =>
    (JSON.parse(run.outputs['tables'] ?? '[]') as { database: string }[]).map((t) => t.database)
  expect(new Set(tables(shop))).toEqual(new Set(['shop']))
  expect(new Set(tables(analytics))).toEqual(new Set(['analytics']))
})

test('at the account’s limit of 5 running exports the export phase waits for a slot, then migrates', async () => {
  const inputs = sandbox.h.inputs()
  const rds = new RDSClient({ region: inputs.aws.region })
  const s3 = inputs.aws.s3
  if (s3 === undefined) throw new Error('the sandbox has no s3-uri')
  try {
    // Five exports of other jobs (AWS runs one export per snapshot at a time), each lasting 15 s, fill the account's
    // slots.
    const others = ['other-job-1', 'other-job-2', 'other-job-3', 'other-job-4', 'other-job-5']
    const arns = await Promise.all(others.map((id) => snapshotArn(rds, inputs, id)))
    sandbox.h.sb.setTiming('export', 15)
    for (const [i, id] of others.entries())
      await rds.send(
        new StartExportTaskCommand({
          ExportTaskIdentifier: id,
          SourceArn: arns[i],
          S3BucketName: s3.bucket,
          S3Prefix: `${s3.prefix}/others`,
          IamRoleArn: inputs.aws.exportRoleArn,
          KmsKeyId: inputs.aws.kmsKeyId,
          ExportOnly: ['analytics']
        })
      )
    sandbox.h.sb.setTiming('export', 2)
    const run = await startAction(
      sandbox.h,
      { filter: 'analytics.*', 'dm-master-addr': '' },
      'index.js',
      { ...SAME_RUN, GITHUB_JOB: 'waits-for-a-slot' }
    ).done
    const log = run.exitCode === 0 ? '' : run.stdout.slice(-4000)
    expect({ exit: run.exitCode, log }).toEqual({ exit: 0, log: '' })
    expect(run.stdout).toMatch(
      /AWS refused to start export task \S+: ExportTaskLimitReachedFault: You have reached the limit of 5 concurrent export tasks\. AWS runs at most 5 export tasks at a time per account; waiting/
    )
    expect(run.stdout).toMatch(
      /An export slot became free after \d+(\.\d)? s: export task \S+ started\./
    )
    const { ExportTasks: tasks = [] } = await rds.send(new DescribeExportTasksCommand({}))
    const mine = tasks.find((t) => t.ExportTaskIdentifier === run.outputs['export-task-id'])
    const othersEnded = tasks.filter((t) => others.includes(t.ExportTaskIdentifier ?? ''))
    // It started only once another task had ended.
    const firstEnd = Math.min(...othersEnded.map((t) => t.TaskEndTime?.getTime() ?? Infinity))
    expect(mine?.TaskStartTime?.getTime()).toBeGreaterThanOrEqual(firstEnd)
    expect(await rowCounts('target', 'analytics')).toEqual(await rowCounts('source', 'analytics'))
  } finally {
    sandbox.h.sb.clearTimings()
    rds.destroy()
  }
})
