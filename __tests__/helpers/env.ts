import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Sets environment variables for the duration of a test and restores them after.
 * @returns restore
 */
export function withEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  apply(vars)
  return () => apply(saved)
}

/** A fresh temp directory and a function that removes it. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Turns what the main step wrote to $GITHUB_STATE into the STATE_* variables the runner gives the post step.
 * Format (core's file commands): `name<<delimiter\nvalue\ndelimiter` blocks; the last value of a name wins.
 */
export function stateFileToEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) {
    const [, name, , value] = m
    if (name !== undefined && value !== undefined) env[`STATE_${name}`] = value
  }
  return env
}
