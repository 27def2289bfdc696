// Lightning's `[[mydumper.files]]` file router, as data and as a JavaScript emulation.
//
// Semantics read in pingcap/tidb `pkg/lightning/mydump/router.go` (NewFileRouter / chainRouters / RegexRouter):
// rules are tried in order and the FIRST matching pattern wins; `schema`, `table`, `type` and `key` are templates
// expanded with Go's `regexp.Expand` (`$1`, `${1}`, `$name`; `$$` is a literal `$`); `type = "ignore"`
// (`TypeIgnore`) makes the loader skip the file and needs no other field; a file no rule matches is logged as
// `[loader] file is filtered by file router` and skipped. Patterns are Go RE2: no lookaround, no backreferences.
// The emulation lets the action check, before Lightning runs, that every exported key routes where it should.

/** One `[[mydumper.files]]` entry (keys of pingcap/tidb pkg/lightning/config/config.go, FileRouteRule). */
export interface FileRule {
  /** A Go RE2 regular expression over the path relative to `data-source-dir`. */
  readonly pattern: string
  readonly schema?: string
  readonly table?: string
  /** `parquet`, `sql`, `csv`, `schema-schema`, `table-schema`, `view-schema` or `ignore` (may be a template). */
  readonly type: string
  readonly key?: string
}

/** Where a rule sends a file. */
export interface RouteResult {
  readonly schema: string
  readonly table: string
  readonly type: string
}

/**
 * Compiles an RE2 pattern as a JavaScript RegExp: a leading `(?i)` becomes the `i` flag (JavaScript has no
 * global inline flags); `u` makes escapes as strict as RE2's. Throws SyntaxError on an invalid pattern.
 */
export function compileRe2(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'iu') : new RegExp(pattern, 'u')
}

/** Escapes a literal for an RE2 (and JavaScript) pattern, like Go's `regexp.QuoteMeta`. */
export function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')
}

/** Escapes a literal for a router template (`$` → `$$`), as Lightning does for `path` rules. */
export function quoteTemplate(text: string): string {
  return text.replace(/\$/g, '$$$$')
}

/** Expands a template the way Go's `regexp.Expand` does. */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  const variable = /\$(\$|\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/gu
  return template.replace(variable, (_all, what: string, braced?: string, bare?: string) => {
    if (what === '$') return '$'
    const name = braced ?? bare ?? ''
    // Go takes the longest run of letters, digits and `_` as the name; a non-numeric name refers to a named group.
    if (/^\d+$/.test(name)) return match[Number(name)] ?? ''
    return match.groups?.[name] ?? ''
  })
}

/** A rule set compiled once for routing many keys. */
export class FileRouter {
  private readonly compiled: readonly { rule: FileRule; re: RegExp }[]

  constructor(rules: readonly FileRule[]) {
    this.compiled = rules.map((rule) => ({ rule, re: compileRe2(rule.pattern) }))
  }

  /** Where Lightning would send this key; undefined when no rule matches (the file is skipped). */
  route(key: string): RouteResult | undefined {
    for (const { rule, re } of this.compiled) {
      const m = re.exec(key)
      if (!m) continue
      const type = expandTemplate(rule.type, m)
      if (type === 'ignore') return { schema: '', table: '', type }
      return {
        schema: expandTemplate(rule.schema ?? '', m),
        table: expandTemplate(rule.table ?? '', m),
        type
      }
    }
    return undefined
  }
}
