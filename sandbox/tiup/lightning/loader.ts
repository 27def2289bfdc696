// The data-source scan (pkg/lightning/mydump/loader.go): list every file, route it, drop what the table filter
// rejects, and group schema and data files by database and table. Logs "file is filtered by file router" for
// files no rule matches (e.g. the Parquet rule of PingCAP's documented procedure against a dashed table name).
import { parseTableFilter, FilterError } from '../table-filter.js'
import type { ExternalStorage } from '../storage.js'
import type { ToolLogger } from '../tool-log.js'
import type { TaskConfig } from './config.js'
import { lightningError } from './errors.js'
import { newFileRouter, RouteRuleError, type SourceType } from './router.js'

/** A data file of a table. */
export interface DataFile {
  readonly path: string
  readonly type: Extract<SourceType, 'sql' | 'csv' | 'parquet'>
  readonly compression: string
  readonly size: number
  readonly key: string
}

/** A table found in the data source. */
export interface TableMeta {
  readonly db: string
  readonly name: string
  schemaFile?: string
  readonly dataFiles: DataFile[]
  totalSize: number
}

/** A view found in the data source (its `-schema-view.sql`; the placeholder table is one of the tables). */
export interface ViewMeta {
  readonly db: string
  readonly name: string
  readonly schemaFile: string
}

/** A database found in the data source. */
export interface DbMeta {
  readonly name: string
  schemaFile?: string
  readonly tables: TableMeta[]
  readonly views: ViewMeta[]
}

/** Scans the storage and builds the database/table metadata Lightning imports. */
export async function loadDataSource(
  storage: ExternalStorage,
  cfg: TaskConfig,
  log: ToolLogger
): Promise<DbMeta[]> {
  let filter
  try {
    filter = parseTableFilter(cfg.mydumper.filter, cfg.mydumper.caseSensitive)
  } catch (e) {
    if (e instanceof FilterError)
      throw lightningError('Lightning:Config:ErrInvalidConfig', 'parse filter failed', e.message)
    throw e
  }
  let router
  try {
    router = newFileRouter(cfg.mydumper.files, cfg.mydumper.defaultFileRules)
  } catch (e) {
    if (e instanceof RouteRuleError)
      throw lightningError(
        'Lightning:Config:ErrInvalidConfig',
        'parse file routing rule failed',
        e.message
      )
    throw e
  }
  let files
  try {
    files = await storage.walk()
  } catch (e) {
    throw lightningError(
      'Lightning:Storage:ErrStorageUnknown',
      'list file failed',
      (e as Error).message
    )
  }
  const dbs: DbMeta[] = []
  const dbOf = (name: string): DbMeta => {
    const key = cfg.mydumper.caseSensitive ? name : name.toLowerCase()
    let db = dbs.find((d) => (cfg.mydumper.caseSensitive ? d.name : d.name.toLowerCase()) === key)
    if (!db) dbs.push((db = { name, tables: [], views: [] }))
    return db
  }
  const findTable = (db: DbMeta, name: string): TableMeta | undefined => {
    const key = cfg.mydumper.caseSensitive ? name : name.toLowerCase()
    return db.tables.find(
      (x) => (cfg.mydumper.caseSensitive ? x.name : x.name.toLowerCase()) === key
    )
  }
  const tableOf = (dbName: string, name: string): TableMeta => {
    const db = dbOf(dbName)
    let t = findTable(db, name)
    if (!t) db.tables.push((t = { db: db.name, name, dataFiles: [], totalSize: 0 }))
    return t
  }
  const dbSchemas: [string, string][] = []
  const tableSchemas: [string, string, string][] = []
  const viewSchemas: [string, string, string][] = []
  const datas: [string, string, DataFile][] = []
  for (const f of files) {
    let res
    try {
      res = router.route(f.path)
    } catch (e) {
      throw lightningError(
        'Lightning:Loader:ErrTableRoute',
        'list file failed',
        (e as Error).message
      )
    }
    if (!res) {
      log.info('loader.go:496', 'file is filtered by file router', [
        ['path', f.path],
        ['category', 'loader']
      ])
      continue
    }
    if (res.type === 'ignore') continue
    const skip = res.table
      ? !filter.matchTable(res.schema, res.table)
      : !filter.matchSchema(res.schema)
    if (skip) {
      log.debug('loader.go:506', 'ignoring table file', [
        ['path', f.path],
        ['category', 'filter']
      ])
      continue
    }
    log.debug('loader.go:530', 'file route result', [
      ['path', f.path],
      ['schema', res.schema],
      ['table', res.table],
      ['type', res.type]
    ])
    if (res.type === 'schema-schema') dbSchemas.push([res.schema, f.path])
    else if (res.type === 'table-schema') tableSchemas.push([res.schema, res.table, f.path])
    else if (res.type === 'view-schema') viewSchemas.push([res.schema, res.table, f.path])
    else
      datas.push([
        res.schema,
        res.table,
        { path: f.path, type: res.type, compression: res.compression, size: f.size, key: res.key }
      ])
  }
  const setSchemaFile = (meta: { schemaFile?: string }, kind: string, path: string): void => {
    if (meta.schemaFile)
      throw lightningError(
        'Lightning:Loader:ErrInvalidSchemaFile',
        `invalid ${kind} schema file, duplicated item - ${path}`
      )
    meta.schemaFile = path
  }
  for (const [db, path] of dbSchemas) setSchemaFile(dbOf(db), 'database', path)
  for (const [db, table, path] of tableSchemas) setSchemaFile(tableOf(db, table), 'table', path)
  // mdLoaderSetup.insertView (pkg/lightning/mydump/loader.go): a view needs the placeholder table Dumpling writes
  // beside it (`<db>.<view>-schema.sql`), which stays a table without data files.
  for (const [dbName, name, schemaFile] of viewSchemas) {
    const db = dbOf(dbName)
    if (!findTable(db, name))
      throw lightningError(
        'Lightning:Loader:ErrInvalidSchemaFile',
        `invalid view schema file, miss host table schema for view '${name}'`
      )
    db.views.push({ db: db.name, name, schemaFile })
  }
  for (const [db, table, file] of datas) {
    const meta = tableOf(db, table)
    meta.dataFiles.push(file)
    meta.totalSize += file.size
  }
  for (const db of dbs) {
    db.tables.sort((a, b) => a.totalSize - b.totalSize)
    for (const t of db.tables)
      t.dataFiles.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }
  return dbs
}
