// Pure SQL builders for the worker: values from mariadb-binlog's pseudo-SQL become exact SQL literals, row changes
// become statements with DM's safe-mode semantics (INSERT → REPLACE, UPDATE → DELETE + REPLACE), and DDL
// statements are classified by the tables they touch so the block-allow-list can decide.
import { valueBytes, type BinlogValue, type RowChange } from './binlog-parse.js'

/** What the worker knows about a target column. */
export interface ColumnInfo {
  readonly name: string
  readonly unsigned: boolean
  readonly nullable: boolean
}

/** A target table: columns in ordinal order and the columns identifying a row (PK, else a NOT NULL UK, else all). */
export interface TableInfo {
  readonly db: string
  readonly table: string
  readonly columns: readonly ColumnInfo[]
  readonly keyColumns: readonly number[]
}

/** Backtick-quotes an identifier. */
export function ident(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``
}

/** `db`.`table`. */
export function tableName(db: string, table: string): string {
  return `${ident(db)}.${ident(table)}`
}

function timestampLiteral(text: string): string {
  const [secs = '0', frac] = text.split('.')
  if (Number(secs) === 0 && !Number(frac ?? 0)) return "'0000-00-00 00:00:00'"
  const iso = new Date(Number(secs) * 1000).toISOString().slice(0, 19).replace('T', ' ')
  // The worker's session runs with time_zone '+00:00', so the UTC wall time denotes the same instant.
  return `'${iso}${frac ? `.${frac}` : ''}'`
}

