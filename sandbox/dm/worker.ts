// A DM subtask in its Sync unit: reads the source's binlog from the checkpoint (or the task's `meta`), keeps the
// changes the block-allow-list admits, and applies each source transaction atomically to the target together with
// its checkpoint, with DM's safe mode (forced for safe-mode-duration after every start and resume). A change the
// target refuses pauses the subtask with DM's error (sync-errors.ts); DM-worker's checker resumes it by itself
// while the error is resumable, as dm/worker/task_checker.go does.
import type mysql from 'mysql2/promise'
import { compileBAList, type BAFilter } from './ba-list.js'
import type { BinlogEvent } from './binlog-parse.js'
import { startBinlogStream, type BinlogStream, type StartAt } from './binlog-stream.js'
import { mysqlErrorText } from './checker.js'
import type { DbConfig, InstanceConfig, SourceConfig } from './config.js'
import { applyTransaction, ddlSteps, rowSteps, TableTracker, type Step } from './apply.js'
import { classifyDdl } from './sql-build.js'
import { AutoResume, CHECKER, type Location } from './sync-errors.js'
import {
  connectTarget,
  ensureCheckpointTable,
  loadCheckpoint,
  saveCheckpointSql,
  type Checkpoint
} from './target.js'
import { delegate, ERR, generate, TerrorException, type Terror } from './terror.js'
import { fault, timing } from '../lib/faults.js'

/** Stage of a subtask as query-status names it. */
export type Stage = 'Running' | 'Paused' | 'Stopped'

/** What a worker needs. */
export interface WorkerOptions {
  readonly task: string
  readonly metaSchema: string
  readonly caseSensitive: boolean
  readonly instance: InstanceConfig
  readonly source: SourceConfig
  readonly target: DbConfig
  readonly env: NodeJS.ProcessEnv
  /** Called whenever stage or error changes, so the master can persist it. */
  readonly onChange: () => void
}

type RowsEvent = Extract<BinlogEvent, { kind: 'rows' }>

/** Counters and positions for query-status. */
export interface WorkerStats {
  stage: Stage
  error: Terror | null
  userPaused: boolean
  checkpoint: Checkpoint
  gtid: string
  totalEvents: number
  totalRows: number
  startedAt: number
  /** Source time (s) of the first received event not yet applied, or 0. */
  pendingSince: number
  /** Source time (s) of the last applied event. */
  lastAppliedTs: number
  recent: { t: number; events: number; rows: number }[]
}

/** One subtask worker. */
export class SyncWorker {
  readonly stats: WorkerStats
  private stream: BinlogStream | undefined
  private conn: mysql.Connection | undefined
  private readonly filter: BAFilter
  private readonly tables = new TableTracker()
  private file = ''
  private group: { gtid: string; rows: RowsEvent[] } | null = null
  private safeUntil = 0
  private faultTimer: NodeJS.Timeout | undefined
  private gtids = new Map<string, string>()
  /** The GTID set before the transaction being read (DM's start location of its events). */
  private gtidBefore = ''
  /** The stop of a stream a failing apply ended: awaited by the next start, never by the failing apply itself. */
  private stopping: Promise<void> = Promise.resolve()
  private readonly autoResume = new AutoResume(Date.now())
  private readonly checker: NodeJS.Timeout

  constructor(private readonly o: WorkerOptions) {
    this.filter = compileBAList(o.instance.baList, o.caseSensitive)
    this.checker = setInterval(() => this.checkAutoResume(), CHECKER.intervalMs)
    this.checker.unref()
    this.stats = {
      stage: 'Paused',
      error: null,
      userPaused: false,
      checkpoint: { file: '', pos: 0, gtid: '' },
      gtid: '',
      totalEvents: 0,
      totalRows: 0,
      startedAt: Date.now(),
      pendingSince: 0,
      lastAppliedTs: 0,
      recent: []
    }
  }

  /** The stream's pid (for tests that check nothing leaks). */
  get readerPid(): number | undefined {
    return this.stream?.pid
  }

