// A parser for Go's standard `flag` package (what TiDB Lightning uses): `-name value`, `--name value`,
// `-name=value`, booleans only as `-name` or `-name=false`; parsing stops at the first non-flag argument or `--`.
// Errors and the usage listing are worded as Go prints them.

/** A Go flag definition. `choices` models flagext.ChoiceVar. */
export interface GoFlagSpec {
  readonly name: string
  readonly type: 'string' | 'int' | 'bool' | 'strings'
  readonly def: string
  readonly usage: string
  readonly choices?: readonly string[]
}

/** A Go flag parse error; `help` marks `-h`/`-help` (flag.ErrHelp). */
export class GoFlagError extends Error {
  constructor(
    message: string,
    readonly help = false
  ) {
    super(message)
  }
}

/** Values as given (only flags that were set; repeatable `strings` flags accumulate). */
export type GoFlagValues = Map<string, string | string[]>

/** Parses Go-flag style arguments. */
export function parseGoFlags(argv: readonly string[], specs: readonly GoFlagSpec[]): GoFlagValues {
  const byName = new Map(specs.map((s) => [s.name, s]))
  const values: GoFlagValues = new Map()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--') break
    if (!a.startsWith('-') || a === '-') break
    const body = a.startsWith('--') ? a.slice(2) : a.slice(1)
    if (!body || body.startsWith('-') || body.startsWith('='))
      throw new GoFlagError(`bad flag syntax: ${a}`)
    const eq = body.indexOf('=')
    const name = eq < 0 ? body : body.slice(0, eq)
    const spec = byName.get(name)
    if (!spec) {
      if (name === 'h' || name === 'help') throw new GoFlagError('flag: help requested', true)
      throw new GoFlagError(`flag provided but not defined: -${name}`)
    }
    let value: string
    if (spec.type === 'bool') {
      value = eq < 0 ? 'true' : body.slice(eq + 1)
      if (!/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(value)) {
        throw new GoFlagError(
          `invalid boolean value ${JSON.stringify(value)} for -${name}: parse error`
        )
      }
    } else if (eq >= 0) {
      value = body.slice(eq + 1)
    } else if (i + 1 < argv.length) {
      value = argv[++i] ?? ''
    } else {
      throw new GoFlagError(`flag needs an argument: -${name}`)
    }
    if (spec.type === 'int' && !/^[+-]?\d+$/.test(value)) {
      throw new GoFlagError(`invalid value ${JSON.stringify(value)} for flag -${name}: parse error`)
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new GoFlagError(
        `invalid value ${JSON.stringify(value)} for flag -${name}: ${JSON.stringify(value)} not in [${spec.choices.map((c) => JSON.stringify(c)).join(' ')}]`
      )
    }
    if (spec.type === 'strings')
      values.set(name, [...((values.get(name) as string[] | undefined) ?? []), value])
    else values.set(name, value)
  }
  return values
}

/** Go's FlagSet.PrintDefaults listing (after `Usage:`), sorted by name. */
export function goFlagUsage(specs: readonly GoFlagSpec[]): string {
  let out = 'Usage:\n'
  for (const s of [...specs].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    let line = `  -${s.name}`
    const quoted = /`([^`]*)`/.exec(s.usage)
    const typeName = quoted
      ? quoted[1]
      : s.type === 'bool'
        ? ''
        : s.type === 'strings'
          ? 'value'
          : s.type
    if (typeName) line += ` ${typeName}`
    line += line.length <= 4 ? '\t' : '\n    \t'
    line += s.usage.replace(/`/g, '').replace(/\n/g, '\n    \t')
    const zero = s.def === '' || s.def === '0' || s.def === 'false'
    if (!zero)
      line += s.type === 'string' ? ` (default ${JSON.stringify(s.def)})` : ` (default ${s.def})`
    out += `${line}\n`
  }
  return out
}
