// An RDS that lives in memory and on a ManualClock, answering the SDK commands the adapter sends (rds.ts) with
// the SDK's own output shapes and exception classes. Export tasks follow AWS's life cycle (STARTING →
// IN_PROGRESS with PercentProgress → COMPLETE / FAILED / CANCELED) as functions of the clock, so a 60-minute export
// runs in no time and every DescribeExportTasks call is counted.
import {
  CancelExportTaskCommand,
  CreateDBClusterSnapshotCommand,
  DBClusterSnapshotAlreadyExistsFault,
  DBClusterSnapshotNotFoundFault,
  DescribeDBClusterSnapshotsCommand,
  DescribeEventsCommand,
  DescribeExportTasksCommand,
  ExportTaskAlreadyExistsFault,
  ExportTaskNotFoundFault,
  RDSServiceException,
  StartExportTaskCommand,
  type ExportTask
} from '@aws-sdk/client-rds'
import type { ManualClock } from './manual-clock.js'

/** How a fake export task ends. */
export interface TaskScript {
  /** Milliseconds from start to the end state. */
  readonly durationMs: number
  /** Share of the duration spent STARTING (default 0.25). */
  readonly startingShare?: number
  readonly outcome?: 'COMPLETE' | 'FAILED' | 'CANCELED' | 'STUCK'
  readonly failureCause?: string
  readonly warningMessage?: string
  readonly totalGB?: number
}

interface FakeTask {
  readonly id: string
  readonly sourceArn: string
  readonly bucket: string
  readonly prefix: string
  readonly exportOnly: string[] | undefined
  readonly startedAt: number
  readonly script: TaskScript
}

interface FakeSnapshot {
  readonly id: string
  readonly cluster: string
  readonly createdAt: number
  readyAt: number
  status?: string
}

const ACCOUNT = '123456789012'
const meta = { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 }

/** The in-memory RDS. */
export class FakeRds {
  readonly calls: string[] = []
  readonly tasks = new Map<string, FakeTask>()
  readonly snapshots = new Map<string, FakeSnapshot>()
  readonly events: { id: string; message: string; at: number }[] = []
  /** The script of the next export started. */
  nextTask: TaskScript = { durationMs: 3000 }
  /** Milliseconds a new snapshot stays `creating`. */
  snapshotMs = 1000
  /** The next N calls fail with Throttling. */
  throttle = 0
  /** Until this clock time, StartExportTask is refused: the account runs its 5 concurrent export tasks. */
  exportLimitUntil = 0
  /** Announce `Binlog position from crash recovery is …` when a snapshot becomes available. */
  snapshotBinlog: { file: string; position: number } | undefined
  /** Called with each command's name before it is answered (tests cancel runs from here). */
  onSend: ((name: string) => void) | undefined

  constructor(
    readonly clock: ManualClock,
    readonly region = 'us-east-1'
  ) {}

  /** Number of calls of one command. */
  count(name: string): number {
    return this.calls.filter((c) => c === name).length
  }

  snapshotArn(id: string): string {
    return `arn:aws:rds:${this.region}:${ACCOUNT}:cluster-snapshot:${id}`
  }

  async send(command: object): Promise<unknown> {
    const name = command.constructor.name.replace(/Command$/, '')
    this.calls.push(name)
    this.onSend?.(name)
    if (this.throttle > 0) {
      this.throttle--
      throw new RDSServiceException({
        name: 'Throttling',
        $fault: 'client',
        $metadata: meta,
        message: 'Rate exceeded'
      })
    }
    await Promise.resolve()
    if (command instanceof CreateDBClusterSnapshotCommand) return this.createSnapshot(command)
    if (command instanceof DescribeDBClusterSnapshotsCommand) {
      const s = this.snapshot(command.input.DBClusterSnapshotIdentifier ?? '')
      return { DBClusterSnapshots: [this.snapshotShape(s)] }
    }
    if (command instanceof StartExportTaskCommand) return this.start(command)
    if (command instanceof DescribeExportTasksCommand) {
      const t = this.tasks.get(command.input.ExportTaskIdentifier ?? '')
      if (!t)
        throw new ExportTaskNotFoundFault({
          message: 'The export task could not be found.',
          $metadata: meta
        })
      return { ExportTasks: [this.taskShape(t)] }
    }
    if (command instanceof CancelExportTaskCommand) return {}
    if (command instanceof DescribeEventsCommand) {
      const id = command.input.SourceIdentifier
      return {
        Events: this.events
          .filter((e) => e.id === id)
          .map((e) => ({ SourceIdentifier: e.id, Message: e.message, Date: new Date(e.at) }))
      }
    }
    throw new Error(`FakeRds: no answer for ${name}`)
  }

