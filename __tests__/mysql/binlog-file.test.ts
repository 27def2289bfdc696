import { parseBinlogFile } from '../../src/mysql/binlog-file.js'

describe('binlog file names', () => {
  test('file names: plain, Aurora, relay', () => {
    expect(parseBinlogFile('mysql-bin-changelog.018128')).toEqual({
      name: 'mysql-bin-changelog.018128',
      base: 'mysql-bin-changelog',
      seq: 18128,
      relaySuffix: undefined
    })
    expect(parseBinlogFile('mysql-bin|000001.000003')).toEqual({
      name: 'mysql-bin|000001.000003',
      base: 'mysql-bin',
      seq: 3,
      relaySuffix: 1
    })
    expect(parseBinlogFile('no-extension')).toBeUndefined()
  })
})
