// S3 conditional writes and deletes through @aws-sdk/client-s3, against the answers S3 gives (codes, statuses,
// messages, the <Condition>/<Key> elements of the error document).
import http from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand
} from '@aws-sdk/client-s3'
import { startS3Server, type RunningS3 } from '../../../sandbox/aws/s3-server.js'

let dir: string
let s3: RunningS3
let client: S3Client

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 's3-cond-'))
  s3 = await startS3Server({ dir, buckets: ['bkt'], accessKeyId: 'sandbox', logDir: dir, env: {} })
  client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox-secret' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1
  })
})

afterAll(async () => {
  client.destroy()
  await s3.close()
  await rm(dir, { recursive: true, force: true })
})

/** How a failed SDK call looked. */
async function failure(
  p: Promise<unknown>
): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await p
  } catch (e) {
    const err = e as Error & { $metadata: { httpStatusCode?: number } }
    return { name: err.name, status: err.$metadata.httpStatusCode, message: err.message }
  }
  throw new Error('expected the call to fail')
}

const body = async (key: string): Promise<string> =>
  (await (
    await client.send(new GetObjectCommand({ Bucket: 'bkt', Key: key }))
  ).Body?.transformToString()) ?? ''

/**
 * A raw PUT with a signed-looking header, to see the XML S3 sends (the SDK hides the extra elements). `send` writes
 * the body; by default at once.
 */
