// An S3 that lives in memory and answers the SDK commands the adapter sends (s3.ts): ListObjectsV2 with
// continuation tokens, GetObject with Range, PutObject. Counts requests, bytes served and reads in flight.
import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand
} from '@aws-sdk/client-s3'

/** The in-memory S3. */
export class FakeS3 {
  readonly objects = new Map<string, Uint8Array>()
  readonly calls: string[] = []
  bytesServed = 0
  inFlight = 0
  maxInFlight = 0
  /** Keys per ListObjectsV2 page. */
  pageSize = 1000
  /** Behave like a store that ignores Range headers. */
  ignoreRange = false

  put(bucket: string, key: string, body: Uint8Array | string): void {
    this.objects.set(
      `${bucket}/${key}`,
      typeof body === 'string' ? new TextEncoder().encode(body) : body
    )
  }

  async send(command: object): Promise<unknown> {
    this.calls.push(command.constructor.name.replace(/Command$/, ''))
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      await new Promise((resolve) => setImmediate(resolve))
      return this.answer(command)
    } finally {
      this.inFlight--
    }
  }

  private answer(command: object): unknown {
    if (command instanceof ListObjectsV2Command) {
      const { Bucket, Prefix = '', ContinuationToken } = command.input
      const keys = [...this.objects.keys()]
        .filter((k) => k.startsWith(`${Bucket}/${Prefix}`))
        .map((k) => k.slice(`${Bucket}/`.length))
        .sort()
      const start = ContinuationToken ? Number(ContinuationToken) : 0
      const page = keys.slice(start, start + this.pageSize)
      const more = start + this.pageSize < keys.length
      return {
        Contents: page.map((k) => ({
          Key: k,
          Size: this.objects.get(`${Bucket}/${k}`)?.byteLength
        })),
        IsTruncated: more,
        ...(more ? { NextContinuationToken: String(start + this.pageSize) } : {})
      }
    }
    if (command instanceof GetObjectCommand) {
      const { Bucket, Key, Range } = command.input
      const body = this.objects.get(`${Bucket}/${Key}`)
      if (!body)
        throw new NoSuchKey({
          message: 'The specified key does not exist.',
          $metadata: { httpStatusCode: 404 }
        })
      const m = /^bytes=(\d+)-(\d+)$/.exec(Range ?? '')
      const part = m && !this.ignoreRange ? body.subarray(Number(m[1]), Number(m[2]) + 1) : body
      this.bytesServed += part.byteLength
      return {
        ContentLength: part.byteLength,
        ...(m && !this.ignoreRange
          ? { ContentRange: `bytes ${m[1]}-${m[2]}/${body.byteLength}` }
          : {}),
        Body: { transformToByteArray: () => Promise.resolve(part) }
      }
    }
    if (command instanceof PutObjectCommand) {
      const { Bucket, Key, Body } = command.input
      this.put(Bucket ?? '', Key ?? '', typeof Body === 'string' ? Body : '')
      return {}
    }
    throw new Error(`FakeS3: no answer for ${command.constructor.name}`)
  }
}
