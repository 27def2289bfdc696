// A parser for spf13/pflag command lines (what Dumpling uses): `--name value`, `--name=value`, `-n value`,
// `-nvalue`, `-n=value`, grouped boolean shorthands, `--` ending flags, positional arguments anywhere. Errors and
// the flag listing are worded as pflag words them (FlagSet.Parse errors, FlagUsages).

/** The value kinds the tools' flags use, named as pflag names them. */
export type FlagType =
  'string' | 'int' | 'uint64' | 'bool' | 'stringSlice' | 'duration' | 'stringToString'

/** A flag definition. */
export interface FlagSpec {
  readonly name: string
  readonly short?: string
  readonly type: FlagType
  /** The default, as pflag prints it (`DefValue`). */
  readonly def: string
  readonly usage: string
  readonly hidden?: boolean
}

/** A parse failure with pflag's message (`unknown flag: --x`, `flag needs an argument: 'h' in -h`, …). */
export class PflagError extends Error {}

/** The parsed command line. */
export interface ParsedFlags {
  /** Raw values as last given (slices accumulate), by flag name; defaults are filled in. */
  readonly values: ReadonlyMap<string, string | string[]>
  /** Flags that were set on the command line. */
  readonly changed: ReadonlySet<string>
  /** Positional arguments. */
  readonly args: readonly string[]
}

/** Splits one StringSlice value like pflag does (a CSV record: commas separate, `"` quotes). */
export function splitCsv(value: string): string[] {
  if (value === '') return []
  const out: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  while (i < value.length) {
    const c = value[i] ?? ''
    if (quoted) {
      if (c === '"' && value[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') {
        quoted = false
        i++
        continue
      }
      field += c
      i++
      continue
    }
    if (c === '"' && field === '') {
      quoted = true
      i++
      continue
    }
    if (c === '"')
      throw new PflagError(`parse error on line 1, column ${i + 1}: bare " in non-quoted-field`)
    if (c === ',') {
      out.push(field)
      field = ''
      i++
      continue
    }
    field += c
    i++
  }
  if (quoted)
    throw new PflagError(
      `parse error on line 1, column ${value.length + 1}: extraneous or missing " in quoted-field`
    )
  out.push(field)
  return out
}

function flagDisplay(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`
}

function validate(spec: FlagSpec, value: string): void {
  const bad = (detail: string): PflagError =>
    new PflagError(
      `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(flagDisplay(spec))} flag: ${detail}`
    )
  if (spec.type === 'int' && !/^[+-]?\d+$/.test(value)) {
    throw bad(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`)
  }
  if (spec.type === 'uint64' && !/^\+?\d+$/.test(value)) {
    throw bad(`strconv.ParseUint: parsing ${JSON.stringify(value)}: invalid syntax`)
  }
  if (spec.type === 'bool' && !/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(value)) {
    throw bad(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`)
  }
  if (spec.type === 'duration' && !/^([0-9.]+(ns|us|µs|ms|s|m|h))+$|^0$/.test(value)) {
    throw bad(`time: invalid duration ${JSON.stringify(value)}`)
  }
  if (spec.type === 'stringToString') {
    for (const kv of splitCsv(value))
      if (!kv.includes('=')) throw bad(`${kv} must be formatted as key=value`)
  }
}

/** Parses argv against the flag set. */
export function parsePflags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]))
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short ?? '', s]))
  const values = new Map<string, string | string[]>()
  const changed = new Set<string>()
  const args: string[] = []
  const set = (spec: FlagSpec, value: string): void => {
    validate(spec, value)
    if (spec.type === 'stringSlice' || spec.type === 'stringToString') {
      const items = splitCsv(value)
      const prev = changed.has(spec.name) ? (values.get(spec.name) as string[]) : []
      values.set(spec.name, [...prev, ...items])
    } else {
      values.set(spec.name, value)
    }
    changed.add(spec.name)
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--') {
      args.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq)
      const spec = byName.get(name)
      if (!spec) throw new PflagError(`unknown flag: --${name}`)
      if (eq >= 0) set(spec, a.slice(eq + 1))
      else if (spec.type === 'bool') set(spec, 'true')
      else if (i + 1 < argv.length) set(spec, argv[++i] ?? '')
      else throw new PflagError(`flag needs an argument: --${name}`)
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      let shorts = a.slice(1)
      while (shorts.length) {
        const c = shorts[0] ?? ''
        const spec = byShort.get(c)
        if (!spec) throw new PflagError(`unknown shorthand flag: '${c}' in ${a}`)
        if (shorts[1] === '=') {
          set(spec, shorts.slice(2))
          break
        }
        if (spec.type === 'bool') {
          set(spec, 'true')
          shorts = shorts.slice(1)
          continue
        }
        if (shorts.length > 1) set(spec, shorts.slice(1))
        else if (i + 1 < argv.length) set(spec, argv[++i] ?? '')
        else throw new PflagError(`flag needs an argument: '${c}' in -${c}`)
        break
      }
      continue
    }
    args.push(a)
  }
  for (const s of specs) {
    if (!values.has(s.name)) {
      values.set(
        s.name,
        s.type === 'stringSlice' || s.type === 'stringToString' ? defaultList(s.def) : s.def
      )
    }
  }
  return { values, changed, args }
}

function defaultList(def: string): string[] {
  const inner = def.replace(/^\[|\]$/g, '')
  return inner ? inner.split(',') : []
}

const TYPE_NAMES: Record<FlagType, string> = {
  string: 'string',
  int: 'int',
  uint64: 'uint',
  bool: '',
  stringSlice: 'strings',
  duration: 'duration',
  stringToString: 'stringToString'
}

function isZero(spec: FlagSpec): boolean {
  switch (spec.type) {
    case 'bool':
      return spec.def === 'false'
    case 'int':
    case 'uint64':
      return spec.def === '0'
    case 'duration':
      return spec.def === '0s'
    case 'stringSlice':
    case 'stringToString':
      return spec.def === '[]'
    default:
      return spec.def === ''
  }
}

/** The flag listing pflag's PrintDefaults writes (sorted by name, hidden flags omitted). */
export function flagUsages(specs: readonly FlagSpec[]): string {
  const lines: string[] = []
  let maxlen = 0
  for (const spec of [...specs].sort((a, b) => a.name.localeCompare(b.name))) {
    if (spec.hidden) continue
    let line = spec.short ? `  -${spec.short}, --${spec.name}` : `      --${spec.name}`
    let usage = spec.usage
    const quoted = /`([^`]*)`/.exec(usage)
    const varname = quoted ? (quoted[1] ?? '') : TYPE_NAMES[spec.type]
    if (quoted) usage = usage.replace(/`([^`]*)`/, '$1')
    if (varname) line += ` ${varname}`
    line += '\x00'
    maxlen = Math.max(maxlen, line.length)
    line += usage
    if (!isZero(spec))
      line +=
        spec.type === 'string' ? ` (default ${JSON.stringify(spec.def)})` : ` (default ${spec.def})`
    lines.push(line)
  }
  return lines
    .map((line) => {
      const sidx = line.indexOf('\x00')
      const rest = line.slice(sidx + 1).replace(/\n/g, `\n${' '.repeat(maxlen + 2)}`)
      return `${line.slice(0, sidx)} ${' '.repeat(maxlen - sidx)} ${rest}\n`
    })
    .join('')
}
