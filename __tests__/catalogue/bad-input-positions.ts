// Bad input catalogue, start positions and exact values: `binlog-file`, `binlog-position`, `binlog-gtid`, and a reused snapshot that
// DM would start from a later position than the snapshot's (rows written in between would be lost). Pure data.
import { DM, MIGRATE, STATUS, type BadInputRow } from './input-sets.js'

/** A reused snapshot with DM: what the start-position rules look at. */
const REUSED = { ...MIGRATE, ...DM, 'snapshot-identifier': 'shop-before-cutover' }
/** The position recorded when that snapshot was taken. */
const AT = { 'binlog-file': 'mysql-bin-changelog.000123', 'binlog-position': '4512' }

/** Malformed positions and combinations that cannot give DM a start without a gap. */
export const BAD_POSITION_INPUTS: readonly BadInputRow[] = [
  [
    'binlog file with its directory',
    { ...REUSED, ...AT, 'binlog-file': '/rdsdbdata/log/binlog/mysql-bin-changelog.000123' },
    "Input 'binlog-file' must be a binlog file name as SHOW MASTER STATUS prints it, e.g. 'mysql-bin-changelog.000123'; got '/rdsdbdata/log/binlog/mysql-bin-changelog.000123' (the name only, without a directory)."
  ],
  [
    'binlog position inside the magic header',
    { ...REUSED, ...AT, 'binlog-position': '3' },
    "Input 'binlog-position' must be a binlog position (a whole number from 4, SHOW MASTER STATUS's Position); got '3'."
  ],
  [
    'binlog GTID that is not a GTID set',
    { ...REUSED, ...AT, 'binlog-gtid': 'latest' },
    "Input 'binlog-gtid' must be a GTID set as SHOW MASTER STATUS's Executed_Gtid_Set prints it (MySQL 'uuid:1-5,…' or MariaDB '0-1-42'); got 'latest'."
  ],
  [
    'binlog file without its position',
    { ...REUSED, 'binlog-file': AT['binlog-file'] },
    "Inputs 'binlog-file' and 'binlog-position' go together ('binlog-position' is empty): DM starts at a position in a file, SHOW MASTER STATUS's File and Position."
  ],
  [
    'binlog GTID alone',
    { ...REUSED, 'binlog-gtid': '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5' },
    "Input 'binlog-gtid' needs 'binlog-file' and 'binlog-position' too: the action checks that the file is still on the source before DM starts."
  ],
  [
    'start position without DM',
    { ...MIGRATE, ...AT, 'snapshot-identifier': 'shop-before-cutover' },
    "Inputs 'binlog-file'/'binlog-position' are set but 'dm-master-addr' is empty: they are where DM starts replicating, and no DM task is started; set 'dm-master-addr' or remove them."
  ],
  [
    'start position for a snapshot the action takes itself',
    { ...MIGRATE, ...DM, ...AT },
    "Inputs 'binlog-file'/'binlog-position' are the position recorded when the snapshot named by 'snapshot-identifier' was taken, but 'snapshot-identifier' is empty: the action takes its own snapshot and records its position just before; remove them, or set 'snapshot-identifier'."
  ],
  [
    'reused snapshot with DM, no start position and no restored copy',
    { ...REUSED, 'restore-snapshot': 'false' },
    "Input 'snapshot-identifier' reuses snapshot 'shop-before-cutover' and 'dm-master-addr' starts DM, but DM must start from the binlog position of that snapshot, which the action cannot read now: a position recorded now is later, and the rows written in between would be in neither the export nor the replication. Set 'binlog-file' and 'binlog-position' (and 'binlog-gtid' when GTIDs are on) to what SHOW MASTER STATUS printed when the snapshot was taken, set 'restore-snapshot' to 'auto' or 'true' so that a restored copy of the snapshot tells its own position, or leave 'snapshot-identifier' empty so the action takes a snapshot and records its position itself."
  ],
  [
    'start position with status',
    { ...STATUS, ...AT },
    "Inputs 'binlog-file', 'binlog-position' and 'binlog-gtid' are only used when 'operation' is 'migrate' or 'plan' (it is 'status')."
  ],
  [
    'tidb-version whose Lightning cannot set the import time zone',
    { ...MIGRATE, 'tidb-version': 'v7.1.5' },
    "Input 'tidb-version' is v7.1.5, whose TiDB Lightning cannot set the time zone of its import session ([tidb.session-vars] arrived in v7.5.0), so DATETIME values would arrive shifted by the target's time zone; use v7.5.0 or later (the default is v8.5.2)."
  ]
]
