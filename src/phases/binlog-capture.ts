// Phase `binlog-capture`: the step "record the binlog position" of PingCAP's documented procedure, run immediately
// before the snapshot is taken (the graph puts it right after the precheck and right before `snapshot`). Reads `SHOW
// MASTER STATUS` (`SHOW BINARY LOG STATUS` on MySQL ≥ 8.4) and the GTID of exactly that position when GTIDs are on;
// DM starts from it.
//
// With a reused snapshot the position comes from the inputs instead (`binlog-file`, `binlog-position`,
// `binlog-gtid`: what SHOW MASTER STATUS printed when that snapshot was taken; inputs/binlog-start.ts refuses a
// reused snapshot with DM but without them). Reading one now would start DM after rows the snapshot does not hold.
// The phase then only checks that the file is still on the source, before the export is started.
import type mysql from 'mysql2/promise'
import type { BinlogStart, DbEndpoint } from '../inputs/types.js'
import { binlogFileAvailability, purgedBinlogMessage } from '../mysql/binary-logs.js'
import type { DbRole } from '../mysql/connect.js'
import {
  binlogSettings,
  parseServerVersion,
  readBinlogCoordinates,
  readGlobalVariables,
  readServerVersion,
  type ServerVersion
} from '../mysql/source.js'
import { errorMessage, PhaseError } from '../util/errors.js'
import type { MigrationState } from './migration-state.js'
import type { PhaseBody } from './phase-body.js'

/** What the phase reads with, replaceable in unit tests. */
export interface BinlogCaptureDeps {
  readonly connect: (endpoint: DbEndpoint, role: DbRole) => Promise<mysql.Connection>
  readonly now: () => number
}

const DEFAULT_DEPS: BinlogCaptureDeps = {
  // mysql2 is loaded when the phase connects, not at the bundle's start.
  connect: async (endpoint, role) =>
    (await import('../mysql/connect.js')).connectDb(endpoint, role),
  now: Date.now
}

/** The version and GTID mode: from the precheck when it ran, else read now. */
async function sourceShape(
  conn: mysql.Connection,
  state: MigrationState
): Promise<{ version: ServerVersion; gtidEnabled: boolean }> {
  if (state.source) {
    return {
      version: parseServerVersion(state.source.version),
      gtidEnabled: state.source.gtidEnabled
    }
  }
  const version = await readServerVersion(conn)
  const settings = binlogSettings(await readGlobalVariables(conn), version.flavor)
  return { version, gtidEnabled: settings.gtidEnabled }
}

function binlogOffMessage(state: MigrationState): string {
  const cluster = state.precheck?.aws.cluster
  const pg = cluster?.kind === 'found' ? cluster.value.parameterGroup : undefined
  return (
    "The source's binary log is off (SHOW MASTER STATUS returned no row), so there is no position for DM to " +
    `start from: set binlog_format=ROW in ${pg ? `the DB cluster parameter group '${pg}'` : "the cluster's (custom) DB cluster parameter group"} ` +
    'and reboot the writer instance.'
  )
}

/**
 * The binlog capture phase.
 * @param state reads the source's flavour from the precheck; receives the position (`state.binlog`)
 * @param deps replaceable connection and clock (tests)
 */
