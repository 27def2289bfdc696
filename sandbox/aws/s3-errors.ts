// S3's error answers: the code, the HTTP status, the message and the extra elements each code carries, as S3 sends
// them: `<Error><Code>…</Code><Message>…</Message><Key>…</Key><RequestId>…</RequestId><HostId>…</HostId></Error>`.
// Codes, statuses and messages are from the S3 API reference "Error responses" list (also embedded in the
// @aws-sdk/client-s3 model) and, for the conditional-write codes, from S3 answers recorded against AWS in
// localstack/localstack `tests/aws/services/s3/test_s3_api.snapshot.json` (TestS3ObjectWritePrecondition).
import { randomBytes } from 'node:crypto'

/** Escapes text for an XML element. */
export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

const MESSAGES: Readonly<Record<string, string>> = {
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
    'The XML you provided was not well-formed or did not validate against our published schema',
  PreconditionFailed: 'At least one of the pre-conditions you specified did not hold',
  ConditionalRequestConflict:
    'The conditional request cannot succeed due to a conflicting operation against this resource.',
  NotImplemented: 'A header you provided implies functionality that is not implemented',
  InternalError: 'We encountered an internal error. Please try again.'
}

const STATUS: Readonly<Record<string, number>> = {
  NoSuchKey: 404,
  NoSuchBucket: 404,
  NoSuchUpload: 404,
  AccessDenied: 403,
  InvalidAccessKeyId: 403,
  InvalidRange: 416,
  BucketAlreadyOwnedByYou: 409,
  MethodNotAllowed: 405,
  MalformedXML: 400,
  PreconditionFailed: 412,
  ConditionalRequestConflict: 409,
  NotImplemented: 501,
  InternalError: 500
}

/** An S3 error: its code and the elements S3 adds after `<Message>` for that code (`Key`, `Condition`, …). */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly fields: Readonly<Record<string, string>> = {}
  ) {
    super(MESSAGES[code] ?? code)
  }

  /** The HTTP status S3 answers this code with. */
  get status(): number {
    return STATUS[this.code] ?? 500
  }
}

/** The errors the stand-in raises, with the elements S3 sends for each. */
export const s3Errors = {
  noSuchKey: (key: string) => new S3Error('NoSuchKey', { Key: key }),
  noSuchBucket: (bucket: string) => new S3Error('NoSuchBucket', { BucketName: bucket }),
  noSuchUpload: (uploadId: string) => new S3Error('NoSuchUpload', { UploadId: uploadId }),
  accessDenied: () => new S3Error('AccessDenied'),
  invalidAccessKeyId: (id: string) => new S3Error('InvalidAccessKeyId', { AWSAccessKeyId: id }),
  invalidRange: (range: string, size: number) =>
    new S3Error('InvalidRange', { RangeRequested: range, ActualObjectSize: String(size) }),
  methodNotAllowed: (method: string, type: 'OBJECT' | 'BUCKET') =>
    new S3Error('MethodNotAllowed', { Method: method, ResourceType: type }),
  preconditionFailed: (condition: string) =>
    new S3Error('PreconditionFailed', { Condition: condition }),
  conditionalRequestConflict: (condition: string, key: string) =>
    new S3Error('ConditionalRequestConflict', { Condition: condition, Key: key }),
  notImplemented: (header: string, additionalMessage: string) =>
    new S3Error('NotImplemented', { Header: header, additionalMessage })
} as const

/** The `<Error>` document for an error (a random request id and host id, as S3 sends both). */
export function renderS3Error(e: S3Error, requestId: string): string {
  const extra = Object.entries(e.fields)
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('')
  const hostId = randomBytes(48).toString('base64')
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${xmlEscape(e.message)}</Message>` +
    `${extra}<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`
  )
}
