// The S3 stand-in: the REST API subset that @aws-sdk/client-s3 and the tool stand-ins use, path-style, with S3's
// XML shapes and error codes. s3rver 3.7.1 is measured broken for paginated and delimited listings
// (on Node ≥ 17 its continuation tokens use the des cipher OpenSSL 3 lacks, and its filesystem walker misses deep
// common prefixes: jamhall/s3rver lib/controllers/bucket.js, lib/stores/filesystem.js), hence this small server.
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { S3Store } from './s3-store.js'
import { S3Error, renderS3Error, s3Errors, xmlEscape } from './s3-errors.js'
import { checkDelete, checkWrite, writeConditions } from './s3-conditions.js'
import { RequestLog } from '../lib/request-log.js'
import { listen, type RunningServer } from '../lib/http-server.js'
import {
  accessKeyOf,
  deniedPrefix,
  listXml,
  objectHeaders,
  readBody,
  unescapeXml
} from './s3-wire.js'

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
export { xmlEscape } from './s3-errors.js'
export { decodeAwsChunked } from './s3-wire.js'

/** A running S3 stand-in, with direct access to its store for tests and the export writer. */
export interface RunningS3 extends RunningServer {
  readonly store: S3Store
}

/** Starts the S3 stand-in on 127.0.0.1. */
export async function startS3Server(opts: S3ServerOptions): Promise<RunningS3> {
  const store = new S3Store(opts.dir)
  for (const b of opts.buckets) store.createBucket(b)
  const log = new RequestLog('s3', opts.logDir)

  /** Answers one request; `seen.op` names the operation as soon as it is known, so failures are logged under it. */
  const handle = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    seen: { op: string }
  ): Promise<string> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const q = url.searchParams
    const method = req.method ?? 'GET'
    const pathname = url.pathname.replace(/^\//, '')
    const slash = pathname.indexOf('/')
    const bucket = decodeURIComponent(slash < 0 ? pathname : pathname.slice(0, slash))
    const key = slash < 0 ? '' : decodeURIComponent(pathname.slice(slash + 1))

    const akid = accessKeyOf(req, url)
    if (!akid) throw s3Errors.accessDenied()
    if (opts.accessKeyId && akid !== opts.accessKeyId) throw s3Errors.invalidAccessKeyId(akid)

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
    if (!store.hasBucket(bucket)) throw s3Errors.noSuchBucket(bucket)
    const denied = deniedPrefix(opts.env)
    const listPrefix = q.get('prefix') ?? ''
    if (denied && denied.bucket === bucket && (key || listPrefix || '').startsWith(denied.prefix)) {
      throw s3Errors.accessDenied()
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
      throw s3Errors.methodNotAllowed(method, 'BUCKET')
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
        if (!etag) throw s3Errors.noSuchUpload(uploadId)
        res.writeHead(200, { etag }).end()
        return 'UploadPart'
      }
      if (method === 'POST') {
        seen.op = 'CompleteMultipartUpload'
        const cond = writeConditions(req.headers)
        const body = (await readBody(req)).toString('utf8')
        const parts = [...body.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) =>
          Number(m[1])
        )
        const target = store.uploadTarget(uploadId)
        if (!target) throw s3Errors.noSuchUpload(uploadId)
        // Conflicts count from CreateMultipartUpload: a write or delete of the key since then is a 409.
        checkWrite(store, bucket, key, cond, target.since)
        const meta = store.completeUpload(uploadId, parts)
        if (!meta) throw s3Errors.noSuchUpload(uploadId)
        xml(
          200,
          `<CompleteMultipartUploadResult><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(meta.etag)}</ETag></CompleteMultipartUploadResult>`
        )
        return 'CompleteMultipartUpload'
      }
      if (method === 'DELETE') {
        if (!store.abortUpload(uploadId)) throw s3Errors.noSuchUpload(uploadId)
        res.writeHead(204).end()
        return 'AbortMultipartUpload'
      }
    }

    if (method === 'PUT') {
      const copySource = req.headers['x-amz-copy-source']
      seen.op = typeof copySource === 'string' ? 'CopyObject' : 'PutObject'
      const cond = writeConditions(req.headers)
      // The key's state when the request arrived: a change before the body is complete is a conflict.
      const since = store.changeSeq(bucket, key)
      if (typeof copySource === 'string') {
        const src = decodeURIComponent(copySource.replace(/^\//, ''))
        const i = src.indexOf('/')
        const from = store.head(src.slice(0, i), src.slice(i + 1))
        if (!from) throw s3Errors.noSuchKey(src.slice(i + 1))
        checkWrite(store, bucket, key, cond, since)
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
      const body = await readBody(req)
      checkWrite(store, bucket, key, cond, since)
      const meta = store.put(bucket, key, body, type, metadata)
      res.writeHead(200, { etag: meta.etag }).end()
      return 'PutObject'
    }
    if (method === 'DELETE') {
      seen.op = 'DeleteObject'
      checkDelete(store, bucket, key, req.headers)
      store.delete(bucket, key)
      res.writeHead(204).end()
      return 'DeleteObject'
    }
    const meta = store.head(bucket, key)
    if (!meta) throw s3Errors.noSuchKey(key)
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
        if (start > end || start >= meta.size)
          throw s3Errors.invalidRange(String(req.headers.range), meta.size)
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
    throw s3Errors.methodNotAllowed(method, 'OBJECT')
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
      const seen = { op: '' }
      const where = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
      handle(req, res, seen).then(
        (op) => log.record(op, res.statusCode, WRITES.has(op), where),
        (err: unknown) => {
          const e = err instanceof S3Error ? err : new S3Error('InternalError')
          const requestId = randomBytes(8).toString('hex').toUpperCase()
          // Failed calls are logged under their operation when it was known (`PutObject` 412), with the code (and
          // for a stand-in bug, its message, which S3 would not send).
          const why = err instanceof S3Error ? e.code : `${e.code}: ${String(err)}`
          log.record(seen.op || `${req.method ?? ''} error`, e.status, false, `${where} ${why}`)
          if (res.headersSent) return void res.destroy()
          res.writeHead(e.status, {
            'content-type': 'application/xml',
            'x-amz-request-id': requestId
          })
          if (req.method === 'HEAD') return void res.end()
          res.end(renderS3Error(e, requestId))
        }
      )
    },
    log,
    opts.port
  )
  return { ...server, store }
}
