// Lightning's checkpoints (enabled by default, `driver = "file"`, `dsn = /tmp/tidb_lightning_checkpoint.pb`): per
// table a status (Loaded 30 … Analyzed 210; a failure stores status/10, "invalid") and per chunk whether it was
// imported. A rerun after a failure is blocked by the precheck until the checkpoint is destroyed; after success
// the checkpoint is removed (`keep-after-success = "remove"`), renamed or kept. Stored as JSON in the `.pb` file
// (nobody but Lightning reads it), or in a table of the target for `driver = "mysql"`.
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type mysql from 'mysql2/promise'
import type { RowDataPacket } from 'mysql2'

/** Checkpoint statuses (pkg/lightning/checkpoints). */
export const CP = {
  missing: 0,
  maxInvalid: 25,
  loaded: 30,
  allWritten: 60,
  closed: 90,
  imported: 120,
  alteredAutoInc: 150,
  checksumSkipped: 170,
  checksummed: 180,
  analyzeSkipped: 200,
  analyzed: 210
} as const

/** The metric name of a status (`written`, `checksum`, …), as shown in "failed in step(…)". */
export function statusMetricName(status: number): string {
  switch (status) {
    case CP.loaded:
      return 'pending'
    case CP.allWritten:
      return 'written'
    case CP.closed:
      return 'closed'
    case CP.imported:
      return 'imported'
    case 140:
      return 'index_imported'
    case CP.alteredAutoInc:
      return 'altered_auto_inc'
    case CP.checksummed:
    case CP.checksumSkipped:
      return 'checksum'
    case 190:
      return 'index_added'
    case CP.analyzed:
    case CP.analyzeSkipped:
      return 'analyzed'
    case CP.missing:
      return 'missing'
    default:
      return 'invalid'
  }
}

/** The local checksum of an imported chunk (kept so a resumed run still compares the whole table). */
export interface ChunkSum {
  /** XOR of the row hashes, as a decimal string (a uint64). */
  readonly cksum: string
  readonly size: number
  readonly kvs: number
  readonly rows: number
}

/** One table's checkpoint. */
export interface TableCheckpoint {
  status: number
  /** Data files (chunks) fully imported, with their local checksums. */
  chunks: Record<string, ChunkSum>
}

/** The task-level checkpoint, compared with the config on a rerun. */
export interface TaskCheckpoint {
  readonly taskId: string
  readonly backend: string
  readonly sourceDir: string
  readonly sortedKvDir: string
  readonly lightningVersion: string
}

interface Stored {
  task?: TaskCheckpoint
  tables: Record<string, TableCheckpoint>
}

/** Persistence of the checkpoint document. */
interface Backing {
  load(): Promise<Stored | undefined>
  save(data: Stored): Promise<void>
  remove(): Promise<void>
  rename(taskId: string): Promise<void>
  readonly description: string
}

class FileBacking implements Backing {
  /** Saves run one after another: concurrent tables would otherwise race on the `.tmp` file. */
  private saving: Promise<void> = Promise.resolve()
  constructor(readonly description: string) {}
  async load(): Promise<Stored | undefined> {
    if (!existsSync(this.description)) return undefined
    return JSON.parse(await readFile(this.description, 'utf8')) as Stored
  }
  save(data: Stored): Promise<void> {
    const text = JSON.stringify(data)
    const next = this.saving.then(async () => {
      await mkdir(path.dirname(this.description), { recursive: true })
      await writeFile(`${this.description}.tmp`, text)
      await rename(`${this.description}.tmp`, this.description)
    })
    this.saving = next.catch(() => undefined)
    return next
  }
  async remove(): Promise<void> {
    await rm(this.description, { force: true })
  }
  async rename(taskId: string): Promise<void> {
    if (existsSync(this.description))
      await rename(this.description, `${this.description}.${taskId}.bak`)
  }
}

