import * as core from '@actions/core'

/**
 * Runs the action: reads inputs, executes the phase graph for the chosen operation and reports.
 * Placeholder until the foundation lands; it fails clearly instead of pretending to migrate.
 */
export async function run(): Promise<void> {
  core.setFailed('aurora-to-tidb: not implemented yet')
  return Promise.resolve()
}
