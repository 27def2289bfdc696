// Binlog file names as MySQL writes them (`<basename>.<sequence number>`, the sequence growing by one per file) and
// as DM prints them for its relay log (`<basename>|<relay sub-directory suffix>.<sequence number>`).

/** A binlog file name split into its parts. */
export interface BinlogFile {
  /** As printed: `mysql-bin.000003` or the relay form `mysql-bin|000001.000003`. */
  readonly name: string
  /** Base name: `mysql-bin`, `mysql-bin-changelog` (Aurora). */
  readonly base: string
  /** The file's sequence number (`000003` → 3). */
  readonly seq: number
  /** The relay sub-directory suffix of the relay form (`|000001` → 1); undefined for plain names. */
  readonly relaySuffix: number | undefined
}

const FILE = /^(.+?)(?:\|(\d{1,9}))?\.(\d{1,12})$/

/** Splits a binlog file name; undefined when it has no numeric extension. */
export function parseBinlogFile(name: string): BinlogFile | undefined {
  if (name.length > 512) return undefined // real names are short; the bound keeps the regex linear
  const m = FILE.exec(name.trim())
  if (m === null) return undefined
  return {
    name: name.trim(),
    base: m[1] ?? '',
    seq: Number(m[3]),
    relaySuffix: m[2] === undefined ? undefined : Number(m[2])
  }
}
