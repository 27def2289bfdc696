// The source schema of the export tests: every MySQL type of AWS's Parquet mapping with extreme values, NULLs and
// emoji, a table without primary key, a dashed/capitalised name, a name with a space, a table AWS skips (a column
// name with a space), a table with a slash in its name (skipped too), an empty table and a table big enough for
// several files and batch folders.
import type { MariaDbServer } from '../../../sandbox/lib/mariadb.js'

export const ALL_TYPES_DDL = `CREATE TABLE shop.all_types (
  id INT NOT NULL PRIMARY KEY,
  c_tinyint TINYINT, c_tinyint_u TINYINT UNSIGNED, c_smallint SMALLINT, c_smallint_u SMALLINT UNSIGNED,
  c_mediumint MEDIUMINT, c_mediumint_u MEDIUMINT UNSIGNED, c_int INT, c_int_u INT UNSIGNED,
  c_bigint BIGINT, c_bigint_u BIGINT UNSIGNED,
  c_dec9 DECIMAL(9,2), c_dec18 DECIMAL(18,4), c_dec38 DECIMAL(38,10), c_dec65 DECIMAL(65,5),
  c_float FLOAT, c_double DOUBLE, c_bit BIT(12),
  c_char CHAR(10), c_varchar VARCHAR(100) NOT NULL DEFAULT '', c_text TEXT, c_enum ENUM('small','large'),
  c_set SET('red','green','blue'), c_json JSON,
  c_binary BINARY(4), c_varbinary VARBINARY(16), c_blob BLOB,
  c_date DATE, c_time TIME(3), c_datetime DATETIME(6), c_timestamp TIMESTAMP(6) NULL DEFAULT NULL, c_year YEAR,
  c_point POINT
)`

const ROW_1 = `(1, -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295,
  -9223372036854775808, 18446744073709551615,
  -1234567.89, 12345678901234.5678, 1234567890123456789012345678.0123456789,
  123456789012345678901234567890123456789012345678901234567890.12345,
  3.14159, 2.718281828459045, b'101010101010',
  'ab', 'héllo 😀 wörld', 'long text 🎉 with ''quotes''', 'large', 'red,blue', '{"k": [1, 2, {"x": "😀"}]}',
  0x00FF10AB, 0xDEADBEEF, 0x000102FFFE,
  '1000-01-01', '-838:59:59.000', '9999-12-31 23:59:59.999999', '1970-01-01 00:00:01.000001', 1901,
  POINT(1.5, -2.25))`

const ROW_2 = `(2, 127, 0, 32767, 0, 8388607, 0, 2147483647, 0,
  9223372036854775807, 0,
  9999999.99, -99999999999999.9999, -9999999999999999999999999999.9999999999, -0.00001,
  -1.5e-10, -1.7976931348623157e308, b'0',
  '', '', '', 'small', '', 'null',
  0x00000000, '', '',
  '2024-02-29', '00:00:00.001', '2024-02-29 12:34:56.000001', '2038-01-19 03:14:07.999999', 2155,
  POINT(0, 0))`

/** Creates both databases and fills them (runs with session time_zone UTC). */
export async function createFixture(db: MariaDbServer): Promise<void> {
  await db.query(`SET time_zone = '+00:00';
    CREATE DATABASE shop CHARACTER SET utf8mb4; CREATE DATABASE crm CHARACTER SET utf8mb4;
    ${ALL_TYPES_DDL};
    INSERT INTO shop.all_types VALUES ${ROW_1}, ${ROW_2};
    INSERT INTO shop.all_types (id) VALUES (3);
    CREATE TABLE shop.no_pk (a INT, b VARCHAR(20));
    INSERT INTO shop.no_pk VALUES (1, 'x'), (1, 'x'), (2, NULL);
    CREATE TABLE shop.\`Order-Items\` (OrderId INT PRIMARY KEY, Qty INT);
    INSERT INTO shop.\`Order-Items\` VALUES (10, 1), (11, 2), (12, 3);
    CREATE TABLE shop.\`order notes\` (id INT PRIMARY KEY, note VARCHAR(50));
    INSERT INTO shop.\`order notes\` VALUES (1, 'leave at the door');
    CREATE TABLE shop.bad_columns (id INT PRIMARY KEY, \`unit price\` DECIMAL(10,2));
    INSERT INTO shop.bad_columns VALUES (1, 9.99);
    CREATE TABLE shop.\`in/out\` (id INT PRIMARY KEY);
    INSERT INTO shop.\`in/out\` VALUES (1);
    CREATE TABLE shop.empty_table (id INT PRIMARY KEY);
    CREATE TABLE crm.contacts (id INT PRIMARY KEY, email VARCHAR(100), updated DATETIME);
    INSERT INTO crm.contacts VALUES (1, 'ann@example.com', '2024-01-01 10:00:00'),
      (2, 'bob@example.com', NULL), (3, NULL, '2024-03-03 03:03:03');
    CREATE TABLE crm.events (id INT PRIMARY KEY AUTO_INCREMENT, payload VARCHAR(20));
    USE crm; INSERT INTO crm.events SELECT seq, CONCAT('event-', seq) FROM seq_1_to_2500;`)
}

