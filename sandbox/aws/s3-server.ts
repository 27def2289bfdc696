// The S3 stand-in: the REST API subset that @aws-sdk/client-s3 and the tool stand-ins use, path-style, with S3's
// XML shapes and error codes. s3rver 3.7.1 is measured broken for paginated and delimited listings
// (shared/reference/local-building-blocks.md §2), hence this small server.
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { S3Store, type ObjectMeta } from './s3-store.js'
import { RequestLog } from '../lib/request-log.js'
import { fault } from '../lib/faults.js'
import { listen, type RunningServer } from '../lib/http-server.js'

/** Options of the S3 stand-in. */
export interface S3ServerOptions {
  /** Where object bodies are kept. */
  readonly dir: string
  /** Buckets that exist from the start. */
  readonly buckets: readonly string[]
  /** Only this access key id is accepted (InvalidAccessKeyId otherwise); undefined accepts any signed request. */
  readonly accessKeyId?: string
  /** Region GetBucketLocation reports (us-east-1 reports an empty LocationConstraint, as on AWS). */
  readonly region?: string
  readonly port?: number
  /** Sandbox directory for the request log; undefined keeps it in memory. */
  readonly logDir?: string
  /** Environment to read faults from (defaults to process.env). */
  readonly env?: NodeJS.ProcessEnv
}

export type { RunningServer }

/** A running S3 stand-in, with direct access to its store for tests and the export writer. */
export interface RunningS3 extends RunningServer {
  readonly store: S3Store
}

const MESSAGES: Record<string, string> = {
  NoSuchKey: 'The specified key does not exist.',
  NoSuchBucket: 'The specified bucket does not exist',
  NoSuchUpload:
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  AccessDenied: 'Access Denied',
  InvalidAccessKeyId: 'The AWS Access Key Id you provided does not exist in our records.',
  InvalidRange: 'The requested range is not satisfiable',
  BucketAlreadyOwnedByYou:
    'Your previous request to create the named bucket succeeded and you already own it.',
  MethodNotAllowed: 'The specified method is not allowed against this resource.',
  MalformedXML:
    'The XML you provided was not well-formed or did not validate against our published schema'
}

const STATUS: Record<string, number> = {
  NoSuchKey: 404,
  NoSuchBucket: 404,
  NoSuchUpload: 404,
  AccessDenied: 403,
  InvalidAccessKeyId: 403,
  InvalidRange: 416,
  BucketAlreadyOwnedByYou: 409,
  MethodNotAllowed: 405,
  MalformedXML: 400
}

/** Escapes text for an XML element. */
export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly resource = ''
  ) {
    super(code)
  }
}

/** Decodes an `aws-chunked` body (`<hex>[;chunk-signature=…]\r\n<data>\r\n…0\r\n<trailers>`). */
export function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = []
  let pos = 0
  while (pos < raw.length) {
    const eol = raw.indexOf('\r\n', pos)
    if (eol < 0) break
    const size = parseInt(raw.subarray(pos, eol).toString('latin1').split(';')[0] ?? '', 16)
    if (!Number.isFinite(size) || size === 0) break
    parts.push(raw.subarray(eol + 2, eol + 2 + size))
    pos = eol + 2 + size + 2
  }
  return Buffer.concat(parts)
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  const raw = Buffer.concat(chunks)
  const chunked =
    String(req.headers['content-encoding'] ?? '').includes('aws-chunked') ||
    String(req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-')
  return chunked ? decodeAwsChunked(raw) : raw
}

function accessKeyOf(req: http.IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization ?? ''
  const m =
    /Credential=([^/,\s]+)\//.exec(auth) ??
    /^([^/]+)\//.exec(url.searchParams.get('X-Amz-Credential') ?? '')
  return m?.[1]
}

