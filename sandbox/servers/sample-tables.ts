// The definitions of the sample tables: one entry per table, its columns as DDL types plus the SQL
// expression that computes each value from the row number `s`. sample-data.ts turns them into SQL. Long because it
// is data: splitting the tables over several files would only scatter them.

/** One column: its DDL type and the SQL expression computing it from `s` (the signed row number, 1…rows). */
export interface Column {
  readonly name: string
  readonly type: string
  readonly value: string
}

/** What the column expressions may depend on besides `s`. */
export interface RowContext {
  /** Rows of this table. */
  readonly n: number
  /** Rows of another sample table (`db.table`) at the same scale. */
  readonly rows: (table: string) => number
}

/** One sample table. */
export interface SampleTable {
  readonly db: string
  readonly table: string
  /** Rows at scale 1; 0 keeps the table empty at every scale. */
  readonly baseRows: number
  /** What the table is there to exercise (shown in the README). */
  readonly covers: string
  /** Keys and indexes after the columns (`PRIMARY KEY (id)` …); none for a table without a key. */
  readonly keys: readonly string[]
  columns(ctx: RowContext): readonly Column[]
}

/** The databases the demo filter selects. */
export const SAMPLE_DATABASES = ['shop', 'analytics', 'crm'] as const

/** A database the demo filter leaves out (it holds the BIT column Lightning cannot read from Aurora's Parquet). */
export const EXCLUDED_DATABASE = 'legacy'

/**
 * The demo's `filter` input: Dumpling table-filter rules that select the sample databases, show quoting and
 * negation, and leave out `crm.import_tmp` and the whole `legacy` database. No `"` so that the dotenv value
 * can be double-quoted with `\n` escapes.
 */
export const SAMPLE_FILTER: readonly string[] = ['shop.*', 'analytics.*', '`crm`.*', '!crm.*_tmp']

/** `IF(s % k = 0, NULL, value)`: every k-th row is NULL, so each nullable column has NULLs at every scale. */
function orNull(k: number, value: string): string {
  return `IF(s % ${k} = 0, NULL, ${value})`
}

/** `ELT(1 + <index> % count, …)`: picks one of the literals by row number. */
function pick(index: string, values: readonly string[]): string {
  const literals = values.map((v) => `'${v.replace(/'/g, "''")}'`)
  return `ELT(1 + (${index}) % ${values.length}, ${literals.join(', ')})`
}

/** An integer column that takes its minimum on rows ≡ 1, its maximum on rows ≡ 2 and NULL on rows ≡ 0 (mod 10). */
function intRange(name: string, type: string, min: string, max: string, mid: string): Column {
  return {
    name,
    type: `${type} NULL`,
    value: `CASE s % 10 WHEN 0 THEN NULL WHEN 1 THEN ${min} WHEN 2 THEN ${max} ELSE ${mid} END`
  }
}

const EMOJI = ['🚀', '☕', '🍣', '📚', '🎸', '🎁', 'ü', '李']
const FIRST = ['Ada', 'Björn', 'Chloé', 'Dmitri', 'Eun-ji', 'Fatima', 'Gonzalo', 'Hiroshi']
const LAST = ['Smith', 'Müller', 'Ñúñez', '李', "O'Brien", '🚀 Rocket']
/** 2^63 as an unsigned literal: BIGINT UNSIGNED values above it do not fit a signed 64-bit integer. */
const TWO_POW_63 = 'CAST(9223372036854775808 AS UNSIGNED)'
const U64_MAX = '18446744073709551615'

