// Tallying binlog events between two positions (the overlap DM replays): row events and transactions as MariaDB
// and MySQL name them in SHOW BINLOG EVENTS.
import { BinlogTally, binlogEventRow } from '../../src/mysql/binlog-events.js'

test('counts row events of both flavours and commits', () => {
  const rows = [
    {
      Log_name: 'mysql-bin.000001',
      Pos: '1200',
      Event_type: 'Gtid',
      End_log_pos: '1242',
      Info: 'BEGIN GTID 0-1-7'
    },
    {
      Log_name: 'mysql-bin.000001',
      Pos: '1242',
      Event_type: 'Annotate_rows',
      End_log_pos: '1300',
      Info: 'INSERT …'
    },
    {
      Log_name: 'mysql-bin.000001',
      Pos: '1300',
      Event_type: 'Table_map',
      End_log_pos: '1350',
      Info: 'table_id: 30'
    },
    {
      Log_name: 'mysql-bin.000001',
      Pos: '1350',
      Event_type: 'Write_rows_v1',
      End_log_pos: '1400',
      Info: 'flags: STMT_END_F'
    },
    {
      Log_name: 'mysql-bin.000001',
      Pos: '1400',
      Event_type: 'Xid',
      End_log_pos: '1431',
      Info: 'COMMIT /* xid=9 */'
    },
    { Log_name: 'binlog.000002', Pos: 4, Event_type: 'Update_rows', End_log_pos: 90, Info: '' },
    { Log_name: 'binlog.000002', Pos: 90, Event_type: 'Delete_rows', End_log_pos: 120, Info: '' },
    { Log_name: 'binlog.000002', Pos: 120, Event_type: 'Query', End_log_pos: 150, Info: 'COMMIT' },
    {
      Log_name: 'binlog.000002',
      Pos: 150,
      Event_type: 'Query',
      End_log_pos: 190,
      Info: 'CREATE TABLE t (a int)'
    }
  ]
  const tally = new BinlogTally()
  for (const r of rows) tally.add(binlogEventRow(r))
  expect(tally.span(true)).toEqual({ events: 9, rowEvents: 3, transactions: 2, complete: true })
  expect(binlogEventRow(rows[0]!)).toEqual({
    pos: 1200,
    endPos: 1242,
    type: 'Gtid',
    info: 'BEGIN GTID 0-1-7'
  })
})
