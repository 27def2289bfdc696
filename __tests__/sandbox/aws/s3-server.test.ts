import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import {
  S3Client,
  PutObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  GetBucketLocationCommand,
  paginateListObjectsV2
} from '@aws-sdk/client-s3'
import { startS3Server, decodeAwsChunked, type RunningS3 } from '../../../sandbox/aws/s3-server.js'

let dir: string
let s3: RunningS3
let client: S3Client

function makeClient(
  checksums: 'WHEN_REQUIRED' | 'WHEN_SUPPORTED',
  accessKeyId = 'sandbox'
): S3Client {
  return new S3Client({
    region: 'us-east-1',
    endpoint: s3.url,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey: 'sandbox-secret' },
    requestChecksumCalculation: checksums,
    responseChecksumValidation: checksums
  })
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 's3-test-'))
  s3 = await startS3Server({ dir, buckets: ['bkt'], accessKeyId: 'sandbox', logDir: dir, env: {} })
  client = makeClient('WHEN_REQUIRED')
})

afterAll(async () => {
  client.destroy()
  await s3.close()
  await rm(dir, { recursive: true, force: true })
})

describe('S3 stand-in', () => {
  test('put, head, get and range get an object with metadata', async () => {
    await client.send(
      new PutObjectCommand({
        Bucket: 'bkt',
        Key: 'a/b c+d.txt',
        Body: 'hello world',
        ContentType: 'text/plain',
        Metadata: { who: 'me' }
      })
    )
    const head = await client.send(new HeadObjectCommand({ Bucket: 'bkt', Key: 'a/b c+d.txt' }))
    expect(head.ContentLength).toBe(11)
    expect(head.Metadata).toEqual({ who: 'me' })
    expect(head.ETag).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"')
    const got = await client.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'a/b c+d.txt' }))
    expect(await got.Body?.transformToString()).toBe('hello world')
    const part = await client.send(
      new GetObjectCommand({ Bucket: 'bkt', Key: 'a/b c+d.txt', Range: 'bytes=6-' })
    )
    expect(await part.Body?.transformToString()).toBe('world')
    expect(part.ContentRange).toBe('bytes 6-10/11')
  })

  test('missing key, missing bucket and unknown access key give the real error codes', async () => {
    await expect(
      client.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'nope' }))
    ).rejects.toMatchObject({ name: 'NoSuchKey' })
    await expect(
      client.send(new HeadObjectCommand({ Bucket: 'bkt', Key: 'nope' }))
    ).rejects.toMatchObject({ name: 'NotFound' })
    await expect(client.send(new ListObjectsV2Command({ Bucket: 'other' }))).rejects.toMatchObject({
      name: 'NoSuchBucket'
    })
    await expect(client.send(new HeadBucketCommand({ Bucket: 'other' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 }
    })
    const stranger = makeClient('WHEN_REQUIRED', 'AKIAUNKNOWN')
    await expect(
      stranger.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'a/b c+d.txt' }))
    ).rejects.toMatchObject({ name: 'InvalidAccessKeyId' })
    stranger.destroy()
  })

  test('lists more than 1000 keys in pages with continuation tokens', async () => {
    const keys = Array.from({ length: 1502 }, (_, i) => `many/k${String(i).padStart(5, '0')}`)
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(
        keys
          .slice(i, i + 50)
          .map((Key) => client.send(new PutObjectCommand({ Bucket: 'bkt', Key, Body: 'x' })))
      )
    }
    const pages: number[] = []
    const seen: string[] = []
    for await (const page of paginateListObjectsV2(
      { client },
      { Bucket: 'bkt', Prefix: 'many/' }
    )) {
      pages.push(page.KeyCount ?? 0)
      for (const o of page.Contents ?? []) seen.push(o.Key ?? '')
    }
    expect(pages).toEqual([1000, 502])
    expect(seen).toEqual(keys)
    const small = await client.send(
      new ListObjectsV2Command({
        Bucket: 'bkt',
        Prefix: 'many/',
        MaxKeys: 10,
        StartAfter: 'many/k00005'
      })
    )
    expect(small.Contents?.map((o) => o.Key)).toEqual(keys.slice(6, 16))
    expect(small.IsTruncated).toBe(true)
  })

  test('rolls up Aurora-style nested folders with a delimiter, across pages', async () => {
    const base = 'exp/task2/'
    for (const db of ['db1', 'db2', 'db3']) {
      for (const t of ['t1', 't2']) {
        await client.send(
          new PutObjectCommand({
            Bucket: 'bkt',
            Key: `${base}${db}/${db}.${t}/1/part-00000-x.gz.parquet`,
            Body: 'p'
          })
        )
      }
    }
    await client.send(
      new PutObjectCommand({ Bucket: 'bkt', Key: `${base}export_info_task2.json`, Body: '{}' })
    )
    const top = await client.send(
      new ListObjectsV2Command({ Bucket: 'bkt', Prefix: base, Delimiter: '/' })
    )
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual([
      `${base}db1/`,
      `${base}db2/`,
      `${base}db3/`
    ])
    expect(top.Contents?.map((o) => o.Key)).toEqual([`${base}export_info_task2.json`])
    const down = await client.send(
      new ListObjectsV2Command({ Bucket: 'bkt', Prefix: `${base}db3/`, Delimiter: '/' })
    )
    expect(down.CommonPrefixes?.map((p) => p.Prefix)).toEqual([
      `${base}db3/db3.t1/`,
      `${base}db3/db3.t2/`
    ])
    const paged: string[] = []
    let token: string | undefined
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: 'bkt',
          Prefix: base,
          Delimiter: '/',
          MaxKeys: 1,
          ...(token ? { ContinuationToken: token } : {})
        })
      )
      paged.push(
        ...(page.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''),
        ...(page.Contents ?? []).map((o) => o.Key ?? '')
      )
      token = page.NextContinuationToken
    } while (token)
    expect(paged).toEqual([
      `${base}db1/`,
      `${base}db2/`,
      `${base}db3/`,
      `${base}export_info_task2.json`
    ])
  })

  test('multipart upload, copy, delete and batch delete', async () => {
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: 'bkt', Key: 'big/obj' })
    )
    const p1 = Buffer.alloc(5 * 1024 * 1024, 'a')
    const r1 = await client.send(
      new UploadPartCommand({ Bucket: 'bkt', Key: 'big/obj', UploadId, PartNumber: 1, Body: p1 })
    )
    const r2 = await client.send(
      new UploadPartCommand({
        Bucket: 'bkt',
        Key: 'big/obj',
        UploadId,
        PartNumber: 2,
        Body: 'tail'
      })
    )
    const done = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'bkt',
        Key: 'big/obj',
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: r1.ETag },
            { PartNumber: 2, ETag: r2.ETag }
          ]
        }
      })
    )
    expect(done.ETag).toMatch(/-2"$/)
    await client.send(
      new CopyObjectCommand({ Bucket: 'bkt', Key: 'big/copy', CopySource: 'bkt/big/obj' })
    )
    const head = await client.send(new HeadObjectCommand({ Bucket: 'bkt', Key: 'big/copy' }))
    expect(head.ContentLength).toBe(p1.length + 4)
    await client.send(new DeleteObjectCommand({ Bucket: 'bkt', Key: 'big/copy' }))
    await client.send(
      new DeleteObjectsCommand({ Bucket: 'bkt', Delete: { Objects: [{ Key: 'big/obj' }] } })
    )
    const left = await client.send(new ListObjectsV2Command({ Bucket: 'bkt', Prefix: 'big/' }))
    expect(left.KeyCount).toBe(0)
  })

  test('accepts aws-chunked stream bodies sent with the SDK default checksums', async () => {
    const strict = makeClient('WHEN_SUPPORTED')
    await strict.send(
      new PutObjectCommand({
        Bucket: 'bkt',
        Key: 'stream/obj',
        Body: Readable.from([Buffer.from('abc'), Buffer.from('def')]),
        ContentLength: 6
      })
    )
    const got = await strict.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'stream/obj' }))
    expect(await got.Body?.transformToString()).toBe('abcdef')
    strict.destroy()
    expect(
      decodeAwsChunked(
        Buffer.from('3\r\nabc\r\n3\r\ndef\r\n0\r\nx-amz-checksum-crc32:S4457w==\r\n\r\n')
      ).toString()
    ).toBe('abcdef')
  })

  test('reports the bucket region and records requests with write flags', async () => {
    const loc = await client.send(new GetBucketLocationCommand({ Bucket: 'bkt' }))
    expect(loc.LocationConstraint).toBeUndefined()
    const ops = s3.requests.entries.map((e) => e.op)
    expect(ops).toContain('GetBucketLocation')
    expect(s3.requests.entries.find((e) => e.op === 'PutObject')?.write).toBe(true)
    expect(s3.requests.entries.find((e) => e.op === 'GetObject')?.write).toBe(false)
  })

  test('denies a prefix when the s3-access-denied fault is on', async () => {
    const denyDir = await mkdtemp(path.join(os.tmpdir(), 's3-deny-'))
    const denied = await startS3Server({
      dir: denyDir,
      buckets: ['bkt'],
      env: { SANDBOX_FAULTS: 's3-access-denied=bkt/secret/', SANDBOX_DIR: denyDir }
    })
    const c = new S3Client({
      region: 'us-east-1',
      endpoint: denied.url,
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' }
    })
    await expect(
      c.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'secret/a', Body: 'x' }))
    ).rejects.toMatchObject({ name: 'AccessDenied' })
    await expect(
      c.send(new ListObjectsV2Command({ Bucket: 'bkt', Prefix: 'secret/' }))
    ).rejects.toMatchObject({ name: 'AccessDenied' })
    await c.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'open/a', Body: 'x' }))
    c.destroy()
    await denied.close()
    await rm(denyDir, { recursive: true, force: true })
  })
})
