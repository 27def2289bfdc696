// Version banners of the tool stand-ins. The version is the component version tiup installed (the launcher sets
// SANDBOX_TOOL_VERSION); hashes are derived from it so they are stable 40-hex strings like the real ones.
import { createHash } from 'node:crypto'
import type { LogField } from '../lib/pingcap-log.js'

const GO = 'go1.23.8'
const BUILD_TIME = '2025-05-29 06:35:55'

/** The tool version this process runs as (default: the mirror's latest). */
export function toolVersion(env: NodeJS.ProcessEnv = process.env): string {
  return env['SANDBOX_TOOL_VERSION'] || 'v8.5.2'
}

function gitHash(tool: string, version: string): string {
  return createHash('sha1').update(`aurora-to-tidb sandbox ${tool} ${version}`).digest('hex')
}

function goOsArch(): string {
  return `${process.platform === 'darwin' ? 'darwin' : 'linux'}/${process.arch === 'arm64' ? 'arm64' : 'amd64'}`
}

/** Dumpling's `cli.LongVersion()` banner (printed to stderr with println, hence the blank line after). */
export function dumplingBanner(version = toolVersion()): string {
  return (
    `Release version: ${version}\n` +
    `Git commit hash: ${gitHash('dumpling', version)}\n` +
    `Git branch:      heads/refs/tags/${version}\n` +
    `Build timestamp: ${BUILD_TIME}Z\n` +
    `Go version:      go version ${GO} ${goOsArch()}\n`
  )
}

/** Fields of Dumpling's `["Welcome to dumpling"]` log line. */
export function dumplingWelcomeFields(version = toolVersion()): LogField[] {
  return [
    ['Release Version', version],
    ['Git Commit Hash', gitHash('dumpling', version)],
    ['Git Branch', `heads/refs/tags/${version}`],
    ['Build timestamp', BUILD_TIME],
    ['Go Version', `go version ${GO} ${goOsArch()}`]
  ]
}

/** `tidb-lightning -V` output (build.Info()). */
export function lightningInfo(version = toolVersion()): string {
  return (
    `Release Version: ${version}\n` +
    `Git Commit Hash: ${gitHash('tidb-lightning', version)}\n` +
    `Git Branch: HEAD\n` +
    `Go Version: ${GO}\n` +
    `UTC Build Time: ${BUILD_TIME}\n` +
    `Race Enabled: false\n`
  )
}

/** Fields of Lightning's `["Welcome to TiDB-Lightning"]` log line. */
export function lightningWelcomeFields(version = toolVersion()): LogField[] {
  return [
    ['release-version', version],
    ['git-hash', gitHash('tidb-lightning', version)],
    ['git-branch', 'HEAD'],
    ['go-version', GO],
    ['utc-build-time', BUILD_TIME],
    ['race-enabled', false]
  ]
}
