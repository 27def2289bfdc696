// A private, throwaway MariaDB server: its own data directory, socket and 127.0.0.1 port, never the machine's
// shared server. Flags are the smallest set that works with MariaDB 10.11 (`--user=root` is
// required when running as root).
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { cp, mkdir, mkdtemp, rename, rm, stat, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import mysql from 'mysql2/promise'
import { freePort } from './ports.js'

const execFileP = promisify(execFile)

/** How to start one server. */
export interface MariaDbOptions {
  /** Short name used in logs and file names (`source`, `target`). */
  readonly name: string
  /** Directory that will hold the data folder, socket, pid and error log. Created if missing. */
  readonly dir: string
  readonly serverId: number
  /** Binary log base name (e.g. `mysql-bin-changelog`, Aurora's), or undefined for no binary log. */
  readonly logBin: string | undefined
  /** Password set for every root account right after start. */
  readonly rootPassword: string
  /** Fixed port, or undefined for a free one. */
  readonly port?: number
  /** Extra mariadbd flags (e.g. `--binlog-format=STATEMENT` for a fault). */
  readonly extraArgs?: readonly string[]
}

/** A running server. */
export interface MariaDbServer {
  readonly name: string
  readonly host: '127.0.0.1'
  readonly port: number
  readonly socket: string
  readonly dataDir: string
  readonly errorLog: string
  /** The server's private `--tmpdir` (temporary tables and files of this server only). */
  readonly tmpDir: string
  readonly pid: number
  readonly rootPassword: string
  /** Opens a root connection over TCP (multipleStatements on). The caller ends it. */
  connect(database?: string): Promise<mysql.Connection>
  /** Runs SQL as root and returns the rows of the last statement. */
  query<T = mysql.RowDataPacket[]>(sql: string, values?: unknown[]): Promise<T>
  /** Stops the server (SIGTERM, then SIGKILL after 10 s). Keeps the data directory. */
  stop(): Promise<void>
}

function mariadbd(): string {
  for (const p of ['/usr/sbin/mariadbd', '/usr/bin/mariadbd']) if (existsSync(p)) return p
  return 'mariadbd'
}

/** Small InnoDB files keep init and copies fast; a sandbox holds little data. */
const SIZE_FLAGS = ['--innodb-log-file-size=8M', '--innodb-buffer-pool-size=64M']

/** The template's initialisation in this process, shared by servers that start at the same moment. */
let templateReady: Promise<string> | undefined

/**
 * Returns a freshly initialised data directory, copied from a per-machine template so that only the first
 * start pays for `mariadb-install-db` (~1 s); later copies take a few milliseconds.
 */
async function prepareDataDir(dataDir: string): Promise<void> {
  templateReady ??= ensureTemplate().catch((e: unknown) => {
    templateReady = undefined
    throw e
  })
  const template = await templateReady
  await cp(template, dataDir, { recursive: true })
  await rm(path.join(dataDir, '.complete'), { force: true })
}

/**
 * Initialises the per-machine template once. Each attempt works in its own mkdtemp staging directory (servers
 * started together in one process used to share `<template>.<pid>.<ms>` and two mariadb-install-db runs fought over
 * its aria_log_control lock), and publishes it with rename(2), which refuses a non-empty target: when another
 * process won the race, its template is kept and this staging copy is dropped.
 */
async function ensureTemplate(): Promise<string> {
  const template = path.join(
    os.tmpdir(),
    `aurora-to-tidb-mariadb-template-${process.getuid?.() ?? 0}`
  )
  if (existsSync(path.join(template, '.complete'))) return template
  const staging = await mkdtemp(`${template}.staging-`)
  try {
    await execFileP('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${staging}`,
      '--user=root',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...SIZE_FLAGS
    ])
    await writeFile(path.join(staging, '.complete'), '')
    if (!existsSync(path.join(template, '.complete'))) {
      // A template left half-made by a killed process has no .complete: it is replaced.
      await rm(template, { recursive: true, force: true })
      await rename(staging, template).catch(() => undefined)
    }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  if (!existsSync(path.join(template, '.complete'))) {
    throw new Error(`the MariaDB data directory template ${template} could not be made`)
  }
  return template
}

/** Whether an error is MariaDB's "Access denied" (1045): the server is up, the credentials are not the right ones. */
function accessDenied(e: unknown): boolean {
  return (e as { errno?: number } | null)?.errno === 1045
}

/**
 * Opens a root connection over the socket: with an empty password on a fresh data directory, with the root
 * password on a restart (the data directory already has it).
 */
async function rootOverSocket(socket: string, rootPassword: string): Promise<mysql.Connection> {
  const options = { socketPath: socket, user: 'root', multipleStatements: true }
  try {
    return await mysql.createConnection(options)
  } catch (e) {
    if (!accessDenied(e)) throw e
    return mysql.createConnection({ ...options, password: rootPassword })
  }
}

async function waitForSocket(
  socket: string,
  child: ChildProcess,
  errorLog: string,
  rootPassword: string
): Promise<void> {
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) {
      const log = await readFile(errorLog, 'utf8').catch(() => '')
      throw new Error(
        `mariadbd exited with ${child.exitCode} before accepting connections:\n${log.slice(-2000)}`
      )
    }
    try {
      await stat(socket)
      const c = await rootOverSocket(socket, rootPassword)
      await c.end()
      return
    } catch {
      if (Date.now() > deadline)
        throw new Error(`mariadbd did not accept connections on ${socket} within 20 s`)
      await new Promise((r) => setTimeout(r, 30))
    }
  }
}

