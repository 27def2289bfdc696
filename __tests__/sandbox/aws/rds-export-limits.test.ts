// StartExportTask at the account's limit of concurrent exports, exports without an S3 prefix, and throttling bursts
// during DescribeExportTasks polling.
import {
  CancelExportTaskCommand,
  CreateDBClusterSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeExportTasksCommand
} from '@aws-sdk/client-rds'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { parseThrottle, throttleGate } from '../../../sandbox/aws/rds-throttle.js'
import {
  BUCKET,
  CLUSTER,
  exportReaches,
  failure,
  snapshotAvailable,
  useApiWorld
} from './rds-world.js'

const api = useApiWorld()

async function bucketKeys(): Promise<string[]> {
  const out = await api.w.s3Client.send(new ListObjectsV2Command({ Bucket: BUCKET }))
  return (out.Contents ?? []).map((o) => o.Key ?? '')
}

describe('the limit of five concurrent exports per account', () => {
  test('a sixth running export is refused with ExportTaskLimitReachedFault until one has ended', async () => {
    const arns = [api.baseArn]
    for (const id of ['lim-1', 'lim-2', 'lim-3', 'lim-4', 'lim-5']) {
      await api.w.client.send(
        new CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: CLUSTER,
          DBClusterSnapshotIdentifier: id
        })
      )
      arns.push(await snapshotAvailable(api.w.client, id))
    }
    api.w.env['SANDBOX_FAULTS'] = 'export-stuck-starting'
    for (const [i, arn] of arns.slice(0, 5).entries())
      await api.start(`running-${i}`, { SourceArn: arn })
    const sixth = () => api.start('sixth', { SourceArn: arns[5] })
    // Unmodeled in the RDS API: the SDK names the error after its code.
    expect(await failure(sixth())).toEqual({
      name: 'ExportTaskLimitReachedFault',
      fault: 'client',
      status: 400,
      message: 'You have reached the limit of 5 concurrent export tasks'
    })
    // A CANCELING task still runs, so it still counts.
    await api.once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'running-0' }))
    expect(await failure(sixth())).toMatchObject({ name: 'ExportTaskLimitReachedFault' })
    await exportReaches(api.w.client, 'running-0', ['CANCELED'])
    expect((await sixth()).Status).toBe('STARTING')
    expect(
      api.w.rds.requests.entries
        .filter(
          (e) => e.op === 'StartExportTask' && e.detail?.includes('ExportTaskIdentifier=sixth')
        )
        .map((e) => [e.status, e.write])
    ).toEqual([
      [400, false],
      [400, false],
      [200, true]
    ])
    for (const id of ['running-1', 'running-2', 'running-3', 'running-4', 'sixth'])
      await api.once.send(new CancelExportTaskCommand({ ExportTaskIdentifier: id }))
    for (const id of ['running-1', 'running-2', 'running-3', 'running-4', 'sixth'])
      await exportReaches(api.w.client, id, ['CANCELED'])
  })
})

describe('S3Prefix empty or omitted', () => {
  test.each([
    ['empty', { S3Prefix: '' }],
    ['omitted', {}]
  ])('%s: the export is written at the bucket root, under the task id', async (name, extra) => {
    const id = `root-${name}`
    await api.start(id, extra)
    const done = await exportReaches(api.w.client, id)
    expect(done).toMatchObject({ Status: 'COMPLETE', S3Prefix: '' })
    const keys = (await bucketKeys()).filter((k) => k.includes(id))
    expect(keys.every((k) => k.startsWith(`${id}/`))).toBe(true)
    expect(keys).toContain(`${id}/export_info_${id}.json`)
    expect(
      keys.some((k) => new RegExp(`^${id}/app/app\\.t/1/part-00000-.*\\.gz\\.parquet$`).test(k))
    ).toBe(true)
  })
})

describe('throttling bursts', () => {
  test('value forms', () => {
    expect(parseThrottle('')).toEqual({ burst: 3, action: undefined, every: undefined })
    expect(parseThrottle('5')).toEqual({ burst: 5, action: undefined, every: undefined })
    expect(parseThrottle('4:DescribeExportTasks')).toEqual({
      burst: 4,
      action: 'DescribeExportTasks',
      every: undefined
    })
    expect(parseThrottle('4:DescribeExportTasks:2')).toEqual({
      burst: 4,
      action: 'DescribeExportTasks',
      every: 2
    })
    expect(parseThrottle('x')).toMatchObject({ burst: 0 })
  })

  test('a gate re-arms only after the fault was seen cleared', () => {
    let value: string | undefined = '2'
    const gate = throttleGate(() => value)
    expect(['A', 'B', 'C'].map(gate)).toEqual([true, true, false])
    expect(gate('D')).toBe(false)
    value = undefined
    expect(gate('E')).toBe(false)
    value = '2'
    expect(['F', 'G', 'H'].map(gate)).toEqual([true, true, false])
  })

  test('N:DescribeExportTasks:K throttles DescribeExportTasks in bursts of N after every K answers', async () => {
    await api.start('polled')
    api.w.env['SANDBOX_FAULTS'] = 'rds-throttle=2:DescribeExportTasks:1'
    const poll = async (): Promise<string> => {
      try {
        await api.once.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'polled' }))
        return 'ok'
      } catch (e) {
        return (e as Error).name
      }
    }
    const seen: string[] = []
    for (let i = 0; i < 7; i++) {
      seen.push(await poll())
      // Other actions are not throttled by this rule.
      expect((await api.once.send(new DescribeDBClustersCommand({}))).DBClusters).toHaveLength(1)
    }
    expect(seen).toEqual(['ok', 'Throttling', 'Throttling', 'ok', 'Throttling', 'Throttling', 'ok'])
    expect(
      api.w.rds.requests.entries
        .filter((e) => e.op === 'DescribeExportTasks')
        .slice(-7)
        .map((e) => e.status)
    ).toEqual([200, 400, 400, 200, 400, 400, 200])
    delete api.w.env['SANDBOX_FAULTS']
    await exportReaches(api.w.client, 'polled')
  })
})
