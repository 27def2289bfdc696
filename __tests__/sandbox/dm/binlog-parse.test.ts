// The mariadb-binlog pseudo-SQL parser and the SQL literals built from it (lines as MariaDB 10.11 prints them).
import { BinlogTextParser, parseValueLine, valueBytes } from '../../../sandbox/dm/binlog-parse.js'
import {
  classifyDdl,
  dmRowQuery,
  rowStatements,
  sqlLiteral
} from '../../../sandbox/dm/sql-build.js'

const col = { name: 'c', unsigned: false, nullable: true }

describe('binlog text', () => {
  test('values: unsigned readings, quoted bytes with \\x escapes, padding, NULL', () => {
    const big = parseValueLine(
      '###   @1=-1 (18446744073709551615) /* LONGINT meta=0 nullable=0 is_null=0 */'
    )
    expect(big && sqlLiteral(big, { ...col, unsigned: true })).toBe('18446744073709551615')
    expect(big && sqlLiteral(big, col)).toBe('-1')
    const s = parseValueLine(
      "###   @3='it's \\ back\\x0anl' /* INT meta=0 nullable=1 is_null=0 */' /* VARSTRING(200) meta=200 nullable=1 is_null=0 */"
    )
    expect(s?.type).toBe('VARSTRING(200)')
    expect(s && valueBytes(s.text).toString('latin1')).toBe(
      "it's \\ back\nnl' /* INT meta=0 nullable=1 is_null=0 */"
    )
    const f = parseValueLine(
      '###   @8=1.5                  /* FLOAT meta=4 nullable=1 is_null=0 */'
    )
    expect(f?.text).toBe('1.5')
    const n = parseValueLine('###   @22=NULL /* INT meta=0 nullable=1 is_null=1 */')
    expect(n && sqlLiteral(n, col)).toBe('NULL')
    const d = parseValueLine("###   @16='2024:03:01' /* DATE meta=0 nullable=1 is_null=0 */")
    expect(d && sqlLiteral(d, col)).toBe("'2024-03-01'")
    const ts = parseValueLine(
      '###   @6=1704067200.500 /* TIMESTAMP(3) meta=3 nullable=1 is_null=0 */'
    )
    expect(ts && sqlLiteral(ts, col)).toBe("'2024-01-01 00:00:00.500'")
    const blob = parseValueLine(
      "###   @7='\\x00\xff''\\\\x0aA' /* BLOB/TEXT meta=2 nullable=1 is_null=0 */"
    )
    expect(blob && sqlLiteral(blob, col)).toBe("X'00ff27275c0a41'")
  })

  test('events: GTID, rows with before/after images, Xid, Rotate, DDL with its default database', () => {
    const p = new BinlogTextParser()
    const lines = [
      '# at 4',
      '#700101  0:00:00 server id 1  end_log_pos 0 \tRotate to mysql-bin.000002  pos: 4',
      '# at 2331',
      '#261125  8:49:59 server id 1  end_log_pos 2373 CRC32 0x6dff8216 \tGTID 0-1-9 trans',
      'START TRANSACTION',
      '/*!*/;',
      '# at 2547',
      '#261125  8:49:59 server id 1  end_log_pos 2869 CRC32 0x3b71c6dd \tUpdate_rows: table id 22 flags: STMT_END_F',
      '### UPDATE `d1`.`t`',
      '### WHERE',
      '###   @1=5 /* INT meta=0 nullable=0 is_null=0 */',
      '### SET',
      '###   @1=6 /* INT meta=0 nullable=0 is_null=0 */',
      '# Number of rows: 1',
      '# at 2869',
      '#261125  8:49:59 server id 1  end_log_pos 2900 CRC32 0x84c11361 \tXid = 22',
      'COMMIT/*!*/;',
      '# at 3322',
      '#261125  8:49:59 server id 1  end_log_pos 3419 CRC32 0x885c06e2 \tQuery\tthread_id=9\texec_time=0\terror_code=0\txid=24',
      'use `d1`/*!*/;',
      'SET TIMESTAMP=1795596599/*!*/;',
      '/*!\\C utf8mb4 *//*!*/;',
      'create table u (a int)',
      '/*!*/;',
      '# at 3419'
    ]
    const events = lines.flatMap((l) => p.push(l))
    expect(events.map((e) => e.kind)).toEqual(['rotate', 'gtid', 'rows', 'xid', 'query'])
    expect(events[0]).toEqual({ kind: 'rotate', file: 'mysql-bin.000002', pos: 4 })
    const rows = events[2]
    if (rows?.kind !== 'rows') throw new Error('rows expected')
    expect(rows.rows[0]?.before?.[0]?.text).toBe('5')
    expect(rows.rows[0]?.after?.[0]?.text).toBe('6')
    expect(events[4]).toMatchObject({
      kind: 'query',
      db: 'd1',
      sql: 'create table u (a int)',
      endPos: 3419,
      ts: 1795596599
    })
    const info = {
      db: 'd1',
      table: 't',
      columns: [{ name: 'id', unsigned: false, nullable: false }],
      keyColumns: [0]
    }
    expect(rowStatements('update', rows.rows, info, true)).toEqual([
      'DELETE FROM `d1`.`t` WHERE `id` = 5 LIMIT 1',
      'REPLACE INTO `d1`.`t` (`id`) VALUES (6)'
    ])
    expect(rowStatements('update', rows.rows, info, false)).toEqual([
      'UPDATE `d1`.`t` SET `id` = 6 WHERE `id` = 5 LIMIT 1'
    ])
  })

  test('DDL classification for the block-allow-list', () => {
    expect(classifyDdl('CREATE TABLE IF NOT EXISTS `a`.`b` (x int)', '')).toEqual({
      kind: 'table',
      tables: [{ db: 'a', table: 'b' }]
    })
    expect(classifyDdl('alter table t add column y int', 'd')).toEqual({
      kind: 'table',
      tables: [{ db: 'd', table: 't' }]
    })
    expect(classifyDdl('DROP TABLE IF EXISTS a.b, c', 'd').tables).toEqual([
      { db: 'a', table: 'b' },
      { db: 'd', table: 'c' }
    ])
    expect(classifyDdl('CREATE DATABASE shop', '')).toEqual({
      kind: 'schema',
      tables: [],
      schema: 'shop'
    })
    expect(classifyDdl('GRANT SELECT ON *.* TO x', '').kind).toBe('other')
  })

  test('names as printed: raw UTF-8 bytes, a newline inside a name, doubled backticks', () => {
    const p = new BinlogTextParser()
    // The bytes mariadb-binlog writes, read as latin1 as the stream does (lines verified on MariaDB 10.11).
    const raw = (text: string): string => Buffer.from(text, 'utf8').toString('latin1')
    const lines = [
      '#261207 15:49:31 server id 1  end_log_pos 1605 CRC32 0x9470a4e5 \tTable_map: `d`.`new',
      'line` mapped to number 28',
      '# at 1605',
      '#261207 15:49:31 server id 1  end_log_pos 1643 CRC32 0x55de1535 \tWrite_rows: table id 28 flags: STMT_END_F',
      '### INSERT INTO `d`.`new',
      'line`',
      '### SET',
      '###   @1=7 /* INT meta=0 nullable=0 is_null=0 */',
      '# at 1643',
      '#261207 15:49:31 server id 1  end_log_pos 1700 CRC32 0x55de1536 \tWrite_rows: table id 29 flags: STMT_END_F',
      raw('### INSERT INTO `dätä`.`tëst_日本`'),
      '### SET',
      '###   @1=1 /* INT meta=0 nullable=0 is_null=0 */',
      '# at 1700',
      '#261207 15:49:31 server id 1  end_log_pos 1750 CRC32 0x55de1537 \tWrite_rows: table id 30 flags: STMT_END_F',
      '### INSERT INTO `d`.`back``tick`',
      '### SET',
      '###   @1=9 /* INT meta=0 nullable=1 is_null=0 */',
      '# at 1750'
    ]
    const events = lines.flatMap((l) => p.push(l))
    expect(
      events.map((e) => (e.kind === 'rows' ? [e.db, e.table, e.startPos, e.endPos] : e.kind))
    ).toEqual([
      ['d', 'new\nline', 1605, 1643],
      ['dätä', 'tëst_日本', 1643, 1700],
      ['d', 'back`tick', 1700, 1750]
    ])
  })

  test('SET values: the printed member bitmap becomes the integer MariaDB assigns', () => {
    const v = parseValueLine(
      "###   @2=b'00000101' /* SET(1 bytes) meta=63489 nullable=1 is_null=0 */"
    )
    expect(v && sqlLiteral(v, col)).toBe('5')
    const none = parseValueLine(
      "###   @2=b'00000000' /* SET(1 bytes) meta=63489 nullable=1 is_null=0 */"
    )
    expect(none && sqlLiteral(none, col)).toBe('0')
    const wide = parseValueLine(
      `###   @2=b'${'1'.repeat(64)}' /* SET(8 bytes) meta=63496 nullable=1 is_null=0 */`
    )
    expect(wide && sqlLiteral(wide, col)).toBe('18446744073709551615')
    const bit = parseValueLine("###   @3=b'00000101' /* BIT(8) meta=8 nullable=1 is_null=0 */")
    expect(bit && sqlLiteral(bit, col)).toBe("b'00000101'")
  })

  test("DM's own statement text for a row (pkg/sqlmodel, one row per statement)", () => {
    const info = {
      db: 'd',
      table: 't`x',
      columns: [
        { name: 'id', unsigned: false, nullable: false },
        { name: 'v', unsigned: false, nullable: true }
      ],
      keyColumns: [0]
    }
    const val = (index: number, text: string, isNull = false) => ({
      index,
      text,
      quoted: false,
      type: 'INT',
      isNull
    })
    const row = { before: [val(1, '1'), val(2, '', true)], after: [val(1, '2'), val(2, '3')] }
    expect(dmRowQuery('insert', row, info, false)).toBe(
      'INSERT INTO `d`.`t``x` (`id`,`v`) VALUES (?,?)'
    )
    expect(dmRowQuery('insert', row, info, true)).toBe(
      'REPLACE INTO `d`.`t``x` (`id`,`v`) VALUES (?,?)'
    )
    expect(dmRowQuery('delete', row, info, false)).toBe(
      'DELETE FROM `d`.`t``x` WHERE `id` = ? LIMIT 1'
    )
    expect(dmRowQuery('update', row, info, false)).toBe(
      'UPDATE `d`.`t``x` SET `id` = ?, `v` = ? WHERE `id` = ? LIMIT 1'
    )
    expect(dmRowQuery('update', row, info, true)).toBe(
      'DELETE FROM `d`.`t``x` WHERE `id` = ? LIMIT 1'
    )
    expect(dmRowQuery('update', row, info, true, true)).toBe(
      'REPLACE INTO `d`.`t``x` (`id`,`v`) VALUES (?,?)'
    )
    const keyless = { ...info, keyColumns: [] }
    expect(dmRowQuery('delete', row, keyless, false)).toBe(
      'DELETE FROM `d`.`t``x` WHERE `id` = ? AND `v` IS ? LIMIT 1'
    )
  })
})
