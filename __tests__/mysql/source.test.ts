// The pure parts of the source adapter, on values recorded from the sandbox's MariaDB and in MySQL 8 / Aurora form.
import {
  binlogSettings,
  cellText,
  parseServerVersion,
  retentionFromConfiguration,
  retentionFromVariables
} from '../../src/mysql/source.js'

/** `SHOW GLOBAL VARIABLES` on the sandbox source (MariaDB 10.11.19), as mysql2 returned it. */
const MARIADB_VARS = {
  binlog_expire_logs_seconds: '0',
  binlog_format: 'ROW',
  binlog_row_image: 'FULL',
  expire_logs_days: '0.000000',
  log_bin: 'ON',
  lower_case_table_names: '0',
  server_id: '1',
  sql_mode:
    'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION'
}

/** `CALL mysql.rds_show_configuration` through mysql2: the rows, then the OK packet. */
const CALL_RESULT = [
  [
    {
      name: 'binlog retention hours',
      value: '24',
      description:
        'binlog retention hours specifies the duration in hours before binary logs are automatically deleted.'
    }
  ],
  { fieldCount: 0, affectedRows: 0, insertId: 0, info: '', serverStatus: 16418, warningStatus: 0 }
]

describe('versions', () => {
  test('MariaDB, MySQL and Aurora version strings', () => {
    expect(parseServerVersion('10.11.19-MariaDB-0+deb12u1-log')).toMatchObject({
      flavor: 'mariadb',
      major: 10,
      minor: 11,
      aurora: undefined
    })
    expect(parseServerVersion('8.0.32', '3.05.2')).toMatchObject({
      flavor: 'mysql',
      major: 8,
      minor: 0,
      aurora: '3.05.2'
    })
    expect(parseServerVersion('8.4.2')).toMatchObject({ major: 8, minor: 4 })
  })
})

describe('binlog settings', () => {
  test('the sandbox MariaDB: ROW, FULL, GTIDs always on, no compression variable, no enhanced binlog', () => {
    expect(binlogSettings(MARIADB_VARS, 'mariadb')).toEqual({
      logBin: true,
      format: 'ROW',
      rowImage: 'FULL',
      serverId: 1,
      transactionCompression: undefined,
      gtidMode: undefined,
      gtidEnabled: true,
      enhancedBinlog: undefined,
      lowerCaseTableNames: 0,
      sqlMode: MARIADB_VARS.sql_mode
    })
  })

  test('Aurora MySQL 3: gtid_mode decides GTIDs, enhanced binlog and compression are read', () => {
    const s = binlogSettings(
      {
        log_bin: 'ON',
        binlog_format: 'mixed',
        gtid_mode: 'ON_PERMISSIVE',
        aurora_enhanced_binlog: '1',
        binlog_transaction_compression: 'ON',
        lower_case_table_names: '1'
      },
      'mysql'
    )
    expect(s).toMatchObject({
      format: 'MIXED',
      gtidMode: 'ON_PERMISSIVE',
      // DM-master refuses enable-gtid unless GTID_MODE is exactly ON (tiflow dm/config/source_config.go).
      gtidEnabled: false,
      enhancedBinlog: true,
      transactionCompression: true,
      lowerCaseTableNames: 1
    })
    expect(binlogSettings({ log_bin: 'OFF', gtid_mode: 'OFF' }, 'mysql')).toMatchObject({
      logBin: false,
      gtidEnabled: false
    })
  })

  test.each([
    ['ON', true],
    ['on', true],
    ['ON_PERMISSIVE', false],
    ['OFF_PERMISSIVE', false],
    ['OFF', false]
  ])('gtid_mode=%s: DM runs with enable-gtid %s (only ON)', (mode, enabled) => {
    expect(binlogSettings({ log_bin: 'ON', gtid_mode: mode }, 'mysql').gtidEnabled).toBe(enabled)
  })
})

describe('retention', () => {
  test("Aurora's procedure: hours, NULL (Aurora's default), or not listed", () => {
    expect(retentionFromConfiguration(CALL_RESULT)).toBe(24)
    expect(
      retentionFromConfiguration([
        [{ name: 'binlog retention hours', value: null, description: '' }],
        {}
      ])
    ).toBeNull()
    expect(retentionFromConfiguration([[{ name: 'target delay', value: '0' }], {}])).toBeUndefined()
    expect(retentionFromConfiguration('nonsense')).toBeUndefined()
  })

  test('MySQL/MariaDB variables: seconds win over days; 0 everywhere means never purged', () => {
    expect(retentionFromVariables({ binlog_expire_logs_seconds: '2592000' })).toEqual({
      kind: 'expire',
      seconds: 2592000,
      variable: 'binlog_expire_logs_seconds'
    })
    expect(
      retentionFromVariables({ binlog_expire_logs_seconds: '0', expire_logs_days: '1.5' })
    ).toMatchObject({
      seconds: 129600,
      variable: 'expire_logs_days'
    })
    expect(retentionFromVariables(MARIADB_VARS)).toMatchObject({ kind: 'expire', seconds: null })
    expect(retentionFromVariables({})).toMatchObject({ kind: 'unknown' })
  })
})

test('cellText: strings, numbers, bytes, NULL', () => {
  expect(cellText('a')).toBe('a')
  expect(cellText(12)).toBe('12')
  expect(cellText(12n)).toBe('12')
  expect(cellText(Buffer.from('é'))).toBe('é')
  expect(cellText(null)).toBe('')
  expect(cellText({})).toBe('')
})
