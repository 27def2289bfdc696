// DM-master's scheduler in the sandbox: sources, tasks and their workers, persisted to `<dir>/dm/state.json` so a
// restarted master resumes them. Each method answers like pingcap/tiflow dm/master/server.go does.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import mysql from 'mysql2/promise'
import { runCheckTask, mysqlErrorText } from './checker.js'
import {
  parseSourceYaml,
  parseTaskYaml,
  verifySource,
  type SourceConfig,
  type TaskConfig
} from './config.js'
import type {
  CheckTaskResp,
  CommonWorkerResp,
  GetCfgResp,
  OperateSourceResp,
  OperateTaskResp,
  QueryStatusListResp,
  StartTaskResp
} from './pb.js'
import { notFound, sourceConfigYaml, taskConfigYaml } from './get-config.js'
import { subTaskStatus, type MasterPosition } from './status.js'
import { removeCheckpoint } from './target.js'
import {
  annotate,
  delegate,
  ERR,
  generate,
  terrorText,
  TerrorException,
  withClass,
  type Terror
} from './terror.js'
import { adjustSource } from './source-adjust.js'
import { SyncWorker } from './worker.js'

interface SourceEntry {
  cfg: SourceConfig
  worker: string
}

interface TaskEntry {
  raw: string
  cfg: TaskConfig
  workers: Map<string, SyncWorker>
}

interface Persisted {
  sources: { raw: string; worker: string }[]
  tasks: {
    raw: string
    stages: Record<string, { stage: string; error: Terror | null; userPaused: boolean }>
  }[]
}

/** Faults a dmctl call forwards (so a fault set only in the caller's environment still applies). */
export interface CallFaults {
  checkTaskFail?: boolean
  taskPausedError?: string
}

const errText = (err: unknown): string =>
  err instanceof TerrorException ? err.message : err instanceof Error ? err.message : String(err)

const asTerror = (err: unknown): Terror | undefined =>
  err instanceof TerrorException ? err.terror : undefined

/** The scheduler. */
export class DmCluster {
  private readonly sources = new Map<string, SourceEntry>()
  private readonly tasks = new Map<string, TaskEntry>()
  private readonly stateFile: string
  private workerSeq = 0

  constructor(
    dir: string,
    private readonly env: NodeJS.ProcessEnv
  ) {
    mkdirSync(path.join(dir, 'dm'), { recursive: true })
    this.stateFile = path.join(dir, 'dm', 'state.json')
  }

  /** Loads persisted sources and tasks and restarts the workers of running tasks. */
  async restore(): Promise<void> {
    let state: Persisted
    try {
      state = JSON.parse(readFileSync(this.stateFile, 'utf8')) as Persisted
    } catch {
      return // first start
    }
    for (const s of state.sources) {
      const cfg = parseSourceYaml(s.raw)
      this.sources.set(cfg.sourceId, { cfg, worker: s.worker })
      this.workerSeq = Math.max(this.workerSeq, Number(/(\d+)$/.exec(s.worker)?.[1] ?? 0))
    }
    for (const t of state.tasks) {
      const entry = this.addTask(t.raw, parseTaskYaml(t.raw))
      for (const [source, w] of entry.workers) {
        const saved = t.stages[source]
        if (saved?.stage === 'Running' || !saved) await w.run()
        else {
          w.stats.stage = 'Paused'
          w.stats.error = saved.error
          w.stats.userPaused = saved.userPaused
        }
      }
    }
  }

  private persist(): void {
    const state: Persisted = {
      sources: [...this.sources.values()].map((s) => ({ raw: s.cfg.raw, worker: s.worker })),
      tasks: [...this.tasks.values()].map((t) => ({
        raw: t.raw,
        stages: Object.fromEntries(
          [...t.workers].map(([k, w]) => [
            k,
            { stage: w.stats.stage, error: w.stats.error, userPaused: w.stats.userPaused }
          ])
        )
      }))
    }
    const tmp = `${this.stateFile}.tmp`
    writeFileSync(tmp, JSON.stringify(state, null, 2))
    renameSync(tmp, this.stateFile)
  }

  private addTask(raw: string, cfg: TaskConfig): TaskEntry {
    const workers = new Map<string, SyncWorker>()
    for (const inst of cfg.instances) {
      const src = this.sources.get(inst.sourceId)
      if (!src) continue
      workers.set(
        inst.sourceId,
        new SyncWorker({
          task: cfg.name,
          metaSchema: cfg.metaSchema,
          caseSensitive: cfg.caseSensitive,
          instance: inst,
          source: src.cfg,
          target: cfg.targetDatabase,
          env: this.env,
          onChange: () => this.persist()
        })
      )
    }
    const entry = { raw, cfg, workers }
    this.tasks.set(cfg.name, entry)
    return entry
  }

