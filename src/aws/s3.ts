// A thin adapter over @aws-sdk/client-s3 for what the phases read and write: prefix listings (paginated), small
// JSON/text objects (export metadata, the run state), and byte ranges (how parquet-footers.ts reads row counts).
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type GetObjectCommandOutput,
  type ListObjectsV2CommandOutput
} from '@aws-sdk/client-s3'
import { callAws, type AwsCallOptions, type AwsSender } from './aws-call.js'

/** An object of a listing. */
export interface S3ObjectInfo {
  readonly key: string
  readonly size: number
}

/** The S3 calls of the migration. Every method throws AwsApiError with AWS's code and message. */
export interface S3 {
  /** Every object under `prefix` (flat, all pages), in key order. */
  list(bucket: string, prefix: string): Promise<S3ObjectInfo[]>
  /** A small object as UTF-8 text; refuses objects larger than `maxBytes` (default 16 MiB). */
  readText(bucket: string, key: string, maxBytes?: number): Promise<string>
  /** Writes a JSON document (`application/json`). */
  writeJson(bucket: string, key: string, value: unknown): Promise<void>
  /** Bytes `[start, end)` of an object. */
  readRange(bucket: string, key: string, start: number, end: number): Promise<ArrayBuffer>
  /** A small object as UTF-8 text with its ETag (for a conditional write or delete of it afterwards). */
  readTagged(bucket: string, key: string): Promise<TaggedText>
  /**
   * Writes a JSON document only if the condition holds (S3 conditional writes): `{ ifNoneMatch: '*' }` only if the
   * key does not exist, `{ ifMatch: etag }` only if the object still has that ETag. A failed condition is AWS's
   * PreconditionFailed (412), a concurrent conditional write ConditionalRequestConflict (409).
   * @returns the new object's ETag
   */
  writeJsonIf(bucket: string, key: string, value: unknown, cond: WriteCondition): Promise<string>
  /** Deletes an object, only if it still has `ifMatch` as its ETag when given (412 PreconditionFailed if not). */
  remove(bucket: string, key: string, ifMatch?: string): Promise<void>
}

/** An object's text and ETag. */
export interface TaggedText {
  readonly text: string
  readonly etag: string
}

/** The precondition of a conditional write. */
export type WriteCondition = { readonly ifNoneMatch: '*' } | { readonly ifMatch: string }

const DEFAULT_MAX_TEXT = 16 * 1024 * 1024

async function bodyBytes(out: GetObjectCommandOutput): Promise<Uint8Array> {
  const body = out.Body as { transformToByteArray?: () => Promise<Uint8Array> } | undefined
  if (!body?.transformToByteArray) return new Uint8Array(0)
  return body.transformToByteArray()
}

/**
 * The S3 adapter over a client (clients.ts `createAwsClients(...).s3`, or a fake with `send`).
 * @param client the SDK client
 * @param opts retry bounds, clock, cancellation, and where retry lines go
 */
export function createS3(client: AwsSender, opts: AwsCallOptions = {}): S3 {
  const call = <T>(operation: string, command: object): Promise<T> =>
    callAws(operation, () => client.send(command) as Promise<T>, opts)
  return {
    async list(bucket, prefix) {
      const out: S3ObjectInfo[] = []
      let token: string | undefined
      do {
        const page: ListObjectsV2CommandOutput = await call(
          'ListObjectsV2',
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix,
            ...(token ? { ContinuationToken: token } : {})
          })
        )
        for (const o of page.Contents ?? []) {
          if (o.Key !== undefined) out.push({ key: o.Key, size: o.Size ?? 0 })
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      return out
    },

    async readText(bucket, key, maxBytes = DEFAULT_MAX_TEXT) {
      const out = await call<GetObjectCommandOutput>(
        'GetObject',
        new GetObjectCommand({ Bucket: bucket, Key: key })
      )
      if ((out.ContentLength ?? 0) > maxBytes) {
        // Not read: the body is released by destroying the stream rather than downloading it.
        ;(out.Body as { destroy?: () => void } | undefined)?.destroy?.()
        throw new Error(
          `s3://${bucket}/${key} is ${out.ContentLength} bytes, more than the ${maxBytes} expected`
        )
      }
      return new TextDecoder().decode(await bodyBytes(out))
    },

    async writeJson(bucket, key, value) {
      await call(
        'PutObject',
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: `${JSON.stringify(value, null, 2)}\n`,
          ContentType: 'application/json'
        })
      )
    },

    async readTagged(bucket, key) {
      const out = await call<GetObjectCommandOutput>(
        'GetObject',
        new GetObjectCommand({ Bucket: bucket, Key: key })
      )
      return { text: new TextDecoder().decode(await bodyBytes(out)), etag: out.ETag ?? '' }
    },

    async writeJsonIf(bucket, key, value, cond) {
      const out = await call<{ ETag?: string }>(
        'PutObject',
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: `${JSON.stringify(value, null, 2)}\n`,
          ContentType: 'application/json',
          ...('ifNoneMatch' in cond ? { IfNoneMatch: cond.ifNoneMatch } : { IfMatch: cond.ifMatch })
        })
      )
      return out.ETag ?? ''
    },

    async remove(bucket, key, ifMatch) {
      await call(
        'DeleteObject',
        new DeleteObjectCommand({
          Bucket: bucket,
          Key: key,
          ...(ifMatch === undefined ? {} : { IfMatch: ifMatch })
        })
      )
    },

    async readRange(bucket, key, start, end) {
      const out = await call<GetObjectCommandOutput>(
        'GetObject',
        new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` })
      )
      let bytes = await bodyBytes(out)
      // A store that ignores Range sends the whole object: keep the part asked for.
      if (bytes.byteLength > end - start && out.ContentRange === undefined)
        bytes = bytes.subarray(start, end)
      return bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength
      ) as ArrayBuffer
    }
  }
}

/** Reads a JSON object; the parse error names the object. */
export async function readJson(s3: S3, bucket: string, key: string): Promise<unknown> {
  const text = await s3.readText(bucket, key)
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    throw new Error(`s3://${bucket}/${key} is not JSON: ${(e as Error).message}`, { cause: e })
  }
}

/** A link to an S3 location: the S3 console on Amazon S3, the `s3://` URI on other stores. */
export function s3Link(amazonS3: boolean, region: string, bucket: string, prefix: string): string {
  const folder = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`
  if (!amazonS3) return `s3://${bucket}/${folder}`
  const query = new URLSearchParams({ region, prefix: folder })
  return `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(bucket)}?${query.toString()}`
}
