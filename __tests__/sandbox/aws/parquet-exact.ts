// Reads Parquet files exactly (hyparquet's own conversions hide them): timestamps as raw microseconds, DECIMALs
// as unscaled bigints (by hiding their annotation from hyparquet), BYTE_ARRAY without STRING annotation as bytes.
import { gunzipSync } from 'node:zlib'
import { parquetMetadata, parquetReadObjects, type SchemaElement } from 'hyparquet'
import { ListObjectsV2Command, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'

/** A decoded file: its schema elements (without the root) and its rows. */
export interface ExactParquet {
  readonly columns: SchemaElement[]
  readonly codecs: string[]
  readonly rows: Record<string, unknown>[]
}

/** Big-endian two's complement bytes → bigint (FIXED_LEN_BYTE_ARRAY decimals). */
export function signedBigEndian(bytes: Uint8Array): bigint {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  const bits = BigInt(bytes.length * 8)
  return bytes.length && (bytes[0] ?? 0) & 0x80 ? v - (1n << bits) : v
}

/** Reads one Parquet file exactly. */
export async function readExact(data: Uint8Array): Promise<ExactParquet> {
  const file = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer
  const metadata = parquetMetadata(file)
  const columns = metadata.schema.slice(1)
  const decimals = new Set(columns.filter((c) => c.converted_type === 'DECIMAL').map((c) => c.name))
  const plain = {
    ...metadata,
    schema: metadata.schema.map((e) => {
      if (!decimals.has(e.name)) return e
      const { converted_type: _c, logical_type: _l, ...rest } = e
      return rest
    })
  }
  const rows = await parquetReadObjects({
    file,
    metadata: plain,
    utf8: false,
    compressors: { GZIP: (input) => new Uint8Array(gunzipSync(input)) },
    parsers: { timestampFromMicroseconds: (us: bigint) => us }
  })
  for (const row of rows) {
    for (const name of decimals) {
      const v: unknown = row[name]
      if (v instanceof Uint8Array) row[name] = signedBigEndian(v)
      else if (typeof v === 'number') row[name] = BigInt(v)
    }
  }
  const codecs = metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec ?? ''))
  return { columns, codecs, rows }
}

/** Every key under a prefix, through the S3 API. */
export async function listKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token })
    )
    keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ''))
    token = page.NextContinuationToken
  } while (token)
  return keys
}

/** One object's bytes, through the S3 API. */
export async function getBytes(s3: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  return (await got.Body?.transformToByteArray()) ?? new Uint8Array()
}

/** The rows of every Parquet file under a table folder, files in key order. */
export async function readTable(
  s3: S3Client,
  bucket: string,
  folder: string
): Promise<{ files: string[]; parts: ExactParquet[]; rows: Record<string, unknown>[] }> {
  const files = (await listKeys(s3, bucket, folder)).filter((k) => k.endsWith('.parquet'))
  const parts: ExactParquet[] = []
  for (const f of files) parts.push(await readExact(await getBytes(s3, bucket, f)))
  return { files, parts, rows: parts.flatMap((p) => p.rows) }
}
