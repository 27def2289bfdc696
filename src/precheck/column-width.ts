// Whether a table created on the target before the run can hold the source's values: Lightning and DM insert into
// the table as it is, and a narrower column there truncates values (or fails the row) instead of refusing up front.
// Pure: the two column lists, as information_schema.COLUMNS gives DATA_TYPE and COLUMN_TYPE.
//
// "Narrower" is judged within one family of types, by what MySQL documents for each (MySQL reference manual,
// "Data Types": integer ranges, CHAR/VARCHAR/BINARY lengths, TEXT/BLOB maximums, DECIMAL(M,D)): a smaller integer
// type, a signed target for an unsigned source of the same size, a shorter length, a smaller TEXT/BLOB kind, fewer
// integer or fraction digits. A column the target lacks is named too. Other differences get no verdict here.

/** A column by its information_schema names. */
export interface ColumnShape {
  readonly name: string
  readonly dataType: string
  readonly columnType: string
}

const INTEGERS = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint']
const TEXTS = ['tinytext', 'text', 'mediumtext', 'longtext']
const BLOBS = ['tinyblob', 'blob', 'mediumblob', 'longblob']
const LENGTHED = new Set(['char', 'varchar', 'binary', 'varbinary'])

/** The numbers in a COLUMN_TYPE's parentheses: `decimal(10,2)` → [10, 2]. */
function args(columnType: string): number[] {
  const m = /\(([\d,\s]+)\)/.exec(columnType)
  return m ? (m[1] ?? '').split(',').map((x) => Number(x.trim())) : []
}

/** Why `target` cannot hold every value of `source`, or undefined when it can (or they are not comparable). */
export function narrowerBy(source: ColumnShape, target: ColumnShape): string | undefined {
  const [s, t] = [source.dataType.toLowerCase(), target.dataType.toLowerCase()]
  const what = `${target.columnType} on the target, ${source.columnType} on the source`
  const ranked = (family: readonly string[]): string | undefined => {
    const [a, b] = [family.indexOf(s), family.indexOf(t)]
    return a >= 0 && b >= 0 && b < a ? what : undefined
  }
  if (INTEGERS.includes(s) && INTEGERS.includes(t)) {
    const [a, b] = [INTEGERS.indexOf(s), INTEGERS.indexOf(t)]
    const unsigned = (c: ColumnShape): boolean => /\bunsigned\b/.test(c.columnType.toLowerCase())
    if (b < a || (b === a && unsigned(source) && !unsigned(target))) return what
    return undefined
  }
  if (LENGTHED.has(s) && LENGTHED.has(t)) {
    const [a, b] = [args(source.columnType)[0] ?? 1, args(target.columnType)[0] ?? 1]
    return b < a ? what : undefined
  }
  if (s === 'decimal' && t === 'decimal') {
    const [sp = 10, ss = 0] = args(source.columnType)
    const [tp = 10, ts = 0] = args(target.columnType)
    return tp - ts < sp - ss || ts < ss ? what : undefined
  }
  return ranked(TEXTS) ?? ranked(BLOBS)
}

/**
 * The problems of a pre-created target table against the source's: each column the target lacks or holds narrower.
 * @returns one phrase per problem: `` `code` varchar(5) on the target, varchar(20) on the source ``
 */
export function columnProblems(
  source: readonly ColumnShape[],
  target: readonly ColumnShape[]
): string[] {
  const onTarget = new Map(target.map((c) => [c.name.toLowerCase(), c]))
  const out: string[] = []
  for (const c of source) {
    const t = onTarget.get(c.name.toLowerCase())
    if (t === undefined) {
      out.push(`\`${c.name}\` missing on the target`)
      continue
    }
    const why = narrowerBy(c, t)
    if (why !== undefined) out.push(`\`${c.name}\` ${why}`)
  }
  return out
}
