import {
  parseClientTable,
  parseCrashRecoveryEvent,
  parseMasterStatus
} from '../../src/mysql/binlog.js'
import { describeReal, readReal } from '../fixtures/real-outputs.js'

describe('parseMasterStatus on mysql2 rows', () => {
  test('number or string position, multi-line GTID set, [rows, fields] pairs', () => {
    expect(
      parseMasterStatus([
        {
          File: 'mysql-bin-changelog.018128',
          Position: 52806,
          Binlog_Do_DB: '',
          Binlog_Ignore_DB: '',
          Executed_Gtid_Set:
            '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-16333,\nc1a67221-a1b2-11e9-9e33-c80aa9429562:1-106'
        }
      ])
    ).toEqual({
      enabled: true,
      file: 'mysql-bin-changelog.018128',
      position: '52806',
      positionNumber: 52806,
      gtidSet:
        '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-16333,c1a67221-a1b2-11e9-9e33-c80aa9429562:1-106'
    })
    expect(
      parseMasterStatus([[{ File: 'b.000002', Position: '120', Executed_Gtid_Set: '' }], []])
    ).toEqual({
      enabled: true,
      file: 'b.000002',
      position: '120',
      positionNumber: 120,
      gtidSet: undefined
    })
  })

  test('no row means binlog is off; a row without a position is an error', () => {
    expect(parseMasterStatus([])).toEqual({ enabled: false })
    expect(parseMasterStatus([[], []])).toEqual({ enabled: false })
    expect(() => parseMasterStatus([{ File: 'x' }])).toThrow(/no usable File\/Position/)
  })

  test('MariaDB has no Executed_Gtid_Set column; buffers are decoded', () => {
    expect(
      parseMasterStatus([{ File: Buffer.from('mariadb-bin.000003'), Position: 344 }])
    ).toMatchObject({
      file: 'mariadb-bin.000003',
      position: '344',
      gtidSet: undefined
    })
  })
})

describeReal('SHOW MASTER STATUS as printed by the mysql client (real-outputs/mysql)', () => {
  const status = (rel: string): ReturnType<typeof parseMasterStatus> =>
    parseMasterStatus(parseClientTable(readReal(rel)))

  test("Aurora (PingCAP's documented procedure)", () => {
    expect(status('mysql/show-master-status-aurora-changelog-docs.txt')).toEqual({
      enabled: true,
      file: 'mysql-bin-changelog.018128',
      position: '52806',
      positionNumber: 52806,
      gtidSet: undefined
    })
  })

  test('a misaligned pasted table', () => {
    expect(status('mysql/show-master-status-hand-misaligned-table.txt')).toMatchObject({
      file: 'mysql-bin.000002',
      position: '120'
    })
  })

  test('TiDB: a TSO beyond 2^53 stays exact; the UniqueID column is tolerated', () => {
    expect(status('mysql/show-master-status-tidb-tso.txt')).toMatchObject({
      file: 'tidb-binlog',
      position: '400668057259474944',
      positionNumber: undefined
    })
    expect(status('mysql/show-master-status-tidb-uniqueid-bug.txt')).toMatchObject({
      file: 'tidb-binlog',
      position: '0',
      positionNumber: 0
    })
  })

  test('the crash-recovery event of describe-events', () => {
    const doc = readReal('mysql/describe-events-binlog-position-from-crash-recovery-docs.txt')
    const message = /"Message": "(Binlog position[^"]*)"/.exec(doc)?.[1] ?? ''
    expect(parseCrashRecoveryEvent(message)).toEqual({
      file: 'mysql-bin-changelog.000001',
      position: '154',
      positionNumber: 154
    })
    expect(parseCrashRecoveryEvent('DB instance created')).toBeUndefined()
  })
})

describe('parseClientTable', () => {
  test('the \\G form with a GTID set continued on the next line', () => {
    const rows = parseClientTable(
      [
        '*************************** 1. row ***************************',
        '             File: mysql-bin.000004',
        '         Position: 109227',
        '     Binlog_Do_DB: ',
        ' Binlog_Ignore_DB: ',
        'Executed_Gtid_Set: 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-16333,',
        'c1a67221-a1b2-11e9-9e33-c80aa9429562:1-106',
        '1 row in set (0.00 sec)'
      ].join('\n')
    )
    expect(parseMasterStatus(rows)).toEqual({
      enabled: true,
      file: 'mysql-bin.000004',
      position: '109227',
      positionNumber: 109227,
      gtidSet:
        '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-16333,c1a67221-a1b2-11e9-9e33-c80aa9429562:1-106'
    })
  })

  test('an empty set is no row', () => {
    expect(parseMasterStatus(parseClientTable('Empty set (0.00 sec)'))).toEqual({ enabled: false })
  })
})
