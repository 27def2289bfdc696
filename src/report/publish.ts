// Publishing a report: result.json on disk, the job summary, and the outputs (outputs.ts). Each publisher is
// independent and never throws for an environment problem, so one failing (no GITHUB_STEP_SUMMARY on a local run)
// does not keep the others from running.
import * as core from '@actions/core'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { errorMessage } from '../util/errors.js'
import { runnerTemp } from '../util/temp-files.js'
import { renderSummary } from './summary.js'
import type { Report } from './types.js'
import { logLine } from '../util/workflow-commands.js'

/** The directory for this step's result.json: one per step, so two uses of the action in a job do not collide. */
export function resultDir(): string {
  const step = (process.env['GITHUB_ACTION'] || 'local').replace(/[^\w.-]/g, '_')
  return path.join(runnerTemp(), 'aurora-to-tidb', step)
}

/**
 * Writes the report as JSON to `<RUNNER_TEMP>/aurora-to-tidb/<step>/result.json`, for later steps (upload it as an
 * artifact, feed it to a script).
 * @returns the path written
 */
export async function writeResultFile(report: Report): Promise<string> {
  const dir = resultDir()
  await fs.mkdir(dir, { recursive: true })
  const file = path.join(dir, 'result.json')
  // Written beside and renamed over: a reader (or a full disk, ENOSPC) never sees a truncated result.json; at worst
  // the one of an earlier step stays, whole.
  const temp = `${file}.${process.pid}.tmp`
  try {
    await fs.writeFile(temp, `${JSON.stringify(report, null, 2)}\n`, 'utf8')
    await fs.rename(temp, file)
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw e
  }
  return file
}

/**
 * Writes the rendered summary to the job summary; on a local run (no GITHUB_STEP_SUMMARY) prints it to the log
 * instead. A failure to write is a warning, never a failed migration.
 * @returns whether the job summary was written
 */
export async function writeSummary(report: Report): Promise<boolean> {
  const text = renderSummary(report)
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    logLine('GITHUB_STEP_SUMMARY is not set (a local run?): the summary follows.')
    logLine(text)
    return false
  }
  try {
    await core.summary.addRaw(text).write()
    return true
  } catch (e) {
    core.warning(`Could not write the job summary: ${errorMessage(e)}`)
    return false
  } finally {
    core.summary.emptyBuffer()
  }
}
