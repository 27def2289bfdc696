// The wire details of the S3 stand-in: request bodies (plain or `aws-chunked`), the caller's access key, the
// `s3-access-denied` fault, object headers and the ListObjectsV2 XML.
import type http from 'node:http'
import type { S3Store, ObjectMeta } from './s3-store.js'
import { xmlEscape } from './s3-errors.js'
import { fault } from '../lib/faults.js'

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

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  const raw = Buffer.concat(chunks)
  const chunked =
    String(req.headers['content-encoding'] ?? '').includes('aws-chunked') ||
    String(req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-')
  return chunked ? decodeAwsChunked(raw) : raw
}

export function accessKeyOf(req: http.IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization ?? ''
  const m =
    /Credential=([^/,\s]+)\//.exec(auth) ??
    /^([^/]+)\//.exec(url.searchParams.get('X-Amz-Credential') ?? '')
  return m?.[1]
}

export function deniedPrefix(
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

export function objectHeaders(meta: ObjectMeta): Record<string, string> {
  const h: Record<string, string> = {
    'content-type': meta.contentType,
    etag: meta.etag,
    'last-modified': meta.lastModified.toUTCString(),
    'accept-ranges': 'bytes'
  }
  for (const [k, v] of Object.entries(meta.metadata)) h[`x-amz-meta-${k}`] = v
  return h
}

export function listXml(bucket: string, q: URLSearchParams, store: S3Store): string {
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

/** Undoes the five XML escapes. */
export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
