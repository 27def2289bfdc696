// The target: a private MariaDB standing in for TiDB's SQL port. No binary log (TiDB has none; DM and Lightning
// only write to it). The action uses root with a password, as it would use TiDB's root.
import { startMariaDb, type MariaDbServer } from '../lib/mariadb.js'

/** How to start the target server process. */
export interface TargetServerOptions {
  /** Directory of this server (data folder, socket, error log). */
  readonly dir: string
  readonly rootPassword: string
  readonly port?: number
}

/** The account the action uses on the target, as it would use TiDB's `root`. */
export const TARGET_USER = 'root'

/** Starts the target `mariadbd`. */
export function startTargetServer(opts: TargetServerOptions): Promise<MariaDbServer> {
  return startMariaDb({
    name: 'target',
    dir: opts.dir,
    serverId: 2,
    logBin: undefined,
    rootPassword: opts.rootPassword,
    ...(opts.port === undefined ? {} : { port: opts.port }),
    // Same zone as the source, so TIMESTAMP columns compare equal after a migration.
    extraArgs: ['--default-time-zone=+00:00', '--max-allowed-packet=64M']
  })
}
