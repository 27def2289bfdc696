// The job summary as GitHub shows it: rendered by a CommonMark/GFM renderer (scripts/render-gfm.ts), then parsed as
// a browser parses HTML (parse5). Tests compare the element tree of what we meant (our HTML parsed
// directly) with what the renderer made of it: any tool text read as Markdown shows up as a difference.
import { parseFragment } from 'parse5'
import type { DefaultTreeAdapterMap } from 'parse5'

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment']

export { renderGfm } from '../../scripts/render-gfm.js'

/** A plain tree: elements as `{tag, attrs, children}`, text with whitespace collapsed (kept as is inside <pre>). */
export type Tree = string | { tag: string; attrs: Record<string, string>; children: Tree[] }

function toTree(node: Node, inPre: boolean): Tree | undefined {
  if (node.nodeName === '#text') {
    const value = (node as DefaultTreeAdapterMap['textNode']).value
    if (inPre) return value
    const text = value.replace(/\s+/g, ' ')
    return text.trim() === '' ? undefined : text.trim()
  }
  if (!('tagName' in node)) return undefined
  const el = node
  const pre = inPre || el.tagName === 'pre'
  return {
    tag: el.tagName,
    attrs: Object.fromEntries(el.attrs.map((a) => [a.name, a.value])),
    children: el.childNodes.map((c) => toTree(c, pre)).filter((t): t is Tree => t !== undefined)
  }
}

/** The element tree of an HTML fragment. */
export function htmlTree(html: string): Tree[] {
  return parseFragment(html)
    .childNodes.map((c) => toTree(c, false))
    .filter((t): t is Tree => t !== undefined)
}

/** Every element of a tree with the given tag, depth first. */
export function findAll(trees: readonly Tree[], tag: string): Exclude<Tree, string>[] {
  const out: Exclude<Tree, string>[] = []
  const walk = (t: Tree): void => {
    if (typeof t === 'string') return
    if (t.tag === tag) out.push(t)
    t.children.forEach(walk)
  }
  trees.forEach(walk)
  return out
}

/** The text of a tree, as a browser shows it (entities decoded). */
export function textOf(t: Tree | readonly Tree[]): string {
  if (typeof t === 'string') return t
  if (Array.isArray(t)) return t.map((c: Tree) => textOf(c)).join(' ')
  return textOf((t as Exclude<Tree, string>).children)
}
