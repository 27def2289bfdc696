// Object storage behind the S3 stand-in: bodies on disk (so big exports do not sit in memory), a sorted key index
// per bucket in memory (so prefix, delimiter and continuation-token listings are exact and fast).
import { createHash, randomUUID } from 'node:crypto'
import {
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  createReadStream,
  type ReadStream
} from 'node:fs'
import path from 'node:path'

/** What the store knows of one object. */
export interface ObjectMeta {
  readonly key: string
  readonly size: number
  /** Quoted MD5 hex, as S3 returns it (multipart: `"<md5 of md5s>-<parts>"`). */
  readonly etag: string
  readonly lastModified: Date
  readonly contentType: string
  readonly metadata: Readonly<Record<string, string>>
  readonly file: string
}

/** Listing parameters of ListObjectsV2. */
export interface ListParams {
  readonly prefix?: string
  readonly delimiter?: string
  readonly maxKeys?: number
  readonly startAfter?: string
  readonly continuationToken?: string
}

/** One page of a listing. */
export interface ListPage {
  readonly contents: ObjectMeta[]
  readonly commonPrefixes: string[]
  readonly isTruncated: boolean
  readonly nextContinuationToken: string | undefined
  readonly keyCount: number
}

function lowerBound(keys: readonly string[], target: string): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((keys[mid] as string) < target) lo = mid + 1
    else hi = mid
  }
  return lo
}

class Bucket {
  readonly keys: string[] = []
  readonly objects = new Map<string, ObjectMeta>()
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true })
  }
}

