// The tools' full logs as a workflow artifact (input upload-logs): gathered from util/tool-log.ts with every secret
// redacted, uploaded with @actions/artifact when the mode and the run's status say so, and linked from the summary.
// The uploader is injected (tests); the real one loads @actions/artifact only when a run uploads.
import type { UploadLogs } from '../inputs/types.js'
import { errorMessage } from '../util/errors.js'
import { gatherToolLogs } from '../util/tool-log.js'
import type { Report, RunStatus } from './types.js'

/** Uploads files under `root` as an artifact named `name`; resolves with its id. */
export type LogUploader = (
  name: string,
  files: readonly string[],
  root: string
) => Promise<{ readonly id?: number | undefined }>

/** The real uploader: @actions/artifact's client (artifact service v4), loaded on first use. */
export const artifactUploader: LogUploader = async (name, files, root) => {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  return new DefaultArtifactClient().uploadArtifact(name, [...files], root)
}

/** Whether the logs go up: `always`, `never`, or `on-failure` for a run that failed or was cancelled. */
export function shouldUploadLogs(mode: UploadLogs, status: RunStatus): boolean {
  if (mode === 'always') return true
  if (mode === 'never') return false
  return status === 'failed' || status === 'cancelled'
}

/** What publishToolLogs needs. */
export interface ToolLogsOptions {
  readonly mode: UploadLogs
  readonly runKey: string
  /** Values replaced by `***` in the copied tool log files. */
  readonly secrets: readonly string[]
  readonly uploader?: LogUploader
  readonly env?: NodeJS.ProcessEnv
  readonly log?: (line: string) => void
}

/**
 * Gathers the tool logs (always: they stay on the runner beside result.json) and uploads them when the mode says so,
 * recording in `report.logs` where they are. Never throws: an upload problem is a line in the log and the summary.
 */
export async function publishToolLogs(report: Report, opts: ToolLogsOptions): Promise<void> {
  const env = opts.env ?? process.env
  const log = opts.log ?? (() => undefined)
  const gathered = await gatherToolLogs(opts.secrets).catch(() => undefined)
  if (gathered === undefined || gathered.files.length === 0) return
  const name = `aurora-to-tidb-logs-${opts.runKey}`
  const base = { dir: gathered.dir, files: gathered.files.length }
  if (!shouldUploadLogs(opts.mode, report.status)) {
    report.logs = { ...base, note: `not uploaded (upload-logs: ${opts.mode})` }
    return
  }
  if (opts.uploader === undefined && !env['ACTIONS_RUNTIME_TOKEN']) {
    report.logs = { ...base, note: 'not uploaded: not running in a GitHub Actions job' }
    log(`Tool logs: not a GitHub Actions job, so not uploaded; they are in ${gathered.dir}`)
    return
  }
  try {
    const { id } = await (opts.uploader ?? artifactUploader)(name, gathered.files, gathered.dir)
    const run = [env['GITHUB_SERVER_URL'], env['GITHUB_REPOSITORY'], env['GITHUB_RUN_ID']]
    const url =
      id !== undefined && run.every(Boolean)
        ? `${run[0]}/${run[1]}/actions/runs/${run[2]}/artifacts/${id}`
        : undefined
    report.logs = { ...base, artifact: { name, ...(url === undefined ? {} : { url }) } }
    log(`Tool logs uploaded as artifact ${name}${url ? `: ${url}` : ''}`)
  } catch (e) {
    report.logs = { ...base, note: `upload failed: ${errorMessage(e)}` }
    log(`Tool logs: the upload failed (${errorMessage(e)}); they are in ${gathered.dir}`)
  }
}
