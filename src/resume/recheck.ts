// Re-runs verify, then skip: a phase the run state calls done is skipped only while its effect is still there, and
// the record must agree with what AWS and the source say. The world can change between attempts — a target database
// dropped, a schema folder cleaned up, a snapshot deleted, a state file edited — and trusting the record then leaves
// the run key stuck (every later attempt skips the schema import and fails in the data import).
//
//   schema-import  every selected table is on the target          gone → run it again, and every phase after it
//   schema-export  its files are under the schema folder           gone, and the schema import must run → again
//   export         its files are under the export folder           gone, and the data import must run → refused
//   snapshot       AWS has it, with the recorded ARN               another ARN → refused; gone, export to run → refused
//   binlog-capture the position lies within its file on the source past the end → refused (the record was changed)
//   restore        its copy is removed when a run ends, and only   verify must run and compares contents → again
//                  its names and binlog position are recorded      (the snapshot gone → refused: verify: counts)
//
// A phase run again makes the phases that depend on it run again too. When DM replication had already started, a
// missing table is refused instead: re-importing under a running DM task would mix two migrations.
import type { TableName } from '../table-filter/table-name.js'
import type { DoneEarlier } from './decide.js'
import { RunStateError } from './parse.js'
import type { RunStateRecord } from './record.js'

/** What the re-check asks the world. */
export interface EffectProbes {
  /** The tables of `tables` that are not on the target. */
  missingTargetTables(tables: readonly TableName[]): Promise<TableName[]>
  /** How many objects there are under `prefix` (at least 1 is enough to answer). */
  objectCount(bucket: string, prefix: string): Promise<number>
  /** The cluster snapshot as AWS describes it; undefined when there is none. */
  snapshot(identifier: string): Promise<{ readonly arn: string } | undefined>
  /** The size of a binary log on the source; undefined when the source no longer has it. */
  binlogSize(file: string): Promise<number | undefined>
}

/** A phase the record calls done that runs again, and why. */
export interface Redo {
  readonly id: string
  readonly why: string
}

/** What {@link recheckDone} works with. */
export interface RecheckContext {
  readonly record: RunStateRecord
  /** The phases the resume decision skips. */
  readonly skip: ReadonlyMap<string, DoneEarlier>
  /** Each phase's dependencies (the graph). */
  readonly dependsOn: ReadonlyMap<string, readonly string[]>
  readonly probes: EffectProbes
  /** Phases that run a tool (tiup runs when one of them does). */
  readonly toolPhases: ReadonlySet<string>
  /** The state file's URI, for messages. */
  readonly where: string
  /**
   * Whether verify compares contents with the restored copy when it runs (input `verify` is not `counts`); unset is
   * taken as yes.
   */
  readonly verifyUsesCopy?: boolean
}

const named = (tables: readonly TableName[]): string =>
  tables
    .slice(0, 5)
    .map((t) => `\`${t.database}\`.\`${t.table}\``)
    .join(', ') + (tables.length > 5 ? `, … (${tables.length} in all)` : '')

/** `s3://bucket/prefix/` → bucket and prefix. */
function splitUri(uri: string): { bucket: string; prefix: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri)
  return m ? { bucket: m[1] ?? '', prefix: m[2] ?? '' } : undefined
}

/**
 * Checks the effects of the skipped phases and the record's consistency.
 * @returns the phases to skip after all, and those that run again
 * @throws RunStateError when the record contradicts AWS or the source, or an effect is gone that cannot be redone
 */