  private createSnapshot(c: CreateDBClusterSnapshotCommand): unknown {
    const id = (c.input.DBClusterSnapshotIdentifier ?? '').toLowerCase()
    if (this.snapshots.has(id))
      throw new DBClusterSnapshotAlreadyExistsFault({
        message: `Cannot create the cluster snapshot because one with the identifier ${id} already exists.`,
        $metadata: meta
      })
    const now = this.clock.now()
    const s: FakeSnapshot = {
      id,
      cluster: c.input.DBClusterIdentifier ?? '',
      createdAt: now,
      readyAt: now + this.snapshotMs
    }
    this.snapshots.set(id, s)
    return { DBClusterSnapshot: this.snapshotShape(s) }
  }

  private snapshot(idOrArn: string): FakeSnapshot {
    const id = idOrArn.replace(/^arn:.*:cluster-snapshot:/, '').toLowerCase()
    const s = this.snapshots.get(id)
    if (!s)
      throw new DBClusterSnapshotNotFoundFault({
        message: `DBClusterSnapshot ${idOrArn} not found.`,
        $metadata: { ...meta, httpStatusCode: 404 }
      })
    return s
  }

  private snapshotShape(s: FakeSnapshot): unknown {
    const ready = this.clock.now() >= s.readyAt
    if (ready && s.status === undefined) {
      s.status = 'available'
      if (this.snapshotBinlog)
        this.events.push({
          id: s.id,
          message: `Binlog position from crash recovery is ${this.snapshotBinlog.file} ${this.snapshotBinlog.position}`,
          at: s.readyAt
        })
    }
    return {
      DBClusterSnapshotIdentifier: s.id,
      DBClusterIdentifier: s.cluster,
      DBClusterSnapshotArn: this.snapshotArn(s.id),
      SnapshotCreateTime: new Date(s.createdAt),
      Status: s.status ?? 'creating',
      PercentProgress: ready ? 100 : 50
    }
  }

  private start(c: StartExportTaskCommand): unknown {
    if (this.clock.now() < this.exportLimitUntil)
      // Outside the API model: the SDK throws the service's base exception named after AWS's code.
      throw new RDSServiceException({
        name: 'ExportTaskLimitReachedFault',
        $fault: 'client',
        $metadata: meta,
        message: 'You have reached the limit of 5 concurrent export tasks'
      })
    const id = (c.input.ExportTaskIdentifier ?? '').toLowerCase()
    if (this.tasks.has(id))
      throw new ExportTaskAlreadyExistsFault({
        message: `The export task with the ID ${id} already exists.`,
        $metadata: meta
      })
    const t: FakeTask = {
      id,
      sourceArn: c.input.SourceArn ?? '',
      bucket: c.input.S3BucketName ?? '',
      prefix: c.input.S3Prefix ?? '',
      exportOnly: c.input.ExportOnly,
      startedAt: this.clock.now(),
      script: this.nextTask
    }
    this.tasks.set(id, t)
    return this.taskShape(t)
  }

  /** The task as DescribeExportTasks shows it now. */
  taskShape(t: FakeTask): ExportTask {
    const elapsed = this.clock.now() - t.startedAt
    const { durationMs, outcome = 'COMPLETE' } = t.script
    const startingMs = durationMs * (t.script.startingShare ?? 0.25)
    const base: ExportTask = {
      ExportTaskIdentifier: t.id,
      SourceArn: t.sourceArn,
      S3Bucket: t.bucket,
      S3Prefix: t.prefix,
      ...(t.exportOnly ? { ExportOnly: t.exportOnly } : {}),
      SourceType: 'SNAPSHOT'
    }
    if (elapsed < startingMs || outcome === 'STUCK')
      return { ...base, Status: 'STARTING', PercentProgress: 0, TotalExtractedDataInGB: 0 }
    const started = { ...base, TaskStartTime: new Date(t.startedAt + startingMs) }
    const gb = t.script.totalGB ?? 10
    if (elapsed < durationMs) {
      const pct = Math.floor(((elapsed - startingMs) / (durationMs - startingMs)) * 100)
      return {
        ...started,
        Status: 'IN_PROGRESS',
        PercentProgress: pct,
        TotalExtractedDataInGB: Math.floor((gb * pct) / 100)
      }
    }
    const ended = { ...started, TaskEndTime: new Date(t.startedAt + durationMs) }
    if (outcome === 'COMPLETE')
      return {
        ...ended,
        Status: 'COMPLETE',
        PercentProgress: 100,
        TotalExtractedDataInGB: gb,
        ...(t.script.warningMessage ? { WarningMessage: t.script.warningMessage } : {})
      }
    return {
      ...ended,
      Status: outcome,
      PercentProgress: 40,
      ...(t.script.failureCause ? { FailureCause: t.script.failureCause } : {})
    }
  }
}
