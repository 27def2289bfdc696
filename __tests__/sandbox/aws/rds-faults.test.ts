// Fault injection in the RDS stand-in (export-failed, export-stuck-starting, export-canceled, rds-throttle, and the
// IAM/KMS faults it agrees with), from the environment and from faults.json.
import { DescribeDBClustersCommand, DescribeExportTasksCommand } from '@aws-sdk/client-rds'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readRequests } from '../../../sandbox/lib/request-log.js'
import { BUCKET, KMS_KEY, ROLE, exportReaches, failure, useApiWorld } from './rds-world.js'

const api = useApiWorld()

describe('faults', () => {
  test('export-failed: FAILED with the real FailureCause, or the fault value', async () => {
    api.w.env['SANDBOX_FAULTS'] = 'export-failed'
    await api.start('fails-default')
    expect(await exportReaches(api.w.client, 'fails-default')).toMatchObject({
      Status: 'FAILED',
      PercentProgress: 0,
      FailureCause: `The S3 bucket ${BUCKET} isn't located in the current AWS Region. Please, review your S3 bucket name and retry the export.`
    })
    api.w.env['SANDBOX_FAULTS'] =
      'export-failed=KMS key check failed. Please check that the KMS key exists.'
    await api.start('fails-custom')
    expect(await exportReaches(api.w.client, 'fails-custom')).toMatchObject({
      Status: 'FAILED',
      FailureCause: 'KMS key check failed. Please check that the KMS key exists.'
    })
  })

  test('export-stuck-starting holds the task in STARTING until the fault is cleared', async () => {
    api.w.env['SANDBOX_FAULTS'] = 'export-stuck-starting'
    await api.start('stuck')
    await new Promise((r) => setTimeout(r, 1000)) // more than three times the configured 0.3 s
    const t = await api.w.client.send(
      new DescribeExportTasksCommand({ ExportTaskIdentifier: 'stuck' })
    )
    expect(t.ExportTasks?.[0]).toMatchObject({ Status: 'STARTING', PercentProgress: 0 })
    delete api.w.env['SANDBOX_FAULTS']
    expect(await exportReaches(api.w.client, 'stuck')).toMatchObject({ Status: 'COMPLETE' })
  })

  test('export-canceled ends the task CANCELED without anyone calling CancelExportTask', async () => {
    api.w.env['SANDBOX_FAULTS'] = 'export-canceled'
    await api.start('canceled-by-fault')
    expect(await exportReaches(api.w.client, 'canceled-by-fault')).toMatchObject({
      Status: 'CANCELED'
    })
    expect(
      readRequests(api.w.dir, 'rds').some(
        (r) => r.op === 'CancelExportTask' && r.detail?.includes('canceled-by-fault')
      )
    ).toBe(false)
  })

  test('rds-throttle=N: the next N calls get Throttling; the SDK retries through them', async () => {
    api.w.env['SANDBOX_FAULTS'] = 'rds-throttle=2'
    const describe = () => api.once.send(new DescribeDBClustersCommand({}))
    expect(await failure(describe())).toEqual({
      name: 'Throttling',
      fault: 'client',
      status: 400,
      message: 'Rate exceeded'
    })
    expect(await failure(describe())).toMatchObject({ name: 'Throttling' })
    expect((await describe()).DBClusters).toHaveLength(1)
    api.w.env['SANDBOX_FAULTS'] = 'rds-throttle=1'
    const retried = await api.w.client.send(new DescribeDBClustersCommand({}))
    expect(retried.$metadata.attempts).toBe(2)
  })

  test('a fault written to faults.json reaches the running stand-in', async () => {
    const cause = 'S3 credential check failed for the export role.'
    await writeFile(path.join(api.w.dir, 'faults.json'), JSON.stringify({ 'export-failed': cause }))
    try {
      await api.start('fails-from-file')
      expect(await exportReaches(api.w.client, 'fails-from-file')).toMatchObject({
        Status: 'FAILED',
        FailureCause: cause
      })
    } finally {
      await writeFile(path.join(api.w.dir, 'faults.json'), '{}')
    }
  })

  test('kms-key-disabled: StartExportTask refuses the key, as RDS does with a disabled key', async () => {
    api.w.env['SANDBOX_FAULTS'] = 'kms-key-disabled'
    expect(await failure(api.start('disabled-key'))).toMatchObject({
      name: 'KMSKeyNotAccessibleFault',
      message: `The specified KMS key [${KMS_KEY}] does not exist, is not enabled or you do not have permissions to access it.`
    })
  })

  test('iam-role-untrusted: the task is accepted, then FAILED because RDS cannot assume the role', async () => {
    api.w.env['SANDBOX_FAULTS'] = 'iam-role-untrusted'
    await api.start('untrusted-role')
    expect(await exportReaches(api.w.client, 'untrusted-role')).toMatchObject({
      Status: 'FAILED',
      FailureCause: `RDS Export failed to write the export task's metadata because it can't assume the IAM role ${ROLE}.`
    })
  })
})
