// Shared helpers of the tiup/dumpling/lightning tests: running the compiled stand-ins as processes, private
// servers, the real-outputs folder, and Aurora-style Parquet files (AWS's "MySQL data type mapping to Parquet" table,
// Aurora User Guide, "Considerations for DB cluster snapshot exports").
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { parquetWriteBuffer } from 'hyparquet-writer'
import type { SchemaElement } from 'hyparquet'
import { repoRoot } from '../../../sandbox/lib/paths.js'
import { startS3Server, type RunningS3 } from '../../../sandbox/aws/s3-server.js'

/** The result of a finished process. */
export interface RunResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a compiled sandbox module (`tiup/dumpling.js`, …) or an executable; resolves when it exits. */
export function run(
  command: string,
  args: readonly string[],
  opts: {
    env?: NodeJS.ProcessEnv
    cwd?: string
    onSpawn?: (pid: number) => void
    /** Called with everything printed on stdout so far, after each chunk. */
    onStdout?: (stdout: string) => void
  } = {}
): Promise<RunResult> {
  const isModule = command.endsWith('.js')
  const file = isModule ? process.execPath : command
  const argv = isModule ? [path.join(repoRoot(), '.build', 'sandbox', command), ...args] : [...args]
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      env: { ...process.env, SANDBOX_FAULTS: '', SANDBOX_TIMINGS: '', ...opts.env },
      cwd: opts.cwd ?? process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      opts.onStdout?.(stdout)
    })
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.once('error', reject)
    if (child.pid !== undefined) opts.onSpawn?.(child.pid)
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** A private S3 stand-in with the bucket `my-bucket`, and the AWS environment that points the tools at it. */
export async function startTestS3(
  dir: string
): Promise<{ s3: RunningS3; awsEnv: NodeJS.ProcessEnv }> {
  const s3 = await startS3Server({
    dir: path.join(dir, 's3'),
    buckets: ['my-bucket'],
    accessKeyId: 'AKIASANDBOX',
    logDir: dir,
    env: {}
  })
  const awsEnv = {
    AWS_ACCESS_KEY_ID: 'AKIASANDBOX',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_S3: s3.url
  }
  return { s3, awsEnv }
}

/** Dumpling's connection flags for a source on 127.0.0.1. */
export function dumplingConn(port: number, user = 'root', password = 'src-pw'): string[] {
  return ['--host', '127.0.0.1', '--port', String(port), '--user', user, '--password', password]
}

/**
 * The rest of the step 1.1 command of PingCAP's documented procedure: the schema only, to s3://my-bucket/schema-backup.
 */
export const DOCUMENTED_SCHEMA_DUMP = [
  '--filter',
  'my_db1.table[12],mydb.*',
  '--consistency',
  'none',
  '--no-data',
  '--output',
  's3://my-bucket/schema-backup'
]

/** The shared real-outputs folder (`../shared/real-outputs`), or undefined when absent. */
export const REAL_OUTPUTS = ((): string | undefined => {
  const dir = path.resolve(repoRoot(), '../shared/real-outputs')
  return existsSync(dir) ? dir : undefined
})()

/** Reads a real-outputs sample. Only call when REAL_OUTPUTS is defined. */
export function realOutput(name: string): string {
  return readFileSync(path.join(REAL_OUTPUTS ?? '', name), 'utf8')
}

/** `test` when the real-outputs folder exists, else a skipped test that says why. */
export const withRealOutputs: typeof test = REAL_OUTPUTS
  ? test
  : (((name: string, ...rest: unknown[]) =>
      test.skip(`${name} (../shared/real-outputs is absent)`, ...(rest as []))) as typeof test)

/** The pingcap log line without its timestamp (`[INFO] [file.go:1] [msg] …`), for comparing with samples. */
export function stripTime(line: string): string {
  return line.replace(/^\[\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2}\] /, '')
}

