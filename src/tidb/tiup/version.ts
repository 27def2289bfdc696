// Parsing what `tiup --version` prints. Pure; tested on recorded outputs of real tiup releases.
//
// Shapes seen in the wild:
//   v1.0.9 tiup            (2020: leading "v", then "Git Branch: master", short hash)
//   1.4.1 tiup             (2021+: no "v", then "Go Version:", "Git Ref: v1.4.1", "GitHash: <40 hex>")
//   1.15.0 tiup            with "Git Ref: v1.15.1" — a real release that misreports itself (tiup#2412)
// A component's `--version` prints "tiup version 1.4.1 tiup" after a "Starting component" line; that is the
// component's version, not tiup's, so it is deliberately not matched. `tiup -v` can also fail outright without a
// root.json (tiup#2411): then there is no version line and the caller reports the output.

/** What `tiup --version` says about itself. */
export interface TiupVersionInfo {
  /** The version on the first line, without a leading "v": `1.16.1`. */
  readonly version: string
  /** `Git Ref:` (new) or `Git Branch:` (old) value, when printed. */
  readonly gitRef: string | undefined
  /** `Go Version:` value, when printed. */
  readonly goVersion: string | undefined
}

const VERSION_LINE = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?) tiup$/
const GIT_REF = /^Git (?:Ref|Branch):\s*(\S+)$/
const GO_VERSION = /^Go Version:\s*(\S+)$/

/**
 * Finds tiup's own version in `tiup --version` output (other lines, such as a pasted prompt, are skipped).
 * @param text the whole output
 * @returns the version info, or undefined when no line has tiup's version shape
 */
export function parseTiupVersion(text: string): TiupVersionInfo | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim())
  const at = lines.findIndex((l) => VERSION_LINE.test(l))
  const version = at === -1 ? undefined : VERSION_LINE.exec(lines[at] ?? '')?.[1]
  if (version === undefined) return undefined
  // Only the block right after the version line belongs to it (until an empty line or another command).
  let gitRef: string | undefined
  let goVersion: string | undefined
  for (const line of lines.slice(at + 1, at + 5)) {
    gitRef ??= GIT_REF.exec(line)?.[1]
    goVersion ??= GO_VERSION.exec(line)?.[1]
  }
  return { version, gitRef, goVersion }
}

/**
 * A version as tiup component specs want it: `v8.5.2` (a leading "v" is added to a bare `8.5.2`).
 * `nightly` and other words are passed through.
 */
export function componentVersion(version: string): string {
  return /^\d/.test(version) ? `v${version}` : version
}
