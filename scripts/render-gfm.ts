// Markdown → HTML as GitHub renders a job summary: CommonMark with the GFM extensions (tables, autolinks, the tag
// filter), raw HTML allowed as GitHub allows it before sanitizing. micromark passes the CommonMark and GFM spec
// tests, as GitHub's cmark-gfm does, without a native build. Used by the summary render tests and summary-png.ts.
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

/** Renders Markdown (with raw HTML) as GitHub's renderer does, before GitHub's sanitizer. */
export function renderGfm(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  })
}
