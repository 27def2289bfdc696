// Verdicts on the target and the runner: TiDB reachable over SQL and its status port, its version against the tool
// version, the selected tables absent or empty (Lightning's physical import needs empty tables, and the action never
// overwrites data), and room on the runner for Lightning's sorted KV files. Pure.
import type { CheckRow } from '../report/types.js'
import { tableKey } from '../table-filter/table-name.js'
import { columnProblems } from './column-width.js'
import { formatBytes } from '../util/format.js'
import { formatHostPort } from '../inputs/parsers.js'
import type { CheckContext, PrecheckFacts } from './facts.js'
import { listSome, row, tableName } from './facts.js'

/** `v8.5.2` → [8, 5]; undefined when it is not a release version. */
function majorMinor(version: string | undefined): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '')
  return m ? [Number(m[1]), Number(m[2])] : undefined
}

function versionRow(facts: PrecheckFacts, ctx: CheckContext): CheckRow {
  const id = 'target.version'
  const title = 'TiDB status port answers with its version'
  const { target, import: imp, tools } = ctx.inputs
  const status = facts.target.status
  const where = formatHostPort(target.host, target.statusPort)
  if (!status.ok) {
    const needed = imp.backend === 'local' && target.pdAddr === undefined
    return row(
      id,
      title,
      needed ? 'fail' : 'warn',
      `${status.message}. ` +
        (needed
          ? `Lightning's local backend asks the status port for PD's address: check 'target-status-port' (${where}) or set 'pd-addr'.`
          : `Check 'target-status-port' (${where}); the TiDB version could not be compared with 'tidb-version'.`)
    )
  }
  const cluster = majorMinor(status.value.release)
  const toolsV = majorMinor(tools.tidbVersion)
  if (cluster && toolsV && (cluster[0] !== toolsV[0] || cluster[1] !== toolsV[1])) {
    return row(
      id,
      title,
      'warn',
      `The cluster runs ${status.value.release ?? status.value.version} but 'tidb-version' is ${tools.tidbVersion}: ` +
        'Lightning and DM should match the cluster’s release; set tidb-version to the cluster version.'
    )
  }
  return row(id, title, 'pass', `${status.value.version} at ${where}`)
}

/**
 * Whether rows on the target may be the earlier attempt's own import: that attempt finished the data import, or
 * finished both of its prerequisites and so may have started it (Lightning's checkpoint policy then continues it
 * without importing a row twice, or refuses).
 */
function earlierImport(resumed: CheckContext['resumed']): string | undefined {
  if (resumed === undefined) return undefined
  const at = resumed['data-import']
  if (at !== undefined) return `the earlier attempt's data import (finished at ${at})`
  if (resumed['export'] !== undefined && resumed['schema-import'] !== undefined)
    return "the earlier attempt's data import (started after its export and schema import)"
  return undefined
}

function tablesRow(facts: PrecheckFacts, ctx: CheckContext): CheckRow {
  const id = 'target.tables'
  const title = 'Selected tables are absent or empty on the target'
  const t = facts.target.tables
  if (!t.ok) return row(id, title, 'fail', `Could not read the target's tables: ${t.message}`)
  const full = t.value.filter((x) => x.state === 'has-rows')
  const empty = t.value.filter((x) => x.state === 'empty')
  const ours = earlierImport(ctx.resumed)
  if (full.length > 0 && ours !== undefined) {
    return row(
      id,
      title,
      'pass',
      `Rows in ${listSome(full.map(tableName))} come from ${ours}, which this resumed run continues; nothing is imported twice.`
    )
  }
  if (full.length > 0) {
    const resumedNote =
      ctx.resumed === undefined
        ? ''
        : ' The earlier attempt of this run did not get as far as the data import, so they are not its rows.'
    return row(
      id,
      title,
      'fail',
      `Rows already on the target in ${listSome(full.map(tableName))}. The import never overwrites data (Lightning's ` +
        "physical import needs empty tables): empty or drop them, or leave them out of 'filter'." +
        resumedNote
    )
  }
  const absent = t.value.length - empty.length
  return row(
    id,
    title,
    'pass',
    empty.length === 0
      ? `none of the ${t.value.length} tables exists yet`
      : `${absent} absent, ${empty.length} present and empty (${listSome(empty.map(tableName), 3)})`
  )
}

