/**
 * Inputs `binlog-file`, `binlog-position` and `binlog-gtid`: where DM starts replicating when the action does not
 * record the position itself — the source's coordinates as `SHOW MASTER STATUS` printed them when a reused snapshot
 * (`snapshot-identifier`) was taken. Pure parsers and rules; `readInputs()` applies them before any side effect.
 *
 * Why a reused snapshot needs them: a position read now is later than the snapshot, and the rows written between the
 * two would be in neither the export nor the replication. The action refuses such a run instead of warning.
 */
import { reject } from './parsers.js'
import { dmEnabled, restoreWanted, type BinlogStart, type Inputs } from './types.js'

/**
 * A binlog file name as `SHOW MASTER STATUS` prints it: `<basename>.<sequence number>` (`mysql-bin-changelog.000123`
 * on Aurora, `mysql-bin.000003` on MySQL and MariaDB), without a directory.
 */
export function parseBinlogFileName(name: string, value: string): string {
  if (/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,200}\.[0-9]{1,12}$/.test(value)) return value
  return reject(
    name,
    "a binlog file name as SHOW MASTER STATUS prints it, e.g. 'mysql-bin-changelog.000123'",
    value,
    value.includes('/') ? 'the name only, without a directory' : undefined
  )
}

/** A position in a binlog file: a whole number from 4 (the first event follows the 4-byte magic header). */
export function parseBinlogPosition(name: string, value: string): number {
  const n = /^[0-9]{1,19}$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < 4)
    reject(name, "a binlog position (a whole number from 4, SHOW MASTER STATUS's Position)", value)
  return n
}

const MYSQL_INTERVAL = String.raw`[0-9]+(?:-[0-9]+)?`
/** `uuid[:tag]:interval[:interval…]` (tags since MySQL 8.3). */
const MYSQL_GTID = String.raw`[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}(?::[A-Za-z_][A-Za-z0-9_]{0,31})?(?::${MYSQL_INTERVAL})+`
/** MariaDB's `domain-server-sequence`. */
const MARIADB_GTID = String.raw`[0-9]+-[0-9]+-[0-9]+`
const GTID_SET = new RegExp(
  String.raw`^(?:${MYSQL_GTID}(?:\s*,\s*${MYSQL_GTID})*|${MARIADB_GTID}(?:\s*,\s*${MARIADB_GTID})*)$`
)

/** A GTID set: MySQL's (`3E11FA47-…:1-5,…`) or MariaDB's (`0-1-42,…`), as `SHOW MASTER STATUS` printed it. */
export function parseBinlogGtid(name: string, value: string): string {
  const text = value.replace(/\s+/g, ' ').trim()
  if (text.length <= 65_536 && GTID_SET.test(text)) return text.replace(/\s*,\s*/g, ',')
  return reject(
    name,
    "a GTID set as SHOW MASTER STATUS's Executed_Gtid_Set prints it (MySQL 'uuid:1-5,…' or MariaDB '0-1-42')",
    value
  )
}

/** The start position the inputs give, when `binlog-file` and `binlog-position` are both set. */
export function binlogStartOf(
  file: string | undefined,
  position: number | undefined,
  gtid: string | undefined
): BinlogStart | undefined {
  if (file === undefined || position === undefined) return undefined
  return gtid === undefined ? { file, position } : { file, position, gtid }
}

/**
 * Where DM starts when `snapshot-identifier` reuses a snapshot:
 *  - `given`: the coordinates of `binlog-file`/`binlog-position` (recorded when the snapshot was taken);
 *  - `restored-copy`: the snapshot's own position, which its restored copy announces (`restore-snapshot`, phase
 *    restore; the run fails there when the copy announces none);
 *  - `missing`: nothing tells the snapshot's own position, so the run is refused.
 */
export type ReusedSnapshotStart =
  | { readonly kind: 'given'; readonly start: BinlogStart }
  | { readonly kind: 'restored-copy' }
  | { readonly kind: 'missing' }

/** How a run that reuses a snapshot starts DM (see {@link ReusedSnapshotStart}). */
export function reusedSnapshotStart(
  inputs: Pick<Inputs, 'operation' | 'restore' | 'verify' | 'aws' | 'dm'>
): ReusedSnapshotStart {
  const start = inputs.dm.start
  if (start !== undefined) return { kind: 'given', start }
  return restoreWanted(inputs) ? { kind: 'restored-copy' } : { kind: 'missing' }
}

/** What is set of the three inputs, for the rules. */
export interface BinlogStartSet {
  readonly file: boolean
  readonly position: boolean
  readonly gtid: boolean
}

/**
 * The combinations that cannot give a safe start, one message each: a half position, coordinates no DM task or no
 * reused snapshot would use, and a reused snapshot with DM but no coordinates.
 */
export function binlogStartProblems(inputs: Inputs, set: BinlogStartSet): string[] {
  const migrating = inputs.operation === 'migrate' || inputs.operation === 'plan'
  const any = set.file || set.position || set.gtid
  const problems: string[] = []
  if (any && !migrating) {
    return [
      `Inputs 'binlog-file', 'binlog-position' and 'binlog-gtid' are only used when 'operation' is 'migrate' or 'plan' (it is '${inputs.operation}').`
    ]
  }
  if (set.file !== set.position) {
    problems.push(
      `Inputs 'binlog-file' and 'binlog-position' go together (${set.file ? "'binlog-position'" : "'binlog-file'"} is empty): DM starts at a position in a file, SHOW MASTER STATUS's File and Position.`
    )
  } else if (set.gtid && !set.file) {
    problems.push(
      "Input 'binlog-gtid' needs 'binlog-file' and 'binlog-position' too: the action checks that the file is still on the source before DM starts."
    )
  }
  if (!migrating) return problems
  const reused = inputs.aws.snapshotIdentifier !== undefined
  if (any && !dmEnabled(inputs)) {
    problems.push(
      "Inputs 'binlog-file'/'binlog-position' are set but 'dm-master-addr' is empty: they are where DM starts replicating, and no DM task is started; set 'dm-master-addr' or remove them."
    )
  } else if (any && !reused) {
    problems.push(
      "Inputs 'binlog-file'/'binlog-position' are the position recorded when the snapshot named by 'snapshot-identifier' was taken, but 'snapshot-identifier' is empty: the action takes its own snapshot and records its position just before; remove them, or set 'snapshot-identifier'."
    )
  }
  if (reused && dmEnabled(inputs) && !any && reusedSnapshotStart(inputs).kind === 'missing') {
    problems.push(
      `Input 'snapshot-identifier' reuses snapshot '${inputs.aws.snapshotIdentifier ?? ''}' and 'dm-master-addr' starts DM, but DM must start from the binlog position of that snapshot, which the action cannot read now: a position recorded now is later, and the rows written in between would be in neither the export nor the replication. ` +
        "Set 'binlog-file' and 'binlog-position' (and 'binlog-gtid' when GTIDs are on) to what SHOW MASTER STATUS printed when the snapshot was taken, set 'restore-snapshot' to 'auto' or 'true' so that a restored copy of the snapshot tells its own position, or leave 'snapshot-identifier' empty so the action takes a snapshot and records its position itself."
    )
  }
  return problems
}
