// What every section of the job summary shares: the size limits the renderer shrinks to stay under GitHub's cap,
// and the shape of a section. A section is a pure function of the report; adding one is adding a function to the
// list in summary.ts.
import { formatCount } from '../../util/format.js'
import type { Report } from '../types.js'

/** How much of the variable-size parts to show (Infinity: all). */
export interface SummaryLimits {
  /** Lines of each log tail. */
  readonly tailLines: number
  /** Rows of each long list (tables, prechecks, plan databases). */
  readonly tableRows: number
  /** Warnings listed. */
  readonly warnings: number
}

/** One section of the job summary: HTML blocks separated by blank lines, or undefined when it has nothing to say. */
export type SummarySection = (report: Report, limits: SummaryLimits) => string | undefined

/** At most `limit` items, and a sentence for what was left out (pointing at result.json), when any was. */
export function capped<T>(
  items: readonly T[],
  limit: number,
  what: string
): { shown: readonly T[]; more?: string } {
  if (items.length <= limit) return { shown: items }
  const left = items.length - limit
  return {
    shown: items.slice(0, limit),
    more: `${formatCount(left)} more ${what} are in result.json.`
  }
}
