// S3's conditional writes and deletes (S3 user guide "How to prevent object overwrites with conditional writes" and
// "How to perform conditional deletes"; PutObject/CompleteMultipartUpload/DeleteObject `IfMatch`/`IfNoneMatch` in the
// S3 API model). The exact answers are the ones S3 gave in localstack/localstack's AWS-recorded snapshots
// (`tests/aws/services/s3/test_s3_api.snapshot.json`, TestS3ObjectWritePrecondition):
//   - `If-None-Match: *` on an existing key → 412 PreconditionFailed, `<Condition>If-None-Match</Condition>`;
//   - `If-Match: <etag>` with another ETag → 412 (`If-Match`); on a missing key → 404 NoSuchKey;
//   - any other If-None-Match value, `If-Match: *` on a write, or both headers → 501 NotImplemented;
//   - a write whose key was written or deleted by another request while it was in flight (for a multipart upload:
//     since CreateMultipartUpload) → 409 ConditionalRequestConflict, unless one of the rules above already holds
//     ("the first write to finish wins": a later If-None-Match write then sees the object and gets 412).
// DeleteObject takes `If-Match` only, `*` meaning "any ETag": a mismatch is 412, a missing key 404 NoSuchKey.
import type { IncomingHttpHeaders } from 'node:http'
import type { S3Store } from './s3-store.js'
import { s3Errors } from './s3-errors.js'

/** The preconditions of one write. */
export interface WriteConditions {
  readonly ifMatch?: string
  readonly ifNoneMatch?: string
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name]
  return typeof v === 'string' ? v : undefined
}

/** ETags compare without their quotes (S3 accepts `"abc"` and `abc` for the same object). */
function sameEtag(a: string, b: string): boolean {
  return a.replace(/^"|"$/g, '') === b.replace(/^"|"$/g, '')
}

/** The write preconditions of a request, refusing the forms S3 does not implement (501 NotImplemented). */
export function writeConditions(headers: IncomingHttpHeaders): WriteConditions {
  const ifMatch = header(headers, 'if-match')
  const ifNoneMatch = header(headers, 'if-none-match')
  if (ifMatch !== undefined && ifNoneMatch !== undefined)
    throw s3Errors.notImplemented(
      'If-Match,If-None-Match',
      'Multiple conditional request headers present in the request'
    )
  if (ifNoneMatch !== undefined && ifNoneMatch !== '*')
    throw s3Errors.notImplemented(
      'If-None-Match',
      "We don't accept the provided value of If-None-Match header for this API"
    )
  if (ifMatch === '*')
    throw s3Errors.notImplemented(
      'If-Match',
      "We don't accept the provided value of If-Match header for this API"
    )
  return {
    ...(ifMatch === undefined ? {} : { ifMatch }),
    ...(ifNoneMatch === undefined ? {} : { ifNoneMatch })
  }
}

/**
 * Checks a write's preconditions against the object as it is now, at the moment the write would complete.
 * @param since the key's change number when the write began (`S3Store.changeSeq`)
 */
export function checkWrite(
  store: S3Store,
  bucket: string,
  key: string,
  cond: WriteConditions,
  since: number
): void {
  if (cond.ifMatch === undefined && cond.ifNoneMatch === undefined) return
  const current = store.head(bucket, key)
  if (cond.ifNoneMatch !== undefined && current) throw s3Errors.preconditionFailed('If-None-Match')
  if (cond.ifMatch !== undefined) {
    if (!current) throw s3Errors.noSuchKey(key)
    if (!sameEtag(current.etag, cond.ifMatch)) throw s3Errors.preconditionFailed('If-Match')
  }
  if (store.changeSeq(bucket, key) !== since)
    throw s3Errors.conditionalRequestConflict(
      cond.ifNoneMatch !== undefined ? 'If-None-Match' : 'If-Match',
      key
    )
}

/** Checks DeleteObject's `If-Match` (an ETag, or `*` for any): 404 for a missing key, 412 for another ETag. */
export function checkDelete(
  store: S3Store,
  bucket: string,
  key: string,
  headers: IncomingHttpHeaders
): void {
  const ifMatch = header(headers, 'if-match')
  if (ifMatch === undefined) return
  const current = store.head(bucket, key)
  if (!current) throw s3Errors.noSuchKey(key)
  if (ifMatch !== '*' && !sameEtag(current.etag, ifMatch))
    throw s3Errors.preconditionFailed('If-Match')
}
