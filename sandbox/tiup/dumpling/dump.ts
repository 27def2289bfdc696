// What Dumpling does after parsing its flags: open the output storage, connect, detect the server, set up the
// consistency (flush/lock/snapshot/none), record SHOW MASTER STATUS, write `<db>-schema-create.sql`,
// `<db>.<table>-schema.sql` and the data files, then the `metadata` file — printing the real log lines.
import { gzipSync } from 'node:zlib'
import mysql from 'mysql2/promise'
import type { FieldPacket, RowDataPacket } from 'mysql2'
import { fault, timing } from '../../lib/faults.js'
import { goDuration } from '../../lib/pingcap-log.js'
import { goSqlErrorText } from '../sql-errors.js'
import { escapeString, quoteIdent as q } from '../sql-text.js'
import { openStorage, parseStorage, type ExternalStorage } from '../storage.js'
import type { ToolLogger } from '../tool-log.js'
import type { DumplingConfig } from './flags.js'
import { dumplingFileName, META_HEADER, showCreateView } from './meta-files.js'

/** A failure of NewDumper (printed as `create dumper failed: …`). */
export class CreateDumperError extends Error {}
/** A failure of Dump() (printed as `dump failed: …`). */
export class DumpError extends Error {}

interface ServerInfo {
  readonly type: 'MySQL' | 'MariaDB' | 'TiDB'
  readonly version: string
}

interface TableInfo {
  readonly name: string
  readonly type: string
}

function metadataTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

function serverInfo(version: string): ServerInfo {
  if (/TiDB/i.test(version)) return { type: 'TiDB', version: version.replace(/^.*-TiDB-/, '') }
  if (/MariaDB/i.test(version)) return { type: 'MariaDB', version }
  return { type: 'MySQL', version }
}

const NUMERIC = new Set([0, 1, 2, 3, 4, 5, 8, 9, 13, 246])
const BINARY_CHARSET = 63
/** Protocol types of character/binary strings; temporal types also report the binary charset but are text. */
const STRING_TYPES = new Set([15, 249, 250, 251, 252, 253, 254])

/** A value as Dumpling writes it in an INSERT statement. */
export function sqlValue(raw: Buffer | null, columnType: number, charset: number): string {
  if (raw === null) return 'NULL'
  if (NUMERIC.has(columnType)) return raw.toString('latin1')
  if (columnType === 16 || (charset === BINARY_CHARSET && STRING_TYPES.has(columnType)))
    return `x'${raw.toString('hex')}'`
  return `'${escapeString(raw.toString('utf8'))}'`
}

/** The dump: everything after NewDumper's steps. */
export class Dumper {
  private conn!: mysql.Connection
  private storage!: ExternalStorage
  private server!: ServerInfo
  private finishedRows = 0
  private finishedBytes = 0
  private tablesDone = 0
  private tablesTotal = 0
  private readonly started = Date.now()

  constructor(
    private readonly conf: DumplingConfig,
    private readonly log: ToolLogger
  ) {}

  /** NewDumper's steps: external store, SQL connection, server detection, consistency resolution. */
  async create(): Promise<void> {
    const c = this.conf
    try {
      this.storage = await openStorage(parseStorage(c.output, c.s3))
    } catch (e) {
      throw new CreateDumperError((e as Error).message)
    }
    if (this.storage.region) {
      this.log.info('s3.go:412', 'succeed to get bucket region from s3', [
        ['bucket region', this.storage.region]
      ])
    }
    if (fault('dumpling-connection-refused') !== undefined) {
      throw new CreateDumperError(goSqlErrorText({ code: 'ECONNREFUSED' }, c.host, c.port))
    }
    try {
      this.conn = await mysql.createConnection({
        host: c.host,
        port: c.port,
        user: c.user,
        password: c.password,
        multipleStatements: false,
        supportBigNumbers: true,
        bigNumberStrings: true,
        connectTimeout: 10_000
      })
      const [rows] = await this.conn.query<RowDataPacket[]>('SELECT version()')
      this.server = serverInfo(String(rows[0]?.['version()'] ?? ''))
    } catch (e) {
      throw new CreateDumperError(goSqlErrorText(e, c.host, c.port))
    }
    this.log.info('version.go:423', 'detect server version', [
      ['type', this.server.type],
      ['version', this.server.version]
    ])
    for (const [k, v] of Object.entries(c.params)) {
      await this.conn.query(`SET SESSION ${k} = ?`, [v]).catch((e: unknown) => {
        throw new CreateDumperError(goSqlErrorText(e, c.host, c.port))
      })
    }
  }

