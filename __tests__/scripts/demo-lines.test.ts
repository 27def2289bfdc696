import { shownLine } from '../../scripts/demo-lines.js'

const SECRETS = ['SourcePw123', 'TargetPw456']

describe('shownLine', () => {
  test('never shows a password: add-mask lines are dropped, other occurrences masked, quiet or verbose', () => {
    for (const all of [false, true]) {
      expect(shownLine('::add-mask::SourcePw123', SECRETS, all)).toBeUndefined()
      const warn = shownLine('::warning::login as x with TargetPw456 failed', SECRETS, all)
      expect(warn).toBe('⚠ warning: login as x with *** failed')
    }
    expect(shownLine('[command]tiup dumpling --password SourcePw123', SECRETS, true)).toBe(
      '[command]tiup dumpling --password ***'
    )
  })

  test('quiet: only the phases’ closing lines, warnings and errors', () => {
    expect(shownLine('✅ Phase 2/10 · Set up tiup succeeded in 1.2 s', SECRETS, false)).toBe(
      '✅ Phase 2/10 · Set up tiup succeeded in 1.2 s'
    )
    expect(shownLine('::group::Phase 2/10 · Set up tiup', SECRETS, false)).toBeUndefined()
    expect(
      shownLine('▶ Phase 5/10 · Binlog position started alongside', SECRETS, false)
    ).toBeUndefined()
    expect(shownLine('[2026/03/02] [INFO] [main.go:1] ["x"]', SECRETS, false)).toBeUndefined()
    expect(shownLine('::error::Lightning failed%0Asecond line', SECRETS, false)).toBe(
      '✖ error: Lightning failed second line'
    )
  })

  test('verbose: every line but the debug ones', () => {
    expect(shownLine('[2026/03/02] [INFO] [main.go:1] ["x"]', SECRETS, true)).toBe(
      '[2026/03/02] [INFO] [main.go:1] ["x"]'
    )
    expect(shownLine('::debug::[data-import] config …', SECRETS, true)).toBeUndefined()
  })
})
