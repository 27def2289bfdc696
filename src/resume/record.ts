// The run-state record: what a migration run has finished, kept in S3 at `<s3-uri>/.state/<run key>.json` so that a
// re-run attempt (or a new run with `resume: true`) skips what is done instead of doing it twice.
//
// It holds, per finished phase, its end time, what it learned (the serialisable parts of MigrationState that later
// phases read) and what it reported (outputs, note, key numbers), so a skipped phase still publishes them; and the
// input fingerprint: the inputs that must not change between attempts (a resumed run with another filter or another
// source would mix two migrations). Never a password.
//
// Pure: building and updating the record. Reading it back (validation) is in parse.ts, the S3 edge and the
// serialised writes in store.ts, the resume decision in decide.ts.
import type { Inputs } from '../inputs/types.js'
import type { KeyNumber, Report, ReportLink, TableRow, BinlogPosition } from '../report/types.js'
import type { MigrationState, RestoredCopyFacts } from '../phases/migration-state.js'
import { filterRules } from '../table-filter/parse.js'

/** The format version this code writes and reads. */
export const RUN_STATE_VERSION = 1

/** Marks the file as ours, so a foreign JSON object at the path is told apart from a corrupt one. */
export const RUN_STATE_KIND = 'aurora-to-tidb/run-state'

/** What a phase learned that later phases read; each phase owns the fields it sets. */
export type LearnedState = Partial<
  Pick<
    MigrationState,
    | 'source'
    | 'tables'
    | 'binlog'
    | 'snapshot'
    | 'export'
    | 'schemaUri'
    | 'viewsNotCreated'
    | 'skippedTables'
    | 'imported'
    | 'restored'
  >
>

/** The fields of MigrationState each phase sets (what is restored when it is skipped). */
export const LEARNED_BY_PHASE: Readonly<Record<string, readonly (keyof LearnedState)[]>> = {
  precheck: ['source', 'tables'],
  'binlog-capture': ['binlog'],
  snapshot: ['snapshot'],
  export: ['export'],
  'schema-export': ['schemaUri'],
  'schema-import': ['viewsNotCreated'],
  'skipped-tables': ['skippedTables'],
  'data-import': ['imported'],
  restore: ['restored']
}

/**
 * What a later attempt can use of the restored copy: its names, `keep` and the snapshot's own binlog position (DM
 * starts there). Not its endpoint: the copy is removed when the run ends (unless kept), so a re-run that needs the
 * copy itself restores it again (recheck.ts).
 */
function lastingCopyFacts(r: RestoredCopyFacts): RestoredCopyFacts {
  return {
    cluster: r.cluster,
    instance: r.instance,
    keep: r.keep,
    ...(r.binlog === undefined
      ? {}
      : { binlog: { file: r.binlog.file, position: r.binlog.position } })
  }
}

/** One finished phase. */
export interface PhaseDone {
  /** ISO time it succeeded. */
  readonly endedAt: string
  /** The outputs it set (`snapshot-id`, `rows-imported`…). */
  readonly outputs: Readonly<Record<string, string>>
  readonly note?: string
  readonly numbers: readonly KeyNumber[]
  readonly learned: LearnedState
}

/** What the report held at the last write that a skipped phase cannot recompute. */
export interface ReportFacts {
  readonly binlog?: BinlogPosition
  readonly tables: readonly TableRow[]
  readonly links: readonly ReportLink[]
}

/** The whole record (the JSON document). */
export interface RunStateRecord {
  readonly kind: typeof RUN_STATE_KIND
  readonly version: typeof RUN_STATE_VERSION
  readonly runKey: string
  /** Input name → value of the inputs a resumed run must keep. */
  readonly fingerprint: Readonly<Record<string, string>>
  /** ISO times of the first and the latest write. */
  readonly createdAt: string
  readonly updatedAt: string
  /** Finished phases by id. */
  readonly phases: Readonly<Record<string, PhaseDone>>
  readonly report: ReportFacts
}

/**
 * The inputs that must not change between attempts of one run: where the data comes from and goes to, what is
 * selected, and where the export lives. DM settings, tool versions, timeouts and passwords may change (fixing a
 * wrong `dm-master-addr` and re-running is a normal repair). Pure.
 */
export function inputFingerprint(inputs: Inputs): Record<string, string> {
  const { source, target, aws } = inputs
  return {
    'source-host': source.host,
    'source-port': String(source.port),
    'target-host': target.host,
    'target-port': String(target.port),
    'aws-region': aws.region,
    'cluster-identifier': aws.clusterIdentifier ?? '',
    'snapshot-identifier': aws.snapshotIdentifier ?? '',
    'export-task-identifier': aws.exportTaskIdentifier ?? '',
    's3-uri': aws.s3?.uri ?? '',
    's3-endpoint': aws.s3Endpoint ?? '',
    filter: filterRules(inputs.filter).join('\n')
  }
}

/** One input whose value differs from the recorded one. */
export interface ChangedInput {
  readonly name: string
  readonly was: string
  readonly now: string
}

/** The inputs whose values differ between the record and now, in the fingerprint's order. Pure. */
export function changedInputs(
  recorded: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>
): ChangedInput[] {
  const names = [...new Set([...Object.keys(now), ...Object.keys(recorded)])]
  return names
    .filter((n) => (recorded[n] ?? '') !== (now[n] ?? ''))
    .map((n) => ({ name: n, was: recorded[n] ?? '', now: now[n] ?? '' }))
}

/** A new, empty record for a run. */
export function newRunState(runKey: string, inputs: Inputs, now: Date): RunStateRecord {
  return {
    kind: RUN_STATE_KIND,
    version: RUN_STATE_VERSION,
    runKey,
    fingerprint: inputFingerprint(inputs),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    phases: {},
    report: { tables: [], links: [] }
  }
}

/** The fields `phaseId` owns, taken from the state (copies, so later changes to the state do not leak in). */
export function learnedBy(phaseId: string, state: MigrationState): LearnedState {
  const out: Record<string, unknown> = {}
  for (const field of LEARNED_BY_PHASE[phaseId] ?? []) {
    const value = state[field]
    if (value === undefined) continue
    out[field] =
      field === 'restored' && state.restored
        ? lastingCopyFacts(state.restored)
        : structuredClone(value)
  }
  return out
}

/** What one phase did, as the record keeps it. */
export interface FinishedPhase {
  readonly id: string
  readonly endedAt: string
  readonly outputs: Readonly<Record<string, string>>
  readonly note?: string | undefined
  readonly numbers: readonly KeyNumber[]
}

/**
 * The record with one more finished phase (or a phase finished again), the report facts of now. Pure.
 * @param record the record so far
 * @param phase what the phase did
 * @param state the run's state, for what the phase learned
 * @param report the report, for binlog, tables and links
 */
export function withFinishedPhase(
  record: RunStateRecord,
  phase: FinishedPhase,
  state: MigrationState,
  report: Pick<Report, 'binlog' | 'tables' | 'links'>
): RunStateRecord {
  const done: PhaseDone = {
    endedAt: phase.endedAt,
    outputs: { ...phase.outputs },
    ...(phase.note === undefined ? {} : { note: phase.note }),
    numbers: phase.numbers.map((n) => ({ ...n })),
    learned: learnedBy(phase.id, state)
  }
  return {
    ...record,
    updatedAt: phase.endedAt,
    phases: { ...record.phases, [phase.id]: done },
    report: {
      ...(report.binlog === undefined ? {} : { binlog: { ...report.binlog } }),
      tables: report.tables.map((t) => ({ ...t })),
      links: report.links.map((l) => ({ ...l }))
    }
  }
}