  private resolvedConsistency(): string {
    if (this.conf.consistency !== 'auto') return this.conf.consistency
    return this.server.type === 'TiDB' ? 'snapshot' : 'flush'
  }

  private sqlError(sql: string, e: unknown): DumpError {
    return new DumpError(`sql: ${sql}: ${goSqlErrorText(e, this.conf.host, this.conf.port)}`)
  }

  /** Lists `{db: tables}` selected by the filter, in SHOW DATABASES order. */
  private async tableList(): Promise<Map<string, TableInfo[]>> {
    const c = this.conf
    const [dbRows] = await this.conn.query<RowDataPacket[]>('SHOW DATABASES')
    const all = dbRows.map((r) => String(r['Database']))
    const dbs = c.databases.length ? all.filter((d) => c.databases.includes(d)) : all
    const [tableRows] = await this.conn.query<RowDataPacket[]>(
      'SELECT TABLE_SCHEMA,TABLE_NAME,TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES ORDER BY TABLE_SCHEMA, TABLE_NAME'
    )
    const out = new Map<string, TableInfo[]>()
    for (const db of dbs) {
      if (!c.filter.matchSchema(db) && !c.tablesList.length) continue
      const tables = tableRows
        .filter((r) => r['TABLE_SCHEMA'] === db)
        .map((r) => ({ name: String(r['TABLE_NAME']), type: String(r['TABLE_TYPE']) }))
        .filter((t) => t.type === 'BASE TABLE' || (t.type === 'VIEW' && !c.noViews))
        .filter((t) => c.filter.matchTable(db, t.name))
      if (!tables.length && (!c.dumpEmptyDatabase || c.tablesList.length)) continue
      out.set(db, tables)
    }
    return out
  }

  /** SHOW MASTER STATUS block of the metadata file (MariaDB adds @@global.gtid_binlog_pos as the GTID). */
  private async masterStatus(): Promise<string> {
    const [rows] = await this.conn.query<RowDataPacket[]>('SHOW MASTER STATUS')
    const row = rows[0]
    if (!row) return ''
    const file = String(row['File'] ?? '')
    const pos = String(row['Position'] ?? '')
    let gtid = String(row['Executed_Gtid_Set'] ?? '')
    if (this.server.type === 'MariaDB') {
      const [g] = await this.conn.query<RowDataPacket[]>('SELECT @@global.gtid_binlog_pos AS g')
      gtid = String(g[0]?.['g'] ?? '')
    }
    return file
      ? `SHOW MASTER STATUS:\n\tLog: ${file}\n\tPos: ${pos}\n\tGTID:${gtid.replace(/\n/g, '')}\n`
      : ''
  }

  /** Dump(): consistency, metadata, schema and data files. */
  async dump(): Promise<void> {
    const c = this.conf
    const consistency = this.resolvedConsistency()
    this.log.info('dump.go:151', 'begin to run Dump', [['conf', this.confJson(consistency)]])
    let tables: Map<string, TableInfo[]> | undefined
    const lockConn = this.conn
    if (consistency === 'lock') {
      tables = await this.tableList()
      const names = [...tables].flatMap(([db, ts]) => ts.map((t) => `${q(db)}.${q(t.name)} READ`))
      if (names.length) {
        const sql = `LOCK TABLES ${names.join(', ')}`
        await lockConn.query(sql).catch((e: unknown) => {
          throw this.sqlError(sql, e)
        })
      }
    } else if (consistency === 'flush') {
      await lockConn.query('FLUSH TABLES WITH READ LOCK').catch((e: unknown) => {
        throw this.sqlError('FLUSH TABLES WITH READ LOCK', e)
      })
    } else if (consistency === 'snapshot') {
      if (this.server.type !== 'TiDB')
        throw new DumpError('snapshot consistency is not supported for this server')
    } else if (consistency !== 'none') {
      throw new DumpError(`invalid consistency option ${consistency}`)
    }
    let metadata = `Started dump at: ${metadataTime(new Date())}\n`
    try {
      metadata += await this.masterStatus()
    } catch (e) {
      this.log.info('dump.go:190', 'get global metadata failed', [
        ['error', goSqlErrorText(e, c.host, c.port)]
      ])
    }
    metadata += '\n'
    if (consistency === 'flush' || consistency === 'lock') {
      await this.conn.query('START TRANSACTION /*!40108 WITH CONSISTENT SNAPSHOT */')
      this.log.info(
        'dump.go:240',
        'All the dumping transactions have started. Start to unlock tables'
      )
      await lockConn.query('UNLOCK TABLES')
    }
    tables ??= await this.tableList()
    this.tablesTotal = [...tables.values()].reduce((n, ts) => n + ts.length, 0)
    const progress = setInterval(() => this.logProgress(), 2 * 60_000)
    try {
      for (const [db, ts] of tables) await this.dumpDatabase(db, ts)
    } finally {
      clearInterval(progress)
    }
    if (consistency === 'flush' || consistency === 'lock') await this.conn.query('COMMIT')
    const take = Date.now() - this.started
    this.log.info('collector.go:239', 'backup success summary', [
      ['total-ranges', this.tablesTotal],
      ['ranges-succeed', this.tablesTotal],
      ['ranges-failed', 0],
      ['dump cost', goDuration(take)],
      ['total-take', goDuration(take)],
      ['total-rows', this.finishedRows]
    ])
    metadata += `Finished dump at: ${metadataTime(new Date())}\n`
    await this.write('metadata', metadata)
  }

