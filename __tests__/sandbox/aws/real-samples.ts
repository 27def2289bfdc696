// Access to the real AWS outputs in ../shared/real-outputs (never copied into the repo). Tests that use them skip
// with a message when the folder is absent.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../../../sandbox/lib/paths.js'

/** The real-outputs folder, or undefined (with a console note) when this checkout has none. */
export function realOutputs(): string | undefined {
  const dir = path.resolve(repoRoot(), '../shared/real-outputs')
  if (existsSync(dir)) return dir
  console.warn(`real AWS samples not found at ${dir}; their tests are skipped`)
  return undefined
}

/** `describe`, or `describe.skip` when the samples are absent. */
export const withSamples = (dir: string | undefined): jest.Describe =>
  dir ? describe : describe.skip

/** A sample's text. */
export function sample(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8')
}

/**
 * JSON from an AWS docs code block: drops the ` 1. ` line-number prefixes and the `aws …` command lines that the
 * published blocks carry (see the samples' .source notes).
 */
export function docsJson(text: string): unknown {
  const body = text
    .split('\n')
    .map((l) => l.replace(/^\s*\d+\.\s?/, ''))
    .filter((l) => !/^\s*(\$ )?aws /.test(l))
    .join('\n')
  return JSON.parse(body)
}
