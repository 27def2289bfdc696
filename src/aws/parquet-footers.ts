// Row counts of an export from its Parquet files: AWS's export metadata carries no row counts (export-metadata.ts),
// but every Parquet file ends in a footer whose FileMetaData holds `num_rows`. hyparquet's parquetMetadataAsync reads
// just that footer through an AsyncBuffer whose `slice` is a ranged GET, so a 20 GB data file costs one request of
// a few KiB. Works on the S3 interface alone (no SDK import here).
import { parquetMetadataAsync, type AsyncBuffer } from 'hyparquet'
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

/**
 * The `num_rows` of a Parquet object, from its footer alone.
 * @throws naming the object when it is not Parquet (no `PAR1` magic) or the footer is damaged
 */
export async function parquetRowCount(
  s3: Pick<S3, 'readRange'>,
  bucket: string,
  obj: S3ObjectInfo
): Promise<number> {
  try {
    const meta = await parquetMetadataAsync(s3AsyncBuffer(s3, bucket, obj), {
      initialFetchSize: FOOTER_FETCH_BYTES
    })
    return Number(meta.num_rows)
  } catch (e) {
    // hyparquet throws plain Errors about the bytes; AWS failures and cancellations pass through as they are.
    if (e instanceof AwsApiError || !(e instanceof Error) || e.name !== 'Error') throw e
    throw new Error(`cannot read the Parquet footer of s3://${bucket}/${obj.key}: ${e.message}`, {
      cause: e
    })
  }
}

/** Options of {@link parquetRowCounts}. */
export interface RowCountOptions {
  /** Footer reads in flight. Default 16. */
  readonly concurrency?: number
  readonly signal?: AbortSignal
  /** Called after each file with how many are done. */
  readonly onProgress?: (done: number, total: number) => void
}

/** The `num_rows` of many Parquet objects, in their order, with bounded concurrency. */
export async function parquetRowCounts(
  s3: Pick<S3, 'readRange'>,
  bucket: string,
  objects: readonly S3ObjectInfo[],
  opts: RowCountOptions = {}
): Promise<number[]> {
  let done = 0
  return mapLimit(
    objects,
    opts.concurrency ?? 16,
    async (obj) => {
      const rows = await parquetRowCount(s3, bucket, obj)
      opts.onProgress?.(++done, objects.length)
      return rows
    },
    opts.signal
  )
}
