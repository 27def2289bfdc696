import { readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../../sandbox/lib/paths.js'
import { CHANGE_TYPES, changelogSection, changelogVersions } from '../../scripts/changelog.js'

const SAMPLE = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '## [1.1.0] - 2026-04-01',
  '',
  '### Added',
  '',
  '- `upload-logs`',
  '',
  '## [1.0.0] - 2026-03-02',
  '',
  '### Added',
  '',
  '- first release'
].join('\n')

describe('changelog', () => {
  test('a version’s section is the release notes, up to the next version', () => {
    expect(changelogSection(SAMPLE, 'v1.1.0')).toBe('### Added\n\n- `upload-logs`')
    expect(changelogSection(SAMPLE, '1.0.0')).toBe('### Added\n\n- first release')
  })

  test('a missing or empty section is refused', () => {
    expect(() => changelogSection(SAMPLE, 'v2.0.0')).toThrow('no section "## [2.0.0]')
    expect(() => changelogSection(SAMPLE, 'Unreleased')).toThrow('is empty')
  })

  test('CHANGELOG.md keeps the Keep a Changelog form', () => {
    const text = readFileSync(path.join(repoRoot(), 'CHANGELOG.md'), 'utf8')
    const versions = changelogVersions(text)
    expect(versions[0]).toEqual({ version: 'Unreleased' })
    for (const v of versions.slice(1)) {
      expect(v.version).toMatch(/^\d+\.\d+\.\d+$/)
      expect(v.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
    // dates descend: the newest release first
    const dates = versions.flatMap((v) => (v.date ? [v.date] : []))
    expect([...dates].sort().reverse()).toEqual(dates)
    for (const [, type] of text.matchAll(/^### (.+)$/gm)) expect(CHANGE_TYPES).toContain(type)
  })
})