/** Every sample table, in load order. */
export const SAMPLE_TABLES: readonly SampleTable[] = [
  {
    db: 'shop',
    table: 'customers',
    baseRows: 200,
    covers: 'VARCHAR/CHAR/TEXT in utf8mb4 with emoji, DATE, DATETIME(6), a unique key, NULLs',
    keys: ['PRIMARY KEY (id)', 'UNIQUE KEY uk_email (email)'],
    columns: () => [
      { name: 'id', type: 'INT UNSIGNED NOT NULL AUTO_INCREMENT', value: 's' },
      {
        name: 'name',
        type: 'VARCHAR(100) NOT NULL',
        value: `CONCAT(${pick('s', FIRST)}, ' ', ${pick('s DIV 8', LAST)}, ' #', s)`
      },
      {
        name: 'email',
        type: 'VARCHAR(255) NULL',
        value: orNull(11, `CONCAT('customer', s, '@example.com')`)
      },
      {
        name: 'country',
        type: 'CHAR(2) NULL',
        value: orNull(13, pick('s', ['US', 'DE', 'FR', 'JP', 'BR', 'KR']))
      },
      {
        name: 'birthday',
        type: 'DATE NULL',
        value: orNull(9, `DATE '1950-01-01' + INTERVAL (s * 37) % 20000 DAY`)
      },
      {
        name: 'created_at',
        type: 'DATETIME(6) NOT NULL',
        value: `TIMESTAMP '2020-01-01 00:00:00' + INTERVAL s * 3607 SECOND + INTERVAL (s * 7919) % 1000000 MICROSECOND`
      },
      { name: 'vip', type: 'TINYINT(1) NULL', value: orNull(17, 's % 2') },
      {
        name: 'notes',
        type: 'TEXT NULL',
        value: orNull(5, `CONCAT('Likes ', ${pick('s', EMOJI)}, REPEAT(' — very much', s % 3))`)
      }
    ]
  },
  {
    db: 'shop',
    table: 'products',
    baseRows: 100,
    covers:
      'BIGINT UNSIGNED keys above 2^63 (up to 2^64-1), DECIMAL(38,10), FLOAT, DOUBLE, ENUM, SET, JSON, BLOB',
    keys: ['PRIMARY KEY (id)', 'KEY idx_status (status)'],
    columns: ({ n }) => [
      {
        name: 'id',
        type: 'BIGINT UNSIGNED NOT NULL',
        value: `IF(s = ${n}, ${U64_MAX}, ${TWO_POW_63} + s)`
      },
      { name: 'sku', type: 'CHAR(12) NOT NULL', value: `CONCAT('SKU-', LPAD(s, 8, '0'))` },
      {
        name: 'title',
        type: 'VARCHAR(200) NOT NULL',
        value: `CONCAT(${pick('s', ['Widget', 'Gadget', 'Gizmo', 'Doohickey'])}, ' ', ${pick('s', ['🔧', '⚙️', '✨', '™'])}, ' ', s)`
      },
      {
        name: 'price',
        type: 'DECIMAL(38,10) NULL',
        value: orNull(
          10,
          `IF(s = 2, 123456789012345678901234567.1234567891, CAST(s AS DECIMAL(38,10)) * 1234567.0123456789 * IF(s % 7 = 0, -1, 1))`
        )
      },
      { name: 'weight_kg', type: 'FLOAT NULL', value: orNull(6, 's * 0.25') },
      { name: 'rating', type: 'DOUBLE NULL', value: orNull(8, 's / 7') },
      {
        name: 'status',
        type: "ENUM('draft','active','discontinued') NULL",
        value: orNull(9, pick('s', ['draft', 'active', 'discontinued']))
      },
      {
        name: 'tags',
        type: "SET('gift','fragile','bulk','promo') NULL",
        value: orNull(5, pick('s', ['gift', 'fragile,bulk', 'promo', 'gift,promo', '']))
      },
      {
        name: 'attrs',
        type: 'JSON NULL',
        value: orNull(
          7,
          `JSON_OBJECT('color', ${pick('s', ['red', 'green', 'blue'])}, 'size', s % 5, 'emoji', '🎁', 'dims', JSON_ARRAY(s % 10, s % 7, 1.5))`
        )
      },
      { name: 'image', type: 'BLOB NULL', value: orNull(4, `UNHEX(CONCAT('00FF', MD5(s)))`) }
    ]
  },
  {
    db: 'shop',
    table: 'orders',
    baseRows: 500,
    covers: 'TIMESTAMP, DECIMAL(12,2), ENUM NOT NULL, a secondary index',
    keys: ['PRIMARY KEY (id)', 'KEY idx_customer (customer_id)'],
    columns: ({ rows }) => [
      { name: 'id', type: 'BIGINT NOT NULL', value: 's' },
      {
        name: 'customer_id',
        type: 'INT UNSIGNED NULL',
        value: orNull(19, `1 + s % ${rows('shop.customers')}`)
      },
      {
        name: 'ordered_at',
        type: 'TIMESTAMP NULL DEFAULT NULL',
        value: orNull(23, 'FROM_UNIXTIME(1577836800 + (s * 600) % 500000000)')
      },
      { name: 'total', type: 'DECIMAL(12,2) NULL', value: orNull(29, '(s % 10000) * 1.37') },
      {
        name: 'status',
        type: "ENUM('new','paid','shipped','cancelled') NOT NULL DEFAULT 'new'",
        value: pick('s', ['new', 'paid', 'shipped', 'cancelled'])
      },
      {
        name: 'note',
        type: 'VARCHAR(255) NULL',
        value: orNull(3, `CONCAT('order ', s, ' ', ${pick('s', EMOJI)})`)
      }
    ]
  },
  {
    db: 'shop',
    table: 'order_items',
    baseRows: 1500,
    covers: 'a composite primary key, SMALLINT, FLOAT',
    keys: ['PRIMARY KEY (order_id, line_no)'],
    columns: ({ rows }) => [
      { name: 'order_id', type: 'BIGINT NOT NULL', value: '1 + (s - 1) DIV 3' },
      { name: 'line_no', type: 'TINYINT UNSIGNED NOT NULL', value: '1 + (s - 1) % 3' },
      {
        name: 'product_id',
        type: 'BIGINT UNSIGNED NULL',
        value: orNull(37, `${TWO_POW_63} + 1 + s % ${Math.max(1, rows('shop.products') - 1)}`)
      },
      { name: 'quantity', type: 'SMALLINT NULL', value: orNull(41, '1 + s % 20') },
      { name: 'unit_price', type: 'DECIMAL(10,2) NULL', value: orNull(31, '(s % 500) + 0.99') },
      { name: 'discount', type: 'FLOAT NULL', value: orNull(4, '(s % 5) / 10') }
    ]
  },
  {
    db: 'shop',
    table: 'order-archive',
    baseRows: 100,
    covers:
      'a dash in the table name (the Parquet pattern `[a-z0-9_]+` of PingCAP’s documented procedure misses it)',
    keys: ['PRIMARY KEY (id)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      {
        name: 'archived_on',
        type: 'DATE NULL',
        value: orNull(7, `DATE '2019-01-01' + INTERVAL s DAY`)
      },
      {
        name: 'payload',
        type: 'JSON NULL',
        value: orNull(3, `JSON_OBJECT('order', s, 'items', JSON_ARRAY(s, s + 1))`)
      },
      { name: 'note', type: 'VARCHAR(100) NULL', value: orNull(2, `CONCAT('archived ', s)`) }
    ]
  },
  {
    db: 'shop',
    table: 'store_locations',
    baseRows: 25,
    covers:
      'a POINT column with a SPATIAL index: TiDB has no spatial types, so the migration leaves the table out and names it',
    keys: ['PRIMARY KEY (id)', 'SPATIAL KEY sp_location (location)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      { name: 'name', type: 'VARCHAR(60) NOT NULL', value: `CONCAT('Store ', s)` },
      { name: 'location', type: 'POINT NOT NULL', value: 'POINT(s % 360 - 180, s % 180 - 90)' }
    ]
  },
  {
    db: 'shop',
    table: 'returns',
    baseRows: 0,
    covers: 'an empty table',
    keys: ['PRIMARY KEY (id)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      { name: 'order_id', type: 'BIGINT NULL', value: 's' },
      { name: 'reason', type: 'VARCHAR(255) NULL', value: `'none'` },
      { name: 'created_at', type: 'DATETIME(6) NULL', value: 'NULL' }
    ]
  },
  {
    db: 'analytics',
    table: 'events',
    baseRows: 1000,
    covers: 'no primary key, every row twice (duplicates), JSON, VARBINARY',
    keys: [],
    columns: () => [
      {
        name: 'event_time',
        type: 'DATETIME(6) NOT NULL',
        value: `TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (s DIV 2) * 1000003 MICROSECOND`
      },
      {
        name: 'kind',
        type: 'VARCHAR(32) NULL',
        value: `IF((s DIV 2) % 9 = 0, NULL, ${pick('s DIV 2', ['view', 'click', 'buy', 'leave'])})`
      },
      { name: 'user_id', type: 'INT NULL', value: 'IF((s DIV 2) % 5 = 0, NULL, (s DIV 2) % 97)' },
      {
        name: 'payload',
        type: 'JSON NULL',
        value: `IF((s DIV 2) % 4 = 0, NULL, JSON_OBJECT('n', s DIV 2, 'note', 'naïve ☃', 'list', JSON_ARRAY('a', NULL, 2.5)))`
      },
      {
        name: 'ip',
        type: 'VARBINARY(16) NULL',
        value: `IF((s DIV 2) % 6 = 0, NULL, UNHEX(LPAD(HEX(s DIV 2), 8, '0')))`
      },
      {
        name: 'duration_ms',
        type: 'DOUBLE NULL',
        value: 'IF((s DIV 2) % 7 = 0, NULL, (s DIV 2) * 1.5e-3)'
      }
    ]
  },
  {
    db: 'analytics',
    table: 'metrics',
    baseRows: 200,
    covers:
      'every integer type signed and unsigned at its minimum and maximum, BIGINT UNSIGNED above 2^63, BOOLEAN',
    keys: ['PRIMARY KEY (id)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      intRange('t_tiny', 'TINYINT', '-128', '127', 's % 100 - 50'),
      intRange('t_tiny_u', 'TINYINT UNSIGNED', '0', '255', 's % 200'),
      intRange('t_small', 'SMALLINT', '-32768', '32767', 's * 7 % 30000 - 15000'),
      intRange('t_small_u', 'SMALLINT UNSIGNED', '0', '65535', 's * 7 % 60000'),
      intRange('t_medium', 'MEDIUMINT', '-8388608', '8388607', 's * 1009 % 8000000 - 4000000'),
      intRange('t_medium_u', 'MEDIUMINT UNSIGNED', '0', '16777215', 's * 1009 % 16000000'),
      intRange(
        't_int',
        'INT',
        '-2147483648',
        '2147483647',
        '(s * 100003) % 2000000000 - 1000000000'
      ),
      intRange(
        't_int_u',
        'INT UNSIGNED',
        '0',
        '4294967295',
        '(s * 100003) % 2000000000 + 2147483648'
      ),
      intRange(
        't_big',
        'BIGINT',
        '-9223372036854775808',
        '9223372036854775807',
        's * 1000000007 - 4611686018427387904'
      ),
      intRange('t_big_u', 'BIGINT UNSIGNED', '0', U64_MAX, `${TWO_POW_63} + s * 1000003`),
      { name: 'flag', type: 'BOOLEAN NULL', value: orNull(3, 's % 2') }
    ]
  },
  {
    db: 'analytics',
    table: 'PageViews',
    baseRows: 300,
    covers:
      'capitals in table and column names (the documented pattern is case-insensitive, S3 keys keep the case)',
    keys: ['PRIMARY KEY (Id)'],
    columns: () => [
      { name: 'Id', type: 'INT NOT NULL', value: 's' },
      {
        name: 'Url',
        type: 'VARCHAR(2048) NULL',
        value: orNull(
          11,
          `CONCAT('https://example.com/p/', s, '?q=', ${pick('s', ['a%20b', 'ü', '🚀'])})`
        )
      },
      {
        name: 'ViewedAt',
        type: 'DATETIME(6) NULL',
        value: orNull(13, `TIMESTAMP '2023-06-01 12:00:00' + INTERVAL s * 61 SECOND`)
      },
      {
        name: 'Referrer',
        type: 'VARCHAR(255) NULL',
        value: orNull(3, pick('s', ['google', 'bing', 'direct']))
      },
      { name: 'Country', type: 'CHAR(2) NULL', value: orNull(5, pick('s', ['US', 'DE', 'CN'])) }
    ]
  },
  {
    db: 'analytics',
    table: 'calendar',
    baseRows: 200,
    covers:
      'DATE, DATETIME(6), TIMESTAMP, TIME (negative and over 24 h), YEAR, with their extreme values',
    keys: ['PRIMARY KEY (id)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      {
        name: 'd',
        type: 'DATE NULL',
        value: `CASE s % 10 WHEN 0 THEN NULL WHEN 1 THEN DATE '1000-01-01' WHEN 2 THEN DATE '9999-12-31' ELSE DATE '2000-02-29' + INTERVAL s DAY END`
      },
      {
        name: 'dt',
        type: 'DATETIME(6) NULL',
        value: `CASE s % 10 WHEN 0 THEN NULL WHEN 1 THEN TIMESTAMP '1000-01-01 00:00:00.000000' WHEN 2 THEN TIMESTAMP '9999-12-31 23:59:59.999999' ELSE TIMESTAMP '2021-03-14 01:59:26.535897' + INTERVAL s HOUR END`
      },
      {
        name: 'ts',
        type: 'TIMESTAMP NULL DEFAULT NULL',
        value: `CASE s % 10 WHEN 0 THEN NULL WHEN 1 THEN TIMESTAMP '1970-01-01 00:00:01' WHEN 2 THEN TIMESTAMP '2038-01-19 03:14:07' ELSE FROM_UNIXTIME(1000000000 + (s * 86399) % 1000000000) END`
      },
      {
        name: 't',
        type: 'TIME NULL',
        value: `CASE s % 10 WHEN 0 THEN NULL WHEN 1 THEN TIME '-838:59:59' WHEN 2 THEN TIME '838:59:59' ELSE SEC_TO_TIME(s * 3607 % 200000 - 50000) END`
      },
      {
        name: 'y',
        type: 'YEAR NULL',
        value:
          'CASE s % 10 WHEN 0 THEN NULL WHEN 1 THEN 1901 WHEN 2 THEN 2155 ELSE 1970 + s % 100 END'
      }
    ]
  },
  {
    db: 'crm',
    table: 'contacts',
    baseRows: 200,
    covers:
      'CHAR (Parquet without STRING annotation), TEXT, MEDIUMBLOB, JSON, ENUM, SET in utf8mb4; a FULLTEXT index TiDB creates the table without',
    keys: ['PRIMARY KEY (id)', 'FULLTEXT KEY ft_bio (bio)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      {
        name: 'full_name',
        type: 'VARCHAR(150) NOT NULL',
        value: `CONCAT(${pick('s * 3', FIRST)}, ' ', ${pick('s', LAST)})`
      },
      {
        name: 'nickname',
        type: 'CHAR(20) NULL',
        value: orNull(6, `CONCAT(${pick('s', EMOJI)}, 'nick', s % 50)`)
      },
      {
        name: 'bio',
        type: 'TEXT NULL',
        value: orNull(4, `REPEAT(CONCAT('Line ', s, ' 👋\\n'), 1 + s % 4)`)
      },
      {
        name: 'avatar',
        type: 'MEDIUMBLOB NULL',
        value: orNull(3, `UNHEX(REPEAT(MD5(s), 1 + s % 8))`)
      },
      {
        name: 'prefs',
        type: 'JSON NULL',
        value: orNull(
          5,
          `JSON_OBJECT('newsletter', s % 2 = 0, 'lang', ${pick('s', ['en', 'de', 'ja'])})`
        )
      },
      {
        name: 'locale',
        type: "ENUM('en_US','de_DE','ja_JP') NULL",
        value: orNull(7, pick('s', ['en_US', 'de_DE', 'ja_JP']))
      },
      {
        name: 'channels',
        type: "SET('email','sms','push') NULL",
        value: orNull(8, pick('s', ['email', 'sms,push', 'email,sms,push']))
      }
    ]
  },
  {
    db: 'crm',
    table: 'legacy_contacts',
    baseRows: 50,
    covers:
      'a space in a column name: the real export skips the table with a warning (AWS, "Considerations for DB cluster snapshot exports")',
    keys: ['PRIMARY KEY (id)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      { name: 'first name', type: 'VARCHAR(50) NULL', value: orNull(7, pick('s', FIRST)) },
      { name: 'last name', type: 'VARCHAR(50) NULL', value: orNull(9, pick('s', LAST)) },
      {
        name: 'phone',
        type: 'VARCHAR(20) NULL',
        value: orNull(5, `CONCAT('+1-555-', LPAD(s, 4, '0'))`)
      }
    ]
  },
  {
    db: 'crm',
    table: 'notes',
    baseRows: 100,
    covers: 'a composite key over two integers, LONGTEXT, LONGBLOB',
    keys: ['PRIMARY KEY (contact_id, seq_no)'],
    columns: ({ rows }) => [
      { name: 'contact_id', type: 'INT NOT NULL', value: `1 + (s - 1) % ${rows('crm.contacts')}` },
      { name: 'seq_no', type: 'INT NOT NULL', value: `1 + (s - 1) DIV ${rows('crm.contacts')}` },
      {
        name: 'body',
        type: 'LONGTEXT NULL',
        value: orNull(6, `CONCAT('Call back ', ${pick('s', EMOJI)}, ' about ', s)`)
      },
      { name: 'attachment', type: 'LONGBLOB NULL', value: orNull(2, `UNHEX(SHA2(s, 256))`) },
      {
        name: 'created',
        type: 'DATETIME(6) NULL',
        value: orNull(9, `TIMESTAMP '2022-02-02 02:02:02.020202' + INTERVAL s MINUTE`)
      }
    ]
  },
  {
    db: 'crm',
    table: 'import_tmp',
    baseRows: 20,
    covers: 'left out by the filter rule `!crm.*_tmp`',
    keys: ['PRIMARY KEY (id)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      { name: 'raw', type: 'TEXT NULL', value: orNull(4, `CONCAT('raw line ', s)`) }
    ]
  },
  {
    db: EXCLUDED_DATABASE,
    table: 'flags',
    baseRows: 20,
    covers:
      'BIT(8), which Lightning cannot read from Aurora Parquet (pingcap/tidb#37774); outside the filter',
    keys: ['PRIMARY KEY (id)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      { name: 'bits', type: 'BIT(8) NULL', value: orNull(5, 's % 256') }
    ]
  },
  {
    db: EXCLUDED_DATABASE,
    table: 'old_orders',
    baseRows: 50,
    covers: 'a second table of the excluded database',
    keys: ['PRIMARY KEY (id)'],
    columns: () => [
      { name: 'id', type: 'INT NOT NULL', value: 's' },
      { name: 'amount', type: 'DECIMAL(10,2) NULL', value: orNull(5, 's * 3.5') },
      { name: 'placed', type: 'DATE NULL', value: orNull(7, `DATE '2015-01-01' + INTERVAL s DAY`) }
    ]
  }
]
