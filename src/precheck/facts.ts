// What the precheck learns before judging anything: plain data gathered by gather.ts (reads only) and judged by the
// pure check functions (source-checks.ts, selection-checks.ts, target-checks.ts, aws-checks.ts). Keeping the two
// apart lets every verdict be unit-tested from facts alone.
import type { ClusterFacts, KeyFacts, Lookup, RoleFacts, SnapshotFacts } from '../aws/lookups.js'
import type { Inputs } from '../inputs/types.js'
import type { SourceCatalog } from '../mysql/catalog.js'
import type { GrantSet } from '../mysql/grants.js'
import type { SourceObjects } from '../mysql/source-objects.js'
import type {
  BinlogCoordinates,
  BinlogRetention,
  BinlogSettings,
  ServerVersion
} from '../mysql/source.js'
import type { TargetTableState, TidbStatus } from '../mysql/target.js'
import type { CheckRow } from '../report/types.js'
import type { TableName } from '../table-filter/table-name.js'

/** A read that worked, or why it did not. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

/** Everything read from the source over one connection. */
export interface SourceSide {
  readonly version: ServerVersion
  readonly settings: BinlogSettings
  readonly retention: BinlogRetention
  readonly grants: Outcome<GrantSet>
  readonly catalog: SourceCatalog
  /** Triggers, routines and events of the selected databases, and the accounts: what TiDB cannot hold. */
  readonly objects: Outcome<SourceObjects>
  /** `SHOW MASTER STATUS` run once as the migration user: proves the privilege and the binlog. */
  readonly position: Outcome<BinlogCoordinates | undefined>
}

/** Everything read from the target. */
export interface TargetSide {
  /** The SQL connection (the tables outcome needs it). */
  readonly connect: Outcome<true>
  readonly status: Outcome<TidbStatus>
  readonly tables: Outcome<readonly TargetTableState[]>
}

/** Everything read from AWS; a lookup is absent when its input is empty or credentials are missing. */
export interface AwsSide {
  /** undefined when the SDK found credentials, else its message. */
  readonly credentialsProblem: string | undefined
  readonly cluster?: Lookup<ClusterFacts>
  readonly snapshot?: Lookup<SnapshotFacts>
  readonly bucket?: Lookup<string>
  readonly prefix?: Lookup<{ readonly empty: boolean }>
  readonly role?: Lookup<RoleFacts>
  readonly key?: Lookup<KeyFacts>
}

/** The runner's disk, for Lightning's local backend. */
export interface RunnerSide {
  /** The directory Lightning sorts KV pairs in (the input, or RUNNER_TEMP). */
  readonly sortedKvDir: string
  /** Free bytes there; undefined when it could not be read. */
  readonly freeBytes: number | undefined
  /** RUNNER_TEMP, where the action writes its configs, logs and result.json. */
  readonly tempDir: string
  /** Why RUNNER_TEMP cannot be used (not a directory, not writable); undefined when it can. */
  readonly tempDirProblem: string | undefined
  /** Why sorted-kv-dir cannot be used; undefined when it can (or it is RUNNER_TEMP, checked above). */
  readonly sortedKvDirProblem: string | undefined
}

/** All facts of one precheck. */
export interface PrecheckFacts {
  readonly source: Outcome<SourceSide>
  readonly target: TargetSide
  readonly aws: AwsSide
  readonly runner: RunnerSide
}

/** The inputs the checks judge by, plus the time (so verdicts that depend on it stay pure). */
export interface CheckContext {
  readonly inputs: Inputs
  /** Epoch ms. */
  readonly now: number
  /** The phases an earlier attempt finished (id → ISO end time) when this run resumes it. */
  readonly resumed?: Readonly<Record<string, string>> | undefined
}

/** A CheckRow builder, so check functions read as a list of verdicts. */
export const row = (
  id: string,
  title: string,
  status: CheckRow['status'],
  reason: string
): CheckRow => ({ id, title, status, reason })

/** `a, b, c and 7 more` for lists in reasons. */
export function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ')
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`
}

/** `` `db`.`table` `` as the reasons show a table. */
export const tableName = (t: TableName): string => `\`${t.database}\`.\`${t.table}\``
