// Reading one snapshot export task (DescribeExportTasks, read-only) for `operation: status`. AWS documents an
// ExportTaskNotFound fault, but callers have seen an empty list for an unknown id instead (aws.md §2.1): both mean
// "no such task" here.
import { DescribeExportTasksCommand, type RDSClient } from '@aws-sdk/client-rds'
import { errorMessage } from '../util/errors.js'
import { retry } from '../util/poll.js'
import { toExportTaskView, type ExportTaskView } from './export-task.js'

/** The export task does not exist (in this account and Region). */
export class ExportTaskNotFoundError extends Error {
  override readonly name = 'ExportTaskNotFoundError'
}

/**
 * The export task `id`, retrying throttling and transient errors.
 * @throws ExportTaskNotFoundError with AWS's message when there is no such task; other AWS errors as they are
 */
export async function describeExportTask(
  rds: Pick<RDSClient, 'send'>,
  id: string,
  opts: { readonly signal?: AbortSignal; readonly log?: (line: string) => void } = {}
): Promise<ExportTaskView> {
  const out = await retry(
    async () => {
      try {
        return await rds.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: id }))
      } catch (e) {
        const name = (e as { name?: unknown }).name
        if (name === 'ExportTaskNotFoundFault' || name === 'ExportTaskNotFound') {
          throw new ExportTaskNotFoundError((e as Error).message)
        }
        throw e
      }
    },
    {
      label: 'DescribeExportTasks',
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      ...(opts.log === undefined
        ? {}
        : {
            onRetry: (e: unknown, attempt: number, delayMs: number) =>
              opts.log?.(
                `DescribeExportTasks: ${errorMessage(e)}; retry ${attempt} in ${delayMs} ms`
              )
          })
    }
  )
  const task = out.ExportTasks?.[0]
  if (task === undefined) {
    throw new ExportTaskNotFoundError(`The export task with the ID ${id} doesn't exist.`)
  }
  return toExportTaskView(task)
}
