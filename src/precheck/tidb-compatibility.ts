// What TiDB cannot hold, as TiDB's own documentation says for the version chosen by `tidb-version`. Facts only; the
// judging is in unsupported.ts.
//
// Sources (pingcap/docs, release-8.5 branch; published as https://docs.pingcap.com/tidb/v8.5/…):
// - mysql-compatibility.md, "Unsupported features": stored procedures and functions, triggers, events,
//   user-defined functions, FULLTEXT syntax and indexes (pingcap/tidb#1793), SPATIAL (GIS/GEOMETRY) functions,
//   data types and indexes (pingcap/tidb#6347), character sets other than ascii, latin1, binary, utf8, utf8mb4 and
//   gbk.
// - data-type-overview.md: "TiDB supports all the data types in MySQL except the SPATIAL type". A CREATE TABLE with a
//   GEOMETRY column fails in TiDB's parser (ERROR 1064 … near "GEOMETRY)").
// - character-set-and-collation.md, "Character sets and collations supported by TiDB": SHOW CHARACTER SET (ascii,
//   binary, gbk, latin1, utf8, utf8mb4) and SHOW COLLATION with the new collation framework, which
//   new_collations_enabled_on_first_bootstrap turns on by default since v6.0.0: ascii_bin, binary, gbk_bin,
//   gbk_chinese_ci, latin1_bin, utf8_bin, utf8_general_ci, utf8_unicode_ci, utf8mb4_0900_ai_ci, utf8mb4_0900_bin,
//   utf8mb4_bin, utf8mb4_general_ci, utf8mb4_unicode_ci. Any other collation fails CREATE TABLE (ERROR 1273
//   "Unsupported collation when new collation is enabled"). utf8mb4_0900_ai_ci and utf8mb4_0900_bin came in v7.4.0
//   (release notes 7.4.0); the GBK character set in v5.4.0 (character-set-gbk.md).
// - FULLTEXT: TiDB accepts a FULLTEXT key in CREATE TABLE with warning 1214 ("The used table type doesn't support
//   FULLTEXT indexes") and creates the table without it (pkg/ddl/create_table.go, buildTableInfo: AppendWarning
//   ErrTableCantHandleFt, continue).
// - Accounts and grants live in the `mysql` system schema, which Dumpling's default filter leaves out (pingcap/tidb
//   dumpling/export/config.go, DefaultTableFilter: `*.*` and `!/^(mysql|sys|INFORMATION_SCHEMA|…)$/.*`) and DM's
//   block-allow-list always ignores (pingcap/tiflow dm/pkg/utils filter, system schemas): they are never migrated.

/** A TiDB release as [major, minor, patch]; `nightly` and unparsable versions count as the newest. */
export type TidbRelease = readonly [number, number, number]

/** Parses `v8.5.2` (the `tidb-version` input). */
export function tidbRelease(version: string): TidbRelease {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Infinity, 0, 0]
}

const atLeast = (v: TidbRelease, min: TidbRelease): boolean => {
  for (let i = 0; i < 3; i++) {
    if ((v[i] ?? 0) !== (min[i] ?? 0)) return (v[i] ?? 0) > (min[i] ?? 0)
  }
  return true
}

/** Since when TiDB has each character set (the rest of MySQL's it does not have at all). */
const CHARSETS: Readonly<Record<string, TidbRelease>> = {
  ascii: [0, 0, 0],
  binary: [0, 0, 0],
  latin1: [0, 0, 0],
  utf8: [0, 0, 0],
  // MySQL 8.0 reports utf8 as utf8mb3 in information_schema; TiDB's parser takes it as an alias of utf8.
  utf8mb3: [0, 0, 0],
  utf8mb4: [0, 0, 0],
  gbk: [5, 4, 0]
}

/** Since when TiDB has each collation (new collation framework, the default). */
const COLLATIONS: Readonly<Record<string, TidbRelease>> = {
  ascii_bin: [0, 0, 0],
  binary: [0, 0, 0],
  gbk_bin: [5, 4, 0],
  gbk_chinese_ci: [5, 4, 0],
  latin1_bin: [0, 0, 0],
  utf8_bin: [0, 0, 0],
  utf8_general_ci: [0, 0, 0],
  utf8_unicode_ci: [0, 0, 0],
  utf8mb4_0900_ai_ci: [7, 4, 0],
  utf8mb4_0900_bin: [7, 4, 0],
  utf8mb4_bin: [0, 0, 0],
  utf8mb4_general_ci: [0, 0, 0],
  utf8mb4_unicode_ci: [0, 0, 0]
}

/** MySQL's spatial data types (information_schema DATA_TYPE), none of which TiDB has. */
export const SPATIAL_TYPES: ReadonlySet<string> = new Set([
  'geometry',
  'point',
  'linestring',
  'polygon',
  'multipoint',
  'multilinestring',
  'multipolygon',
  'geometrycollection',
  'geomcollection'
])

/**
 * The DATA_TYPE values TiDB has (data-type-numeric.md, data-type-string.md, data-type-date-and-time.md,
 * data-type-json.md): every MySQL type but the spatial ones. A type outside this list (a MariaDB `inet6` or `uuid`)
 * is one TiDB cannot create either.
 */
const DATA_TYPES: ReadonlySet<string> = new Set([
  'bit',
  'tinyint',
  'bool',
  'boolean',
  'smallint',
  'mediumint',
  'int',
  'integer',
  'bigint',
  'decimal',
  'numeric',
  'float',
  'double',
  'real',
  'date',
  'datetime',
  'timestamp',
  'time',
  'year',
  'char',
  'varchar',
  'binary',
  'varbinary',
  'tinyblob',
  'blob',
  'mediumblob',
  'longblob',
  'tinytext',
  'text',
  'mediumtext',
  'longtext',
  'enum',
  'set',
  'json'
])

/** Whether TiDB `version` has the character set. */
export function tidbHasCharset(charset: string, version: TidbRelease): boolean {
  const since = CHARSETS[charset.toLowerCase()]
  return since !== undefined && atLeast(version, since)
}

/** Whether TiDB `version` has the collation (utf8mb3_* spelled as utf8_*). */
export function tidbHasCollation(collation: string, version: TidbRelease): boolean {
  const name = collation.toLowerCase().replace(/^utf8mb3_/, 'utf8_')
  const since = COLLATIONS[name]
  return since !== undefined && atLeast(version, since)
}

/** Whether TiDB has the column type (information_schema DATA_TYPE). */
export function tidbHasDataType(dataType: string): boolean {
  return DATA_TYPES.has(dataType.toLowerCase())
}
