// CHANGELOG.md in Keep a Changelog form (https://keepachangelog.com/en/1.1.0/): the section of one version, for the
// release workflow's notes, and the checks the tests make on the file.

/** A version heading: `## [1.2.3] - 2026-03-02` or `## [Unreleased]`. */
const HEADING = /^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/

/** The change types Keep a Changelog names. */
export const CHANGE_TYPES = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']

/** The versions in the order written, with their dates. */
export function changelogVersions(text: string): { version: string; date?: string }[] {
  return text.split('\n').flatMap((line) => {
    const m = HEADING.exec(line)
    if (!m?.[1]) return []
    return [m[2] ? { version: m[1], date: m[2] } : { version: m[1] }]
  })
}

/**
 * The body of one version's section (without its heading), trimmed.
 * @param version `1.2.3` or `v1.2.3`
 * @throws when the changelog has no such section or it is empty
 */
export function changelogSection(text: string, version: string): string {
  const want = version.replace(/^v/, '')
  const lines = text.split('\n')
  const start = lines.findIndex((l) => HEADING.exec(l)?.[1] === want)
  if (start < 0) throw new Error(`CHANGELOG.md has no section "## [${want}] - YYYY-MM-DD"`)
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((l) => l.startsWith('## '))
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
  if (body === '') throw new Error(`CHANGELOG.md's section for ${want} is empty`)
  return body
}
