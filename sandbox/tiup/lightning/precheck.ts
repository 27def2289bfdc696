// Lightning's pre-check template (lightning/pkg/importer/check_template.go): every check collected as a row of a
// go-pretty table (`#`, `CHECK ITEM`, `TYPE`, `PASSED`, a separator after each row, CHECK ITEM wrapped at 130
// columns) printed on stdout; any failed critical check fails the run with
// `[Lightning:PreCheck:ErrPreCheckFailed]tidb-lightning pre-check failed: <messages joined by ";\n">`.

/** Severity of a check, as go-pretty prints it in the TYPE column. */
export type CheckType = 'performance' | 'critical'

interface Row {
  readonly type: CheckType
  readonly passed: boolean
  readonly message: string
}

const MAX_ITEM_WIDTH = 130

function wrap(text: string, width: number): string[] {
  const out: string[] = []
  for (const para of text.split('\n')) {
    let rest = para
    while (rest.length > width) {
      out.push(rest.slice(0, width))
      rest = rest.slice(width)
    }
    out.push(rest)
  }
  return out
}

/** The collected checks of one run. */
export class CheckTemplate {
  private readonly rows: Row[] = []

  /** Records a check result. */
  collect(type: CheckType, passed: boolean, message: string): void {
    this.rows.push({ type, passed, message })
  }

  /** Whether no critical check failed. */
  success(): boolean {
    return !this.rows.some((r) => r.type === 'critical' && !r.passed)
  }

  /** The failed critical messages, joined as FailedMsg() joins them. */
  failedMessage(): string {
    return this.rows
      .filter((r) => r.type === 'critical' && !r.passed)
      .map((r) => r.message)
      .join(';\n')
  }

  /** The rendered table plus the trailing newline Output() adds. */
  output(): string {
    const header = ['#', 'CHECK ITEM', 'TYPE', 'PASSED']
    const cells = this.rows.map(
      (r, i) => [String(i + 1), wrap(r.message, MAX_ITEM_WIDTH), r.type, String(r.passed)] as const
    )
    const w0 = Math.max(1, ...cells.map((c) => c[0].length))
    const w1 = Math.max(header[1]?.length ?? 0, ...cells.flatMap((c) => c[1].map((l) => l.length)))
    const w2 = Math.max(4, ...cells.map((c) => c[2].length))
    const w3 = Math.max(6, ...cells.map((c) => c[3].length))
    const border = `+${'-'.repeat(w0 + 2)}+${'-'.repeat(w1 + 2)}+${'-'.repeat(w2 + 2)}+${'-'.repeat(w3 + 2)}+`
    const line = (a: string, b: string, c: string, d: string): string =>
      `| ${a.padStart(w0)} | ${b.padEnd(w1)} | ${c.padEnd(w2)} | ${d.padEnd(w3)} |`
    const out = [border, line('#', 'CHECK ITEM', 'TYPE', 'PASSED'), border]
    cells.forEach(([n, msg, type, passed], i) => {
      msg.forEach((l, j) => out.push(j === 0 ? line(n, l, type, passed) : line('', l, '', '')))
      if (i < cells.length - 1) out.push(border)
    })
    out.push(border)
    return `${out.join('\n')}\n`
  }
}
