// A generated TiDB Lightning log in the real line formats (pingcap/log's text encoder; the lines of
// Lightning v5–v8 as real runs print them) for the log-parsing benchmark and the parser's tests. It streams chunks so
// a 1 GiB log never sits in memory.
import { formatLogLine, type LogField, type LogLevel } from '../sandbox/lib/pingcap-log.js'

const BASE_TIME = Date.UTC(2024, 0, 2, 3, 4, 5)

interface Clock {
  ms: number
}

function line(
  clock: Clock,
  level: LogLevel,
  caller: string,
  message: string,
  fields: LogField[] = []
): string {
  clock.ms += 7
  return formatLogLine(level, caller, message, fields, new Date(BASE_TIME + clock.ms)) + '\n'
}

const TABLES = [
  '`shop`.`orders`',
  '`shop`.`order.items`',
  '`crm`.`Customer-Notes`',
  '`crm`.`events`'
]

function dataFile(i: number): string {
  const uuid = `c5a881bb-58ff-4ee6-${String(1000 + (i % 9000))}-b41ecff340a3`
  return `shop/shop.orders/${1 + (i % 3)}/part-${String(i % 100000).padStart(5, '0')}-${uuid}-c000.gz.parquet`
}

function head(clock: Clock): string {
  return (
    line(clock, 'INFO', 'info.go:49', 'Welcome to TiDB-Lightning', [
      ['release-version', 'v8.5.2'],
      ['git-hash', '55f3b24c1c9f506bd652ef1d162283541e428872'],
      ['go-version', 'go1.23.4'],
      ['utc-build-time', '2025-04-21 02:07:55']
    ]) +
    line(clock, 'INFO', 'lightning.go:385', 'load data source start') +
    line(clock, 'INFO', 'loader.go:310', '[loader] file is filtered by file router', [
      ['path', 'export_info_migrate-1.json']
    ]) +
    line(clock, 'INFO', 'lightning.go:388', 'load data source completed', [
      ['takeTime', '571.321µs'],
      null
    ]) +
    line(clock, 'INFO', 'import.go:420', 'the whole procedure start')
  )
}

function body(clock: Clock, i: number): string {
  const table = TABLES[i % TABLES.length] ?? ''
  const file = dataFile(i)
  let out =
    line(clock, 'INFO', 'chunk_process.go:720', 'restore chunk completed', [
      ['table', table],
      ['engineNumber', 0],
      ['fileIndex', i],
      ['path', `${file}:0`],
      ['readDur', '1.234567ms'],
      ['encodeDur', '15.47ms'],
      ['deliverSize', 1048576 + i],
      ['deliverDur', '2.4s'],
      ['checksum', `{cksum=${9970490404295648092n + BigInt(i)},size=2539933,kvs=${20000 + i}}`],
      ['takeTime', '2.7s'],
      null
    ]) +
    line(clock, 'INFO', 'table_import.go:1001', 'encode kv data and write completed', [
      ['table', table],
      ['engineNumber', 0],
      ['fileIndex', i],
      ['path', `${file}:0`],
      ['task', 'encode kv data and write'],
      ['read', 4194304],
      ['readDuration', '13.2ms'],
      ['takeTime', '2.71s'],
      null
    ]) +
    line(clock, 'DEBUG', 'loader.go:330', 'file route result', [
      ['path', file],
      ['schema', 'shop'],
      ['table', 'orders'],
      ['type', 'parquet']
    ])
  if (i % 50 === 7) {
    out += line(clock, 'WARN', 'localhelper.go:463', 'batch split region failed, retrying', [
      ['error', 'rpc error: code = Unavailable desc = not leader'],
      ['retry', 1]
    ])
  }
  if (i % 200 === 199) out += progress(clock, Math.min(99.9, i / 10_000))
  return out
}

function progress(clock: Clock, percent: number): string {
  const done = Math.round(percent * 10)
  return line(clock, 'INFO', 'import.go:1284', 'progress', [
    ['total', `${percent.toFixed(1)}%`],
    ['tables', `${done >= 1000 ? 4 : 1}/4 (${percent.toFixed(1)}%)`],
    ['chunks', `${done}/1000 (${percent.toFixed(1)}%)`],
    ['engines', '2/8 (25.0%)'],
    ['restore-bytes', `${(percent / 10).toFixed(2)}GiB/10.00GiB`],
    ['restore-rows', `${done * 1000}/1000000(estimated)`],
    ['import-bytes', '1.2GiB/14.5GiB(estimated)'],
    ['encode speed(MiB/s)', 53.61944249195604],
    ['state', percent >= 100 ? 'post-processing' : 'writing'],
    percent >= 100 ? null : ['remaining', '52m21s']
  ])
}

function tail(clock: Clock): string {
  let out = progress(clock, 100)
  for (const table of TABLES) {
    out += line(clock, 'INFO', 'table_import.go:1120', 'checksum pass', [
      ['table', table],
      ['local', '{cksum=9970490404295648092,size=2539933993,kvs=20000000}']
    ])
    out += line(clock, 'INFO', 'table_import.go:400', 'restore table completed', [
      ['table', table],
      ['takeTime', '53.280464651s'],
      null
    ])
  }
  return (
    out +
    line(clock, 'INFO', 'import.go:1700', 'restore all tables data completed', [
      ['takeTime', '1m2s'],
      null
    ]) +
    line(clock, 'INFO', 'import.go:1800', 'clean checkpoints completed', [
      ['keepAfterSuccess', 'remove']
    ]) +
    line(clock, 'INFO', 'import.go:514', 'the whole procedure completed', [
      ['takeTime', '1m22.8s'],
      null
    ]) +
    line(clock, 'INFO', 'main.go:106', 'tidb lightning exit', [['finished', true]])
  )
}

/**
 * Yields about `bytes` bytes of a successful Lightning run's log (UTF-8 length), in chunks of about 1 MiB that
 * end at line boundaries: start lines, then chunk/encode/route lines with a WARN and a `progress` line now and
 * then, then the success tail (100 % progress, checksums, `the whole procedure completed`, `tidb lightning exit`).
 */
export function* generateLightningLog(bytes: number): Generator<string, void, undefined> {
  const clock: Clock = { ms: 0 }
  const limit = bytes - Buffer.byteLength(tail({ ms: 0 }))
  let chunk = head(clock)
  let chunkBytes = Buffer.byteLength(chunk)
  let emitted = 0
  let i = 0
  while (emitted + chunkBytes < limit) {
    const lines = body(clock, i++)
    chunk += lines
    chunkBytes += Buffer.byteLength(lines)
    if (chunkBytes >= 1 << 20) {
      yield chunk
      emitted += chunkBytes
      chunk = ''
      chunkBytes = 0
    }
  }
  yield chunk + tail(clock)
}