function deniedPrefix(
  env: NodeJS.ProcessEnv | undefined
): { bucket?: string; prefix: string } | undefined {
  const v = fault('s3-access-denied', env)
  if (v === undefined) return undefined
  const s = v.replace(/^s3:\/\//, '')
  const slash = s.indexOf('/')
  return slash < 0
    ? { bucket: s, prefix: '' }
    : { bucket: s.slice(0, slash), prefix: s.slice(slash + 1) }
}

function objectHeaders(meta: ObjectMeta): Record<string, string> {
  const h: Record<string, string> = {
    'content-type': meta.contentType,
    etag: meta.etag,
    'last-modified': meta.lastModified.toUTCString(),
    'accept-ranges': 'bytes'
  }
  for (const [k, v] of Object.entries(meta.metadata)) h[`x-amz-meta-${k}`] = v
  return h
}

function listXml(bucket: string, q: URLSearchParams, store: S3Store): string {
  const prefix = q.get('prefix') ?? ''
  const delimiter = q.get('delimiter') ?? undefined
  const maxKeys = q.has('max-keys') ? Number(q.get('max-keys')) : 1000
  const token = q.get('continuation-token') ?? undefined
  const startAfter = q.get('start-after') ?? undefined
  const page = store.list(bucket, {
    prefix,
    maxKeys,
    ...(delimiter ? { delimiter } : {}),
    ...(token ? { continuationToken: token } : {}),
    ...(startAfter ? { startAfter } : {})
  })
  const contents = page.contents
    .map(
      (o) =>
        `<Contents><Key>${xmlEscape(o.key)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified>` +
        `<ETag>${xmlEscape(o.etag)}</ETag><Size>${o.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`
    )
    .join('')
  const prefixes = page.commonPrefixes
    .map((p) => `<CommonPrefixes><Prefix>${xmlEscape(p)}</Prefix></CommonPrefixes>`)
    .join('')
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
    `<Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.keyCount}</KeyCount>` +
    `<MaxKeys>${maxKeys}</MaxKeys>${delimiter ? `<Delimiter>${xmlEscape(delimiter)}</Delimiter>` : ''}` +
    `<IsTruncated>${page.isTruncated}</IsTruncated>` +
    (token ? `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>` : '') +
    (page.nextContinuationToken
      ? `<NextContinuationToken>${page.nextContinuationToken}</NextContinuationToken>`
      : '') +
    (startAfter ? `<StartAfter>${xmlEscape(startAfter)}</StartAfter>` : '') +
    `${contents}${prefixes}</ListBucketResult>`
  )
}