/** An S3-like store of buckets and objects. */
export class S3Store {
  private readonly buckets = new Map<string, Bucket>()
  private readonly uploads = new Map<
    string,
    { bucket: string; key: string; since: number; parts: Map<number, Buffer> }
  >()
  /** Sequence number of the last write or delete of each `bucket\0key` (conditional writes compare them). */
  private readonly changes = new Map<string, number>()
  private seq = 0

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true })
  }

  /** Creates a bucket (idempotent). */
  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, new Bucket(path.join(this.dir, name)))
  }

  hasBucket(name: string): boolean {
    return this.buckets.has(name)
  }

  /**
   * A number that changes whenever the key is written or deleted, 0 if it never was: a conditional write compares it
   * before and after its body arrives to tell a conflicting operation (S3's 409 ConditionalRequestConflict).
   */
  changeSeq(bucketName: string, key: string): number {
    return this.changes.get(`${bucketName}\0${key}`) ?? 0
  }

  private changed(bucketName: string, key: string): void {
    this.changes.set(`${bucketName}\0${key}`, ++this.seq)
  }

  bucketNames(): string[] {
    return [...this.buckets.keys()].sort()
  }

  private bucket(name: string): Bucket {
    const b = this.buckets.get(name)
    if (!b) throw new Error(`no bucket ${name}`)
    return b
  }

  /** Stores an object, replacing any previous one with the same key. */
  put(
    bucketName: string,
    key: string,
    body: Buffer,
    contentType = 'application/octet-stream',
    metadata: Record<string, string> = {},
    etag?: string
  ): ObjectMeta {
    const b = this.bucket(bucketName)
    const file = path.join(b.dir, createHash('sha1').update(key).digest('hex'))
    writeFileSync(file, body)
    const meta: ObjectMeta = {
      key,
      size: body.length,
      etag: etag ?? `"${createHash('md5').update(body).digest('hex')}"`,
      lastModified: new Date(),
      contentType,
      metadata,
      file
    }
    if (!b.objects.has(key)) b.keys.splice(lowerBound(b.keys, key), 0, key)
    b.objects.set(key, meta)
    this.changed(bucketName, key)
    return meta
  }

  head(bucketName: string, key: string): ObjectMeta | undefined {
    return this.buckets.get(bucketName)?.objects.get(key)
  }

  /** The whole body of an object. */
  read(meta: ObjectMeta): Buffer {
    return readFileSync(meta.file)
  }

  /** A stream of a byte range (inclusive end) of an object. */
  stream(meta: ObjectMeta, start = 0, end = meta.size - 1): ReadStream {
    return createReadStream(meta.file, { start, end })
  }

  /** Deletes an object; deleting a missing key succeeds, as on S3. */
  delete(bucketName: string, key: string): void {
    const b = this.buckets.get(bucketName)
    const meta = b?.objects.get(key)
    if (!b || !meta) return
    b.objects.delete(key)
    b.keys.splice(lowerBound(b.keys, key), 1)
    rmSync(meta.file, { force: true })
    this.changed(bucketName, key)
  }

  /** ListObjectsV2 semantics: lexicographic order, prefix, delimiter roll-up, max-keys, tokens, start-after. */
  list(bucketName: string, p: ListParams): ListPage {
    const b = this.bucket(bucketName)
    const prefix = p.prefix ?? ''
    const maxKeys = Math.max(0, Math.min(p.maxKeys ?? 1000, 1000))
    const after = p.continuationToken
      ? Buffer.from(p.continuationToken, 'base64url').toString('utf8')
      : (p.startAfter ?? '')
    const contents: ObjectMeta[] = []
    const commonPrefixes: string[] = []
    let i = lowerBound(b.keys, prefix > after ? prefix : after)
    // A continuation token that ends with the delimiter was a rolled-up prefix: keep skipping its keys.
    let last: string | undefined = after || undefined
    let truncated = false
    while (i < b.keys.length) {
      const key = b.keys[i] as string
      if (!key.startsWith(prefix)) break
      // Skip the start key itself and, after a rolled-up prefix, every key under it.
      if (
        key <= after ||
        (last !== undefined && p.delimiter && key.startsWith(last) && last.endsWith(p.delimiter))
      ) {
        i++
        continue
      }
      if (contents.length + commonPrefixes.length >= maxKeys) {
        truncated = true
        break
      }
      const rest = key.slice(prefix.length)
      const d = p.delimiter ? rest.indexOf(p.delimiter) : -1
      if (p.delimiter && d >= 0) {
        const cp = prefix + rest.slice(0, d + p.delimiter.length)
        commonPrefixes.push(cp)
        last = cp
        i++
        continue
      }
      contents.push(b.objects.get(key) as ObjectMeta)
      last = key
      i++
    }
    return {
      contents,
      commonPrefixes,
      isTruncated: truncated,
      nextContinuationToken:
        truncated && last !== undefined
          ? Buffer.from(last, 'utf8').toString('base64url')
          : undefined,
      keyCount: contents.length + commonPrefixes.length
    }
  }

  /** Starts a multipart upload and returns its id. */
  createUpload(bucket: string, key: string): string {
    this.bucket(bucket)
    const id = randomUUID()
    this.uploads.set(id, { bucket, key, since: this.changeSeq(bucket, key), parts: new Map() })
    return id
  }

  /** Stores one part; returns its ETag. Undefined when the upload does not exist. */
  uploadPart(id: string, partNumber: number, body: Buffer): string | undefined {
    const u = this.uploads.get(id)
    if (!u) return undefined
    u.parts.set(partNumber, body)
    return `"${createHash('md5').update(body).digest('hex')}"`
  }

  /** Joins the parts in order into the object. Undefined when the upload does not exist. */
  completeUpload(id: string, partNumbers: readonly number[]): ObjectMeta | undefined {
    const u = this.uploads.get(id)
    if (!u) return undefined
    const chosen = partNumbers.length ? partNumbers : [...u.parts.keys()].sort((a, b) => a - b)
    const bodies = chosen.map((n) => u.parts.get(n) ?? Buffer.alloc(0))
    const md5s = Buffer.concat(bodies.map((x) => createHash('md5').update(x).digest()))
    const etag = `"${createHash('md5').update(md5s).digest('hex')}-${bodies.length}"`
    this.uploads.delete(id)
    return this.put(u.bucket, u.key, Buffer.concat(bodies), undefined, {}, etag)
  }

  /** Drops a multipart upload; true when it existed. */
  abortUpload(id: string): boolean {
    return this.uploads.delete(id)
  }

  /** Where an upload goes, and the key's change number when it was initiated. */
  uploadTarget(id: string): { bucket: string; key: string; since: number } | undefined {
    const u = this.uploads.get(id)
    return u ? { bucket: u.bucket, key: u.key, since: u.since } : undefined
  }
}
