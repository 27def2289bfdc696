// A strict YAML decoder that fails the way DM's does: DM decodes source and task files with gopkg.in/yaml.v2
// `UnmarshalStrict`, which collects every unknown key and type mismatch into one error:
//   yaml: unmarshal errors:
//     line 3: field foo not found in type config.SourceConfig
//     line 7: cannot unmarshal !!str `abc` into int
// Syntax errors read `yaml: line N: <reason>`.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'

/** The expected shape of a YAML node, named with the Go type DM decodes it into. */
export type Spec =
  | { readonly t: 'str' }
  | { readonly t: 'int'; readonly goType: 'int' | 'uint32' | 'int64' | 'uint64' }
  | { readonly t: 'float' }
  | { readonly t: 'bool' }
  | { readonly t: 'any' }
  | {
      readonly t: 'struct'
      readonly goType: string
      readonly fields: Readonly<Record<string, Spec>>
    }
  | { readonly t: 'list'; readonly goType: string; readonly of: Spec }
  | { readonly t: 'map'; readonly goType: string; readonly of: Spec }

/** Spec helpers. */
export const S = {
  str: { t: 'str' } as Spec,
  int: { t: 'int', goType: 'int' } as Spec,
  uint32: { t: 'int', goType: 'uint32' } as Spec,
  int64: { t: 'int', goType: 'int64' } as Spec,
  float: { t: 'float' } as Spec,
  bool: { t: 'bool' } as Spec,
  any: { t: 'any' } as Spec,
  strList: { t: 'list', goType: '[]string', of: { t: 'str' } } as Spec,
  struct: (goType: string, fields: Record<string, Spec>): Spec => ({ t: 'struct', goType, fields }),
  list: (goType: string, of: Spec): Spec => ({ t: 'list', goType, of }),
  map: (goType: string, of: Spec): Spec => ({ t: 'map', goType, of })
}

/** The outcome: the decoded plain value, or yaml.v2's error text. */
export type Decoded = { ok: true; value: unknown } | { ok: false; error: string }

function goTypeOf(spec: Spec): string {
  switch (spec.t) {
    case 'str':
      return 'string'
    case 'int':
      return spec.goType
    case 'float':
      return 'float64'
    case 'bool':
      return 'bool'
    case 'any':
      return 'interface {}'
    default:
      return spec.goType
  }
}

function yamlTag(node: Node): string {
  if (isMap(node)) return '!!map'
  if (isSeq(node)) return '!!seq'
  if (isScalar(node)) {
    const v = node.value
    if (v === null) return '!!null'
    if (typeof v === 'boolean') return '!!bool'
    if (typeof v === 'number' || typeof v === 'bigint')
      return Number.isInteger(Number(v)) && !String(node.source ?? v).includes('.')
        ? '!!int'
        : '!!float'
    return '!!str'
  }
  return '!!str'
}

function shown(node: Node): string {
  if (!isScalar(node)) return ''
  const text = String(node.source ?? node.value)
  return text.length > 10 ? ` \`${text.slice(0, 7)}...\`` : ` \`${text}\``
}

class Decoder {
  readonly errors: string[] = []
  constructor(private readonly lines: LineCounter) {}

  private line(node: Node | null | undefined): number {
    const off = node?.range?.[0] ?? 0
    return this.lines.linePos(off).line
  }

  private mismatch(node: Node, spec: Spec): undefined {
    this.errors.push(
      `line ${this.line(node)}: cannot unmarshal ${yamlTag(node)}${shown(node)} into ${goTypeOf(spec)}`
    )
    return undefined
  }

  decode(node: Node | null | undefined, spec: Spec): unknown {
    if (!node || (isScalar(node) && node.value === null)) return undefined
    switch (spec.t) {
      case 'any':
        return node.toJSON()
      case 'str':
        // yaml.v2 stores any scalar's text into a string field.
        return isScalar(node) ? String(node.source ?? node.value) : this.mismatch(node, spec)
      case 'bool':
        return isScalar(node) && typeof node.value === 'boolean'
          ? node.value
          : this.mismatch(node, spec)
      case 'int': {
        if (!isScalar(node) || yamlTag(node) !== '!!int') return this.mismatch(node, spec)
        const n = Number(node.value)
        if (spec.goType.startsWith('uint') && n < 0) return this.mismatch(node, spec)
        if (spec.goType === 'uint32' && n > 0xffffffff) return this.mismatch(node, spec)
        return n
      }
      case 'float':
        return isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'bigint')
          ? Number(node.value)
          : this.mismatch(node, spec)
      case 'list': {
        if (!isSeq(node)) return this.mismatch(node, spec)
        return node.items.map((it) => this.decode(it as Node, spec.of) ?? null)
      }
      case 'map': {
        if (!isMap(node)) return this.mismatch(node, spec)
        const out: Record<string, unknown> = {}
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
          out[key] = this.decode(pair.value as Node, spec.of) ?? null
        }
        return out
      }
      case 'struct': {
        if (!isMap(node)) return this.mismatch(node, spec)
        const out: Record<string, unknown> = {}
        for (const pair of node.items) {
          const keyNode = pair.key as Node
          const key = isScalar(keyNode) ? String(keyNode.value) : String(pair.key)
          const fieldSpec = spec.fields[key]
          if (!fieldSpec) {
            this.errors.push(
              `line ${this.line(keyNode)}: field ${key} not found in type ${spec.goType}`
            )
            continue
          }
          const v = this.decode(pair.value as Node, fieldSpec)
          if (v !== undefined) out[key] = v
        }
        return out
      }
    }
  }
}

/** Decodes `text` against `spec` with yaml.v2 UnmarshalStrict semantics (YAML 1.1 scalars). */
export function decodeStrict(text: string, spec: Spec): Decoded {
  const lines = new LineCounter()
  const doc = parseDocument(text, { version: '1.1', lineCounter: lines, uniqueKeys: false })
  const syntax = doc.errors[0]
  if (syntax) {
    const line = syntax.linePos?.[0]?.line ?? 1
    const reason = syntax.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? ''
    return { ok: false, error: `yaml: line ${line}: ${reason}` }
  }
  const d = new Decoder(lines)
  const value = d.decode(doc.contents, spec) ?? {}
  if (d.errors.length) {
    return { ok: false, error: `yaml: unmarshal errors:\n  ${d.errors.join('\n  ')}` }
  }
  return { ok: true, value }
}