/**
 * The source rows of shop.all_types as the export must write them, computed by the server itself: microseconds by
 * TIMESTAMPDIFF, unscaled decimals by multiplication, spatial bytes by HEX — nothing of the stand-in's conversions.
 */
export const ALL_TYPES_EXPECTED_SQL = `SELECT id, c_tinyint, c_tinyint_u, c_smallint, c_smallint_u, c_mediumint,
  c_mediumint_u, c_int, c_int_u, c_bigint, c_bigint_u,
  CAST(c_dec9 * 100 AS DECIMAL(65,0)) AS c_dec9, CAST(c_dec18 * 10000 AS DECIMAL(65,0)) AS c_dec18,
  CAST(c_dec38 * 10000000000 AS DECIMAL(65,0)) AS c_dec38, c_dec65,
  c_float, c_double, c_bit, c_char, c_varchar, c_text, c_enum, c_set, CAST(c_json AS CHAR) AS c_json, c_binary, c_varbinary, c_blob,
  c_date, c_time,
  TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', c_datetime) AS c_datetime,
  TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', c_timestamp) AS c_timestamp,
  c_year, HEX(c_point) AS c_point
  FROM shop.all_types ORDER BY id`

/**
 * How each column of shop.all_types must look in the Parquet schema (AWS's "MySQL data type mapping to Parquet"
 * table, Aurora User Guide, "Considerations for DB cluster snapshot exports").
 */
export const ALL_TYPES_SCHEMA: Record<string, Record<string, unknown>> = {
  id: { type: 'INT32', repetition_type: 'REQUIRED' },
  c_tinyint: { type: 'INT32' },
  c_tinyint_u: {
    type: 'INT32',
    converted_type: 'INT_16',
    logical_type: { type: 'INTEGER', bitWidth: 16, isSigned: true }
  },
  c_smallint: { type: 'INT32' },
  c_smallint_u: { type: 'INT32' },
  c_mediumint: { type: 'INT32' },
  c_mediumint_u: { type: 'INT64' },
  c_int: { type: 'INT32' },
  c_int_u: { type: 'INT64' },
  c_bigint: { type: 'INT64' },
  c_bigint_u: {
    type: 'FIXED_LEN_BYTE_ARRAY',
    type_length: 9,
    converted_type: 'DECIMAL',
    precision: 20,
    scale: 0
  },
  c_dec9: { type: 'INT32', converted_type: 'DECIMAL', precision: 9, scale: 2 },
  c_dec18: { type: 'INT64', converted_type: 'DECIMAL', precision: 18, scale: 4 },
  c_dec38: {
    type: 'FIXED_LEN_BYTE_ARRAY',
    type_length: 16,
    converted_type: 'DECIMAL',
    precision: 38,
    scale: 10
  },
  c_dec65: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  c_float: { type: 'DOUBLE' },
  c_double: { type: 'DOUBLE' },
  c_bit: { type: 'BYTE_ARRAY', converted_type: undefined },
  c_char: { type: 'BYTE_ARRAY', converted_type: undefined },
  c_varchar: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
  c_text: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  c_enum: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  c_set: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  c_json: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  c_binary: { type: 'BYTE_ARRAY', converted_type: undefined },
  c_varbinary: { type: 'BYTE_ARRAY', converted_type: undefined },
  c_blob: { type: 'BYTE_ARRAY', converted_type: undefined },
  c_date: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  c_time: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  c_datetime: {
    type: 'INT64',
    converted_type: 'TIMESTAMP_MICROS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' }
  },
  c_timestamp: { type: 'INT64', converted_type: 'TIMESTAMP_MICROS' },
  c_year: { type: 'INT32' },
  c_point: { type: 'BYTE_ARRAY', converted_type: undefined }
}

/** Columns whose expected value is a bigint (INT64, DECIMAL, timestamps). */
export const BIGINT_COLUMNS = new Set([
  'c_mediumint_u',
  'c_int_u',
  'c_bigint',
  'c_bigint_u',
  'c_dec9',
  'c_dec18',
  'c_dec38',
  'c_datetime',
  'c_timestamp'
])

/** Comparable form: bytes as `hex:…`, strings of BIGINT_COLUMNS as bigint. */
export function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Uint8Array) out[k] = `hex:${Buffer.from(v).toString('hex')}`
    else if (BIGINT_COLUMNS.has(k) && (typeof v === 'string' || typeof v === 'number'))
      out[k] = BigInt(v)
    else out[k] = v
  }
  return out
}
