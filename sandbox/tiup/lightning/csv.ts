// CSV data files as Lightning reads them ([mydumper.csv]): separator, delimiter (quote), backslash escapes
// (`escaped-by`), NULL spellings (`\N` by default), an optional header row naming the columns.
import type { TaskConfig } from './config.js'

/** Parsed CSV content. */
export interface CsvRows {
  readonly header: readonly string[] | undefined
  readonly rows: (string | null)[][]
}

const ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' }

/** Parses a whole CSV file. */
export function parseCsv(text: string, csv: TaskConfig['mydumper']['csv']): CsvRows {
  const rows: (string | null)[][] = []
  const { separator: sep, delimiter: quote, escapedBy: esc } = csv
  let i = 0
  const n = text.length
  while (i < n) {
    const row: (string | null)[] = []
    for (;;) {
      let value = ''
      let quoted = false
      let sawEscapedN = false
      if (quote && text.startsWith(quote, i)) {
        quoted = true
        i += quote.length
        for (;;) {
          if (i >= n) break
          if (esc && text[i] === esc) {
            const e = text[i + 1] ?? ''
            value += ESCAPES[e] ?? e
            i += 2
            continue
          }
          if (text.startsWith(quote, i)) {
            if (text.startsWith(quote, i + quote.length)) {
              value += quote
              i += quote.length * 2
              continue
            }
            i += quote.length
            break
          }
          value += text[i]
          i++
        }
      } else {
        while (i < n && !text.startsWith(sep, i) && text[i] !== '\n' && text[i] !== '\r') {
          if (esc && text[i] === esc) {
            const e = text[i + 1] ?? ''
            if (e === 'N' && !value) sawEscapedN = true
            value += ESCAPES[e] ?? e
            i += 2
            continue
          }
          value += text[i]
          i++
        }
      }
      const isNull =
        (!quoted &&
          (sawEscapedN && value === 'N' ? true : csv.null.includes(value) && !csv.notNull)) ||
        (quoted && value === '\\N')
      row.push(isNull ? null : value)
      if (text.startsWith(sep, i)) {
        i += sep.length
        if (csv.trimLastSeparator && (text[i] === '\n' || text[i] === '\r' || i >= n)) break
        continue
      }
      break
    }
    if (text[i] === '\r') i++
    if (text[i] === '\n') i++
    if (!(row.length === 1 && row[0] === '')) rows.push(row)
  }
  if (!csv.header) return { header: undefined, rows }
  const [first, ...rest] = rows
  return { header: (first ?? []).map((h) => h ?? ''), rows: rest }
}