class MysqlBacking implements Backing {
  readonly description: string
  constructor(
    private readonly conn: mysql.Pool,
    private readonly schema: string
  ) {
    this.description = `${schema}.sandbox_checkpoint`
  }
  private table(): string {
    return `\`${this.schema.replace(/`/g, '``')}\`.sandbox_checkpoint`
  }
  async load(): Promise<Stored | undefined> {
    await this.conn.query(`CREATE DATABASE IF NOT EXISTS \`${this.schema.replace(/`/g, '``')}\``)
    await this.conn.query(
      `CREATE TABLE IF NOT EXISTS ${this.table()} (id INT PRIMARY KEY, data LONGTEXT NOT NULL)`
    )
    const [rows] = await this.conn.query<RowDataPacket[]>(
      `SELECT data FROM ${this.table()} WHERE id = 1`
    )
    return rows[0] ? (JSON.parse(String(rows[0]['data'])) as Stored) : undefined
  }
  async save(data: Stored): Promise<void> {
    await this.conn.query(`REPLACE INTO ${this.table()} (id, data) VALUES (1, ?)`, [
      JSON.stringify(data)
    ])
  }
  async remove(): Promise<void> {
    await this.conn.query(`DROP DATABASE IF EXISTS \`${this.schema.replace(/`/g, '``')}\``)
  }
  async rename(taskId: string): Promise<void> {
    await this.conn.query(`RENAME TABLE ${this.table()} TO ${this.table()}_${taskId}`)
  }
}

/** The checkpoints of one run. */
export class Checkpoints {
  private data: Stored = { tables: {} }
  /** True when the store did not exist before this run. */
  fresh = true

  private constructor(private readonly backing: Backing) {}

  /** Opens the file (or mysql) checkpoint store; `disabled` gives an in-memory store that is never written. */
  static async open(opts: {
    driver: string
    dsn: string
    schema: string
    pool: mysql.Pool
    disabled: boolean
  }): Promise<Checkpoints> {
    const backing: Backing = opts.disabled
      ? {
          description: '',
          load: () => Promise.resolve(undefined),
          save: () => Promise.resolve(),
          remove: () => Promise.resolve(),
          rename: () => Promise.resolve()
        }
      : opts.driver === 'mysql'
        ? new MysqlBacking(opts.pool, opts.schema)
        : new FileBacking(opts.dsn)
    const cp = new Checkpoints(backing)
    const stored = await backing.load()
    if (stored) {
      cp.data = stored
      cp.fresh = false
    }
    return cp
  }

  /** Where the checkpoint lives (file path or schema.table). */
  get location(): string {
    return this.backing.description
  }

  get task(): TaskCheckpoint | undefined {
    return this.data.task
  }

  /** The checkpoint of a table (`db`.`t`), or undefined when it has none. */
  table(name: string): TableCheckpoint | undefined {
    return this.data.tables[name]
  }

  /** Creates the task and missing table checkpoints (status Loaded). */
  async initialize(task: TaskCheckpoint, tables: readonly string[]): Promise<void> {
    this.data.task ??= task
    for (const t of tables) this.data.tables[t] ??= { status: CP.loaded, chunks: {} }
    await this.backing.save(this.data)
  }

  /** Records a status; a failure stores status/10 (an invalid checkpoint). */
  async setStatus(table: string, status: number, failed = false): Promise<void> {
    const cp = (this.data.tables[table] ??= { status: CP.loaded, chunks: {} })
    cp.status = failed ? Math.floor(status / 10) : status
    await this.backing.save(this.data)
  }

  /** Records an imported chunk and its local checksum. */
  async chunkDone(table: string, chunk: string, sum: ChunkSum): Promise<void> {
    const cp = (this.data.tables[table] ??= { status: CP.loaded, chunks: {} })
    cp.chunks[chunk] = sum
    await this.backing.save(this.data)
  }

  /** Tables whose checkpoint records a failure (status ≤ 25), with that status. */
  invalidTables(): [string, number][] {
    return Object.entries(this.data.tables)
      .filter(([, t]) => t.status > CP.missing && t.status <= CP.maxInvalid)
      .map(([name, t]) => [name, t.status])
  }

  /** Applies keep-after-success. */
  async clean(strategy: 'remove' | 'rename' | 'origin', taskId: string): Promise<void> {
    if (strategy === 'remove') await this.backing.remove()
    else if (strategy === 'rename') await this.backing.rename(taskId)
  }
}
