// The sample databases loaded into the source: every type and naming trap the migration must survive,
// generated in SQL from MariaDB's Sequence engine so that a large SANDBOX_SCALE loads in seconds, and derived from
// the row number alone (no RAND(), no NOW()) so the same scale always gives the same rows.
import type mysql from 'mysql2/promise'
import { SAMPLE_OBJECTS, SAMPLE_OBJECT_STATEMENTS } from './sample-objects.js'
import { EXCLUDED_DATABASE, SAMPLE_TABLES as TABLES, type SampleTable } from './sample-tables.js'
import { sampleViewStatements } from './sample-views.js'

export {
  EXCLUDED_DATABASE,
  SAMPLE_DATABASES,
  SAMPLE_FILTER,
  type SampleTable
} from './sample-tables.js'

/** Every sample table, in load order. */
export function sampleTables(): readonly SampleTable[] {
  return TABLES
}

/** Validates a scale factor (`SANDBOX_SCALE`): a positive finite number. */
export function parseScale(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 1
  const n = Number(text)
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`SANDBOX_SCALE must be a positive number, got '${text}'`)
  return n
}

/** Rows of a table at a scale: base × scale, rounded, at least 1 unless the table is meant to stay empty. */
export function rowsAt(table: SampleTable, scale: number): number {
  return table.baseRows === 0 ? 0 : Math.max(1, Math.round(table.baseRows * scale))
}

function ident(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``
}

/**
 * The SQL that creates and fills the sample databases at a scale, then the trigger, routines and event TiDB cannot
 * hold (statements without trailing `;`).
 */
export function sampleDataStatements(scale: number): string[] {
  const counts = new Map(TABLES.map((t) => [`${t.db}.${t.table}`, rowsAt(t, scale)]))
  const rows = (name: string): number => {
    const n = counts.get(name)
    if (n === undefined) throw new Error(`no sample table ${name}`)
    return n
  }
  const dbs = [...new Set(TABLES.map((t) => t.db))]
  const out = dbs.map((db) => `CREATE DATABASE ${ident(db)} DEFAULT CHARACTER SET utf8mb4`)
  for (const t of TABLES) {
    const n = rows(`${t.db}.${t.table}`)
    const cols = t.columns({ n, rows })
    const name = `${ident(t.db)}.${ident(t.table)}`
    const defs = [...cols.map((c) => `${ident(c.name)} ${c.type}`), ...t.keys]
    out.push(
      `CREATE TABLE ${name} (\n  ${defs.join(',\n  ')}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`
    )
    if (n === 0) continue
    // seq_1_to_N is BIGINT UNSIGNED: a signed copy keeps `s % 100 - 50` from failing with "out of range".
    out.push(
      `INSERT INTO ${name} (${cols.map((c) => ident(c.name)).join(', ')})\n` +
        `SELECT ${cols.map((c) => c.value).join(',\n  ')}\n` +
        `FROM (SELECT CAST(seq AS SIGNED) AS s FROM seq_1_to_${n}) AS g`
    )
  }
  out.push(...sampleViewStatements())
  return [...out, ...SAMPLE_OBJECT_STATEMENTS]
}

/**
 * Creates and fills the sample databases over a root connection. The binary log is off for this session: the
 * load is not part of the history a migration replays (on a real cluster it would long have been purged).
 */
export async function loadSampleData(conn: mysql.Connection, scale: number): Promise<void> {
  await conn.query('SET SESSION sql_log_bin = 0')
  await conn.query("SET SESSION time_zone = '+00:00'")
  // The Sequence engine needs a default database (MariaDB: `ERROR 1046 No database selected` without one).
  await conn.query('USE mysql')
  for (const sql of sampleDataStatements(scale)) await conn.query(sql)
  await conn.query('SET SESSION sql_log_bin = 1')
}

/** The README table of sample tables, generated from the definitions so the documentation cannot drift. */
export function sampleTableMarkdown(): string {
  const rows = TABLES.map((t) => {
    const where = t.db === EXCLUDED_DATABASE ? ' (excluded database)' : ''
    return `| \`${t.db}\`.\`${t.table}\`${where} | ${t.baseRows} | ${t.covers.replace(/\|/g, '\\|')} |`
  })
  const objects = SAMPLE_OBJECTS.map((o) => `${o.kind} \`${o.name}\``).join(', ')
  return [
    '| table | rows at scale 1 | what it exercises |',
    '|---|---|---|',
    ...rows,
    '',
    `Also in the selected databases, for TiDB cannot hold them: ${objects}.`
  ].join('\n')
}