/** Log lines (pingcap format) with the given message. */
export function logLines(log: string, message: string): string[] {
  const quoted = /[\s\\"[\]=]/.test(message) ? `"${message}"` : message
  return log.split('\n').filter((l) => l.includes(`] [${quoted}]`))
}

/** A MariaDB column as information_schema describes it. */
export interface SourceColumn {
  readonly name: string
  readonly dataType: string
  readonly columnType: string
  readonly precision: number
  readonly scale: number
}

const gzip = { GZIP: (b: Uint8Array): Uint8Array => new Uint8Array(zlib.gzipSync(b)) }

/** A DECIMAL's text as its unscaled integer (hyparquet-writer takes DECIMAL data as unscaled bigints). */
function unscaled(text: string, scale: number): bigint {
  const neg = text.startsWith('-')
  const [i = '0', f = ''] = text.replace(/^[+-]/, '').split('.')
  const v = BigInt(i + f.padEnd(scale, '0').slice(0, scale))
  return neg ? -v : v
}

/**
 * Writes rows of a MariaDB table as Aurora's snapshot export does (AWS's mapping table): BIGINT → INT64, INT family →
 * INT32, unsigned INT → INT64, BIGINT UNSIGNED → FIXED_LEN_BYTE_ARRAY(9) DECIMAL(20,0), DECIMAL → INT32/INT64/
 * FIXED_LEN_BYTE_ARRAY by precision, FLOAT/DOUBLE → DOUBLE, CHAR and binary types → BYTE_ARRAY without
 * annotation, other strings/DATE/TIME/JSON → BYTE_ARRAY STRING, DATETIME/TIMESTAMP → INT64 TIMESTAMP_MICROS
 * (adjusted to UTC, the wall time read as UTC), YEAR → INT32; gzip-compressed pages.
 * `rows` hold MariaDB text values (strings) or Buffers for binary columns, null for NULL.
 */
export function auroraParquet(
  columns: readonly SourceColumn[],
  rows: readonly (readonly (string | Buffer | null)[])[]
): Buffer {
  const schema: SchemaElement[] = [{ name: 'spark_schema', num_children: columns.length }]
  const data: unknown[][] = columns.map(() => [])
  columns.forEach((c, ci) => {
    const unsigned = c.columnType.includes('unsigned')
    const values = rows.map((r) => r[ci] ?? null)
    const push = (el: Omit<SchemaElement, 'name'>, conv: (v: string | Buffer) => unknown): void => {
      schema.push({ name: c.name, repetition_type: 'OPTIONAL', ...el })
      data[ci] = values.map((v) => (v === null ? null : conv(v)))
    }
    const text = (v: string | Buffer): string => v.toString()
    switch (c.dataType) {
      case 'bigint':
        if (unsigned)
          push(
            {
              type: 'FIXED_LEN_BYTE_ARRAY',
              type_length: 9,
              converted_type: 'DECIMAL',
              precision: 20,
              scale: 0,
              logical_type: { type: 'DECIMAL', precision: 20, scale: 0 }
            },
            (v) => BigInt(text(v))
          )
        else push({ type: 'INT64' }, (v) => BigInt(text(v)))
        break
      case 'int':
      case 'mediumint':
        if (unsigned) push({ type: 'INT64' }, (v) => BigInt(text(v)))
        else push({ type: 'INT32' }, (v) => Number(text(v)))
        break
      case 'smallint':
      case 'year':
        push({ type: 'INT32' }, (v) => Number(text(v)))
        break
      case 'tinyint':
        push(
          unsigned
            ? { type: 'INT32', logical_type: { type: 'INTEGER', bitWidth: 16, isSigned: true } }
            : { type: 'INT32' },
          (v) => Number(text(v))
        )
        break
      case 'decimal': {
        const dec = {
          converted_type: 'DECIMAL' as const,
          precision: c.precision,
          scale: c.scale,
          logical_type: { type: 'DECIMAL' as const, precision: c.precision, scale: c.scale }
        }
        if (c.precision <= 9) push({ type: 'INT32', ...dec }, (v) => unscaled(text(v), c.scale))
        else if (c.precision <= 18)
          push({ type: 'INT64', ...dec }, (v) => unscaled(text(v), c.scale))
        else
          push({ type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, ...dec }, (v) =>
            unscaled(text(v), c.scale)
          )
        break
      }
      case 'float':
      case 'double':
        push({ type: 'DOUBLE' }, (v) => Number(text(v)))
        break
      case 'datetime':
      case 'timestamp':
        push(
          {
            type: 'INT64',
            converted_type: 'TIMESTAMP_MICROS',
            logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' }
          },
          (v) => {
            const [d = '', t = '00:00:00'] = text(v).split(' ')
            const [hms = '', frac = ''] = t.split('.')
            return (
              BigInt(Date.parse(`${d}T${hms}Z`)) * 1000n +
              BigInt(frac.padEnd(6, '0').slice(0, 6) || '0')
            )
          }
        )
        break
      case 'char':
      case 'binary':
      case 'varbinary':
      case 'tinyblob':
      case 'blob':
      case 'mediumblob':
      case 'longblob':
      case 'bit':
        push(
          { type: 'BYTE_ARRAY' },
          (v) => new Uint8Array(typeof v === 'string' ? Buffer.from(v) : v)
        )
        break
      default:
        push(
          { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
          (v) => text(v)
        )
    }
  })
  const buf = parquetWriteBuffer({
    schema,
    codec: 'GZIP',
    compressors: gzip,
    columnData: columns.map((c, i) => ({ name: c.name, data: data[i] as never }))
  })
  return Buffer.from(buf)
}