  /** Starts or resumes replication from the checkpoint (or `meta`, or the source's current position). */
  async run(): Promise<void> {
    await this.stopping
    await this.halt()
    this.stats.error = null
    this.stats.userPaused = false
    try {
      this.conn = await connectTarget(this.o.target)
      await ensureCheckpointTable(this.conn, this.o.metaSchema, this.o.task)
      const cp = await loadCheckpoint(
        this.conn,
        this.o.metaSchema,
        this.o.task,
        this.o.source.sourceId
      )
      const start = cp ?? (await this.initialPosition())
      this.stats.checkpoint = { file: start.file, pos: start.pos, gtid: start.gtid }
      this.setGtidState(start.gtid)
      this.gtidBefore = this.stats.gtid
      this.file = start.file
      const at: StartAt =
        !cp && this.o.source.enableGtid && this.o.instance.meta?.binlogGtid
          ? { gtid: this.o.instance.meta.binlogGtid, file: start.file }
          : { file: start.file, pos: start.pos }
      this.safeUntil = Date.now() + this.o.instance.syncer.safeModeDurationSec * 1000
      this.stats.stage = 'Running'
      this.stats.pendingSince = 0
      this.group = null
      this.stream = startBinlogStream(
        this.o.source.from,
        at,
        (events) => this.onEvents(events),
        (error) => this.fail(generate(ERR.SyncerGetEvent, error))
      )
      this.faultTimer = setInterval(() => this.checkFault(), 200)
    } catch (err) {
      this.fail(delegate(ERR.DBExecuteFailed, mysqlErrorText(err), 'prepare syncer'))
    }
    this.o.onChange()
  }

  /** User pause: stops reading and applying; the checkpoint stays where the last transaction ended. */
  async pause(): Promise<void> {
    await this.stopping
    await this.halt()
    this.stats.stage = 'Paused'
    this.stats.userPaused = true
    this.o.onChange()
  }

  /** Stops for good (stop-task, master shutdown). */
  async close(): Promise<void> {
    clearInterval(this.checker)
    await this.stopping
    await this.halt()
    this.stats.stage = 'Stopped'
  }

  /** One tick of DM-worker's task checker: resumes a subtask a resumable error paused, with backoff. */
  private checkAutoResume(): void {
    const now = Date.now()
    const paused = this.stats.stage === 'Paused' ? this.stats : null
    if (this.autoResume.check(paused, now) !== 'dispatch') return
    this.autoResume.resumed(now)
    void this.run()
  }

  private async halt(): Promise<void> {
    if (this.faultTimer) clearInterval(this.faultTimer)
    this.faultTimer = undefined
    const s = this.stream
    this.stream = undefined
    await s?.stop()
    const c = this.conn
    this.conn = undefined
    await c?.end().catch(() => undefined)
  }

  private checkFault(): void {
    const v = fault('dm-task-paused-error', this.o.env)
    if (v !== undefined) void this.injectError(v)
  }

  /** Pauses a running subtask with error 36069, as a broken binlog stream does (fault dm-task-paused-error). */
  async injectError(message: string): Promise<void> {
    if (this.stats.stage !== 'Running') return
    this.fail(
      generate(
        ERR.SyncerGetEvent,
        message || 'ERROR 1236 (HY000): Could not find first log file name in binary log index file'
      )
    )
    await this.stopping
  }

  /**
   * Pauses with an error at once; the stream stops in the background (its stop waits for the consumer, which may be
   * the very apply that failed, so the failing call must not wait for it).
   */
  private fail(e: Terror): void {
    if (this.stats.stage !== 'Running' && this.stats.error) return
    this.stats.stage = 'Paused'
    this.stats.error = e
    this.stopping = this.halt()
    this.o.onChange()
  }

  private async initialPosition(): Promise<Checkpoint> {
    const meta = this.o.instance.meta
    if (meta?.binlogName)
      return { file: meta.binlogName, pos: meta.binlogPos || 4, gtid: meta.binlogGtid }
    const src = await connectTarget(this.o.source.from)
    try {
      const [rows] = await src.query<mysql.RowDataPacket[]>('SHOW MASTER STATUS')
      const [g] = await src.query<mysql.RowDataPacket[]>('SELECT @@gtid_binlog_pos AS g')
      const gtid = meta?.binlogGtid || String(g[0]?.['g'] ?? '')
      if (meta?.binlogGtid) {
        const [logs] = await src.query<mysql.RowDataPacket[]>('SHOW BINARY LOGS')
        return { file: String(logs[0]?.['Log_name'] ?? ''), pos: 4, gtid }
      }
      return {
        file: String(rows[0]?.['File'] ?? ''),
        pos: Number(rows[0]?.['Position'] ?? 4),
        gtid
      }
    } finally {
      await src.end()
    }
  }

  private setGtidState(text: string): void {
    this.gtids = new Map()
    for (const g of text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      this.gtids.set(g.split('-')[0] ?? '0', g)
    }
    this.stats.gtid = [...this.gtids.values()].join(',')
  }

