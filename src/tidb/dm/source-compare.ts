// Deciding whether a DM source that already exists is the one we would create (reuse it) or another one under the
// same id (refuse with a clear error). dmctl offers two views: `operate-source show` lists sources and their workers
// only; `get-config source <id>` (DM ≥ v2.0.1) prints `{"result": true, "msg": "", "cfg": "<source YAML>"}` with the
// password replaced by '******' (tiflow dm/master/server.go GetCfg), or `result: false, msg: "source not found"`.
import { parseDocument } from 'yaml'

import type { DmSourceConfigInput } from './config.js'
import type { DmctlOutput } from './dmctl-output.js'
import { asRecord, bool, str, toInt, type JsonRecord } from './dmctl-values.js'

/** One field where the existing source differs from the wanted one. */
export interface SourceDifference {
  /** e.g. `from.host`, `enable-gtid`. */
  readonly key: string
  readonly existing: string
  readonly wanted: string
}

/**
 * `same`: reuse it; `different`: another source has this id; `absent`: create it; `unknown`: the answer could not be
 * read (`reason` says why). The password is never compared: DM prints it as '******'.
 */
export interface SourceComparison {
  readonly status: 'same' | 'different' | 'absent' | 'unknown'
  readonly differences: readonly SourceDifference[]
  readonly reason: string
}

/** Compares the answer of `get-config source <id>` with the source config we would create. Never throws. */
export function compareSourceConfig(
  getConfig: DmctlOutput,
  wanted: DmSourceConfigInput
): SourceComparison {
  if (!getConfig.ok) {
    if (getConfig.result === false && /source not found|not exist/i.test(getConfig.msg)) {
      return { status: 'absent', differences: [], reason: getConfig.msg }
    }
    return { status: 'unknown', differences: [], reason: getConfig.error.message }
  }
  const cfg = getConfig.cfg === undefined ? undefined : readYaml(getConfig.cfg)
  if (cfg === undefined) {
    return {
      status: 'unknown',
      differences: [],
      reason: 'get-config printed no readable source config'
    }
  }
  const from = asRecord(cfg['from'])
  const differences: SourceDifference[] = []
  const check = (key: string, existing: string, want: string, equal = existing === want): void => {
    if (!equal) differences.push({ key, existing, wanted: want })
  }
  check('source-id', str(cfg, 'source-id'), wanted.sourceId)
  const host = str(from, 'host')
  check(
    'from.host',
    host,
    wanted.from.host,
    host.toLowerCase() === wanted.from.host.trim().toLowerCase()
  )
  const port = toInt(from?.['port'])
  check('from.port', port === undefined ? '' : String(port), String(wanted.from.port))
  check('from.user', str(from, 'user'), wanted.from.user)
  check('enable-gtid', String(bool(cfg, 'enable-gtid') ?? false), String(wanted.enableGtid))
  // DM fills `flavor` in by itself when the file leaves it out, so it only matters when we would set it.
  const flavor = str(cfg, 'flavor')
  if (wanted.flavor !== undefined && flavor !== '') check('flavor', flavor, wanted.flavor)
  return differences.length === 0
    ? { status: 'same', differences, reason: '' }
    : { status: 'different', differences, reason: describeDifferences(differences) }
}

/** `from.host is 'a' (wanted 'b'), enable-gtid is 'false' (wanted 'true')`. */
function describeDifferences(differences: readonly SourceDifference[]): string {
  return differences.map((d) => `${d.key} is '${d.existing}' (wanted '${d.wanted}')`).join(', ')
}

/** Whether `operate-source show` lists the source, and its bound worker ('' when unbound). */
export function sourceBinding(
  show: DmctlOutput,
  sourceId: string
): { readonly exists: boolean; readonly worker: string; readonly msg: string } {
  const entry = show.sources.find((s) => s.source === sourceId)
  return entry === undefined
    ? { exists: false, worker: '', msg: '' }
    : { exists: true, worker: entry.worker, msg: entry.msg }
}

/**
 * Reads the source YAML of `cfg`. Copies in the docs indent every line but the first and keep a stray `}`; that
 * damage is undone before giving up.
 */
function readYaml(text: string): JsonRecord | undefined {
  const attempt = (t: string): JsonRecord | undefined => {
    try {
      const doc = parseDocument(t, { uniqueKeys: false })
      return doc.errors.length > 0 ? undefined : asRecord(doc.toJS())
    } catch {
      return undefined
    }
  }
  const direct = attempt(text)
  if (direct !== undefined) return direct
  const lines = text.split('\n').filter((l) => l.trim() !== '}')
  const rest = lines.slice(1).filter((l) => l.trim() !== '')
  const indent = Math.min(...rest.map((l) => l.length - l.trimStart().length))
  if (!Number.isFinite(indent) || indent === 0) return undefined
  return attempt(
    [
      lines[0] ?? '',
      ...lines.slice(1).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
    ].join('\n')
  )
}
