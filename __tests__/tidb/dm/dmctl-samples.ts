// Where the dmctl samples live: observed outputs in ../shared/real-outputs/dmctl (never copied into the repo; read
// through the shared fixture, which skips with a message when the folder is absent) and our own fixtures in
// __tests__/fixtures/dmctl.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { repoRoot } from '../../../sandbox/lib/paths.js'
import type { DmSourceConfigInput } from '../../../src/tidb/dm/config.js'
import type { TiupSetup } from '../../../src/tidb/tiup/tiup.js'
import { haveRealOutputs, readReal, realSamples } from '../../fixtures/real-outputs.js'

export { describeReal } from '../../fixtures/real-outputs.js'

const fixtureDir = path.join(repoRoot(), '__tests__', 'fixtures', 'dmctl')

/** True when the shared real outputs are reachable from this worktree. */
export const haveReal = haveRealOutputs

/** Reads an observed sample (`dmctl/<name>`; `from-code/...` works too). */
export function real(name: string): string {
  return readReal(`dmctl/${name}`)
}

/** Names of every observed sample, whatever its extension (not the `.source` sidecars, not from-code). */
export function realNames(): string[] {
  return realSamples('dmctl').map((rel) => rel.slice('dmctl/'.length))
}

/** Reads one of our fixtures. */
export function fixture(name: string): string {
  return readFileSync(path.join(fixtureDir, name), 'utf8')
}

/** Names of all our fixtures. */
export function fixtureNames(): string[] {
  return readdirSync(fixtureDir).filter((f) => f.endsWith('.txt'))
}

/** The source our fixtures describe (get-config-source.txt); tests override the password or other fields. */
export const AURORA_SOURCE: DmSourceConfigInput = {
  sourceId: 'aurora-01',
  enableGtid: false,
  from: {
    host: 'aurora.cluster-abc.us-east-1.rds.amazonaws.com',
    port: 3306,
    user: 'dm_user',
    password: 'anything'
  }
}

/** A tiup setup for phases whose dmctl is scripted: nothing is ever run from it. */
export const SCRIPTED_TIUP: TiupSetup = {
  tiupPath: '/bin/false',
  version: '1.16.1',
  source: 'path',
  tiupHome: '/tmp',
  mirror: '/tmp',
  components: {}
}