  /** `operate-source create|update|stop|show`. */
  async operateSource(op: string, configs: string[], ids: string[]): Promise<OperateSourceResp> {
    const fail = (msg: string): OperateSourceResp => ({ result: false, msg, sources: [] })
    const parsed: SourceConfig[] = []
    for (const c of configs) {
      try {
        parsed.push(parseSourceYaml(c))
      } catch (err) {
        return fail(errText(err))
      }
    }
    const resp = (id: string, msg = ''): CommonWorkerResp => ({
      result: true,
      msg,
      source: id,
      worker: this.sources.get(id)?.worker ?? ''
    })
    if (op === 'create' || op === 'update') {
      for (const cfg of parsed) {
        const bad = (await adjustSource(cfg)) ?? verifySource(cfg)
        if (bad) return fail(terrorText(bad))
      }
    }
    // dm/master/server.go OperateSource: after parsing and adjusting the configs, SourceOp_UpdateSource answers
    // only this (v8.5; the scheduler's UpdateSourceCfg is reached through the OpenAPI, not dmctl).
    if (op === 'update') return fail('Update worker config is not supported by dm-ha now')
    if (op === 'create') {
      for (const cfg of parsed) {
        if (this.sources.has(cfg.sourceId))
          return fail(terrorText(generate(ERR.SchedulerSourceCfgExist, cfg.sourceId)))
      }
      for (const cfg of parsed)
        this.sources.set(cfg.sourceId, { cfg, worker: `dm-worker-${++this.workerSeq}` })
      this.persist()
      return { result: true, msg: '', sources: parsed.map((c) => resp(c.sourceId)) }
    }
    if (op === 'stop') {
      const all = [...ids, ...parsed.map((c) => c.sourceId)]
      const out: CommonWorkerResp[] = []
      for (const id of all) {
        if (!this.sources.has(id))
          return fail(terrorText(generate(ERR.SchedulerSourceCfgNotExist, id)))
        const using = [...this.tasks.values()]
          .filter((t) => t.workers.has(id))
          .map((t) => t.cfg.name)
        if (using.length)
          return fail(terrorText(generate(ERR.SchedulerSourceOpTaskExist, id, using)))
        out.push(resp(id))
        this.sources.delete(id)
      }
      this.persist()
      return { result: true, msg: '', sources: out }
    }
    if (op === 'show') {
      const want = [...ids, ...parsed.map((c) => c.sourceId)]
      const list = want.length ? want : [...this.sources.keys()]
      return { result: true, msg: '', sources: list.map((id) => resp(id)) }
    }
    return fail(terrorText(generate(ERR.MasterInvalidOperateOp, 'InvalidSourceOp', 'source')))
  }

  /** `get-config source|task <name>`. */
  getConfig(type: string, name: string): GetCfgResp {
    if (type === 'source') {
      const src = this.sources.get(name)
      return src ? { result: true, msg: '', cfg: sourceConfigYaml(src.cfg) } : notFound('source')
    }
    if (type === 'task') {
      const t = this.tasks.get(name)
      return t ? { result: true, msg: '', cfg: taskConfigYaml(t.raw) } : notFound('task')
    }
    return { result: false, msg: `get-config ${type} is not kept by the sandbox`, cfg: '' }
  }

  /** `generateSubTask`: parse and adjust the task, check the target is reachable and the sources exist. */
  private async generate(text: string): Promise<TaskConfig> {
    let cfg: TaskConfig
    try {
      cfg = parseTaskYaml(text)
    } catch (err) {
      const t = asTerror(err)
      throw t ? new TerrorException(withClass(t, 'dm-master')) : err
    }
    try {
      const c = await mysql.createConnection({ ...cfg.targetDatabase, connectTimeout: 10_000 })
      await c.end()
    } catch (err) {
      throw new TerrorException(
        withClass(delegate(ERR.DBDriverError, mysqlErrorText(err)), 'dm-master')
      )
    }
    for (const inst of cfg.instances) {
      if (!this.sources.has(inst.sourceId))
        throw new TerrorException(
          withClass(generate(ERR.ConfigSourceIDNotFound, inst.sourceId), 'dm-master')
        )
    }
    return cfg
  }

  private async check(
    cfg: TaskConfig,
    errCnt: number,
    warnCnt: number,
    faults: CallFaults
  ): Promise<{ ok: boolean; text: string }> {
    const sources = new Map([...this.sources].map(([k, v]) => [k, v.cfg]))
    const r = await runCheckTask(cfg, sources, errCnt, warnCnt, !!faults.checkTaskFail)
    return 'error' in r
      ? { ok: false, text: terrorText(withClass(r.error, 'dm-master')) }
      : { ok: true, text: r.msg }
  }

  /** `check-task`. */
  async checkTask(
    text: string,
    errCnt: number,
    warnCnt: number,
    faults: CallFaults
  ): Promise<CheckTaskResp> {
    try {
      const cfg = await this.generate(text)
      const r = await this.check(cfg, errCnt, warnCnt, faults)
      return { result: r.ok, msg: r.text }
    } catch (err) {
      return { result: false, msg: errText(err) }
    }
  }