export function binlogCapturePhase(
  state: MigrationState,
  deps: BinlogCaptureDeps = DEFAULT_DEPS
): PhaseBody {
  return {
    id: 'binlog-capture',
    title: 'Binlog position',
    async run(ctx) {
      const given = ctx.inputs.dm.start
      if (given !== undefined) {
        await takeGivenPosition(ctx, state, deps, given)
        return
      }
      ctx.progress('reading SHOW MASTER STATUS')
      let conn: mysql.Connection
      try {
        conn = await deps.connect(ctx.inputs.source, 'source')
      } catch (e) {
        throw new PhaseError('binlog-capture', errorMessage(e), { cause: e })
      }
      let coords
      try {
        const { version, gtidEnabled } = await sourceShape(conn, state)
        coords = await readBinlogCoordinates(conn, version, gtidEnabled)
      } catch (e) {
        throw new PhaseError(
          'binlog-capture',
          `Cannot read the binlog position: ${errorMessage(e)} (the source user needs REPLICATION CLIENT; BINLOG MONITOR on MariaDB).`,
          { cause: e }
        )
      } finally {
        await conn.end().catch(() => undefined)
      }
      const capturedAt = deps.now()
      if (coords === undefined) throw new PhaseError('binlog-capture', binlogOffMessage(state))
      state.binlog = { file: coords.file, position: coords.position, gtid: coords.gtid, capturedAt }
      ctx.report.binlog = {
        file: coords.file,
        position: coords.position,
        gtid: coords.gtid,
        capturedBy: `${coords.statement} at ${new Date(capturedAt).toISOString()}, before the snapshot`
      }
      ctx.setOutput('binlog-file', coords.file)
      ctx.setOutput('binlog-position', coords.position)
      if (coords.gtid !== undefined) ctx.setOutput('binlog-gtid', coords.gtid)
      ctx.log.info(
        `${coords.statement}: ${coords.file}:${coords.position}${coords.gtid ? `, GTID ${coords.gtid}` : ''}`
      )
      ctx.record.note = `${coords.file}:${coords.position}`
      ctx.record.numbers.push({ label: 'position', value: coords.position })
    }
  }
}

/** Lists the source's binary logs over the phase's connection. */
async function binaryLogs(conn: mysql.Connection): Promise<string[]> {
  const [rows] = await conn.query('SHOW BINARY LOGS')
  return (rows as { Log_name?: unknown }[])
    .map((r) => r.Log_name)
    .filter((name): name is string => typeof name === 'string')
}

/** A reused snapshot's position from the inputs: checked to be still on the source, then recorded as DM's start. */
async function takeGivenPosition(
  ctx: Parameters<PhaseBody['run']>[0],
  state: MigrationState,
  deps: BinlogCaptureDeps,
  given: BinlogStart
): Promise<void> {
  ctx.progress(`checking that ${given.file} is still on the source`)
  let logs: string[]
  try {
    const conn = await deps.connect(ctx.inputs.source, 'source')
    try {
      logs = await binaryLogs(conn)
    } finally {
      await conn.end().catch(() => undefined)
    }
  } catch (e) {
    throw new PhaseError(
      'binlog-capture',
      `Cannot list the source's binary logs to check input binlog-file ${given.file}: ${errorMessage(e)} (the source user needs REPLICATION CLIENT; BINLOG MONITOR on MariaDB).`,
      { cause: e }
    )
  }
  const availability = binlogFileAvailability(logs, given.file)
  if (!availability.available)
    throw new PhaseError('binlog-capture', purgedBinlogMessage(given.file, availability))
  const capturedAt = deps.now()
  const snapshot = ctx.inputs.aws.snapshotIdentifier ?? 'the reused snapshot'
  state.binlog = {
    file: given.file,
    position: given.position,
    gtid: given.gtid,
    capturedAt,
    given: true
  }
  ctx.report.binlog = {
    file: given.file,
    position: given.position,
    gtid: given.gtid,
    capturedBy: `inputs binlog-file/binlog-position, recorded when snapshot ${snapshot} was taken`
  }
  ctx.setOutput('binlog-file', given.file)
  ctx.setOutput('binlog-position', given.position)
  if (given.gtid !== undefined) ctx.setOutput('binlog-gtid', given.gtid)
  ctx.log.info(
    `DM starts from the position given for snapshot ${snapshot}: ${given.file}:${given.position}${given.gtid ? `, GTID ${given.gtid}` : ''} (inputs binlog-file/binlog-position); the file is still on the source (newest ${availability.newest ?? '?'}).`
  )
  ctx.record.note = `${given.file}:${given.position} (given)`
  ctx.record.numbers.push({ label: 'position', value: given.position })
}
