// The external storage of the tool stand-ins (BR's storage package as Dumpling and Lightning use it): a local
// directory (`/path`, `file:///path`, `local:///path`) or `s3://bucket/prefix` with the URL parameters `endpoint`,
// `region`, `force-path-style`, `access-key`, `secret-access-key`, `session-token`, `provider` (and Dumpling's
// `--s3.*` flags). S3 goes through @aws-sdk/client-s3, so AWS_* environment variables (credentials, region,
// AWS_ENDPOINT_URL_S3) work as they do for the Go SDK. Failures are worded like the Go SDK v2 errors.
import { mkdir, open, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException
} from '@aws-sdk/client-s3'
import { goQueryEscape } from './redact.js'

// The SDK warns about Node 20 on stderr; the Go tools print nothing of the kind.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true'

/** A storage error with the Go tools' wording. */
export class StorageError extends Error {}

/** S3 options from URL parameters and flags (BR's S3BackendOptions, dash-cased). */
export interface S3Options {
  endpoint?: string
  region?: string
  accessKey?: string
  secretAccessKey?: string
  sessionToken?: string
  provider?: string
  forcePathStyle?: boolean
  storageClass?: string
  sse?: string
  sseKmsKeyId?: string
  acl?: string
  roleArn?: string
}

/** A parsed storage location. */
export type StorageLocation =
  | { readonly kind: 'local'; readonly dir: string; readonly uri: string }
  | {
      readonly kind: 's3'
      readonly bucket: string
      readonly prefix: string
      readonly options: S3Options
      readonly uri: string
    }

const PARAMS: Record<string, keyof S3Options> = {
  endpoint: 'endpoint',
  region: 'region',
  'access-key': 'accessKey',
  'secret-access-key': 'secretAccessKey',
  'session-token': 'sessionToken',
  provider: 'provider',
  'storage-class': 'storageClass',
  sse: 'sse',
  'sse-kms-key-id': 'sseKmsKeyId',
  acl: 'acl',
  'role-arn': 'roleArn'
}

/** Parses a storage URL (BR's ParseBackend). Flags (`--s3.*`) fill what the URL does not set. */
export function parseStorage(raw: string, flags: S3Options = {}): StorageLocation {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?]*)([^?]*)(?:\?(.*))?$/.exec(raw)
  if (!m) {
    if (!raw) throw new StorageError('empty store is not allowed')
    return { kind: 'local', dir: path.resolve(raw), uri: `file://${path.resolve(raw)}` }
  }
  const scheme = (m[1] ?? '').toLowerCase()
  const host = m[2] ?? ''
  const pathPart = decodeURIComponent(m[3] ?? '')
  if (scheme === 'file' || scheme === 'local') {
    const dir = path.resolve(`${host}${pathPart}` || '/')
    return { kind: 'local', dir, uri: `file://${dir}` }
  }
  if (scheme !== 's3') throw new StorageError(`storage ${scheme} not support yet`)
  if (!host) throw new StorageError(`please specify the bucket for s3 in ${raw}`)
  const options: S3Options = { ...flags }
  let pathStyleGiven = false
  for (const part of (m[4] ?? '').split('&')) {
    if (!part) continue
    const eq = part.indexOf('=')
    const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq)).replace(/_/g, '-')
    const value = decodeURIComponent((eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' '))
    if (key === 'force-path-style') {
      options.forcePathStyle = value === 'true' || value === '1'
      pathStyleGiven = true
      continue
    }
    const field = PARAMS[key]
    if (field && field !== 'forcePathStyle') options[field] = value
  }
  if (!pathStyleGiven) {
    // BR keeps path style unless it targets AWS itself (virtual-hosted) or a provider that needs it off.
    const aws =
      options.provider === 'aws' ||
      (options.endpoint ?? '').includes('amazonaws.com') ||
      !!options.roleArn
    options.forcePathStyle = !(
      aws || ['alibaba', 'netease', 'tencent'].includes(options.provider ?? '')
    )
  }
  if (options.endpoint) {
    const e = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)/.exec(options.endpoint)
    if (!e) throw new StorageError('scheme not found in endpoint')
    if (!e[2]) throw new StorageError('host not found in endpoint')
  }
  if (!options.accessKey && options.secretAccessKey) {
    throw new StorageError(
      'access_key not found: [BR:ExternalStorage:ErrStorageInvalidConfig]invalid external storage config'
    )
  }
  if (options.accessKey && !options.secretAccessKey) {
    throw new StorageError(
      'secret_access_key not found: [BR:ExternalStorage:ErrStorageInvalidConfig]invalid external storage config'
    )
  }
  const prefix = pathPart.replace(/^\/+|\/+$/g, '')
  return { kind: 's3', bucket: host, prefix, options, uri: redactedUri(host, prefix, m[4]) }
}

