// The stand-in's answers have the shapes of the real AWS outputs in ../shared/real-outputs.
import {
  CancelExportTaskCommand,
  CreateDBInstanceCommand,
  DeleteDBInstanceCommand,
  DescribeDBClustersCommand,
  DescribeEventsCommand,
  RestoreDBClusterFromSnapshotCommand
} from '@aws-sdk/client-rds'
import { docsJson, realOutputs, sample, withSamples } from './real-samples.js'
import { BUCKET, exportReaches, useApiWorld, waitFor } from './rds-world.js'

const api = useApiWorld()

const samples = realOutputs()

withSamples(samples)('shapes of real AWS outputs', () => {
  const dir = samples ?? ''
  const keys = (o: object): string[] =>
    Object.keys(o)
      .filter((k) => k !== '$metadata')
      .sort()
  /** Starts a task held in STARTING, hands it to `check`, then cancels it and waits until it is CANCELED. */
  const whileStarting = async (id: string, check: (t: object) => void) => {
    api.w.env['SANDBOX_FAULTS'] = 'export-stuck-starting'
    check(await api.start(id))
    await api.once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: id }))
    await exportReaches(api.w.client, id)
  }

  test('a COMPLETE and a STARTING task have the fields of the AWS CLI example, plus SourceType', async () => {
    const real = JSON.parse(sample(dir, 'aurora/describe-export-tasks-awscli-example.json')) as {
      ExportTasks: Record<string, unknown>[]
    }
    const [complete = {}, starting = {}] = real.ExportTasks
    await api.start('shape-complete')
    expect(keys(await exportReaches(api.w.client, 'shape-complete'))).toEqual(
      [...keys(complete), 'SourceType'].sort()
    )
    await whileStarting('shape-starting', (ours) => {
      expect(keys(ours)).toEqual([...keys(starting), 'SourceType'].sort())
      expect(ours).toMatchObject({
        Status: starting['Status'],
        PercentProgress: starting['PercentProgress']
      })
    })
  })

  test('the StartExportTask example: STARTING, 0 %, 0 GB', async () => {
    const real = JSON.parse(sample(dir, 'aurora/start-export-task-output-docs.json')) as Record<
      string,
      unknown
    >
    await whileStarting('shape-start', (ours) =>
      expect(ours).toMatchObject({
        Status: real['Status'],
        PercentProgress: real['PercentProgress'],
        TotalExtractedDataInGB: real['TotalExtractedDataInGB']
      })
    )
  })

  test('statuses, the FAILED cause and the WarningMessage keys of the user-guide examples', async () => {
    const docs = [
      'aurora/describe-export-tasks-snapshot-line-numbered-docs.txt',
      'aurora/describe-export-tasks-cluster-export-line-numbered-docs.txt'
    ].flatMap(
      (f) => (docsJson(sample(dir, f)) as { ExportTasks: Record<string, string>[] }).ExportTasks
    )
    expect([...new Set(docs.map((t) => t['Status']))].sort()).toEqual([
      'CANCELED',
      'COMPLETE',
      'FAILED'
    ])

    const realCause = docs.find((t) => t['Status'] === 'FAILED')?.['FailureCause'] ?? ''
    const realBucket = /^The S3 bucket (\S+) /.exec(realCause)?.[1] ?? ''
    api.w.env['SANDBOX_FAULTS'] = 'export-failed'
    await api.start('shape-failed')
    const failed = await exportReaches(api.w.client, 'shape-failed')
    expect(failed.FailureCause?.replace(BUCKET, '<bucket>')).toBe(
      realCause.replace(realBucket, '<bucket>')
    )

    delete api.w.env['SANDBOX_FAULTS']
    const realWarning = JSON.parse(
      docs.find((t) => t['WarningMessage'])?.['WarningMessage'] ?? '{}'
    ) as object
    await api.start('shape-warning', { ExportOnly: ['nothere'] })
    const warned = await exportReaches(api.w.client, 'shape-warning')
    expect(keys(JSON.parse(warned.WarningMessage ?? '{}') as object)).toEqual(keys(realWarning))
  })

  test('the restored instance announces its binlog position as the real DescribeEvents output shows it', async () => {
    const text = sample(dir, 'mysql/describe-events-binlog-position-from-crash-recovery-docs.txt')
    // The published block is not valid JSON (a hard-wrapped message); read its first and third events by field.
    const events = [
      ...text.matchAll(
        /"SourceType": "([^"]+)",\s*"Message": "([^"]+)",\s*"EventCategories": \[([^\]]*)\]/g
      )
    ]
    const real = events.map((m) => ({
      SourceType: m[1],
      Message: m[2],
      EventCategories: [...(m[3] ?? '').matchAll(/"([^"]+)"/g)].map((c) => c[1])
    }))
    const crash = real.find((e) => e.Message?.startsWith('Binlog position'))
    const created = real.find((e) => e.Message === 'DB instance created')
    expect(crash).toMatchObject({ SourceType: 'db-instance', EventCategories: [] })
    const format = /^Binlog position from crash recovery is (\S+) (\d+)$/
    expect(crash?.Message).toMatch(format)

    await api.w.client.send(
      new RestoreDBClusterFromSnapshotCommand({
        DBClusterIdentifier: 'shape-copy',
        SnapshotIdentifier: 'base',
        Engine: 'aurora-mysql',
        DBClusterParameterGroupName: 'sandbox-aurora-binlog'
      })
    )
    await waitFor(
      async () =>
        (
          await api.w.client.send(
            new DescribeDBClustersCommand({ DBClusterIdentifier: 'shape-copy' })
          )
        ).DBClusters?.[0]?.Status,
      (s) => s === 'available',
      'restored cluster'
    )
    await api.w.client.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'shape-copy-1',
        DBClusterIdentifier: 'shape-copy',
        DBInstanceClass: 'db.t4g.medium',
        Engine: 'aurora-mysql'
      })
    )
    const ours = await waitFor(
      async () =>
        (
          await api.w.client.send(
            new DescribeEventsCommand({
              SourceType: 'db-instance',
              SourceIdentifier: 'shape-copy-1'
            })
          )
        ).Events ?? [],
      (e) => e.length >= 2,
      'instance events'
    )
    expect(
      ours.map((e) => ({ SourceType: e.SourceType, EventCategories: e.EventCategories }))
    ).toEqual([
      { SourceType: crash?.SourceType, EventCategories: crash?.EventCategories },
      { SourceType: created?.SourceType, EventCategories: created?.EventCategories }
    ])
    expect(ours[0]?.Message).toMatch(format)
    expect(ours[1]?.Message).toBe(created?.Message)
    await api.w.client.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'shape-copy-1' }))
  })
})
