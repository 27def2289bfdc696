// The small HTML subset the job summary uses, with escaping done by us: core.summary escapes nothing
// (actions/toolkit packages/core/src/summary.ts: wrap() concatenates), and tool output, hostnames and table names are
// outside text.
//
// Every external string goes inside an HTML element, never into Markdown: GitHub does not parse Markdown inside an
// HTML block, so `*`, `_`, `[x](y)` or `#` in a table name stay literal. CommonMark (spec 0.31, "HTML blocks") has
// two kinds that matter here: a block that starts with `<details`, `<table>`, `<p>`… (type 6) ends at the first
// blank line, so outside <pre> newlines become <br>; a block that starts with `<pre` (type 1) runs to the line
// holding `</pre>` and may contain blank lines — but only when `<pre` starts the block's first line. A <pre> inside
// another element is therefore set off by blank lines (see details), never written on the next line of a <details>.

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Escaped inline text: newlines become <br> so a blank line cannot end the HTML block. */
export function inline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>')
}

/** An element with escaped inline text. */
export function el(tag: string, text: string): string {
  return `<${tag}>${inline(text)}</${tag}>`
}

/** An element whose content is already HTML. */
export function raw(tag: string, html: string): string {
  return `<${tag}>${html}</${tag}>`
}

/** A table: one header row of escaped text, then rows of ready HTML cells. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<tr>${header.map((h) => el('th', h)).join('')}</tr>`
  const body = rows.map((r) => `<tr>${r.map((c) => raw('td', c)).join('')}</tr>`).join('\n')
  return `<table>\n${head}\n${body}\n</table>`
}

/** A link when the URL is http(s), else the URL as code: we never emit javascript: or data: hrefs. */
export function link(label: string, url: string): string {
  if (/^https?:\/\//i.test(url)) return `<a href="${escapeHtml(url)}">${inline(label)}</a>`
  return `${inline(label)}: ${el('code', url)}`
}

/** Preformatted text (a log tail), escaped. Written as a block of its own (see details). */
export function pre(lines: readonly string[]): string {
  return `<pre>${escapeHtml(lines.join('\n'))}</pre>`
}

/**
 * A <details> block. Its parts are HTML blocks without blank lines, except <pre> blocks, which are set off by blank
 * lines so that each starts a CommonMark HTML block of its own (type 1) and its blank lines stay inside it.
 * @param summary the <summary> content, ready HTML
 * @param parts the body, one ready HTML block each
 * @param open shown unfolded
 */
export function details(summary: string, parts: readonly string[], open = false): string {
  const out: string[] = [`<details${open ? ' open' : ''}>`, raw('summary', summary)]
  for (const part of parts) {
    if (part.startsWith('<pre>')) out.push('', part, '')
    else out.push(part)
  }
  out.push('</details>')
  return out.join('\n')
}
