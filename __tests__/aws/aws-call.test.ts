// callAws: bounded retries of transient failures on top of the SDK's, and failures that keep AWS's code and message.
import { ExportTaskAlreadyExistsFault, RDSServiceException } from '@aws-sdk/client-rds'
import {
  AwsApiError,
  awsErrorLine,
  callAws,
  isAwsError,
  isExhaustedTransient
} from '../../src/aws/aws-call.js'
import { CancelledError } from '../../src/util/errors.js'
import { ManualClock } from '../helpers/manual-clock.js'

const throttling = (attempts = 1): RDSServiceException =>
  new RDSServiceException({
    name: 'Throttling',
    $fault: 'client',
    $metadata: { httpStatusCode: 400, attempts },
    message: 'Rate exceeded'
  })

test('a failure keeps AWS’s code as name and its message, and is not retried when it cannot help', async () => {
  let calls = 0
  const e = await callAws(
    'StartExportTask',
    () => {
      calls++
      return Promise.reject(
        new ExportTaskAlreadyExistsFault({
          message: 'The export task with the ID x already exists.',
          $metadata: {}
        })
      )
    },
    { clock: new ManualClock() }
  ).catch((err: unknown) => err)
  expect(calls).toBe(1)
  expect(e).toBeInstanceOf(AwsApiError)
  const a = e as AwsApiError
  expect(a.name).toBe('ExportTaskAlreadyExistsFault')
  expect(a.operation).toBe('StartExportTask')
  expect(a.line).toBe('ExportTaskAlreadyExistsFault: The export task with the ID x already exists.')
  expect(isAwsError(a, 'ExportTaskAlreadyExists')).toBe(true)
  expect(isAwsError(a, 'ExportTaskAlreadyExistsFault')).toBe(true)
  expect(isAwsError(a, 'ExportTaskNotFound')).toBe(false)
  expect(isExhaustedTransient(a)).toBe(false)
})

test('throttling is retried with backoff; the attempts count includes the SDK’s own', async () => {
  const clock = new ManualClock()
  const lines: string[] = []
  let calls = 0
  const value = await callAws(
    'DescribeExportTasks',
    () => (++calls <= 2 ? Promise.reject(throttling(6)) : Promise.resolve('ok')),
    { clock, random: () => 0.5, log: (l) => lines.push(l) }
  )
  expect(value).toBe('ok')
  expect(clock.sleeps).toEqual([2000, 4000])
  expect(lines[1]).toBe(
    'DescribeExportTasks: Throttling: Rate exceeded; retrying in 4.0 s (retry 2 of 3)'
  )

  const failed = await callAws('DescribeExportTasks', () => Promise.reject(throttling(6)), {
    clock,
    retries: 2
  }).catch((e: unknown) => e as AwsApiError)
  expect(failed.attempts).toBe(18)
  expect(isExhaustedTransient(failed)).toBe(true)
  expect(awsErrorLine(failed)).toBe('Throttling: Rate exceeded')
})

test('network failures without an AWS code keep their own code and message', async () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
    code: 'ECONNREFUSED'
  })
  const e = await callAws('DescribeDBClusters', () => Promise.reject(refused), {
    clock: new ManualClock()
  }).catch((err: unknown) => err as AwsApiError)
  expect(e.line).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9')
  expect(awsErrorLine(new Error('plain'))).toBe('plain')
})

test('a cancelled wait passes the cancellation through unwrapped', async () => {
  const controller = new AbortController()
  controller.abort(new CancelledError('stop'))
  const e = await callAws('DescribeExportTasks', () => Promise.reject(throttling()), {
    signal: controller.signal,
    clock: new ManualClock()
  }).catch((err: unknown) => err)
  expect(e).toBeInstanceOf(CancelledError)
})
