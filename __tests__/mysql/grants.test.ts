// SHOW GRANTS lines as servers print them: the sandbox's MariaDB 10.11 (recorded from the running server), MySQL
// 8.0's forms (dynamic privileges, roles, column privileges, partial-revoke lines, PROXY) and Aurora's master user.
import {
  canSelect,
  databasePatternMatches,
  globalPrivilegeNeeds,
  hasGlobal,
  parseGrants
} from '../../src/mysql/grants.js'

/** Recorded from the sandbox source (MariaDB 10.11.19) for the `migrator` user. */
const MARIADB = [
  "GRANT SELECT, RELOAD, PROCESS, LOCK TABLES, REPLICATION SLAVE, BINLOG MONITOR, SHOW VIEW ON *.* TO `migrator`@`127.0.0.1` IDENTIFIED BY PASSWORD '*F12E9C161ADC82A7D8F08831B074C758021E34EF'",
  'GRANT EXECUTE ON PROCEDURE `mysql`.`rds_show_configuration` TO `migrator`@`127.0.0.1`',
  'GRANT EXECUTE ON PROCEDURE `mysql`.`rds_set_configuration` TO `migrator`@`127.0.0.1`'
]

describe('parseGrants', () => {
  test("MariaDB's BINLOG MONITOR stands in for REPLICATION CLIENT; routine grants are not table grants", () => {
    const g = parseGrants(MARIADB)
    expect(g.grants).toHaveLength(3)
    expect(g.grants[0]).toMatchObject({ level: 'global' })
    expect(g.grants[1]).toMatchObject({ level: 'routine' })
    expect(hasGlobal(g, 'REPLICATION CLIENT')).toBe(true)
    expect(hasGlobal(g, 'REPLICATION SLAVE')).toBe(true)
    expect(hasGlobal(g, 'SUPER')).toBe(false)
    expect(canSelect(g, 'shop', 'orders', false)).toBe(true)
  })

  test('MySQL 8: database and table grants, dynamic privileges, roles, PROXY and partial revokes', () => {
    const g = parseGrants([
      'GRANT USAGE ON *.* TO `m`@`%`',
      'GRANT BACKUP_ADMIN,BINLOG_ADMIN ON *.* TO `m`@`%`',
      'GRANT SELECT, INSERT ON `shop`.* TO `m`@`%`',
      'GRANT SELECT ON `crm`.`contacts` TO `m`@`%`',
      'GRANT SELECT (`id`, `name`) ON `crm`.`notes` TO `m`@`%`',
      'GRANT `reader`@`%`,`auditor`@`%` TO `m`@`%`',
      "GRANT PROXY ON ''@'' TO 'root'@'localhost' WITH GRANT OPTION",
      'REVOKE INSERT ON `shop`.* FROM `m`@`%`'
    ])
    expect(g.roles).toEqual(['`reader`@`%`', '`auditor`@`%`'])
    expect(g.grants.map((x) => x.level)).toEqual(['global', 'global', 'database', 'table', 'table'])
    expect(g.grants[1]?.privileges).toEqual(['BACKUP_ADMIN', 'BINLOG_ADMIN'])
    expect(canSelect(g, 'shop', 'anything', false)).toBe(true)
    expect(canSelect(g, 'crm', 'contacts', false)).toBe(true)
    // Column-level SELECT is not enough for Dumpling, which reads every column.
    expect(canSelect(g, 'crm', 'notes', false)).toBe(false)
    expect(canSelect(g, 'crm', 'other', false)).toBe(false)
    expect(hasGlobal(g, 'REPLICATION CLIENT')).toBe(false)
  })

  test('ALL PRIVILEGES, SUPER and lower-case keywords', () => {
    expect(
      hasGlobal(
        parseGrants(['grant all privileges on *.* to admin@localhost']),
        'REPLICATION SLAVE'
      )
    ).toBe(true)
    expect(hasGlobal(parseGrants(['GRANT SUPER ON *.* TO `a`@`%`']), 'REPLICATION CLIENT')).toBe(
      true
    )
    expect(canSelect(parseGrants(['GRANT ALL ON `shop`.* TO `a`@`%`']), 'shop', 't', false)).toBe(
      true
    )
  })

  test('names with backticks, dots and the word ON inside quotes', () => {
    const g = parseGrants(['GRANT SELECT ON `we``ird.db`.`on the ON` TO `a`@`%`'])
    expect(g.grants[0]).toMatchObject({ level: 'table', database: 'we`ird.db', table: 'on the ON' })
    expect(canSelect(g, 'we`ird.db', 'on the ON', false)).toBe(true)
  })

  test('case of names follows lower_case_table_names', () => {
    const g = parseGrants(['GRANT SELECT ON `Shop`.`Orders` TO `a`@`%`'])
    expect(canSelect(g, 'shop', 'orders', false)).toBe(false)
    expect(canSelect(g, 'shop', 'orders', true)).toBe(true)
  })
})

describe('database patterns', () => {
  test('% and _ are wildcards, \\ escapes them', () => {
    expect(databasePatternMatches('shop%', 'shop_eu', false)).toBe(true)
    expect(databasePatternMatches('db_1', 'dbx1', false)).toBe(true)
    expect(databasePatternMatches('db\\_1', 'dbx1', false)).toBe(false)
    expect(databasePatternMatches('db\\_1', 'db_1', false)).toBe(true)
    expect(databasePatternMatches('a.b', 'axb', false)).toBe(false)
  })
})

describe('needs', () => {
  test('REPLICATION SLAVE only with DM; PROCESS is recommended', () => {
    expect(globalPrivilegeNeeds(false).map((n) => [n.privilege, n.required])).toEqual([
      ['REPLICATION CLIENT', true],
      ['PROCESS', false]
    ])
    expect(globalPrivilegeNeeds(true).map((n) => n.privilege)).toContain('REPLICATION SLAVE')
  })
})