/** Starts the S3 stand-in on 127.0.0.1. */
export async function startS3Server(opts: S3ServerOptions): Promise<RunningS3> {
  const store = new S3Store(opts.dir)
  for (const b of opts.buckets) store.createBucket(b)
  const log = new RequestLog('s3', opts.logDir)

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<string> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const q = url.searchParams
    const method = req.method ?? 'GET'
    const pathname = url.pathname.replace(/^\//, '')
    const slash = pathname.indexOf('/')
    const bucket = decodeURIComponent(slash < 0 ? pathname : pathname.slice(0, slash))
    const key = slash < 0 ? '' : decodeURIComponent(pathname.slice(slash + 1))
    const resource = `/${bucket}${key ? `/${key}` : ''}`

    const akid = accessKeyOf(req, url)
    if (!akid) throw new S3Error('AccessDenied', resource)
    if (opts.accessKeyId && akid !== opts.accessKeyId)
      throw new S3Error('InvalidAccessKeyId', resource)

    const xml = (status: number, body: string, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/xml', ...headers })
      res.end(body)
    }
    if (!bucket) {
      const list = store
        .bucketNames()
        .map(
          (b) =>
            `<Bucket><Name>${xmlEscape(b)}</Name><CreationDate>${new Date(0).toISOString()}</CreationDate></Bucket>`
        )
      xml(
        200,
        `<ListAllMyBucketsResult><Buckets>${list.join('')}</Buckets></ListAllMyBucketsResult>`
      )
      return 'ListBuckets'
    }
    if (!key && method === 'PUT') {
      store.createBucket(bucket)
      res.writeHead(200, { location: `/${bucket}` }).end()
      return 'CreateBucket'
    }
    if (!store.hasBucket(bucket)) throw new S3Error('NoSuchBucket', resource)
    const denied = deniedPrefix(opts.env)
    const listPrefix = q.get('prefix') ?? ''
    if (denied && denied.bucket === bucket && (key || listPrefix || '').startsWith(denied.prefix)) {
      throw new S3Error('AccessDenied', resource)
    }

    if (!key) {
      if (method === 'HEAD') {
        res.writeHead(200, { 'x-amz-bucket-region': opts.region ?? 'us-east-1' }).end()
        return 'HeadBucket'
      }
      if (method === 'GET' && q.has('location')) {
        const region = opts.region && opts.region !== 'us-east-1' ? xmlEscape(opts.region) : ''
        xml(
          200,
          `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${region}</LocationConstraint>`
        )
        return 'GetBucketLocation'
      }
      if (method === 'GET') {
        xml(200, listXml(bucket, q, store))
        return 'ListObjectsV2'
      }
      if (method === 'POST' && q.has('delete')) {
        const body = (await readBody(req)).toString('utf8')
        const keys = [...body.matchAll(/<Key>([\s\S]*?)<\/Key>/g)].map((m) =>
          unescapeXml(m[1] ?? '')
        )
        for (const k of keys) store.delete(bucket, k)
        xml(
          200,
          `<DeleteResult>${keys.map((k) => `<Deleted><Key>${xmlEscape(k)}</Key></Deleted>`).join('')}</DeleteResult>`
        )
        return 'DeleteObjects'
      }
      throw new S3Error('MethodNotAllowed', resource)
    }

    if (method === 'POST' && q.has('uploads')) {
      const id = store.createUpload(bucket, key)
      xml(
        200,
        `<InitiateMultipartUploadResult><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`
      )
      return 'CreateMultipartUpload'
    }
    const uploadId = q.get('uploadId')
    if (uploadId !== null) {
      if (method === 'PUT') {
        const etag = store.uploadPart(uploadId, Number(q.get('partNumber')), await readBody(req))
        if (!etag) throw new S3Error('NoSuchUpload', resource)
        res.writeHead(200, { etag }).end()
        return 'UploadPart'
      }
      if (method === 'POST') {
        const body = (await readBody(req)).toString('utf8')
        const parts = [...body.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) =>
          Number(m[1])
        )
        const meta = store.completeUpload(uploadId, parts)
        if (!meta) throw new S3Error('NoSuchUpload', resource)
        xml(
          200,
          `<CompleteMultipartUploadResult><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(meta.etag)}</ETag></CompleteMultipartUploadResult>`
        )
        return 'CompleteMultipartUpload'
      }
      if (method === 'DELETE') {
        if (!store.abortUpload(uploadId)) throw new S3Error('NoSuchUpload', resource)
        res.writeHead(204).end()
        return 'AbortMultipartUpload'
      }
    }

    if (method === 'PUT') {
      const copySource = req.headers['x-amz-copy-source']
      if (typeof copySource === 'string') {
        const src = decodeURIComponent(copySource.replace(/^\//, ''))
        const i = src.indexOf('/')
        const from = store.head(src.slice(0, i), src.slice(i + 1))
        if (!from) throw new S3Error('NoSuchKey', `/${src}`)
        const meta = store.put(bucket, key, store.read(from), from.contentType, {
          ...from.metadata
        })
        xml(
          200,
          `<CopyObjectResult><ETag>${xmlEscape(meta.etag)}</ETag><LastModified>${meta.lastModified.toISOString()}</LastModified></CopyObjectResult>`
        )
        return 'CopyObject'
      }
      const metadata: Record<string, string> = {}
      for (const [h, v] of Object.entries(req.headers)) {
        if (h.startsWith('x-amz-meta-') && typeof v === 'string') metadata[h.slice(11)] = v
      }
      const type = String(req.headers['content-type'] ?? 'application/octet-stream')
      const meta = store.put(bucket, key, await readBody(req), type, metadata)
      res.writeHead(200, { etag: meta.etag }).end()
      return 'PutObject'
    }
    if (method === 'DELETE') {
      store.delete(bucket, key)
      res.writeHead(204).end()
      return 'DeleteObject'
    }
    const meta = store.head(bucket, key)
    if (!meta) throw new S3Error('NoSuchKey', resource)
    if (method === 'HEAD') {
      res.writeHead(200, { ...objectHeaders(meta), 'content-length': String(meta.size) }).end()
      return 'HeadObject'
    }
    if (method === 'GET') {
      const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''))
      if (range) {
        let start = range[1] ? Number(range[1]) : meta.size - Number(range[2])
        let end = range[1] && range[2] ? Number(range[2]) : meta.size - 1
        start = Math.max(0, start)
        end = Math.min(end, meta.size - 1)
        if (start > end || start >= meta.size) throw new S3Error('InvalidRange', resource)
        res.writeHead(206, {
          ...objectHeaders(meta),
          'content-length': String(end - start + 1),
          'content-range': `bytes ${start}-${end}/${meta.size}`
        })
        store.stream(meta, start, end).pipe(res)
      } else {
        res.writeHead(200, { ...objectHeaders(meta), 'content-length': String(meta.size) })
        if (meta.size === 0) res.end()
        else store.stream(meta).pipe(res)
      }
      return 'GetObject'
    }
    throw new S3Error('MethodNotAllowed', resource)
  }

  const WRITES = new Set([
    'CreateBucket',
    'PutObject',
    'CopyObject',
    'DeleteObject',
    'DeleteObjects',
    'CreateMultipartUpload',
    'UploadPart',
    'CompleteMultipartUpload',
    'AbortMultipartUpload'
  ])
  const server = await listen(
    (req, res) => {
      handle(req, res).then(
        (op) => {
          const u = new URL(req.url ?? '/', 'http://localhost')
          log.record(op, res.statusCode, WRITES.has(op), decodeURIComponent(u.pathname))
        },
        (err: unknown) => {
          const code = err instanceof S3Error ? err.code : 'InternalError'
          const status = STATUS[code] ?? 500
          const requestId = randomBytes(8).toString('hex').toUpperCase()
          log.record(`${req.method ?? ''} error ${code}`, status, false, req.url)
          if (res.headersSent) return void res.destroy()
          res.writeHead(status, {
            'content-type': 'application/xml',
            'x-amz-request-id': requestId
          })
          if (req.method === 'HEAD') return void res.end()
          const resource = err instanceof S3Error ? err.resource : ''
          const message = MESSAGES[code] ?? (err instanceof Error ? err.message : String(err))
          res.end(
            `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>` +
              `<Resource>${xmlEscape(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`
          )
        }
      )
    },
    log,
    opts.port
  )
  return { ...server, store }
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