  private logProgress(): void {
    const secs = (Date.now() - this.started) / 1000
    const pct = this.tablesTotal ? (this.tablesDone / this.tablesTotal) * 100 : 100
    this.log.info('status.go:37', 'progress', [
      ['tables', `${this.tablesDone}/${this.tablesTotal} (${pct.toFixed(1)}%)`],
      ['finished rows', this.finishedRows],
      ['estimate total rows', this.finishedRows],
      ['finished size', `${(this.finishedBytes / 1e9).toFixed(3)}GB`],
      ['average speed(MiB/s)', this.finishedBytes / 1048576 / Math.max(secs, 0.001)]
    ])
  }

  private async write(name: string, data: string | Buffer): Promise<void> {
    const gz = this.conf.compress === 'gzip' || this.conf.compress === 'gz'
    const body = gz && name !== 'metadata' ? gzipSync(data) : data
    try {
      await this.storage.writeFile(gz && name !== 'metadata' ? `${name}.gz` : name, body)
    } catch (e) {
      throw new DumpError((e as Error).message)
    }
  }

  private async dumpDatabase(db: string, tables: readonly TableInfo[]): Promise<void> {
    const c = this.conf
    if (!c.noSchemas) {
      const [rows] = await this.conn.query<RowDataPacket[]>(`SHOW CREATE DATABASE ${q(db)}`)
      const create = String(rows[0]?.['Create Database'] ?? '')
      await this.write(`${dumplingFileName(db)}-schema-create.sql`, `${META_HEADER}${create};\n`)
    }
    for (const t of tables) {
      const base = `${dumplingFileName(db)}.${dumplingFileName(t.name)}`
      if (!c.noSchemas && t.type === 'VIEW') {
        const view = await showCreateView(this.conn, db, t.name, (sql, e) => this.sqlError(sql, e))
        await this.write(`${base}-schema.sql`, view.tableSql)
        await this.write(`${base}-schema-view.sql`, view.viewSql)
      } else if (!c.noSchemas) {
        const sql = `SHOW CREATE TABLE ${q(db)}.${q(t.name)}`
        const [rows] = await this.conn.query<RowDataPacket[]>(sql).catch((e: unknown) => {
          throw this.sqlError(sql, e)
        })
        const create = String(rows[0]?.['Create Table'] ?? '')
        await this.write(
          `${base}-schema.sql`,
          `${META_HEADER}/*!40014 SET FOREIGN_KEY_CHECKS=0*/;\n\n${create};\n`
        )
      }
      if (!c.noData && t.type === 'BASE TABLE') await this.dumpTable(db, t.name)
      this.tablesDone++
    }
  }