  private async onEvents(events: BinlogEvent[]): Promise<void> {
    try {
      for (const e of events) {
        if (this.stats.stage !== 'Running') return
        await this.onEvent(e)
      }
    } catch (err) {
      if (err instanceof TerrorException) this.fail(err.terror)
      else {
        const msg = err instanceof Error && !('errno' in err) ? err.message : mysqlErrorText(err)
        this.fail(delegate(ERR.DBExecuteFailed, msg, 'commit'))
      }
    }
  }

  private async onEvent(e: BinlogEvent): Promise<void> {
    if (e.kind !== 'rotate' && !this.stats.pendingSince) this.stats.pendingSince = e.ts
    switch (e.kind) {
      case 'rotate':
        this.file = e.file
        return
      case 'gtid':
        this.group = { gtid: e.gtid, rows: [] }
        return
      case 'rows':
        this.group ??= { gtid: '', rows: [] }
        if (this.filter.match(e.db, e.table)) this.group.rows.push(e)
        return
      case 'xid':
        return this.commit(e.endPos, e.ts, [])
      case 'query': {
        const sql = Buffer.from(e.sql, 'latin1').toString('utf8')
        if (/^(BEGIN|START TRANSACTION)\b/i.test(sql)) return
        if (/^ROLLBACK\b/i.test(sql)) {
          this.group = null
          return
        }
        if (/^(COMMIT|XA |SAVEPOINT|RELEASE )/i.test(sql)) return this.commit(e.endPos, e.ts, [])
        return this.commit(e.endPos, e.ts, this.ddlStatements(sql, e.db), {
          sql,
          startPos: e.startPos
        })
      }
    }
  }

  private ddlStatements(sql: string, db: string): string[] {
    const t = classifyDdl(sql, db)
    if (t.kind === 'other') return []
    if (t.kind === 'schema') return this.filter.match(t.schema ?? '', '') ? [sql] : []
    const admitted = t.tables.filter((x) => this.filter.match(x.db, x.table))
    if (admitted.length === 0) return []
    this.tables.clear()
    if (admitted.length < t.tables.length && /^DROP\s+TABLE/i.test(sql)) {
      return [
        `DROP TABLE IF EXISTS ${admitted.map((x) => `\`${x.db}\`.\`${x.table}\``).join(', ')}`
      ]
    }
    return db ? [`USE \`${db.replace(/`/g, '``')}\``, sql] : [sql]
  }

  private async commit(
    endPos: number,
    ts: number,
    ddl: string[],
    origin?: { sql: string; startPos: number }
  ): Promise<void> {
    const conn = this.conn
    if (!conn) return
    const group = this.group ?? { gtid: '', rows: [] }
    this.group = null
    if (group.gtid) this.gtids.set(group.gtid.split('-')[0] ?? '0', group.gtid)
    const cp: Checkpoint = {
      file: this.file,
      pos: endPos,
      gtid: [...this.gtids.values()].join(',')
    }
    const safe = this.o.instance.syncer.safeMode || Date.now() < this.safeUntil
    const steps: Step[] = []
    let rows = 0
    const at = (pos: number, gtid: string): Location => ({ file: this.file, pos, gtid })
    for (const ev of group.rows) {
      const start = at(ev.startPos, this.gtidBefore)
      const end = at(ev.endPos, cp.gtid)
      const info = await this.tables.get(conn, ev.db, ev.table, start, end)
      steps.push(...rowSteps(ev, info, safe, start, end))
      rows += ev.rows.length
    }
    if (origin)
      steps.push(
        ...ddlSteps(ddl, origin.sql, at(origin.startPos, this.gtidBefore), at(endPos, cp.gtid))
      )
    const applied = group.rows.length + (ddl.length ? 1 : 0)
    if (applied) {
      const delay = timing('dm', 0, this.o.env)
      if (delay > 0) await new Promise((r) => setTimeout(r, delay * 1000))
      if (this.stats.stage !== 'Running') return
    }
    const save = saveCheckpointSql(conn, this.o.metaSchema, this.o.task, this.o.source.sourceId, cp)
    await applyTransaction(conn, steps, save, ddl.length > 0)
    this.gtidBefore = cp.gtid
    this.stats.checkpoint = cp
    this.stats.gtid = cp.gtid
    this.stats.totalEvents += applied
    this.stats.totalRows += rows
    this.stats.lastAppliedTs = ts
    this.stats.pendingSince = 0
    const now = Date.now()
    this.stats.recent.push({ t: now, events: applied, rows })
    while ((this.stats.recent[0]?.t ?? now) < now - 60_000) this.stats.recent.shift()
  }
}