function redactedUri(bucket: string, prefix: string, query: string | undefined): string {
  const safe = (query ?? '')
    .split('&')
    .filter((p) => p && !/^(secret-access-key|access-key|session-token)=/.test(p))
    .map((p) =>
      p
        .split('=')
        .map((s) => goQueryEscape(decodeURIComponent(s)))
        .join('=')
    )
    .join('&')
  return `s3://${bucket}/${prefix}${safe ? `?${safe}` : ''}`
}

/** A file listed by walk(). */
export interface StorageFile {
  /** Path relative to the storage root, `/`-separated. */
  readonly path: string
  readonly size: number
}

/** The operations the tools need. */
export interface ExternalStorage {
  readonly location: StorageLocation
  /** Region reported by the bucket (S3), for the "succeed to get bucket region" log line. */
  readonly region?: string
  writeFile(name: string, data: Buffer | string): Promise<void>
  readFile(name: string): Promise<Buffer>
  /** Bytes [start, end) of a file. */
  readRange(name: string, start: number, end: number): Promise<Buffer>
  fileExists(name: string): Promise<boolean>
  /** Every file under the root, sorted lexicographically (BR's WalkDir order). */
  walk(): Promise<StorageFile[]>
}

class LocalStorage implements ExternalStorage {
  constructor(readonly location: StorageLocation & { kind: 'local' }) {}

  async writeFile(name: string, data: Buffer | string): Promise<void> {
    const file = path.join(this.location.dir, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, data)
  }

  readFile(name: string): Promise<Buffer> {
    return readFile(path.join(this.location.dir, name))
  }

  async readRange(name: string, start: number, end: number): Promise<Buffer> {
    const fh = await open(path.join(this.location.dir, name), 'r')
    try {
      const buf = Buffer.alloc(Math.max(0, end - start))
      const { bytesRead } = await fh.read(buf, 0, buf.length, start)
      return buf.subarray(0, bytesRead)
    } finally {
      await fh.close()
    }
  }

  async fileExists(name: string): Promise<boolean> {
    return stat(path.join(this.location.dir, name)).then(
      () => true,
      () => false
    )
  }

  async walk(): Promise<StorageFile[]> {
    const out: StorageFile[] = []
    const visit = async (rel: string): Promise<void> => {
      const entries = await readdir(path.join(this.location.dir, rel), { withFileTypes: true })
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const child = rel ? `${rel}/${e.name}` : e.name
        if (e.isDirectory()) await visit(child)
        else if (e.isFile())
          out.push({ path: child, size: (await stat(path.join(this.location.dir, child))).size })
      }
    }
    await visit('')
    return out
  }
}

/** Go SDK v2 wording of an S3 failure (`operation error S3: GetObject, https response error …`). */
export function s3ErrorText(op: string, e: unknown): string {
  if (e instanceof S3ServiceException) {
    const status = e.$metadata.httpStatusCode ?? 0
    const id = e.$metadata.requestId ?? ''
    const hostId = e.$metadata.extendedRequestId ?? ''
    const code =
      e.name === 'NotFound' || e.name === 'Unknown'
        ? status === 404
          ? 'NotFound'
          : e.name
        : e.name
    const message = e.message && e.message !== 'UnknownError' ? e.message : code
    return `operation error S3: ${op}, https response error StatusCode: ${status}, RequestID: ${id}, HostID: ${hostId}, api error ${code}: ${message}`
  }
  const err = e as {
    name?: string
    code?: string
    message?: string
    cause?: { code?: string; address?: string; port?: number }
  }
  if (err.name === 'CredentialsProviderError') {
    return `operation error S3: ${op}, get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request canceled, context deadline exceeded`
  }
  const code = err.code ?? err.cause?.code
  if (code === 'ECONNREFUSED') {
    return `operation error S3: ${op}, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , HostID: , request send failed, dial tcp: connect: connection refused`
  }
  return `operation error S3: ${op}, ${err.message ?? String(e)}`
}

