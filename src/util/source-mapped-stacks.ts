// Stack traces of the bundle that point into src/*.ts, at no cost to the start.
//
// ncc's default, a source-map-support register imported before the bundle, took about 10 ms of every start (the
// bench's cold-start metric). Node's own source maps (`process.setSourceMapsEnabled`) apply only to files loaded
// after they are turned on, and then read and parse each file's map as the file loads (about 8 ms more at start).
// Here a file's map is read, with Node's SourceMap class, the first time a stack passes through that file: most runs
// never format one.
import { readFileSync } from 'node:fs'
import { SourceMap, type SourceMapPayload } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Parsed maps by generated file; null for a file without a readable map. */
const maps = new Map<string, SourceMap | null>()

/** The map beside `file` (`<file>.map`, where ncc writes it), parsed once. */
function mapOf(file: string): SourceMap | null {
  let map = maps.get(file)
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapPayload)
    } catch {
      map = null
    }
    maps.set(file, map)
  }
  return map
}

/** What the mapping reads of a V8 call site; its toString is V8's own text, `fn (file:line:column)`. */
export type CallSiteLike = Pick<
  NodeJS.CallSite,
  'getFileName' | 'getLineNumber' | 'getColumnNumber'
> & { toString(): string }

/**
 * One frame as V8 prints it (`fn (file:line:column)`), with the position in the bundle replaced by the position in
 * the source when the bundle file has a map; any other frame unchanged.
 * @param frame a V8 call site
 */
export function mappedFrame(frame: CallSiteLike): string {
  const text = frame.toString()
  try {
    return mapped(frame, text)
  } catch {
    // A stack must never fail to print (a throwing prepareStackTrace would make `error.stack` throw).
    return text
  }
}

function mapped(frame: CallSiteLike, text: string): string {
  const name = frame.getFileName()
  const line = frame.getLineNumber()
  const column = frame.getColumnNumber()
  if (!name || line === null || column === null) return text
  if (!name.startsWith('file:') && !path.isAbsolute(name)) return text // node:internal/…, [eval], …
  const file = name.startsWith('file:') ? fileURLToPath(name) : name
  // findEntry gives the mapped position itself; findOrigin would add the column offset inside the bundle's line,
  // which means nothing in the source when the map is by line (as ncc's are).
  const entry = mapOf(file)?.findEntry(line - 1, column - 1)
  if (entry === undefined || !('originalSource' in entry)) return text
  const source = path.resolve(path.dirname(file), entry.originalSource)
  return text.replace(
    `${name}:${line}:${column}`,
    `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`
  )
}

/**
 * A stack as V8 formats it (`Name: message` and one `    at …` line per frame), with frames mapped to the sources.
 * Shaped as `Error.prepareStackTrace`.
 * @param error the error (or any object given to Error.captureStackTrace)
 * @param frames its call sites
 */
export function mappedStack(error: Error, frames: readonly CallSiteLike[]): string {
  let header: string
  try {
    header = Error.prototype.toString.call(error)
  } catch {
    header = 'Error'
  }
  return [header, ...frames.map((f) => `    at ${mappedFrame(f)}`)].join('\n')
}

/** Makes every stack formatted from now on point into the sources (the entry points call it first). */
export function mapStackTraces(): void {
  Error.prepareStackTrace = mappedStack
}
