// `get-config source|task <name>` (a hidden dmctl command, DM ≥ v2.0.1): dm-master prints the stored config as YAML
// with the password replaced by '******' (tiflow dm/master/server.go GetCfg), or `result: false` with
// `source not found` / `task not found`. The source YAML follows the key order of `SourceConfig.Yaml()` for the keys
// the sandbox keeps; master and worker configs are not kept by the sandbox.
import { parseDocument, stringify } from 'yaml'
import type { SourceConfig } from './config.js'
import type { GetCfgResp } from './pb.js'

const MASK = '******'

/** The stored source config as DM-master prints it. */
export function sourceConfigYaml(cfg: SourceConfig): string {
  return stringify({
    'enable-gtid': cfg.enableGtid,
    'auto-fix-gtid': false,
    'relay-dir': '',
    'meta-dir': '',
    flavor: cfg.flavor,
    charset: '',
    'enable-relay': false,
    'relay-binlog-name': '',
    'relay-binlog-gtid': '',
    'source-id': cfg.sourceId,
    from: {
      host: cfg.from.host,
      port: cfg.from.port,
      user: cfg.from.user,
      password: MASK,
      'max-allowed-packet': null,
      session: {},
      security: null
    },
    'server-id': cfg.serverId
  })
}

/** The stored task config with the target password masked. */
export function taskConfigYaml(raw: string): string {
  const doc = parseDocument(raw)
  if (doc.hasIn(['target-database', 'password'])) doc.setIn(['target-database', 'password'], MASK)
  return doc.toString()
}

/** The answer of GetCfg for a config that is not there. */
export function notFound(type: string): GetCfgResp {
  return { result: false, msg: `${type} not found`, cfg: '' }
}
