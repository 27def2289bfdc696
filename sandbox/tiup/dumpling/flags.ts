// Dumpling's flag set (pingcap/tidb dumpling/export/config.go DefineFlags plus BR's storage flags) and the
// parse step (ParseFromFlags): defaults such as `--port 4000`, the `--filter` / `--tables-list` rules and the
// argument errors Dumpling reports as `parse arguments failed: …`.
import { quoteIdent } from '../sql-text.js'
import { parseTableFilter, FilterError, type TableFilter } from '../table-filter.js'
import { flagUsages, parsePflags, type FlagSpec, type ParsedFlags } from '../pflag.js'
import type { S3Options } from '../storage.js'

/** The default filter: every table except the system schemas. */
export const DEFAULT_TABLE_FILTER =
  '!/^(mysql|sys|INFORMATION_SCHEMA|PERFORMANCE_SCHEMA|METRICS_SCHEMA|INSPECTION_SCHEMA)$/.*'

function timestampDirName(now = new Date()): string {
  const off = -now.getTimezoneOffset()
  const pad = (n: number): string => String(n).padStart(2, '0')
  const zone =
    off === 0
      ? 'Z'
      : `${off > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  return `./export-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}${zone}`
}

const STORAGE_FLAGS: FlagSpec[] = [
  {
    name: 's3.endpoint',
    type: 'string',
    def: '',
    usage:
      '(experimental) Set the S3 endpoint URL, please specify the http or https scheme explicitly'
  },
  {
    name: 's3.region',
    type: 'string',
    def: '',
    usage: '(experimental) Set the S3 region, e.g. us-east-1'
  },
  {
    name: 's3.storage-class',
    type: 'string',
    def: '',
    usage: '(experimental) Set the S3 storage class, e.g. STANDARD'
  },
  { name: 's3.sse', type: 'string', def: '', usage: 'Set S3 server-side encryption, e.g. aws:kms' },
  {
    name: 's3.sse-kms-key-id',
    type: 'string',
    def: '',
    usage: 'KMS CMK key id to use with S3 server-side encryption.Leave empty to use S3 owned key.'
  },
  {
    name: 's3.acl',
    type: 'string',
    def: '',
    usage: '(experimental) Set the S3 canned ACLs, e.g. authenticated-read'
  },
  {
    name: 's3.provider',
    type: 'string',
    def: '',
    usage: '(experimental) Set the S3 provider, e.g. aws, alibaba, ceph'
  },
  {
    name: 's3.role-arn',
    type: 'string',
    def: '',
    usage: '(experimental) Set the ARN of the IAM role to assume when accessing AWS S3'
  },
  {
    name: 's3.external-id',
    type: 'string',
    def: '',
    usage: '(experimental) Set the external ID when assuming the role to access AWS S3'
  },
  {
    name: 's3.profile',
    type: 'string',
    def: '',
    usage:
      '(experimental) Set the AWS profile to use for AWS S3 authentication. Command line options take precedence over profile settings'
  },
  {
    name: 'gcs.endpoint',
    type: 'string',
    def: '',
    usage: '(experimental) Set the GCS endpoint URL'
  },
  {
    name: 'gcs.storage-class',
    type: 'string',
    def: '',
    usage: '(experimental) Specify the GCS storage class for objects'
  },
  {
    name: 'gcs.predefined-acl',
    type: 'string',
    def: '',
    usage: '(experimental) Specify the GCS predefined acl for objects'
  },
  {
    name: 'gcs.credentials-file',
    type: 'string',
    def: '',
    usage: '(experimental) Set the GCS credentials file path'
  },
  {
    name: 'azblob.endpoint',
    type: 'string',
    def: '',
    usage: '(experimental) Set the Azure Blob Storage endpoint URL'
  },
  {
    name: 'azblob.account-name',
    type: 'string',
    def: '',
    usage: '(experimental) Set the Azure Blob Storage account name'
  },
  {
    name: 'azblob.account-key',
    type: 'string',
    def: '',
    usage: '(experimental) Set the Azure Blob Storage account key'
  },
  {
    name: 'azblob.access-tier',
    type: 'string',
    def: '',
    usage: '(experimental) Specify the Azure Blob Storage access tier for objects'
  }
]

/** Every Dumpling flag (hidden ones included; they parse but are not listed). */
export function dumplingFlags(now = new Date()): FlagSpec[] {
  return [
    { name: 'version', short: 'V', type: 'bool', def: 'false', usage: 'Print Dumpling version' },
    ...STORAGE_FLAGS,
    { name: 'database', short: 'B', type: 'stringSlice', def: '[]', usage: 'Databases to dump' },
    {
      name: 'tables-list',
      short: 'T',
      type: 'stringSlice',
      def: '[]',
      usage: 'Comma delimited table list to dump; must be qualified table names'
    },
    { name: 'host', short: 'h', type: 'string', def: '127.0.0.1', usage: 'The host to connect to' },
    {
      name: 'user',
      short: 'u',
      type: 'string',
      def: 'root',
      usage: 'Username with privileges to run the dump'
    },
    { name: 'port', short: 'P', type: 'int', def: '4000', usage: 'TCP/IP port to connect to' },
    { name: 'password', short: 'p', type: 'string', def: '', usage: 'User password' },
    {
      name: 'allow-cleartext-passwords',
      type: 'bool',
      def: 'false',
      usage: "Allow passwords to be sent in cleartext (warning: don't use without TLS)"
    },
    {
      name: 'threads',
      short: 't',
      type: 'int',
      def: '4',
      usage: 'Number of goroutines to use, default 4'
    },
    {
      name: 'filesize',
      short: 'F',
      type: 'string',
      def: '',
      usage: 'The approximate size of output file'
    },
    {
      name: 'statement-size',
      short: 's',
      type: 'uint64',
      def: '1000000',
      usage: 'Attempted size of INSERT statement in bytes'
    },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      def: timestampDirName(now),
      usage: 'Output directory'
    },
    {
      name: 'loglevel',
      type: 'string',
      def: 'info',
      usage: 'Log level: {debug|info|warn|error|dpanic|panic|fatal}'
    },
    {
      name: 'logfile',
      short: 'L',
      type: 'string',
      def: '',
      usage: 'Log file `path`, leave empty to write to console'
    },
    { name: 'logfmt', type: 'string', def: 'text', usage: 'Log `format`: {text|json}' },
    {
      name: 'consistency',
      type: 'string',
      def: 'auto',
      usage: 'Consistency level during dumping: {auto|none|flush|lock|snapshot}'
    },
    {
      name: 'snapshot',
      type: 'string',
      def: '',
      usage:
        'Snapshot position (uint64 or MySQL style string timestamp). Valid only when consistency=snapshot'
    },
    { name: 'no-views', short: 'W', type: 'bool', def: 'true', usage: 'Do not dump views' },
    { name: 'no-sequences', type: 'bool', def: 'true', usage: 'Do not dump sequences' },
    {
      name: 'order-by-primary-key',
      type: 'bool',
      def: 'true',
      usage: 'Sort dump results by primary key through order by sql'
    },
    {
      name: 'status-addr',
      type: 'string',
      def: ':8281',
      usage: 'dumpling API server and pprof addr'
    },
    {
      name: 'rows',
      short: 'r',
      type: 'uint64',
      def: '0',
      usage:
        'If specified, dumpling will split table into chunks and concurrently dump them to different files to improve efficiency. For TiDB v3.0+, specify this will make dumpling split table with each file one TiDB region(no matter how many rows is).\nIf not specified, dumpling will dump table without inner-concurrency which could be relatively slow. default unlimited'
    },
    { name: 'where', type: 'string', def: '', usage: 'Dump only selected records' },
    {
      name: 'escape-backslash',
      type: 'bool',
      def: 'true',
      usage: 'use backslash to escape special characters'
    },
    { name: 'filetype', type: 'string', def: '', usage: 'The type of export file (sql/csv)' },
    {
      name: 'no-header',
      type: 'bool',
      def: 'false',
      usage: 'whether not to dump CSV table header'
    },
    {
      name: 'no-schemas',
      short: 'm',
      type: 'bool',
      def: 'false',
      usage: 'Do not dump table schemas with the data'
    },
    { name: 'no-data', short: 'd', type: 'bool', def: 'false', usage: 'Do not dump table data' },
    {
      name: 'csv-null-value',
      type: 'string',
      def: '\\N',
      usage: 'The null value used when export to csv'
    },
    {
      name: 'sql',
      short: 'S',
      type: 'string',
      def: '',
      usage: "Dump data with given sql. This argument doesn't support concurrent dump",
      hidden: true
    },
    {
      name: 'filter',
      short: 'f',
      type: 'stringSlice',
      def: `[*.*,${DEFAULT_TABLE_FILTER}]`,
      usage: 'filter to select which tables to dump'
    },
    {
      name: 'case-sensitive',
      type: 'bool',
      def: 'false',
      usage: 'whether the filter should be case-sensitive'
    },
    {
      name: 'dump-empty-database',
      type: 'bool',
      def: 'true',
      usage: 'whether to dump empty database'
    },
    {
      name: 'tidb-mem-quota-query',
      type: 'uint64',
      def: '0',
      usage: 'The maximum memory limit for a single SQL statement, in bytes.'
    },
    {
      name: 'ca',
      type: 'string',
      def: '',
      usage: 'The path name to the certificate authority file for TLS connection'
    },
    {
      name: 'cert',
      type: 'string',
      def: '',
      usage: 'The path name to the client certificate file for TLS connection'
    },
    {
      name: 'key',
      type: 'string',
      def: '',
      usage: 'The path name to the client private key file for TLS connection'
    },
    {
      name: 'csv-separator',
      type: 'string',
      def: ',',
      usage: "The separator for csv files, default ','"
    },
    {
      name: 'csv-delimiter',
      type: 'string',
      def: '"',
      usage: "The delimiter for values in csv files, default '\"'"
    },
    {
      name: 'output-filename-template',
      type: 'string',
      def: '',
      usage: 'The output filename template (without file extension)'
    },
    {
      name: 'complete-insert',
      type: 'bool',
      def: 'false',
      usage: 'Use complete INSERT statements that include column names'
    },
    {
      name: 'params',
      type: 'stringToString',
      def: '[]',
      usage:
        'Extra session variables used while dumping, accepted format: --params "character_set_client=latin1,character_set_connection=latin1"'
    },
    { name: 'help', type: 'bool', def: 'false', usage: 'Print help message and quit' },
    {
      name: 'read-timeout',
      type: 'duration',
      def: '15m0s',
      usage: 'I/O read timeout for db connection.',
      hidden: true
    },
    {
      name: 'transactional-consistency',
      type: 'bool',
      def: 'true',
      usage: 'Only support transactional consistency',
      hidden: true
    },
    {
      name: 'compress',
      short: 'c',
      type: 'string',
      def: '',
      usage: "Compress output file type, support 'gzip', 'no-compression' now"
    }
  ]
}

/** `dumpling --help` / the usage pflag prints after a flag error. */
export function dumplingUsage(specs: readonly FlagSpec[]): string {
  return `Dumpling is a CLI tool that helps you dump MySQL/TiDB data\n\nUsage:\n  dumpling [flags]\n\nFlags:\n${flagUsages(specs)}`
}

/** The configuration Dumpling runs with. */
export interface DumplingConfig {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly password: string
  readonly threads: number
  readonly output: string
  readonly logLevel: string
  readonly logFile: string
  readonly consistency: string
  readonly snapshot: string
  readonly noViews: boolean
  readonly noSchemas: boolean
  readonly noData: boolean
  readonly noHeader: boolean
  readonly fileType: string
  readonly statementSize: number
  readonly where: string
  readonly databases: readonly string[]
  readonly tablesList: readonly string[]
  readonly filter: TableFilter
  readonly filterRules: readonly string[]
  readonly caseSensitive: boolean
  readonly dumpEmptyDatabase: boolean
  readonly completeInsert: boolean
  readonly csvSeparator: string
  readonly csvDelimiter: string
  readonly csvNullValue: string
  readonly compress: string
  readonly params: Readonly<Record<string, string>>
  readonly s3: S3Options
  readonly statusAddr: string
}

/** An argument error; printed as `parse arguments failed: <message>` plus a Go stack. */
export class ArgumentError extends Error {}

const str = (p: ParsedFlags, name: string): string => {
  const v = p.values.get(name)
  return Array.isArray(v) ? v.join(',') : (v ?? '')
}
const list = (p: ParsedFlags, name: string): string[] => {
  const v = p.values.get(name)
  return Array.isArray(v) ? v : v ? [v] : []
}
const bool = (p: ParsedFlags, name: string): boolean => /^(1|t|true)$/i.test(str(p, name))

/** Builds the configuration from parsed flags, failing like ParseFromFlags does. */
export function configFromFlags(p: ParsedFlags): DumplingConfig {
  const threads = Number(str(p, 'threads'))
  if (threads <= 0)
    throw new ArgumentError(`--threads is set to ${threads}. It should be greater than 0`)
  if (!str(p, 'csv-separator'))
    throw new ArgumentError('--csv-separator is set to "". It must not be an empty string')
  const tablesList = list(p, 'tables-list')
  const filterRules = list(p, 'filter')
  const caseSensitive = bool(p, 'case-sensitive')
  let filter: TableFilter
  try {
    if (tablesList.length) {
      if (
        filterRules.length !== 2 ||
        filterRules[0] !== '*.*' ||
        filterRules[1] !== DEFAULT_TABLE_FILTER
      ) {
        throw new FilterError('cannot pass --tables-list and --filter together')
      }
      const rules = tablesList.map((t) => {
        const dot = t.indexOf('.')
        if (dot < 0)
          throw new FilterError(
            `--tables-list only accepts qualified table names, but \`${t}\` lacks a dot`
          )
        return `${quoteIdent(t.slice(0, dot))}.${quoteIdent(t.slice(dot + 1))}`
      })
      filter = parseTableFilter(rules, caseSensitive)
    } else {
      filter = parseTableFilter(filterRules, caseSensitive)
    }
  } catch (e) {
    if (e instanceof FilterError) throw new ArgumentError(`failed to parse filter: ${e.message}`)
    throw e
  }
  const compress = str(p, 'compress')
  if (!['', 'no-compression', 'gzip', 'gz'].includes(compress))
    throw new ArgumentError(`unknown compress type ${compress}`)
  const params: Record<string, string> = {}
  for (const kv of list(p, 'params')) {
    const eq = kv.indexOf('=')
    params[kv.slice(0, eq)] = kv.slice(eq + 1)
  }
  const s3: S3Options = {}
  const s3map: [string, keyof S3Options][] = [
    ['s3.endpoint', 'endpoint'],
    ['s3.region', 'region'],
    ['s3.storage-class', 'storageClass'],
    ['s3.sse', 'sse'],
    ['s3.sse-kms-key-id', 'sseKmsKeyId'],
    ['s3.acl', 'acl'],
    ['s3.provider', 'provider'],
    ['s3.role-arn', 'roleArn']
  ]
  for (const [flag, field] of s3map) {
    const v = str(p, flag)
    if (v && field !== 'forcePathStyle') s3[field] = v.replace(/\/$/, '')
  }
  return {
    host: str(p, 'host'),
    port: Number(str(p, 'port')),
    user: str(p, 'user'),
    password: str(p, 'password'),
    threads,
    output: str(p, 'output'),
    logLevel: str(p, 'loglevel'),
    logFile: str(p, 'logfile'),
    consistency: str(p, 'consistency'),
    snapshot: str(p, 'snapshot'),
    noViews: bool(p, 'no-views'),
    noSchemas: bool(p, 'no-schemas'),
    noData: bool(p, 'no-data'),
    noHeader: bool(p, 'no-header'),
    fileType: str(p, 'filetype').toLowerCase(),
    statementSize: Number(str(p, 'statement-size')),
    where: str(p, 'where'),
    databases: list(p, 'database'),
    tablesList,
    filter,
    filterRules: tablesList.length ? [] : filterRules,
    caseSensitive,
    dumpEmptyDatabase: bool(p, 'dump-empty-database'),
    completeInsert: bool(p, 'complete-insert'),
    csvSeparator: str(p, 'csv-separator'),
    csvDelimiter: str(p, 'csv-delimiter'),
    csvNullValue: str(p, 'csv-null-value'),
    compress,
    params,
    s3,
    statusAddr: str(p, 'status-addr')
  }
}

export { parsePflags }