/** The SQL literal for one printed value (exact: integers, decimals and strings are never converted to floats). */
export function sqlLiteral(v: BinlogValue, col: ColumnInfo | undefined): string {
  if (v.isNull) return 'NULL'
  const type = v.type
  if (/^(TINYINT|SHORTINT|MEDIUMINT|INT|LONGINT)$/.test(type)) {
    return col?.unsigned && v.unsigned !== undefined ? v.unsigned : v.text
  }
  if (/^TIMESTAMP/.test(type)) return timestampLiteral(v.text)
  if (type === 'DATE') return `'${v.text.replace(/:/g, '-')}'`
  // A SET prints as its member bitmap `b'00000101'`; as a bit literal MariaDB would read it as the string '\x05'
  // (no member: ''), so it goes as the integer, the form go-mysql decodes a SET to and DM binds.
  const set = /^SET\(/.test(type) ? /^b'([01]+)'$/.exec(v.text) : null
  if (set) return BigInt(`0b${set[1] ?? '0'}`).toString()
  if (v.quoted) {
    const bytes = valueBytes(v.text)
    return bytes.length === 0 ? "''" : `X'${bytes.toString('hex')}'`
  }
  // DECIMAL, FLOAT, DOUBLE, YEAR, ENUM index and BIT as b'…' are valid literals as printed.
  return v.text
}

function assignments(values: readonly BinlogValue[], info: TableInfo): string[] {
  return values.map((v) => {
    const col = info.columns[v.index - 1]
    if (!col) {
      throw new Error(
        `column @${v.index} of ${tableName(info.db, info.table)} does not exist in the target (it has ${info.columns.length} columns)`
      )
    }
    return sqlLiteral(v, col)
  })
}

function columnList(values: readonly BinlogValue[], info: TableInfo): string {
  return values.map((v) => ident(info.columns[v.index - 1]?.name ?? `@${v.index}`)).join(',')
}

function whereClause(values: readonly BinlogValue[], info: TableInfo): string {
  const lits = assignments(values, info)
  const byIndex = new Map(values.map((v, i) => [v.index - 1, i]))
  const keys = info.keyColumns.length ? info.keyColumns : info.columns.map((_, i) => i)
  const conds: string[] = []
  for (const k of keys) {
    const i = byIndex.get(k)
    if (i === undefined) continue
    const name = ident(info.columns[k]?.name ?? '')
    const lit = lits[i] ?? 'NULL'
    conds.push(lit === 'NULL' ? `${name} IS NULL` : `${name} = ${lit}`)
  }
  return conds.join(' AND ') || '1 = 0'
}

/** Statements that apply one rows event. `safe` selects DM's safe-mode forms. */
export function rowStatements(
  op: 'insert' | 'update' | 'delete',
  rows: readonly RowChange[],
  info: TableInfo,
  safe: boolean
): string[] {
  const name = tableName(info.db, info.table)
  const out: string[] = []
  const upsert = (after: readonly BinlogValue[]): string =>
    `${safe ? 'REPLACE' : 'INSERT'} INTO ${name} (${columnList(after, info)}) VALUES (${assignments(after, info).join(',')})`
  for (const r of rows) {
    if (op === 'insert' && r.after) out.push(upsert(r.after))
    else if (op === 'delete' && r.before)
      out.push(`DELETE FROM ${name} WHERE ${whereClause(r.before, info)} LIMIT 1`)
    else if (op === 'update' && r.before && r.after) {
      if (safe) {
        out.push(`DELETE FROM ${name} WHERE ${whereClause(r.before, info)} LIMIT 1`)
        out.push(upsert(r.after))
      } else {
        const lits = assignments(r.after, info)
        const sets = r.after.map(
          (v, i) => `${ident(info.columns[v.index - 1]?.name ?? '')} = ${lits[i] ?? 'NULL'}`
        )
        out.push(
          `UPDATE ${name} SET ${sets.join(', ')} WHERE ${whereClause(r.before, info)} LIMIT 1`
        )
      }
    }
  }
  return out
}

/**
 * The statement DM v8.5 would run for one row change (pkg/sqlmodel/row_change.go GenSQL with `?` placeholders, one
 * row per statement as `multiple-rows: false`, the default, has it — dm/syncer/dml_worker.go genSQLs): the text an
 * execute error quotes. `second` picks the REPLACE of a safe-mode UPDATE that changes its key (DELETE, then REPLACE).
 */
export function dmRowQuery(
  op: 'insert' | 'update' | 'delete',
  row: RowChange,
  info: TableInfo,
  safe: boolean,
  second = false
): string {
  const name = tableName(info.db, info.table)
  const colName = (v: BinlogValue): string =>
    ident(info.columns[v.index - 1]?.name ?? `@${v.index}`)
  const where = (values: readonly BinlogValue[]): string => {
    const keys = info.keyColumns.length ? info.keyColumns : info.columns.map((_, i) => i)
    return values
      .filter((v) => keys.includes(v.index - 1))
      .map((v) => `${colName(v)} ${v.isNull ? 'IS' : '='} ?`)
      .join(' AND ')
  }
  const insert = (after: readonly BinlogValue[], verb: string): string =>
    `${verb} INTO ${name} (${after.map(colName).join(',')}) VALUES (${after.map(() => '?').join(',')})`
  const before = row.before ?? []
  const after = row.after ?? []
  if (op === 'insert') return insert(after, safe ? 'REPLACE' : 'INSERT')
  if (op === 'delete') return `DELETE FROM ${name} WHERE ${where(before)} LIMIT 1`
  if (!safe) {
    const sets = after.map((v) => `${colName(v)} = ?`).join(', ')
    return `UPDATE ${name} SET ${sets} WHERE ${where(before)} LIMIT 1`
  }
  const keyText = (values: readonly BinlogValue[]): string =>
    values
      .filter((v) => info.keyColumns.includes(v.index - 1))
      .map((v) => `${v.isNull}:${v.text}`)
      .join('|')
  const keyChanged = info.keyColumns.length > 0 && keyText(before) !== keyText(after)
  return keyChanged && !second
    ? `DELETE FROM ${name} WHERE ${where(before)} LIMIT 1`
    : insert(after, 'REPLACE')
}

/** What a DDL statement touches: tables (db may be '' for the default database) or a schema. */
export interface DdlTarget {
  readonly kind: 'table' | 'schema' | 'other'
  readonly tables: readonly { db: string; table: string }[]
  readonly schema?: string
}

const NAME = String.raw`(?:\`(?:[^\`]|\`\`)+\`|[\w$]+)`
const QNAME = String.raw`${NAME}(?:\s*\.\s*${NAME})?`

function splitName(q: string, defaultDb: string): { db: string; table: string } {
  const parts = q.match(new RegExp(NAME, 'g')) ?? []
  const un = (s: string): string => (s.startsWith('`') ? s.slice(1, -1).replace(/``/g, '`') : s)
  return parts.length >= 2
    ? { db: un(parts[0] ?? ''), table: un(parts[1] ?? '') }
    : { db: defaultDb, table: un(parts[0] ?? '') }
}

/** Classifies a DDL statement (comments stripped) by the objects it changes. */
export function classifyDdl(sql: string, defaultDb: string): DdlTarget {
  const s = sql.replace(/\/\*(?!!)[\s\S]*?\*\//g, ' ').trim()
  const one = (re: RegExp): DdlTarget | undefined => {
    const m = re.exec(s)
    return m ? { kind: 'table', tables: [splitName(m[1] ?? '', defaultDb)] } : undefined
  }
  const t =
    one(
      new RegExp(
        String.raw`^CREATE\s+(?:OR\s+REPLACE\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${QNAME})`,
        'i'
      )
    ) ??
    one(
      new RegExp(
        String.raw`^ALTER\s+(?:ONLINE\s+)?(?:IGNORE\s+)?TABLE\s+(?:IF\s+EXISTS\s+)?(${QNAME})`,
        'i'
      )
    ) ??
    one(new RegExp(String.raw`^TRUNCATE\s+(?:TABLE\s+)?(${QNAME})`, 'i')) ??
    one(
      new RegExp(
        String.raw`^(?:CREATE|DROP)\s+(?:ONLINE\s+)?(?:UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?${NAME}\s+(?:USING\s+\w+\s+)?ON\s+(${QNAME})`,
        'i'
      )
    )
  if (t) return t
  const drop = new RegExp(
    String.raw`^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?((?:${QNAME}\s*,\s*)*${QNAME})`,
    'i'
  ).exec(s)
  if (drop) {
    const list = (drop[1] ?? '').split(',').map((x) => splitName(x.trim(), defaultDb))
    return { kind: 'table', tables: list }
  }
  const rename = /^RENAME\s+TABLE\s+([\s\S]+)$/i.exec(s)
  if (rename) {
    const pairs = (rename[1] ?? '').split(',').flatMap((p) => p.split(/\s+TO\s+/i))
    return { kind: 'table', tables: pairs.map((x) => splitName(x.trim(), defaultDb)) }
  }
  const schema = new RegExp(
    String.raw`^(?:CREATE|DROP|ALTER)\s+(?:DATABASE|SCHEMA)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(${NAME})`,
    'i'
  ).exec(s)
  if (schema) return { kind: 'schema', tables: [], schema: splitName(schema[1] ?? '', '').table }
  return { kind: 'other', tables: [] }
}
