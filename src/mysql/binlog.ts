// The source's binlog position, from `SHOW MASTER STATUS` (MySQL ≤ 8.3, Aurora, MariaDB) or `SHOW BINARY LOG
// STATUS` (MySQL ≥ 8.4) — the same columns: File, Position, Binlog_Do_DB, Binlog_Ignore_DB, Executed_Gtid_Set.
// Shapes handled (recorded from real servers and clients): mysql2 rows with Position as a number or a string (BIGINT
// with supportBigNumbers), Executed_Gtid_Set spread over lines (`uuid:1-16333,\nuuid:1-106`), no row at all (binlog
// off: Aurora User Guide, "Configuring Aurora MySQL binary logging"), Aurora's `mysql-bin-changelog.018128`, TiDB's
// `tidb-binlog` with a TSO above 2^53 (kept as a string) and a TiDB build that named the column `UniqueID`; and the
// mysql client's text and `\G` output.

/** A binlog coordinate. */
export interface BinlogPosition {
  readonly file: string
  /** Decimal digits, exact (a TiDB TSO exceeds Number.MAX_SAFE_INTEGER). */
  readonly position: string
  /** The position as a number when it is a safe integer. */
  readonly positionNumber: number | undefined
}

/** `SHOW MASTER STATUS`: binlog on with a position, or off (no row). */
export type MasterStatus =
  | (BinlogPosition & {
      readonly enabled: true
      /** `Executed_Gtid_Set` without line breaks or spaces; undefined when empty (GTID off). */
      readonly gtidSet: string | undefined
    })
  | { readonly enabled: false }

function column(row: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    const key = Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase())
    if (key !== undefined) return row[key]
  }
  return undefined
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number' || typeof v === 'bigint') return String(v)
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8').trim()
  return undefined
}

/**
 * Reads the rows of `SHOW MASTER STATUS` / `SHOW BINARY LOG STATUS` as mysql2 returns them (or mysql2's
 * `[rows, fields]` pair). No row means binlog is off. Throws an Error when a row lacks a file or a position.
 */
export function parseMasterStatus(result: unknown): MasterStatus {
  let rows: unknown = result
  if (Array.isArray(rows) && Array.isArray(rows[0])) rows = rows[0]
  if (!Array.isArray(rows) || rows.length === 0) return { enabled: false }
  const row = rows[0] as unknown
  if (typeof row !== 'object' || row === null) throw new Error('SHOW MASTER STATUS: unexpected row')
  const r = row as Record<string, unknown>
  const file = text(column(r, ['File', 'Log_name']))
  // `UniqueID`: TiDB 2018 mislabelled the column (pingcap/tidb#8737); a row is still one position.
  const position = text(column(r, ['Position', 'UniqueID', 'Pos']))
  if (!file || position === undefined || !/^\d+$/.test(position)) {
    throw new Error(
      `SHOW MASTER STATUS returned no usable File/Position (got ${JSON.stringify(file)}, ${JSON.stringify(position)})`
    )
  }
  const n = Number(position)
  const gtid = text(column(r, ['Executed_Gtid_Set']))?.replace(/\s+/g, '')
  return {
    enabled: true,
    file,
    position,
    positionNumber: Number.isSafeInteger(n) ? n : undefined,
    gtidSet: gtid === undefined || gtid === '' ? undefined : gtid
  }
}

/**
 * Turns the mysql client's output of a query into rows: the boxed table (`| File | Position | … |`, split on
 * `|` so misaligned pastes work) or the vertical `\G` form (`File: x`, values may continue on the next lines).
 */
export function parseClientTable(output: string): Record<string, string>[] {
  const lines = output.split(/\r?\n/)
  const boxed = lines.filter((l) => l.trimStart().startsWith('|'))
  if (boxed.length > 0) {
    const cells = (l: string): string[] =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim())
    const [header, ...data] = boxed
    const names = cells(header ?? '')
    return data.map((l) =>
      Object.fromEntries(cells(l).map((v, i) => [names[i] ?? `column${i}`, v]))
    )
  }
  const rows: Record<string, string>[] = []
  let current: Record<string, string> | undefined
  let last: string | undefined
  for (const l of lines) {
    if (/^\*+ \d+\. row \*+$/.test(l.trim())) {
      current = {}
      rows.push(current)
      last = undefined
      continue
    }
    const kv = /^\s*(\w+): ?(.*)$/.exec(l)
    if (current && kv?.[1] !== undefined) {
      last = kv[1]
      current[last] = kv[2] ?? ''
    } else if (current && last !== undefined && l.trim() !== '' && !/^\d+ rows? in set/.test(l)) {
      current[last] = `${current[last] ?? ''}${l.trim()}`
    }
  }
  return rows
}

/** A binlog coordinate from an RDS event (`Binlog position from crash recovery is <file> <pos>`), or undefined. */
export function parseCrashRecoveryEvent(message: string): BinlogPosition | undefined {
  const m = /Binlog position from crash recovery is (\S+)\s+(\d+)/.exec(message)
  if (!m?.[1] || !m[2]) return undefined
  const n = Number(m[2])
  return { file: m[1], position: m[2], positionNumber: Number.isSafeInteger(n) ? n : undefined }
}
