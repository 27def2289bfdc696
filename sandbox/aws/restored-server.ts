// The data of a cluster restored from a snapshot and the server that serves it: a private data directory filled
// from the snapshot once (the cluster volume), and a `mariadbd` started on it, as the source is started, when the
// cluster gets its writer instance.
//
// Binary log: with binary logging on in the cluster's parameter group the server runs with Aurora's binlog. Aurora's
// own binlog files live in the cluster volume and are restored with it; after crash recovery a new writer goes on
// writing after the snapshot's position, and a parameter-group reboot rotates to the next file (Aurora user guide
// "Setting up enhanced binlog": "binlog files written after turning off the enhanced binlog are available" in a
// restored cluster). The stand-in cannot carry the source's old files over, so the new binlog starts at the file
// after the snapshot's with the snapshot's GTID state (`gtid_binlog_state`): what DM reads from the restored copy
// continues the source's numbering, and nothing before the snapshot is in it.
import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { RowDataPacket } from 'mysql2/promise'
import type { MariaDbServer } from '../lib/mariadb.js'
import { startSourceServer } from '../servers/source.js'
import { loadSnapshot } from './restore-load.js'
import type { BinlogPosition, SnapshotManifest } from './snapshot-capture.js'

/** Where a restored cluster keeps its data, and how its server is reached. */
export interface ClusterVolume {
  /** Directory of the server (data folder, socket, error log). */
  readonly dir: string
  readonly port: number
  /** The snapshot's root password: the restored cluster keeps the snapshot's accounts. */
  readonly rootPassword: string
  readonly serverId: number
  readonly name: string
}

/** Fills a new data directory from a snapshot: a server without binary log is started, loaded and stopped. */
export async function buildVolume(
  v: ClusterVolume,
  snapshotDir: string,
  manifest: SnapshotManifest,
  signal: AbortSignal
): Promise<void> {
  const server = await startSourceServer({ ...v, binlog: false })
  try {
    const conn = await server.connect()
    try {
      await loadSnapshot(conn, snapshotDir, manifest, signal)
    } finally {
      await conn.end().catch(() => undefined)
    }
  } finally {
    await server.stop()
  }
}

/** The binlog file after a coordinate's file: `mysql-bin-changelog.000003` → 4. */
export function nextBinlogNumber(p: BinlogPosition): number {
  const m = /\.(\d+)$/.exec(p.file)
  return m ? Number(m[1]) + 1 : 1
}

/**
 * Starts the cluster's server. `continueAfter`: on the first start with binary logging, the binlog restarts at the
 * file after the snapshot's position, with the snapshot's GTID state; later starts keep what the server wrote since.
 */
export async function startVolume(
  v: ClusterVolume,
  binlog: boolean,
  continueAfter: BinlogPosition | undefined
): Promise<MariaDbServer> {
  const server = await startSourceServer({ ...v, binlog })
  if (binlog && continueAfter) {
    const conn = await server.connect()
    try {
      // Setting gtid_binlog_state starts the binlog over at file 1 with that state (and RESET MASTER TO n would
      // clear the state again), so the state is set first and the files are then rotated up to the wanted number;
      // the empty ones before it are purged.
      await conn.query('RESET MASTER')
      if (continueAfter.gtid)
        await conn.query('SET GLOBAL gtid_binlog_state = ?', [continueAfter.gtid])
      const first = nextBinlogNumber(continueAfter)
      for (let n = 1; n < first; n++) await conn.query('FLUSH BINARY LOGS')
      const [status] = await conn.query<RowDataPacket[]>('SHOW MASTER STATUS')
      const current: unknown = status[0]?.['File']
      if (typeof current === 'string') await conn.query('PURGE BINARY LOGS TO ?', [current])
    } finally {
      await conn.end().catch(() => undefined)
    }
  }
  return server
}

/** Removes a volume's files (its server must be stopped). */
export async function removeVolume(v: ClusterVolume): Promise<void> {
  await rm(path.resolve(v.dir), { recursive: true, force: true })
}
