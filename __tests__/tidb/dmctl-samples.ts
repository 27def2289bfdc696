// Where the dmctl samples live: observed outputs in ../shared/real-outputs/dmctl (never copied into the repo) and our
// own fixtures in __tests__/fixtures/dmctl.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { repoRoot } from '../../sandbox/lib/paths.js'
import type { DmSourceConfigInput } from '../../src/tidb/dm-config.js'
import type { TiupSetup } from '../../src/tidb/tiup.js'

const realDir = path.resolve(repoRoot(), '../shared/real-outputs/dmctl')
const fixtureDir = path.join(repoRoot(), '__tests__', 'fixtures', 'dmctl')

/** True when the shared real outputs are reachable from this worktree. */
export const haveReal = existsSync(realDir)
if (!haveReal)
  console.warn(`real dmctl outputs not found at ${realDir}: tests that read them are skipped`)

/** `describe`, or `describe.skip` when the real outputs are absent. */
export const describeReal = haveReal ? describe : describe.skip

/** Reads an observed sample (`dmctl/<name>`; `from-code/...` works too). */
export function real(name: string): string {
  return readFileSync(path.join(realDir, name), 'utf8')
}

/** Names of every observed sample (not the `.source` sidecars, not from-code). */
export function realNames(): string[] {
  return haveReal ? readdirSync(realDir).filter((f) => f.endsWith('.txt')) : []
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
