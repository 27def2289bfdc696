// The two JSON printers dmctl uses (pingcap/tiflow dm/ctl/common; shapes from dm/proto/dmmaster.proto):
//  - gogo jsonpb `Marshaler{EmitDefaults: true, Indent: "    "}` for protobuf responses: proto field order, int64
//    as JSON strings, nil messages as null, empty repeated fields as `[` newline `<indent>]`, enums by name, only the
//    set member of a oneof;
//  - encoding/json `MarshalIndent(v, "", "    ")` for the task list of `query-status` without arguments
//    (empty slices as `[]`).
// Both escape strings the way Go's encoding/json does (HTML-safe: <, >, & as \u003c…).

/** The kind of a proto field. */
export type FieldKind = 'string' | 'bool' | 'int32' | 'int64' | 'enum' | 'bytes' | MessageSchema

/** One field of a proto message, in declaration order. */
export interface FieldSpec {
  readonly name: string
  readonly kind: FieldKind
  readonly repeated?: boolean
  /** Member of a oneof: printed only when set (not undefined). */
  readonly oneof?: boolean
}

/** A proto message: its fields in proto order. */
export type MessageSchema = readonly FieldSpec[]

/** A message value: field name → value (missing means default). */
export type MessageValue = Readonly<Record<string, unknown>>

/** Go's encoding/json string encoding (with HTML escaping, as json.Marshal does by default). */
export function goJsonString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `${out}"`
}

const INDENT = '    '

function defaultOf(kind: FieldKind): unknown {
  if (kind === 'string') return ''
  if (kind === 'bool') return false
  if (kind === 'int32' || kind === 'int64') return 0
  if (kind === 'enum') return 'InvalidStage'
  return null
}

function scalar(kind: FieldKind, v: unknown, indent: string): string {
  if (typeof kind !== 'string') {
    return v === null || v === undefined ? 'null' : renderMessage(kind, v as MessageValue, indent)
  }
  switch (kind) {
    case 'string':
    case 'enum':
      return goJsonString(typeof v === 'string' ? v : '')
    case 'bool':
      return v ? 'true' : 'false'
    case 'int32':
      return String(Number(v))
    case 'int64':
      // jsonpb prints 64-bit integers as strings so JavaScript readers keep their precision.
      return goJsonString(
        typeof v === 'bigint' || typeof v === 'number'
          ? v.toString()
          : typeof v === 'string'
            ? v
            : '0'
      )
    case 'bytes':
      return typeof v === 'string' && v !== '' ? goJsonString(v) : 'null'
  }
}

function renderMessage(schema: MessageSchema, value: MessageValue, indent: string): string {
  const inner = indent + INDENT
  const parts: string[] = []
  for (const f of schema) {
    const v = value[f.name]
    if (f.oneof && (v === undefined || v === null)) continue
    let text: string
    if (f.repeated) {
      const items = Array.isArray(v) ? (v as unknown[]) : []
      if (items.length === 0) text = `[\n${inner}]`
      else {
        const itemIndent = inner + INDENT
        text = `[\n${items.map((it) => itemIndent + scalar(f.kind, it, itemIndent)).join(',\n')}\n${inner}]`
      }
    } else {
      text = scalar(f.kind, v === undefined ? defaultOf(f.kind) : v, inner)
    }
    parts.push(`${inner}${goJsonString(f.name)}: ${text}`)
  }
  return parts.length ? `{\n${parts.join(',\n')}\n${indent}}` : '{}'
}

/** Renders a message the way dmctl's `PrettyPrintResponse` does (without the trailing newline). */
export function renderJsonpb(schema: MessageSchema, value: MessageValue): string {
  return renderMessage(schema, value, '')
}

/** A value for {@link renderGoJson}: objects keep their key order, like Go structs. */
export type GoJson = string | number | boolean | null | readonly GoJson[] | { [k: string]: GoJson }

/**
 * encoding/json `MarshalIndent(v, prefix, unit)` (without a trailing newline): dmctl uses ("", "    "), the checker's
 * detail ("\t", "\t"). Every line after the first starts with the prefix.
 */
export function renderGoJson(v: GoJson, prefix = '', unit = INDENT, indent = prefix): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return goJsonString(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  const inner = indent + unit
  if (Array.isArray(v)) {
    const arr = v as readonly GoJson[]
    if (arr.length === 0) return '[]'
    return `[\n${arr.map((x) => inner + renderGoJson(x, prefix, unit, inner)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(v as Record<string, GoJson>)
  if (entries.length === 0) return '{}'
  const body = entries.map(
    ([k, x]) => `${inner}${goJsonString(k)}: ${renderGoJson(x, prefix, unit, inner)}`
  )
  return `{\n${body.join(',\n')}\n${indent}}`
}