/** Starts a private MariaDB server and sets the root password on every root account. */
export async function startMariaDb(opts: MariaDbOptions): Promise<MariaDbServer> {
  const dir = path.resolve(opts.dir)
  const dataDir = path.join(dir, 'data')
  const socket = path.join(dir, 'mysqld.sock')
  const errorLog = path.join(dir, 'error.log')
  // A private temp dir: at start mariadbd deletes every `#sql*` file it finds in its tmpdir (MariaDB/server
  // sql/sql_base.cc, mysql_rm_tmp_tables), so servers sharing the system temp dir delete each other's temp tables.
  const tmpDir = path.join(dir, 'tmp')
  await mkdir(tmpDir, { recursive: true })
  if (!existsSync(path.join(dataDir, 'mysql'))) await prepareDataDir(dataDir)
  const port = opts.port ?? (await freePort())
  const args = [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--socket=${socket}`,
    `--pid-file=${path.join(dir, 'mysqld.pid')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-name-resolve',
    `--server-id=${opts.serverId}`,
    '--user=root',
    `--log-error=${errorLog}`,
    `--tmpdir=${tmpDir}`,
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_general_ci',
    ...SIZE_FLAGS,
    ...(opts.logBin
      ? [`--log-bin=${opts.logBin}`, '--binlog-format=ROW', '--binlog-row-image=FULL']
      : []),
    ...(opts.extraArgs ?? [])
  ]
  const child = spawn(mariadbd(), args, { stdio: 'ignore', detached: true })
  child.unref()
  await waitForSocket(socket, child, errorLog, opts.rootPassword)

  // Root starts with an empty password; every root row needs the new one (TCP from
  // 127.0.0.1 matches root@127.0.0.1 under --skip-name-resolve, root@localhost without it).
  // A restart on an existing data directory finds the password already set and sets it again (harmless).
  const admin = await rootOverSocket(socket, opts.rootPassword)
  // Setting up accounts is not history: keep it out of the binary log, which then starts clean.
  await admin.query('SET SESSION sql_log_bin = 0')
  const pw = admin.escape(opts.rootPassword)
  const [hosts] = await admin.query<mysql.RowDataPacket[]>(
    "SELECT Host FROM mysql.user WHERE User = 'root'"
  )
  for (const row of hosts) {
    const host = String(row['Host'])
    if (['localhost', '127.0.0.1', '::1'].includes(host)) {
      await admin.query(`ALTER USER root@${admin.escape(host)} IDENTIFIED BY ${pw}`)
    } else {
      await admin.query(`DROP USER IF EXISTS root@${admin.escape(host)}`)
    }
  }
  await admin.query('FLUSH PRIVILEGES')
  await admin.end()

  const connect = (database?: string): Promise<mysql.Connection> =>
    mysql.createConnection({
      host: '127.0.0.1',
      port,
      user: 'root',
      password: opts.rootPassword,
      multipleStatements: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
      ...(database ? { database } : {})
    })

  return {
    name: opts.name,
    host: '127.0.0.1',
    port,
    socket,
    dataDir,
    errorLog,
    tmpDir,
    pid: child.pid ?? -1,
    rootPassword: opts.rootPassword,
    connect,
    async query<T>(sql: string, values?: unknown[]): Promise<T> {
      const c = await connect()
      try {
        const [rows] = await c.query(sql, values)
        return rows as T
      } finally {
        await c.end()
      }
    },
    async stop(): Promise<void> {
      if (child.exitCode !== null || child.pid === undefined) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      process.kill(child.pid, 'SIGTERM')
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
      }, 10_000)
      await exited
      clearTimeout(timer)
    }
  }
}
