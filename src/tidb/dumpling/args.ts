// Dumpling's command lines:
//   schema (PingCAP's documented procedure "Migrate Data from Amazon Aurora to TiDB", step 1.1 "Export the schema
//   file from Amazon Aurora", plus the views):
//     dumpling --host H --port 3306 --user U --password P --filter R1 --filter R2 --consistency none --no-data
//              --no-views=false --output s3://bucket/prefix/schema [--s3.endpoint URL] [--s3.region R] [--threads N]
//   data (the tables the Aurora export skipped):
//     dumpling … --filter `db`.`t` … --consistency lock --output s3://bucket/prefix/skipped-tables/<run key>/…
// Flags as pingcap/tidb dumpling/export/config.go defines them (S3 flags: pkg/objstore/s3store/s3.go). `--no-views`
// is a bool defaulting to true there (`flags.BoolP(flagNoViews, "W", true, "Do not dump views")`), so views are
// dumped only with `--no-views=false` (pflag takes a bool's value only after `=`). `--consistency lock` runs
// `LOCK TABLES … READ` on the dumped tables until every dump transaction has started, which Aurora allows, unlike
// the FLUSH TABLES WITH READ LOCK of `flush`; it makes the dump of each table one consistent point in time.
// Dumpling's parser is pflag, whose StringSlice reads each value as one
// CSV record (pflag string_slice.go readAsCSV): a comma would split a rule in two, so such rules are refused here
// with the way around them, and a rule with a double quote (`"my db".*`) is passed CSV-quoted so it arrives intact.
// No --logfile: Dumpling then logs to stdout, which is what the monitor reads.

import type { DbEndpoint } from '../../inputs/types.js'
import { DUMPLING_SYSTEM_SCHEMA_EXCLUSION } from '../../table-filter/parse.js'

/** Dumpling's own default filter minus `*.*`: passing any --filter replaces it (dumpling/export/config.go: the
 * flag's default is `*.*` plus this exclusion). */
export const SYSTEM_SCHEMA_EXCLUSION = DUMPLING_SYSTEM_SCHEMA_EXCLUSION

/** What one schema export needs. */
export interface DumplingOptions {
  readonly source: DbEndpoint
  /** Table-filter rules, one per element (Dumpling syntax). */
  readonly filter: readonly string[]
  /** `s3://bucket/prefix` or a local directory. */
  readonly output: string
  /** `--s3.endpoint` (with scheme) for S3-compatible stores. */
  readonly s3Endpoint?: string | undefined
  /** `--s3.region`; without it the SDK assumes us-east-1. */
  readonly s3Region?: string | undefined
  readonly threads?: number | undefined
  /** Append SYSTEM_SCHEMA_EXCLUSION as the last rule (default true), so `*.*` never dumps `mysql` or `sys`. */
  readonly excludeSystemSchemas?: boolean
  /**
   * `schema` (default): the DDL of the tables and the views, no rows. `data`: the tables' rows too (and their DDL,
   * which Lightning creates only when absent), as one consistent read per table.
   */
  readonly content?: 'schema' | 'data'
}

/** The arguments, and where the password value sits so the runner can mask it in any echo of the command. */
export interface DumplingArgs {
  readonly args: string[]
  readonly passwordIndex: number
}

/** Why Dumpling's --filter cannot carry this rule as one value, or undefined when it can. */
export function dumplingFilterProblem(rule: string): string | undefined {
  if (rule.trim() === '') return 'a filter rule is empty'
  if (rule.includes(',')) {
    return (
      `filter rule "${rule}" contains a comma; Dumpling's --filter splits values on commas, so it would become ` +
      'two rules. Write it as two rules, or replace the comma (e.g. a character class instead of {1,3})'
    )
  }
  if (/[\r\n]/.test(rule)) return `filter rule "${rule}" spans several lines`
  return undefined
}

/**
 * The table-filter rule selecting exactly one table: both names back-quoted (backquotes doubled), as
 * pkg/util/table-filter reads quoted names, so dots, wildcards and spaces in names are literal.
 */
export function exactTableRule(t: { readonly database: string; readonly table: string }): string {
  const quote = (n: string): string => `\`${n.replaceAll('`', '``')}\``
  return `${quote(t.database)}.${quote(t.table)}`
}

/** One CSV field: quoted (its quotes doubled) when it holds a double quote, as pflag reads StringSlice values. */
function csvField(rule: string): string {
  return rule.includes('"') ? `"${rule.replaceAll('"', '""')}"` : rule
}

/**
 * Builds the argument list (without the `dumpling` command itself). Throws an Error naming the first rule
 * Dumpling could not receive intact, or an impossible option.
 */
export function dumplingArgs(opts: DumplingOptions): DumplingArgs {
  const { source } = opts
  if (!Number.isInteger(source.port) || source.port < 1 || source.port > 65535) {
    throw new Error(`Dumpling: source port ${source.port} is not a port`)
  }
  if (opts.output.trim() === '') throw new Error('Dumpling: the output location is empty')
  if (opts.s3Endpoint !== undefined && !/^https?:\/\//.test(opts.s3Endpoint)) {
    // Dumpling rejects it anyway ("scheme not found in endpoint"); say so before starting it.
    throw new Error(
      `Dumpling: --s3.endpoint needs a scheme (http:// or https://): ${opts.s3Endpoint}`
    )
  }
  const rules = [...opts.filter]
  for (const rule of rules) {
    const problem = dumplingFilterProblem(rule)
    if (problem !== undefined) throw new Error(`Dumpling: ${problem}`)
  }
  if (rules.length > 0 && opts.excludeSystemSchemas !== false) rules.push(SYSTEM_SCHEMA_EXCLUSION)
  const args = [
    '--host',
    source.host,
    '--port',
    String(source.port),
    '--user',
    source.user,
    '--password',
    source.password
  ]
  const passwordIndex = args.length - 1
  for (const rule of rules) args.push('--filter', csvField(rule))
  if (opts.content === 'data') args.push('--consistency', 'lock')
  else args.push('--consistency', 'none', '--no-data', '--no-views=false')
  args.push('--output', opts.output)
  if (opts.s3Endpoint !== undefined) args.push('--s3.endpoint', opts.s3Endpoint)
  if (opts.s3Region !== undefined) args.push('--s3.region', opts.s3Region)
  if (opts.threads !== undefined) args.push('--threads', String(opts.threads))
  return { args, passwordIndex }
}
