// Lightning's file router (pkg/lightning/mydump/router.go): `[[mydumper.files]]` rules with Go regexps and `$1`
// templates, followed by the Dumpling-style default rules when `default-file-rules` is on (always, when no
// rules are given). The first rule that matches decides; a path no rule matches is "filtered by file router".
import { compileGoRegexp, expandTemplate, GoRegexpError, type GoRegexp } from '../go-regexp.js'
import type { FileRouteRule } from './config.js'

/** What a data-source file is. */
export type SourceType =
  'ignore' | 'schema-schema' | 'table-schema' | 'view-schema' | 'sql' | 'csv' | 'parquet'

/** A routed file. */
export interface RouteResult {
  readonly schema: string
  readonly table: string
  readonly type: SourceType
  readonly key: string
  readonly compression: string
}

/** A routing rule error (reported as `parse file routing rule failed: <message>`). */
export class RouteRuleError extends Error {}

/** One of Lightning's default routing rules (defaultFileRouteRules): pattern, then schema/table/type/key/compression. */
function rule(
  pattern: string,
  schema = '',
  table = '',
  type = 'ignore',
  key = '',
  compression = ''
): FileRouteRule {
  return { pattern, path: '', schema, table, type, key, compression, unescape: true }
}

const DEFAULT_RULES: FileRouteRule[] = [
  rule('(?i).*(-schema-trigger|-schema-post)\\.sql(?:\\.(\\w*?))?$'),
  rule('(?i).*\\.(sql|csv|parquet)(\\.(\\w+))?\\.(bak|BAK)$'),
  rule(
    '(?i)^(?:[^/]*/)*([^/.]+)-schema-create\\.sql(?:\\.(\\w*?))?$',
    '$1',
    '',
    'schema-schema',
    '',
    '$2'
  ),
  rule(
    '(?i)^(?:[^/]*/)*([^/.]+)\\.(.*?)-schema\\.sql(?:\\.(\\w*?))?$',
    '$1',
    '$2',
    'table-schema',
    '',
    '$3'
  ),
  rule(
    '(?i)^(?:[^/]*/)*([^/.]+)\\.(.*?)-schema-view\\.sql(?:\\.(\\w*?))?$',
    '$1',
    '$2',
    'view-schema',
    '',
    '$3'
  ),
  rule(
    '(?i)^(?:[^/]*/)*([^/.]+)\\.(.*)\\.([0-9]+)\\.(snappy|gzip|gz|zstd|zst)\\.parquet$',
    '$1',
    '$2',
    'parquet',
    '$3'
  ),
  rule(
    '(?i)^(?:[^/]*/)*([^/.]+)\\.(.*?)(?:\\.([0-9]+))?\\.(sql|csv|parquet)(?:\\.(\\w+))?$',
    '$1',
    '$2',
    '$4',
    '$3',
    '$5'
  )
]

const TYPES: readonly SourceType[] = [
  'schema-schema',
  'table-schema',
  'view-schema',
  'sql',
  'csv',
  'parquet',
  'ignore'
]
const COMPRESSIONS: Record<string, string> = {
  gz: 'gzip',
  gzip: 'gzip',
  lz4: 'lz4',
  zstd: 'zstd',
  zst: 'zstd',
  xz: 'xz',
  lzo: 'lzo',
  snappy: 'snappy',
  '': ''
}

interface CompiledRule {
  readonly re: GoRegexp
  readonly rule: FileRouteRule
}

function checkTemplate(re: GoRegexp, field: string, template: string): void {
  if (!template) throw new RouteRuleError(`field '${field}' match pattern can't be empty`)
  for (const m of template.matchAll(/\$(?:\$|[\p{L}\p{Nd}_]+|\{[\p{L}\p{Nd}_]+\})/gu)) {
    const v = m[0]
    if (v === '$$') continue
    const name = v.startsWith('${') ? v.slice(2, -1) : v.slice(1)
    if (/^\d+$/.test(name)) {
      if (Number(name) > re.numSubexp)
        throw new RouteRuleError(`sub pattern capture '${v}' out of range`)
    } else if (!re.subexpNames.includes(name)) {
      throw new RouteRuleError(`invalid named capture '${v}'`)
    }
  }
}

function compile(rule: FileRouteRule): CompiledRule {
  if (!rule.path && !rule.pattern)
    throw new RouteRuleError('`path` and `pattern` must not be both empty in [[mydumper.files]]')
  if (rule.path && rule.pattern)
    throw new RouteRuleError("can't set both `path` and `pattern` field in [[mydumper.files]]")
  let r = rule
  if (rule.path) {
    const quote = (t: string): string => t.replace(/\$/g, '$$$$')
    r = {
      ...rule,
      pattern: rule.path.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'),
      schema: quote(rule.schema),
      table: quote(rule.table),
      type: quote(rule.type),
      key: quote(rule.key),
      compression: quote(rule.compression)
    }
  }
  let re: GoRegexp
  try {
    re = compileGoRegexp(r.pattern)
  } catch (e) {
    if (e instanceof GoRegexpError) throw new RouteRuleError(e.message)
    throw e
  }
  checkTemplate(re, 'type', r.type)
  if (r.type !== 'ignore') {
    checkTemplate(re, 'schema', r.schema)
    if (r.type !== 'schema-schema') checkTemplate(re, 'table', r.table)
    if (r.key) checkTemplate(re, 'key', r.key)
    if (r.compression) checkTemplate(re, 'compression', r.compression)
  }
  return { re, rule: r }
}

function unescapeName(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, '%2B'))
  } catch {
    return s
  }
}

/** A compiled router. */
export interface FileRouter {
  /** The route of a `/`-separated path relative to the data source, or undefined when no rule matches. */
  route(path: string): RouteResult | undefined
}

/** Builds the router of a task: its `[[mydumper.files]]` rules, then the default rules when enabled. */
export function newFileRouter(rules: readonly FileRouteRule[], defaultRules: boolean): FileRouter {
  const compiled = [...rules, ...(defaultRules ? DEFAULT_RULES : [])].map(compile)
  return {
    route(path) {
      for (const { re, rule } of compiled) {
        const m = re.regexp.exec(path)
        if (!m) continue
        const expand = (t: string): string => expandTemplate(t, re, m)
        const typeText = expand(rule.type).trim().toLowerCase()
        const type = TYPES.find((t) => t === typeText)
        if (!type)
          throw new RouteRuleError(
            `apply file routing on file '${path}' failed: unknown source type '${expand(rule.type)}'`
          )
        if (type === 'ignore') return { schema: '', table: '', type, key: '', compression: '' }
        const name = (t: string): string => (rule.unescape ? unescapeName(expand(t)) : expand(t))
        const compressionText = rule.compression ? expand(rule.compression).toLowerCase() : ''
        const compression = COMPRESSIONS[compressionText]
        if (compression === undefined)
          throw new RouteRuleError(
            `apply file routing on file '${path}' failed: invalid compression type '${compressionText}'`
          )
        return {
          schema: name(rule.schema),
          table: type === 'schema-schema' ? '' : name(rule.table),
          type,
          key: rule.key ? expand(rule.key) : '',
          compression
        }
      }
      return undefined
    }
  }
}