class S3Storage implements ExternalStorage {
  region?: string
  private readonly client: S3Client
  constructor(readonly location: StorageLocation & { kind: 's3' }) {
    const o = location.options
    this.client = new S3Client({
      region: o.region || 'us-east-1',
      ...(o.endpoint ? { endpoint: o.endpoint } : {}),
      forcePathStyle: o.forcePathStyle ?? true,
      ...(o.accessKey && o.secretAccessKey
        ? {
            credentials: {
              accessKeyId: o.accessKey,
              secretAccessKey: o.secretAccessKey,
              ...(o.sessionToken ? { sessionToken: o.sessionToken } : {})
            }
          }
        : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3
    })
  }

  private key(name: string): string {
    return this.location.prefix ? `${this.location.prefix}/${name}` : name
  }

  /** Finds the bucket's region like BR does (GetBucketRegion), failing as the real tool fails. */
  async open(): Promise<void> {
    const { bucket, options } = this.location
    let region: string
    try {
      const res = await this.client.send(new HeadBucketCommand({ Bucket: bucket }))
      region = res.BucketRegion || 'us-east-1'
    } catch (e) {
      const status = e instanceof S3ServiceException ? e.$metadata.httpStatusCode : undefined
      throw new StorageError(
        `failed to get region of bucket ${bucket}: ${status === 404 ? 'bucket not found' : s3ErrorText('HeadBucket', e)}`
      )
    }
    if (options.region && options.region !== region) {
      throw new StorageError(
        `s3 bucket and region are not matched, bucket=${bucket}, input region=${options.region}, real region=${region}`
      )
    }
    this.region = region
  }

  async writeFile(name: string, data: Buffer | string): Promise<void> {
    const o = this.location.options
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.location.bucket,
          Key: this.key(name),
          Body: typeof data === 'string' ? Buffer.from(data) : data,
          ...(o.storageClass ? { StorageClass: o.storageClass as 'STANDARD' } : {}),
          ...(o.sse ? { ServerSideEncryption: o.sse as 'aws:kms' } : {}),
          ...(o.sseKmsKeyId ? { SSEKMSKeyId: o.sseKmsKeyId } : {}),
          ...(o.acl ? { ACL: o.acl as 'private' } : {})
        })
      )
    } catch (e) {
      throw new StorageError(s3ErrorText('PutObject', e))
    }
  }

  async readFile(name: string): Promise<Buffer> {
    const key = this.key(name)
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: key })
      )
      return Buffer.from(
        await (res.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()
      )
    } catch (e) {
      throw new StorageError(
        `failed to read s3 file, file info: input.bucket='${this.location.bucket}', input.key='${key}': ${s3ErrorText('GetObject', e)}`
      )
    }
  }

  async readRange(name: string, start: number, end: number): Promise<Buffer> {
    const key = this.key(name)
    try {
      const res = await this.client.send(
        new GetObjectCommand({
          Bucket: this.location.bucket,
          Key: key,
          Range: `bytes=${start}-${end - 1}`
        })
      )
      return Buffer.from(
        await (res.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()
      )
    } catch (e) {
      throw new StorageError(
        `failed to read s3 file, file info: input.bucket='${this.location.bucket}', input.key='${key}': ${s3ErrorText('GetObject', e)}`
      )
    }
  }

  async fileExists(name: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.key(name) })
      )
      return true
    } catch (e) {
      if (e instanceof S3ServiceException && e.$metadata.httpStatusCode === 404) return false
      throw new StorageError(s3ErrorText('HeadObject', e))
    }
  }

  async walk(): Promise<StorageFile[]> {
    const prefix = this.location.prefix ? `${this.location.prefix}/` : ''
    const out: StorageFile[] = []
    let token: string | undefined
    do {
      let page
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.location.bucket,
            Prefix: prefix,
            ...(token ? { ContinuationToken: token } : {})
          })
        )
      } catch (e) {
        throw new StorageError(s3ErrorText('ListObjectsV2', e))
      }
      for (const o of page.Contents ?? []) {
        if (!o.Key || o.Key.endsWith('/')) continue
        out.push({ path: o.Key.slice(prefix.length), size: o.Size ?? 0 })
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return out
  }
}

/** Opens a storage location (for S3: checks the bucket and its region first, as BR does). */
export async function openStorage(location: StorageLocation): Promise<ExternalStorage> {
  if (location.kind === 'local') return new LocalStorage(location)
  const s = new S3Storage(location)
  await s.open()
  return s
}