export async function recheckDone(
  ctx: RecheckContext
): Promise<{ skip: Map<string, DoneEarlier>; redo: Redo[] }> {
  const { record, probes, where } = ctx
  const skip = new Map(ctx.skip)
  const redo: Redo[] = []
  const learned = (id: string) => (skip.has(id) ? record.phases[id]?.learned : undefined)
  const again = (id: string, why: string): void => {
    if (!skip.delete(id)) return
    redo.push({ id, why })
    for (const [other, deps] of ctx.dependsOn)
      if (deps.includes(id)) again(other, `it depends on ${id}, which runs again`)
  }
  const fix = `Delete ${where} to start the migration over, or set input run-key to another value.`

  const binlog = learned('binlog-capture')?.binlog
  if (binlog !== undefined) {
    const size = await probes.binlogSize(binlog.file)
    if (size !== undefined && binlog.position > size)
      throw new RunStateError(
        `The run state ${where} records binlog position ${binlog.file}:${binlog.position}, but that file on the source ends at ${size}: the record was changed or belongs to another source. ${fix}`
      )
  }

  const tables = record.phases['precheck']?.learned.tables ?? []
  if (skip.has('schema-import') && tables.length > 0) {
    const missing = await probes.missingTargetTables(tables)
    if (missing.length > 0) {
      if (skip.has('replicate'))
        throw new RunStateError(
          `${missing.length} selected table(s) are no longer on the target (${named(missing)}), but DM replication of this run already started. Importing again under a running DM task would mix two migrations: stop the DM task (operation: stop), then start a new migration with another run-key.`
        )
      again(
        'schema-import',
        `${missing.length} selected table(s) are no longer on the target (${named(missing)})`
      )
    }
  }

  const schemaUri = learned('schema-export')?.schemaUri
  const schemaAt = schemaUri === undefined ? undefined : splitUri(schemaUri)
  if (schemaAt !== undefined && !skip.has('schema-import')) {
    if ((await probes.objectCount(schemaAt.bucket, schemaAt.prefix)) === 0)
      again('schema-export', `its schema files are no longer in ${schemaUri ?? ''}`)
  }

  const exported = learned('export')?.export
  if (exported !== undefined && !skip.has('data-import')) {
    if ((await probes.objectCount(exported.bucket, exported.prefix)) === 0)
      throw new RunStateError(
        `The export ${exported.taskId} of an earlier attempt is no longer in ${exported.uri} (deleted?), and the data import must run again. An export task id cannot be reused: start a new migration with another run-key (or delete ${where}).`
      )
  }

  // The copy's binlog position stays recorded for DM, but the copy itself was removed when the earlier attempt ended
  // (run.ts; its endpoint is not recorded): a verify that still compares with it needs it restored again.
  if (skip.has('restore') && !skip.has('verify') && ctx.verifyUsesCopy !== false)
    again(
      'restore',
      'verify compares the contents with the restored copy, which a run removes when it ends (its endpoint is not recorded); it is restored again from the same snapshot'
    )
  const restoreLeft = ctx.dependsOn.has('restore') && !skip.has('restore')

  const snapshot = learned('snapshot')?.snapshot
  if (snapshot !== undefined) {
    const seen = await probes.snapshot(snapshot.identifier)
    if (seen !== undefined && seen.arn !== snapshot.arn)
      throw new RunStateError(
        `The run state ${where} records snapshot ${snapshot.identifier} as ${snapshot.arn}, but AWS says ${seen.arn}: the record was changed or belongs to another account or Region. ${fix}`
      )
    if (seen === undefined && skip.has('export') && restoreLeft)
      throw new RunStateError(
        `The cluster snapshot ${snapshot.identifier} of an earlier attempt no longer exists, and the restore phase must still restore a copy from it. ${record.phases['restore'] ? 'Set input verify to counts to verify by row counts without the copy (DM still starts from the position the copy announced in the earlier attempt), or start' : 'Start'} a new migration with another run-key (or delete ${where}).`
      )
    if (seen === undefined && !skip.has('export'))
      throw new RunStateError(
        `The cluster snapshot ${snapshot.identifier} of an earlier attempt no longer exists, and the export must still run from it. Start a new migration with another run-key (or delete ${where}).`
      )
  }

  if (redo.length > 0) {
    skip.delete('precheck')
    if (redo.some((r) => ctx.toolPhases.has(r.id))) skip.delete('tiup')
  }
  return { skip, redo }
}