/** Pre-created empty tables whose columns cannot hold the source's values: the import would truncate them. */
function columnsRow(facts: PrecheckFacts): CheckRow | undefined {
  const t = facts.target.tables
  if (!t.ok || !facts.source.ok) return undefined
  const source = new Map(
    facts.source.value.catalog.tables.map((x) => [tableKey(x).toLowerCase(), x.columns])
  )
  const precreated = t.value.filter((x) => x.state === 'empty' && x.columns !== undefined)
  if (precreated.length === 0) return undefined
  const problems = precreated.flatMap((x) => {
    const found = columnProblems(source.get(tableKey(x).toLowerCase()) ?? [], x.columns ?? [])
    return found.length === 0 ? [] : [`${tableName(x)}: ${found.slice(0, 3).join('; ')}`]
  })
  const id = 'target.columns'
  const title = 'Tables created before the run can hold the source’s values'
  return problems.length === 0
    ? row(id, title, 'pass', `${precreated.length} pre-created table(s) as wide as the source`)
    : row(
        id,
        title,
        'fail',
        `Columns narrower than the source's (or missing) in tables already on the target: ${listSome(problems, 5)}. ` +
          'The import inserts into the table as it is, so values would be cut or refused: drop those tables (the ' +
          "schema import creates them as on the source), widen the columns, or leave them out of 'filter'."
      )
}

/** RUNNER_TEMP holds the tool configs, the logs and result.json: without it the run fails after the export. */
export function tempDirRow(facts: PrecheckFacts): CheckRow {
  const { tempDir, tempDirProblem } = facts.runner
  return tempDirProblem === undefined
    ? row('runner.temp-dir', 'RUNNER_TEMP is a writable directory', 'pass', tempDir)
    : row(
        'runner.temp-dir',
        'RUNNER_TEMP is a writable directory',
        'fail',
        `RUNNER_TEMP: ${tempDirProblem}. The action writes its tool configs, logs and result.json there (and Lightning its sorted KV files unless 'sorted-kv-dir' is set): run on a runner whose RUNNER_TEMP is a writable directory.`
      )
}

function diskRow(facts: PrecheckFacts, ctx: CheckContext): CheckRow | undefined {
  if (ctx.inputs.import.backend !== 'local' || !facts.source.ok) return undefined
  const id = 'runner.sorted-kv-disk'
  const title = "Room for Lightning's sorted KV files"
  const largest = Math.max(0, ...facts.source.value.catalog.tables.map((t) => t.bytes))
  const { freeBytes, sortedKvDir, sortedKvDirProblem, tempDirProblem } = facts.runner
  if (sortedKvDirProblem !== undefined)
    return row(
      id,
      title,
      'fail',
      `sorted-kv-dir: ${sortedKvDirProblem}. Point 'sorted-kv-dir' at a writable directory on a disk with about ${formatBytes(largest)} free (the largest table), or use 'lightning-backend: tidb'.`
    )
  // RUNNER_TEMP's own row says what is wrong with it; its free space means nothing then.
  if (tempDirProblem !== undefined && ctx.inputs.import.sortedKvDir === undefined) return undefined
  if (freeBytes === undefined)
    return row(
      id,
      title,
      'warn',
      `Could not read the free space of ${sortedKvDir}; Lightning needs about ${formatBytes(largest)} there (the largest table).`
    )
  if (freeBytes < largest) {
    return row(
      id,
      title,
      'warn',
      `${formatBytes(freeBytes)} free in ${sortedKvDir}, less than the largest selected table (${formatBytes(largest)}): ` +
        "point 'sorted-kv-dir' at a bigger disk, or use 'lightning-backend: tidb'."
    )
  }
  return row(
    id,
    title,
    'pass',
    `${formatBytes(freeBytes)} free in ${sortedKvDir}; the largest table is ${formatBytes(largest)}`
  )
}

/** Every verdict on the target and the runner. */
export function targetChecks(facts: PrecheckFacts, ctx: CheckContext): CheckRow[] {
  const c = facts.target.connect
  if (!c.ok)
    return [row('target.connect', 'Target reachable with the given user', 'fail', c.message)]
  const rows = [
    row(
      'target.connect',
      'Target reachable with the given user',
      'pass',
      `as '${ctx.inputs.target.user}'`
    ),
    versionRow(facts, ctx)
  ]
  if (facts.source.ok && facts.source.value.catalog.tables.length > 0) {
    rows.push(tablesRow(facts, ctx))
    const columns = columnsRow(facts)
    if (columns) rows.push(columns)
  }
  const disk = diskRow(facts, ctx)
  if (disk) rows.push(disk)
  return rows
}
