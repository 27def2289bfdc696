// Turns the job summary (the small, regular HTML that src/report/summary.ts writes for GitHub) into plain Markdown
// for a terminal: the demo prints it so a user sees on their screen what the job summary would show.

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&amp;': '&'
}

function unescape(text: string): string {
  return text.replace(/&(?:lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e] ?? e)
}

/** Inline HTML → Markdown inline text. */
function inline(html: string): string {
  return unescape(
    html
      .replace(/<br\s*\/?>/g, ' · ')
      .replace(/<sub>([\s\S]*?)<\/sub>/g, '($1)')
      .replace(/<code>([\s\S]*?)<\/code>/g, '`$1`')
      .replace(/<b>([\s\S]*?)<\/b>/g, '**$1**')
      .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, '[$2]($1)')
      .replace(/<[^>]+>/g, '')
  ).trim()
}

function cells(row: string): string[] {
  return [...row.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((m) =>
    inline(m[1] ?? '').replace(/\|/g, '\\|')
  )
}

function tableToMarkdown(html: string): string {
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1] ?? ''))
  if (rows.length === 0) return ''
  const width = Math.max(...rows.map((r) => r.length))
  const pad = (r: string[]): string[] => [...r, ...Array<string>(width - r.length).fill('')]
  const headed = /<tr><th>[^]*?<\/th><th>/.test(html) // a header row, not a key/value table
  const lines = rows.map((r) => `| ${pad(r).join(' | ')} |`)
  const rule = `|${' --- |'.repeat(width)}`
  return headed
    ? [lines[0], rule, ...lines.slice(1)].join('\n')
    : [`|${' |'.repeat(width)}`, rule, ...lines].join('\n')
}

/**
 * Converts a rendered job summary to Markdown.
 * @param html what renderSummary produced
 */
export function summaryToMarkdown(html: string): string {
  const out: string[] = []
  // Top-level blocks only: a <details> keeps its <p> and <pre> inside it.
  for (const [b] of html.matchAll(/<(h2|h3|table|ul|details|pre|p)\b[^>]*>[\s\S]*?<\/\1>/g)) {
    if (/^<h2>/.test(b)) out.push(`## ${inline(b)}`)
    else if (/^<h3>/.test(b)) out.push(`### ${inline(b)}`)
    else if (/^<table>/.test(b)) out.push(tableToMarkdown(b))
    else if (/^<ul>/.test(b)) {
      out.push(
        [...b.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => `- ${inline(m[1] ?? '')}`).join('\n')
      )
    } else if (/^<details/.test(b)) {
      const summary = /<summary>([\s\S]*?)<\/summary>/.exec(b)?.[1] ?? ''
      const pre = /<pre>([\s\S]*?)<\/pre>/.exec(b)?.[1]
      const paras = [...b.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => inline(m[1] ?? ''))
      out.push([`> ${inline(summary)}`, ...paras.map((p) => `> ${p}`)].join('\n'))
      if (pre !== undefined) out.push(['```text', unescape(pre), '```'].join('\n'))
    } else if (/^<pre>/.test(b))
      out.push(['```text', unescape(b.replace(/<\/?pre>/g, '')), '```'].join('\n'))
    else out.push(inline(b))
  }
  return `${out.join('\n\n')}\n`
}
