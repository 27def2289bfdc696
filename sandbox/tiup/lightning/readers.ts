// Opening a data file (a "chunk") of any source type as batches of rows with their column names: Parquet row
// groups, the VALUES of Dumpling's SQL files, CSV records.
import { constants, gunzipSync } from 'node:zlib'
import { parquetMetadataAsync } from 'hyparquet'
import type { ExternalStorage } from '../storage.js'
import type { TaskConfig } from './config.js'
import { parseCsv } from './csv.js'
import type { Datum } from './datum.js'
import type { DataFile } from './loader.js'
import { openParquet } from './parquet.js'
import { parseInsert, parseInsertHead, splitStatements } from './sql-data.js'

/** An opened data file. */
export interface Chunk {
  /** Column names when the file names them (Parquet, CSV header, SQL column list); undefined = table order. */
  readonly columns: readonly string[] | undefined
  /** The row count when known up front (Parquet, CSV); SQL files report `progress` instead. */
  readonly totalRows: number | undefined
  /** The fraction of the file read so far (when totalRows is unknown). */
  readonly progress?: () => number
  /** The rows, in batches as they come out of the file. */
  batches(): AsyncIterable<Datum[][]> | Iterable<Datum[][]>
}

async function readText(storage: ExternalStorage, file: DataFile): Promise<string> {
  const data = await storage.readFile(file.path)
  return (file.compression === 'gzip' ? gunzipSync(data) : data).toString('utf8')
}

/** Opens a data file. */
export async function openChunk(
  storage: ExternalStorage,
  file: DataFile,
  cfg: TaskConfig
): Promise<Chunk> {
  if (file.type === 'parquet') {
    const pq = openParquet(await storage.readFile(file.path))
    return { columns: pq.columns, totalRows: pq.totalRows, batches: () => pq.rowGroups() }
  }
  if (file.type === 'csv') {
    const { header, rows } = parseCsv(await readText(storage, file), cfg.mydumper.csv)
    return {
      columns: header,
      totalRows: rows.length,
      *batches() {
        for (let i = 0; i < rows.length; i += 4096) yield rows.slice(i, i + 4096)
      }
    }
  }
  // Statements are parsed one at a time as the import asks for them (a data file can be large).
  const statements = splitStatements(await readText(storage, file))
  const first = statements.map(parseInsertHead).find((h) => h !== undefined)
  const total = statements.reduce((n, s) => n + s.length, 0)
  let done = 0
  return {
    columns: first?.columns,
    totalRows: undefined,
    progress: () => (total ? done / total : 1),
    *batches() {
      for (const stmt of statements) {
        const rows = parseInsert(stmt)?.rows
        done += stmt.length
        if (rows) yield rows
      }
    }
  }
}

/** The column names a data file declares, without reading it all (for the schema pre-check). */
export async function peekColumns(
  storage: ExternalStorage,
  file: DataFile,
  size: number,
  cfg: TaskConfig
): Promise<readonly string[] | undefined> {
  if (file.type === 'parquet') {
    const meta = await parquetMetadataAsync({
      byteLength: size,
      slice: async (s: number, e?: number) =>
        toArrayBuffer(await storage.readRange(file.path, s, e ?? size))
    })
    return meta.schema.slice(1).map((el) => el.name)
  }
  if (file.type === 'csv') return (await openChunk(storage, file, cfg)).columns
  // SQL: the head of the first INSERT, from the start of the file.
  let head = await storage.readRange(file.path, 0, Math.min(size, 1 << 20))
  if (file.compression === 'gzip') head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH })
  const stmt = splitStatements(head.toString('utf8')).find((x) => parseInsertHead(x) !== undefined)
  return stmt === undefined ? undefined : parseInsertHead(stmt)?.columns
}

/** The row count of a Parquet file from its footer. */
export async function parquetRowCount(storage: ExternalStorage, file: DataFile): Promise<number> {
  const meta = await parquetMetadataAsync({
    byteLength: file.size,
    slice: async (s: number, e?: number) =>
      toArrayBuffer(await storage.readRange(file.path, s, e ?? file.size))
  })
  return Number(meta.num_rows)
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  return new Uint8Array(b).buffer
}