function rawPut(
  key: string,
  headers: Record<string, string>,
  send: (req: http.ClientRequest) => void = (req) => req.end('x')
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${s3.url}/bkt/${key}`,
      {
        method: 'PUT',
        headers: {
          authorization: 'AWS4-HMAC-SHA256 Credential=sandbox/20250101/us-east-1/s3/aws4_request',
          ...headers
        }
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      }
    )
    req.on('error', reject)
    send(req)
  })
}

describe('PutObject If-None-Match: *', () => {
  test('creates a missing key; an existing key is 412 PreconditionFailed and keeps its content', async () => {
    const first = await client.send(
      new PutObjectCommand({ Bucket: 'bkt', Key: 'lock', Body: 'one', IfNoneMatch: '*' })
    )
    expect(first.ETag).toBe('"f97c5d29941bfb1b2fdab0874906ab82"')
    expect(
      await failure(
        client.send(
          new PutObjectCommand({ Bucket: 'bkt', Key: 'lock', Body: 'two', IfNoneMatch: '*' })
        )
      )
    ).toEqual({
      name: 'PreconditionFailed',
      status: 412,
      message: 'At least one of the pre-conditions you specified did not hold'
    })
    expect(await body('lock')).toBe('one')
    // After a delete the key is free again.
    await client.send(new DeleteObjectCommand({ Bucket: 'bkt', Key: 'lock' }))
    await client.send(
      new PutObjectCommand({ Bucket: 'bkt', Key: 'lock', Body: 'three', IfNoneMatch: '*' })
    )
    expect(await body('lock')).toBe('three')
  })

  test('the error document names the condition, as S3 does', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'xml', Body: 'x' }))
    const r = await rawPut('xml', { 'if-none-match': '*' })
    expect(r.status).toBe(412)
    expect(r.text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><Code>PreconditionFailed<\/Code><Message>At least one of the pre-conditions you specified did not hold<\/Message><Condition>If-None-Match<\/Condition><RequestId>[0-9A-F]{16}<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/
    )
  })

  test('values S3 does not implement are 501 NotImplemented', async () => {
    const etag = '"9dd4e461268c8034f5c8564e155c67a6"'
    expect(
      await failure(
        client.send(
          new PutObjectCommand({ Bucket: 'bkt', Key: 'xml', Body: 'y', IfNoneMatch: etag })
        )
      )
    ).toMatchObject({ name: 'NotImplemented', status: 501 })
    expect(
      await failure(
        client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'xml', Body: 'y', IfMatch: '*' }))
      )
    ).toMatchObject({ name: 'NotImplemented', status: 501 })
    const both = await rawPut('xml', { 'if-none-match': '*', 'if-match': etag })
    expect(both.status).toBe(501)
    expect(both.text).toContain(
      '<Header>If-Match,If-None-Match</Header><additionalMessage>Multiple conditional request headers present in the request</additionalMessage>'
    )
  })

  test('of two concurrent creates, the first to finish wins and the other gets 412', async () => {
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((v) =>
        client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'race', Body: v, IfNoneMatch: '*' }))
      )
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(lost.map((r) => (r.reason as Error).name)).toEqual([
      'PreconditionFailed',
      'PreconditionFailed'
    ])
  })

  test('a delete while a create is in flight is 409 ConditionalRequestConflict', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'slow', Body: 'old' }))
    // Send the headers now and the body later: the key is deleted in between.
    const r = await rawPut('slow', { 'if-none-match': '*', 'content-length': '3' }, (req) => {
      req.flushHeaders()
      setTimeout(() => {
        void client
          .send(new DeleteObjectCommand({ Bucket: 'bkt', Key: 'slow' }))
          .then(() => req.end('new'))
      }, 100)
    })
    expect(r.status).toBe(409)
    expect(r.text).toContain(
      '<Code>ConditionalRequestConflict</Code><Message>The conditional request cannot succeed due to a conflicting operation against this resource.</Message><Condition>If-None-Match</Condition><Key>slow</Key>'
    )
    expect(
      s3.requests.entries.filter((e) => e.op === 'PutObject' && e.status === 409)
    ).toHaveLength(1)
  })
})

describe('PutObject If-Match: <etag>', () => {
  test('replaces when the ETag matches; 412 on another ETag; 404 NoSuchKey for a missing key', async () => {
    const put = await client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'cas', Body: 'v1' }))
    const v2 = await client.send(
      new PutObjectCommand({ Bucket: 'bkt', Key: 'cas', Body: 'v2', IfMatch: put.ETag })
    )
    expect(await body('cas')).toBe('v2')
    expect(
      await failure(
        client.send(
          new PutObjectCommand({ Bucket: 'bkt', Key: 'cas', Body: 'v3', IfMatch: put.ETag })
        )
      )
    ).toMatchObject({ name: 'PreconditionFailed', status: 412 })
    // The ETag without its quotes names the same object.
    await client.send(
      new PutObjectCommand({
        Bucket: 'bkt',
        Key: 'cas',
        Body: 'v3',
        IfMatch: v2.ETag?.replace(/"/g, '')
      })
    )
    expect(await body('cas')).toBe('v3')
    expect(
      await failure(
        client.send(
          new PutObjectCommand({ Bucket: 'bkt', Key: 'none', Body: 'v', IfMatch: put.ETag })
        )
      )
    ).toEqual({ name: 'NoSuchKey', status: 404, message: 'The specified key does not exist.' })
  })

  test('CompleteMultipartUpload: a write of the key since the upload began is 409 even with the new ETag', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'mp', Body: 'test' }))
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: 'bkt', Key: 'mp' })
    )
    const part = await client.send(
      new UploadPartCommand({ Bucket: 'bkt', Key: 'mp', UploadId, PartNumber: 1, Body: 'part' })
    )
    const during = await client.send(
      new PutObjectCommand({ Bucket: 'bkt', Key: 'mp', Body: 'test2' })
    )
    const complete = (ifMatch: string | undefined) =>
      client.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'bkt',
          Key: 'mp',
          UploadId,
          IfMatch: ifMatch,
          MultipartUpload: { Parts: [{ ETag: part.ETag, PartNumber: 1 }] }
        })
      )
    expect(await failure(complete('"098f6bcd4621d373cade4e832627b4f6"'))).toMatchObject({
      name: 'PreconditionFailed',
      status: 412
    })
    expect(await failure(complete(during.ETag))).toMatchObject({
      name: 'ConditionalRequestConflict',
      status: 409
    })
    expect(await body('mp')).toBe('test2')
  })
})

describe('CopyObject and DeleteObject preconditions', () => {
  test('CopyObject If-None-Match: * refuses an existing destination', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'src', Body: 's' }))
    await client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'dst', Body: 'd' }))
    expect(
      await failure(
        client.send(
          new CopyObjectCommand({
            Bucket: 'bkt',
            Key: 'dst',
            CopySource: 'bkt/src',
            IfNoneMatch: '*'
          })
        )
      )
    ).toMatchObject({ name: 'PreconditionFailed', status: 412 })
    expect(await body('dst')).toBe('d')
  })

  test('DeleteObject If-Match deletes only the expected object', async () => {
    const put = await client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'del', Body: 'a' }))
    expect(
      await failure(
        client.send(
          new DeleteObjectCommand({
            Bucket: 'bkt',
            Key: 'del',
            IfMatch: '"0cc175b9c0f1b6a831c399e269772660x"'
          })
        )
      )
    ).toMatchObject({ name: 'PreconditionFailed', status: 412 })
    expect(await body('del')).toBe('a')
    await client.send(new DeleteObjectCommand({ Bucket: 'bkt', Key: 'del', IfMatch: put.ETag }))
    expect(
      await failure(client.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'del' })))
    ).toMatchObject({
      name: 'NoSuchKey'
    })
    // `*` asks only that the object exists.
    expect(
      await failure(
        client.send(new DeleteObjectCommand({ Bucket: 'bkt', Key: 'del', IfMatch: '*' }))
      )
    ).toMatchObject({ name: 'NoSuchKey', status: 404 })
    await client.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'del', Body: 'b' }))
    await client.send(new DeleteObjectCommand({ Bucket: 'bkt', Key: 'del', IfMatch: '*' }))
    // Without a precondition, deleting a missing key succeeds, as on S3.
    await client.send(new DeleteObjectCommand({ Bucket: 'bkt', Key: 'del' }))
  })
})
