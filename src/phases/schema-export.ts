// Phase `schema-export`: step 1.1 of PingCAP's documented procedure, plus the views. Dumpling writes the DDL of the
// selected tables and views to `<s3-uri>/schema/<run key>/` (a folder per run, so a rerun never mixes in another
// run's files):
//   dumpling --host … --port … --user … --password … --filter <rule> … --consistency none --no-data --no-views=false
//            --output s3://… [--s3.endpoint …] --s3.region …
// Each filter rule is its own --filter (plus Dumpling's system-schema exclusion, which any --filter replaces);
// `--consistency none` because Aurora refuses FLUSH TABLES WITH READ LOCK and a schema dump needs no snapshot.
//
// The password is on Dumpling's command line because Dumpling has no other way to take it (no config file, no
// environment variable). It is hidden in every line the action prints (runComponent's redaction) and in tiup's own
// `Starting component` line (tiup redacts --password); it is visible in the process list of the runner for the few
// seconds Dumpling runs. AWS credentials reach Dumpling through the environment, never its arguments.
//
// Success only from Dumpling's own line (dumpling-phase.ts). Its deadline is `import-timeout-minutes`, the one for the
// PingCAP tools: a schema dump takes minutes, so it only matters when something hangs.
import { effectiveS3Endpoint } from '../aws/endpoint.js'
import type { S3 } from '../aws/s3.js'
import type { Inputs } from '../inputs/types.js'
import { dumplingArgs } from '../tidb/dumpling/args.js'
import { errorMessage } from '../util/errors.js'
import { awsKit, type AwsPhaseDeps } from './aws-deps.js'
import { needS3 } from './lightning-phase.js'
import { runDumpling } from './dumpling-phase.js'
import type { MigrationState } from './migration-state.js'
import { schemaLocation } from './names.js'
import type { PhaseBody } from './phase-body.js'
import { filterRules, type TableFilter } from '../table-filter/parse.js'
import { selectionFilter } from './selection-filter.js'

/** What Dumpling wrote, by kind of file (`<db>-schema-create.sql`, `<db>.<t>-schema.sql`, `…-schema-view.sql`). */
export interface SchemaFiles {
  readonly databases: number
  readonly tables: number
  readonly views: number
}

/**
 * Counts Dumpling's schema files in a listing of keys. A view comes as two files (dumpling/export/writer.go
 * WriteViewMeta): a placeholder table `<db>.<view>-schema.sql` and `<db>.<view>-schema-view.sql`; the placeholder is
 * not a table. Pure.
 */
export function countSchemaFiles(keys: Iterable<string>): SchemaFiles {
  let databases = 0
  const tables = new Set<string>()
  const views = new Set<string>()
  for (const key of keys) {
    if (key.endsWith('-schema-create.sql')) databases++
    else if (key.endsWith('-schema-view.sql')) views.add(key.slice(0, -'-schema-view.sql'.length))
    else if (key.endsWith('-schema.sql')) tables.add(key.slice(0, -'-schema.sql'.length))
  }
  for (const v of views) tables.delete(v)
  return { databases, tables: tables.size, views: views.size }
}

/** Dumpling's arguments for a run: the filter, the run's schema folder, the S3 endpoint and region. */
export function schemaExportArgs(
  inputs: Inputs,
  runKey: string,
  filter: TableFilter = inputs.filter
): string[] {
  return dumplingArgs({
    source: inputs.source,
    filter: filterRules(filter),
    output: schemaLocation(needS3(inputs), runKey).uri,
    s3Endpoint: effectiveS3Endpoint(inputs.aws),
    s3Region: inputs.aws.region || undefined
  }).args
}

/** Counts the files under the schema folder; the error when it cannot be listed. */
async function countWritten(
  s3: () => Promise<S3>,
  location: { bucket: string; prefix: string }
): Promise<SchemaFiles | Error> {
  try {
    const objects = await (await s3()).list(location.bucket, `${location.prefix}/`)
    return countSchemaFiles(objects.map((o) => o.key))
  } catch (e) {
    return new Error(errorMessage(e))
  }
}

/** The `schema-export` phase. */
export function schemaExportPhase(state: MigrationState, deps: AwsPhaseDeps = {}): PhaseBody {
  return {
    id: 'schema-export',
    title: 'Schema export (Dumpling → S3)',
    async run(ctx) {
      const { inputs } = ctx
      const location = schemaLocation(needS3(inputs), state.runKey)
      const args = schemaExportArgs(inputs, state.runKey, selectionFilter(inputs, state))
      ctx.progress('dumping the schema')
      await runDumpling(ctx, state, 'schema-export', args, inputs.source)

      // The SDK loads only now, through the phases' AWS kit (aws-deps.ts): not at bundle start-up.
      const files = await countWritten(async () => (await awsKit(ctx, deps)).s3, location)
      if (files instanceof Error) {
        // Counting is a check on top of Dumpling's own success line; Lightning will say if it cannot read them.
        ctx.log.warning(`Could not list the schema files in ${location.uri}: ${files.message}`)
      } else {
        ctx.record.numbers.push(
          { label: 'databases', value: files.databases },
          { label: 'table schemas', value: files.tables }
        )
        if (files.views > 0) ctx.record.numbers.push({ label: 'views', value: files.views })
        const selected = state.tables?.length
        if (selected !== undefined && files.tables < selected) {
          ctx.log.warning(
            `Dumpling wrote ${files.tables} table schema file(s) to ${location.uri}, but the filter selects ` +
              `${selected} table(s) on the source; the missing tables will not be created on the target.`
          )
        }
        ctx.record.note = `${files.tables} table schema(s) in ${location.uri}`
      }
      state.schemaUri = location.uri
      ctx.setOutput('schema-uri', location.uri)
      ctx.report.links.push({ label: 'Schema files (Dumpling)', url: location.uri })
    }
  }
}