  private async dumpTable(db: string, table: string): Promise<void> {
    const c = this.conf
    const [pkRows] = await this.conn.query<RowDataPacket[]>(
      "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_KEY = 'PRI' ORDER BY ORDINAL_POSITION",
      [db, table]
    )
    const order = pkRows.length
      ? ` ORDER BY ${pkRows.map((r) => q(String(r['COLUMN_NAME']))).join(',')}`
      : ''
    const sql = `SELECT * FROM ${q(db)}.${q(table)}${c.where ? ` WHERE ${c.where}` : ''}${order}`
    let rows: Buffer[][]
    let fields: FieldPacket[]
    try {
      ;[rows, fields] = (await this.conn.query({
        sql,
        rowsAsArray: true,
        typeCast: (field: { buffer(): Buffer | null }) => field.buffer()
      })) as unknown as [Buffer[][], FieldPacket[]]
    } catch (e) {
      throw this.sqlError(sql, e)
    }
    if (!rows.length) return
    const csv = c.fileType === 'csv'
    const types = fields.map((f) => (f as unknown as { columnType: number }).columnType)
    const charsets = fields.map((f) => (f as unknown as { characterSet: number }).characterSet)
    let out =
      csv || this.server.type === 'MariaDB'
        ? ''
        : '/*!40014 SET FOREIGN_KEY_CHECKS=0*/;\n/*!40101 SET NAMES binary*/;\n'
    if (!csv && this.server.type === 'MariaDB')
      out = '/*!40101 SET NAMES binary*/;\nSET FOREIGN_KEY_CHECKS=0;\n'
    if (csv) {
      if (!c.noHeader)
        out += `${fields.map((f) => `${c.csvDelimiter}${f.name}${c.csvDelimiter}`).join(c.csvSeparator)}\n`
      for (const row of rows)
        out += `${row.map((v, i) => this.csvValue(v, types[i] ?? 253)).join(c.csvSeparator)}\n`
    } else {
      const head = `INSERT INTO ${q(table)}${c.completeInsert ? ` (${fields.map((f) => q(f.name)).join(',')})` : ''} VALUES\n`
      let statement = ''
      for (const row of rows) {
        const tuple = `(${row.map((v, i) => sqlValue(v, types[i] ?? 253, charsets[i] ?? 33)).join(',')})`
        if (statement && statement.length + tuple.length > c.statementSize) {
          out += `${statement};\n`
          statement = ''
        }
        statement = statement ? `${statement},\n${tuple}` : `${head}${tuple}`
      }
      out += `${statement};\n`
    }
    this.finishedRows += rows.length
    this.finishedBytes += Buffer.byteLength(out)
    await this.write(
      `${dumplingFileName(db)}.${dumplingFileName(table)}.000000000.${csv ? 'csv' : 'sql'}`,
      out
    )
  }

  private csvValue(v: Buffer | null, type: number): string {
    const c = this.conf
    if (v === null) return c.csvNullValue
    const s = v.toString('utf8')
    if (NUMERIC.has(type)) return s
    return `${c.csvDelimiter}${s.replace(/\\/g, '\\\\').split(c.csvDelimiter).join(`\\${c.csvDelimiter}`)}${c.csvDelimiter}`
  }

  private confJson(consistency: string): string {
    const c = this.conf
    return JSON.stringify({
      s3: {
        endpoint: c.s3.endpoint ?? '',
        region: c.s3.region ?? '',
        provider: c.s3.provider ?? ''
      },
      AllowCleartextPasswords: false,
      SortByPk: true,
      NoViews: c.noViews,
      NoSequences: true,
      NoHeader: c.noHeader,
      NoSchemas: c.noSchemas,
      NoData: c.noData,
      CompleteInsert: c.completeInsert,
      TransactionalConsistency: true,
      EscapeBackslash: true,
      DumpEmptyDatabase: c.dumpEmptyDatabase,
      PosAfterConnect: false,
      CompressType: c.compress === 'gzip' || c.compress === 'gz' ? 1 : 0,
      Host: c.host,
      Port: c.port,
      Threads: c.threads,
      User: c.user,
      Security: { CAPath: '', CertPath: '', KeyPath: '' },
      LogLevel: c.logLevel,
      LogFile: c.logFile,
      LogFormat: 'text',
      OutputDirPath: c.output,
      StatusAddr: c.statusAddr,
      Snapshot: c.snapshot,
      Consistency: consistency,
      CsvNullValue: c.csvNullValue,
      SQL: '',
      CsvSeparator: c.csvSeparator,
      CsvDelimiter: c.csvDelimiter,
      Databases: c.databases.length ? c.databases : null,
      Where: c.where,
      FileType: c.fileType || 'sql',
      ServerInfo: {
        ServerType: this.server.type === 'MySQL' ? 1 : this.server.type === 'MariaDB' ? 2 : 3,
        ServerVersion: this.server.version
      },
      Rows: 0,
      ReadTimeout: 900000000000,
      TiDBMemQuotaQuery: 0,
      FileSize: 0,
      StatementSize: c.statementSize,
      SessionParams: c.params,
      Tables: null,
      CollationCompatible: 'loose'
    })
  }

  /** Waits until the run has lasted the configured `dumpling` timing, then closes the connection. */
  async close(): Promise<void> {
    const min = timing('dumpling', 0) * 1000
    const left = min - (Date.now() - this.started)
    if (left > 0) await new Promise((r) => setTimeout(r, left))
    await this.conn?.end().catch(() => undefined)
  }
}