  /** `start-task`. */
  async startTask(text: string, removeMeta: boolean, faults: CallFaults): Promise<StartTaskResp> {
    const resp: StartTaskResp = { result: false, msg: '', sources: [], checkResult: '' }
    let cfg: TaskConfig
    try {
      cfg = await this.generate(text)
    } catch (err) {
      return { ...resp, msg: errText(err) }
    }
    const check = await this.check(cfg, 10, 10, faults)
    resp.checkResult = check.text
    if (!check.ok) return resp
    const ids = cfg.instances.map((i) => i.sourceId)
    if (this.tasks.has(cfg.name)) {
      const e = generate(ERR.SchedulerSubTaskExist, cfg.name, ids)
      return { ...resp, msg: terrorText(removeMeta ? annotate(e, 'while remove-meta is true') : e) }
    }
    if (removeMeta) await removeCheckpoint(cfg.targetDatabase, cfg.metaSchema, cfg.name)
    const entry = this.addTask(text, cfg)
    for (const w of entry.workers.values()) await w.run()
    this.persist()
    return {
      ...resp,
      result: true,
      sources: ids.map((id) => ({
        result: true,
        msg: '',
        source: id,
        worker: this.sources.get(id)?.worker ?? ''
      }))
    }
  }

  /** `pause-task` / `resume-task` / `stop-task` (op Delete). */
  async operateTask(op: OperateTaskResp['op'], name: string): Promise<OperateTaskResp> {
    const t = this.tasks.get(name)
    if (!t || t.workers.size === 0) {
      return {
        op,
        result: false,
        msg: `task ${name} has no source or not exist, please check the task name and status`,
        sources: []
      }
    }
    for (const w of t.workers.values()) {
      if (op === 'Pause') await w.pause()
      else if (op === 'Resume') await w.run()
      else await w.close()
    }
    if (op === 'Delete') this.tasks.delete(name)
    this.persist()
    return {
      op,
      result: true,
      msg: '',
      sources: [...t.workers.keys()].sort().map((id) => ({
        result: true,
        msg: '',
        source: id,
        worker: this.sources.get(id)?.worker ?? ''
      }))
    }
  }

  /** Applies the dm-task-paused-error fault to every running subtask. */
  async injectPausedError(message: string): Promise<void> {
    for (const t of this.tasks.values())
      for (const w of t.workers.values()) await w.injectError(message)
  }

  private async masterPosition(cfg: SourceConfig): Promise<MasterPosition | null> {
    try {
      const c = await mysql.createConnection({ ...cfg.from, connectTimeout: 5_000 })
      try {
        const [rows] = await c.query<mysql.RowDataPacket[]>('SHOW MASTER STATUS')
        const [g] = await c.query<mysql.RowDataPacket[]>('SELECT @@gtid_binlog_pos AS g')
        return {
          file: String(rows[0]?.['File'] ?? ''),
          pos: Number(rows[0]?.['Position'] ?? 0),
          gtid: String(g[0]?.['g'] ?? '')
        }
      } finally {
        await c.end()
      }
    } catch {
      return null
    }
  }

  /** `query-status [task]`. */
  async queryStatus(name: string): Promise<QueryStatusListResp> {
    let sourceIds: string[]
    if (name) {
      const t = this.tasks.get(name)
      if (!t || t.workers.size === 0)
        return { result: false, msg: `task ${name} has no source or not exist`, sources: [] }
      sourceIds = [...t.workers.keys()]
    } else sourceIds = [...this.sources.keys()]
    const now = Date.now()
    const out: QueryStatusListResp['sources'] = []
    for (const id of sourceIds.sort()) {
      const src = this.sources.get(id)
      if (!src) continue
      const master = await this.masterPosition(src.cfg)
      const subs = [...this.tasks.values()]
        .filter((t) => (!name || t.cfg.name === name) && t.workers.has(id))
        .map((t) => subTaskStatus(t.cfg.name, (t.workers.get(id) as SyncWorker).stats, master, now))
      out.push({
        result: true,
        msg: '',
        sourceStatus: { source: id, worker: src.worker, result: null, relayStatus: null },
        subTaskStatus: subs
      })
    }
    return { result: true, msg: '', sources: out }
  }

  /** Stops every worker (and its mariadb-binlog). */
  async close(): Promise<void> {
    for (const t of this.tasks.values()) for (const w of t.workers.values()) await w.close()
  }

  /** Pids of running binlog readers (tests check none leak). */
  readerPids(): number[] {
    const out: number[] = []
    for (const t of this.tasks.values())
      for (const w of t.workers.values()) if (w.readerPid !== undefined) out.push(w.readerPid)
    return out
  }
}
