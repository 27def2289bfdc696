// The S3 adapter on an in-memory S3: paginated listings, small JSON/text objects, and row counts from Parquet
// footers read with ranged GETs (never the whole file), with bounded concurrency.
import { parquetWriteBuffer } from 'hyparquet-writer'
import { AwsApiError } from '../../src/aws/aws-call.js'
import { parquetRowCount, parquetRowCounts } from '../../src/aws/parquet-footers.js'
import { createS3, readJson } from '../../src/aws/s3.js'
import { FakeS3 } from '../helpers/fake-s3.js'
import { ManualClock } from '../helpers/manual-clock.js'

const parquet = (rows: number): Uint8Array =>
  new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: Array.from({ length: rows }, (_, i) => i), type: 'INT32' },
        {
          name: 'label',
          data: Array.from({ length: rows }, (_, i) => `row ${i} ${'x'.repeat(i % 40)}`),
          type: 'STRING'
        }
      ]
    })
  )

function setup(): { fake: FakeS3; s3: ReturnType<typeof createS3> } {
  const fake = new FakeS3()
  return { fake, s3: createS3(fake, { clock: new ManualClock() }) }
}

test('lists every object under a prefix across pages, in key order', async () => {
  const { fake, s3 } = setup()
  for (const k of ['e/b', 'e/a', 'e/c/d', 'other/x', 'e/e']) fake.put('bk', k, 'v')
  fake.pageSize = 2
  expect((await s3.list('bk', 'e/')).map((o) => o.key)).toEqual(['e/a', 'e/b', 'e/c/d', 'e/e'])
  expect(fake.calls.filter((c) => c === 'ListObjectsV2')).toHaveLength(2)
})

test('reads and writes small JSON objects; missing or oversized objects fail clearly', async () => {
  const { fake, s3 } = setup()
  await s3.writeJson('bk', 'state/run.json', { phase: 'export', done: true })
  expect(await readJson(s3, 'bk', 'state/run.json')).toEqual({ phase: 'export', done: true })
  fake.put('bk', 'bad.json', '{nope')
  await expect(readJson(s3, 'bk', 'bad.json')).rejects.toThrow(/s3:\/\/bk\/bad\.json is not JSON/)
  const missing = (await s3.readText('bk', 'none').catch((e: unknown) => e)) as AwsApiError
  expect(missing.line).toBe('NoSuchKey: The specified key does not exist.')
  await expect(s3.readText('bk', 'state/run.json', 10)).rejects.toThrow(/more than the 10 expected/)
})

test('row counts come from the footer alone: a few KiB of a large file', async () => {
  const { fake, s3 } = setup()
  const big = parquet(200_000)
  fake.put('bk', 'exp/db/db.t/1/part-00000.gz.parquet', big)
  const rows = await parquetRowCount(s3, 'bk', {
    key: 'exp/db/db.t/1/part-00000.gz.parquet',
    size: big.byteLength
  })
  expect(rows).toBe(200_000)
  expect(big.byteLength).toBeGreaterThan(1_000_000)
  expect(fake.bytesServed).toBeLessThanOrEqual(64 * 1024)
})

test('a store that ignores Range still gives the right count', async () => {
  const { fake, s3 } = setup()
  fake.ignoreRange = true
  const file = parquet(1234)
  fake.put('bk', 'f.parquet', file)
  expect(await parquetRowCount(s3, 'bk', { key: 'f.parquet', size: file.byteLength })).toBe(1234)
})

test('a file that is not Parquet fails naming the object', async () => {
  const { fake, s3 } = setup()
  fake.put('bk', 'exp/x.parquet', 'not parquet at all')
  await expect(parquetRowCount(s3, 'bk', { key: 'exp/x.parquet', size: 18 })).rejects.toThrow(
    /cannot read the Parquet footer of s3:\/\/bk\/exp\/x\.parquet: parquet file invalid/
  )
})

test('thousands of files are counted with at most `concurrency` reads in flight', async () => {
  const { fake, s3 } = setup()
  const objects = Array.from({ length: 2000 }, (_, i) => {
    const body = parquet(1 + (i % 7))
    const key = `exp/db/db.t/${1 + Math.floor(i / 100)}/part-${String(i).padStart(5, '0')}.gz.parquet`
    fake.put('bk', key, body)
    return { key, size: body.byteLength }
  })
  let progress = 0
  const counts = await parquetRowCounts(s3, 'bk', objects, {
    concurrency: 8,
    onProgress: (done) => (progress = done)
  })
  expect(counts.reduce((a, b) => a + b, 0)).toBe(objects.reduce((n, _, i) => n + 1 + (i % 7), 0))
  expect(counts[9]).toBe(3)
  expect(fake.maxInFlight).toBe(8)
  expect(progress).toBe(2000)
})
