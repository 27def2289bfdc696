/**
 * `node .build/scripts/release-notes.js vX.Y.Z`: prints the CHANGELOG.md section of that version (the GitHub release's
 * notes) and checks that package.json has the same version. Exits 1, saying why, when either is missing.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../sandbox/lib/paths.js'
import { changelogSection } from './changelog.js'

const tag = process.argv[2] ?? ''
const root = repoRoot()
try {
  if (!/^v\d+\.\d+\.\d+$/.test(tag)) throw new Error(`"${tag}" is not a version tag like v1.2.3`)
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string
  }
  if (pkg.version !== tag.slice(1))
    throw new Error(`package.json says version ${pkg.version}, the tag says ${tag}`)
  process.stdout.write(
    `${changelogSection(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), tag)}\n`
  )
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
}
