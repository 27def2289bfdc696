// Row counts (and the calendar of the dates) of an export from its Parquet files: AWS's export metadata carries no row counts (export-metadata.ts),
// but every Parquet file ends in a footer whose FileMetaData holds `num_rows`. hyparquet's parquetMetadataAsync reads
// just that footer through an AsyncBuffer whose `slice` is a ranged GET, so a 20 GB data file costs one request of
// a few KiB. Works on the S3 interface alone (no SDK import here).
import { parquetMetadataAsync, type AsyncBuffer, type FileMetaData } from 'hyparquet'
import { mapLimit } from '../util/concurrency.js'
import { AwsApiError } from './aws-call.js'
import type { S3, S3ObjectInfo } from './s3.js'

/**
 * Footers are a few KiB even for wide tables; one 64 KiB read from the end usually holds the whole footer, and
 * hyparquet asks for the rest itself when it does not.
 */
const FOOTER_FETCH_BYTES = 64 * 1024

/** An AsyncBuffer over one S3 object whose slices are ranged GETs. */
export function s3AsyncBuffer(
  s3: Pick<S3, 'readRange'>,
  bucket: string,
  obj: S3ObjectInfo
): AsyncBuffer {
  return {
    byteLength: obj.size,
    slice: (start, end) => s3.readRange(bucket, obj.key, start, end ?? obj.size)
  }
}

/** What a Parquet footer says that the import depends on. */
export interface ParquetFooterFacts {
  /** `num_rows`. */
  readonly rows: number
  /**
   * The footer's key-value metadata marks Spark's legacy hybrid Julian/Gregorian calendar
   * (`org.apache.spark.legacyDateTime` or `org.apache.spark.legacyINT96`, apache/spark SPARK-31159/SPARK-33160):
   * its DATE and TIMESTAMP values before 1582-10-15 are rebased, which Lightning v8.5 does not undo
   * (pingcap/tidb#67849: 0001-01-01 arrives as 0000-12-30).
   */
  readonly legacyCalendar: boolean
  /** Columns holding dates or timestamps (DATE, TIMESTAMP_*, INT96), by name. */
  readonly dateTimeColumns: readonly string[]
}

/** Spark's footer keys of the legacy calendar (SPARK-31159 legacyDateTime, SPARK-33160 legacyINT96). */
const LEGACY_CALENDAR_KEYS = new Set([
  'org.apache.spark.legacyDateTime',
  'org.apache.spark.legacyINT96'
])

/** The facts of a parsed footer. Pure. */
export function footerFacts(
  meta: Pick<FileMetaData, 'num_rows' | 'schema' | 'key_value_metadata'>
): ParquetFooterFacts {
  const dated = meta.schema.filter(
    (e) =>
      e.type === 'INT96' ||
      e.logical_type?.type === 'DATE' ||
      e.logical_type?.type === 'TIMESTAMP' ||
      e.converted_type === 'DATE' ||
      e.converted_type === 'TIMESTAMP_MILLIS' ||
      e.converted_type === 'TIMESTAMP_MICROS'
  )
  return {
    rows: Number(meta.num_rows),
    legacyCalendar: (meta.key_value_metadata ?? []).some((kv) => LEGACY_CALENDAR_KEYS.has(kv.key)),
    dateTimeColumns: dated.map((e) => e.name)
  }
}

/**
 * The footer facts of a Parquet object, from its footer alone.
 * @throws naming the object when it is not Parquet (no `PAR1` magic) or the footer is damaged
 */
export async function parquetFooter(
  s3: Pick<S3, 'readRange'>,
  bucket: string,
  obj: S3ObjectInfo
): Promise<ParquetFooterFacts> {
  try {
    const meta = await parquetMetadataAsync(s3AsyncBuffer(s3, bucket, obj), {
      initialFetchSize: FOOTER_FETCH_BYTES
    })
    return footerFacts(meta)
  } catch (e) {
    // hyparquet throws plain Errors about the bytes; AWS failures and cancellations pass through as they are.
    if (e instanceof AwsApiError || !(e instanceof Error) || e.name !== 'Error') throw e
    throw new Error(`cannot read the Parquet footer of s3://${bucket}/${obj.key}: ${e.message}`, {
      cause: e
    })
  }
}

/**
 * The `num_rows` of a Parquet object, from its footer alone.
 * @throws naming the object when it is not Parquet (no `PAR1` magic) or the footer is damaged
 */
export async function parquetRowCount(
  s3: Pick<S3, 'readRange'>,
  bucket: string,
  obj: S3ObjectInfo
): Promise<number> {
  return (await parquetFooter(s3, bucket, obj)).rows
}

/** Options of {@link parquetRowCounts}. */
export interface RowCountOptions {
  /** Footer reads in flight. Default 16. */
  readonly concurrency?: number
  readonly signal?: AbortSignal
  /** Called after each file with how many are done. */
  readonly onProgress?: (done: number, total: number) => void
}

/** The footer facts of many Parquet objects, in their order, with bounded concurrency. */
export async function parquetFooters(
  s3: Pick<S3, 'readRange'>,
  bucket: string,
  objects: readonly S3ObjectInfo[],
  opts: RowCountOptions = {}
): Promise<ParquetFooterFacts[]> {
  let done = 0
  return mapLimit(
    objects,
    opts.concurrency ?? 16,
    async (obj) => {
      const facts = await parquetFooter(s3, bucket, obj)
      opts.onProgress?.(++done, objects.length)
      return facts
    },
    opts.signal
  )
}

/** The `num_rows` of many Parquet objects, in their order, with bounded concurrency. */
export async function parquetRowCounts(
  s3: Pick<S3, 'readRange'>,
  bucket: string,
  objects: readonly S3ObjectInfo[],
  opts: RowCountOptions = {}
): Promise<number[]> {
  return (await parquetFooters(s3, bucket, objects, opts)).map((f) => f.rows)
}

/**
 * The warning for a table whose export files use Spark's legacy calendar and hold dates or timestamps, or undefined.
 * @param table `db.table` as people read it
 */
export function legacyCalendarWarning(
  table: string,
  footers: readonly ParquetFooterFacts[]
): string | undefined {
  const legacy = footers.filter((f) => f.legacyCalendar)
  const columns = [...new Set(legacy.flatMap((f) => f.dateTimeColumns))].sort()
  if (columns.length === 0) return undefined
  return (
    `${table}: the export wrote ${columns.map((c) => `\`${c}\``).join(', ')} with Spark's legacy hybrid calendar ` +
    '(org.apache.spark.legacyDateTime in the Parquet footer); TiDB Lightning v8.5 does not rebase such values, so a ' +
    'DATE or DATETIME before 1582-10-15 arrives some days off (pingcap/tidb#67849). Check those values on the ' +
    "target, e.g. SELECT … WHERE col < '1582-10-15'."
  )
}
